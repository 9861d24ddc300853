"""Reads of the challenge briefs: the phase a challenge is in (derived from its timeline), who manages it, the
challenges a user may read (published ones; drafts to the organiser's editors), the change log, attachments and
regional eligibility."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from smartcluster.accounts.permissions import can_change, editable_organisation_ids, is_administrator
from smartcluster.challenges.models import Challenge, ChallengeAttachment, ChallengeChange, ChallengePhase
from smartcluster.organisations.selectors import organisation_editable_list

__all__ = [
    "challenge_attachment_get",
    "challenge_can_manage",
    "challenge_change_label",
    "challenge_managed_get",
    "challenge_change_list",
    "challenge_get",
    "challenge_list",
    "challenge_organiser_choices",
    "challenge_phase",
    "challenge_phase_filter",
    "challenge_phases",
    "challenge_region_eligible",
]


def challenge_phase(challenge: Challenge, now: datetime | None = None) -> ChallengePhase:
    """The phase of a challenge at `now` (default: this instant), from its flags and its timeline."""
    now = now or timezone.now()
    if challenge.is_cancelled:
        return ChallengePhase.CANCELLED
    if not challenge.is_published:
        return ChallengePhase.DRAFT
    if challenge.results_published_at is not None:
        return ChallengePhase.RESULTS
    if now < challenge.opens_at:
        return ChallengePhase.ANNOUNCED
    if now < challenge.deadline_at:
        return ChallengePhase.OPEN
    if now < challenge.evaluation_ends_at:
        return ChallengePhase.EVALUATION
    return ChallengePhase.AWAITING_RESULTS


def challenge_can_manage(user: Any, challenge: Challenge) -> bool:
    """May this user manage the challenge (the organiser's editors and administrators)?"""
    return can_change(user, challenge)


def _readable(user: Any) -> QuerySet[Challenge]:
    """Published challenges; drafts too to the organiser's editors (and administrators)."""
    challenges = Challenge.objects.select_related("organiser", "on_behalf_of")
    if is_administrator(user):
        return challenges
    return challenges.filter(Q(is_published=True) | Q(organiser_id__in=editable_organisation_ids(user)))


def challenge_phase_filter(phase: str, now: datetime | None = None) -> Q:
    """The same rule as `challenge_phase`, as a database condition (a list filtered by phase in one query)."""
    now = now or timezone.now()
    live = Q(is_cancelled=False, is_published=True, results_published_at__isnull=True)
    conditions = {
        ChallengePhase.CANCELLED: Q(is_cancelled=True),
        ChallengePhase.DRAFT: Q(is_cancelled=False, is_published=False),
        ChallengePhase.RESULTS: Q(is_cancelled=False, is_published=True, results_published_at__isnull=False),
        ChallengePhase.ANNOUNCED: live & Q(opens_at__gt=now),
        ChallengePhase.OPEN: live & Q(opens_at__lte=now, deadline_at__gt=now),
        ChallengePhase.EVALUATION: live & Q(deadline_at__lte=now, evaluation_ends_at__gt=now),
        ChallengePhase.AWAITING_RESULTS: live & Q(evaluation_ends_at__lte=now),
    }
    return conditions[ChallengePhase(phase)]


def challenge_list(*, user: Any, phase: str = "", search: str = "", organiser: Any = None,
                   region: str = "") -> QuerySet[Challenge]:
    """The challenges the user may read, filtered by phase, organiser, an eligible region (or any-region
    challenges) and a search in title, problem and organiser's name; latest deadline first."""
    challenges = _readable(user)
    search, region = search.replace("\x00", ""), region.replace("\x00", "")  # PostgreSQL refuses NUL in a query
    if phase in ChallengePhase.values:
        challenges = challenges.filter(challenge_phase_filter(phase))
    if organiser:
        challenges = challenges.filter(organiser=organiser)
    if search.strip():
        words = search.strip()
        challenges = challenges.filter(Q(title__icontains=words) | Q(problem__icontains=words)
                                       | Q(organiser__name__icontains=words))
    if region.strip():
        code = region.strip().upper()
        eligible = Challenge.objects.filter(eligible_regions__code__in=_containing_codes(code))
        challenges = challenges.filter(Q(eligible_regions__isnull=True) | Q(pk__in=eligible))
    return challenges.distinct().prefetch_related("eligible_regions")


def challenge_phases(challenges: Iterable[Challenge], now: datetime | None = None) -> dict[int, ChallengePhase]:
    """The phase of each challenge at one instant, without a query (the list's badges)."""
    now = now or timezone.now()
    return {challenge.pk: challenge_phase(challenge, now) for challenge in challenges}


def challenge_get(*, user: Any, pk: Any) -> Challenge:
    """One challenge the user may read (404 for a draft to others)."""
    challenge = _readable(user).prefetch_related("criteria", "eligible_regions").filter(pk=pk).first()
    if challenge is None:
        raise Http404(_("No such challenge."))
    return challenge


def challenge_change_list(*, challenge: Challenge) -> QuerySet[ChallengeChange]:
    """The brief's changes since publication, latest first, with who made them."""
    return challenge.changes.select_related("changed_by").order_by("-changed_at", "-pk")


def challenge_change_label(field: str) -> str:
    """The words for a logged field (the cancellation's entry reads as such)."""
    labels = {"criteria": _("Evaluation criteria"), "eligible_regions": _("Eligible regions"),
              "is_cancelled": _("Cancelled")}
    return str(labels.get(field) or capfirst(Challenge._meta.get_field(field).verbose_name))


def challenge_attachment_get(*, user: Any, pk: Any) -> ChallengeAttachment:
    """An attachment of a challenge the user may read (404 otherwise)."""
    attachment = ChallengeAttachment.objects.filter(pk=pk, challenge__in=_readable(user)).first()
    if attachment is None:
        raise Http404(_("No such attachment."))
    return attachment


def challenge_organiser_choices(*, user: Any) -> Any:
    """The organisations this user may post a challenge for (the ones they edit; administrators: all)."""
    return organisation_editable_list(user=user)


def _containing_codes(code: str) -> list[str]:
    # NUTS codes nest by prefix (DE7 ⊃ DE73 ⊃ DE731): a region and every region containing it.
    return [code[:length] for length in range(2, len(code) + 1)]


def challenge_region_eligible(challenge: Challenge, region_code: str | None) -> bool:
    """May a team from this region apply (a region within an eligible region counts; none listed: any region)?"""
    codes = {region.code for region in challenge.eligible_regions.all()}
    if not codes:
        return True
    return bool(region_code) and bool(codes & set(_containing_codes(region_code.strip().upper())))


def challenge_managed_get(user: Any, pk: int) -> Challenge:
    """A challenge this user manages (its organiser's editors, administrators); 404 to everyone else, a juror
    included, so that the organiser's pages never hint at what they hold."""
    challenge = get_object_or_404(Challenge, pk=pk)
    if not challenge_can_manage(user, challenge):
        raise Http404(_("No such challenge to manage."))
    return challenge
