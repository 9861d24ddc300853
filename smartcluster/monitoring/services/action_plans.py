"""Writes of the action plans: a partner's plan on its policy instrument (Part I, II), its actions (Part III) with
the background they draw on, and the actions' monitoring entries per semester. The partner's editors, the lead's
editors and administrators write; a refusal stores nothing. Trusted loaders for the demo run the same checks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from smartcluster.events.choices import EventKind
from smartcluster.learning.selectors import recommendation_accepted_list
from smartcluster.monitoring.choices import ActionPlanStatus, BackgroundKind, ImplementationStatus
from smartcluster.monitoring.models import Action, ActionPlan, MonitoringEntry
from smartcluster.monitoring.selectors.access import (
    project_partner_editable,
    semester_checked,
    semester_current,
)
from smartcluster.monitoring.services.evidence import record_with_evidence_saved
from smartcluster.site.validators import nul_characters_refused

__all__ = ["action_create", "action_delete", "action_load", "action_plan_adopt", "action_plan_create",
           "action_plan_load", "action_plan_publish", "action_plan_submit", "action_plan_update", "action_update",
           "monitoring_entry_load", "monitoring_entry_record"]

PLAN_TEXTS = ("title", "general_information", "policy_context")
ACTION_FIELDS = ("title", "background_kind", "good_practice", "recommendation", "brainstorm", "background",
                 "description", "players", "starts_on", "ends_on", "costs", "funding")
_LINK_OF_KIND = {BackgroundKind.GOOD_PRACTICE: "good_practice", BackgroundKind.RECOMMENDATION: "recommendation",
                 BackgroundKind.BRAINSTORM: "brainstorm"}
# Whole sentences, one per field: a label inserted into a sentence cannot agree in the other languages.
_LINK_MISSING = {"good_practice": gettext_lazy("Choose the good practice the action draws on."),
                 "recommendation": gettext_lazy("Choose the recommendation the action draws on."),
                 "brainstorm": gettext_lazy("Choose the brainstorm the action draws on.")}
_TEXT_MISSING = {"title": gettext_lazy("Give the action a title."),
                 "description": gettext_lazy("Describe the action."),
                 "players": gettext_lazy("Name the players involved in the action.")}


def _require_editable(user: Any, partner: Any) -> None:
    if not project_partner_editable(user, partner):
        raise PermissionDenied(_("Only the partner's editors, the lead partner's editors or administrators write "
                                 "this action plan."))


def _saved(record: Any) -> Any:
    record.full_clean()
    record.save()
    return record


# --- the plan ----------------------------------------------------------------------------------------------------


def _plan_checked(plan: ActionPlan, developed_with: Iterable[Any] | None) -> ActionPlan:
    nul_characters_refused({field: getattr(plan, field) for field in PLAN_TEXTS})
    if not plan.title.strip():
        raise ValidationError({"title": _("Give the action plan a title.")})
    others = list(developed_with or [])
    if any(other.project_id != plan.partner.project_id or other.pk == plan.partner_id for other in others):
        raise ValidationError({"developed_with": _("Choose other partners of the same project.")})
    with transaction.atomic():
        _saved(plan)
        if developed_with is not None:
            plan.developed_with.set(others)
    return plan


def _plan_new(partner: Any, *, title: str, general_information: str, policy_context: str) -> ActionPlan:
    if not partner.policy_instrument.strip():
        raise ValidationError({"partner": _(
            "%(partner)s has no policy instrument yet: set the policy instrument addressed on the partner's page of "
            "the project (Organisations → project → partners) first.") % {"partner": partner.organisation}})
    return ActionPlan(partner=partner, title=title.strip() or _("Action plan: %(instrument)s") % {
        "instrument": partner.policy_instrument.strip()[:250]},
        general_information=general_information, policy_context=policy_context)


def action_plan_create(*, user: Any, partner: Any, title: str = "", general_information: str = "",
                       policy_context: str = "", developed_with: Iterable[Any] | None = None) -> ActionPlan:
    """The partner's plan on its policy instrument (one per partner), as a draft."""
    _require_editable(user, partner)
    if ActionPlan.objects.filter(partner=partner).exists():
        raise ValidationError({"partner": _("%(partner)s already has its action plan: edit that one.")
                               % {"partner": partner.organisation}})
    plan = _plan_new(partner, title=title, general_information=general_information, policy_context=policy_context)
    return _plan_checked(plan, developed_with)


def action_plan_update(*, user: Any, plan: ActionPlan, developed_with: Iterable[Any] | None = None,
                       **texts: str) -> ActionPlan:
    """Part I / Part II, the title and the partners it was developed with."""
    _require_editable(user, plan.partner)
    unknown = set(texts) - set(PLAN_TEXTS)
    if unknown:
        raise ValidationError({sorted(unknown)[0]: _("This field cannot be changed here.")})
    changed = ActionPlan.objects.select_related("partner").get(pk=plan.pk)
    for field, value in texts.items():
        setattr(changed, field, (value or "").strip())
    return _plan_checked(changed, developed_with)


