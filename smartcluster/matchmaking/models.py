"""B2B matchmaking events: sessions and time slots, registrations with opportunities, meetings, feedback, inbox."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from smartcluster.organisations.choices import OrganisationType
from smartcluster.site.validators import validate_time_zone


class EventMode(models.TextChoices):
    ONLINE = "online", _("Online (virtual rooms)")
    ON_SITE = "on_site", _("On site (numbered tables)")


class Event(models.Model):
    """A matchmaking event run by an organising organisation."""

    owner_path = "organiser"

    organiser = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="matchmaking_events",
        verbose_name=_("organiser"),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    time_zone = models.CharField(_("time zone"), max_length=64, default="Europe/Brussels",
                                 validators=[validate_time_zone])
    registration_opens_at = models.DateTimeField(_("registration opens"))
    registration_closes_at = models.DateTimeField(_("registration closes"))
    requests_close_at = models.DateTimeField(
        _("meeting requests close"), help_text=_("After this moment no new requests or answers are accepted.")
    )
    meeting_minutes = models.PositiveSmallIntegerField(_("meeting length (minutes)"), default=25)
    break_minutes = models.PositiveSmallIntegerField(_("break between meetings (minutes)"), default=5)
    mode = models.CharField(_("format"), max_length=10, choices=EventMode.choices, default=EventMode.ONLINE)
    table_count = models.PositiveSmallIntegerField(
        _("tables or virtual rooms"), default=10, help_text=_("Meetings that can run at the same time.")
    )
    max_meetings_per_participant = models.PositiveSmallIntegerField(_("maximum meetings per participant"), default=8)
    allowed_types = models.JSONField(
        _("participant types allowed"), default=list, blank=True,
        help_text=_("Organisation types that may register; empty: all."),
    )
    requires_acceptance = models.BooleanField(_("requests need acceptance"), default=True)
    is_published = models.BooleanField(_("published"), default=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-registration_opens_at", "title"]
        verbose_name = _("matchmaking event")
        verbose_name_plural = _("matchmaking events")
        constraints = [
            # A limit of 0 would fail silently (methods file, "common complaints"): refuse it in the database.
            models.CheckConstraint(condition=models.Q(max_meetings_per_participant__gte=1),
                                   name="event_max_meetings_positive"),
            models.CheckConstraint(condition=models.Q(meeting_minutes__gte=5), name="event_meeting_minutes_min"),
            models.CheckConstraint(condition=models.Q(table_count__gte=1), name="event_table_count_positive"),
            models.CheckConstraint(condition=models.Q(registration_closes_at__gt=models.F("registration_opens_at")),
                                   name="event_registration_window_ordered"),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        unknown = set(self.allowed_types or []) - set(OrganisationType.values)
        if unknown:
            raise ValidationError({"allowed_types": _("Unknown organisation types: %(types)s") % {
                "types": ", ".join(sorted(unknown))}})

    @property
    def is_online(self) -> bool:
        return self.mode == EventMode.ONLINE


class Session(models.Model):
    """A block of meeting time on one day, in the event's time zone; cut into time slots."""

    owner_path = "event__organiser"

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="sessions")
    date = models.DateField(_("day"))
    starts = models.TimeField(_("from"))
    ends = models.TimeField(_("until"))

    class Meta:
        ordering = ["event", "date", "starts"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [models.CheckConstraint(condition=models.Q(ends__gt=models.F("starts")),
                                              name="session_ends_after_start")]

    def __str__(self) -> str:
        return f"{self.date} {self.starts:%H:%M}–{self.ends:%H:%M}"


class TimeSlot(models.Model):
    """One meeting time; `number` counts the event's slots from 1 in time order."""

    owner_path = "event__organiser"

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="slots")
    session = models.ForeignKey(Session, null=True, blank=True, on_delete=models.SET_NULL, related_name="slots")
    number = models.PositiveSmallIntegerField(_("slot number"))
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))

    class Meta:
        ordering = ["event", "starts_at"]
        verbose_name = _("time slot")
        verbose_name_plural = _("time slots")
        constraints = [models.UniqueConstraint(fields=["event", "starts_at"], name="slot_start_unique_per_event")]

    def __str__(self) -> str:
        return f"#{self.number} {self.starts_at:%Y-%m-%d %H:%M} UTC"


class RegistrationStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for approval")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class Participant(models.Model):
    """A registration: one user's public profile at one event."""

    owner_path = "event__organiser"

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="participants")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="matchmaking_profiles")
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT,
                                     related_name="matchmaking_participations", verbose_name=_("organisation"))
    person = models.ForeignKey("organisations.Person", on_delete=models.PROTECT,
                               related_name="matchmaking_participations", verbose_name=_("person"))
    participant_type = models.CharField(_("organisation type"), max_length=30, choices=OrganisationType.choices)
    country = models.CharField(_("country code"), max_length=2)
    region = models.ForeignKey("regions.Region", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="+", verbose_name=_("region"))
    sectors = models.ManyToManyField("industries.Industry", blank=True, related_name="+",
                                     verbose_name=_("sectors (NACE)"))
    technologies = models.ManyToManyField("organisations.Tag", blank=True, related_name="+",
                                          verbose_name=_("technologies"))
    description = models.TextField(_("description"), blank=True)
    time_zone = models.CharField(_("your time zone"), max_length=64, validators=[validate_time_zone])
    unavailable_slots = models.ManyToManyField(TimeSlot, blank=True, related_name="unavailable_participants",
                                               verbose_name=_("unavailable slots"))
    consent_to_publish = models.BooleanField(_("I agree that my profile is shown to the event's participants"))
    status = models.CharField(_("status"), max_length=10, choices=RegistrationStatus.choices,
                              default=RegistrationStatus.PENDING)
    decision_note = models.CharField(_("reason"), max_length=300, blank=True)
    registered_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    # The secret in this participant's calendar-feed URL (calendar apps cannot log in).
    feed_token = models.CharField(max_length=64, unique=True, editable=False)

    class Meta:
        ordering = ["event", "organisation__name", "person__name"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [models.UniqueConstraint(fields=["event", "user"], name="participant_once_per_event")]

    def __str__(self) -> str:
        return f"{self.person.name} ({self.organisation.name})"

    @property
    def is_approved(self) -> bool:
        return self.status == RegistrationStatus.APPROVED


class OpportunityKind(models.TextChoices):
    OFFER = "offer", _("Offer")
    REQUEST = "request", _("Request")
    PARTNERSHIP = "partnership", _("Partnership")


class Opportunity(models.Model):
    owner_path = "participant__event__organiser"

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="opportunities")
    kind = models.CharField(_("kind"), max_length=15, choices=OpportunityKind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    keywords = models.CharField(_("keywords"), max_length=300, blank=True, help_text=_("Separated by commas."))

    class Meta:
        ordering = ["participant", "kind", "title"]
        verbose_name = _("opportunity")
        verbose_name_plural = _("opportunities")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title}"

    @property
    def keyword_list(self) -> list[str]:
        return [word.strip() for word in self.keywords.split(",") if word.strip()]


class MeetingStatus(models.TextChoices):
    PENDING = "pending", _("Requested")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    CANCELLED = "cancelled", _("Cancelled")


class Attendance(models.TextChoices):
    UNKNOWN = "", _("Not recorded")
    HELD = "held", _("Held")
    NO_SHOW = "no_show", _("No-show")


ACTIVE_STATUSES = (MeetingStatus.PENDING, MeetingStatus.ACCEPTED)


