"""The action plans' pages with CSRF enforced: a partner starts its plan, adds an action and records an entry;
bad input (no players, a future semester, not implemented unexplained) is shown under its field, nothing saved."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from django.utils.html import escape

from smartcluster.learning.tests.test_reports_docx import docx_text
from smartcluster.monitoring import services
from smartcluster.monitoring.models import ActionPlan, MonitoringEntry
from smartcluster.monitoring.tests.world import (
    build_monitoring_world,
    make_action,
    make_action_plan,
    monitoring_dump,
    post,
    signed_in,
)
from smartcluster.reports.tests.readable import docx_problems

pytestmark = pytest.mark.django_db
ACTION = {"title": "Vouchers", "background_kind": "other", "description": "Vouchers for SMEs.",
          "players": "Managing authority", "starts_on": "2026-01-01", "ends_on": "2027-06-30", "costs": "1000",
          "funding": "ERDF"}


def _refused_on_page(client: Any, url: str, data: dict[str, Any], words: str) -> None:
    before = monitoring_dump()
    page = post(client, url, data)
    assert page.status_code == 200
    assert words in page.content.decode()
    assert monitoring_dump() == before


def test_a_partner_starts_its_plan_adds_an_action_and_records_an_entry() -> None:
    mw = build_monitoring_world()
    client = signed_in(mw.users["editor_a"], reverse("monitoring:action_plan_list"))
    created = post(client, reverse("monitoring:action_plan_create", args=[mw.partner_a.pk]),
                   {"policy_context": "ERDF programme.", "developed_with": [mw.partner_b.pk]})
    plan = ActionPlan.objects.get(partner=mw.partner_a)
    assert created.status_code == 302 and plan.policy_context == "ERDF programme."
    post(client, reverse("monitoring:action_create", args=[plan.pk]), ACTION)
    action = plan.actions.get()
    done = post(client, reverse("monitoring:monitoring_entry_edit", args=[action.pk]),
                {"semester": 3, "status": "in_progress", "what_was_done": "Call published.",
                 "evidence_url": "https://example.org/call"})
    assert done.status_code == 302
    detail = client.get(reverse("monitoring:action_plan_detail", args=[plan.pk])).content.decode()
    assert "Part III" in detail and "Call published." in detail and "Managing authority" in detail


def test_a_partner_edits_an_action_from_its_own_values() -> None:
    mw = build_monitoring_world()
    action = make_action(make_action_plan(mw.partner_a))
    url = reverse("monitoring:action_edit", args=[action.pk])
    client = signed_in(mw.users["editor_a"], url)
    page = client.get(url)
    assert page.status_code == 200 and escape(action.players) in page.content.decode()
    changed = post(client, url, {**ACTION, "players": "Managing authority; the food cluster"})
    action.refresh_from_db()
    assert changed.status_code == 302 and action.players == "Managing authority; the food cluster"


def test_bad_input_is_named_on_the_page_and_nothing_is_saved() -> None:
    mw = build_monitoring_world()
    plan = make_action_plan(mw.partner_a)
    action = make_action(plan)
    client = signed_in(mw.users["editor_a"], reverse("monitoring:action_plan_detail", args=[plan.pk]))
    _refused_on_page(client, reverse("monitoring:action_create", args=[plan.pk]), {**ACTION, "players": ""},
                     "players")
    entry_url = reverse("monitoring:monitoring_entry_edit", args=[action.pk])
    _refused_on_page(client, entry_url, {"semester": 5, "status": "in_progress"}, "has not started yet")
    _refused_on_page(client, entry_url, {"semester": 3, "status": "not_implemented"}, "Explain why")
    assert not MonitoringEntry.objects.exists()


def test_a_post_without_csrf_token_changes_nothing() -> None:
    mw = build_monitoring_world()
    plan = make_action_plan(mw.partner_a)
    client = signed_in(mw.users["editor_a"], reverse("monitoring:action_plan_detail", args=[plan.pk]))
    client.cookies.pop("csrftoken", None)
    before = monitoring_dump()
    assert post(client, reverse("monitoring:action_plan_state", args=[plan.pk, "publish"]), {}).status_code == 403
    assert monitoring_dump() == before


def test_the_docx_reads_well_in_the_interreg_structure() -> None:
    mw = build_monitoring_world()
    plan = make_action_plan(mw.partner_a)
    action = make_action(plan)
    services.monitoring_entry_load(action=action, semester=2, status="in_progress", what_was_done="Call drafted.")
    client = signed_in(mw.users["viewer"], reverse("monitoring:action_plan_detail", args=[plan.pk]))
    answer = client.get(reverse("monitoring:action_plan_docx", args=[plan.pk]))
    assert answer.status_code == 200 and docx_problems(answer.content, "plan.docx") == []
    text = docx_text(answer.content)
    assert text.index("Part I") < text.index("Part II") < text.index("Part III") < text.index("Call drafted.")
    assert "Managing authority" in text


def test_an_adoption_without_its_adopter_is_refused_with_a_message() -> None:
    mw = build_monitoring_world()
    plan = make_action_plan(mw.partner_a)
    client = signed_in(mw.users["editor_a"], reverse("monitoring:action_plan_detail", args=[plan.pk]))
    before = monitoring_dump()
    answer = post(client, reverse("monitoring:action_plan_state", args=[plan.pk, "adopt"]),
                  {"adopted_on": "not a date", "adopted_by": ""})
    assert answer.status_code == 302 and monitoring_dump() == before
    page = client.get(answer["Location"]).content.decode()
    assert "Give the day the plan was adopted." in page
