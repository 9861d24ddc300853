"""The work plan's permission matrix: every role × read (pages, API), plan (lead), update a deliverable
(responsible partner), resolve a note (lead). A refusal is a 404 for readers outside the partnership, a
PermissionDenied for members without the right, and leaves every table unchanged."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from smartcluster.monitoring import services
from smartcluster.monitoring.models import WorkPlanNote
from smartcluster.monitoring.tests.world import build_monitoring_world, make_deliverable, monitoring_dump

pytestmark = pytest.mark.django_db
ROLES = ["anonymous", "outsider", "viewer", "participant", "editor_a", "editor_b", "editor_lead", "administrator"]
READERS = {"viewer", "participant", "editor_a", "editor_b", "editor_lead", "administrator"}
PLANNERS = {"editor_lead", "administrator"}
UPDATERS_OF_A = {"editor_a", *PLANNERS}


def _user(mw: Any, role: str) -> Any:
    return AnonymousUser() if role == "anonymous" else mw.users[role]


def _refused_unchanged(call: Any) -> None:
    before = monitoring_dump()
    with pytest.raises(PermissionDenied):
        call()
    assert monitoring_dump() == before


@pytest.mark.parametrize("role", ROLES)
def test_reading_is_the_partnerships(role: str) -> None:
    mw = build_monitoring_world()
    deliverable = make_deliverable(mw)
    client = Client()
    if role != "anonymous":
        client.force_login(mw.users[role])
    expected = 200 if role in READERS else 404
    for url in (reverse("monitoring:workplan_timeline", args=[mw.project.pk]),
                reverse("monitoring:workplan_late", args=[mw.project.pk]),
                reverse("monitoring:workplan_notes", args=[mw.project.pk]),
                reverse("monitoring:deliverable_detail", args=[deliverable.pk]),
                reverse("monitoring:workplan_xlsx", args=[mw.project.pk]),
                f"/api/monitoring/projects/{mw.project.pk}/deliverables/",
                f"/api/monitoring/deliverables/{deliverable.pk}"):
        assert client.get(url).status_code == expected, url
    listing = client.get(reverse("monitoring:workplan_projects")).content.decode()
    assert (str(mw.project) in listing) is (role in READERS)


@pytest.mark.parametrize("role", ROLES[1:])
def test_writing_follows_the_matrix(role: str) -> None:
    mw = build_monitoring_world()
    user = _user(mw, role)
    services.workplan_template_load(project=mw.project)
    deliverable = make_deliverable(mw)  # partner A's
    note = WorkPlanNote.objects.filter(project=mw.project).first()
    plan = lambda: services.deliverable_create(user=user, project=mw.project, kind="report",  # noqa: E731
                                               title="Plan", responsible=mw.partner_b, due_semester=4)
    update = lambda: services.deliverable_status_set(user=user, deliverable=deliverable,  # noqa: E731
                                                     status="in_progress")
    resolve = lambda: services.work_plan_note_resolve(user=user, note=note, resolution="Fine.")  # noqa: E731
    for call, allowed in ((plan, role in PLANNERS), (update, role in UPDATERS_OF_A), (resolve, role in PLANNERS)):
        if allowed:
            call()
        else:
            _refused_unchanged(call)


@pytest.mark.parametrize("role", ["viewer", "editor_b", "outsider"])
def test_pages_refuse_a_post_of_who_may_not_update(role: str) -> None:
    mw = build_monitoring_world()
    deliverable = make_deliverable(mw)
    client = Client()
    client.force_login(mw.users[role])
    before = monitoring_dump()
    answer = client.post(reverse("monitoring:deliverable_detail", args=[deliverable.pk]),
                         {"action": "status", "status": "cancelled"})
    assert answer.status_code in (403, 404) and monitoring_dump() == before
