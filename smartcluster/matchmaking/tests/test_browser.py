"""Real headless Chromium: two participants register, one requests, the other accepts, the organiser approves and
schedules, and both see the same meeting in their agendas in their own time zones; the .ics download parses."""

from __future__ import annotations

import time
import zoneinfo
from pathlib import Path
from typing import Any

import icalendar
import pytest
from playwright.sync_api import Error as PlaywrightError

from smartcluster.jobs.models import Job, JobStatus
from smartcluster.matchmaking.jobs import SCHEDULE_KIND
from smartcluster.matchmaking.models import Meeting, MeetingStatus, Participant
from smartcluster.matchmaking.tests.conftest import PASSWORD, create_event, make_user

DESKTOP = {"viewport": {"width": 1280, "height": 900}}


def _logged_in(browser: Any, live_server: Any, username: str, time_zone: str) -> Any:
    context = browser.new_context(timezone_id=time_zone, **DESKTOP)
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    return page


def _register(page: Any, live_server: Any, event_id: int, *, organisation: str, person: str, country: str,
              time_zone: str, offer: str) -> None:
    page.goto(f"{live_server.url}/matchmaking/{event_id}/")
    page.get_by_role("link", name="Register", exact=True).click()
    page.locator("#id_organisation_name").fill(organisation)
    page.get_by_label("Organisation type").select_option("sme")
    page.get_by_label("Your name").fill(person)
    page.locator("#id_email").fill(f"{person.split()[0].lower()}@example.org")
    page.get_by_label("Country code").fill(country)
    # The form proposes the browser's own zone (the context's timezone_id).
    assert page.get_by_label("Your time zone").input_value() == time_zone
    page.get_by_label("Your time zone").select_option(time_zone)
    page.locator("#id_opp-0-kind").select_option("offer")
    page.locator("#id_opp-0-title").fill(offer)
    page.get_by_label("I agree that my profile").check()
    page.get_by_role("button", name="Register").click()
    assert "Waiting for approval" in page.locator("#registration-status").inner_text()


def _agenda_row(page: Any, live_server: Any, event_id: int) -> dict[str, str]:
    page.goto(f"{live_server.url}/matchmaking/{event_id}/agenda/")
    row = page.locator("#agenda tbody tr")
    assert row.count() == 1
    return {"meeting": row.get_attribute("data-meeting"), "when": row.locator(".when").inner_text(),
            "partner": row.locator(".partner-time").inner_text()}


def _wait_for_the_scheduler(page: Any, manage_url: str) -> None:
    """Wait until the manage page shows a finished run (no more polling, the last run's summary).

    The in-memory SQLite test database locks whole tables while the job thread writes, so a page load at that moment
    may fail with an error page: load the page again (htmx's own polls simply retry)."""
    deadline = time.monotonic() + 90
    while not page.locator("#scheduler-status:not([hx-get]) #last-run").count():
        assert time.monotonic() < deadline, "the scheduler job did not finish within 90 s"
        assert not page.locator("#scheduler-failed").count(), page.locator("#scheduler-failed").inner_text()
        if not page.locator("#scheduler-status").count():
            _reload_unless_the_page_does(page, manage_url)
        page.wait_for_timeout(250)


