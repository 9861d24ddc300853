"""Reads of the jury: conflicts of interest (declared and automatic), a juror's work and assignments, the scores a
juror may see, the organiser's audit and the matrix of sent scores the ranking builds on.

A juror never reads a submission they are conflicted with, and sees no other juror's score nor any aggregate of a
submission before sending their own (shared/methods/matchmaking.md: pretalx hides others' scores until one's own
is entered). Private records answer 404 to whoever may not read them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from smartcluster.challenges.models import (
    Assignment,
    Challenge,
    Eligibility,
    Juror,
    Score,
    Submission,
    SubmissionStatus,
)

# a module, not its names: the teams part reads this one too (each calls the other at call time)
from smartcluster.challenges.selectors import teams as teams_selectors
from smartcluster.challenges.selectors.briefs import challenge_can_manage
from smartcluster.organisations.selectors import person_for_user, person_with_email

__all__ = [
    "AuditRow",
    "JurorWork",
    "ScoreCell",
    "VisibleScore",
    "assignment_get",
    "assignment_list_for_juror",
    "challenge_submission_organisation_ids",
    "conflict_candidates",
    "juror_conflicted_submission_ids",
    "juror_for_user",
    "juror_list",
    "juror_mine",
    "juror_organisation_ids",
    "jury_audit",
    "score_list_visible",
    "score_matrix",
    "submission_readable_by_juror",
    "submissions_to_assign",
]


@dataclass(frozen=True)
class ScoreCell:
    """One sent score: the ranking's input (submission × juror × criterion)."""

    submission_id: int
    juror_id: int
    criterion_id: int
    value: Decimal


@dataclass(frozen=True)
class VisibleScore:
    """A score as a juror may see it: their own named, the others' anonymised ("Juror 2")."""

    juror_label: str
    is_own: bool
    criterion_id: int
    criterion_name: str
    value: Decimal
    comment: str


@dataclass(frozen=True)
class AuditRow:
    """Who scored what and when (the organiser's audit trail)."""

    juror: str
    juror_organisation: str
    submission_id: int
    submission_title: str
    criterion: str
    value: Decimal
    scored_at: datetime
    sent_at: datetime | None


@dataclass
class JurorWork:
    """A challenge the user judges, with their (unconflicted) assignments."""

    juror: Juror
    assignments: list[Assignment]

    @property
    def sent_count(self) -> int:
        return sum(1 for assignment in self.assignments if assignment.submitted_at is not None)


def juror_organisation_ids(juror: Juror) -> set[int]:
    """The juror's organisation and the organisations of the juror's person records (by account and by e-mail)."""
    ids = {juror.organisation_id} if juror.organisation_id else set()
    people = [person_for_user(user=juror.user)]
    if juror.user.email:
        people.append(person_with_email(email=juror.user.email))
    ids.update(person.organisation_id for person in people if person is not None and person.organisation_id)
    return ids


def challenge_submission_organisation_ids(challenge_id: int) -> dict[int, set[int]]:
    """The organisations behind every submission of a challenge (teams.submission_organisation_ids), computed once
    for a whole jury."""
    submissions = Submission.objects.filter(team__challenge_id=challenge_id).select_related("team")
    return {submission.pk: teams_selectors.submission_organisation_ids(submission) for submission in submissions}


def juror_conflicted_submission_ids(juror: Juror, organisations: Mapping[int, set[int]] | None = None) -> set[int]:
    """Submissions of the juror's challenge they are conflicted with: declared ones, and automatically those of a
    team they are in or whose organisation (or an accepted member's) is one of the juror's organisations. `organisations` is
    `challenge_submission_organisation_ids` of the challenge when the caller has it already."""
    conflicted = set(juror.conflicts.values_list("submission_id", flat=True))
    # A juror who is in a team (even without a person record naming an organisation) never judges its work.
    conflicted.update(Submission.objects.filter(team__challenge_id=juror.challenge_id,
                                                team__members__user_id=juror.user_id).values_list("pk", flat=True))
    own = juror_organisation_ids(juror)
    if own:
        if organisations is None:
            organisations = challenge_submission_organisation_ids(juror.challenge_id)
        conflicted.update(pk for pk, ids in organisations.items() if own & ids)
    return conflicted


def submission_readable_by_juror(user: Any, submission: Submission) -> bool:
    """May this user read the submission as a juror: assigned to it and not conflicted with it?"""
    if not getattr(user, "is_authenticated", False):
        return False
    assignment = (Assignment.objects.filter(juror__user=user, submission=submission)
                  .select_related("juror__user", "submission").first())
    return assignment is not None and bool(_readable_by_juror(assignment.juror, [assignment]))


def juror_for_user(user: Any, challenge: Challenge) -> Juror:
    """The user's juror record of the challenge (404 if they are not invited to its jury)."""
    if not getattr(user, "is_authenticated", False):
        raise Http404
    return get_object_or_404(Juror.objects.select_related("challenge", "user", "organisation"),
                             challenge=challenge, user=user)


def _readable_by_juror(juror: Juror, assignments: list[Assignment]) -> list[Assignment]:
    """The assignments whose submission the juror reads: not conflicted, and not withdrawn by its team since."""
    conflicted = juror_conflicted_submission_ids(juror)
    return [assignment for assignment in assignments if assignment.submission_id not in conflicted
            and assignment.submission.status != SubmissionStatus.WITHDRAWN]


def _assignments_query() -> Any:
    return Assignment.objects.select_related("submission__team__organisation", "juror__challenge").annotate(
        scored=Count("scores")).order_by("submission__title", "pk")


