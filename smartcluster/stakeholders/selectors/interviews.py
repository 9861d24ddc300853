"""Interviews reads: the guides (public), the partners whose interviews the user may read, a partner's interviews
and one interview (the owning partner and administrators only: 404 for everybody else), and the quota."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml
from django.db.models import Count, Prefetch, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy, ngettext

from smartcluster.accounts.permissions import can_view, editable_queryset, is_administrator, visible_queryset
from smartcluster.accounts.selectors import membership_organisation_ids
from smartcluster.organisations.choices import OrganisationType
from smartcluster.organisations.selectors import (
    organisation_list,
    organisation_queryset,
    partner_list,
    person_list,
    project_list,
)
from smartcluster.stakeholders.models import (
    Answer,
    GuideQuestion,
    Interview,
    InterviewGuide,
    Stakeholder,
    Theme,
)

__all__ = ["DEFAULT_CODEBOOK", "DEFAULT_GUIDE", "QUOTA_GROUPS", "InterviewChoices", "QuotaGroup", "QuotaStatus",
           "guide_default_get", "guide_get", "guide_list", "guide_question_get", "guide_theme_list",
           "interview_answer_rows", "interview_answer_texts", "interview_choices", "interview_editable", "interview_get", "interview_list",
           "interview_partner_can_create", "interview_partner_get", "interview_partner_list", "interview_quota",
           "interview_quota_project", "interview_quota_projects", "packaged_data"]

DEFAULT_CODEBOOK = "codebook-v1.yaml"
DEFAULT_GUIDE = "guide-v1.yaml"


def packaged_data(name: str) -> dict[str, Any]:
    """A YAML file shipped in the app's `data/` folder (the default codebook and guide)."""
    return yaml.safe_load(resources.files("smartcluster.stakeholders").joinpath("data", name).read_text("utf-8"))


def guide_default_get() -> InterviewGuide:
    """The stored default guide (the packaged one, stored by migration 0002 or `guide_default_store`)."""
    packaged = packaged_data(DEFAULT_GUIDE)
    return InterviewGuide.objects.select_related("codebook").get(name=packaged["name"], version=packaged["version"])


@dataclass(frozen=True)
class QuotaGroup:
    """A group of organisation types the project idea asks each partner to interview, and how many."""

    code: str
    label: Any
    types: tuple[str, ...]
    required: int


# Project idea: each partner "will conduct 6 interviews with key stakeholders eg 2 SMEs, 2 Universities,
# 2 government and/or green cluster organisations" (seed/project-idea.txt).
QUOTA_GROUPS: tuple[QuotaGroup, ...] = (
    QuotaGroup("sme", gettext_lazy("SMEs"), (OrganisationType.SME,), 2),
    QuotaGroup("university", gettext_lazy("Universities or research organisations"),
               (OrganisationType.UNIVERSITY, OrganisationType.RESEARCH), 2),
    QuotaGroup("government_cluster", gettext_lazy("Government or cluster organisations"),
               (OrganisationType.PUBLIC_AUTHORITY, OrganisationType.DEVELOPMENT_AGENCY, OrganisationType.CLUSTER), 2),
)


@dataclass(frozen=True)
class QuotaStatus:
    """A partner's progress on one quota group: organisations interviewed / required, and what is missing."""

    group: QuotaGroup
    done: int

    @property
    def required(self) -> int:
        return self.group.required

    @property
    def missing(self) -> int:
        return max(self.group.required - self.done, 0)

    @property
    def missing_text(self) -> str:
        """What is missing in words ("1 more university"), empty when the group is complete."""
        if not self.missing:
            return ""
        return _missing_words(self.group.code, self.missing)


def _missing_words(code: str, count: int) -> str:
    """ "1 more university": written out per group so that the translators see each phrase whole."""
    if code == "sme":
        text = ngettext("%(count)d more SME", "%(count)d more SMEs", count)
    elif code == "university":
        text = ngettext("%(count)d more university", "%(count)d more universities", count)
    else:
        text = ngettext("%(count)d more government or cluster organisation",
                        "%(count)d more government or cluster organisations", count)
    return text % {"count": count}


def interview_partner_list(*, user: Any) -> QuerySet[Any]:
    """The partners whose interviews the user may read: those of the user's own organisations (any role);
    administrators: all."""
    partners = partner_list(user=user).order_by("project__acronym", "organisation__name")
    if is_administrator(user):
        return partners
    if not getattr(user, "is_authenticated", False):
        return partners.none()
    return partners.filter(organisation__in=membership_organisation_ids(user=user))


def interview_quota(*, partners: Any) -> dict[int, list[QuotaStatus]]:
    """The quota rule (the one used by pages, API and export): per partner id, each group's count of DISTINCT
    organisations interviewed (a second interview with the same organisation does not add to the quota)."""
    pairs = set(Interview.objects.filter(partner__in=partners)
                .values_list("partner_id", "organisation_id", "organisation__type"))
    quota: dict[int, list[QuotaStatus]] = {}
    for partner_id in {getattr(partner, "pk", partner) for partner in partners}:
        found = [kind for owner, _organisation, kind in pairs if owner == partner_id]
        quota[partner_id] = [QuotaStatus(group, sum(kind in group.types for kind in found)) for group in QUOTA_GROUPS]
    return quota


def interview_partner_get(*, user: Any, partner_id: int) -> Any:
    """One partner whose interviews the user may read (404 otherwise: others do not learn what it holds)."""
    return get_object_or_404(interview_partner_list(user=user), pk=partner_id)