def action_plan_publish(*, user: Any, plan: ActionPlan, published: bool = True) -> ActionPlan:
    """Make the plan public, or take it back to the partnership."""
    _require_editable(user, plan.partner)
    ActionPlan.objects.filter(pk=plan.pk).update(is_published=published)
    plan.is_published = published
    return plan


def action_plan_submit(*, user: Any, plan: ActionPlan) -> ActionPlan:
    """A draft plan with at least one action goes to submitted."""
    _require_editable(user, plan.partner)
    if plan.status != ActionPlanStatus.DRAFT:
        raise ValidationError({"status": _("Only a draft plan is submitted.")})
    if not plan.actions.exists():
        raise ValidationError({"actions": _("Add at least one action (Part III) before submitting the plan.")})
    plan.status = ActionPlanStatus.SUBMITTED
    return _saved(plan)


def _adoption_checked(plan: ActionPlan, adopted_on: dt.date | None, adopted_by: str,
                      implementation_started_on: dt.date | None) -> None:
    if adopted_on is None:
        raise ValidationError({"adopted_on": _("Give the day the plan was adopted.")})
    if not adopted_by.strip():
        raise ValidationError({"adopted_by": _("Name the body that adopted the plan.")})
    if implementation_started_on is not None and implementation_started_on < adopted_on:
        raise ValidationError({"implementation_started_on": _("Implementation cannot start before adoption.")})
    plan.status, plan.adopted_on, plan.adopted_by = ActionPlanStatus.ADOPTED, adopted_on, adopted_by.strip()
    plan.implementation_started_on = implementation_started_on


def action_plan_adopt(*, user: Any, plan: ActionPlan, adopted_on: dt.date | None, adopted_by: str,
                      implementation_started_on: dt.date | None = None) -> ActionPlan:
    """Record the plan's adoption (RCR79: by whom, when, when implementation started)."""
    _require_editable(user, plan.partner)
    changed = ActionPlan.objects.select_related("partner").get(pk=plan.pk)
    _adoption_checked(changed, adopted_on, adopted_by, implementation_started_on)
    return _saved(changed)


# --- actions (Part III) --------------------------------------------------------------------------------------------


def _background_checked(action: Action) -> None:
    project = action.plan.partner.project
    wanted = _LINK_OF_KIND.get(action.background_kind)
    for field in _LINK_OF_KIND.values():
        if field != wanted:
            setattr(action, field, None)
    record = getattr(action, wanted) if wanted else None
    if wanted and record is None:
        raise ValidationError({wanted: str(_LINK_MISSING[wanted])})
    if wanted == "good_practice" and record.partner.project_id != project.pk:
        raise ValidationError({wanted: _("Choose a good practice of this project's partners.")})
    if wanted == "recommendation" and not recommendation_accepted_list(
            partner=action.plan.partner, project=project).filter(pk=record.pk).exists():
        raise ValidationError({wanted: _("Choose a recommendation of a peer review you hosted that you accepted.")})
    if wanted == "brainstorm" and (record.project_id != project.pk or record.kind != EventKind.BRAINSTORM):
        raise ValidationError({wanted: _("Choose a brainstorm of this project.")})


def _action_checked(action: Action) -> Action:
    nul_characters_refused({field: getattr(action, field) for field in ("title", "background", "description",
                                                                          "players", "funding")})
    for field, message in _TEXT_MISSING.items():
        if not (getattr(action, field) or "").strip():
            raise ValidationError({field: str(message)})
    if action.starts_on and action.ends_on and action.ends_on < action.starts_on:
        raise ValidationError({"ends_on": _("The action cannot end before it starts.")})
    if action.costs is not None and Decimal(action.costs) < 0:
        raise ValidationError({"costs": _("Costs cannot be negative.")})
    _background_checked(action)
    return _saved(action)


def _next_position(plan: ActionPlan) -> int:
    last = plan.actions.order_by("-position").first()
    return last.position + 1 if last else 1


def action_create(*, user: Any, plan: ActionPlan, **fields: Any) -> Action:
    """A new action, numbered after the last one."""
    _require_editable(user, plan.partner)
    action = Action(plan=plan, position=_next_position(plan),
                    **{key: value for key, value in fields.items() if key in ACTION_FIELDS})
    return _action_checked(action)


def action_update(*, user: Any, action: Action, **fields: Any) -> Action:
    """Change an action's fields (only those of Part III)."""
    _require_editable(user, action.plan.partner)
    changed = Action.objects.select_related("plan__partner__project").get(pk=action.pk)
    for key, value in fields.items():
        if key in ACTION_FIELDS:
            setattr(changed, key, value)
    return _action_checked(changed)


