"""Open innovation challenges: a brief an organisation posts (criteria, timeline, terms), the teams that answer it
with a submission, the jury (conflicts declared, assignments, scores per criterion) and the confirmed awards.

Times are stored in UTC and shown in the challenge's time zone. The phase of a challenge is derived from its
timeline (`selectors.challenge_phase`), never stored."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from smartcluster.accounts.permissions import Visibility
from smartcluster.challenges.choices import (  # noqa: F401 - re-exported: `models.X` keeps working in the app
    AwardPlace,
    ChallengePhase,
    Eligibility,
    ScoreAggregate,
    SubmissionStatus,
    TeamRole,
)
from smartcluster.site.validators import validate_time_zone


class Challenge(models.Model):
    """A challenge brief: the problem an organisation (a company, a cluster organisation, an authority) wants
    solved, who may answer, by when, what the solvers win and how the jury scores."""

    owner_path = "organiser"
    visibility = Visibility.PUBLISHED

    organiser = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT,
                                  related_name="challenges_organised", verbose_name=_("posted by"))
    on_behalf_of = models.ForeignKey(
        "organisations.Organisation", null=True, blank=True, on_delete=models.PROTECT,
        related_name="challenges_posted_for", verbose_name=_("on behalf of"),
        help_text=_("A cluster organisation the challenge is posted for, when the organiser posts it for one."))
    project = models.ForeignKey("organisations.Project", null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="challenges", verbose_name=_("project"),
                                help_text=_("The project whose pilot action this challenge is, if any."))
    title = models.CharField(_("title"), max_length=200)
    problem = models.TextField(_("problem"))
    context = models.TextField(_("context"), blank=True)
    expected_outcome = models.TextField(_("expected outcome"))
    eligibility = models.TextField(_("who may apply"), blank=True)
    eligible_regions = models.ManyToManyField(
        "regions.Region", blank=True, related_name="+", verbose_name=_("eligible regions"),
        help_text=_("Teams whose organisation lies in one of these regions (or in a region within them) may "
                    "apply; none: any region."))
    time_zone = models.CharField(_("time zone"), max_length=64, default="Europe/Brussels",
                                 validators=[validate_time_zone])
    opens_at = models.DateTimeField(_("opens"))
    deadline_at = models.DateTimeField(_("submission deadline"))
    evaluation_ends_at = models.DateTimeField(_("evaluation ends"))
    results_at = models.DateTimeField(_("results announced"))
    prizes = models.TextField(_("prizes and follow-up"), blank=True,
                              help_text=_("Prize money, a pilot contract, mentoring…"))
    ip_terms = models.TextField(_("intellectual property terms"), blank=True)
    confidentiality = models.TextField(_("confidentiality terms"), blank=True)
    score_max = models.PositiveSmallIntegerField(
        _("top of the score scale"), default=5,
        help_text=_("Jurors score each criterion from 0 to this value (EU evaluation practice: 0–5)."))
    aggregate = models.CharField(_("jurors' scores combined by"), max_length=10, choices=ScoreAggregate.choices,
                                 default=ScoreAggregate.MEDIAN)
    scores_per_submission = models.PositiveSmallIntegerField(
        _("scores per submission"), default=3,
        help_text=_("Every eligible submission is scored by at least this many independent jurors."))
    calibration_min_scores = models.PositiveSmallIntegerField(
        _("scores per juror needed for calibration"), default=5,
        help_text=_("The calibrated ranking is refused while a juror has scored fewer submissions than this."))
    is_published = models.BooleanField(_("published"), default=False, editable=False)
    published_at = models.DateTimeField(_("published"), null=True, blank=True, editable=False)
    is_cancelled = models.BooleanField(_("cancelled"), default=False, editable=False)
    results_published_at = models.DateTimeField(_("results published"), null=True, blank=True, editable=False)
    results_confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                             on_delete=models.SET_NULL, related_name="+", editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-deadline_at", "title"]
        verbose_name = _("challenge")
        verbose_name_plural = _("challenges")
        constraints = [
            models.CheckConstraint(condition=Q(opens_at__lt=F("deadline_at"))
                                   & Q(deadline_at__lte=F("evaluation_ends_at"))
                                   & Q(evaluation_ends_at__lte=F("results_at")),
                                   name="challenges_timeline_in_order"),
            models.CheckConstraint(condition=Q(score_max__gte=1) & Q(score_max__lte=100),
                                   name="challenges_score_scale"),
            models.CheckConstraint(condition=Q(scores_per_submission__gte=1), name="challenges_scores_needed"),
            models.CheckConstraint(condition=Q(calibration_min_scores__gte=2),
                                   name="challenges_calibration_minimum"),
            models.CheckConstraint(condition=Q(is_published=False, published_at__isnull=True)
                                   | Q(is_published=True, published_at__isnull=False),
                                   name="challenges_published_when"),
            models.CheckConstraint(condition=Q(results_published_at__isnull=True) | Q(is_published=True),
                                   name="challenges_results_after_publication"),
        ]

    def __str__(self) -> str:
        return self.title


class ChallengeCriterion(models.Model):
    """An evaluation criterion with its weight; `position` is also the tie-break order (1 first)."""

    owner_path = "challenge__organiser"
    visibility = Visibility.PUBLIC

    challenge = models.ForeignKey(Challenge, on_delete=models.CASCADE, related_name="criteria")
    position = models.PositiveSmallIntegerField(_("order"))
    name = models.CharField(_("criterion"), max_length=120)
    description = models.TextField(_("what the jury looks for"), blank=True)
    weight = models.DecimalField(_("weight"), max_digits=6, decimal_places=2)
    threshold = models.DecimalField(_("threshold"), max_digits=6, decimal_places=2, null=True, blank=True,
                                    help_text=_("A submission scoring below this on the criterion is not ranked "
                                                "among the winners (EU practice: 3 of 5)."))

    class Meta:
        ordering = ["challenge", "position"]
        verbose_name = _("evaluation criterion")
        verbose_name_plural = _("evaluation criteria")
        constraints = [
            models.UniqueConstraint(fields=["challenge", "position"], name="challenges_criterion_position_once"),
            models.UniqueConstraint(fields=["challenge", "name"], name="challenges_criterion_name_once"),
            models.CheckConstraint(condition=Q(weight__gt=0), name="challenges_criterion_weight_positive"),
            models.CheckConstraint(condition=Q(threshold__isnull=True) | Q(threshold__gte=0),
                                   name="challenges_criterion_threshold_not_negative"),
        ]

    def __str__(self) -> str:
        return self.name


class ChallengeChange(models.Model):
    """A change of a published brief, logged and shown to applicants (the brief before publication is a draft)."""

    owner_path = "challenge__organiser"
    visibility = Visibility.PUBLIC

    challenge = models.ForeignKey(Challenge, on_delete=models.CASCADE, related_name="changes")
    field = models.CharField(_("field"), max_length=100)
    before = models.TextField(_("before"), blank=True)
    after = models.TextField(_("after"), blank=True)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", verbose_name=_("by"))
    changed_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        ordering = ["challenge", "-changed_at", "-pk"]
        verbose_name = _("change of a brief")
        verbose_name_plural = _("changes of briefs")

    def __str__(self) -> str:
        return f"{self.challenge}: {self.field}"


class ChallengeAttachment(models.Model):
    """A document of the brief (data sets, drawings, terms): readable by whoever reads the challenge."""

    owner_path = "challenge__organiser"
    visibility = Visibility.PUBLIC  # downloads go through the challenge's own visibility (selectors)

    challenge = models.ForeignKey(Challenge, on_delete=models.CASCADE, related_name="attachments")
    title = models.CharField(_("title"), max_length=255)
    file = models.FileField(_("file"), upload_to="challenges/briefs/%Y/")
    content_type = models.CharField(_("content type"), max_length=100, editable=False)
    size = models.PositiveBigIntegerField(_("size (bytes)"), editable=False)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["challenge", "title"]
        verbose_name = _("brief attachment")
        verbose_name_plural = _("brief attachments")

    def __str__(self) -> str:
        return self.title


class Team(models.Model):
    """A team answering a challenge: its lead (the user who created it), the organisation it applies from, its
    members (invited by e-mail). Rights are the team's members' (challenges.services), not an organisation's."""

    owner_path = "challenge__organiser"  # the organiser manages eligibility; team rights are the members'
    visibility = Visibility.OWNER_ONLY

    challenge = models.ForeignKey(Challenge, on_delete=models.CASCADE, related_name="teams")
    name = models.CharField(_("team name"), max_length=150)
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT,
                                     related_name="challenge_teams", verbose_name=_("applying organisation"))
    matchmaking_profile = models.ForeignKey(
        "matchmaking.Participant", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("matchmaking profile"),
        help_text=_("The matchmaking profile the team's solver came from, if any."))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["challenge", "name"]
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        constraints = [models.UniqueConstraint(fields=["challenge", "name"], name="challenges_team_name_once")]

    def __str__(self) -> str:
        return self.name


