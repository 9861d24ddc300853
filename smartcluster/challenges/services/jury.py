"""Writes of the jury: the organiser invites jurors and runs the assignment; a juror accepts, declares their
conflicts (their list, empty or not) and scores their assigned submissions, saving drafts and then sending (final).

Refusals raise `PermissionDenied` (nothing changes) or `ValidationError` naming the field. `juror_load`,
`conflict_load` and `assignment_load` are the demo's trusted writers (no rights check, same validation)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from smartcluster.challenges.models import (
    Assignment,
    Challenge,
    ChallengeCriterion,
    ConflictOfInterest,
    Juror,
    Score,
    Submission,
    SubmissionStatus,
)
from smartcluster.challenges.selectors.briefs import challenge_can_manage
from smartcluster.challenges.selectors.jury import (
    challenge_submission_organisation_ids,
    juror_conflicted_submission_ids,
    submissions_to_assign,
)
from smartcluster.judging.assignment import AssignmentInfeasible, AssignmentResult, assign_jurors
from smartcluster.notifications.services import notification_kind_register, notification_send

__all__ = [
    "ASSIGNMENT_TIME_LIMIT",
    "AssignmentRun",
    "JUROR_ASSIGNED",
    "JUROR_INVITED",
    "assignment_load",
    "assignment_run",
    "conflict_declare",
    "conflict_load",
    "juror_accept",
    "juror_invite",
    "juror_load",
    "score_save",
    "score_value_check",
]

JUROR_INVITED = notification_kind_register("challenges.juror_invited", gettext_lazy("Invited to a challenge jury"))
JUROR_ASSIGNED = notification_kind_register("challenges.juror_assigned",
                                            gettext_lazy("Submissions assigned to you as a juror"))
# Seconds the assignment may search, inline in the request: a challenge's jury (tens of jurors, a few hundred
# submissions at most) is solved to optimality in well under a second.
ASSIGNMENT_TIME_LIMIT = 10.0
SCORE_STEP = Decimal("0.5")


@dataclass(frozen=True)
class AssignmentRun:
    """What a run of the assignment did: the assignments it created, and the solver's answer (all pairs, loads)."""

    created: list[Assignment]
    result: AssignmentResult


def _require_organiser(user: Any, challenge: Challenge, refusal: str) -> None:
    if not challenge_can_manage(user, challenge):
        raise PermissionDenied(refusal)


def _require_juror(user: Any, juror: Juror) -> None:
    if not getattr(user, "is_authenticated", False) or juror.user_id != user.pk:
        raise PermissionDenied(_("Only the invited juror does this."))


def _require_open_challenge(challenge: Challenge) -> None:
    if challenge.is_cancelled:
        raise ValidationError(_("This challenge was cancelled."))
    if challenge.results_published_at is not None:
        raise ValidationError(_("The results of this challenge are published: the jury's work is over."))


@transaction.atomic
def juror_invite(*, user: Any, challenge: Challenge, juror_user: Any, organisation: Any = None) -> Juror:
    """Invite a user to the challenge's jury (the organiser); they are told in their inbox and by e-mail."""
    _require_organiser(user, challenge, _("Only the challenge's organiser (and administrators) invite jurors."))
    _require_open_challenge(challenge)
    if Juror.objects.filter(challenge=challenge, user=juror_user).exists():
        raise ValidationError({"juror_user": _("%(user)s is invited to this jury already.") % {"user": juror_user}})
    juror = Juror(challenge=challenge, user=juror_user, organisation=organisation)
    juror.full_clean()
    juror.save()
    notification_send(
        user=juror_user, kind=JUROR_INVITED,
        subject=_("You are invited to the jury of “%(challenge)s”") % {"challenge": challenge.title},
        body=_("Accept the invitation, then declare your conflicts of interest before submissions are assigned."),
        url=reverse("challenges:juror_mine"), topic=challenge.title, time_zone=challenge.time_zone)
    return juror


def juror_accept(*, user: Any, juror: Juror) -> Juror:
    """The invited user accepts to be a juror (accepting twice changes nothing)."""
    _require_juror(user, juror)
    _require_open_challenge(juror.challenge)
    if juror.accepted_at is None:
        juror.accepted_at = timezone.now()
        juror.save(update_fields=["accepted_at"])
    return juror


