"""Admin of communication: plans open with their inlines; an item is checked by the services' rules (semester range,
number per kind, publication date) and refused naming the field."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from smartcluster.events import services
from smartcluster.events.models import CommunicationItem, CommunicationPlan, KpiMeasure
from smartcluster.events.tests.test_communication_services import build_communication_world, item
from smartcluster.organisations.models import Project
from smartcluster.organisations.tests.factories import World

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> World:
    return build_communication_world()


@pytest.fixture
def admin_client(client: Any) -> Any:
    client.force_login(get_user_model().objects.create_superuser("root", "root@example.org", "pw-for-tests-1"))
    return client


def item_form(world: World, **overrides: Any) -> dict[str, Any]:
    return {"project": world.project.pk, "kind": "press_release", "number": "2", "title": "Press release 2",
            "due_semester": "2", "responsible": world.partner_a.pk, "status": "planned", "published_on": "",
            "url": "", "reach": "", **overrides}


@pytest.mark.parametrize(("overrides", "message"), [
    ({"due_semester": "9"}, "runs 8 semesters"),
    ({"number": "1"}, "Press release number 1 of CSI exists already"),
    ({"status": "published"}, "needs its publication date"),
])
def test_the_admin_refuses_an_item_by_the_services_rules(world: World, admin_client: Any, overrides: dict[str, Any],
                                                         message: str) -> None:
    item(world, 1)
    refused = admin_client.post(reverse("admin:events_communicationitem_add"), item_form(world, **overrides))
    assert refused.status_code == 200 and message in refused.content.decode()
    assert CommunicationItem.objects.count() == 1


def test_the_admin_saves_a_good_item_and_opens_the_plan_with_its_inlines(world: World, admin_client: Any) -> None:
    assert admin_client.post(reverse("admin:events_communicationitem_add"), item_form(world)).status_code == 302
    plan = services.communication_plan_load(project=world.project, responsible=world.partner_a,
                                            target_groups=[("SMEs", "")],
                                            kpis=[{"name": "Reach", "unit": "people", "target": 9,
                                                   "measure": KpiMeasure.REACH}])
    page = admin_client.get(reverse("admin:events_communicationplan_change", args=[plan.pk]))
    assert page.status_code == 200 and "SMEs" in page.content.decode()
    assert admin_client.get(reverse("admin:events_communicationitem_changelist")).status_code == 200


def test_the_admin_refuses_a_communication_partner_from_another_project(world: World, admin_client: Any) -> None:
    other = Project.objects.create(name="Other", acronym="OTH")
    refused = admin_client.post(reverse("admin:events_communicationplan_add"), {
        "project": other.pk, "responsible": world.partner_a.pk, "objectives": "",
        **{f"{prefix}-{key}": value for prefix in ("target_groups", "channels", "kpis")
           for key, value in (("TOTAL_FORMS", "0"), ("INITIAL_FORMS", "0"))}})
    assert refused.status_code == 200 and "is not a partner of OTH" in refused.content.decode()
    assert not CommunicationPlan.objects.exists()
