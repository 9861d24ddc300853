"""Briefs API with real bearer tokens: the public list and detail (criteria inside, drafts to the organiser's
editors only), the changes list; writes by the organiser's editors; refusals answer 401/403/404/400 naming the
field and leave the database unchanged."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from smartcluster.challenges.models import Challenge
from smartcluster.challenges.tests.world import (
    ChallengeWorld,
    build_challenge_world,
    challenges_dump,
    make_challenge,
)

pytestmark = pytest.mark.django_db
API = "/api/challenges/briefs"


@pytest.fixture
def cw() -> ChallengeWorld:
    return build_challenge_world()


def _send(method: str, path: str, data: dict | None = None, token: str | None = None) -> Any:
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    return getattr(Client(), method)(f"{API}{path}", data, content_type="application/json", **headers)


def _payload(cw: ChallengeWorld, **extra: Any) -> dict[str, Any]:
    now = timezone.now()
    return {"organiser": cw.world.org_a.pk, "title": "Circular packaging", "problem": "Plastic waste.",
            "expected_outcome": "A reusable crate.", "opens_at": (now + timedelta(days=1)).isoformat(),
            "deadline_at": (now + timedelta(days=30)).isoformat(),
            "evaluation_ends_at": (now + timedelta(days=40)).isoformat(),
            "results_at": (now + timedelta(days=50)).isoformat(),
            "criteria": [{"name": "Impact", "weight": "70", "threshold": "3"}, {"name": "Cost", "weight": "30"}],
            **extra}


def test_the_public_reads_published_challenges_with_their_criteria_and_phase(cw: ChallengeWorld) -> None:
    draft, _ = make_challenge(cw.world.org_a, title="Draft", published=False)
    listed = Client().get(f"{API}/").json()
    assert [item["id"] for item in listed["items"]] == [cw.challenge.pk]
    detail = Client().get(f"{API}/{cw.challenge.pk}").json()
    assert detail["phase"] == "open"
    assert [(c["position"], c["name"]) for c in detail["criteria"]] == [
        (1, "Impact"), (2, "Excellence"), (3, "Implementation")]
    assert Client().get(f"{API}/{draft.pk}").status_code == 404
    assert _send("get", f"/{draft.pk}", token=cw.tokens["editor_b"]).status_code == 404
    assert _send("get", f"/{draft.pk}", token=cw.tokens["editor_a"]).json()["phase"] == "draft"
    assert _send("get", "/?phase=draft", token=cw.tokens["editor_a"]).json()["count"] == 1


def test_the_organiser_creates_changes_and_publishes_with_a_token(cw: ChallengeWorld) -> None:
    token = cw.tokens["editor_a"]
    created = _send("post", "/", _payload(cw), token)
    assert created.status_code == 201, created.json()
    pk = created.json()["id"]
    assert created.json()["phase"] == "draft" and created.json()["criteria"][0]["threshold"] == "3.00"
    changed = _send("patch", f"/{pk}", {"title": "Circular crates", "eligible_regions": [],
                                        "criteria": [{"name": "Impact", "weight": "100"}]}, token)
    assert changed.status_code == 200 and changed.json()["title"] == "Circular crates"
    assert [(c["name"], c["threshold"]) for c in changed.json()["criteria"]] == [("Impact", None)]
    assert _send("post", f"/{pk}/publish", {}, token).json()["phase"] == "announced"
    _send("patch", f"/{pk}", {"prizes": "EUR 10 000"}, token)
    [change] = Client().get(f"{API}/{pk}/changes").json()
    assert (change["field"], change["after"], change["changed_by"]) == ("prizes", "EUR 10 000", "editor_a")


def test_writes_without_a_token_are_unauthorised_and_by_others_forbidden(cw: ChallengeWorld) -> None:
    before = challenges_dump()
    assert _send("post", "/", _payload(cw)).status_code == 401
    assert _send("post", "/", _payload(cw), "not-a-token").status_code == 401
    assert _send("post", "/", _payload(cw), cw.tokens["editor_b"]).status_code == 403
    assert _send("patch", f"/{cw.challenge.pk}", {"title": "Mine"}, cw.tokens["editor_b"]).status_code == 403
    assert _send("post", f"/{cw.challenge.pk}/cancel", {"reason": "x"}, cw.tokens["participant"]).status_code == 403
    assert challenges_dump() == before


def test_invalid_data_is_refused_naming_the_field(cw: ChallengeWorld) -> None:
    before = challenges_dump()
    refused = _send("post", "/", _payload(cw, on_behalf_of=cw.world.org_b.pk), cw.tokens["editor_a"])
    assert refused.status_code == 400 and "on_behalf_of" in refused.json()["detail"]
    weightless = _send("post", "/", _payload(cw, criteria=[{"name": "Impact", "weight": "0"}]), cw.tokens["editor_a"])
    assert weightless.status_code == 400 and "criteria" in weightless.json()["detail"]
    scale = _send("patch", f"/{cw.challenge.pk}", {"score_max": 0}, cw.tokens["editor_a"])
    assert scale.status_code == 400 and "score_max" in scale.json()["detail"]
    past = (timezone.now() - timedelta(days=1)).isoformat()
    moved = _send("patch", f"/{cw.challenge.pk}", {"deadline_at": past}, cw.tokens["editor_a"])
    assert moved.status_code == 400 and "deadline" in moved.json()["detail"]
    assert challenges_dump() == before
    assert not Challenge.objects.filter(title="Circular packaging").exists()


def test_a_time_without_offset_is_read_in_the_challenges_zone(cw: ChallengeWorld) -> None:
    payload = _payload(cw, time_zone="Asia/Tokyo", opens_at="2099-01-01T09:00", deadline_at="2099-02-01T09:00",
                       evaluation_ends_at="2099-03-01T09:00", results_at="2099-04-01T09:00")
    created = _send("post", "/", payload, cw.tokens["editor_a"])
    assert created.status_code == 201
    assert Challenge.objects.get(pk=created.json()["id"]).deadline_at.isoformat() == "2099-02-01T00:00:00+00:00"
    unknown = _send("post", "/", _payload(cw, time_zone="Mars/Olympus"), cw.tokens["editor_a"])
    assert unknown.status_code == 400 and "time_zone" in unknown.json()["detail"]
