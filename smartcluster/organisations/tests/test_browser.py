"""In real headless Chromium: log in, create an organisation through the form, find it in the list."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

PASSWORD = "a long passphrase for the browser test"
# Form controls without a label (or aria-label) a screen reader could announce.
UNLABELLED_CONTROLS = """() => [...document.querySelectorAll('input, select, textarea')]
    .filter(el => !['hidden', 'submit', 'button'].includes(el.type))
    .filter(el => el.labels.length === 0 && !el.getAttribute('aria-label'))
    .map(el => el.name)"""


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_administrator_logs_in_creates_an_organisation_and_finds_it_in_the_list(
    page, live_server, screenshot_dir: Path  # noqa: ANN001
) -> None:
    get_user_model().objects.create_superuser(username="secretariat", password=PASSWORD)

    page.goto(f"{live_server.url}/")
    page.keyboard.press("Tab")  # the first Tab reaches the skip link, which jumps over the menu
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    page.goto(f"{live_server.url}/accounts/login/")
    assert page.evaluate("document.activeElement.name") == "username"  # the form starts with the keyboard in it
    assert page.evaluate(UNLABELLED_CONTROLS) == []
    page.get_by_label("Username").fill("secretariat")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{live_server.url}/")
    assert page.get_by_role("link", name="secretariat").is_visible()

    page.goto(f"{live_server.url}/organisations/new/")
    assert page.evaluate(UNLABELLED_CONTROLS) == []
    page.get_by_label("Name", exact=True).fill("Larissa Robotics Lab")
    page.get_by_label("Type", exact=True).select_option(label="Research organisation")
    page.get_by_label("Technologies").fill("robotics, IoT")
    page.get_by_label("Description").fill("Applied research on collaborative robots for SMEs.")
    page.screenshot(path=str(screenshot_dir / "organisation-form.png"), full_page=True)
    page.get_by_role("button", name="Save").click()
    page.wait_for_url("**/organisations/*/")
    assert page.get_by_role("heading", level=1).inner_text() == "Larissa Robotics Lab"
    assert page.get_by_text("Academia and research").is_visible()  # helix role derived from the type
    page.screenshot(path=str(screenshot_dir / "organisation-created.png"), full_page=True)

    page.goto(f"{live_server.url}/organisations/")
    page.get_by_label("Search", exact=True).fill("robotics lab")
    page.get_by_label("Search", exact=True).press("Enter")
    page.wait_for_url("**/organisations/?q=robotics+lab*")
    results = page.locator("#results")
    assert results.get_by_role("link", name="Larissa Robotics Lab").is_visible()
    assert "1 organisation" in results.inner_text()
    page.screenshot(path=str(screenshot_dir / "organisation-search.png"), full_page=True)
