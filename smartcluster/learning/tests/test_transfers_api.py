"""Transfers API with real bearer tokens: list with filters, detail, a practice's journey; writes by the inspired
partner's editors only; refusals answer 401/403/400 naming the field and leave the database unchanged."""

from __future__ import annotations

import pytest
from django.test import Client

from smartcluster.learning.models import PracticeTransfer
from smartcluster.learning.services import practice_transfer_load
from smartcluster.learning.tests.transfers_world import DAY, transfer_dump, transfer_world

pytestmark = pytest.mark.django_db
API = "/api/learning"


def bearer(token: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def _send(method: str, path: str, data: dict | None = None, token: str | None = None) -> object:
    return getattr(Client(), method)(f"{API}{path}", data, content_type="application/json",
                                     **(bearer(token) if token else {}))


def test_the_public_lists_transfers_of_approved_practices_and_partners_all_with_filters() -> None:
    tw = transfer_world()
    public = practice_transfer_load(practice=tw.approved, partner=tw.partner_b, stage="planned", inspired_on=DAY)
    practice_transfer_load(practice=tw.submitted, partner=tw.partner_b, stage="inspired", inspired_on=DAY)

    [item] = Client().get(f"{API}/transfers/").json()["items"]
    partners = Client().get(f"{API}/transfers/", **bearer(tw.tokens["viewer"])).json()
    planned = Client().get(f"{API}/transfers/?stage=planned&country=IT", **bearer(tw.tokens["viewer"])).json()

    assert (item["id"], item["practice"], item["partner"], item["regions"], item["stage"]) == (
        public.pk, "Innovation vouchers", "Authority B", ["ITC4"], "planned")
    assert partners["count"] == 2 and [i["id"] for i in planned["items"]] == [public.pk]


def test_a_transfer_of_a_practice_awaiting_approval_is_not_found_for_the_public() -> None:
    tw = transfer_world()
    internal = practice_transfer_load(practice=tw.submitted, partner=tw.partner_b, stage="inspired", inspired_on=DAY)

    assert Client().get(f"{API}/transfers/{internal.pk}").status_code == 404
    assert Client().get(f"{API}/transfers/{internal.pk}", **bearer(tw.tokens["editor_a"])).status_code == 200


def test_a_practices_journey_counts_partners_regions_and_stages() -> None:
    tw = transfer_world()
    practice_transfer_load(practice=tw.approved, partner=tw.partner_b, stage="adopted", inspired_on=DAY)

    journey = Client().get(f"{API}/practices/{tw.approved.pk}/journey").json()

    assert (journey["partner_count"], journey["regions"], journey["countries"]) == (1, ["ITC4"], ["IT"])
    assert {s["stage"]: s["count"] for s in journey["stages"]}["adopted"] == 1


def test_the_inspired_partners_editor_records_changes_and_removes_a_transfer_with_a_token() -> None:
    tw = transfer_world()
    payload = {"practice": tw.approved.pk, "partner": tw.partner_b.pk, "stage": "planned",
               "inspired_on": "2026-03-02", "evidence": "Board decision."}

    created = _send("post", "/transfers/", payload, tw.tokens["editor_b"])
    changed = _send("patch", f"/transfers/{created.json()['id']}", {"stage": "adopted", "stage_on": "2026-09-01"},
                    tw.tokens["editor_b"])

    assert created.status_code == 201 and created.json()["stage_on"] == "2026-03-02"
    assert changed.status_code == 200 and (changed.json()["stage"], changed.json()["stage_on"]) == (
        "adopted", "2026-09-01")
    assert _send("delete", f"/transfers/{created.json()['id']}", token=tw.tokens["editor_b"]).status_code == 204
    assert not PracticeTransfer.objects.exists()


@pytest.mark.parametrize(("token", "status"), [(None, 401), ("viewer", 403), ("editor_a", 403)])
def test_a_write_by_anyone_else_is_refused_and_changes_nothing(token: str | None, status: int) -> None:
    tw = transfer_world()
    transfer = practice_transfer_load(practice=tw.approved, partner=tw.partner_b, stage="planned", inspired_on=DAY)
    key = tw.tokens[token] if token else None
    before = transfer_dump()

    answers = [
        _send("post", "/transfers/", {"practice": tw.submitted.pk, "partner": tw.partner_b.pk,
                                      "inspired_on": "2026-03-02"}, key),
        _send("patch", f"/transfers/{transfer.pk}", {"stage": "adopted"}, key),
        _send("delete", f"/transfers/{transfer.pk}", token=key),
    ]

    assert [answer.status_code for answer in answers] == [status] * 3
    assert transfer_dump() == before


def test_a_stage_dated_before_the_inspiration_is_refused_naming_the_field() -> None:
    tw = transfer_world()
    before = transfer_dump()

    answer = _send("post", "/transfers/", {"practice": tw.approved.pk, "partner": tw.partner_b.pk,
                                           "inspired_on": "2026-03-02", "stage_on": "2026-03-01"},
                   tw.tokens["editor_b"])

    assert answer.status_code == 400 and "stage" in answer.json()["detail"].lower()
    assert transfer_dump() == before
