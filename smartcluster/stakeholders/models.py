"""Stakeholders: each partner's triple-helix registry (links to the shared organisations and people, never copies),
the structured interviews with their versioned guide, the versioned codebook and the coders' codes, and the
collaborations partners declare for the network."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from smartcluster.accounts.permissions import Visibility
from smartcluster.stakeholders.choices import (  # noqa: F401 - re-exported: `models.X` keeps working in the app
    CodeSource,
    CollaborationKind,
    InterviewMode,
    ThemeGroup,
)


def one_to_five(field: str) -> Q:
    """A score on the classic stakeholder map's 1–5 scale."""
    return Q(**{f"{field}__gte": 1}) & Q(**{f"{field}__lte": 5})


class Stakeholder(models.Model):
    """An organisation in a partner's stakeholder registry, with where it stands on the interest × influence map."""

    owner_path = "partner__organisation"
    project_path = "partner__project"  # the partnership reads each other's maps; nobody else does
    visibility = Visibility.OWNER_ONLY

    partner = models.ForeignKey("organisations.Partner", on_delete=models.CASCADE, related_name="stakeholders",
                                verbose_name=_("partner"))
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT,
                                     related_name="stakeholder_of", verbose_name=_("organisation"))
    person = models.ForeignKey("organisations.Person", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="stakeholder_of", verbose_name=_("contact at the stakeholder"))
    partner_contact = models.ForeignKey("organisations.Person", null=True, blank=True, on_delete=models.SET_NULL,
                                        related_name="stakeholders_followed",
                                        verbose_name=_("partner's contact person"))
    interest = models.PositiveSmallIntegerField(_("interest (1–5)"), default=3)
    influence = models.PositiveSmallIntegerField(_("influence (1–5)"), default=3)
    topics = models.JSONField(_("topics"), default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["partner", "organisation__name"]
        verbose_name = _("stakeholder")
        verbose_name_plural = _("stakeholders")
        constraints = [
            models.UniqueConstraint(fields=["partner", "organisation"], name="stakeholders_once_per_partner"),
            models.CheckConstraint(condition=one_to_five("interest"), name="stakeholders_interest_1_5"),
            models.CheckConstraint(condition=one_to_five("influence"), name="stakeholders_influence_1_5"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.partner})"


class StakeholderNote(models.Model):
    """A partner's own note on one of its stakeholders: read by that partner only."""

    owner_path = "stakeholder__partner__organisation"
    visibility = Visibility.OWNER_ONLY

    stakeholder = models.ForeignKey(Stakeholder, on_delete=models.CASCADE, related_name="notes")
    text = models.TextField(_("note"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["stakeholder", "-created_at"]
        verbose_name = _("stakeholder note")
        verbose_name_plural = _("stakeholder notes")

    def __str__(self) -> str:
        return self.text[:60]


class Codebook(models.Model):
    """A versioned codebook: the themes answers are coded into (a new version never changes an old one)."""

    visibility = Visibility.PUBLIC

    name = models.CharField(_("name"), max_length=200)
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    description = models.TextField(_("description"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "-version"]
        verbose_name = _("codebook")
        verbose_name_plural = _("codebooks")
        constraints = [models.UniqueConstraint(fields=["name", "version"], name="stakeholders_codebook_version_once")]

    def __str__(self) -> str:
        return f"{self.name} v{self.version}"


class Theme(models.Model):
    """One code of a codebook: a challenge, a need or an interview topic of the project, with its description."""

    visibility = Visibility.PUBLIC

    codebook = models.ForeignKey(Codebook, on_delete=models.CASCADE, related_name="themes")
    code = models.SlugField(_("code"), max_length=60)
    name = models.CharField(_("name"), max_length=200)
    group = models.CharField(_("group"), max_length=20, choices=ThemeGroup.choices)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["codebook", "position", "code"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        constraints = [models.UniqueConstraint(fields=["codebook", "code"], name="stakeholders_theme_code_once")]

    def __str__(self) -> str:
        return self.name


class InterviewGuide(models.Model):
    """A versioned interview guide: its questions, each probing themes of one codebook."""

    visibility = Visibility.PUBLIC

    name = models.CharField(_("name"), max_length=200)
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    codebook = models.ForeignKey(Codebook, on_delete=models.PROTECT, related_name="guides",
                                 verbose_name=_("codebook"))
    introduction = models.TextField(_("introduction"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "-version"]
        verbose_name = _("interview guide")
        verbose_name_plural = _("interview guides")
        constraints = [models.UniqueConstraint(fields=["name", "version"], name="stakeholders_guide_version_once")]

    def __str__(self) -> str:
        return f"{self.name} v{self.version}"


class GuideQuestion(models.Model):
    """A question of a guide, in its order, and the themes it probes."""

    visibility = Visibility.PUBLIC

    guide = models.ForeignKey(InterviewGuide, on_delete=models.CASCADE, related_name="questions")
    number = models.PositiveSmallIntegerField(_("number"))
    text = models.TextField(_("question"))
    themes = models.ManyToManyField(Theme, blank=True, related_name="questions", verbose_name=_("themes probed"))

    class Meta:
        ordering = ["guide", "number"]
        verbose_name = _("guide question")
        verbose_name_plural = _("guide questions")
        constraints = [models.UniqueConstraint(fields=["guide", "number"], name="stakeholders_question_number_once")]

    def __str__(self) -> str:
        return f"{self.number}. {self.text[:60]}"


class Interview(models.Model):
    """A structured interview a partner held with a stakeholder: private to that partner (page, API, export)."""

    owner_path = "partner__organisation"
    visibility = Visibility.OWNER_ONLY

    partner = models.ForeignKey("organisations.Partner", on_delete=models.CASCADE, related_name="interviews",
                                verbose_name=_("partner"))
    guide = models.ForeignKey(InterviewGuide, on_delete=models.PROTECT, related_name="interviews",
                              verbose_name=_("interview guide"))
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT,
                                     related_name="interviews_given", verbose_name=_("interviewed organisation"))
    person = models.ForeignKey("organisations.Person", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="interviews_given", verbose_name=_("interviewee"))
    interviewer = models.ForeignKey("organisations.Person", null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="interviews_held", verbose_name=_("interviewer"))
    held_on = models.DateField(_("held on"))
    mode = models.CharField(_("mode"), max_length=20, choices=InterviewMode.choices, default=InterviewMode.IN_PERSON)
    consent_to_record = models.BooleanField(
        _("consents to being recorded"), default=False,
        help_text=_("Separate from consent to be listed in the registry."))
    consent_to_quote = models.BooleanField(
        _("consents to being quoted"), default=False,
        help_text=_("Quotes are shown, pseudonymised, only when the interviewee agreed."))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["partner", "-held_on"]
        verbose_name = _("interview")
        verbose_name_plural = _("interviews")

    def __str__(self) -> str:
        return f"{self.organisation} ({self.held_on:%Y-%m-%d})"


class Answer(models.Model):
    """What the interviewee answered to one question of the interview's guide."""

    owner_path = "interview__partner__organisation"
    visibility = Visibility.OWNER_ONLY

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(GuideQuestion, on_delete=models.PROTECT, related_name="answers",
                                 verbose_name=_("question"))
    text = models.TextField(_("answer"))

    class Meta:
        ordering = ["interview", "question__number"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [models.UniqueConstraint(fields=["interview", "question"], name="stakeholders_answer_once")]

    def __str__(self) -> str:
        return self.text[:60]


class AnswerCoding(models.Model):
    """One coder's coding of one answer (a unit coded by that coder, even when no theme applies)."""

    owner_path = "answer__interview__partner__organisation"
    visibility = Visibility.OWNER_ONLY

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="codings")
    coder = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="answer_codings",
                              verbose_name=_("coder"))
    coded_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["answer", "coder"]
        verbose_name = _("answer coding")
        verbose_name_plural = _("answer codings")
        constraints = [models.UniqueConstraint(fields=["answer", "coder"], name="stakeholders_coded_once_per_coder")]

    def __str__(self) -> str:
        return f"{self.answer} ({self.coder})"


class AppliedCode(models.Model):
    """A theme a coder applied to an answer: chosen, or a suggestion the coder accepted (with its score)."""

    owner_path = "coding__answer__interview__partner__organisation"
    visibility = Visibility.OWNER_ONLY

    coding = models.ForeignKey(AnswerCoding, on_delete=models.CASCADE, related_name="codes")
    theme = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="applied", verbose_name=_("theme"))
    source = models.CharField(_("source"), max_length=20, choices=CodeSource.choices, default=CodeSource.MANUAL)
    suggestion_score = models.FloatField(_("suggestion score"), null=True, blank=True)

    class Meta:
        ordering = ["coding", "theme__position"]
        verbose_name = _("applied code")
        verbose_name_plural = _("applied codes")
        constraints = [
            models.UniqueConstraint(fields=["coding", "theme"], name="stakeholders_theme_once_per_coding"),
            models.CheckConstraint(
                condition=Q(source=CodeSource.MANUAL, suggestion_score__isnull=True)
                | Q(source=CodeSource.SUGGESTION, suggestion_score__isnull=False),
                name="stakeholders_score_only_for_accepted_suggestions"),
        ]

    def __str__(self) -> str:
        return str(self.theme)


class Collaboration(models.Model):
    """A collaboration between two organisations that a partner declares (the pair is stored in id order)."""

    owner_path = "declared_by__organisation"
    visibility = Visibility.PUBLIC

    first = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+",
                              verbose_name=_("organisation"))
    second = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+",
                               verbose_name=_("other organisation"))
    kind = models.CharField(_("kind"), max_length=30, choices=CollaborationKind.choices)
    since_year = models.PositiveSmallIntegerField(_("since (year)"), null=True, blank=True)
    description = models.CharField(_("description"), max_length=500, blank=True)
    declared_by = models.ForeignKey("organisations.Partner", on_delete=models.CASCADE,
                                    related_name="declared_collaborations", verbose_name=_("declared by"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["first", "second", "kind"]
        verbose_name = _("declared collaboration")
        verbose_name_plural = _("declared collaborations")
        constraints = [
            models.CheckConstraint(condition=Q(first__lt=F("second")), name="stakeholders_collaboration_pair_ordered"),
            models.UniqueConstraint(fields=["first", "second", "kind"], name="stakeholders_collaboration_once"),
            models.CheckConstraint(condition=Q(since_year__isnull=True) | (Q(since_year__gte=1900)
                                                                            & Q(since_year__lte=2100)),
                                   name="stakeholders_collaboration_year_plausible"),
        ]

    def __str__(self) -> str:
        return f"{self.first} – {self.second} ({self.get_kind_display()})"