def action_delete(*, user: Any, action: Action) -> None:
    """Remove an action and its monitoring entries."""
    _require_editable(user, action.plan.partner)
    action.delete()


# --- monitoring entries ------------------------------------------------------------------------------------------


def _entry_checked(entry: MonitoringEntry, today: dt.date | None) -> None:
    project = entry.action.plan.partner.project
    entry.semester = semester_checked(project, entry.semester)
    current = semester_current(project, today)
    if current is None or entry.semester > current:
        raise ValidationError({"semester": _("Semester %(semester)s has not started yet: monitor a semester that "
                                             "has begun.") % {"semester": entry.semester}})
    if entry.status not in ImplementationStatus.values:
        raise ValidationError({"status": _("Choose a status from the list.")})
    if entry.status == ImplementationStatus.NOT_IMPLEMENTED and not entry.explanation.strip():
        raise ValidationError({"explanation": _("Explain why the action was not implemented.")})
    nul_characters_refused({"what_was_done": entry.what_was_done, "explanation": entry.explanation})


def _entry_write(action: Action, values: dict[str, Any], *, user: Any, evidence_file: UploadedFile | None,
                 today: dt.date | None) -> MonitoringEntry:
    values["semester"] = semester_checked(action.plan.partner.project, values["semester"])
    entry = MonitoringEntry.objects.filter(action=action, semester=values["semester"]).first() \
        or MonitoringEntry(action=action)
    for key, value in values.items():
        setattr(entry, key, value.strip() if isinstance(value, str) else value)
    entry.recorded_by = user or entry.recorded_by
    _entry_checked(entry, today)
    entry.full_clean(exclude=["evidence_file"])
    record_with_evidence_saved(entry, evidence_file, entry.save)
    return entry


def monitoring_entry_record(*, user: Any, action: Action, semester: Any, status: str, what_was_done: str = "",
                            explanation: str = "", evidence_file: UploadedFile | None = None, evidence_url: str = "",
                            today: dt.date | None = None) -> MonitoringEntry:
    """Record (or update) how the action stood in a semester that has begun: status, what was done, evidence
    (a file checked by its content, or a link); "not implemented" carries its explanation."""
    _require_editable(user, action.plan.partner)
    values = {"semester": semester, "status": status, "what_was_done": what_was_done, "explanation": explanation,
              "evidence_url": evidence_url}
    return _entry_write(action, values, user=user, evidence_file=evidence_file, today=today)


# --- trusted loaders (the demo): no rights check, the same rules -----------------------------------------------


def action_plan_load(*, partner: Any, title: str = "", general_information: str = "", policy_context: str = "",
                     developed_with: Iterable[Any] = (), status: str = ActionPlanStatus.DRAFT,
                     adopted_on: dt.date | None = None, adopted_by: str = "",
                     implementation_started_on: dt.date | None = None, is_published: bool = False) -> ActionPlan:
    """The partner's plan, created or updated in place (idempotent), with its status and adoption."""
    plan = ActionPlan.objects.filter(partner=partner).first() or _plan_new(
        partner, title=title, general_information=general_information, policy_context=policy_context)
    plan.title = title.strip() or plan.title
    plan.general_information, plan.policy_context = general_information, policy_context
    plan.status = status
    if status == ActionPlanStatus.ADOPTED:
        _adoption_checked(plan, adopted_on, adopted_by, implementation_started_on)
    plan.is_published = is_published
    return _plan_checked(plan, list(developed_with))


def action_load(*, plan: ActionPlan, position: int, **fields: Any) -> Action:
    """The plan's action of that number, created or updated in place (idempotent)."""
    action = Action.objects.filter(plan=plan, position=position).first() or Action(plan=plan, position=position)
    for key, value in fields.items():
        if key in ACTION_FIELDS:
            setattr(action, key, value)
    return _action_checked(action)


def monitoring_entry_load(*, action: Action, semester: int, status: str, what_was_done: str = "",
                          explanation: str = "", evidence_url: str = "", recorded_at: dt.datetime | None = None,
                          today: dt.date | None = None) -> MonitoringEntry:
    """The action's entry of a past semester, created or updated (idempotent); `recorded_at` dates it."""
    values = {"semester": semester, "status": status, "what_was_done": what_was_done, "explanation": explanation,
              "evidence_url": evidence_url}
    entry = _entry_write(action, values, user=None, evidence_file=None, today=today)
    if recorded_at is not None:
        MonitoringEntry.objects.filter(pk=entry.pk).update(recorded_at=recorded_at)  # auto_now would overwrite it
        entry.recorded_at = recorded_at
    return entry
