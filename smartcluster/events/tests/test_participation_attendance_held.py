"""The events a project's partner held with attendance recorded, in a time window (the monitoring's live counts)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from smartcluster.events.selectors import event_attendance_held
from smartcluster.events.tests.participation_factories import (
    build_world,
    make_event,
    make_person,
    partner_b,
    register,
)

pytestmark = pytest.mark.django_db


def test_an_ended_event_with_attendance_counts_each_attendee_once_and_others_are_left_out():
    world = build_world()
    now = timezone.now()
    held = make_event(world, days_ago=2)
    register(held, make_person("Came Here"), attended=True)
    register(held, make_person("Came Too"), attended=True)
    register(held, make_person("Stayed Home"))
    register(make_event(world, days_ago=3, title="Nobody recorded"), make_person("Unrecorded"))
    register(make_event(world, days_ago=-2, title="Not yet ended"), make_person("Early Bird"), attended=True)
    window = {"project": world.project, "first": now - dt.timedelta(days=30), "after": now + dt.timedelta(days=30)}
    assert [(event.pk, event.attended_count) for event in event_attendance_held(**window)] == [(held.pk, 2)]
    assert list(event_attendance_held(**window, host=partner_b(world))) == []
    assert list(event_attendance_held(**{**window, "after": now - dt.timedelta(days=3)})) == []
