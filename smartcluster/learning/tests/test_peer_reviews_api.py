"""Peer reviews API with real bearer tokens: lists and details of reviews (with the two-countries warning),
participants and recommendations; writes (create, add participant, record, respond) allowed to the right
editors only; refusals answer 400/403/401 and leave the database unchanged."""

from __future__ import annotations

import pytest
from django.test import Client

from smartcluster.events.tests.calendar_factories import make_event
from smartcluster.learning.choices import RecommendationResponse
from smartcluster.learning.tests.peer_reviews_world import learning_dump, recommend, review_world

pytestmark = pytest.mark.django_db
API = "/api/learning"


def bearer(token: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def _post(path: str, data: dict, token: str | None = None) -> object:
    return Client().post(f"{API}{path}", data, content_type="application/json", **(bearer(token) if token else {}))


def test_reviews_listed_with_the_warning_and_internal_ones_for_partners_only():
    rw = review_world(is_published=False)
    assert Client().get(f"{API}/peer-reviews/").json()["count"] == 0
    assert Client().get(f"{API}/peer-reviews/{rw.review.pk}").status_code == 404
    [item] = Client().get(f"{API}/peer-reviews/", **bearer(rw.tokens["editor_b"])).json()["items"]
    assert item["host_country"] == "EL" and item["peer_countries"] == ["ES", "IT"] and item["warning"] == ""
    rw.peer_c.delete()
    detail = Client().get(f"{API}/peer-reviews/{rw.review.pk}", **bearer(rw.tokens["viewer"])).json()
    assert "1 country besides the host's" in detail["warning"]


def test_participants_and_recommendations_lists_and_details():
    rw = review_world()
    recommendation = recommend(rw, practices=[rw.practice])
    participants = Client().get(f"{API}/peer-reviews/{rw.review.pk}/participants/").json()["items"]
    assert [(p["organisation"], p["country"]) for p in participants] == [("Authority B", "IT"), ("Cluster C", "ES")]
    assert Client().get(f"{API}/peer-review-participants/{rw.peer_b.pk}").json()["role"] == "peer"
    items = Client().get(f"{API}/peer-reviews/{rw.review.pk}/recommendations/").json()["items"]
    assert items[0]["practice_ids"] == [rw.practice.pk] and items[0]["response"] == "pending"
    assert Client().get(f"{API}/recommendations/{recommendation.pk}").json()["author"] == "Authority B"


def test_host_creates_a_review_of_its_event_and_another_partner_is_refused():
    rw = review_world()
    event = make_event(rw.world, title="Second review")
    before = learning_dump()
    refused = _post("/peer-reviews/", {"event": event.pk, "policy_challenge": "Skills"}, rw.tokens["editor_b"])
    assert refused.status_code == 403 and learning_dump() == before
    assert _post("/peer-reviews/", {"event": event.pk, "policy_challenge": "Skills"}).status_code == 401
    created = _post("/peer-reviews/", {"event": event.pk, "policy_challenge": "Skills"}, rw.tokens["editor_a"])
    assert created.status_code == 201 and created.json()["event_id"] == event.pk


def test_host_adds_a_participant_and_a_bad_country_is_named():
    rw = review_world()
    before = learning_dump()
    bad = _post(f"/peer-reviews/{rw.review.pk}/participants/",
                {"role": "expert", "organisation": rw.world.org_a.pk, "country": "Greece"}, rw.tokens["editor_a"])
    assert bad.status_code == 400 and "country" in bad.json()["detail"].lower()
    assert learning_dump() == before
    added = _post(f"/peer-reviews/{rw.review.pk}/participants/",
                  {"role": "local_stakeholder", "organisation": rw.world.org_a.pk}, rw.tokens["editor_a"])
    assert added.status_code == 201 and added.json()["country"] == "EL"


def test_peer_records_a_recommendation_and_may_not_cite_an_unreadable_practice():
    rw = review_world()
    before = learning_dump()
    refused = _post(f"/peer-reviews/{rw.review.pk}/recommendations/",
                    {"author": rw.peer_b.pk, "text": "Copy it.", "practices": [rw.foreign_practice.pk]},
                    rw.tokens["editor_b"])
    assert refused.status_code == 400 and learning_dump() == before
    other_peer = _post(f"/peer-reviews/{rw.review.pk}/recommendations/",
                       {"author": rw.peer_c.pk, "text": "Not mine."}, rw.tokens["editor_b"])
    assert other_peer.status_code == 403 and learning_dump() == before
    recorded = _post(f"/peer-reviews/{rw.review.pk}/recommendations/",
                     {"author": rw.peer_b.pk, "text": "Pool the labs.", "practices": [rw.practice.pk]},
                     rw.tokens["editor_b"])
    assert recorded.status_code == 201 and recorded.json()["practice_ids"] == [rw.practice.pk]


def test_only_the_host_responds_and_accepted_ones_are_listed():
    rw = review_world()
    recommendation = recommend(rw)
    before = learning_dump()
    refused = _post(f"/recommendations/{recommendation.pk}/response", {"response": "accepted", "reason": "Yes"},
                    rw.tokens["editor_b"])
    assert refused.status_code == 403 and learning_dump() == before
    no_reason = _post(f"/recommendations/{recommendation.pk}/response", {"response": "accepted", "reason": ""},
                      rw.tokens["editor_a"])
    assert no_reason.status_code == 400 and learning_dump() == before
    answered = _post(f"/recommendations/{recommendation.pk}/response",
                     {"response": "accepted", "reason": "Fits measure 2."}, rw.tokens["editor_a"]).json()
    assert answered["response"] == RecommendationResponse.ACCEPTED and answered["responded_by"] == "editor_a"
    accepted = Client().get(f"{API}/recommendations/accepted/?partner={rw.world.partner_a.pk}").json()
    assert [r["id"] for r in accepted["items"]] == [recommendation.pk]


def test_a_session_without_csrf_token_may_not_write():
    rw = review_world()
    recommendation = recommend(rw)
    client = Client(enforce_csrf_checks=True)
    client.force_login(rw.users["editor_a"])
    before = learning_dump()
    response = client.post(f"{API}/recommendations/{recommendation.pk}/response",
                           {"response": "accepted", "reason": "Yes"}, content_type="application/json")
    assert response.status_code in (401, 403) and learning_dump() == before


def test_host_creates_a_review_with_its_event_and_another_partner_is_refused():
    rw = review_world()
    payload = {"host": rw.world.partner_a.pk, "title": "Peer review in Volos", "venue": "Volos",
               "time_zone": "Europe/Athens", "starts_at": "2026-04-01T09:00", "ends_at": "2026-04-02T17:00",
               "policy_challenge": "Few SMEs use the labs.", "is_published": True}
    before = learning_dump()
    assert _post("/peer-reviews/with-event/", payload, rw.tokens["editor_b"]).status_code == 403
    assert learning_dump() == before
    created = _post("/peer-reviews/with-event/", payload, rw.tokens["editor_a"])
    assert created.status_code == 201
    assert created.json()["starts_at"].startswith("2026-04-01T06:00")  # 09:00 in Athens (UTC+3 in April)
