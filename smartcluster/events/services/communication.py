"""Writes of the events app: the communication plan (objectives, target groups, channels, KPIs) and its items
(press releases, newsletters, videos, posts, website updates, posters, branding assets), plus trusted `*_load`
writers for the demo loader.

The plan is created and changed by the editors of its communication partner (and administrators). An item is
planned by the communication partner's editors for any partner of the project, or by a partner's editors for
itself; afterwards only the responsible partner's editors (and administrators) change it. Refusals raise
`PermissionDenied` (nothing changes) or `ValidationError` naming the field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from smartcluster.accounts.permissions import can_change, can_create_for, can_view, is_administrator
from smartcluster.accounts.selectors import organisation_editor_list
from smartcluster.events.models import (
    CommunicationChannel,
    CommunicationItem,
    CommunicationKind,
    CommunicationKpi,
    CommunicationPlan,
    CommunicationStatus,
    KpiMeasure,
    ProjectEvent,
    TargetGroup,
)
from smartcluster.notifications.services import notification_kind_register, notification_send

__all__ = [
    "communication_channel_delete",
    "communication_channel_save",
    "communication_item_create",
    "communication_item_delete",
    "communication_item_load",
    "communication_item_update",
    "communication_item_validate",
    "communication_kpi_delete",
    "communication_kpi_save",
    "communication_plan_create",
    "communication_plan_load",
    "communication_plan_update",
    "communication_target_group_delete",
    "communication_target_group_save",
]

# Rules the item and KPI forms check too (before the model's constraints would refuse them without a field).
PUBLISHED_WITHOUT_DATE = gettext_lazy("A published item needs its publication date.")
COUNTED_KPI_ENTERED = gettext_lazy("This value is counted from the items: leave it empty, or choose “entered by the "
                                   "communication partner”.")
ITEM_ASSIGNED = notification_kind_register("events.communication_item_assigned",
                                           gettext_lazy("Communication item planned for my organisation"))
PLAN_FIELDS = ("objectives", "responsible")
ITEM_FIELDS = ("kind", "number", "title", "due_semester", "responsible", "status", "published_on", "url", "reach")
ENTRY_FIELDS: dict[type[models.Model], tuple[str, ...]] = {
    TargetGroup: ("name", "description"),
    CommunicationChannel: ("name", "description"),
    CommunicationKpi: ("name", "unit", "target", "measure", "item_kind", "achieved"),
}


def _assign(record: Any, data: dict[str, Any], fields: tuple[str, ...]) -> None:
    unknown = set(data) - set(fields)
    if unknown:
        raise ValidationError(_("Unknown fields: %(fields)s.") % {"fields": ", ".join(sorted(unknown))})
    for name, value in data.items():
        setattr(record, name, "" if value is None and name in ("url", "description", "objectives", "item_kind")
                else value)


def _require_partner_of(project: Any, partner: Any, field: str = "responsible") -> None:
    if partner is None:
        raise ValidationError({field: _("Name the responsible partner.")})
    if partner.project_id != project.pk:
        raise ValidationError({field: _("%(partner)s is not a partner of %(project)s.") % {
            "partner": partner, "project": project}})


def _refuse_plan_change(user: Any, plan: CommunicationPlan) -> None:
    if not can_change(user, plan):
        raise PermissionDenied(_("Only the editors of %(partner)s (the communication partner) change the "
                                 "communication plan.") % {"partner": plan.responsible.organisation})


# The plan ---------------------------------------------------------------------------------------------------------

def _plan_save(plan: CommunicationPlan) -> CommunicationPlan:
    _require_partner_of(plan.project, plan.responsible)
    plan.full_clean(validate_unique=False)
    if CommunicationPlan.objects.filter(project=plan.project).exclude(pk=plan.pk).exists():
        raise ValidationError({"project": _("%(project)s has a communication plan already: change that one.") % {
            "project": plan.project}})
    try:
        with transaction.atomic():
            plan.save()
    except IntegrityError as error:  # a plan created by a concurrent request since it was checked
        raise ValidationError({"project": _("%(project)s has a communication plan already: change that one.") % {
            "project": plan.project}}) from error
    return plan


@transaction.atomic
def communication_plan_create(*, user: Any, project: Any, responsible: Any,
                              data: dict[str, Any] | None = None) -> CommunicationPlan:
    """The project's communication plan, run by `responsible` (a partner the user edits for)."""
    if responsible is not None and not can_create_for(user, responsible.organisation_id):
        raise PermissionDenied(_("Only the editors of %(organisation)s write its communication plan.") % {
            "organisation": responsible.organisation})
    plan = CommunicationPlan(project=project, responsible=responsible)
    _assign(plan, {key: value for key, value in (data or {}).items() if key != "responsible"}, PLAN_FIELDS)
    return _plan_save(plan)


