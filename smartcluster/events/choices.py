"""The enumerations of the events app (project life), public to every app (`models.py` re-imports them)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    KICK_OFF = "kick_off", _("Kick-off meeting")
    STAKEHOLDER_MEETING = "stakeholder_meeting", _("Stakeholder group meeting")
    PEER_REVIEW = "peer_review", _("Peer review")
    WORKSHOP = "workshop", _("Interregional workshop")
    STUDY_VISIT = "study_visit", _("Study visit")
    WEBINAR = "webinar", _("Webinar")
    STEERING_COMMITTEE = "steering_committee", _("Steering committee")
    CHECK_IN = "check_in", _("Partner check-in")
    BRAINSTORM = "brainstorm", _("Brainstorm")
    FINAL_CONFERENCE = "final_conference", _("Final conference")
    OTHER = "other", _("Other")


class RegistrationStatus(models.TextChoices):
    INVITED = "invited", _("Invited")
    REGISTERED = "registered", _("Registered")
    DECLINED = "declined", _("Declined")
    CANCELLED = "cancelled", _("Cancelled")


class ParticipantGroup(models.TextChoices):
    STAKEHOLDER = "stakeholder", _("Stakeholder")
    PARTNER_STAFF = "partner_staff", _("Partner staff")
    EXTERNAL = "external", _("External")


class ActionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


class IssueTopic(models.TextChoices):
    ADMIN = "admin", _("Administration")
    FINANCE = "finance", _("Finance")
    PROGRESS = "progress", _("Progress")


class MaterialKind(models.TextChoices):
    PRESENTATION = "presentation", _("Presentation")
    PHOTO = "photo", _("Photo")
    DOCUMENT = "document", _("Document")


class CommunicationKind(models.TextChoices):
    PRESS_RELEASE = "press_release", _("Press release")
    NEWSLETTER = "newsletter", _("Newsletter")
    VIDEO = "video", _("Video")
    SOCIAL_MEDIA = "social_media", _("Social media post")
    WEBSITE_UPDATE = "website_update", _("Website update")
    POSTER = "poster", _("Poster")
    BRANDING = "branding", _("Branding asset")


class CommunicationStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    PUBLISHED = "published", _("Published")
    CANCELLED = "cancelled", _("Cancelled")


class KpiMeasure(models.TextChoices):
    """How a communication KPI's achieved value is obtained: counted from the items, or entered by hand."""

    ITEMS_PUBLISHED = "items_published", _("Items published (counted)")
    REACH = "reach", _("Reach of published items (summed)")
    EVENTS_REPORTED = "events_reported", _("Events reported on by published items (counted)")
    MANUAL = "manual", _("Entered by the communication partner")