class TeamMember(models.Model):
    """A member of a team: invited by e-mail, a user once the invitation is accepted."""

    owner_path = "team__challenge__organiser"
    visibility = Visibility.OWNER_ONLY

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="members")
    email = models.EmailField(_("e-mail"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE,
                             related_name="challenge_team_memberships")
    role = models.CharField(_("role"), max_length=10, choices=TeamRole.choices, default=TeamRole.MEMBER)
    invitation_token = models.CharField(max_length=64, unique=True, editable=False)
    invited_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["team", "role", "email"]
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        constraints = [
            models.UniqueConstraint(fields=["team", "email"], name="challenges_member_once"),
            models.UniqueConstraint(fields=["team", "user"], name="challenges_member_user_once"),
            models.CheckConstraint(condition=Q(accepted_at__isnull=True) | Q(user__isnull=False),
                                   name="challenges_member_accepted_by_a_user"),
        ]

    def __str__(self) -> str:
        return self.email


class Submission(models.Model):
    """A team's answer to the challenge (one per team): drafted, submitted before the deadline, or withdrawn;
    the organiser's eligibility check with its reason."""

    owner_path = "team__challenge__organiser"
    visibility = Visibility.OWNER_ONLY

    team = models.OneToOneField(Team, on_delete=models.CASCADE, related_name="submission")
    title = models.CharField(_("title of the solution"), max_length=200)
    summary = models.TextField(_("summary"))
    solution = models.TextField(_("proposed solution"), blank=True)
    expected_impact = models.TextField(_("expected impact"), blank=True)
    implementation = models.TextField(_("implementation plan and team"), blank=True)
    status = models.CharField(_("status"), max_length=12, choices=SubmissionStatus.choices,
                              default=SubmissionStatus.DRAFT, editable=False)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True, editable=False)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True, editable=False)
    eligibility = models.CharField(_("eligibility"), max_length=12, choices=Eligibility.choices,
                                   default=Eligibility.PENDING, editable=False)
    eligibility_reason = models.TextField(_("reason"), blank=True, editable=False)
    eligibility_checked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                               on_delete=models.SET_NULL, related_name="+", editable=False)
    eligibility_checked_at = models.DateTimeField(null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["team__challenge", "team__name"]
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        constraints = [
            models.CheckConstraint(condition=Q(status=SubmissionStatus.DRAFT, submitted_at__isnull=True)
                                   | Q(status=SubmissionStatus.SUBMITTED, submitted_at__isnull=False,
                                       withdrawn_at__isnull=True)
                                   | Q(status=SubmissionStatus.WITHDRAWN, withdrawn_at__isnull=False),
                                   name="challenges_submission_status_dates"),
            models.CheckConstraint(condition=~Q(eligibility=Eligibility.INELIGIBLE) | ~Q(eligibility_reason=""),
                                   name="challenges_ineligible_with_reason"),
        ]

    def __str__(self) -> str:
        return self.title


class SubmissionAttachment(models.Model):
    """A file of a submission (type checked by its content, size limited): the team, the organiser and the
    submission's assigned, unconflicted jurors read it."""

    owner_path = "submission__team__challenge__organiser"
    visibility = Visibility.OWNER_ONLY

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="attachments")
    title = models.CharField(_("title"), max_length=255)
    file = models.FileField(_("file"), upload_to="challenges/submissions/%Y/")
    content_type = models.CharField(_("content type"), max_length=100, editable=False)
    size = models.PositiveBigIntegerField(_("size (bytes)"), editable=False)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["submission", "title"]
        verbose_name = _("submission attachment")
        verbose_name_plural = _("submission attachments")

    def __str__(self) -> str:
        return self.title