@transaction.atomic
def communication_plan_update(*, user: Any, plan: CommunicationPlan, data: dict[str, Any]) -> CommunicationPlan:
    """Change the plan's objectives; only administrators hand it to another partner (`responsible`)."""
    _refuse_plan_change(user, plan)
    handed_over = "responsible" in data and getattr(data["responsible"], "pk", None) != plan.responsible_id
    if handed_over and not is_administrator(user):
        raise PermissionDenied(_("Only administrators hand the communication plan to another partner."))
    _assign(plan, data, PLAN_FIELDS)
    return _plan_save(plan)


# Target groups, channels and KPIs ---------------------------------------------------------------------------------

def _kpi_check(kpi: CommunicationKpi) -> None:
    if kpi.measure != KpiMeasure.MANUAL and kpi.achieved is not None:
        raise ValidationError({"achieved": COUNTED_KPI_ENTERED})
    if kpi.measure == KpiMeasure.MANUAL and kpi.item_kind:
        raise ValidationError({"item_kind": _("A value entered by hand is not counted from items of a kind: leave "
                                              "the kind empty.")})


def _entry_save(user: Any, plan: CommunicationPlan, model: type[models.Model], data: dict[str, Any],
                record: Any = None) -> Any:
    _refuse_plan_change(user, plan)
    if record is not None and record.plan_id != plan.pk:
        raise ValidationError(_("This entry belongs to another communication plan."))
    record = record or model(plan=plan)
    _assign(record, data, ENTRY_FIELDS[model])
    record.name = (record.name or "").strip()
    if model is CommunicationKpi:
        _kpi_check(record)
    if record.name and model.objects.filter(plan=plan, name__iexact=record.name).exclude(pk=record.pk).exists():
        raise ValidationError({"name": _("The plan has “%(name)s” already.") % {"name": record.name}})
    record.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            record.save()
    except IntegrityError as error:  # the same name saved by a concurrent request since it was checked
        raise ValidationError({"name": _("The plan has “%(name)s” already.") % {"name": record.name}}) from error
    return record


def _entry_delete(user: Any, record: Any) -> None:
    _refuse_plan_change(user, record.plan)
    record.delete()


@transaction.atomic
def communication_target_group_save(*, user: Any, plan: CommunicationPlan, data: dict[str, Any],
                                    target_group: TargetGroup | None = None) -> TargetGroup:
    """Add a target group to the plan (or change `target_group`): name and description."""
    return _entry_save(user, plan, TargetGroup, data, target_group)


def communication_target_group_delete(*, user: Any, target_group: TargetGroup) -> None:
    _entry_delete(user, target_group)


@transaction.atomic
def communication_channel_save(*, user: Any, plan: CommunicationPlan, data: dict[str, Any],
                               channel: CommunicationChannel | None = None) -> CommunicationChannel:
    """Add a channel to the plan (or change `channel`): name and description."""
    return _entry_save(user, plan, CommunicationChannel, data, channel)


def communication_channel_delete(*, user: Any, channel: CommunicationChannel) -> None:
    _entry_delete(user, channel)


@transaction.atomic
def communication_kpi_save(*, user: Any, plan: CommunicationPlan, data: dict[str, Any],
                           kpi: CommunicationKpi | None = None) -> CommunicationKpi:
    """Add a KPI to the plan (or change `kpi`): name, unit, target, and how its achieved value is obtained."""
    return _entry_save(user, plan, CommunicationKpi, data, kpi)


