"""Field validators every app's models share."""

from __future__ import annotations

import zoneinfo
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def validate_time_zone(value: str) -> None:
    """An IANA time-zone name that this machine's zone database knows."""
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("Unknown time zone “%(zone)s” (use an IANA name such as Europe/Vilnius)."),
                              params={"zone": value})


def nul_characters_refused(values: Mapping[str, Any]) -> None:
    """Refuse a text holding a NUL character, naming its field (PostgreSQL cannot store one in a text column)."""
    problems = {name: _("Remove the NUL character (\\x00).") for name, value in values.items()
                if isinstance(value, str) and "\x00" in value}
    if problems:
        raise ValidationError(problems)
