"""Writes of the ranking: the organiser confirms the winners and publishes the results (teams notified); the
trusted `award_load` for the demo.

Results may be confirmed once the evaluation has ended (`evaluation_ends_at` passed) or, earlier, once every
assignment of the challenge was sent (at least one): the jury's work is then complete. Only submitted, eligible
submissions of the challenge win; results are published once (a second confirmation is refused)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from smartcluster.challenges.models import (
    Assignment,
    Award,
    AwardPlace,
    Challenge,
    Eligibility,
    Submission,
    SubmissionStatus,
    TeamMember,
)
from smartcluster.challenges.selectors.briefs import challenge_can_manage
from smartcluster.notifications.services import notification_kind_register, notification_send

__all__ = ["RESULTS_PUBLISHED", "award_load", "results_confirm", "results_may_confirm"]

RESULTS_PUBLISHED = notification_kind_register("challenges.results_published",
                                               gettext_lazy("Results of a challenge my team answered"))


def results_may_confirm(challenge: Challenge, now: Any = None) -> str:
    """Why results cannot be confirmed now ("" when they can): published, not cancelled, not yet confirmed, and the
    evaluation ended or every assignment sent."""
    now = now or timezone.now()
    if not challenge.is_published or challenge.is_cancelled:
        return _("Results are confirmed only for a published challenge that is not cancelled.")
    if challenge.results_published_at is not None:
        return _("The results are already published.")
    if now >= challenge.evaluation_ends_at:
        return ""
    assignments = Assignment.objects.filter(juror__challenge=challenge)
    if assignments.exists() and not assignments.filter(submitted_at__isnull=True).exists():
        return ""
    return _("Results are confirmed once the evaluation has ended (%(date)s) or every juror has sent their "
             "scores.") % {"date": challenge.evaluation_ends_at.astimezone(ZoneInfo(challenge.time_zone))
                           .strftime(f"%Y-%m-%d %H:%M {challenge.time_zone}")}


def _winning(challenge: Challenge, submission: Submission) -> None:
    if submission.team.challenge_id != challenge.pk:
        raise ValidationError({"submission": _("“%(title)s” is not a submission of this challenge.")
                               % {"title": submission.title}})
    if submission.status != SubmissionStatus.SUBMITTED or submission.eligibility != Eligibility.ELIGIBLE:
        raise ValidationError({"submission": _("“%(title)s” is not a submitted submission found eligible.")
                               % {"title": submission.title}})


def _checked_awards(challenge: Challenge, awards: Iterable[tuple[Submission, int, str]]) -> list[Award]:
    checked, seen = [], set()
    for submission, place, prize in awards:
        _winning(challenge, submission)
        if submission.pk in seen:
            raise ValidationError({"submission": _("“%(title)s” is given two places.") % {"title": submission.title}})
        if place not in AwardPlace.values:
            raise ValidationError({"place": _("Unknown place “%(place)s”.") % {"place": place}})
        seen.add(submission.pk)
        award = Award(challenge=challenge, submission=submission, place=place, prize=(prize or "").strip())
        award.full_clean(exclude=["confirmed_by"])
        checked.append(award)
    if not checked:
        raise ValidationError({"awards": _("Name at least one winning submission.")})
    return checked


def _notify_teams(challenge: Challenge) -> None:
    members = (TeamMember.objects.filter(team__challenge=challenge, accepted_at__isnull=False,
                                         team__submission__status=SubmissionStatus.SUBMITTED)
               .select_related("user", "team"))
    for member in members:
        notification_send(
            user=member.user, kind=RESULTS_PUBLISHED,
            subject=_("Results of “%(challenge)s” are published") % {"challenge": challenge.title},
            body=_("The jury's feedback to your team %(team)s is ready.") % {"team": member.team.name},
            url=reverse("challenges:team_feedback", args=[member.team_id]), time_zone=challenge.time_zone)


def results_confirm(*, user: Any, challenge: Challenge, awards: Iterable[tuple[Submission, int, str]]) -> list[Award]:
    """The organiser confirms the winners (submission, place, prize) and publishes the results; the teams'
    members are notified. PermissionDenied for anyone else, ValidationError before its time; nothing stored then."""
    if not challenge_can_manage(user, challenge):
        raise PermissionDenied(_("Only the organiser confirms the results."))
    reason = results_may_confirm(challenge)
    if reason:
        raise ValidationError({"awards": reason})
    checked = _checked_awards(challenge, awards)
    with transaction.atomic():
        for award in checked:
            award.confirmed_by = user
            award.save()
        challenge.results_published_at = timezone.now()
        challenge.results_confirmed_by = user
        challenge.save(update_fields=["results_published_at", "results_confirmed_by", "updated_at"])
        _notify_teams(challenge)
    return checked


def award_load(*, challenge: Challenge, submission: Submission, place: int, prize: str = "",
               confirmed_by: Any = None, publish: bool = True, confirmed_at: datetime | None = None) -> Award:
    """Trusted writer for the demo (no rights check, same validation, idempotent per submission): the award, and the
    results published (if `publish` and not yet) without notifications, at `confirmed_at` (default now)."""
    _winning(challenge, submission)
    award = Award.objects.filter(submission=submission).first() or Award(challenge=challenge, submission=submission)
    award.place, award.prize, award.confirmed_by = place, prize, confirmed_by
    award.full_clean()
    with transaction.atomic():
        award.save()
        if publish and challenge.results_published_at is None:
            challenge.results_published_at = confirmed_at or timezone.now()
            challenge.results_confirmed_by = confirmed_by
            challenge.save(update_fields=["results_published_at", "results_confirmed_by", "updated_at"])
        if confirmed_at is not None:  # `confirmed_at` is stamped on creation
            Award.objects.filter(pk=award.pk).update(confirmed_at=confirmed_at)
            award.refresh_from_db()
    return award
