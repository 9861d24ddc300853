"""Every page of the demo's monitoring section opens: the lead partner's editor and a platform administrator follow
each link under /monitoring/ from the section's front page (forms and exports included) and none fails."""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urljoin, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from smartcluster.organisations.models import Project

pytestmark = pytest.mark.django_db
START = "/monitoring/"


def _links(base: str, html: str) -> set[str]:
    """The /monitoring/ paths (with their query) a page links to."""
    found = set()
    for href in re.findall(r'href="([^"#]+)"', html):
        url = urlsplit(urljoin(base, href.replace("&amp;", "&")))
        if not url.netloc and url.path.startswith(START):
            found.add(url.path + (f"?{url.query}" if url.query else ""))
    return found


def _crawl(client: Client) -> dict[str, int]:
    """Status of every monitoring page reachable from the front page."""
    statuses: dict[str, int] = {}
    frontier = [START]
    while frontier:
        path = frontier.pop()
        if path in statuses:
            continue
        answer = client.get(path)
        statuses[path] = answer.status_code
        if answer.status_code == 200 and answer["Content-Type"].startswith("text/html"):
            frontier.extend(_links(path, answer.content.decode()) - statuses.keys())
    return statuses


@pytest.mark.parametrize("who", ["lead editor", "administrator"])
def test_every_monitoring_page_of_the_demo_opens(setup: Callable, who: str) -> None:
    setup()
    project = Project.objects.get()
    client = Client()
    if who == "administrator":
        client.force_login(get_user_model().objects.create_superuser("crawler", "crawler@example.org", "x"))
    else:
        client.force_login(project.partners.get(role="lead").organisation.memberships.first().user)

    statuses = _crawl(client)

    failed = {path: status for path, status in statuses.items() if status >= 400}
    assert not failed, failed
    # the crawl reached every part: work plan, indicators, reporting, action plans with their actions, impact, reports
    for part in ("work-plan", "indicators", "reporting", "action-plans", "actions", "impact", "reports"):
        assert any(f"/{part}/" in path for path in statuses), part
