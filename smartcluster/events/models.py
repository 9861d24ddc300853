"""Project life: the project's events of every kind (never `Event`: that is a matchmaking B2B event), their agenda,
stakeholder groups, registrations and attendance, minutes, decisions and actions, check-in issues, feedback,
brainstorms, materials, and the communication plan with its items."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from smartcluster.accounts.permissions import Visibility
from smartcluster.events.choices import (  # noqa: F401 - re-exported: `models.X` keeps working in the app
    ActionStatus,
    CommunicationKind,
    CommunicationStatus,
    EventKind,
    IssueTopic,
    KpiMeasure,
    MaterialKind,
    ParticipantGroup,
    RegistrationStatus,
)
from smartcluster.site.validators import validate_time_zone


def one_to_five(field: str, *, optional: bool = False) -> Q:
    """A 1–5 answer (the survey's scale), or no answer when optional."""
    within = Q(**{f"{field}__gte": 1}) & Q(**{f"{field}__lte": 5})
    return within | Q(**{f"{field}__isnull": True}) if optional else within


class ProjectLifeSettings(models.Model):
    """A project's settings for its life: how often the lead partner meets each partner online."""

    owner_path = "project__partners__organisation"
    visibility = Visibility.PUBLIC

    project = models.OneToOneField("organisations.Project", on_delete=models.CASCADE, related_name="life_settings")
    check_in_interval_days = models.PositiveSmallIntegerField(
        _("days between check-ins"), default=92,
        help_text=_("The lead partner is warned when a partner's last check-in is older than this."))

    class Meta:
        verbose_name = _("project life settings")
        verbose_name_plural = _("project life settings")
        constraints = [models.CheckConstraint(condition=Q(check_in_interval_days__gte=1),
                                              name="events_check_in_interval_positive")]

    def __str__(self) -> str:
        return str(self.project)


class StakeholderGroup(models.Model):
    """A partner's regional stakeholder group."""

    owner_path = "partner__organisation"
    visibility = Visibility.PUBLIC

    partner = models.OneToOneField("organisations.Partner", on_delete=models.CASCADE,
                                   related_name="stakeholder_group", verbose_name=_("partner"))
    name = models.CharField(_("name"), max_length=255)
    meetings_per_semester = models.PositiveSmallIntegerField(_("meetings planned per semester"), default=1)

    class Meta:
        ordering = ["partner"]
        verbose_name = _("stakeholder group")
        verbose_name_plural = _("stakeholder groups")

    def __str__(self) -> str:
        return self.name


class StakeholderGroupMember(models.Model):
    """An organisation (and the person who represents it) in a stakeholder group, from when to when."""

    owner_path = "group__partner__organisation"
    visibility = Visibility.PUBLIC

    group = models.ForeignKey(StakeholderGroup, on_delete=models.CASCADE, related_name="members")
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT,
                                     related_name="stakeholder_groups", verbose_name=_("organisation"))
    person = models.ForeignKey("organisations.Person", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="stakeholder_groups", verbose_name=_("represented by"))
    joined_on = models.DateField(_("joined on"))
    left_on = models.DateField(_("left on"), null=True, blank=True)

    class Meta:
        ordering = ["group", "organisation__name"]
        verbose_name = _("stakeholder group member")
        verbose_name_plural = _("stakeholder group members")
        constraints = [
            models.CheckConstraint(condition=Q(left_on__isnull=True) | Q(left_on__gte=F("joined_on")),
                                   name="events_group_member_leaves_after_joining"),
            models.UniqueConstraint(fields=["group", "organisation", "joined_on"], name="events_group_member_once"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.group})"


