"""Analysis reads: the projects whose analysis the user may read, the theme counts by helix and by partner (counts
only, never a name), the quotes per theme as the user may see them, and the cross-partner synthesis."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from smartcluster.accounts.permissions import is_administrator
from smartcluster.accounts.selectors import membership_organisation_ids
from smartcluster.organisations.models import Project

__all__ = ["analysis_project_get", "analysis_project_list"]


def analysis_project_list(*, user: Any) -> QuerySet[Project]:
    """The projects whose analysis the user may read: those one of the user's organisations is a partner of
    (administrators: all; anonymous users and outsiders: none), with their interviews counted."""
    projects = Project.objects.annotate(
        interview_count=Count("partners__interviews", distinct=True),
        partner_count=Count("partners", distinct=True)).order_by("acronym")
    if is_administrator(user):
        return projects
    if not getattr(user, "is_authenticated", False):
        return projects.none()
    return projects.filter(Q(pk__in=Project.objects.filter(
        partners__organisation__in=membership_organisation_ids(user=user)).values("pk")))


def analysis_project_get(*, user: Any, project_id: int) -> Project:
    """One project whose analysis the user may read (404 otherwise: outsiders learn nothing of it)."""
    return get_object_or_404(analysis_project_list(user=user), pk=project_id)
