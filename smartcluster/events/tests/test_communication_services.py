"""Communication plan and items: who writes what (the communication partner plans, each partner changes its own
items), the rules naming their field (number taken, semester range, publication date), what is due and late by
semester, and KPIs' achieved values counted from the published items."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import serializers
from django.core.exceptions import PermissionDenied, ValidationError

from smartcluster.events import selectors, services
from smartcluster.events.models import (
    CommunicationChannel,
    CommunicationItem,
    CommunicationKind,
    CommunicationKpi,
    CommunicationPlan,
    CommunicationStatus,
    EventKind,
    KpiMeasure,
    ProjectEvent,
    TargetGroup,
)
from smartcluster.events.services import communication as communication_services
from smartcluster.notifications.models import Notification
from smartcluster.organisations.models import Partner, Project
from smartcluster.organisations.tests.factories import World, build_world, database_dump

pytestmark = pytest.mark.django_db
START = dt.date(2025, 1, 1)  # semester 1: January–June 2025, semester 2: July–December 2025, …
TODAY = dt.date(2025, 7, 15)  # in semester 2


def build_communication_world() -> World:
    """`build_world`'s project started on START (8 semesters); partner A (Agency A) runs communication."""
    world = build_world()
    world.project.start_date = START
    world.project.save()
    return world


def partner_b(world: World) -> Partner:
    return Partner.objects.get(project=world.project, organisation=world.org_b)


def communication_dump() -> str:
    """Every communication row (items' events included) and the organisations' tables, to prove a refusal
    changed nothing."""
    models = [CommunicationPlan, TargetGroup, CommunicationChannel, CommunicationKpi, CommunicationItem,
              CommunicationItem.events.through]
    rows = [serializers.serialize("json", model.objects.order_by("pk")) for model in models]
    return "\n".join([*rows, database_dump()])


def the_plan(world: World) -> CommunicationPlan:
    return services.communication_plan_load(project=world.project, responsible=world.partner_a,
                                            objectives="Make the project known.")


def an_event(world: World, *, project: Project | None = None, title: str = "Peer review in Murcia") -> ProjectEvent:
    starts = dt.datetime(2025, 5, 6, 9, tzinfo=dt.UTC)
    return ProjectEvent.objects.create(project=project or world.project, kind=EventKind.PEER_REVIEW, title=title,
                                       host=world.partner_a, starts_at=starts, ends_at=starts + dt.timedelta(hours=8))


def item(world: World, number: int = 1, *, kind: str = CommunicationKind.PRESS_RELEASE, due: int = 1,
         partner: Partner | None = None, status: str = CommunicationStatus.PLANNED, **extra: Any) -> CommunicationItem:
    published = extra.pop("published_on", dt.date(2025, 3, 1) if status == CommunicationStatus.PUBLISHED else None)
    return services.communication_item_load(
        project=world.project, kind=kind, number=number, title=f"{kind} {number}", due_semester=due,
        responsible=partner or world.partner_a, status=status, published_on=published, today=TODAY, **extra)


def item_data(world: World, **overrides: Any) -> dict[str, Any]:
    return {"kind": CommunicationKind.NEWSLETTER, "number": 1, "title": "Newsletter 1", "due_semester": 1,
            "responsible": world.partner_a, "status": CommunicationStatus.PLANNED, **overrides}


def test_the_communication_partner_writes_the_plan_and_nobody_else() -> None:
    world = build_communication_world()
    before = communication_dump()
    with pytest.raises(PermissionDenied):
        services.communication_plan_create(user=world.users["editor_b"], project=world.project,
                                           responsible=world.partner_a, data={"objectives": "x"})
    with pytest.raises(ValidationError) as refusal:
        services.communication_plan_create(user=world.users["editor_b"], project=Project.objects.create(
            name="Other", acronym="OTH"), responsible=partner_b(world))
    assert "responsible" in refusal.value.message_dict
    plan = services.communication_plan_create(user=world.users["editor_a"], project=world.project,
                                              responsible=world.partner_a, data={"objectives": "Be known."})
    assert (plan.responsible, plan.objectives) == (world.partner_a, "Be known.")
    with pytest.raises(ValidationError) as second:
        services.communication_plan_create(user=world.users["administrator"], project=world.project,
                                           responsible=partner_b(world))
    assert "project" in second.value.message_dict
    assert CommunicationPlan.objects.count() == 1 and before != communication_dump()


