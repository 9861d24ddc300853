"""JSON API: paginated, filtered lists of events, profiles and meetings; refusals as 400/403 with a message."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from smartcluster.matchmaking import services
from smartcluster.matchmaking.models import Meeting, MeetingStatus
from smartcluster.matchmaking.tests.conftest import register
from smartcluster.matchmaking.tests.test_views import client_for

pytestmark = pytest.mark.django_db
API = "/api/matchmaking"


def test_events_list_is_paginated_and_searchable(event: Any) -> None:
    body = Client().get(f"{API}/events/", {"q": "smart"}).json()
    assert body["count"] == 1 and body["items"][0]["title"] == "Smart Industry B2B"
    assert len(body["items"][0]["slots"]) == 4
    assert Client().get(f"{API}/events/", {"q": "nothing-like-this"}).json()["count"] == 0


def test_profiles_list_only_approved_and_filters(event: Any, participant_factory: Any) -> None:
    ada = participant_factory("ada", country="ES",
                              opportunities=[{"kind": "offer", "title": "Cobots", "keywords": "a, b"}])
    participant_factory("bo", country="LT")
    register(event, "pending", approve=False)
    client = Client()
    client.force_login(ada.user)  # profiles are for the event's approved participants (no longer anonymous)
    everyone = client.get(f"{API}/events/{event.pk}/profiles/").json()
    assert everyone["count"] == 2
    spanish = client.get(f"{API}/events/{event.pk}/profiles/", {"country": "ES"}).json()["items"]
    assert [p["organisation"] for p in spanish] == ["Ada Ltd"]
    assert spanish[0]["opportunities"] == [{"kind": "offer", "title": "Cobots", "description": "",
                                            "keywords": ["a", "b"]}]
    assert "email" not in spanish[0]


def test_meetings_list_shows_only_the_callers_meetings(participant_factory: Any) -> None:
    a, b, c = participant_factory("cy"), participant_factory("di"), participant_factory("ed")
    services.meeting_request(user=a.user, requester=a, recipient=b)
    assert client_for(a.user).get(f"{API}/meetings/").json()["count"] == 1
    assert client_for(c.user).get(f"{API}/meetings/").json()["count"] == 0
    assert Client().get(f"{API}/meetings/").status_code == 401


def test_request_and_accept_through_the_api_and_refusals_named(event: Any, participant_factory: Any) -> None:
    a, b = participant_factory("fe"), participant_factory("gi")
    client_a, client_b = client_for(a.user), client_for(b.user)
    to_self = client_a.post(f"{API}/events/{event.pk}/meetings/", {"recipient_id": a.pk},
                            content_type="application/json")
    assert to_self.status_code == 400 and "yourself" in to_self.json()["detail"]
    created = client_a.post(f"{API}/events/{event.pk}/meetings/", {"recipient_id": b.pk, "message": "Hi"},
                            content_type="application/json")
    assert created.status_code == 201
    meeting_id = created.json()["id"]
    assert client_a.post(f"{API}/meetings/{meeting_id}/accept").status_code == 403
    assert Meeting.objects.get(pk=meeting_id).status == MeetingStatus.PENDING
    accepted = client_b.post(f"{API}/meetings/{meeting_id}/accept")
    assert accepted.status_code == 200 and accepted.json()["status"] == "accepted"


def test_api_writes_need_a_csrf_token_with_a_session(event: Any, participant_factory: Any) -> None:
    a, b = participant_factory("hu"), participant_factory("io")
    client = Client(enforce_csrf_checks=True)
    client.force_login(a.user)
    response = client.post(f"{API}/events/{event.pk}/meetings/", {"recipient_id": b.pk},
                           content_type="application/json")
    assert response.status_code in (401, 403)
    assert not Meeting.objects.exists()


def test_room_links_go_to_the_two_sides_only(event: Any, organiser_user: Any, participant_factory: Any) -> None:
    a, b = participant_factory("jo"), participant_factory("ky")
    meeting = services.meeting_request(user=a.user, requester=a, recipient=b)
    meeting = services.meeting_accept(user=b.user, meeting=meeting)
    services.meeting_set_video_url(user=a.user, meeting=meeting, url="https://meet.example.org/private-room")
    assert client_for(b.user).get(f"{API}/meetings/{meeting.pk}").json()["video_url"].endswith("private-room")
    as_organiser = client_for(organiser_user).get(f"{API}/meetings/", {"event": event.pk}).json()
    assert as_organiser["count"] == 1 and as_organiser["items"][0]["video_url"] == ""