def _declared(juror: Juror, conflicts: Iterable[tuple[Submission, str]]) -> dict[int, str]:
    """The declared conflicts as {submission id: reason}, each a submitted submission of the challenge with a
    reason."""
    declared: dict[int, str] = {}
    for submission, reason in conflicts:
        if (submission.team.challenge_id != juror.challenge_id
                or submission.status != SubmissionStatus.SUBMITTED):
            raise ValidationError({"conflicts": _("“%(title)s” is not a submission of this challenge.")
                                   % {"title": submission.title}})
        reason = (reason or "").strip()
        if not reason:
            raise ValidationError({f"reason_{submission.pk}": _("Say why you are conflicted with “%(title)s”.")
                                   % {"title": submission.title}})
        declared[submission.pk] = reason[:300]
    return declared


@transaction.atomic
def conflict_declare(*, user: Any, juror: Juror, conflicts: Sequence[tuple[Submission, str]]) -> Juror:
    """The juror confirms their full list of conflicts (empty or not). A conflict cannot be removed once they have
    scored; a new one ends their unsent assignment of that submission (the organiser runs the assignment again)."""
    _require_juror(user, juror)
    _require_open_challenge(juror.challenge)
    if juror.accepted_at is None:
        raise ValidationError(_("Accept the invitation to the jury first."))
    declared = _declared(juror, conflicts)
    existing = {conflict.submission_id: conflict for conflict in juror.conflicts.select_related("submission")}
    removed = [conflict for pk, conflict in existing.items() if pk not in declared]
    if removed and Score.objects.filter(assignment__juror=juror).exists():
        raise ValidationError({"conflicts": _("You have scored already: a declared conflict (“%(title)s”) cannot "
                                              "be removed.") % {"title": removed[0].submission.title}})
    assigned = {assignment.submission_id: assignment
                for assignment in juror.assignments.filter(submission_id__in=declared).select_related("submission")}
    sent = [assignment for assignment in assigned.values() if assignment.submitted_at is not None]
    if sent:
        raise ValidationError({"conflicts": _("You sent your scores of “%(title)s” already: tell the organiser "
                                              "about this conflict.") % {"title": sent[0].submission.title}})
    for conflict in removed:
        conflict.delete()
    for pk, reason in declared.items():
        conflict = existing.get(pk) or ConflictOfInterest(juror=juror, submission_id=pk)
        conflict.reason = reason
        conflict.full_clean(validate_unique=False)
        conflict.save()
    for assignment in assigned.values():
        assignment.delete()  # never scored by a conflicted juror: the next run gives the seat to another
    juror.conflicts_declared_at = timezone.now()
    juror.save(update_fields=["conflicts_declared_at"])
    return juror


def _jurors_ready(challenge: Challenge) -> list[Juror]:
    """The accepted jurors, each having declared their conflicts (else refused naming who has not)."""
    jurors = list(Juror.objects.filter(challenge=challenge, accepted_at__isnull=False).select_related("user"))
    undeclared = [str(juror) for juror in jurors if juror.conflicts_declared_at is None]
    if undeclared:
        raise ValidationError(_("These jurors have not declared their conflicts of interest yet: %(names)s.")
                              % {"names": ", ".join(sorted(undeclared))})
    if not jurors:
        raise ValidationError(_("No juror has accepted the invitation yet."))
    return jurors


@transaction.atomic
def assignment_run(*, user: Any, challenge: Challenge, time_limit: float = ASSIGNMENT_TIME_LIMIT) -> AssignmentRun:
    """Give every eligible submission its jurors (the organiser, after the deadline), keeping the assignments made
    already, never a conflicted pair, loads balanced (judging.assignment); jurors are told of their new ones."""
    _require_organiser(user, challenge,
                       _("Only the challenge's organiser (and administrators) run the assignment."))
    _require_open_challenge(challenge)
    if timezone.now() < challenge.deadline_at:
        raise ValidationError(_("Submissions are assigned once the submission deadline has passed."))
    submissions, pending = submissions_to_assign(challenge)
    if pending:
        raise ValidationError(_("%(count)d submitted submissions still await their eligibility check: check them "
                                "first.") % {"count": pending})
    if not submissions:
        raise ValidationError(_("No submission is eligible: there is nothing to assign."))
    jurors = _jurors_ready(challenge)
    organisations = challenge_submission_organisation_ids(challenge.pk)
    conflicts = {(submission_id, juror.pk) for juror in jurors
                 for submission_id in juror_conflicted_submission_ids(juror, organisations)}
    by_pk = {submission.pk: submission for submission in submissions}
    # Made assignments stay; one that has become conflicted (a new member's organisation) is not counted.
    fixed = {pair for pair in Assignment.objects.filter(submission__in=submissions, juror__in=jurors)
             .values_list("submission_id", "juror_id") if pair not in conflicts}
    try:
        result = assign_jurors(submissions=list(by_pk), jurors=[juror.pk for juror in jurors],
                               per_submission=challenge.scores_per_submission, conflicts=conflicts, fixed=fixed,
                               time_limit=time_limit)
    except AssignmentInfeasible as error:
        if error.submission is None:
            raise ValidationError(_("No assignment was found in time: try again, or invite more jurors.")) from error
        raise ValidationError(_("“%(title)s” has only %(available)d jurors without a conflict; %(needed)d needed: "
                                "invite more jurors.") % {"title": by_pk[error.submission].title,
                                                         "available": error.available, "needed": error.needed}
                              ) from error
    created = [Assignment.objects.create(juror_id=juror_id, submission_id=submission_id)
               for submission_id, juror_id in result.new_pairs(fixed)]
    _tell_assigned(challenge, jurors, created)
    return AssignmentRun(created, result)


