"""Who reads and who plans a project's monitoring, and the project's semesters (one rule each, every part uses them).

The partnership (members of the partners' organisations) and administrators read a project's work plan,
indicators and reports; the lead partner's editors and administrators plan them (activities, deliverables of any
partner, indicators, targets); each partner's editors write their own deliverables, reports and action plan."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from smartcluster.accounts.permissions import can_change, is_administrator
from smartcluster.events.selectors import project_semester, semester_starts_on
from smartcluster.organisations.choices import PartnerRole
from smartcluster.organisations.selectors import organisation_ids_of_member, project_get, project_list

__all__ = ["project_can_plan", "project_can_read", "project_monitored_get", "project_monitored_list",
           "project_partner_editable", "project_partner_get", "project_partner_list", "semester_checked",
           "semester_current", "semester_dates"]


def project_can_read(user: Any, project: Any) -> bool:
    """Members of any partner organisation of the project, and administrators."""
    if is_administrator(user):
        return True
    return project.partners.filter(organisation_id__in=organisation_ids_of_member(user=user)).exists()


def project_can_plan(user: Any, project: Any) -> bool:
    """The lead partner's editors and administrators."""
    if is_administrator(user):
        return True
    return any(can_change(user, partner) for partner in project.partners.filter(role=PartnerRole.LEAD))


def project_partner_editable(user: Any, partner: Any) -> bool:
    """The partner's own editors, the lead partner's editors and administrators."""
    return can_change(user, partner) or project_can_plan(user, partner.project)


def project_monitored_list(*, user: Any) -> list[Any]:
    """The projects whose monitoring the user reads (the same rule as `project_can_read`, in one query)."""
    if is_administrator(user):
        return list(project_list())
    member_of = organisation_ids_of_member(user=user)
    return list(project_list().filter(partners__organisation_id__in=member_of).distinct())


def project_monitored_get(*, user: Any, project_id: Any) -> Any:
    """A project whose monitoring the user reads; 404 for anyone else (the work plan is the partnership's)."""
    try:
        project = project_get(project_id=int(project_id))
    except (TypeError, ValueError) as error:
        raise Http404 from error
    if not project_can_read(user, project):
        raise Http404
    return project


def project_partner_list(*, project: Any) -> list[Any]:
    """The project's partners with their organisations, by name."""
    return list(project.partners.select_related("organisation").order_by("organisation__name"))


def project_partner_get(*, project: Any, partner_id: Any) -> Any:
    """One partner of the project; 404 for a partner of another project or a bad id."""
    try:
        number = int(partner_id)
    except (TypeError, ValueError) as error:
        raise Http404 from error
    partner = project.partners.select_related("organisation").filter(pk=number).first()
    if partner is None:
        raise Http404
    return partner


def semester_checked(project: Any, semester: Any, *, field: str = "semester") -> int:
    """The semester as a number within the project (1 … its number of semesters), else a message naming the field."""
    try:
        number = int(semester)
    except (TypeError, ValueError) as error:
        raise ValidationError({field: _("Give the semester as a number.")}) from error
    if not 1 <= number <= project.semesters:
        raise ValidationError({field: _("Semester %(semester)s is outside the project, which has semesters 1 to "
                                        "%(count)s.") % {"semester": number, "count": project.semesters}})
    return number


def semester_current(project: Any, today: dt.date | None = None) -> int | None:
    """The semester today falls in (None before the start or without a start date); may exceed the last one."""
    return project_semester(project=project, on=today or timezone.localdate())


def semester_dates(project: Any, semester: int) -> tuple[dt.date, dt.date] | None:
    """First and last day of a semester, derived from the project's start date (None without one)."""
    first, after = semester_starts_on(project=project, semester=semester), semester_starts_on(
        project=project, semester=semester + 1)
    if first is None or after is None:
        return None
    return first, after - dt.timedelta(days=1)