def communication_kpi_delete(*, user: Any, kpi: CommunicationKpi) -> None:
    _entry_delete(user, kpi)


# Items ------------------------------------------------------------------------------------------------------------

def _may_plan_for(user: Any, project: Any, partner: Any) -> bool:
    """A partner's editors plan their own items; the communication partner's editors plan anyone's."""
    if can_create_for(user, partner.organisation_id):
        return True
    plan = CommunicationPlan.objects.filter(project=project).first()
    return plan is not None and can_change(user, plan)


def _number_taken(item: CommunicationItem) -> ValidationError:
    return ValidationError({"number": _("%(kind)s number %(number)s of %(project)s exists already: choose another "
                                        "number.") % {"kind": CommunicationKind(item.kind).label,
                                                      "number": item.number, "project": item.project}})


def communication_item_validate(*, item: CommunicationItem, events: list[ProjectEvent],
                                today: dt.date | None = None) -> None:
    """The rules of an unsaved item (the project's partner, semester range, number free, publication date, events of
    the project) and its fields' own, refused naming the field; the admin checks with it too."""
    today = today or timezone.localdate()
    project = item.project
    _require_partner_of(project, item.responsible)
    if item.due_semester is not None and not 1 <= item.due_semester <= project.semesters:
        raise ValidationError({"due_semester": _("%(project)s runs %(count)s semesters: give a semester from 1 to "
                                                 "%(count)s.") % {"project": project, "count": project.semesters}})
    if item.status == CommunicationStatus.PUBLISHED and item.published_on is None:
        raise ValidationError({"published_on": PUBLISHED_WITHOUT_DATE})
    if item.status == CommunicationStatus.PUBLISHED and item.published_on > today:
        raise ValidationError({"published_on": _("A published item was published by today (%(today)s).") % {
            "today": today.isoformat()}})
    if item.reach is not None and item.reach < 0:
        raise ValidationError({"reach": _("The reach is a number of people: 0 or more.")})
    foreign = [event for event in events if event.project_id != project.pk]
    if foreign:
        raise ValidationError({"events": _("“%(event)s” is not an event of %(project)s.") % {
            "event": foreign[0], "project": project}})
    item.full_clean(validate_constraints=False)  # the fields' own rules first: no out-of-range number is queried
    if CommunicationItem.objects.filter(project=project, kind=item.kind, number=item.number).exclude(
            pk=item.pk).exists():
        raise _number_taken(item)


def _item_save(item: CommunicationItem, events: list[ProjectEvent] | None) -> CommunicationItem:
    try:
        with transaction.atomic():
            item.save()
    except IntegrityError as error:  # the same number saved by a concurrent request since it was checked
        raise _number_taken(item) from error
    if events is not None:
        item.events.set(events)
    return item


def _notify_assigned(user: Any, item: CommunicationItem) -> None:
    """Tell the responsible partner's editors that someone else planned (or handed them) an item."""
    if can_create_for(user, item.responsible.organisation_id) and not is_administrator(user):
        return  # the partner planned its own item
    subject = _("%(item)s is planned for %(organisation)s (due in semester %(semester)s)") % {
        "item": item, "organisation": item.responsible.organisation, "semester": item.due_semester}
    url = reverse("events:communication_item_detail", args=[item.pk])
    for editor in organisation_editor_list(organisation_id=item.responsible.organisation_id).exclude(pk=user.pk):
        notification_send(user=editor, kind=ITEM_ASSIGNED, subject=subject, url=url, topic=str(item.project),
                          topic_key=f"events.communicationitem:{item.pk}")


def _readable_events(user: Any, events: Iterable[ProjectEvent] | None) -> list[ProjectEvent] | None:
    if events is None:
        return None
    events = list(events)
    hidden = [event for event in events if user is not None and not can_view(user, event)]
    if hidden:
        raise ValidationError({"events": _("No event %(id)s that you may read.") % {"id": hidden[0].pk}})
    return events


