"""Communication pages: the plan with its KPIs' achieved values (and how each was obtained), the forms of the
communication partner and of each responsible partner (CSRF enforced, refusals change nothing), item filters, the
due/late board and the XLSX download."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from smartcluster.events import services
from smartcluster.events.models import (
    CommunicationItem,
    CommunicationKind,
    CommunicationKpi,
    CommunicationPlan,
    KpiMeasure,
)
from smartcluster.events.models import CommunicationStatus as Status
from smartcluster.events.tests.test_communication_services import (
    an_event,
    build_communication_world,
    communication_dump,
    partner_b,
)
from smartcluster.organisations.tests.factories import World

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> World:
    """The project started 200 days ago: it is in its second semester whatever day the tests run."""
    world = build_communication_world()
    world.project.start_date = timezone.localdate() - dt.timedelta(days=200)
    world.project.save()
    return world


def csrf_client(user: Any = None) -> Client:
    """A browser: CSRF enforced, logged in as `user`, holding the CSRF cookie a first page view sets."""
    client = Client(enforce_csrf_checks=True, HTTP_REFERER="https://testserver/")
    if user is not None:
        client.force_login(user)
    client.get(reverse("events:communication_index"), secure=True)
    return client


def post(client: Client, url: str, data: dict[str, Any] | None = None) -> Any:
    return client.post(url, {**(data or {}), "csrfmiddlewaretoken": client.cookies["csrftoken"].value}, secure=True)


def page(url: str, user: Any = None) -> str:
    client = Client()
    if user is not None:
        client.force_login(user)
    response = client.get(url, secure=True)
    assert response.status_code == 200
    return response.content.decode()


def load(world: World, number: int, *, kind: str = CommunicationKind.PRESS_RELEASE, due: int = 1, partner: Any = None,
         status: str = Status.PLANNED, **extra: Any) -> CommunicationItem:
    published = dt.date(2025, 3, 1) if status == Status.PUBLISHED else None
    return services.communication_item_load(project=world.project, kind=kind, number=number,
                                            title=f"Title {kind} {number}", due_semester=due,
                                            responsible=partner or world.partner_a, status=status,
                                            published_on=published, **extra)


def test_the_communication_partner_writes_the_plan_and_its_kpis_through_the_forms(world: World) -> None:
    client = csrf_client(world.users["editor_a"])
    project = world.project.pk
    assert post(client, reverse("events:communication_plan_create", args=[project]), {
        "responsible": world.partner_a.pk, "objectives": "Make the project known."}).status_code == 302
    assert post(client, reverse("events:communication_kpis_create", args=[project]), {
        "name": "Readers", "unit": "people", "target": "2000", "measure": KpiMeasure.REACH,
        "item_kind": CommunicationKind.PRESS_RELEASE}).status_code == 302
    refused = post(client, reverse("events:communication_kpis_create", args=[project]), {
        "name": "Typed", "unit": "people", "target": "10", "measure": KpiMeasure.REACH, "achieved": "5"})
    assert refused.status_code == 400 and "counted from the items" in refused.content.decode()
    duplicate = post(client, reverse("events:communication_target_groups_create", args=[project]), {"name": "SMEs"})
    assert duplicate.status_code == 302
    again = post(client, reverse("events:communication_target_groups_create", args=[project]), {"name": "SMEs"})
    assert again.status_code == 400 and "has “SMEs” already" in again.content.decode()
    load(world, 1, status=Status.PUBLISHED, reach=1500)
    text = page(reverse("events:communication_plan", args=[project]))  # anonymous readers see the plan
    assert "Make the project known." in text and "1500" in text and "75.0 %" in text
    assert "Summed: reach of the 1 published items (Press release)." in text
    assert reverse("events:communication_plan_edit", args=[project]) not in text
    assert CommunicationKpi.objects.count() == 1


def test_another_partner_may_not_touch_the_plan_and_the_database_stays_as_it_was(world: World) -> None:
    plan = services.communication_plan_load(project=world.project, responsible=world.partner_a, objectives="Aims",
                                            target_groups=[("SMEs", "")])
    before = communication_dump()
    client = csrf_client(world.users["editor_b"])
    assert post(client, reverse("events:communication_plan_edit", args=[world.project.pk]),
                {"objectives": "Taken over"}).status_code == 403
    assert post(client, reverse("events:communication_kpis_create", args=[world.project.pk]), {
        "name": "x", "unit": "y", "target": "1", "measure": KpiMeasure.MANUAL}).status_code == 403
    group = plan.target_groups.get()
    assert post(client, reverse("events:communication_target_groups_delete", args=[group.pk])).status_code == 403
    assert communication_dump() == before
    anonymous = post(csrf_client(), reverse("events:communication_plan_edit", args=[world.project.pk]),
                     {"objectives": "x"})
    assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]  # sent to log in
    forged = Client(enforce_csrf_checks=True)
    forged.force_login(world.users["editor_a"])
    assert forged.post(reverse("events:communication_plan_edit", args=[world.project.pk]),
                       {"objectives": "Forged"}, secure=True).status_code == 403  # no CSRF token
    assert communication_dump() == before and CommunicationPlan.objects.get().objectives == "Aims"


def test_a_partner_plans_its_item_and_a_taken_number_is_refused_naming_the_field(world: World) -> None:
    load(world, 1, kind=CommunicationKind.NEWSLETTER, partner=partner_b(world))
    client = csrf_client(world.users["editor_b"])
    url = reverse("events:communication_item_create", args=[world.project.pk])
    data = {"kind": CommunicationKind.NEWSLETTER, "number": "1", "title": "Newsletter of B", "due_semester": "2",
            "responsible": partner_b(world).pk, "status": Status.PLANNED, "url": "", "reach": ""}
    before = communication_dump()
    taken = post(client, url, data)
    assert taken.status_code == 400
    assert 'id="id_number"' in taken.content.decode() and "Newsletter number 1 of CSI exists already" in \
        taken.content.decode()
    published = post(client, url, {**data, "number": "2", "status": Status.PUBLISHED})
    assert published.status_code == 400 and "needs its publication date" in published.content.decode()
    other_partner = post(client, url, {**data, "number": "2", "responsible": world.partner_a.pk})
    assert other_partner.status_code == 400  # A is not offered to B's editors
    out_of_range = post(client, url, {**data, "number": "2", "due_semester": "9"})
    assert out_of_range.status_code == 400
    assert communication_dump() == before
    assert post(client, url, {**data, "number": "2"}).status_code == 302
    assert CommunicationItem.objects.get(number=2).responsible == partner_b(world)


def test_each_partner_edits_only_its_own_items(world: World) -> None:
    item = load(world, 1, partner=partner_b(world))
    before = communication_dump()
    client = csrf_client(world.users["editor_a"])
    edit = reverse("events:communication_item_edit", args=[item.pk])
    data = {"kind": item.kind, "number": "1", "title": "Changed", "due_semester": "1",
            "responsible": partner_b(world).pk, "status": Status.PUBLISHED, "published_on": "2025-03-01",
            "reach": "10"}
    assert post(client, edit, data).status_code == 403
    assert post(client, reverse("events:communication_item_delete", args=[item.pk])).status_code == 403
    assert communication_dump() == before
    owner = csrf_client(world.users["editor_b"])
    assert post(owner, edit, data).status_code == 302
    assert CommunicationItem.objects.get().reach == 10
    detail = page(reverse("events:communication_item_detail", args=[item.pk]), world.users["editor_b"])
    assert "Changed" in detail and reverse("events:communication_item_edit", args=[item.pk]) in detail
    assert edit not in page(reverse("events:communication_item_detail", args=[item.pk]), world.users["editor_a"])


def test_items_are_filtered_by_kind_status_semester_and_partner(world: World) -> None:
    load(world, 1, due=1)
    load(world, 2, due=2, partner=partner_b(world))
    load(world, 1, kind=CommunicationKind.VIDEO, due=1, status=Status.PUBLISHED)
    url = reverse("events:communication_item_list", args=[world.project.pk])

    def titles(query: dict[str, Any]) -> set[str]:
        response = Client().get(url, query, secure=True, headers={"HX-Request": "true"})
        return {item.title for item in response.context["page"].object_list}

    assert titles({}) == {"Title press_release 1", "Title press_release 2", "Title video 1"}
    assert titles({"kind": "video"}) == {"Title video 1"}
    assert titles({"status": "planned", "semester": "1"}) == {"Title press_release 1"}
    assert titles({"responsible": partner_b(world).pk}) == {"Title press_release 2"}
    assert titles({"semester": "not a number", "kind": "nonsense"}) == titles({})  # bad filters are dropped
    listing = page(url)
    assert "late" in listing and "due this semester" in listing


def test_the_board_shows_what_is_due_and_late_for_one_partner_or_all(world: World) -> None:
    load(world, 1, due=1)  # semester 1 has passed: late
    load(world, 2, due=2, partner=partner_b(world))  # due now
    load(world, 3, due=1, status=Status.PUBLISHED)  # published: neither
    load(world, 4, due=3)  # later
    url = reverse("events:communication_board", args=[world.project.pk])
    response = Client().get(url, secure=True)
    board = response.context["board"]
    assert board.semester == 2
    assert [i.number for i in board.late] == [1] and [i.number for i in board.due] == [2]
    only_b = Client().get(url, {"responsible": partner_b(world).pk}, secure=True).context["board"]
    assert only_b.late == [] and [i.number for i in only_b.due] == [2]
    text = Client().get(url, secure=True).content.decode()
    assert "Current semester: 2 of 8." in text and "Late: 1 item" in text


def test_the_workbook_carries_the_plan_kpis_and_items_with_due_or_late(world: World) -> None:
    services.communication_plan_load(project=world.project, responsible=world.partner_a, objectives="Aims",
                                     channels=[("Website", "news")],
                                     kpis=[{"name": "Press releases", "unit": "releases", "target": 4,
                                            "measure": KpiMeasure.ITEMS_PUBLISHED,
                                            "item_kind": CommunicationKind.PRESS_RELEASE}])
    internal = an_event(world, title="Internal steering committee")
    load(world, 1, due=1, events=[internal])
    load(world, 2, due=1, status=Status.PUBLISHED, reach=300)
    url = reverse("events:communication_export_xlsx", args=[world.project.pk])
    partner = Client()
    partner.force_login(world.users["viewer"])
    for_partner = load_workbook(io.BytesIO(partner.get(url, secure=True).content))
    assert list(for_partner["Items"].iter_rows(values_only=True))[1][10] == "Internal steering committee"
    response = Client().get(url, secure=True)  # anonymous: the internal event is not named
    assert response.status_code == 200 and response["Content-Disposition"].endswith('communication-csi.xlsx"')
    workbook = load_workbook(io.BytesIO(response.content))
    kpis = list(workbook["KPIs"].iter_rows(values_only=True))
    assert kpis[1][:5] == ("Press releases", "releases", 4, 1, 25)
    items = list(workbook["Items"].iter_rows(values_only=True))
    assert [(row[1], row[5], row[6], row[10]) for row in items[1:]] == [(1, "Planned", "late", None),
                                                                         (2, "Published", None, None)]
    assert list(workbook["Channels"].iter_rows(values_only=True))[1] == ("Website", "news")


def test_a_missing_plan_entry_is_404_on_its_edit_and_delete_pages(world: World) -> None:
    services.communication_plan_load(project=world.project, responsible=world.partner_a, objectives="Aims",
                                     target_groups=[("SMEs", "")])
    client = csrf_client(world.users["editor_a"])
    before = communication_dump()
    for slug in ("target_groups", "channels", "kpis"):
        assert client.get(reverse(f"events:communication_{slug}_edit", args=[999999]), secure=True).status_code == 404
        assert post(client, reverse(f"events:communication_{slug}_delete", args=[999999])).status_code == 404
    assert communication_dump() == before
