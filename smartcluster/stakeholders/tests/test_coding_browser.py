"""Real headless Chromium: a coder accepts a suggested theme and saves a coding on the coding page; htmx swaps the
answer's block (the page is not reloaded) and only the accepted suggestion is stored as one, with its score."""

from __future__ import annotations

import re
from typing import Any

import pytest

from smartcluster.stakeholders.choices import CodeSource
from smartcluster.stakeholders.models import AppliedCode
from smartcluster.stakeholders.tests.coding_world import build_coding_world

PASSWORD = "a-long-test-password-42"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_coder_accepts_a_suggestion_and_saves_the_coding_without_reloading(browser: Any,
                                                                             live_server: Any) -> None:
    coding = build_coding_world()
    editor = coding.world.users["editor_a"]
    editor.set_password(PASSWORD)
    editor.save()
    page = browser.new_context().new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill("editor_a")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(f"{live_server.url}/stakeholders/coding/interviews/{coding.interview.pk}/")
    page.evaluate("window.notReloaded = true")
    answer = coding.answers[2]
    block = page.locator(f"#answer-{answer.pk}")
    block.get_by_role("button", name=re.compile(r"^Accept\W+Digitalisation$")).click()
    page.locator(f"#answer-{answer.pk}", has_text="accepted suggestion, score").wait_for()
    block = page.locator(f"#answer-{answer.pk}")
    block.get_by_label("Support known and used").check()
    block.get_by_role("button", name=re.compile(r"^Save coding")).click()
    page.locator(f"#answer-{answer.pk}", has_text=re.compile(r"Your codes:.*Support known and used")).wait_for()
    assert page.evaluate("window.notReloaded") is True
    codes = dict(AppliedCode.objects.values_list("theme__code", "source"))
    assert codes == {"digitalisation": CodeSource.SUGGESTION, "support-known": CodeSource.MANUAL}
    assert AppliedCode.objects.get(theme__code="digitalisation").suggestion_score > 0
