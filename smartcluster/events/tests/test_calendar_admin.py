"""Calendar admin: events with their agenda and groups with their members open for an administrator; an event
ending before it starts is refused on its end field."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from smartcluster.events.services.calendar import stakeholder_group_load
from smartcluster.events.tests.calendar_factories import calendar_world, make_event
from smartcluster.organisations.tests.factories import make_user

pytestmark = pytest.mark.django_db


def admin_client() -> Client:
    client = Client()
    client.force_login(make_user("root", is_staff=True, is_superuser=True))
    return client


def test_event_and_group_pages_open_with_their_inlines() -> None:
    world = calendar_world()
    event = make_event(world, sessions=[])
    group = stakeholder_group_load(partner=world.partner_a, name="Thessaly RSG")
    client = admin_client()
    assert client.get(reverse("admin:events_projectevent_changelist"), secure=True).status_code == 200
    page = client.get(reverse("admin:events_projectevent_change", args=[event.pk]), secure=True)
    assert page.status_code == 200 and b"sessions-TOTAL_FORMS" in page.content
    page = client.get(reverse("admin:events_stakeholdergroup_change", args=[group.pk]), secure=True)
    assert page.status_code == 200 and b"members-TOTAL_FORMS" in page.content


def test_the_admin_refuses_an_event_ending_before_it_starts_on_the_end_field() -> None:
    world = calendar_world()
    event = make_event(world)
    client = admin_client()
    form = client.get(reverse("admin:events_projectevent_change", args=[event.pk]), secure=True).context["adminform"]
    data = {name: value for name, value in form.form.initial.items() if value is not None}
    data.update({"starts_at_0": "2025-09-10", "starts_at_1": "09:00", "ends_at_0": "2025-09-10", "ends_at_1": "08:00",
                 "host": world.partner_a.pk, "project": world.project.pk, "sessions-TOTAL_FORMS": "0",
                 "sessions-INITIAL_FORMS": "0"})
    data.pop("starts_at"), data.pop("ends_at")
    response = client.post(reverse("admin:events_projectevent_change", args=[event.pk]), data, secure=True)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["ends_at"] == ["It must end after it starts."]
    event.refresh_from_db()
    assert event.ends_at > event.starts_at
