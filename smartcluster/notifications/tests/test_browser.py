"""Real headless Chromium: a user sees the unread count in the header, opens the inbox, opens one message (marked
read, its link followed), marks the rest read, and turns e-mail off for one kind."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from smartcluster.notifications import selectors, services
from smartcluster.notifications.models import Notification
from smartcluster.notifications.tests.conftest import GREETING, PASSWORD, make_user


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_inbox_opens_a_message_marks_it_read_and_then_all(browser: Any, live_server: Any,
                                                          screenshot_dir: Path) -> None:
    user = make_user("ana")
    for subject in ("Meeting request from Nikos Machining", "Your agenda has changed"):
        services.notification_send(user=user, kind=GREETING, subject=subject, url="/matchmaking/",
                                   topic="Baltic–Aegean B2B", time_zone="Europe/Vilnius", email=False)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill("ana")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()

    assert page.locator("#inbox-link .badge").inner_text() == "2"
    page.locator("#inbox-link").click()
    assert "2 unread notifications" in page.locator("#unread-summary").inner_text()
    assert page.locator("#notifications li.unread").count() == 2
    page.screenshot(path=str(screenshot_dir / "notifications-1-inbox.png"), full_page=True)

    page.get_by_role("button", name="Meeting request from Nikos Machining").click()
    page.wait_for_url(f"{live_server.url}/matchmaking/")
    assert page.locator("#inbox-link .badge").inner_text() == "1"
    assert Notification.objects.get(subject__startswith="Meeting request").is_read

    page.locator("#inbox-link").click()
    page.get_by_role("button", name="Mark all read").click()
    assert "0 unread notifications" in page.locator("#unread-summary").inner_text()
    assert page.locator("#notifications li.unread").count() == 0 and page.locator("#inbox-link .badge").count() == 0
    assert not Notification.objects.filter(read_at__isnull=True).exists()
    page.screenshot(path=str(screenshot_dir / "notifications-2-all-read.png"), full_page=True)

    page.get_by_role("link", name="E-mail preferences").click()
    page.get_by_label("Meeting requests to you").uncheck()
    page.get_by_role("button", name="Save").click()
    assert "preferences are saved" in page.locator(".messages").inner_text()
    assert not page.get_by_label("Meeting requests to you").is_checked()
    assert page.get_by_label("Send me my notifications by e-mail too").is_checked()
    assert not selectors.notification_preference_get(user=user).wants_email("matchmaking.meeting_requested")
    page.screenshot(path=str(screenshot_dir / "notifications-3-preferences.png"), full_page=True)
    context.close()
