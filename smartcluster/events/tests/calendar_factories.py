"""The calendar tests' world: build_world's project (started 1 March 2025) with its two partners' events."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from typing import Any

from django.core import serializers

from smartcluster.events.choices import EventKind
from smartcluster.events.models import EventSession, ProjectEvent, StakeholderGroup, StakeholderGroupMember
from smartcluster.events.services.calendar import project_event_load
from smartcluster.organisations.models import Partner
from smartcluster.organisations.tests.factories import World, build_world, database_dump

ATHENS = zoneinfo.ZoneInfo("Europe/Athens")


def calendar_world() -> World:
    world = build_world()
    world.project.start_date = dt.date(2025, 3, 1)
    world.project.save()
    return world


def partner_b(world: World) -> Partner:
    return Partner.objects.get(project=world.project, organisation=world.org_b)


def make_event(world: World, *, title: str = "Peer review in Larissa", host: Partner | None = None,
               starts: dt.datetime = dt.datetime(2025, 9, 10, 9, 0), hours: int = 8, **fields: Any) -> ProjectEvent:
    """An event hosted by partner A (unless `host`), entered in Athens time."""
    fields = {"kind": EventKind.PEER_REVIEW, "venue": "Larissa", "time_zone": "Europe/Athens",
              "is_published": True, **fields}
    return project_event_load(project=world.project, title=title, host=host or world.partner_a, starts_at=starts,
                              ends_at=starts + dt.timedelta(hours=hours), **fields)


def calendar_dump() -> str:
    """Every row of the calendar's tables and of build_world's, to prove a refused write changed nothing."""
    rows = [serializers.serialize("json", model.objects.order_by("pk"))
            for model in (ProjectEvent, EventSession, StakeholderGroup, StakeholderGroupMember)]
    return "\n".join([database_dump(), *rows])