class ProjectEvent(models.Model):
    """One event of the project's life, hosted by a partner; its semester is derived from the date, never stored."""

    owner_path = "host__organisation"
    project_path = "project"  # an internal event is read by every partner of its project
    visibility = Visibility.PUBLISHED

    project = models.ForeignKey("organisations.Project", on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("kind"), max_length=30, choices=EventKind.choices)
    title = models.CharField(_("title"), max_length=255)
    host = models.ForeignKey("organisations.Partner", on_delete=models.PROTECT, related_name="hosted_events",
                             verbose_name=_("host partner"))
    partner_met = models.ForeignKey("organisations.Partner", null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="check_ins", verbose_name=_("partner met"),
                                    help_text=_("For a check-in: the partner the lead partner meets."))
    stakeholder_group = models.ForeignKey(StakeholderGroup, null=True, blank=True, on_delete=models.SET_NULL,
                                          related_name="meetings", verbose_name=_("stakeholder group"))
    matchmaking_event = models.ForeignKey("matchmaking.Event", null=True, blank=True, on_delete=models.SET_NULL,
                                          related_name="project_events", verbose_name=_("B2B matchmaking event"))
    thematic_focus = models.CharField(_("thematic focus"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    venue = models.CharField(_("place"), max_length=300, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    time_zone = models.CharField(_("time zone"), max_length=64, default="Europe/Brussels",
                                 validators=[validate_time_zone])
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    votes_per_participant = models.PositiveSmallIntegerField(
        _("votes per participant"), default=5, help_text=_("For a brainstorm: how many votes each participant has."))
    minutes = models.TextField(_("minutes"), blank=True)
    is_published = models.BooleanField(_("public"), default=False,
                                       help_text=_("Public events are shown to everyone; internal ones to the "
                                                   "project's partners only."))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("project event")
        verbose_name_plural = _("project events")
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="events_event_ends_after_start"),
            models.CheckConstraint(condition=~Q(kind=EventKind.CHECK_IN) | Q(partner_met__isnull=False),
                                   name="events_check_in_names_the_partner_met"),
            models.CheckConstraint(condition=Q(votes_per_participant__gte=1),
                                   name="events_brainstorm_votes_positive"),
        ]

    def __str__(self) -> str:
        return self.title


class EventSession(models.Model):
    """One item of an event's agenda, with its speakers."""

    owner_path = "event__host__organisation"
    visibility = Visibility.PUBLIC

    event = models.ForeignKey(ProjectEvent, on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(_("title"), max_length=255)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    speakers = models.CharField(_("speakers"), max_length=500, blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["event", "starts_at", "pk"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        constraints = [models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")),
                                              name="events_session_ends_after_start")]

    def __str__(self) -> str:
        return self.title


class Registration(models.Model):
    """A person invited to or registered for an event; attendance is recorded on it (so only for them)."""

    owner_path = "event__host__organisation"
    visibility = Visibility.OWNER_ONLY

    event = models.ForeignKey(ProjectEvent, on_delete=models.CASCADE, related_name="registrations")
    person = models.ForeignKey("organisations.Person", on_delete=models.PROTECT, related_name="event_registrations",
                               verbose_name=_("person"))
    group = models.CharField(_("comes as"), max_length=20, choices=ParticipantGroup.choices,
                             default=ParticipantGroup.STAKEHOLDER)
    partner = models.ForeignKey("organisations.Partner", null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="event_registrations", verbose_name=_("with partner"))
    status = models.CharField(_("status"), max_length=20, choices=RegistrationStatus.choices,
                              default=RegistrationStatus.INVITED)
    dietary_needs = models.CharField(_("dietary needs"), max_length=300, blank=True)
    accessibility_needs = models.CharField(_("accessibility needs"), max_length=300, blank=True)
    attended = models.BooleanField(_("attended"), default=False)
    token = models.CharField(max_length=43, unique=True, editable=False)
    invited_at = models.DateTimeField(_("invited at"), null=True, blank=True)
    registered_at = models.DateTimeField(_("registered at"), null=True, blank=True)

    class Meta:
        ordering = ["event", "person__name"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(fields=["event", "person"], name="events_registration_once"),
            models.CheckConstraint(
                condition=Q(attended=False) | Q(status__in=[RegistrationStatus.INVITED, RegistrationStatus.REGISTERED]),
                name="events_attendance_only_of_invited_or_registered"),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.event}"


class Decision(models.Model):
    """A numbered decision taken at an event (steering committees)."""

    owner_path = "event__host__organisation"
    visibility = Visibility.PUBLIC

    event = models.ForeignKey(ProjectEvent, on_delete=models.CASCADE, related_name="decisions")
    number = models.PositiveSmallIntegerField(_("number"))
    text = models.TextField(_("decision"))

    class Meta:
        ordering = ["event", "number"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        constraints = [models.UniqueConstraint(fields=["event", "number"], name="events_decision_number_once")]

    def __str__(self) -> str:
        return f"{self.event} #{self.number}"


class CheckInIssue(models.Model):
    """An issue raised at a partner check-in (administration, finance, progress)."""

    owner_path = "event__host__organisation"
    visibility = Visibility.OWNER_ONLY

    event = models.ForeignKey(ProjectEvent, on_delete=models.CASCADE, related_name="issues")
    topic = models.CharField(_("topic"), max_length=20, choices=IssueTopic.choices)
    text = models.TextField(_("issue"))

    class Meta:
        ordering = ["event", "topic", "pk"]
        verbose_name = _("check-in issue")
        verbose_name_plural = _("check-in issues")

    def __str__(self) -> str:
        return f"{self.get_topic_display()}: {self.text[:60]}"


class FollowUpAction(models.Model):
    """A follow-up action of an event (or of a check-in issue) with its owner, due date and status."""

    owner_path = "event__host__organisation"
    visibility = Visibility.PUBLIC

    event = models.ForeignKey(ProjectEvent, on_delete=models.CASCADE, related_name="actions")
    issue = models.ForeignKey(CheckInIssue, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="follow_ups", verbose_name=_("check-in issue"))
    title = models.CharField(_("action"), max_length=300)
    owner = models.ForeignKey("organisations.Person", on_delete=models.PROTECT, related_name="event_actions",
                              verbose_name=_("owner"))
    due_on = models.DateField(_("due on"))
    status = models.CharField(_("status"), max_length=10, choices=ActionStatus.choices, default=ActionStatus.OPEN)
    done_on = models.DateField(_("done on"), null=True, blank=True)

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("follow-up action")
        verbose_name_plural = _("follow-up actions")
        constraints = [models.CheckConstraint(condition=~Q(status=ActionStatus.DONE) | Q(done_on__isnull=False),
                                              name="events_done_action_has_its_date")]

    def __str__(self) -> str:
        return self.title


class FeedbackResponse(models.Model):
    """A participant's answers to the short survey after an event (1–5 scales; a webinar's capacity before/after)."""

    owner_path = "registration__event__host__organisation"
    visibility = Visibility.OWNER_ONLY

    registration = models.OneToOneField(Registration, on_delete=models.CASCADE, related_name="feedback")
    satisfaction = models.PositiveSmallIntegerField(_("satisfaction (1–5)"))
    learning = models.PositiveSmallIntegerField(_("what I learnt (1–5)"))
    capacity_before = models.PositiveSmallIntegerField(_("my capacity before (1–5)"), null=True, blank=True)
    capacity_after = models.PositiveSmallIntegerField(_("my capacity after (1–5)"), null=True, blank=True)
    most_useful = models.TextField(_("what was most useful"), blank=True)
    to_improve = models.TextField(_("what to improve"), blank=True)
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        constraints = [
            models.CheckConstraint(condition=one_to_five("satisfaction"), name="events_feedback_satisfaction_1_5"),
            models.CheckConstraint(condition=one_to_five("learning"), name="events_feedback_learning_1_5"),
            models.CheckConstraint(condition=one_to_five("capacity_before", optional=True),
                                   name="events_feedback_capacity_before_1_5"),
            models.CheckConstraint(condition=one_to_five("capacity_after", optional=True),
                                   name="events_feedback_capacity_after_1_5"),
        ]

    def __str__(self) -> str:
        return f"{self.registration}"


class BrainstormTheme(models.Model):
    """A theme the host groups a brainstorm's ideas into."""

    owner_path = "event__host__organisation"
    visibility = Visibility.PUBLIC

    event = models.ForeignKey(ProjectEvent, on_delete=models.CASCADE, related_name="themes")
    title = models.CharField(_("theme"), max_length=200)

    class Meta:
        ordering = ["event", "title"]
        verbose_name = _("brainstorm theme")
        verbose_name_plural = _("brainstorm themes")
        constraints = [models.UniqueConstraint(fields=["event", "title"], name="events_theme_once")]

    def __str__(self) -> str:
        return self.title


class BrainstormIdea(models.Model):
    """An idea a participant posted to a brainstorm."""

    owner_path = "event__host__organisation"
    visibility = Visibility.PUBLIC

    event = models.ForeignKey(ProjectEvent, on_delete=models.CASCADE, related_name="ideas")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    text = models.TextField(_("idea"))
    theme = models.ForeignKey(BrainstormTheme, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="ideas", verbose_name=_("theme"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["event", "created_at", "pk"]
        verbose_name = _("brainstorm idea")
        verbose_name_plural = _("brainstorm ideas")

    def __str__(self) -> str:
        return self.text[:80]


class BrainstormVote(models.Model):
    """One vote of a participant for an idea (dot voting: several on one idea allowed, within the budget)."""

    owner_path = "idea__event__host__organisation"
    visibility = Visibility.PUBLIC

    idea = models.ForeignKey(BrainstormIdea, on_delete=models.CASCADE, related_name="votes")
    voter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("brainstorm vote")
        verbose_name_plural = _("brainstorm votes")

    def __str__(self) -> str:
        return f"{self.voter} → {self.idea}"


class Material(models.Model):
    """A presentation, photo or document of an event; private ones are downloaded by the project's partners only."""

    owner_path = "event__host__organisation"
    visibility = Visibility.PUBLISHED

    event = models.ForeignKey(ProjectEvent, on_delete=models.CASCADE, related_name="materials")
    kind = models.CharField(_("kind"), max_length=20, choices=MaterialKind.choices)
    title = models.CharField(_("title"), max_length=255)
    file = models.FileField(_("file"), upload_to="events/materials/%Y/")
    content_type = models.CharField(_("content type"), max_length=100, editable=False)
    size = models.PositiveBigIntegerField(_("size (bytes)"), editable=False)
    is_published = models.BooleanField(_("public"), default=False)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["event", "kind", "title"]
        verbose_name = _("material")
        verbose_name_plural = _("materials")

    def __str__(self) -> str:
        return self.title


class CommunicationPlan(models.Model):
    """A project's communication plan, run by its communication partner."""

    owner_path = "responsible__organisation"
    visibility = Visibility.PUBLIC

    project = models.OneToOneField("organisations.Project", on_delete=models.CASCADE,
                                   related_name="communication_plan")
    responsible = models.ForeignKey("organisations.Partner", on_delete=models.PROTECT,
                                    related_name="communication_plans", verbose_name=_("communication partner"))
    objectives = models.TextField(_("objectives"), blank=True)

    class Meta:
        verbose_name = _("communication plan")
        verbose_name_plural = _("communication plans")

    def __str__(self) -> str:
        return str(self.project)


class TargetGroup(models.Model):
    owner_path = "plan__responsible__organisation"
    visibility = Visibility.PUBLIC

    plan = models.ForeignKey(CommunicationPlan, on_delete=models.CASCADE, related_name="target_groups")
    name = models.CharField(_("target group"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["plan", "name"]
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")
        constraints = [models.UniqueConstraint(fields=["plan", "name"], name="events_target_group_once")]

    def __str__(self) -> str:
        return self.name


class CommunicationChannel(models.Model):
    owner_path = "plan__responsible__organisation"
    visibility = Visibility.PUBLIC

    plan = models.ForeignKey(CommunicationPlan, on_delete=models.CASCADE, related_name="channels")
    name = models.CharField(_("channel"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["plan", "name"]
        verbose_name = _("communication channel")
        verbose_name_plural = _("communication channels")
        constraints = [models.UniqueConstraint(fields=["plan", "name"], name="events_channel_once")]

    def __str__(self) -> str:
        return self.name


class CommunicationKpi(models.Model):
    owner_path = "plan__responsible__organisation"
    visibility = Visibility.PUBLIC

    plan = models.ForeignKey(CommunicationPlan, on_delete=models.CASCADE, related_name="kpis")
    name = models.CharField(_("indicator"), max_length=200)
    unit = models.CharField(_("unit"), max_length=50)
    target = models.PositiveIntegerField(_("target"))
    measure = models.CharField(_("achieved value"), max_length=20, choices=KpiMeasure.choices,
                               default=KpiMeasure.MANUAL)
    item_kind = models.CharField(_("of items of kind"), max_length=20, choices=CommunicationKind.choices, blank=True,
                                 help_text=_("For a counted value: only items of this kind (empty: every kind)."))
    achieved = models.PositiveIntegerField(_("achieved (entered)"), null=True, blank=True,
                                           help_text=_("Only for a value entered by hand."))

    class Meta:
        ordering = ["plan", "name"]
        verbose_name = _("communication KPI")
        verbose_name_plural = _("communication KPIs")
        constraints = [
            models.UniqueConstraint(fields=["plan", "name"], name="events_kpi_once"),
            models.CheckConstraint(condition=Q(measure=KpiMeasure.MANUAL) | Q(achieved__isnull=True),
                                   name="events_kpi_counted_value_not_entered"),
        ]

    def __str__(self) -> str:
        return self.name


class CommunicationItem(models.Model):
    """A press release, newsletter, video, post, website update, poster or branding asset of the plan."""

    owner_path = "responsible__organisation"
    visibility = Visibility.PUBLIC

    project = models.ForeignKey("organisations.Project", on_delete=models.CASCADE, related_name="communication_items")
    kind = models.CharField(_("kind"), max_length=20, choices=CommunicationKind.choices)
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=255)
    due_semester = models.PositiveSmallIntegerField(_("due in semester"))
    responsible = models.ForeignKey("organisations.Partner", on_delete=models.PROTECT,
                                    related_name="communication_items", verbose_name=_("responsible partner"))
    status = models.CharField(_("status"), max_length=20, choices=CommunicationStatus.choices,
                              default=CommunicationStatus.PLANNED)
    published_on = models.DateField(_("published on"), null=True, blank=True)
    url = models.URLField(_("link"), blank=True)
    reach = models.PositiveIntegerField(_("reach"), null=True, blank=True,
                                        help_text=_("People reached: readers, viewers, recipients."))
    events = models.ManyToManyField(ProjectEvent, blank=True, related_name="communication_items",
                                    verbose_name=_("events it reports on"))

    class Meta:
        ordering = ["project", "due_semester", "kind", "number"]
        verbose_name = _("communication item")
        verbose_name_plural = _("communication items")
        constraints = [
            models.UniqueConstraint(fields=["project", "kind", "number"], name="events_item_number_once"),
            models.CheckConstraint(condition=Q(due_semester__gte=1), name="events_item_semester_positive"),
            models.CheckConstraint(condition=~Q(status=CommunicationStatus.PUBLISHED) | Q(published_on__isnull=False),
                                   name="events_published_item_has_its_date"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number}: {self.title}"