class Juror(models.Model):
    """A juror of a challenge: invited by the organiser, declares conflicts before any assignment; their own
    organisation's submissions are conflicts without a declaration."""

    owner_path = "challenge__organiser"
    visibility = Visibility.OWNER_ONLY

    challenge = models.ForeignKey(Challenge, on_delete=models.CASCADE, related_name="jurors")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                             related_name="challenge_juries")
    organisation = models.ForeignKey("organisations.Organisation", null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="+",
                                     verbose_name=_("juror's organisation"))
    invited_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    conflicts_declared_at = models.DateTimeField(
        _("conflicts declared"), null=True, blank=True,
        help_text=_("When the juror confirmed their list of conflicts (empty or not) against the submissions."))

    class Meta:
        ordering = ["challenge", "user__username"]
        verbose_name = _("juror")
        verbose_name_plural = _("jurors")
        constraints = [models.UniqueConstraint(fields=["challenge", "user"], name="challenges_juror_once")]

    def __str__(self) -> str:
        return str(self.user)


class ConflictOfInterest(models.Model):
    """A conflict a juror declares with a submission (a collaborator, a client, a relative…): never assigned, never
    shown to them."""

    owner_path = "juror__challenge__organiser"
    visibility = Visibility.OWNER_ONLY

    juror = models.ForeignKey(Juror, on_delete=models.CASCADE, related_name="conflicts")
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="conflicts")
    reason = models.CharField(_("reason"), max_length=300)
    declared_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["juror", "submission"]
        verbose_name = _("conflict of interest")
        verbose_name_plural = _("conflicts of interest")
        constraints = [
            models.UniqueConstraint(fields=["juror", "submission"], name="challenges_conflict_once"),
            models.CheckConstraint(condition=~Q(reason=""), name="challenges_conflict_with_reason"),
        ]

    def __str__(self) -> str:
        return f"{self.juror} × {self.submission}"


