"""Who met whom, by organisation, for the collaboration network: accepted meetings the reader may read."""

from __future__ import annotations

from typing import Any

import pytest

from smartcluster.matchmaking import selectors
from smartcluster.matchmaking.models import Attendance, Meeting, MeetingStatus
from smartcluster.matchmaking.tests.conftest import make_user

pytestmark = pytest.mark.django_db


def test_accepted_meetings_count_and_no_shows_and_open_requests_do_not(participant_factory: Any,
                                                                         organiser_user: Any) -> None:
    ana, ben, cas = (participant_factory(name) for name in ("ana", "ben", "cas"))
    Meeting.objects.create(event=ana.event, requester=ana, recipient=ben, status=MeetingStatus.ACCEPTED,
                           attendance=Attendance.HELD)
    Meeting.objects.create(event=ana.event, requester=cas, recipient=ana, status=MeetingStatus.ACCEPTED)
    Meeting.objects.create(event=ana.event, requester=ben, recipient=cas, status=MeetingStatus.ACCEPTED,
                           attendance=Attendance.NO_SHOW)
    Meeting.objects.create(event=ana.event, requester=cas, recipient=ben, status=MeetingStatus.PENDING)
    assert sorted(selectors.meeting_held_organisation_pairs(user=organiser_user)) == sorted([
        (ana.organisation_id, ben.organisation_id), (cas.organisation_id, ana.organisation_id)])


def test_a_meeting_is_read_only_by_its_sides_and_organisers(participant_factory: Any) -> None:
    ana, ben = participant_factory("ana"), participant_factory("ben")
    Meeting.objects.create(event=ana.event, requester=ana, recipient=ben, status=MeetingStatus.ACCEPTED)
    assert selectors.meeting_held_organisation_pairs(user=ben.user) == [(ana.organisation_id, ben.organisation_id)]
    assert selectors.meeting_held_organisation_pairs(user=make_user("stranger")) == []