def test_only_administrators_hand_the_plan_to_another_partner() -> None:
    world = build_communication_world()
    plan = the_plan(world)
    services.communication_plan_update(user=world.users["editor_a"], plan=plan, data={"objectives": "New aims"})
    before = communication_dump()
    for role, data in (("editor_b", {"objectives": "Taken"}), ("editor_a", {"responsible": partner_b(world)}),
                       ("viewer", {"objectives": "x"})):
        with pytest.raises(PermissionDenied):
            services.communication_plan_update(user=world.users[role], plan=CommunicationPlan.objects.get(),
                                               data=data)
    assert communication_dump() == before
    services.communication_plan_update(user=world.users["administrator"], plan=plan,
                                       data={"responsible": partner_b(world)})
    assert CommunicationPlan.objects.get().responsible == partner_b(world)


def test_plan_entries_are_named_once_and_counted_kpis_take_no_typed_value() -> None:
    world = build_communication_world()
    plan = the_plan(world)
    editor = world.users["editor_a"]
    services.communication_target_group_save(user=editor, plan=plan, data={"name": "SMEs", "description": ""})
    services.communication_channel_save(user=editor, plan=plan, data={"name": "Website", "description": "News"})
    kpi = services.communication_kpi_save(user=editor, plan=plan, data={
        "name": "Press releases", "unit": "releases", "target": 6, "measure": KpiMeasure.ITEMS_PUBLISHED,
        "item_kind": CommunicationKind.PRESS_RELEASE})
    before = communication_dump()
    refusals = [
        (services.communication_target_group_save, {"name": "smes "}, "name"),
        (services.communication_kpi_save, {"name": "Reach", "unit": "people", "target": 9, "measure": KpiMeasure.REACH,
                                           "achieved": 500}, "achieved"),
        (services.communication_kpi_save, {"name": "Visits", "unit": "visits", "target": 9,
                                           "measure": KpiMeasure.MANUAL, "item_kind": CommunicationKind.VIDEO},
         "item_kind"),
    ]
    for save, data, field in refusals:
        with pytest.raises(ValidationError) as refusal:
            save(user=editor, plan=plan, data=data)
        assert field in refusal.value.message_dict, refusal.value
    with pytest.raises(PermissionDenied):
        services.communication_kpi_save(user=world.users["editor_b"], plan=plan, kpi=kpi, data={"target": 1})
    with pytest.raises(PermissionDenied):
        services.communication_channel_delete(user=world.users["editor_b"], channel=plan.channels.get())
    assert communication_dump() == before
    services.communication_kpi_delete(user=editor, kpi=kpi)
    assert not CommunicationKpi.objects.exists()


@pytest.mark.parametrize(("overrides", "field"), [
    ({"due_semester": 9}, "due_semester"),
    ({"due_semester": 0}, "due_semester"),
    ({"status": CommunicationStatus.PUBLISHED}, "published_on"),
    ({"status": CommunicationStatus.PUBLISHED, "published_on": dt.date(2999, 1, 1)}, "published_on"),
    ({"kind": CommunicationKind.PRESS_RELEASE, "number": 1}, "number"),
    ({"title": ""}, "title"),
    ({"url": "not a link"}, "url"),
])
def test_a_refused_item_names_its_field_and_changes_nothing(overrides: dict[str, Any], field: str) -> None:
    world = build_communication_world()
    item(world, 1)  # press release 1 exists
    before = communication_dump()
    with pytest.raises(ValidationError) as refusal:
        services.communication_item_create(user=world.users["editor_a"], project=world.project,
                                           data=item_data(world, **overrides))
    assert field in refusal.value.message_dict, refusal.value
    assert communication_dump() == before


def test_the_same_number_is_free_for_another_kind_and_for_another_project() -> None:
    world = build_communication_world()
    item(world, 1)
    created = services.communication_item_create(user=world.users["editor_a"], project=world.project,
                                                 data=item_data(world, number=1))
    assert created.kind == CommunicationKind.NEWSLETTER and CommunicationItem.objects.count() == 2


