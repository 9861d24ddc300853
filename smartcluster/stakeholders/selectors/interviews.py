"""Interviews reads: the guides (public), the partners whose interviews the user may read, a partner's interviews
and one interview (the owning partner and administrators only: 404 for everybody else), and the quota."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy, ngettext

from smartcluster.accounts.permissions import is_administrator
from smartcluster.accounts.selectors import membership_organisation_ids
from smartcluster.organisations.choices import OrganisationType
from smartcluster.organisations.selectors import partner_list
from smartcluster.stakeholders.models import Interview, InterviewGuide

__all__ = ["DEFAULT_CODEBOOK", "DEFAULT_GUIDE", "QUOTA_GROUPS", "QuotaGroup", "QuotaStatus", "guide_default_get",
           "interview_partner_list", "interview_quota", "packaged_data"]

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
