"""A project with a lead partner (A) and a partner (B), events created directly with the models, for the outcomes
tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core import serializers
from django.utils import timezone

from smartcluster.events.models import (
    BrainstormIdea,
    BrainstormTheme,
    BrainstormVote,
    CheckInIssue,
    Decision,
    FollowUpAction,
    ProjectEvent,
    Registration,
)
from smartcluster.organisations.models import Partner, Person
from smartcluster.organisations.tests.factories import World, build_world, make_user


def lead_world() -> World:
    """`build_world` with partner A as the project's lead partner and the project started on 1 January 2026."""
    world = build_world()
    world.partner_a.role = "lead"
    world.partner_a.save()
    world.project.start_date = dt.date(2026, 1, 1)
    world.project.save()
    return world


def partner_b(world: World) -> Partner:
    return world.project.partners.get(organisation=world.org_b)


def make_event(world: World, *, kind: str = "steering_committee", starts: dt.datetime | None = None,
               host: Partner | None = None, **extra: Any) -> ProjectEvent:
    starts = starts or timezone.make_aware(dt.datetime(2026, 3, 10, 10, 0), dt.UTC)
    return ProjectEvent.objects.create(project=world.project, kind=kind, title=f"{kind} {starts:%Y-%m-%d}",
                                       host=host or world.partner_a, starts_at=starts,
                                       ends_at=starts + dt.timedelta(hours=2), **extra)


def person_with_user(name: str, *, organisation: Any = None) -> Person:
    return Person.objects.create(name=name, organisation=organisation, user=make_user(name.lower().replace(" ", "_")))


def register(event: ProjectEvent, person: Person, *, status: str = "registered", **extra: Any) -> Registration:
    return Registration.objects.create(event=event, person=person, status=status, token=f"t{event.pk}-{person.pk}",
                                       **extra)


def outcomes_dump() -> str:
    """The outcome tables, to prove a refused write changed nothing."""
    models = [ProjectEvent, Decision, FollowUpAction, CheckInIssue, BrainstormTheme, BrainstormIdea, BrainstormVote]
    return "\n".join(serializers.serialize("json", model.objects.order_by("pk")) for model in models)
