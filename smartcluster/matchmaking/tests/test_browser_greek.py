"""Real headless Chromium in Greek: the suggestions page names organisation types in Greek, never by code or in
English (the reason phrases themselves are interface strings, translated with the catalogues)."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings

from smartcluster.matchmaking.tests.test_browser import _logged_in


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_suggestion_reasons_name_the_organisation_types_in_greek(browser: Any, live_server: Any, event: Any,
                                                                 participant_factory: Any) -> None:
    participant_factory("mira", opportunities=[
        {"kind": "request", "title": "Predictive maintenance sensors", "description": "vibration sensors for CNC"}])
    participant_factory("sensa", participant_type="university", opportunities=[
        {"kind": "offer", "title": "Predictive maintenance sensors", "description": "vibration analytics"}])
    page = _logged_in(browser, live_server, "mira", event.time_zone)
    page.context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": "el", "url": live_server.url}])
    page.goto(f"{live_server.url}/matchmaking/{event.pk}/suggestions/")
    reason = page.locator("#suggestions .reason").first.inner_text()
    page.context.close()
    assert "(ΜμΕ" in reason and "Πανεπιστήμιο)" in reason
    assert not any(word in reason for word in ("SME", "University", "(sme", "university)"))