def test_each_partner_changes_only_its_own_items_and_the_communication_partner_plans_for_all() -> None:
    world = build_communication_world()
    the_plan(world)
    b = partner_b(world)
    own = services.communication_item_create(user=world.users["editor_b"], project=world.project,
                                             data=item_data(world, responsible=b, title="B's newsletter"))
    planned = services.communication_item_create(user=world.users["editor_a"], project=world.project,
                                                 data=item_data(world, responsible=b, number=2))
    before = communication_dump()
    with pytest.raises(PermissionDenied):  # B does not plan for the communication partner
        services.communication_item_create(user=world.users["editor_b"], project=world.project,
                                           data=item_data(world, number=3))
    with pytest.raises(PermissionDenied):  # planned for B: B's to change now
        services.communication_item_update(user=world.users["editor_a"], item=planned, data={"title": "x"})
    for role in ("viewer", "participant"):
        with pytest.raises(PermissionDenied):
            services.communication_item_update(user=world.users[role], item=own, data={"title": "x"})
        with pytest.raises(PermissionDenied):
            services.communication_item_delete(user=world.users[role], item=own)
    with pytest.raises(PermissionDenied):  # B may not hand its item to A: only the communication partner does
        services.communication_item_update(user=world.users["editor_b"], item=own,
                                           data={"responsible": world.partner_a})
    assert communication_dump() == before
    services.communication_item_update(user=world.users["editor_b"], item=planned, data={
        "status": CommunicationStatus.PUBLISHED, "published_on": dt.date(2025, 5, 2), "reach": 1200,
        "url": "https://example.org/newsletter-2"})
    assert CommunicationItem.objects.get(pk=planned.pk).reach == 1200


def test_an_item_reports_only_on_events_of_its_project() -> None:
    world = build_communication_world()
    event = an_event(world)
    other = an_event(world, project=Project.objects.create(name="Other", acronym="OTH"), title="Elsewhere")
    created = services.communication_item_create(user=world.users["editor_a"], project=world.project,
                                                 data=item_data(world), events=[event])
    assert list(created.events.all()) == [event]
    before = communication_dump()
    with pytest.raises(ValidationError) as refusal:
        services.communication_item_update(user=world.users["editor_a"], item=created, data={}, events=[other])
    assert "events" in refusal.value.message_dict and communication_dump() == before


@pytest.mark.parametrize(("on", "semester", "due", "late"), [
    (dt.date(2024, 12, 31), None, [], []),  # before the start: nothing is due yet
    (dt.date(2025, 6, 30), 1, ["press_release 1", "press_release 3"], []),
    (dt.date(2025, 7, 1), 2, ["press_release 2"], ["press_release 1", "press_release 3"]),
    (dt.date(2029, 1, 1), 9, [], ["press_release 1", "press_release 3", "press_release 2"]),  # after the project
])
def test_due_and_late_follow_the_semester_boundaries(on: dt.date, semester: int | None, due: list[str],
                                                     late: list[str]) -> None:
    world = build_communication_world()
    item(world, 1, due=1)
    item(world, 2, due=2)
    item(world, 3, due=1, status=CommunicationStatus.IN_PROGRESS)
    item(world, 4, due=1, status=CommunicationStatus.PUBLISHED)
    item(world, 5, due=1, status=CommunicationStatus.CANCELLED)
    board = selectors.communication_board(user=world.users["viewer"], project=world.project, on=on)
    assert board.semester == semester and board.after_project == (semester == 9)
    assert [i.title for i in board.due] == due and [i.title for i in board.late] == late