def juror_mine(user: Any) -> list[JurorWork]:
    """The challenges the user is a juror of (newest deadline first), each with the assignments they read."""
    if not getattr(user, "is_authenticated", False):
        return []
    jurors = (Juror.objects.filter(user=user).select_related("challenge", "user", "organisation")
              .prefetch_related(Prefetch("assignments", queryset=_assignments_query()))
              .order_by("-challenge__deadline_at", "challenge__title"))
    return [JurorWork(juror, _readable_by_juror(juror, list(juror.assignments.all()))) for juror in jurors]


def assignment_list_for_juror(user: Any, challenge: Challenge) -> list[Assignment]:
    """The user's assignments in the challenge, never one of a submission they are
    conflicted with or its team withdrew."""
    juror = Juror.objects.filter(challenge=challenge, user=user).select_related("user").first() \
        if getattr(user, "is_authenticated", False) else None
    if juror is None:
        return []
    return _readable_by_juror(juror, list(_assignments_query().filter(juror=juror)))


def assignment_get(user: Any, pk: int) -> Assignment:
    """An assignment for its juror (not conflicted) or the challenge's organiser; 404 to everyone else."""
    assignment = get_object_or_404(
        Assignment.objects.select_related("juror__user", "juror__challenge", "submission__team__organisation"),
        pk=pk)
    challenge = assignment.juror.challenge
    if challenge_can_manage(user, challenge):
        return assignment
    if (getattr(user, "is_authenticated", False) and assignment.juror.user_id == user.pk
            and _readable_by_juror(assignment.juror, [assignment])):
        return assignment
    raise Http404


def score_list_visible(user: Any, submission: Submission) -> list[VisibleScore]:
    """The scores of the submission this user may see: the organiser every one; a juror their own, and the other
    jurors' SENT scores (anonymised) only once their own are sent; anyone else none."""
    challenge = submission.team.challenge
    scores = (Score.objects.filter(assignment__submission=submission)
              .select_related("criterion", "assignment__juror__user").order_by("assignment__juror__user__username",
                                                                               "criterion__position"))
    if challenge_can_manage(user, challenge):
        return [_visible(score, str(score.assignment.juror), is_own=False) for score in scores]
    own = (Assignment.objects.filter(submission=submission, juror__user=user).select_related("juror__user").first()
           if getattr(user, "is_authenticated", False) else None)
    if own is None or submission.pk in juror_conflicted_submission_ids(own.juror):
        return []
    if own.submitted_at is None:
        return [_visible(score, str(own.juror), is_own=True) for score in scores if score.assignment_id == own.pk]
    labels: dict[int, str] = {}
    visible = []
    for score in scores:
        if score.assignment_id == own.pk:
            visible.append(_visible(score, str(own.juror), is_own=True))
        elif score.assignment.submitted_at is not None:
            label = labels.setdefault(score.assignment_id, _("Juror %(number)d") % {"number": len(labels) + 1})
            visible.append(_visible(score, label, is_own=False))
    return visible


def _visible(score: Score, label: str, *, is_own: bool) -> VisibleScore:
    return VisibleScore(label, is_own, score.criterion_id, score.criterion.name, score.value, score.comment)


def jury_audit(challenge: Challenge) -> list[AuditRow]:
    """Every score of the challenge: who scored which criterion of which submission, when, and when it was sent."""
    scores = (Score.objects.filter(assignment__juror__challenge=challenge)
              .select_related("criterion", "assignment__juror__user", "assignment__juror__organisation",
                              "assignment__submission")
              .order_by("assignment__juror__user__username", "assignment__submission__title", "criterion__position"))
    return [AuditRow(str(score.assignment.juror), str(score.assignment.juror.organisation or ""),
                     score.assignment.submission_id, score.assignment.submission.title, score.criterion.name,
                     score.value, score.scored_at, score.assignment.submitted_at) for score in scores]


def score_matrix(challenge: Challenge) -> list[ScoreCell]:
    """The values of every SENT assignment of the challenge, one row per submission × juror × criterion."""
    rows = (Score.objects.filter(assignment__juror__challenge=challenge, assignment__submitted_at__isnull=False)
            .order_by("assignment__submission_id", "assignment__juror_id", "criterion__position")
            .values_list("assignment__submission_id", "assignment__juror_id", "criterion_id", "value"))
    return [ScoreCell(*row) for row in rows]


def juror_list(challenge: Challenge) -> Any:
    """The challenge's jurors with their counts of assignments and of sent assignments (the organiser's view)."""
    return (Juror.objects.filter(challenge=challenge).select_related("user", "organisation")
            .annotate(assigned=Count("assignments", distinct=True),
                      sent=Count("assignments", filter=Q(assignments__submitted_at__isnull=False), distinct=True),
                      declared=Count("conflicts", distinct=True))
            .order_by("user__username"))


def conflict_candidates(juror: Juror) -> list[tuple[Submission, bool]]:
    """The submitted submissions a juror declares conflicts against (titles and team organisations only), each with
    whether it is a conflict already (declared or automatic)."""
    conflicted = juror_conflicted_submission_ids(juror)
    submissions = (Submission.objects.filter(team__challenge_id=juror.challenge_id,
                                             status=SubmissionStatus.SUBMITTED)
                   .select_related("team__organisation").order_by("title", "pk"))
    return [(submission, submission.pk in conflicted) for submission in submissions]


def submissions_to_assign(challenge: Challenge) -> tuple[list[Submission], int]:
    """The challenge's submitted, eligible submissions, and how many submitted ones still await their check."""
    submitted = Submission.objects.filter(team__challenge=challenge, status=SubmissionStatus.SUBMITTED)
    eligible = list(submitted.filter(eligibility=Eligibility.ELIGIBLE).order_by("pk"))
    return eligible, submitted.filter(eligibility=Eligibility.PENDING).count()