def _tell_assigned(challenge: Challenge, jurors: list[Juror], created: list[Assignment]) -> None:
    counts: dict[int, int] = {}
    for assignment in created:
        counts[assignment.juror_id] = counts.get(assignment.juror_id, 0) + 1
    for juror in jurors:
        if counts.get(juror.pk):
            notification_send(
                user=juror.user, kind=JUROR_ASSIGNED,
                subject=_("%(count)d submissions of “%(challenge)s” to score")
                % {"count": counts[juror.pk], "challenge": challenge.title},
                url=reverse("challenges:juror_mine"), topic=challenge.title, time_zone=challenge.time_zone)


def score_value_check(*, criterion: ChallengeCriterion, value: Any, score_max: int) -> Decimal:
    """A score of `criterion` on 0..score_max in steps of 0.5 (EU evaluation practice allows half points)."""
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        number = None
    if number is None or not number.is_finite() or not 0 <= number <= score_max or number % SCORE_STEP:
        raise ValidationError({f"score_{criterion.pk}": _("“%(criterion)s”: give a score from 0 to %(max)d in "
                                                          "steps of 0.5.") % {"criterion": criterion.name,
                                                                              "max": score_max}})
    return number.quantize(Decimal("0.1"))


def _criteria_of(challenge: Challenge, keys: Iterable[Any]) -> dict[Any, ChallengeCriterion]:
    """The challenge's criteria by the keys given (a criterion or its id); an unknown one is refused."""
    criteria = {criterion.pk: criterion for criterion in challenge.criteria.all()}
    found = {}
    for key in keys:
        pk = key.pk if isinstance(key, ChallengeCriterion) else key
        try:
            found[key] = criteria[int(pk)]
        except (KeyError, TypeError, ValueError):
            raise ValidationError({"values": _("%(key)s is not a criterion of this challenge.") % {"key": key}}
                                  ) from None
    return found


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _write_scores(assignment: Assignment, values: Mapping[Any, Any], comments: Mapping[Any, str]) -> None:
    """Check every value and comment first, then write: a refusal stores nothing. A blank value removes a draft's
    score of that criterion."""
    challenge = assignment.juror.challenge
    criteria = _criteria_of(challenge, [*values, *comments])
    checked: dict[int, Decimal | None] = {}
    for key, value in values.items():
        criterion = criteria[key]
        checked[criterion.pk] = None if _blank(value) else score_value_check(
            criterion=criterion, value=value, score_max=challenge.score_max)
    by_pk = {criterion.pk: criterion for criterion in criteria.values()}
    notes = {criteria[key].pk: (text or "").strip() for key, text in comments.items()}
    existing = {score.criterion_id: score for score in assignment.scores.all()}
    for pk, text in notes.items():
        has_value = checked[pk] is not None if pk in checked else pk in existing
        if text and not has_value:
            raise ValidationError({f"comment_{pk}": _("“%(criterion)s”: give a score with your comment.")
                                   % {"criterion": by_pk[pk].name}})
    for pk, value in checked.items():
        if value is None:
            if pk in existing:
                existing.pop(pk).delete()
            continue
        score = existing.get(pk) or Score(assignment=assignment, criterion_id=pk)
        score.value = value
        if pk in notes:
            score.comment = notes[pk]
        score.full_clean(validate_unique=False)
        score.save()
        existing[pk] = score
    for pk, text in notes.items():
        if pk not in checked and pk in existing and existing[pk].comment != text:
            existing[pk].comment = text
            existing[pk].save(update_fields=["comment", "scored_at"])


def _require_complete(assignment: Assignment) -> None:
    scored = set(assignment.scores.values_list("criterion_id", flat=True))
    missing = [criterion.name for criterion in assignment.juror.challenge.criteria.all() if criterion.pk not in scored]
    if missing:
        raise ValidationError({"values": _("Score every criterion before sending; missing: %(names)s.")
                               % {"names": ", ".join(missing)}})


