"""The stakeholder map in real headless Chromium: Plotly (served offline) draws one point per stakeholder, the
three sharing a cell spread apart, and the page fits a phone's width."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from smartcluster.maturity.tests.conftest import plain_http_and_static_files  # noqa: F401 - reused (autouse)
from smartcluster.organisations.models import Organisation, OrganisationType
from smartcluster.organisations.tests.factories import build_world
from smartcluster.stakeholders import services


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_map_draws_every_stakeholder_apart(browser: Any, live_server: Any, screenshot_dir: Path,
                                               settings: Any) -> None:
    world = build_world()
    for name, kind, score in [("Uni U", OrganisationType.UNIVERSITY, 4), ("SME S", OrganisationType.SME, 4),
                              ("SME T", OrganisationType.SME, 4), ("Town Hall", OrganisationType.PUBLIC_AUTHORITY, 2)]:
        services.stakeholder_load(partner=world.partner_a, interest=score, influence=score,
                                  organisation=Organisation.objects.create(name=name, type=kind))
    client = Client()
    client.force_login(world.users["viewer"])
    for label, viewport in (("desktop", {"width": 1280, "height": 900}), ("phone", {"width": 390, "height": 800})):
        context = browser.new_context(viewport=viewport)
        context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "url": live_server.url,
                              "value": client.cookies[settings.SESSION_COOKIE_NAME].value}])
        page = context.new_page()
        page.goto(f"{live_server.url}/stakeholders/registry/partner/{world.partner_a.pk}/")
        page.locator("#stakeholder-map .main-svg").first.wait_for(timeout=30_000)
        points = page.locator("#stakeholder-map g.points path.point")
        assert points.count() == 4
        places = {points.nth(number).get_attribute("transform") for number in range(4)}
        assert len(places) == 4  # none hides another
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
        page.screenshot(path=str(screenshot_dir / f"stakeholders-registry-map-{label}.png"), full_page=True)
        context.close()