def interview_partner_can_create(*, user: Any, partner: Any) -> bool:
    """May the user record interviews for this partner (its editors and administrators)?"""
    return editable_queryset(user, partner_list(user=user)).filter(pk=partner.pk).exists()


def interview_quota_projects(*, user: Any) -> QuerySet[Any]:
    """The projects whose quota (counts only) the user may read: those with a partner the user is a member of;
    administrators: every project with partners."""
    partners = partner_list(user=user)
    if not getattr(user, "is_authenticated", False):
        return project_list().none()
    if not is_administrator(user):
        partners = partners.filter(organisation__in=membership_organisation_ids(user=user))
    return project_list().filter(pk__in=partners.values("project_id")).order_by("acronym")


def interview_quota_project(*, user: Any, project_id: int) -> tuple[Any, list[dict[str, Any]]]:
    """A project and each partner's quota: counts only (no interviewee), for every partner of the project; 404
    for whoever is not one of its partners' members (nor an administrator)."""
    project = get_object_or_404(interview_quota_projects(user=user), pk=project_id)
    partners = list(partner_list(user=user, project_id=project_id).order_by("organisation__name"))
    quota = interview_quota(partners=partners)
    return project, [{"partner": partner, "quota": quota[partner.pk]} for partner in partners]


# --- guides (public) ----------------------------------------------------------------------------------------------

def guide_list() -> QuerySet[InterviewGuide]:
    """Every guide version with its codebook, its number of questions and of interviews using it."""
    return (InterviewGuide.objects.select_related("codebook")
            .annotate(question_count=Count("questions", distinct=True),
                      interview_count=Count("interviews", distinct=True)))


def guide_get(*, guide_id: int) -> InterviewGuide:
    """One guide with its questions and the themes each probes (404 when unknown)."""
    questions = GuideQuestion.objects.prefetch_related(Prefetch("themes", Theme.objects.order_by("position")))
    return get_object_or_404(guide_list().prefetch_related(Prefetch("questions", questions)), pk=guide_id)


def guide_question_get(*, question_id: int) -> GuideQuestion:
    return get_object_or_404(GuideQuestion.objects.select_related("guide__codebook"), pk=question_id)


def guide_theme_list(*, guide: InterviewGuide) -> QuerySet[Theme]:
    """The themes a guide's questions may probe: those of its codebook."""
    return Theme.objects.filter(codebook_id=guide.codebook_id)


# --- interviews (the owning partner and administrators only) ------------------------------------------------------

def _interview_queryset() -> QuerySet[Interview]:
    return Interview.objects.select_related("partner__organisation", "partner__project", "guide", "organisation",
                                            "person", "interviewer")


def interview_list(*, user: Any, partner: Any | None = None) -> QuerySet[Interview]:
    """The interviews the user may read (a partner's, when given), latest first."""
    queryset = visible_queryset(user, _interview_queryset())
    if partner is not None:
        queryset = queryset.filter(partner=partner)
    return queryset.annotate(answer_count=Count("answers")).order_by("-held_on", "-pk")


def interview_get(*, user: Any, interview_id: int) -> Interview:
    """One interview the user may read (404 otherwise: outsiders do not learn it exists)."""
    interview = get_object_or_404(_interview_queryset(), pk=interview_id)
    if not can_view(user, interview):
        raise Http404
    return interview


def interview_editable(*, user: Any, interview_id: int) -> Interview:
    """One interview the user may change (404 otherwise)."""
    return get_object_or_404(editable_queryset(user, _interview_queryset()), pk=interview_id)


def interview_answer_rows(*, interview: Interview) -> list[dict[str, Any]]:
    """Every question of the interview's guide, in order, with the themes it probes and the answer (or None)."""
    answers = {answer.question_id: answer for answer in Answer.objects.filter(interview=interview)}
    questions = interview.guide.questions.prefetch_related(Prefetch("themes", Theme.objects.order_by("position")))
    return [{"question": question, "themes": list(question.themes.all()), "answer": answers.get(question.pk)}
            for question in questions]


def interview_answer_texts(*, interview: Interview) -> dict[int, str]:
    """The interview's answers by question number (what the services take back on a change)."""
    return dict(Answer.objects.filter(interview=interview).values_list("question__number", "text"))


@dataclass
class InterviewChoices:
    """What an interview form offers: the partner's registry stakeholders first, then the other organisations;
    the people the user may see or the partner interviewed; the partner's own people as interviewers."""

    suggested: list[Any]
    other: list[Any]
    people: list[Any]
    interviewers: list[Any]


def interview_choices(*, user: Any, partner: Any) -> InterviewChoices:
    """The choices of the partner's interview form (organisations it interviewed stay selectable even when
    unpublished, so an edit never loses its interviewee)."""
    registry = set(Stakeholder.objects.filter(partner=partner).values_list("organisation_id", flat=True))
    interviewed = Interview.objects.filter(partner=partner)
    ids = (set(organisation_list(user=user).values_list("pk", flat=True)) | registry
           | set(interviewed.values_list("organisation_id", flat=True)))
    # a partner does not interview itself
    organisations = list(organisation_queryset(ids=ids - {partner.organisation_id}))
    people = {person.pk: person for person in person_list(user=user).exclude(organisation=partner.organisation)}
    people.update({item.person.pk: item.person for item in interviewed.select_related("person__organisation")
                   if item.person is not None})
    return InterviewChoices(
        suggested=[item for item in organisations if item.pk in registry],
        other=[item for item in organisations if item.pk not in registry],
        people=sorted(people.values(), key=lambda person: person.name.casefold()),
        interviewers=list(person_list(user=user, organisation_id=partner.organisation_id)))
