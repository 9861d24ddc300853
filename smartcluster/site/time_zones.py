"""Time zones offered in forms: the IANA zones in use today, grouped by region (moved from matchmaking so that
every app's forms offer the same list)."""

from __future__ import annotations

import zoneinfo
from functools import cache
from importlib import resources
from typing import Any

from django import forms


@cache
def current_time_zones() -> frozenset[str]:
    """The IANA zones in use today: those of the country tables zone.tab and zone1970.tab, so no legacy alias
    ("US/Eastern", "GB", "Etc/GMT+1", "Asia/Calcutta") is offered."""
    names: set[str] = set()
    for table in ("zone.tab", "zone1970.tab"):
        text = resources.files("tzdata.zoneinfo").joinpath(table).read_text(encoding="utf-8")
        names.update(line.split("\t")[2] for line in text.splitlines() if line and not line.startswith("#"))
    return frozenset(names & zoneinfo.available_timezones())


@cache
def time_zone_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """Current zones grouped by region (the part before the first "/"), each shown by its place name."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for name in sorted(current_time_zones()):
        region, place = name.split("/", 1)
        groups.setdefault(region, []).append((name, place.replace("_", " ")))
    return list(groups.items())


class TimeZoneField(forms.ChoiceField):
    """A current IANA zone, offered grouped by region."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(choices=time_zone_choices, **kwargs)

    def keep(self, zone: str) -> None:
        """Offer `zone` too when a record already holds it (an older alias), so that saving does not change it."""
        if zone and zone not in current_time_zones() and zone in zoneinfo.available_timezones():
            self.choices = [*time_zone_choices(), (zone, zone)]