@transaction.atomic
def score_save(*, user: Any, assignment: Assignment, values: Mapping[Any, Any],
               comments: Mapping[Any, str] | None = None, comment: str | None = None, send: bool = False
               ) -> Assignment:
    """The juror saves their scores of an assigned submission as a draft, or sends them (every criterion scored;
    sent scores are final). Values run 0..score_max in steps of 0.5; a refusal stores nothing."""
    assignment = Assignment.objects.select_for_update().select_related("juror__user", "juror__challenge").get(
        pk=assignment.pk)
    juror = assignment.juror
    _require_juror(user, juror)
    if assignment.submission_id in juror_conflicted_submission_ids(juror):
        raise PermissionDenied(_("You are conflicted with this submission: you do not score it."))
    _require_open_challenge(juror.challenge)
    if timezone.now() > juror.challenge.evaluation_ends_at:
        raise ValidationError(_("The evaluation period of this challenge has ended."))
    if assignment.submitted_at is not None:
        raise ValidationError(_("Your scores of this submission were sent: they are final."))
    return _save_assignment(assignment, values, comments or {}, comment, send)


def _save_assignment(assignment: Assignment, values: Mapping[Any, Any], comments: Mapping[Any, str],
                     comment: str | None, send: bool) -> Assignment:
    _write_scores(assignment, values, comments)
    if comment is not None:
        assignment.comment = comment.strip()
    if send:
        _require_complete(assignment)
        assignment.submitted_at = timezone.now()
    assignment.full_clean(validate_unique=False)
    assignment.save()
    return assignment


@transaction.atomic
def juror_load(*, challenge: Challenge, user: Any, organisation: Any = None, accepted: bool = True,
               declared: bool = True, at: datetime | None = None) -> Juror:
    """Trusted writer (demo): the user as a juror of the challenge, accepted and declared (at `at`, default now)
    unless told otherwise."""
    juror = Juror.objects.filter(challenge=challenge, user=user).first() or Juror(challenge=challenge, user=user)
    now = at or timezone.now()
    juror.organisation = organisation
    juror.accepted_at = (juror.accepted_at or now) if accepted else None
    juror.conflicts_declared_at = (juror.conflicts_declared_at or now) if declared else None
    juror.full_clean(validate_unique=False)
    juror.save()
    return juror


@transaction.atomic
def conflict_load(*, juror: Juror, submission: Submission, reason: str) -> ConflictOfInterest:
    """Trusted writer (demo): the juror's declared conflict with a submission of their challenge."""
    _declared(juror, [(submission, reason)])
    if juror.assignments.filter(submission=submission).exists():
        raise ValidationError({"submission": _("This juror is assigned to “%(title)s”: a conflict cannot be added.")
                               % {"title": submission.title}})
    conflict = ConflictOfInterest.objects.filter(juror=juror, submission=submission).first() \
        or ConflictOfInterest(juror=juror, submission=submission)
    conflict.reason = reason.strip()
    conflict.full_clean(validate_unique=False)
    conflict.save()
    return conflict


@transaction.atomic
def assignment_load(*, juror: Juror, submission: Submission, scores: Mapping[Any, Any] | None = None,
                    comments: Mapping[Any, str] | None = None, comment: str = "", sent: bool = False,
                    sent_at: datetime | None = None) -> Assignment:
    """Trusted writer (demo): the juror's assignment of a submission with its scores (criterion or id → value),
    sent or not (at `sent_at`, default now: the scores are dated alike); never a conflicted pair, values checked
    alike."""
    if submission.team.challenge_id != juror.challenge_id:
        raise ValidationError({"submission": _("This submission is not one of the juror's challenge.")})
    if submission.pk in juror_conflicted_submission_ids(juror):
        raise ValidationError({"submission": _("The juror is conflicted with “%(title)s”.")
                               % {"title": submission.title}})
    assignment = Assignment.objects.filter(juror=juror, submission=submission).first() \
        or Assignment.objects.create(juror=juror, submission=submission)
    if assignment.submitted_at is not None:
        return assignment  # sent scores are final, also for the demo: loading again changes nothing
    assignment = _save_assignment(assignment, scores or {}, comments or {}, comment, sent)
    if sent and sent_at is not None:  # a history told in the past: `scored_at` is stamped on every save
        Assignment.objects.filter(pk=assignment.pk).update(submitted_at=sent_at)
        Score.objects.filter(assignment=assignment).update(scored_at=sent_at)
        assignment.refresh_from_db()
    return assignment
