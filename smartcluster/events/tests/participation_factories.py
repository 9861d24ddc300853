"""The participation tests' world: build_world's two partners, an event hosted by partner A (created with the
models), invited and registered people of both helices, and a dump of every participation table."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core import serializers
from django.test import Client
from django.utils import timezone

from smartcluster.events.choices import EventKind, RegistrationStatus
from smartcluster.events.models import FeedbackResponse, Material, ProjectEvent, Registration
from smartcluster.events.services.participation import registration_load
from smartcluster.notifications.models import Notification
from smartcluster.organisations.models import Organisation, Partner, Person
from smartcluster.organisations.tests.factories import World, build_world, database_dump

__all__ = ["World", "browser", "build_world", "make_event", "make_person", "participation_dump", "partner_b", "register",
           "send"]


def partner_b(world: World) -> Partner:
    return Partner.objects.get(project=world.project, organisation=world.org_b)


def make_event(world: World, *, host: Partner | None = None, kind: str = EventKind.PEER_REVIEW, days_ago: int = 1,
               **fields: Any) -> ProjectEvent:
    """An event of the project hosted by partner A (unless `host`), which started `days_ago` days ago."""
    starts = timezone.now() - dt.timedelta(days=days_ago)
    return ProjectEvent.objects.create(**{
        "project": world.project, "host": host or world.partner_a, "kind": kind, "title": "Peer review in Larissa",
        "venue": "Larissa", "time_zone": "Europe/Athens", "starts_at": starts,
        "ends_at": starts + dt.timedelta(hours=8), "is_published": True, **fields})


def make_person(name: str, *, organisation_type: str | None = None, email: str = "") -> Person:
    organisation = (Organisation.objects.create(name=f"{name} Org", type=organisation_type)
                    if organisation_type else None)
    return Person.objects.create(name=name, email=email or f"{name.lower().replace(' ', '.')}@example.org",
                                 organisation=organisation)


def register(event: ProjectEvent, person: Person, **fields: Any) -> Registration:
    return registration_load(event=event, person=person, **{"status": RegistrationStatus.REGISTERED, **fields})


def participation_dump() -> str:
    """Every row of the participation tables, build_world's and the notifications, to prove a refusal changed
    nothing."""
    rows = [serializers.serialize("json", model.objects.order_by("pk"))
            for model in (ProjectEvent, Registration, FeedbackResponse, Material, Notification)]
    return "\n".join([database_dump(), *rows])


def browser(user: Any = None) -> Client:
    """A client that enforces CSRF like a browser's session: logged in as `user` (if any), holding the CSRF cookie
    of a page it read; `send(browser, url, data)` posts with the token."""
    client = Client(enforce_csrf_checks=True, HTTP_REFERER="https://testserver/")
    if user is not None:
        client.force_login(user)
    client.get("/", secure=True)
    return client


def send(client: Client, url: str, data: dict[str, Any] | None = None, *, token: bool = True, **extra: Any) -> Any:
    """A form post (multipart), with the CSRF token unless `token` is false."""
    payload = dict(data or {})
    if token:
        payload["csrfmiddlewaretoken"] = client.cookies["csrftoken"].value
    return client.post(url, payload, secure=True, **extra)
