"""Real headless Chromium, the stakeholders' main flow: a partner's editor records an interview, opens its coding
page, accepts two suggested themes, changes one of them (unticks it, ticks another) and saves, and the project's
heat map shows the change (the ticked theme's count goes from 0 to 1; the unticked one stays 0)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from smartcluster.maturity.tests.conftest import plain_http_and_static_files  # noqa: F401 - reused (autouse)
from smartcluster.organisations.models import Organisation, OrganisationType
from smartcluster.organisations.tests.factories import build_world
from smartcluster.stakeholders.models import (
    AppliedCode,
    Codebook,
    CodeSource,
    GuideQuestion,
    InterviewGuide,
    Theme,
)
from smartcluster.stakeholders.services import guide_default_store

DESKTOP = {"viewport": {"width": 1280, "height": 900}}
ANSWER = ("Our customers ask for green products and eco-design, so we seek environmental certification; recycling "
          "waste and renewable energy cut our emissions and support the circular economy.")
# Themes the editor may tick by hand instead of an accepted suggestion: the first one not suggested is used.
HAND_PICKED = ("financing-resources", "digitalisation", "cluster-policy")


def _logged_in(browser: Any, live_server: Any, user: Any, settings: Any) -> Any:
    """A browser page carrying the user's session (logging in by form is the accounts app's own test)."""
    client = Client()
    client.force_login(user)
    context = browser.new_context(**DESKTOP)
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME]
                          .value, "url": live_server.url}])
    return context.new_page()


def _business_count(page: Any, live_server: Any, project_id: int, code: str) -> str:
    """The heat map by helix's cell of a theme among business interviews ("interviews (answers)")."""
    page.goto(f"{live_server.url}/stakeholders/analysis/{project_id}/")
    page.locator("#map-helix .main-svg").first.wait_for()  # Plotly drew the heat map from the offline bundle
    return page.locator(f'#table-helix td[data-theme="{code}"][data-column="business"]').inner_text()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_editor_records_and_codes_an_interview_and_the_heat_map_changes(
        browser: Any, live_server: Any, screenshot_dir: Path, settings: Any) -> None:
    guide = guide_default_store(Codebook, Theme, InterviewGuide, GuideQuestion)  # a test before may have flushed
    world = build_world()
    Organisation.objects.create(name="Gamma Metal", type=OrganisationType.SME)
    project = world.project.pk
    page = _logged_in(browser, live_server, world.users["editor_a"], settings)

    page.goto(f"{live_server.url}/stakeholders/interviews/partners/{world.partner_a.pk}/new/")
    page.get_by_label("Interviewed organisation").select_option(label="Gamma Metal")
    page.get_by_label("Held on").fill("2026-11-20")
    page.get_by_label("The interviewee consents to being quoted").check()
    page.locator("textarea[name=answer_3]").fill(ANSWER)
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Interview recorded.").wait_for()
    page.screenshot(path=str(screenshot_dir / "stakeholders-1-interview-recorded.png"), full_page=True)

    page.goto(f"{live_server.url}/stakeholders/coding/")
    page.get_by_role("link", name="Gamma Metal").click()
    answer = page.locator("section.coding-answer").first
    suggested = answer.locator("ul.suggestions input[name=theme]").evaluate_all(
        "inputs => inputs.map(input => input.value)")
    assert len(suggested) >= 2, f"fewer than two suggestions for the answer: {suggested}"
    first, second = suggested[:2]
    hand_picked = next(code for code in HAND_PICKED if code not in suggested)
    before = _business_count(page, live_server, project, hand_picked)
    assert before == "0 (0)"

    page.goto(f"{live_server.url}/stakeholders/coding/")
    page.get_by_role("link", name="Gamma Metal").click()
    for code in (first, second):
        section = page.locator("section.coding-answer").first
        section.locator(f'form:has(input[name=theme][value="{code}"]) button').click()
        page.locator("section.coding-answer").first.locator(
            f'input[name=themes][value="{code}"]:checked').wait_for()  # the accepted suggestion is applied
    page.screenshot(path=str(screenshot_dir / "stakeholders-2-suggestions-accepted.png"), full_page=True)
    section = page.locator("section.coding-answer").first
    section.locator(f'input[name=themes][value="{first}"]').uncheck()
    section.locator(f'input[name=themes][value="{hand_picked}"]').check()
    with page.expect_response(lambda response: "/coding/answers/" in response.url and response.ok):
        section.get_by_role("button", name="Save coding").click()
    ticked = guide.codebook.themes.get(code=hand_picked).name
    page.locator("section.coding-answer p", has_text="Your codes:").filter(has_text=ticked).wait_for()
    page.screenshot(path=str(screenshot_dir / "stakeholders-3-coding-changed.png"), full_page=True)

    assert _business_count(page, live_server, project, hand_picked) == "1 (1)"
    assert page.locator(f'#table-helix td[data-theme="{first}"][data-column="business"]').inner_text() == "0 (0)"
    assert page.locator(f'#table-helix td[data-theme="{second}"][data-column="business"]').inner_text() == "1 (1)"
    page.screenshot(path=str(screenshot_dir / "stakeholders-4-heat-map-changed.png"), full_page=True)
    stored = dict(AppliedCode.objects.values_list("theme__code", "source"))
    assert stored == {second: CodeSource.SUGGESTION, hand_picked: CodeSource.MANUAL}