class Assignment(models.Model):
    """A submission given to a juror to score; `submitted_at` is when the juror sent their scores (after which they
    see the others' and can no longer change their own)."""

    owner_path = "juror__challenge__organiser"
    visibility = Visibility.OWNER_ONLY

    juror = models.ForeignKey(Juror, on_delete=models.CASCADE, related_name="assignments")
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="assignments")
    assigned_at = models.DateTimeField(auto_now_add=True)
    comment = models.TextField(_("overall comment to the team"), blank=True)
    submitted_at = models.DateTimeField(_("scores sent"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["juror", "submission"]
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        constraints = [models.UniqueConstraint(fields=["juror", "submission"], name="challenges_assignment_once")]

    def __str__(self) -> str:
        return f"{self.juror} → {self.submission}"


class Score(models.Model):
    """A juror's score of one criterion of an assigned submission, with a comment for the team: who scored what
    and when stays on record."""

    owner_path = "assignment__juror__challenge__organiser"
    visibility = Visibility.OWNER_ONLY

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(ChallengeCriterion, on_delete=models.PROTECT, related_name="scores")
    value = models.DecimalField(_("score"), max_digits=5, decimal_places=1)
    comment = models.TextField(_("comment"), blank=True)
    scored_at = models.DateTimeField(_("scored"), auto_now=True)

    class Meta:
        ordering = ["assignment", "criterion__position"]
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=["assignment", "criterion"], name="challenges_score_once"),
            models.CheckConstraint(condition=Q(value__gte=0), name="challenges_score_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.value}"


class Award(models.Model):
    """A place the organiser confirmed for a submission when publishing the results."""

    owner_path = "challenge__organiser"
    visibility = Visibility.PUBLIC  # shown once the challenge's results are published (selectors)

    challenge = models.ForeignKey(Challenge, on_delete=models.CASCADE, related_name="awards")
    submission = models.OneToOneField(Submission, on_delete=models.CASCADE, related_name="award")
    place = models.PositiveSmallIntegerField(_("place"), choices=AwardPlace.choices)
    prize = models.CharField(_("prize"), max_length=255, blank=True)
    confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    confirmed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["challenge", "place"]
        verbose_name = _("award")
        verbose_name_plural = _("awards")

    def __str__(self) -> str:
        return f"{self.get_place_display()}: {self.submission}"
