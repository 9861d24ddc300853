"""Meetings recorded as held of the events an organisation organises, by their slot (the monitoring's counts)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from smartcluster.matchmaking.models import Attendance, Meeting, MeetingStatus
from smartcluster.matchmaking.selectors import meeting_held_between

pytestmark = pytest.mark.django_db


def test_only_held_meetings_of_the_organisers_events_in_the_window_count(participant_factory: Any) -> None:
    ana, ben, cas = (participant_factory(name) for name in ("ana", "ben", "cas"))
    first_slot, second_slot = ana.event.slots.order_by("starts_at")[:2]
    held = Meeting.objects.create(event=ana.event, requester=ana, recipient=ben, status=MeetingStatus.ACCEPTED,
                                  slot=first_slot, table=1, attendance=Attendance.HELD)
    Meeting.objects.create(event=ana.event, requester=cas, recipient=ana, status=MeetingStatus.ACCEPTED,
                           slot=second_slot, table=1, attendance=Attendance.NO_SHOW)
    Meeting.objects.create(event=ana.event, requester=ben, recipient=cas, status=MeetingStatus.ACCEPTED,
                           slot=second_slot, table=2)
    window = {"first": first_slot.starts_at - dt.timedelta(days=1), "after": first_slot.starts_at + dt.timedelta(days=1)}
    assert list(meeting_held_between(organiser_ids=[ana.event.organiser_id], **window)) == [held]
    assert list(meeting_held_between(organiser_ids=[ana.organisation_id], **window)) == []
    assert list(meeting_held_between(organiser_ids=[ana.event.organiser_id], first=window["after"],
                                     after=window["after"] + dt.timedelta(days=1))) == []
