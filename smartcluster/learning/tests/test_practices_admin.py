"""Practices admin: pages open; the status and the trail are read-only; status changes go through the status
service (its refusals shown, nothing changed); a practice added or edited there gets its trail entry."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from smartcluster.learning.models import GoodPractice
from smartcluster.learning.tests.practices_world import DESCRIPTION, load, practice_world
from smartcluster.organisations.tests.factories import make_user

pytestmark = pytest.mark.django_db


def _root() -> Client:
    client = Client()
    client.force_login(make_user("root", is_superuser=True, is_staff=True))
    return client


def test_admin_pages_open_with_status_and_trail_read_only() -> None:
    pw = practice_world()
    practice = load(pw, status="project_approved")
    client = _root()
    for name, args in [("changelist", []), ("change", [practice.pk]), ("add", [])]:
        response = client.get(reverse(f"admin:learning_goodpractice_{name}", args=args), secure=True)
        assert response.status_code == 200
    page = client.get(reverse("admin:learning_goodpractice_change", args=[practice.pk]), secure=True)
    assert 'name="status"' not in page.content.decode()
    assert 'name="status_changes-0-to_status"' not in page.content.decode()


def test_admin_actions_move_practices_through_the_status_service_only() -> None:
    pw = practice_world()
    submitted, approved = load(pw), load(pw, title="Approved", status="project_approved")
    client = _root()
    url = reverse("admin:learning_goodpractice_changelist")
    response = client.post(url, {"action": "move_to_expert_validated", "_selected_action": [submitted.pk]},
                           secure=True, follow=True)
    assert "only after the project approves it" in response.content.decode()
    assert GoodPractice.objects.get(pk=submitted.pk).status == "submitted"
    client.post(url, {"action": "move_to_expert_validated", "_selected_action": [approved.pk]}, secure=True)
    approved.refresh_from_db()
    assert (approved.status, approved.is_published) == ("expert_validated", True)
    assert approved.status_changes.last().changed_by.username == "root"


def test_a_practice_added_in_the_admin_starts_its_trail() -> None:
    pw = practice_world()
    data = {"partner": pw.partner_b.pk, "title": "Admin vouchers", "organisation_in_charge": pw.world.candidate.pk,
            "description": DESCRIPTION, "is_successful": "on",
            "topics-TOTAL_FORMS": "1", "topics-INITIAL_FORMS": "0",
            "topics-0-taxonomy": "smart_industry_40", "topics-0-code": "technology_providers",
            "status_changes-TOTAL_FORMS": "0", "status_changes-INITIAL_FORMS": "0"}
    response = _root().post(reverse("admin:learning_goodpractice_add"), data, secure=True)
    assert response.status_code == 302, response.content.decode()[:2000]
    practice = GoodPractice.objects.get(title="Admin vouchers")
    assert [change.to_status for change in practice.status_changes.all()] == ["submitted"]
    assert practice.topics.get().code == "technology_providers"