@transaction.atomic
def communication_item_create(*, user: Any, project: Any, data: dict[str, Any],
                              events: Iterable[ProjectEvent] = ()) -> CommunicationItem:
    """Plan an item of the project's communication, tied to the events it reports on."""
    responsible = data.get("responsible")
    _require_partner_of(project, responsible)
    if not _may_plan_for(user, project, responsible):
        raise PermissionDenied(_("Only the editors of %(organisation)s (or of the communication partner) plan its "
                                 "items.") % {"organisation": responsible.organisation})
    item = CommunicationItem(project=project)
    _assign(item, data, ITEM_FIELDS)
    chosen = _readable_events(user, events) or []
    communication_item_validate(item=item, events=chosen)
    _item_save(item, chosen)
    _notify_assigned(user, item)
    return item


@transaction.atomic
def communication_item_update(*, user: Any, item: CommunicationItem, data: dict[str, Any],
                              events: Iterable[ProjectEvent] | None = None) -> CommunicationItem:
    """Change an item (its responsible partner's editors); `events`, when given, replaces the events it reports on."""
    if not can_change(user, item):
        raise PermissionDenied(_("Only the editors of %(organisation)s change this item.") % {
            "organisation": item.responsible.organisation})
    new_partner = data.get("responsible", item.responsible)
    if "responsible" in data:
        _require_partner_of(item.project, new_partner)
        if new_partner.pk != item.responsible_id and not _may_plan_for(user, item.project, new_partner):
            raise PermissionDenied(_("Only the communication partner hands an item to another partner."))
    handed_over = new_partner.pk != item.responsible_id
    _assign(item, data, ITEM_FIELDS)
    chosen = _readable_events(user, events)
    communication_item_validate(item=item, events=chosen if chosen is not None else list(item.events.all()))
    _item_save(item, chosen)
    if handed_over:
        _notify_assigned(user, item)
    return item


def communication_item_delete(*, user: Any, item: CommunicationItem) -> None:
    if not can_change(user, item):
        raise PermissionDenied(_("Only the editors of %(organisation)s change this item.") % {
            "organisation": item.responsible.organisation})
    item.delete()


# Trusted writers (demo loader) ------------------------------------------------------------------------------------

@transaction.atomic
def communication_plan_load(*, project: Any, responsible: Any, objectives: str = "",
                            target_groups: Iterable[tuple[str, str]] = (), channels: Iterable[tuple[str, str]] = (),
                            kpis: Iterable[dict[str, Any]] = ()) -> CommunicationPlan:
    """Trusted writer (demo loader): the project's plan with these target groups and channels (name, description)
    and KPIs (dicts of `ENTRY_FIELDS`), entries of the same name replaced."""
    plan = CommunicationPlan.objects.filter(project=project).first() or CommunicationPlan(project=project)
    plan.responsible, plan.objectives = responsible, objectives
    _plan_save(plan)
    entries = [(TargetGroup, {"name": n, "description": d}) for n, d in target_groups]
    entries += [(CommunicationChannel, {"name": n, "description": d}) for n, d in channels]
    entries += [(CommunicationKpi, dict(kpi)) for kpi in kpis]
    for model, data in entries:
        record = model.objects.filter(plan=plan, name=data["name"]).first() or model(plan=plan)
        _assign(record, data, ENTRY_FIELDS[model])
        if model is CommunicationKpi:
            _kpi_check(record)
        record.full_clean()
        record.save()
    return plan


@transaction.atomic
def communication_item_load(*, project: Any, kind: str, number: int, title: str, due_semester: int,
                            responsible: Any, status: str = CommunicationStatus.PLANNED,
                            published_on: dt.date | None = None, url: str = "", reach: int | None = None,
                            events: Iterable[ProjectEvent] = (),
                            today: dt.date | None = None) -> CommunicationItem:
    """Trusted writer (demo loader): the project's item of this kind and number, with these values and events."""
    item = CommunicationItem.objects.filter(project=project, kind=kind, number=number).first() or CommunicationItem(
        project=project, kind=kind, number=number)
    _assign(item, {"title": title, "due_semester": due_semester, "responsible": responsible, "status": status,
                   "published_on": published_on, "url": url, "reach": reach}, ITEM_FIELDS)
    events = list(events)
    communication_item_validate(item=item, events=events, today=today)
    return _item_save(item, events)
