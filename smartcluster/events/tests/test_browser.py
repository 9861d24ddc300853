"""Real headless Chromium, the life of one project event: a host creates a peer review event, invites two people,
both register through the link of their invitation e-mail, the host takes attendance, records the minutes and a
follow-up action, a participant answers the feedback survey, and the host downloads the event report (read back
with python-docx). And the communication plan: the communication partner plans an item for another partner, who
publishes it; the KPI counts its reach."""

from __future__ import annotations

import datetime as dt
import io
import re
import time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone
from docx import Document

from smartcluster.events import services
from smartcluster.events.models import (
    CommunicationItem,
    CommunicationKind,
    FeedbackResponse,
    FollowUpAction,
    KpiMeasure,
    ProjectEvent,
    Registration,
)
from smartcluster.events.tests.test_communication_services import build_communication_world, partner_b
from smartcluster.maturity.tests.conftest import plain_http_and_static_files  # noqa: F401 - reused (autouse)

DESKTOP = {"viewport": {"width": 1280, "height": 900}}
ZONE = "Europe/Madrid"
TITLE = "Peer review: funding of cluster organisations"
PEOPLE = (("Lucía Martínez", "lucia@example.org", "Murcia Metal Cluster"),
          ("Nikos Papadopoulos", "nikos@example.org", "Larissa Machining"))
LINK = re.compile(r"https?://[^\s]+/events/registration/[^\s/]+/")


def _logged_in(browser: Any, live_server: Any, user: Any, settings: Any) -> Any:
    """A browser context carrying the user's session (logging in by form is the accounts app's own test)."""
    client = Client()
    client.force_login(user)
    context = browser.new_context(**DESKTOP)
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME]
                          .value, "url": live_server.url}])
    return context


def _invitation_link(email: str) -> str:
    """The registration link of the invitation e-mail sent to `email` (waiting a little for it to leave)."""
    for _attempt in range(50):
        for message in mail.outbox:
            if email in message.to and (found := LINK.search(message.body)):
                return found.group(0)
        time.sleep(0.1)
    raise AssertionError(f"no invitation e-mail with a registration link reached {email}")