def test_kpis_are_counted_from_published_items_or_entered_by_hand() -> None:
    world = build_communication_world()
    plan = services.communication_plan_load(
        project=world.project, responsible=world.partner_a, kpis=[
            {"name": "Press releases", "unit": "releases", "target": 6, "measure": KpiMeasure.ITEMS_PUBLISHED,
             "item_kind": CommunicationKind.PRESS_RELEASE},
            {"name": "Readers of press releases", "unit": "people", "target": 10000, "measure": KpiMeasure.REACH,
             "item_kind": CommunicationKind.PRESS_RELEASE},
            {"name": "Events reported", "unit": "events", "target": 4, "measure": KpiMeasure.EVENTS_REPORTED},
            {"name": "Website visits", "unit": "visits", "target": 5000, "measure": KpiMeasure.MANUAL,
             "achieved": 1234},
            {"name": "Followers", "unit": "people", "target": 500, "measure": KpiMeasure.MANUAL}])
    event = an_event(world)
    item(world, 1, status=CommunicationStatus.PUBLISHED, reach=3000, events=[event])
    item(world, 2, status=CommunicationStatus.PUBLISHED)  # no reach recorded
    item(world, 3, reach=9999)  # planned: not counted
    item(world, 1, kind=CommunicationKind.VIDEO, status=CommunicationStatus.PUBLISHED, reach=700, events=[event])
    progress = {p.kpi.name: p for p in selectors.communication_kpi_progress(plan=plan)}
    assert progress["Press releases"].achieved == 2
    assert progress["Readers of press releases"].achieved == 3000
    assert "1 of them without a reach recorded" in progress["Readers of press releases"].basis
    assert progress["Events reported"].achieved == 1  # two items report on the same event
    assert (progress["Website visits"].achieved, progress["Website visits"].percent) == (1234, 24.68)
    assert progress["Followers"].achieved is None and progress["Followers"].percent is None
    counts = {row.kind: (row.planned, row.published, row.reach) for row in selectors.communication_kind_counts(
        user=world.users["viewer"], project=world.project)}
    assert counts == {"press_release": (3, 2, 3000), "video": (1, 1, 700)}


def test_loading_twice_changes_nothing() -> None:
    world = build_communication_world()
    for _ in range(2):
        services.communication_plan_load(project=world.project, responsible=world.partner_a, objectives="Aims",
                                         target_groups=[("SMEs", "")], channels=[("Website", "")],
                                         kpis=[{"name": "Videos", "unit": "videos", "target": 2,
                                                "measure": KpiMeasure.ITEMS_PUBLISHED, "item_kind": "video"}])
        item(world, 1, reach=10)
        dump = communication_dump()
    assert communication_dump() == dump
    assert (TargetGroup.objects.count(), CommunicationItem.objects.count()) == (1, 1)


def test_a_partner_is_told_when_the_communication_partner_plans_an_item_for_it() -> None:
    world = build_communication_world()
    the_plan(world)
    b = partner_b(world)
    services.communication_item_create(user=world.users["editor_b"], project=world.project,
                                       data=item_data(world, responsible=b))  # its own: nobody to tell
    assert not Notification.objects.exists()
    planned = services.communication_item_create(user=world.users["editor_a"], project=world.project,
                                                 data=item_data(world, responsible=b, number=2, title="For B"))
    told = Notification.objects.get()
    assert (told.user, told.kind) == (world.users["editor_b"], "events.communication_item_assigned")
    assert "For B" in told.subject and told.url.endswith(f"/communication/items/{planned.pk}/")
    mine = services.communication_item_create(user=world.users["editor_a"], project=world.project,
                                              data=item_data(world, number=3))
    services.communication_item_update(user=world.users["editor_a"], item=mine, data={"responsible": b})
    assert Notification.objects.filter(user=world.users["editor_b"]).count() == 2


def test_a_number_taken_by_a_concurrent_request_is_refused_naming_the_field(monkeypatch: Any) -> None:
    """Between the check and the save another request takes the number: the database's constraint refuses it and
    the refusal names the field (simulated by skipping the check)."""
    world = build_communication_world()
    item(world, 1)
    before = communication_dump()
    monkeypatch.setattr(communication_services, "communication_item_validate", lambda **_kwargs: None)
    with pytest.raises(ValidationError) as refusal:
        services.communication_item_create(user=world.users["editor_a"], project=world.project,
                                           data=item_data(world, kind=CommunicationKind.PRESS_RELEASE, number=1))
    assert "number" in refusal.value.message_dict and communication_dump() == before
