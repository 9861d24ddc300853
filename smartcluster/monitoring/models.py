"""Monitoring: the project's work plan (activities and deliverables per semester), its indicators with targets and
semester reports, the partners' regional action plans with their monitoring entries, and the territorial impact
indicators each action should move.

A project's semesters are derived from `organisations.Project.start_date` and `.semesters` (events' selectors),
never stored twice. A deliverable linked to an event, a communication item or a good practice takes that record's
status (selectors derive it); an indicator measured from the records is counted by selectors of the other apps."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from smartcluster.accounts.permissions import Visibility
from smartcluster.monitoring.choices import (  # noqa: F401 - re-exported: `models.X` keeps working in the app
    ActionPlanStatus,
    BackgroundKind,
    DeliverableKind,
    DeliverableStatus,
    EvidenceReview,
    ImpactSource,
    ImplementationStatus,
    IndicatorCode,
    IndicatorKind,
    IndicatorMeasure,
    MappingMeasure,
    ReportStatus,
    WorkStrand,
)

# --- work plan ---------------------------------------------------------------------------------------------------


class Activity(models.Model):
    """One activity of a semester's strand ("1st interregional workshop hosted by …"), with its topic and host."""

    owner_path = "project__partners__organisation"  # read by the partnership; services let the lead partner write
    project_path = "project"
    visibility = Visibility.OWNER_ONLY

    project = models.ForeignKey("organisations.Project", on_delete=models.CASCADE, related_name="activities")
    semester = models.PositiveSmallIntegerField(_("semester"))
    strand = models.CharField(_("work strand"), max_length=20, choices=WorkStrand.choices)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title = models.CharField(_("activity"), max_length=500)
    topic = models.TextField(_("topic"), blank=True)
    host = models.ForeignKey("organisations.Partner", null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="activities_hosted", verbose_name=_("host partner"))
    host_name = models.CharField(_("host as written"), max_length=300, blank=True,
                                 help_text=_("The host the template names, kept until a partner is chosen."))

    class Meta:
        ordering = ["project", "semester", "strand", "position", "pk"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        constraints = [
            models.CheckConstraint(condition=Q(semester__gte=1), name="monitoring_activity_semester_positive"),
        ]

    def __str__(self) -> str:
        return self.title


class Deliverable(models.Model):
    """What an activity delivers, by whom and when, with its evidence or the record whose status it follows."""

    owner_path = "responsible__organisation"
    project_path = "project"
    visibility = Visibility.OWNER_ONLY

    project = models.ForeignKey("organisations.Project", on_delete=models.CASCADE, related_name="deliverables")
    activity = models.ForeignKey(Activity, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="deliverables", verbose_name=_("activity"))
    kind = models.CharField(_("kind"), max_length=20, choices=DeliverableKind.choices)
    number = models.PositiveSmallIntegerField(_("number"), null=True, blank=True,
                                              help_text=_("Its number in its kind's series (press release no. 3)."))
    title = models.CharField(_("deliverable"), max_length=500)
    responsible = models.ForeignKey("organisations.Partner", on_delete=models.PROTECT, related_name="deliverables",
                                    verbose_name=_("responsible partner"))
    due_semester = models.PositiveSmallIntegerField(_("due in semester"))
    status = models.CharField(_("status"), max_length=20, choices=DeliverableStatus.choices,
                              default=DeliverableStatus.PLANNED)
    done_on = models.DateField(_("done on"), null=True, blank=True)
    evidence_file = models.FileField(_("evidence file"), upload_to="monitoring/evidence/%Y/", blank=True)
    evidence_url = models.URLField(_("evidence link"), blank=True)
    evidence_note = models.CharField(_("evidence note"), max_length=500, blank=True)
    event = models.ForeignKey("events.ProjectEvent", null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+", verbose_name=_("event"))
    communication_item = models.ForeignKey("events.CommunicationItem", null=True, blank=True,
                                           on_delete=models.SET_NULL, related_name="+",
                                           verbose_name=_("communication item"))
    good_practice = models.ForeignKey("learning.GoodPractice", null=True, blank=True, on_delete=models.SET_NULL,
                                      related_name="+", verbose_name=_("good practice"))
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["project", "due_semester", "kind", "number", "pk"]
        verbose_name = _("deliverable")
        verbose_name_plural = _("deliverables")
        constraints = [
            models.CheckConstraint(condition=Q(due_semester__gte=1), name="monitoring_deliverable_semester_positive"),
            models.CheckConstraint(
                condition=~Q(status=DeliverableStatus.DONE) | Q(done_on__isnull=False),
                name="monitoring_done_deliverable_dated"),
            models.CheckConstraint(
                condition=~Q(status=DeliverableStatus.DONE) | ~Q(evidence_file="") | ~Q(evidence_url="")
                | Q(event__isnull=False) | Q(communication_item__isnull=False) | Q(good_practice__isnull=False),
                name="monitoring_done_deliverable_has_evidence"),
            models.CheckConstraint(
                condition=(Q(event__isnull=True) & Q(communication_item__isnull=True))
                | (Q(event__isnull=True) & Q(good_practice__isnull=True))
                | (Q(communication_item__isnull=True) & Q(good_practice__isnull=True)),
                name="monitoring_deliverable_one_linked_record"),
        ]

    def __str__(self) -> str:
        return self.title


class WorkPlanNote(models.Model):
    """A defect of the template's text (a number given twice, one never given) left for the project to resolve."""

    owner_path = "project__partners__organisation"
    project_path = "project"
    visibility = Visibility.OWNER_ONLY

    project = models.ForeignKey("organisations.Project", on_delete=models.CASCADE, related_name="work_plan_notes")
    semester = models.PositiveSmallIntegerField(_("semester"), null=True, blank=True)
    code = models.CharField(_("kind of defect"), max_length=40)
    message = models.TextField(_("what the text says"))
    resolution = models.TextField(_("how it was resolved"), blank=True)
    resolved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["project", "semester", "pk"]
        verbose_name = _("work plan note")
        verbose_name_plural = _("work plan notes")
        constraints = [
            models.CheckConstraint(condition=Q(resolved_at__isnull=True) | ~Q(resolution=""),
                                   name="monitoring_note_resolved_with_resolution"),
        ]

    def __str__(self) -> str:
        return self.message[:60]


# --- indicators --------------------------------------------------------------------------------------------------


class Indicator(models.Model):
    """An indicator of the project: an Interreg code of the methods file, or one the project defines."""

    owner_path = "project__partners__organisation"
    project_path = "project"
    visibility = Visibility.OWNER_ONLY

    project = models.ForeignKey("organisations.Project", on_delete=models.CASCADE, related_name="indicators")
    code = models.CharField(_("Interreg code"), max_length=10, choices=IndicatorCode.choices, blank=True,
                            help_text=_("Empty for an indicator the project defines."))
    name = models.CharField(_("name"), max_length=300)
    unit = models.CharField(_("unit"), max_length=100)
    kind = models.CharField(_("kind"), max_length=10, choices=IndicatorKind.choices)
    measure = models.CharField(_("achieved value"), max_length=30, choices=IndicatorMeasure.choices,
                               default=IndicatorMeasure.MANUAL)
    definition = models.TextField(_("definition"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["project", "kind", "position", "code", "name"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        constraints = [
            models.UniqueConstraint(fields=["project", "code"], condition=~Q(code=""),
                                    name="monitoring_indicator_code_once"),
            models.UniqueConstraint(fields=["project", "name"], name="monitoring_indicator_name_once"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}".strip()


class IndicatorTarget(models.Model):
    """A target of an indicator for one partner, or for the whole project (partner empty)."""

    owner_path = "indicator__project__partners__organisation"
    project_path = "indicator__project"
    visibility = Visibility.OWNER_ONLY

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    partner = models.ForeignKey("organisations.Partner", null=True, blank=True, on_delete=models.CASCADE,
                                related_name="indicator_targets", verbose_name=_("partner"))
    value = models.DecimalField(_("target"), max_digits=14, decimal_places=2)

    class Meta:
        ordering = ["indicator", "partner"]
        verbose_name = _("indicator target")
        verbose_name_plural = _("indicator targets")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "partner"], name="monitoring_target_once_per_partner"),
            models.UniqueConstraint(fields=["indicator"], condition=Q(partner__isnull=True),
                                    name="monitoring_target_once_for_project"),
            models.CheckConstraint(condition=Q(value__gte=0), name="monitoring_target_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.value}"


class ProgressReport(models.Model):
    """A partner's report of one semester: draft, then submitted; its values count once it is submitted."""

    owner_path = "partner__organisation"
    project_path = "partner__project"
    visibility = Visibility.OWNER_ONLY

    partner = models.ForeignKey("organisations.Partner", on_delete=models.CASCADE, related_name="progress_reports",
                                verbose_name=_("partner"))
    semester = models.PositiveSmallIntegerField(_("semester"))
    status = models.CharField(_("status"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.DRAFT)
    summary = models.TextField(_("summary of the semester"), blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    submitted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["partner", "semester"]
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        constraints = [
            models.UniqueConstraint(fields=["partner", "semester"], name="monitoring_report_once_per_semester"),
            models.CheckConstraint(condition=Q(semester__gte=1), name="monitoring_report_semester_positive"),
            models.CheckConstraint(
                condition=Q(status=ReportStatus.DRAFT, submitted_at__isnull=True)
                | Q(status=ReportStatus.SUBMITTED, submitted_at__isnull=False),
                name="monitoring_submitted_report_dated"),
        ]

    def __str__(self) -> str:
        return f"{self.partner} S{self.semester}"


class IndicatorValue(models.Model):
    """What a report states for one indicator: computed from the records (frozen at submission) or entered with
    its evidence (type, issuer, date, document) and a reviewer's status (methods §3, evidence model)."""

    owner_path = "report__partner__organisation"
    project_path = "report__partner__project"
    visibility = Visibility.OWNER_ONLY

    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="values")
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    is_computed = models.BooleanField(_("computed from the records"), default=False, editable=False)
    evidence_type = models.CharField(_("evidence type"), max_length=100, blank=True)
    evidence_issuer = models.CharField(_("issued by"), max_length=300, blank=True)
    evidence_date = models.DateField(_("evidence date"), null=True, blank=True)
    evidence_file = models.FileField(_("evidence document"), upload_to="monitoring/indicators/%Y/", blank=True)
    evidence_url = models.URLField(_("evidence link"), blank=True)
    review = models.CharField(_("review"), max_length=10, choices=EvidenceReview.choices,
                              default=EvidenceReview.PENDING)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_comment = models.TextField(_("reviewer's comment"), blank=True)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["report", "indicator"]
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        constraints = [
            models.UniqueConstraint(fields=["report", "indicator"], name="monitoring_value_once_per_report"),
            models.CheckConstraint(condition=Q(value__gte=0), name="monitoring_value_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.value}"


# --- action plans ------------------------------------------------------------------------------------------------


class ActionPlan(models.Model):
    """A partner's regional action plan for its policy instrument (Part I general information, Part II policy
    context; Part III is its actions). Public once published."""

    owner_path = "partner__organisation"
    project_path = "partner__project"
    visibility = Visibility.PUBLISHED

    partner = models.OneToOneField("organisations.Partner", on_delete=models.CASCADE, related_name="action_plan",
                                   verbose_name=_("partner"))
    title = models.CharField(_("title"), max_length=300)
    general_information = models.TextField(_("Part I: general information"), blank=True)
    policy_context = models.TextField(_("Part II: policy context"), blank=True)
    developed_with = models.ManyToManyField(
        "organisations.Partner", blank=True, related_name="action_plans_contributed",
        verbose_name=_("developed with"),
        help_text=_("Partners of other regions who developed it with you; joint means from two countries or more."))
    status = models.CharField(_("status"), max_length=10, choices=ActionPlanStatus.choices,
                              default=ActionPlanStatus.DRAFT)
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    adopted_by = models.CharField(_("adopted by"), max_length=300, blank=True,
                                  help_text=_("The body that took the plan up (RCR79: it may be outside the project)."))
    implementation_started_on = models.DateField(_("implementation started on"), null=True, blank=True)
    is_published = models.BooleanField(_("public"), default=False, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["partner"]
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=ActionPlanStatus.ADOPTED) | (Q(adopted_on__isnull=False) & ~Q(adopted_by="")),
                name="monitoring_adopted_plan_dated_with_adopter"),
        ]

    def __str__(self) -> str:
        return self.title


class Action(models.Model):
    """Part III of an action plan: one action with its background, players, timeframe, costs and funding."""

    owner_path = "plan__partner__organisation"
    project_path = "plan__partner__project"
    visibility = Visibility.PUBLIC  # read as its plan is (selectors filter by the plan)

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="actions")
    position = models.PositiveSmallIntegerField(_("number"), default=1)
    title = models.CharField(_("action"), max_length=300)
    background_kind = models.CharField(_("background"), max_length=20, choices=BackgroundKind.choices)
    good_practice = models.ForeignKey("learning.GoodPractice", null=True, blank=True, on_delete=models.PROTECT,
                                      related_name="+", verbose_name=_("good practice drawn on"))
    recommendation = models.ForeignKey("learning.Recommendation", null=True, blank=True, on_delete=models.PROTECT,
                                       related_name="+", verbose_name=_("recommendation drawn on"))
    brainstorm = models.ForeignKey("events.ProjectEvent", null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+", verbose_name=_("brainstorm drawn on"))
    background = models.TextField(_("background in words"), blank=True,
                                  help_text=_("What was learnt and how it inspired the action."))
    description = models.TextField(_("description"))
    players = models.TextField(_("players involved"))
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    costs = models.DecimalField(_("costs (EUR)"), max_digits=14, decimal_places=2, null=True, blank=True)
    funding = models.TextField(_("funding sources"), blank=True)

    class Meta:
        ordering = ["plan", "position", "pk"]
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        constraints = [
            models.UniqueConstraint(fields=["plan", "position"], name="monitoring_action_number_once"),
            models.CheckConstraint(condition=~Q(players=""), name="monitoring_action_has_players"),
            models.CheckConstraint(condition=~Q(description=""), name="monitoring_action_has_description"),
            models.CheckConstraint(condition=Q(ends_on__gte=models.F("starts_on")),
                                   name="monitoring_action_ends_after_start"),
            models.CheckConstraint(condition=Q(costs__isnull=True) | Q(costs__gte=0),
                                   name="monitoring_action_costs_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.title}"


class MonitoringEntry(models.Model):
    """How an action stood in one semester: status, what was done, evidence; "not implemented" is explained."""

    owner_path = "action__plan__partner__organisation"
    project_path = "action__plan__partner__project"
    visibility = Visibility.PUBLIC  # read as its plan is

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="entries")
    semester = models.PositiveSmallIntegerField(_("semester"))
    status = models.CharField(_("status"), max_length=20, choices=ImplementationStatus.choices)
    what_was_done = models.TextField(_("what was done"), blank=True)
    explanation = models.TextField(_("explanation"), blank=True,
                                   help_text=_("Why the action was not implemented, or is delayed."))
    evidence_file = models.FileField(_("evidence file"), upload_to="monitoring/actions/%Y/", blank=True)
    evidence_url = models.URLField(_("evidence link"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["action", "semester"]
        verbose_name = _("monitoring entry")
        verbose_name_plural = _("monitoring entries")
        constraints = [
            models.UniqueConstraint(fields=["action", "semester"], name="monitoring_entry_once_per_semester"),
            models.CheckConstraint(condition=Q(semester__gte=1), name="monitoring_entry_semester_positive"),
            models.CheckConstraint(condition=~Q(status=ImplementationStatus.NOT_IMPLEMENTED) | ~Q(explanation=""),
                                   name="monitoring_not_implemented_explained"),
        ]

    def __str__(self) -> str:
        return f"{self.action} S{self.semester}"


# --- territorial impact ------------------------------------------------------------------------------------------


class ImpactIndicator(models.Model):
    """A figure an action should move in its region, read from the section that records it (never stored)."""

    owner_path = "action__plan__partner__organisation"
    project_path = "action__plan__partner__project"
    visibility = Visibility.PUBLIC  # read as its plan is

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="impact_indicators")
    source = models.CharField(_("source"), max_length=20, choices=ImpactSource.choices)
    region_code = models.CharField(_("region (NUTS code)"), max_length=10)
    dataset = models.CharField(_("dataset"), max_length=200, blank=True,
                               help_text=_("The statistics dataset the mapping runs on (mapping figures)."))
    category = models.CharField(_("cluster category"), max_length=50, blank=True)
    measure = models.CharField(_("measure"), max_length=20, choices=MappingMeasure.choices, blank=True)
    cluster = models.ForeignKey("clusters.ClusterProfile", null=True, blank=True, on_delete=models.CASCADE,
                                related_name="+", verbose_name=_("cluster organisation"))
    note = models.CharField(_("what should change"), max_length=300, blank=True)

    class Meta:
        ordering = ["action", "source", "pk"]
        verbose_name = _("impact indicator")
        verbose_name_plural = _("impact indicators")
        constraints = [
            models.CheckConstraint(
                condition=~Q(source=ImpactSource.MAPPING) | (~Q(dataset="") & ~Q(category="") & ~Q(measure="")),
                name="monitoring_mapping_impact_complete"),
            models.CheckConstraint(condition=~Q(source=ImpactSource.CLUSTER_EVALUATION) | Q(cluster__isnull=False),
                                   name="monitoring_evaluation_impact_names_cluster"),
        ]

    def __str__(self) -> str:
        return f"{self.get_source_display()} {self.region_code}"