def _create_event(page: Any, live_server: Any, host_label: str) -> ProjectEvent:
    """The host fills the event form in the event's zone: it started an hour ago and lasts the day."""
    now = timezone.now().astimezone(ZoneInfo(ZONE)).replace(second=0, microsecond=0)
    page.goto(f"{live_server.url}/events/new/")
    page.get_by_label("Kind").select_option(label="Peer review")
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("Host partner").select_option(label=host_label)
    page.get_by_label("Thematic focus").fill("Funding and cost structure of cluster organisations")
    page.get_by_label("Place").fill("Murcia")
    zone = page.get_by_label("Time zone")
    if zone.evaluate("element => element.tagName") == "SELECT":  # a list of zones, or a text field naming one
        zone.select_option(ZONE)
    else:
        zone.fill(ZONE)
    page.get_by_label("Starts").fill((now - dt.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Ends").fill((now + dt.timedelta(hours=6)).strftime("%Y-%m-%dT%H:%M"))
    page.get_by_role("button", name="Save").click()
    page.get_by_role("heading", name=TITLE).wait_for()
    return ProjectEvent.objects.get(title=TITLE)


def _invite(page: Any, name: str, email: str, organisation: str) -> None:
    page.get_by_label("Name", exact=True).fill(name)
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Comes as").select_option(label="Stakeholder")
    page.get_by_label("Organisation", exact=True).fill(organisation)
    page.get_by_label("Type of organisation").select_option(index=1)
    page.get_by_role("button", name="Send the invitation").click()
    page.get_by_text(f"{name} is invited.").wait_for()


def _register(browser: Any, link: str, dietary: str) -> Any:
    """An invitee opens the link of the e-mail (no account) and registers with their needs."""
    page = browser.new_context(**DESKTOP).new_page()
    page.goto(link)
    page.get_by_label("Dietary needs").fill(dietary)
    page.get_by_role("button", name="Register").click()
    page.get_by_text("You are registered.").wait_for()
    return page


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_host_runs_a_peer_review_from_creation_to_its_report(browser: Any, live_server: Any, screenshot_dir: Path,
                                                               settings: Any) -> None:
    world = build_communication_world()
    host = _logged_in(browser, live_server, world.users["editor_a"], settings)
    page = host.new_page()
    event = _create_event(page, live_server, str(world.partner_a))
    assert (event.kind, event.host, event.time_zone) == ("peer_review", world.partner_a, ZONE)
    page.screenshot(path=str(screenshot_dir / "events-1-peer-review-created.png"), full_page=True)

    page.get_by_role("link", name="Participants and attendance").click()
    for name, email, organisation in PEOPLE:
        _invite(page, name, email, organisation)
    participants = [_register(browser, _invitation_link(email), dietary)
                    for (_name, email, _org), dietary in zip(PEOPLE, ("Vegetarian", ""), strict=True)]
    assert set(Registration.objects.filter(event=event).values_list("status", flat=True)) == {"registered"}

    page.reload()
    for name, _email, _organisation in PEOPLE:
        row = page.locator(".attendance tbody tr", has_text=name)
        row.get_by_role("button", name="Present").click()
        row.locator('button[aria-pressed="true"]').wait_for()  # htmx swapped the row for the recorded one
    assert Registration.objects.filter(event=event, attended=True).count() == 2
    page.reload()
    assert "2 present" in page.content() and "Vegetarian" in page.content()
    page.screenshot(path=str(screenshot_dir / "events-2-attendance.png"), full_page=True)

    page.goto(f"{live_server.url}/events/{event.pk}/")
    page.get_by_role("link", name="Minutes, decisions and actions").click()
    page.get_by_label("Minutes").fill("The partners compared the funding structures of their clusters.")
    page.get_by_role("button", name="Save the minutes").click()
    page.locator("#minutes").wait_for()
    page.get_by_label("Action").fill("Send the funding survey to the regional clusters")
    page.get_by_label("Owner").select_option(label=PEOPLE[0][0])
    page.get_by_label("Due on").fill((timezone.localdate() + dt.timedelta(days=30)).isoformat())
    page.get_by_role("button", name="Add the action").click()
    page.locator("#actions", has_text="Send the funding survey").wait_for()
    assert FollowUpAction.objects.get(event=event).owner.name == PEOPLE[0][0]
    page.screenshot(path=str(screenshot_dir / "events-3-minutes-and-action.png"), full_page=True)

    survey = participants[0]
    survey.reload()
    survey.get_by_role("link", name="Answer the feedback survey").click()
    survey.get_by_role("group", name="How satisfied are you with the event? (1–5)").get_by_label("5").check()
    survey.get_by_role("group", name="How much did you learn? (1–5)").get_by_label("4").check()
    survey.get_by_label("What was most useful?").fill("The study visit to the metal cluster.")
    survey.screenshot(path=str(screenshot_dir / "events-4-feedback-survey.png"), full_page=True)
    survey.get_by_role("button", name="Send my answers").click()
    survey.get_by_text("Thank you for your answers.").wait_for()
    assert FeedbackResponse.objects.get().satisfaction == 5

    page.goto(f"{live_server.url}/events/{event.pk}/")
    page.get_by_role("link", name="Event report").click()
    page.screenshot(path=str(screenshot_dir / "events-5-event-report.png"), full_page=True)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download (DOCX)").click()
    document = Document(io.BytesIO(Path(download.value.path()).read_bytes()))
    text = "\n".join([p.text for p in document.paragraphs] + [cell.text for table in document.tables
                                                              for row in table.rows for cell in row.cells])
    for expected in (TITLE, "compared the funding structures", "Send the funding survey", PEOPLE[0][0],
                     "The study visit to the metal cluster."):
        assert expected in text, expected
    host.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_communication_partner_plans_an_item_its_partner_publishes_it_and_the_kpi_counts_it(
        browser: Any, live_server: Any, screenshot_dir: Path, settings: Any) -> None:
    world = build_communication_world()
    world.project.start_date = timezone.localdate() - dt.timedelta(days=200)  # in its second semester
    world.project.save()
    services.communication_plan_load(project=world.project, responsible=world.partner_a, objectives="Be known.",
                                     kpis=[{"name": "Newsletter readers", "unit": "people", "target": 1000,
                                            "measure": KpiMeasure.REACH, "item_kind": CommunicationKind.NEWSLETTER}])
    b = partner_b(world)
    communication = _logged_in(browser, live_server, world.users["editor_a"], settings).new_page()
    communication.goto(f"{live_server.url}/events/communication/{world.project.pk}/")
    communication.get_by_role("link", name="Plan an item").first.click()
    communication.get_by_label("Kind").select_option(label="Newsletter")
    communication.get_by_label("Number").fill("1")
    communication.get_by_label("Title").fill("Newsletter 1: funding structures")
    communication.get_by_label("Due in semester").select_option("2")
    communication.get_by_label("Responsible partner").select_option(label=str(b))
    communication.get_by_role("button", name="Save").click()
    communication.get_by_role("heading", name="Newsletter 1: Newsletter 1: funding structures").wait_for()
    communication.goto(f"{live_server.url}/events/communication/{world.project.pk}/board/")
    assert communication.locator("#due").get_by_text("Newsletter 1: funding structures").count() == 1
    assert communication.locator("#due").get_by_role("link", name="Update").count() == 0  # B's item now
    communication.screenshot(path=str(screenshot_dir / "events-communication-1-board.png"), full_page=True)

    partner = _logged_in(browser, live_server, world.users["editor_b"], settings).new_page()
    partner.goto(f"{live_server.url}/events/communication/{world.project.pk}/board/")
    partner.locator("#due").get_by_role("link", name="Update").click()
    partner.get_by_label("Status").select_option(label="Published")
    partner.get_by_role("button", name="Save").click()
    assert "A published item needs its publication date." in partner.locator("main form").inner_text()
    partner.get_by_label("Published on").fill(timezone.localdate().isoformat())
    partner.get_by_label("Reach").fill("640")
    partner.get_by_label("Link").fill("https://example.org/newsletter-1")
    partner.get_by_role("button", name="Save").click()
    partner.locator("#item-status", has_text="Published").wait_for()

    communication.goto(f"{live_server.url}/events/communication/{world.project.pk}/")
    kpi = communication.locator("#kpis tbody tr", has_text="Newsletter readers")
    assert "640" in kpi.inner_text() and "64.0 %" in kpi.inner_text()
    delete = kpi.get_by_role("button", name="Delete")  # a button drawn as a link: readable on the white page
    assert delete.evaluate("button => getComputedStyle(button).color") != "rgb(255, 255, 255)"
    communication.screenshot(path=str(screenshot_dir / "events-communication-2-plan.png"), full_page=True)
    communication.goto(f"{live_server.url}/events/communication/{world.project.pk}/items/")
    communication.get_by_label("Status").select_option(label="Planned")
    communication.locator("#results", has_text="No item matches.").wait_for()  # htmx refreshed the results
    assert CommunicationItem.objects.get().reach == 640
