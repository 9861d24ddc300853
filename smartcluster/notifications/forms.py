"""The e-mail preferences form: the master switch and one box per registered kind."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from smartcluster.notifications.selectors import Preferences

KIND_PREFIX = "kind__"


class PreferencesForm(forms.Form):
    email = forms.BooleanField(label=_("Send me my notifications by e-mail too"), required=False,
                               help_text=_("Off: they reach your inbox on this site only."))

    def __init__(self, *args: Any, kinds: dict[str, str | Promise], preferences: Preferences, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"email": preferences.email} | {
            KIND_PREFIX + kind: preferences.by_kind.get(kind, True) for kind in kinds})
        super().__init__(*args, **kwargs)
        for kind, label in kinds.items():
            self.fields[KIND_PREFIX + kind] = forms.BooleanField(label=label, required=False)

    def kind_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.fields if name.startswith(KIND_PREFIX)]

    def by_kind(self) -> dict[str, bool]:
        """The per-kind choices of a valid form, by kind code."""
        return {name.removeprefix(KIND_PREFIX): value for name, value in self.cleaned_data.items()
                if name.startswith(KIND_PREFIX)}
