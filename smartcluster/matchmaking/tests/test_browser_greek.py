"""Real headless Chromium in Greek: the suggestion reasons read in Greek, organisation types included (never by
their code or in English)."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings

from smartcluster.matchmaking.tests.test_browser import _logged_in


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_suggestion_reasons_read_in_greek_with_the_organisation_types(browser: Any, live_server: Any, event: Any,
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
    assert "ταιριάζει με το αίτημά σας «Predictive maintenance sensors»" in reason
    assert "(ΜμΕ και Πανεπιστήμιο)" in reason
    assert not any(word in reason for word in ("offer", "request", "complementary", "SME", "University", "sme",
                                                "university"))
