"""What the monitoring's real-Chromium tests share: the two screen sizes and a page carrying a user's session."""

from __future__ import annotations

from typing import Any

from django.test import Client

DESKTOP = {"viewport": {"width": 1280, "height": 900}}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


def signed_in_page(browser: Any, live_server: Any, user: Any, settings: Any, device: dict[str, Any]) -> Any:
    """A browser page carrying the user's session (logging in by form is the accounts app's own test)."""
    client = Client()
    client.force_login(user)
    context = browser.new_context(**device)
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME]
                          .value, "url": live_server.url}])
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page
