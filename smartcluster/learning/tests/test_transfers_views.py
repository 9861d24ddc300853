"""Transfers pages: the list with filters and its links, and the inspired partner's forms posted with CSRF enforced;
a refusal names the field on the form and leaves the database unchanged."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from smartcluster.learning.models import PracticeTransfer
from smartcluster.learning.services import practice_transfer_load
from smartcluster.learning.tests.transfers_world import DAY, transfer_dump, transfer_world

pytestmark = pytest.mark.django_db


def _client(user: object) -> Client:
    """A logged-in client that checks CSRF tokens as a real browser's requests are checked."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def _csrf_post(client: Client, url: str, data: dict) -> object:
    token = client.get(url).context["csrf_token"]
    return client.post(url, {**data, "csrfmiddlewaretoken": str(token)})


def test_the_list_shows_public_transfers_filtered_and_the_practices_journey_on_its_page() -> None:
    tw = transfer_world()
    transfer = practice_transfer_load(practice=tw.approved, partner=tw.partner_b, stage="adapted", inspired_on=DAY,
                                      description="Quarterly testbed days")
    practice_transfer_load(practice=tw.submitted, partner=tw.partner_b, stage="inspired", inspired_on=DAY)

    page = Client().get(reverse("learning:transfer_list")).content.decode()
    none = Client().get(reverse("learning:transfer_list") + "?stage=adopted").content.decode()
    detail = Client().get(reverse("learning:practice_detail", args=[tw.approved.pk])).content.decode()

    assert "Innovation vouchers" in page and "Skills academy" not in page and 'class="table-wrap"' in page
    assert "No transfers match." in none
    assert reverse("learning:transfer_detail", args=[transfer.pk]) in detail and "Where it travelled" in detail


def test_the_inspired_partners_editor_records_a_transfer_through_the_form() -> None:
    tw = transfer_world()
    client = _client(tw.users["editor_b"])

    answer = _csrf_post(client, reverse("learning:transfer_create"), {
        "practice": tw.approved.pk, "partner": tw.partner_b.pk, "stage": "planned", "inspired_on": "2026-03-02",
        "stage_on": "2026-04-01", "description": "A call drafted.", "evidence": "", "evidence_url": ""})

    transfer = PracticeTransfer.objects.get()
    assert answer.status_code == 302 and answer["Location"] == reverse("learning:transfer_detail", args=[transfer.pk])
    assert (transfer.partner, transfer.stage) == (tw.partner_b, "planned")


def test_a_post_without_the_csrf_token_is_refused_and_changes_nothing() -> None:
    tw = transfer_world()
    before = transfer_dump()

    answer = _client(tw.users["editor_b"]).post(reverse("learning:transfer_create"), {
        "practice": tw.approved.pk, "partner": tw.partner_b.pk, "stage": "planned", "inspired_on": "2026-03-02",
        "stage_on": "2026-04-01"})

    assert answer.status_code == 403 and transfer_dump() == before


def test_a_partner_not_edited_by_the_user_is_not_offered_and_its_post_is_refused() -> None:
    tw = transfer_world()
    client = _client(tw.users["editor_a"])
    before = transfer_dump()

    answer = _csrf_post(client, reverse("learning:transfer_create"), {
        "practice": tw.approved.pk, "partner": tw.partner_b.pk, "stage": "inspired", "inspired_on": "2026-03-02",
        "stage_on": "2026-03-02"})

    assert answer.status_code == 200 and "partner" in answer.context["form"].errors
    assert transfer_dump() == before


def test_a_stage_before_the_inspiration_is_named_on_the_form() -> None:
    tw = transfer_world()
    before = transfer_dump()

    answer = _csrf_post(_client(tw.users["editor_b"]), reverse("learning:transfer_create"), {
        "practice": tw.approved.pk, "partner": tw.partner_b.pk, "stage": "planned", "inspired_on": "2026-03-02",
        "stage_on": "2026-03-01"})

    assert answer.status_code == 200 and "stage_on" in answer.context["form"].errors
    assert transfer_dump() == before


def test_only_the_inspired_partners_editors_change_or_remove_a_transfer_through_the_pages() -> None:
    tw = transfer_world()
    transfer = practice_transfer_load(practice=tw.approved, partner=tw.partner_b, stage="planned", inspired_on=DAY)
    other = _client(tw.users["editor_a"])
    before = transfer_dump()

    assert other.get(reverse("learning:transfer_update", args=[transfer.pk])).status_code == 403
    assert "Change" not in other.get(reverse("learning:transfer_detail", args=[transfer.pk])).content.decode()
    assert transfer_dump() == before

    owner = _client(tw.users["editor_b"])
    changed = _csrf_post(owner, reverse("learning:transfer_update", args=[transfer.pk]), {
        "stage": "adopted", "inspired_on": "2026-03-02", "stage_on": "2026-09-01", "description": "Adopted."})
    assert changed.status_code == 302 and PracticeTransfer.objects.get().stage == "adopted"
    token = owner.get(reverse("learning:transfer_detail", args=[transfer.pk])).context["csrf_token"]
    removed = owner.post(reverse("learning:transfer_delete", args=[transfer.pk]), {"csrfmiddlewaretoken": str(token)})
    assert removed.status_code == 302 and not PracticeTransfer.objects.exists()
