"""The one kind of refusal of this package: it names the field, a stable code the app translates, and English."""

from __future__ import annotations


class EvaluationError(ValueError):
    """Input the evaluation cannot use. `field` names the faulty field (e.g. ``indicators.members.threshold``),
    `code` is a stable key the app maps to a translated message, `str(error)` is the English text."""

    def __init__(self, field: str, code: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.code = code
        self.message = message