class Meeting(models.Model):
    """A meeting request and, once accepted and scheduled, the meeting itself."""

    owner_path = "event__organiser"

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="meetings")
    requester = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="requests_sent")
    recipient = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="requests_received")
    message = models.TextField(_("message"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=MeetingStatus.choices,
                              default=MeetingStatus.PENDING)
    slot = models.ForeignKey(TimeSlot, null=True, blank=True, on_delete=models.PROTECT, related_name="meetings")
    table = models.PositiveSmallIntegerField(_("table or room"), null=True, blank=True)
    is_locked = models.BooleanField(_("confirmed (kept by re-runs)"), default=False)
    unscheduled_reason = models.CharField(_("why not scheduled"), max_length=300, blank=True)
    video_url = models.URLField(_("video-room link"), max_length=500, blank=True)
    attendance = models.CharField(_("attendance"), max_length=10, choices=Attendance.choices, blank=True,
                                  default=Attendance.UNKNOWN)
    # iCalendar identity: the UID never changes; SEQUENCE rises with each material change (RFC 5545 §3.8.7.4).
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0)
    # The SEQUENCE the last reminder was sent for: a moved meeting is reminded again at its new time.
    reminded_sequence = models.PositiveIntegerField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["event", "slot__starts_at", "created_at"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.CheckConstraint(condition=~models.Q(requester=models.F("recipient")), name="meeting_not_with_self"),
            models.UniqueConstraint(fields=["slot", "table"], condition=models.Q(status="accepted"),
                                    name="meeting_one_per_table_and_slot"),
            models.CheckConstraint(
                condition=models.Q(slot__isnull=True) | models.Q(status="accepted") | models.Q(status="cancelled"),
                name="meeting_scheduled_only_when_accepted",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.requester} ↔ {self.recipient}"

    @property
    def is_scheduled(self) -> bool:
        return self.status == MeetingStatus.ACCEPTED and self.slot_id is not None

    def other_side(self, participant: Participant) -> Participant:
        return self.recipient if participant.pk == self.requester_id else self.requester

    def involves(self, participant: Participant | None) -> bool:
        return participant is not None and participant.pk in (self.requester_id, self.recipient_id)


class FeedbackOutcome(models.TextChoices):
    NO_INTEREST = "no_interest", _("No interest")
    INFORMATION = "information", _("Information exchanged")
    FOLLOW_UP = "follow_up", _("Follow-up meeting planned")
    AGREEMENT_EXPECTED = "agreement_expected", _("Agreement expected")
    AGREEMENT_REACHED = "agreement_reached", _("Agreement reached")


class Feedback(models.Model):
    """One side's short feedback on one meeting."""

    owner_path = "meeting__event__organiser"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="feedback")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="feedback_given")
    took_place = models.BooleanField(_("the meeting took place"), default=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=FeedbackOutcome.choices, blank=True)
    rating = models.PositiveSmallIntegerField(_("usefulness (1–5)"), null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    submitted_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["meeting", "participant"]
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "participant"], name="feedback_once_per_side"),
            models.CheckConstraint(condition=models.Q(rating__isnull=True) | models.Q(rating__gte=1, rating__lte=5),
                                   name="feedback_rating_1_to_5"),
        ]

    def __str__(self) -> str:
        return f"{self.participant} on {self.meeting}"


class ScheduleRun(models.Model):
    """One run of the scheduler: what it placed, what it could not and why."""

    owner_path = "event__organiser"

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="schedule_runs")
    ran_at = models.DateTimeField(auto_now_add=True)
    ran_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="+")
    accepted_count = models.PositiveIntegerField(default=0)
    scheduled_count = models.PositiveIntegerField(default=0)
    upper_bound = models.PositiveIntegerField(null=True, blank=True)
    is_optimal = models.BooleanField(default=False)
    total_breaks = models.PositiveIntegerField(null=True, blank=True)
    seconds = models.FloatField(default=0)
    conflicts = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-ran_at"]

    def __str__(self) -> str:
        return f"{self.event} {self.ran_at:%Y-%m-%d %H:%M}: {self.scheduled_count}/{self.accepted_count}"
