"""Reads of the action plans: public once published, before that the partnership's; an action's status is its
latest monitoring entry's (never stored twice)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from smartcluster.accounts.permissions import is_administrator
from smartcluster.events.choices import EventKind
from smartcluster.events.selectors import project_event_list
from smartcluster.learning.selectors import good_practice_list, recommendation_accepted_list
from smartcluster.monitoring.choices import ImplementationStatus
from smartcluster.monitoring.models import Action, ActionPlan, MonitoringEntry
from smartcluster.monitoring.selectors.access import project_can_read, project_partner_editable
from smartcluster.organisations.selectors import partner_list

__all__ = ["action_get", "action_plan_creatable_partners", "action_plan_editable", "action_plan_partner_get", "action_plan_get", "action_plan_list", "action_plan_readable",
           "action_status", "background_choices", "monitoring_entry_list"]


def _plans() -> QuerySet[ActionPlan]:
    return ActionPlan.objects.select_related("partner__organisation", "partner__project").prefetch_related(
        "developed_with__organisation")


def action_plan_readable(user: Any, plan: ActionPlan) -> bool:
    """Everyone once published; before that the partnership and administrators."""
    return plan.is_published or project_can_read(user, plan.partner.project)


def action_plan_editable(user: Any, plan: ActionPlan) -> bool:
    """The partner's editors, the lead partner's editors and administrators."""
    return project_partner_editable(user, plan.partner)


def action_plan_list(*, user: Any, project: Any = None, status: str = "") -> list[ActionPlan]:
    """The plans the user reads (published ones for all, drafts for the partnership), of a project, with a status."""
    plans = _plans()
    if project is not None:
        plans = plans.filter(partner__project=project)
    if status:
        plans = plans.filter(status=status)
    if is_administrator(user):
        return list(plans)
    return [plan for plan in plans if action_plan_readable(user, plan)]


def action_plan_get(*, user: Any, pk: Any) -> ActionPlan:
    """A plan the user reads; 404 otherwise (a draft is invisible outside the partnership)."""
    try:
        plan = _plans().get(pk=int(pk))
    except (ActionPlan.DoesNotExist, TypeError, ValueError, OverflowError) as error:
        raise Http404 from error
    if not action_plan_readable(user, plan):
        raise Http404
    return plan


def action_plan_partner_get(*, user: Any, pk: Any) -> Any:
    """A project partner whose plan the user may write; 404 for anyone else."""
    found = partner_list(user=user).filter(pk=pk if str(pk).isdigit() else 0).first()
    if found is None or not project_partner_editable(user, found):
        raise Http404
    return found


def action_plan_creatable_partners(*, user: Any) -> list[Any]:
    """The partners without a plan yet whose plan the user may write."""
    if not getattr(user, "is_authenticated", False):
        return []
    partners = partner_list(user=user).filter(action_plan__isnull=True)
    return [partner for partner in partners if project_partner_editable(user, partner)]


def action_get(*, user: Any, pk: Any) -> Action:
    """An action whose plan the user reads; 404 otherwise."""
    try:
        action = Action.objects.select_related(
            "plan__partner__organisation", "plan__partner__project", "good_practice", "recommendation",
            "brainstorm").get(pk=int(pk))
    except (Action.DoesNotExist, TypeError, ValueError, OverflowError) as error:
        raise Http404 from error
    if not action_plan_readable(user, action.plan):
        raise Http404
    return action


def action_status(action: Action) -> str:
    """The status of the action's latest monitoring entry, else not started."""
    latest = action.entries.order_by("-semester").first()
    return latest.status if latest is not None else ImplementationStatus.NOT_STARTED


def monitoring_entry_list(*, project: Any, semester: int | None = None,
                          partner: Any = None) -> QuerySet[MonitoringEntry]:
    """The monitoring entries of a project's actions, of one semester and/or one partner's plan."""
    entries = MonitoringEntry.objects.filter(action__plan__partner__project=project).select_related(
        "action__plan__partner__organisation")
    if semester is not None:
        entries = entries.filter(semester=semester)
    if partner is not None:
        entries = entries.filter(action__plan__partner=partner)
    return entries.order_by("action__plan__partner__organisation__name", "action__position", "semester")


def background_choices(*, user: Any, plan: ActionPlan) -> dict[str, Any]:
    """What an action of the plan may draw on: the project partners' practices the user reads, the recommendations
    the plan's partner accepted as host, the project's brainstorms."""
    project = plan.partner.project
    practices = good_practice_list(user=user, project=project.pk)
    return {"good_practice": practices,
            "recommendation": recommendation_accepted_list(partner=plan.partner, project=project),
            "brainstorm": project_event_list(user=user, project=project.pk, kind=EventKind.BRAINSTORM)}
