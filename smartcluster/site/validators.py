"""Field validators every app's models share."""

from __future__ import annotations

import zoneinfo

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def validate_time_zone(value: str) -> None:
    """An IANA time-zone name that this machine's zone database knows."""
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("Unknown time zone “%(zone)s” (use an IANA name such as Europe/Vilnius)."),
                              params={"zone": value})
