"""Good-practice reports: generated from the records the reader may read (the public: approved practices and
published reviews only; never a declined practice), the same in print view and DOCX, and changed when a record
changes."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.test import Client
from django.urls import reverse
from docx import Document

from smartcluster.events.tests.calendar_factories import make_event
from smartcluster.learning.choices import PracticeStatus, RecommendationResponse
from smartcluster.learning.services import (
    peer_review_load,
    peer_review_participant_load,
    practice_transfer_load,
    recommendation_load,
    recommendation_respond,
)
from smartcluster.learning.tests.transfers_world import DAY, TransferWorld, practice, transfer_world
from smartcluster.reports.tests.readable import docx_problems

pytestmark = pytest.mark.django_db


def docx_text(content: bytes) -> str:
    """Every paragraph and table cell of a DOCX, one per line."""
    document = Document(io.BytesIO(content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([paragraph.text for paragraph in document.paragraphs] + cells)


def reported_world() -> tuple[TransferWorld, object]:
    """Partner A's approved practice presented at A's peer review, where B recommends drawing on it; B was inspired."""
    tw = transfer_world()
    event = make_event(tw.world, title="Peer review in Larissa", starts=dt.datetime(2026, 2, 10, 9, 0))
    tw.approved.source_event = event
    tw.approved.evidence_of_success = "84 vouchers, 61 pilots."
    tw.approved.save()
    practice(tw.partner_a, "Refused idea", PracticeStatus.DECLINED, source_event=event)
    review = peer_review_load(event=event, policy_challenge="Clusters lack digital skills.", is_published=True)
    peer = peer_review_participant_load(peer_review=review, organisation=tw.world.org_b, role="peer", country="IT")
    recommendation_load(peer_review=review, author=peer, text="Fund vouchers for digital pilots.",
                        practices=[tw.approved])
    practice_transfer_load(practice=tw.approved, partner=tw.partner_b, stage="planned", inspired_on=DAY,
                           description="A voucher call drafted in Lombardy.")
    return tw, event


def _docx(client: Client, name: str, pk: int) -> bytes:
    response = client.get(reverse(name, args=[pk]))
    assert response.status_code == 200
    assert docx_problems(response.content, f"{name}.docx") == []
    return response.content


def test_the_event_report_holds_the_practice_its_journey_and_the_recommendation_and_changes_with_them() -> None:
    tw, event = reported_world()
    client = Client()
    client.force_login(tw.users["editor_a"])

    before = docx_text(_docx(client, "learning:report_event_docx", event.pk))
    recommendation = event.peer_review.recommendations.get()
    recommendation_respond(user=tw.users["editor_a"], recommendation=recommendation,
                           response=RecommendationResponse.ACCEPTED, reason="Carried into the action plan.")
    tw.approved.evidence_of_success = "120 vouchers, 90 pilots."
    tw.approved.save()
    after = docx_text(_docx(client, "learning:report_event_docx", event.pk))

    for text in ("Innovation vouchers", "Fund vouchers for digital pilots.", "A voucher call drafted in Lombardy.",
                 "Clusters lack digital skills.", "Authority B"):
        assert text in before
    assert "84 vouchers, 61 pilots." in before and "120 vouchers, 90 pilots." in after
    assert "Carried into the action plan." not in before and "Carried into the action plan." in after
    assert "Refused idea" not in after  # a declined practice is never reported


def test_the_public_project_report_shows_approved_practices_only_and_partners_see_those_awaiting_approval() -> None:
    tw, _event = reported_world()
    project = tw.world.project.pk

    public = docx_text(_docx(Client(), "learning:report_project_docx", project))
    partner = Client()
    partner.force_login(tw.users["viewer"])
    internal = docx_text(_docx(partner, "learning:report_project_docx", project))

    assert "Innovation vouchers" in public and "Skills academy" not in public
    assert "Skills academy" in internal
    assert "Refused idea" not in public + internal


def test_the_print_view_shows_the_same_records_and_marks_a_practice_awaiting_approval() -> None:
    tw, event = reported_world()
    client = Client()
    client.force_login(tw.users["viewer"])

    page = client.get(reverse("learning:report_project", args=[tw.world.project.pk])).content.decode()
    event_page = client.get(reverse("learning:report_event", args=[event.pk])).content.decode()

    assert "@media print" in page
    assert "Skills academy" in page and "awaiting the project" in page
    assert "Fund vouchers for digital pilots." in event_page and "Refused idea" not in event_page


def test_an_internal_events_report_is_not_found_for_the_public() -> None:
    tw = transfer_world()
    event = make_event(tw.world, is_published=False)
    peer_review_load(event=event, policy_challenge="Internal challenge.")

    response = Client().get(reverse("learning:report_event_docx", args=[event.pk]))

    assert response.status_code == 404


def test_the_report_index_lists_the_projects_and_events_with_reports() -> None:
    tw, event = reported_world()

    page = Client().get(reverse("learning:report_index")).content.decode()

    assert reverse("learning:report_project", args=[tw.world.project.pk]) in page
    assert reverse("learning:report_event_docx", args=[event.pk]) in page
