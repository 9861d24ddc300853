"""Real headless Chromium, interregional learning end to end: a host creates a peer review with its event and two
peers from two countries, each peer's editor records a recommendation, the host accepts one; the lead partner's
editor approves a good practice and records that its partner was inspired by it (the practice's page shows where
it travelled); the practice then appears on the public map and in the public good-practice report (the DOCX read
back with python-docx)."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from docx import Document

from smartcluster.accounts.models import Membership, MembershipRole
from smartcluster.learning.choices import PracticeStatus, RecommendationResponse
from smartcluster.learning.models import GoodPractice, PeerReview, Recommendation
from smartcluster.learning.services import good_practice_load
from smartcluster.learning.tests.transfers_world import transfer_world
from smartcluster.maturity.tests.conftest import plain_http_and_static_files  # noqa: F401 - reused (autouse)
from smartcluster.organisations.choices import PartnerRole
from smartcluster.organisations.tests.factories import make_user

DESKTOP = {"viewport": {"width": 1280, "height": 900}}
TITLE = "Peer review: digital skills of cluster managers"
PRACTICE = "Digital innovation hub vouchers"


def _logged_in(browser: Any, live_server: Any, user: Any, settings: Any) -> Any:
    """A browser page carrying the user's session (logging in by form is the accounts app's own test)."""
    client = Client()
    client.force_login(user)
    context = browser.new_context(**DESKTOP)
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME]
                          .value, "url": live_server.url}])
    return context.new_page()


def _create_review(page: Any, live_server: Any, host: Any) -> PeerReview:
    page.goto(f"{live_server.url}/learning/peer-reviews/new-with-event/")
    page.get_by_label("Host partner").select_option(str(host.pk))
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("Place").fill("Larissa")
    zone = page.get_by_label("Time zone")
    if zone.evaluate("element => element.tagName") == "SELECT":
        zone.select_option("Europe/Athens")
    else:
        zone.fill("Europe/Athens")
    start = timezone.localtime().replace(second=0, microsecond=0) - dt.timedelta(days=1)
    page.get_by_label("Starts").fill(start.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Ends").fill((start + dt.timedelta(hours=8)).strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Policy challenge").fill("Cluster managers lack the digital skills their members need.")
    page.get_by_label("Public").check()
    page.get_by_role("button", name="Save").click()
    page.get_by_role("heading", name=TITLE).first.wait_for()
    return PeerReview.objects.get(event__title=TITLE)


def _add_peer(page: Any, live_server: Any, review: PeerReview, organisation: Any, country: str) -> None:
    page.goto(f"{live_server.url}/learning/peer-reviews/{review.pk}/participants/new/")
    page.get_by_label("Role").select_option("peer")
    page.locator("#id_organisation").select_option(str(organisation.pk))
    page.get_by_label("Country").fill(country)
    page.get_by_role("button", name="Add").click()
    page.get_by_role("heading", name=TITLE).first.wait_for()


def _recommend(page: Any, live_server: Any, review: PeerReview, author: Any, text: str) -> None:
    page.goto(f"{live_server.url}/learning/peer-reviews/{review.pk}/recommendations/new/")
    page.get_by_label("Recommended by").select_option(str(author.pk))
    page.locator("#id_text").fill(text)
    page.get_by_role("button", name="Record").click()
    page.get_by_text(text).first.wait_for()


def _docx_text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([paragraph.text for paragraph in document.paragraphs] + cells)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_peer_review_with_an_accepted_recommendation_and_an_approved_practice_reach_the_map_and_report(
        browser: Any, live_server: Any, screenshot_dir: Path, settings: Any) -> None:
    tw = transfer_world()
    tw.world.project.start_date = dt.date(2025, 3, 1)
    tw.world.project.save()
    tw.partner_a.role = PartnerRole.LEAD  # the host is the lead partner: its editor approves practices too
    tw.partner_a.save()
    editor_c = make_user("editor_c")
    Membership.objects.create(user=editor_c, organisation=tw.world.candidate, role=MembershipRole.PARTNER_EDITOR)
    host = _logged_in(browser, live_server, tw.users["editor_a"], settings)

    review = _create_review(host, live_server, tw.partner_a)
    _add_peer(host, live_server, review, tw.world.org_b, "IT")
    _add_peer(host, live_server, review, tw.world.candidate, "ES")
    assert "fewer than" not in host.content() and "at least 2" not in host.content()
    host.screenshot(path=str(screenshot_dir / "learning-1-peer-review-with-peers.png"), full_page=True)

    peers = {participant.organisation_id: participant for participant in review.participants.all()}
    _recommend(_logged_in(browser, live_server, tw.users["editor_b"], settings), live_server, review,
               peers[tw.world.org_b.pk], "Fund three-year vouchers for digital pilots.")
    _recommend(_logged_in(browser, live_server, editor_c, settings), live_server, review,
               peers[tw.world.candidate.pk], "Train cluster managers with the competence centre.")
    assert Recommendation.objects.filter(peer_review=review).count() == 2

    accepted = Recommendation.objects.get(text__startswith="Fund three-year")
    host.goto(f"{live_server.url}/learning/peer-reviews/{review.pk}/")
    card = host.locator(f"#recommendation-{accepted.pk}")
    card.get_by_label("Response").select_option(RecommendationResponse.ACCEPTED)
    card.get_by_label("Reason").fill("Carried into the action plan's first action.")
    card.get_by_role("button", name="Respond").click()
    host.locator(f"#recommendation-{accepted.pk}", has_text="Carried into the action plan").wait_for()
    accepted.refresh_from_db()
    assert (accepted.response, accepted.responded_by) == (RecommendationResponse.ACCEPTED, tw.users["editor_a"])
    host.screenshot(path=str(screenshot_dir / "learning-2-recommendation-accepted.png"), full_page=True)

    practice = good_practice_load(partner=tw.partner_b, title=PRACTICE, organisation_in_charge=tw.world.org_b,
                                  description="Vouchers buy a digital readiness check and a first pilot.",
                                  latitude="45.46420", longitude="9.19000", region=None)
    host.goto(f"{live_server.url}/learning/practices/{practice.pk}/")
    host.get_by_role("button", name=str(PracticeStatus.PROJECT_APPROVED.label)).click()
    host.get_by_text(str(PracticeStatus.PROJECT_APPROVED.label)).first.wait_for()
    practice.refresh_from_db()
    assert (practice.status, practice.is_published) == (PracticeStatus.PROJECT_APPROVED, True)
    assert practice.status_changes.filter(changed_by=tw.users["editor_a"]).exists()

    inspired = host  # partner A's editor records that A was inspired by B's practice
    inspired.goto(f"{live_server.url}/learning/practices/{practice.pk}/")
    inspired.get_by_role("link", name="Record that your partner was inspired by it").click()
    inspired.get_by_label("Partner inspired").select_option(str(tw.partner_a.pk))
    inspired.locator("#id_stage").select_option("planned")
    inspired.get_by_label("Inspired on").fill("2026-03-02")
    inspired.get_by_label("Stage reached on").fill("2026-04-01")
    inspired.get_by_label("What the partner did").fill("A voucher call drafted for Thessaly.")
    inspired.get_by_role("button", name="Save").click()
    inspired.get_by_text("Transfer recorded.").wait_for()
    inspired.goto(f"{live_server.url}/learning/practices/{practice.pk}/")
    inspired.locator("#journey", has_text="Agency A").wait_for()
    inspired.screenshot(path=str(screenshot_dir / "learning-3-practice-journey.png"), full_page=True)

    public = browser.new_context(**DESKTOP).new_page()
    public.goto(f"{live_server.url}/learning/practices/map/")
    public.get_by_role("link", name=PRACTICE).wait_for()
    public.screenshot(path=str(screenshot_dir / "learning-4-public-map.png"), full_page=True)

    public.goto(f"{live_server.url}/learning/reports/projects/{tw.world.project.pk}/")
    public.get_by_role("heading", name=PRACTICE).wait_for()
    report = public.content()
    assert "Fund three-year vouchers for digital pilots." in report and "Carried into the action plan" in report
    assert "Skills academy" not in report  # partner A's practice awaiting approval stays out of the public report
    public.screenshot(path=str(screenshot_dir / "learning-5-public-report.png"), full_page=True)
    with public.expect_download() as download:
        public.get_by_role("link", name="Download (DOCX)").click()
    text = _docx_text(Path(download.value.path()).read_bytes())
    assert PRACTICE in text and "Carried into the action plan's first action." in text
    assert "A voucher call drafted for Thessaly." in text
    assert GoodPractice.objects.filter(is_published=True).count() == 2  # the approved practice and the world's