def _reload_unless_the_page_does(page: Any, manage_url: str) -> None:
    """Load the manage page again; when the page's own reload (the job finished) overtakes ours, that one counts."""
    try:
        page.goto(manage_url)
    except PlaywrightError as error:
        if "interrupted by another navigation" not in str(error):
            raise
        page.wait_for_load_state()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_two_participants_meet_and_see_the_meeting_in_their_own_time_zones(
    browser: Any, live_server: Any, screenshot_dir: Path, settings: Any, organiser_user: Any,
) -> None:
    settings.MATCHMAKING_VIDEO_BASE_URL = "https://video.example.org/"
    event = create_event(organiser_user, title="Baltic–Aegean Industry 4.0 B2B")
    make_user("asta"), make_user("nikos")

    asta = _logged_in(browser, live_server, "asta", "America/New_York")
    _register(asta, live_server, event.pk, organisation="Asta Robotics", person="Asta Petraitė", country="LT",
              time_zone="America/New_York", offer="Predictive maintenance sensors")
    nikos = _logged_in(browser, live_server, "nikos", "Asia/Tokyo")
    _register(nikos, live_server, event.pk, organisation="Nikos Machining", person="Nikos Pappas", country="EL",
              time_zone="Asia/Tokyo", offer="CNC machining capacity")
    nikos.screenshot(path=str(screenshot_dir / "matchmaking-1-registered.png"), full_page=True)

    organiser = _logged_in(browser, live_server, "organiser", "Europe/Vilnius")
    organiser.goto(f"{live_server.url}/matchmaking/{event.pk}/manage/")
    for _participant in range(2):
        organiser.locator("#registrations").get_by_role("button", name="Approve").first.click()
    assert organiser.locator("#registrations").get_by_role("button", name="Approve").count() == 0

    asta.goto(f"{live_server.url}/matchmaking/{event.pk}/participants/")
    asta.get_by_role("link", name="Nikos Machining").click()
    asta.get_by_label("Message").fill("Your machining for our sensor housings?")
    asta.get_by_role("button", name="Request a meeting").click()
    assert "Request sent" in asta.content()

    nikos.goto(f"{live_server.url}/matchmaking/{event.pk}/meetings/")
    assert "sensor housings" in nikos.locator("#incoming").inner_text()
    nikos.locator("#incoming").get_by_role("button", name="Accept").click()
    assert "Meeting accepted" in nikos.content()

    organiser.goto(f"{live_server.url}/matchmaking/{event.pk}/manage/")
    organiser.get_by_role("button", name="Run the scheduler").click()
    # The scheduler runs as a background job (thread runner): the page polls its progress, then reloads.
    _wait_for_the_scheduler(organiser, f"{live_server.url}/matchmaking/{event.pk}/manage/")
    assert "1 of 1 accepted meetings scheduled" in organiser.locator("#last-run").inner_text()
    assert Job.objects.get(kind=SCHEDULE_KIND).status == JobStatus.DONE
    organiser.screenshot(path=str(screenshot_dir / "matchmaking-2-scheduled.png"), full_page=True)

    meeting = Meeting.objects.get()
    assert meeting.status == MeetingStatus.ACCEPTED and meeting.slot is not None
    start = meeting.slot.starts_at
    new_york, tokyo = zoneinfo.ZoneInfo("America/New_York"), zoneinfo.ZoneInfo("Asia/Tokyo")
    seen_by_asta = _agenda_row(asta, live_server, event.pk)
    seen_by_nikos = _agenda_row(nikos, live_server, event.pk)
    assert seen_by_asta["meeting"] == seen_by_nikos["meeting"] == str(meeting.pk)
    assert f"{start.astimezone(new_york):%H:%M}–" in seen_by_asta["when"]
    assert f"{start.astimezone(tokyo):%H:%M}–" in seen_by_nikos["when"]
    assert seen_by_asta["partner"] == f"{start.astimezone(tokyo):%H:%M} (Asia/Tokyo)"
    assert seen_by_nikos["partner"] == f"{start.astimezone(new_york):%H:%M} (America/New_York)"
    assert asta.get_by_role("link", name="Join video room").get_attribute("href") == meeting.video_url
    asta.screenshot(path=str(screenshot_dir / "matchmaking-3-agenda-new-york.png"), full_page=True)
    nikos.screenshot(path=str(screenshot_dir / "matchmaking-4-agenda-tokyo.png"), full_page=True)

    with asta.expect_download() as download_info:
        asta.locator("#agenda-ics").click()
    calendar = icalendar.Calendar.from_ical(Path(download_info.value.path()).read_bytes())
    (vevent,) = calendar.walk("VEVENT")
    assert vevent["UID"] == f"{meeting.uid}@smartcluster"
    assert vevent.decoded("DTSTART") == start
    assert [zone["TZID"] for zone in calendar.walk("VTIMEZONE")] == ["America/New_York"]
    assert Participant.objects.filter(status="approved").count() == 2

    organiser.goto(f"{live_server.url}/matchmaking/{event.pk}/statistics/")
    organiser.wait_for_selector("#chart-countries .main-svg")  # Plotly drew the chart from the local bundle
    assert organiser.locator("#data-countries tbody tr").count() == 2
    organiser.screenshot(path=str(screenshot_dir / "matchmaking-5-statistics.png"), full_page=True)
    organiser.goto(f"{live_server.url}/matchmaking/{event.pk}/table-plan/")
    assert "Asta Robotics ↔ Nikos Machining" in organiser.locator("#table-plan").inner_text()
