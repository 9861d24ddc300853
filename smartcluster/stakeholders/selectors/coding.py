"""Coding reads: the interviews a user may code, an interview's answers with the user's codings, suggestions,
codebooks and the agreement between two coders. Codings are owner-only (the owning partner's members and
administrators); everyone else gets 404."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Exists, OuterRef, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from smartcluster.accounts.permissions import visible_queryset
from smartcluster.stakeholders.models import AnswerCoding, Interview

__all__ = ["coding_interview_list", "coding_interview_get"]


def coding_interview_list(*, user: Any) -> QuerySet[Interview]:
    """The interviews the user may code (the owning partner's members, administrators), with the number of
    answers and whether the user coded any of them."""
    if not getattr(user, "is_authenticated", False):
        return Interview.objects.none()
    mine = AnswerCoding.objects.filter(answer__interview=OuterRef("pk"), coder=user)
    return (visible_queryset(user, Interview.objects.all())
            .select_related("partner__organisation", "organisation", "guide")
            .annotate(answer_count=Count("answers", distinct=True), coded_by_me=Exists(mine))
            .order_by("partner__organisation__name", "-held_on", "pk"))


def coding_interview_get(*, user: Any, pk: int) -> Interview:
    """One interview the user may code; 404 (never 403) for anyone else, so its existence is not revealed."""
    interview = coding_interview_list(user=user).filter(pk=pk).first()
    if interview is None:
        raise Http404(_("No interview %(pk)s that you may code.") % {"pk": pk})
    return interview
