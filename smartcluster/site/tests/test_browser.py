"""In real headless Chromium: the language menu switches the whole interface, and no language's longer labels
push the page wider than the window."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
from django.conf import settings

WIDER_THAN_WINDOW = "() => document.documentElement.scrollWidth - window.innerWidth"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_choosing_a_language_translates_the_menu_and_keeps_the_page_within_the_window(
    page, live_server, screenshot_dir: Path  # noqa: ANN001
) -> None:
    page.goto(f"{live_server.url}/")
    for code, _name in settings.LANGUAGES[1:]:
        catalogue = polib.pofile(str(Path(settings.LOCALE_PATHS[0]) / code / "LC_MESSAGES" / "django.po"))
        with page.expect_navigation():
            page.select_option("#language-select", code)
        assert page.evaluate("document.documentElement.lang") == code
        menu = page.locator("nav").first.inner_text()
        assert catalogue.find("Organisations").msgstr in menu and catalogue.find("Mapping").msgstr in menu
        for width in (1280, 390):
            page.set_viewport_size({"width": width, "height": 900})
            assert page.evaluate(WIDER_THAN_WINDOW) <= 0, f"{code} at {width} px"
        page.set_viewport_size({"width": 1280, "height": 900})
        page.screenshot(path=str(screenshot_dir / f"home-{code}.png"), full_page=True)
