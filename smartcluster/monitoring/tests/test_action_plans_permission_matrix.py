"""The action plans' permission matrix: a published plan is public, a draft the partnership's (404 to anyone else);
writes are the partner's editors', the lead's and administrators', and a refusal leaves every table unchanged."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from smartcluster.monitoring import services
from smartcluster.monitoring.tests.world import (
    build_monitoring_world,
    make_action,
    make_action_plan,
    monitoring_dump,
)

pytestmark = pytest.mark.django_db
ROLES = ["anonymous", "outsider", "viewer", "participant", "editor_a", "editor_b", "editor_lead", "administrator"]
READERS = {"viewer", "participant", "editor_a", "editor_b", "editor_lead", "administrator"}
WRITERS_OF_A = {"editor_a", "editor_lead", "administrator"}


def _client(mw: Any, role: str) -> Client:
    client = Client()
    if role != "anonymous":
        client.force_login(mw.users[role])
    return client


def _urls(plan: Any, action: Any) -> list[str]:
    return [reverse("monitoring:action_plan_detail", args=[plan.pk]),
            reverse("monitoring:action_detail", args=[action.pk])]


@pytest.mark.parametrize("role", ROLES)
def test_a_draft_plan_is_read_by_the_partnership_only(role: str) -> None:
    mw = build_monitoring_world()
    plan = make_action_plan(mw.partner_a)
    action = make_action(plan)
    client = _client(mw, role)
    expected = 200 if role in READERS else 404
    for url in _urls(plan, action):
        assert client.get(url).status_code == expected, url
    listing = client.get(reverse("monitoring:action_plan_list")).content.decode()
    assert (plan.title in listing) is (role in READERS)


@pytest.mark.parametrize("role", ROLES)
def test_a_published_plan_is_read_by_everyone(role: str) -> None:
    mw = build_monitoring_world()
    plan = make_action_plan(mw.partner_a)
    plan.is_published = True
    plan.save()
    action = make_action(plan)
    client = _client(mw, role)
    for url in _urls(plan, action):
        page = client.get(url)
        assert page.status_code == 200, url
        assert "Managing authority" in page.content.decode()


@pytest.mark.parametrize("role", ROLES[1:])
def test_writing_the_plan_of_partner_a_follows_the_matrix(role: str) -> None:
    mw = build_monitoring_world()
    plan = make_action_plan(mw.partner_a)
    user = AnonymousUser() if role == "anonymous" else mw.users[role]
    action = make_action(plan)
    writes = [lambda: services.action_plan_update(user=user, plan=plan, policy_context="Changed context."),
              lambda: services.action_create(user=user, plan=plan, title="Second", background_kind="other",
                                             description="More vouchers.", players="Agency",
                                             starts_on=action.starts_on, ends_on=action.ends_on),
              lambda: services.monitoring_entry_record(user=user, action=action, semester=3, status="in_progress"),
              lambda: services.action_plan_publish(user=user, plan=plan)]
    if role in WRITERS_OF_A:
        for write in writes:
            write()
        plan.refresh_from_db()
        assert plan.policy_context == "Changed context." and plan.is_published and plan.actions.count() == 2
        assert action.entries.count() == 1
        return
    for write in writes:
        before = monitoring_dump()
        with pytest.raises(PermissionDenied):
            write()
        assert monitoring_dump() == before
