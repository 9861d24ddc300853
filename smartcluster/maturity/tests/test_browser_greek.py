"""Real headless Chromium in Greek: no text of the shipped questionnaire is left in English on any of its steps."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.utils import timezone

from smartcluster.maturity import services
from smartcluster.maturity.models import Assessment
from smartcluster.maturity.packaged import packaged_definition
from smartcluster.scoring.definition import questionnaire_from_mapping, text_paths

# Longer than a word like "No": a short text could be part of an unrelated word.
ENGLISH = [text for text in text_paths(questionnaire_from_mapping(packaged_definition("dma-sme-v1"))).values()
           if len(text) > 3]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_every_step_of_the_questionnaire_reads_in_greek(
        browser: Any, live_server: Any, screenshot_dir: Path, questionnaire: Any, regions: Any, sectors: Any,
        cluster: Any, cluster_manager: Any) -> None:
    campaign = services.campaign_create(user=cluster_manager, organisation=cluster, questionnaire=questionnaire,
                                        name="Robotics check-up 2026", opens_at=timezone.now() - timedelta(days=1))
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{live_server.url}/maturity/c/{campaign.token}/")
    page.get_by_role("button", name="Start the self-assessment").click()
    page.get_by_label("Name of your organisation").fill("Thessaly Tools")
    page.get_by_label("Micro (1–9 persons)").check()
    page.get_by_label("Sector").select_option(label="C Manufacturing")
    page.get_by_label("Region", exact=True).select_option(label="Sostinės regionas (LT01)")
    page.get_by_role("button", name="Save and continue").click()
    assessment = Assessment.objects.get()

    context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": "el", "url": live_server.url}])
    left_in_english = {}
    for step in range(1, 7):
        page.goto(f"{live_server.url}/maturity/a/{assessment.public_id}/step/{step}/")
        text = page.locator("main").inner_text()
        left_in_english[step] = [english for english in ENGLISH if english in text]
        if step == 1:
            assert "Ψηφιακή επιχειρηματική στρατηγική" in text
            page.screenshot(path=str(screenshot_dir / "maturity-greek-step-1.png"), full_page=True)
    context.close()
    assert left_in_english == {step: [] for step in range(1, 7)}
