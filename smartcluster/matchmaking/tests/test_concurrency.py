"""Concurrent accepts never exceed the meeting limit: row locks (select_for_update) tested on PostgreSQL."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from smartcluster.matchmaking import services
from smartcluster.matchmaking.models import Meeting, MeetingStatus, Participant
from smartcluster.matchmaking.tests.conftest import create_event, register

THREADS = 6
LIMIT = 2


def _accept_all_at_once(meetings: list[Meeting], accepter_of: dict[int, Any]) -> list[str]:
    """Each meeting accepted in its own thread (own connection), all released together by a barrier."""
    barrier = threading.Barrier(len(meetings))

    def accept(meeting_id: int) -> str:
        try:
            meeting = Meeting.objects.select_related("event", "requester", "recipient").get(pk=meeting_id)
            barrier.wait(timeout=30)
            services.meeting_accept(user=accepter_of[meeting_id], meeting=meeting)
            return "accepted"
        except ValidationError:
            return "refused"
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=len(meetings)) as pool:
        return list(pool.map(accept, [meeting.pk for meeting in meetings]))


@pytest.fixture
def postgresql() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")


@pytest.fixture
def slow_count(monkeypatch: pytest.MonkeyPatch) -> None:
    """Widen the window between reading the count and writing the acceptance, so that without row locks the
    threads would all read the same count and all accept (checked: removing select_for_update fails these)."""
    count = services.accepted_count

    def slow(*, participant: Participant) -> int:
        value = count(participant=participant)
        time.sleep(0.2)
        return value

    monkeypatch.setattr(services, "accepted_count", slow)


@pytest.mark.django_db(transaction=True)
def test_parallel_accepts_by_one_recipient_stop_at_the_limit(postgresql: None, slow_count: None, organiser_user: Any) -> None:
    event = create_event(organiser_user, max_meetings_per_participant=LIMIT)
    hub = register(event, "hub")
    guests = [register(event, f"guest{i}") for i in range(THREADS)]
    requests = [services.meeting_request(user=g.user, requester=g, recipient=hub) for g in guests]
    results = _accept_all_at_once(requests, {meeting.pk: hub.user for meeting in requests})
    assert results.count("accepted") == LIMIT and results.count("refused") == THREADS - LIMIT
    assert Meeting.objects.filter(recipient=hub, status=MeetingStatus.ACCEPTED).count() == LIMIT
    assert Meeting.objects.filter(status=MeetingStatus.PENDING).count() == THREADS - LIMIT


@pytest.mark.django_db(transaction=True)
def test_parallel_accepts_by_different_recipients_respect_the_requesters_limit(
    postgresql: None, slow_count: None, organiser_user: Any
) -> None:
    event = create_event(organiser_user, max_meetings_per_participant=LIMIT)
    asker = register(event, "asker")
    hosts = [register(event, f"host{i}") for i in range(THREADS)]
    requests = [services.meeting_request(user=asker.user, requester=asker, recipient=h) for h in hosts]
    results = _accept_all_at_once(requests, {meeting.pk: meeting.recipient.user for meeting in requests})
    assert results.count("accepted") == LIMIT
    assert Meeting.objects.filter(requester=asker, status=MeetingStatus.ACCEPTED).count() == LIMIT
