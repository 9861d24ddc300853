"""The one kind of refusal of this package: it names the field, a stable code the app translates, and English."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any


class EvaluationError(ValueError):
    """Input the evaluation cannot use. `field` names the faulty field (e.g. ``indicators.members.threshold``),
    `code` is a stable key the app maps to a translated message, `str(error)` is the English text."""

    def __init__(self, field: str, code: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.code = code
        self.message = message


def unknown_keys_refused(values: Mapping[str, Any], known: type[StrEnum], *, field: str, code: str, what: str) -> None:
    """Refuse a figure given under a key `known` does not list, naming `<field>.<key>` (the first in order)."""
    unknown = sorted(set(map(str, values)) - set(known))
    if unknown:
        raise EvaluationError(f"{field}.{unknown[0]}", code, f"unknown {what} (known: {', '.join(known)})")
