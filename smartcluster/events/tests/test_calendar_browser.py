"""Real headless Chromium: a host partner's editor creates a peer review in Athens time, adds an agenda item, and
finds it in the month calendar after moving between months (htmx swaps the month, the address follows)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from smartcluster.events.models import ProjectEvent
from smartcluster.events.tests.calendar_factories import ATHENS, calendar_world

PASSWORD = "a-long-test-password-42"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_host_creates_an_event_adds_its_agenda_and_finds_it_in_the_calendar(
    browser: Any, live_server: Any, settings: Any,
) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {**settings.STORAGES,
                         "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    world = calendar_world()
    editor = world.users["editor_a"]
    editor.set_password(PASSWORD)
    editor.save()

    page = browser.new_context(timezone_id="America/New_York").new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill("editor_a")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()

    page.goto(f"{live_server.url}/events/")
    page.get_by_role("link", name="New event").click()
    page.get_by_label("Kind").select_option("peer_review")
    page.get_by_label("Title").fill("Peer review in Larissa")
    page.get_by_label("Place").fill("Larissa")
    page.get_by_label("Time zone").select_option("Europe/Athens")
    page.get_by_label("Starts").fill("2025-10-14T09:00")
    page.get_by_label("Ends").fill("2025-10-14T17:00")
    page.get_by_role("button", name="Save").click()
    assert "Europe/Athens" in page.content()

    page.get_by_label("Agenda item").fill("Site visit")
    page.get_by_label("Speakers").fill("Ana Alves")
    page.get_by_label("Starts").fill("2025-10-14T10:00")
    page.get_by_label("Ends").fill("2025-10-14T12:00")
    page.get_by_role("button", name="Add").click()
    assert page.locator("table tbody tr").first.inner_text().startswith("Tue 14 Oct 10:00")
    event = ProjectEvent.objects.get()
    assert event.sessions.get().starts_at == dt.datetime(2025, 10, 14, 10, 0, tzinfo=ATHENS)

    page.goto(f"{live_server.url}/events/calendar/?month=2025-09")
    assert page.locator("table.calendar caption").inner_text() == "September 2025"
    page.get_by_role("link", name="Next month").click()
    page.wait_for_url("**month=2025-10**")
    assert page.locator("table.calendar caption").inner_text() == "October 2025"
    page.locator("table.calendar").get_by_role("link", name="Peer review in Larissa").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Peer review in Larissa"
