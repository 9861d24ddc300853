"""Good-practice reports API: the reports the caller may read, and a report's content as the DOCX has it (the public
gets approved practices only; an internal event's report is not found)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from smartcluster.events.tests.calendar_factories import make_event
from smartcluster.learning.services import peer_review_load
from smartcluster.learning.tests.test_reports_docx import reported_world
from smartcluster.learning.tests.transfers_world import transfer_world

pytestmark = pytest.mark.django_db
API = "/api/learning"


def test_the_report_list_names_the_project_and_event_reports_with_their_addresses() -> None:
    tw, event = reported_world()

    items = Client().get(f"{API}/reports/").json()["items"]

    assert [(item["kind"], item["id"]) for item in items] == [("project", tw.world.project.pk), ("event", event.pk)]
    assert items[1]["docx"] == reverse("learning:report_event_docx", args=[event.pk])


def test_a_reports_content_follows_the_readers_rights() -> None:
    tw, event = reported_world()

    public = Client().get(f"{API}/reports/projects/{tw.world.project.pk}").json()
    partner = Client().get(f"{API}/reports/projects/{tw.world.project.pk}",
                           HTTP_AUTHORIZATION=f"Bearer {tw.tokens['viewer']}").json()
    at_event = Client().get(f"{API}/reports/events/{event.pk}").json()

    assert [p["title"] for p in public["practices"]] == ["Innovation vouchers"]
    assert {p["title"] for p in partner["practices"]} == {"Innovation vouchers", "Skills academy"}
    [practice] = at_event["practices"]
    assert practice["transfers"][0]["stage"] == "planned" and practice["fields"]["Evidence of success"]
    [review] = at_event["reviews"]
    assert review["recommendations"][0]["practice_ids"] == [tw.approved.pk]


def test_an_internal_events_report_is_not_found_for_the_public() -> None:
    tw = transfer_world()
    event = make_event(tw.world, is_published=False)
    peer_review_load(event=event, policy_challenge="Internal challenge.")

    assert Client().get(f"{API}/reports/events/{event.pk}").status_code == 404
