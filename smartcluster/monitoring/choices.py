"""The enumerations of the monitoring app, public to every app (`models.py` re-imports them)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class WorkStrand(models.TextChoices):
    """The four strands every semester of the project idea has, in its order."""

    EXCHANGE = "exchange", _("Exchange of experience")
    COMMUNICATION = "communication", _("Communication and dissemination")
    MANAGEMENT = "management", _("Management")
    PILOT = "pilot", _("Pilot action")


class DeliverableKind(models.TextChoices):
    REPORT = "report", _("Report")
    EVENT = "event", _("Event")
    PRESS_RELEASE = "press_release", _("Press release")
    NEWSLETTER = "newsletter", _("Newsletter")
    VIDEO = "video", _("Video")
    WEBSITE_UPDATE = "website_update", _("Website update")
    POSTER = "poster", _("Poster")
    MEETING = "meeting", _("Meeting")
    PILOT_ACTION = "pilot_action", _("Pilot action")
    OTHER = "other", _("Other")


class DeliverableStatus(models.TextChoices):
    """The status of a deliverable entered by hand; a linked record's status replaces it (selectors derive it)."""

    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


class IndicatorCode(models.TextChoices):
    """Interreg 2021–2027 codes verified in shared/methods/evaluation.md §3 (Jems constants); never invent one."""

    RCO83 = "RCO83", _("RCO83 Strategies and action plans jointly developed")
    RCO84 = "RCO84", _("RCO84 Pilot actions developed jointly and implemented in projects")
    RCO87 = "RCO87", _("RCO87 Organisations cooperating across borders")
    RCO116 = "RCO116", _("RCO116 Jointly developed solutions")
    RCR79 = "RCR79", _("RCR79 Joint strategies and action plans taken up by organisations")
    RCR84 = "RCR84", _("RCR84 Organisations cooperating across borders after project completion")
    RCR104 = "RCR104", _("RCR104 Solutions taken up or up-scaled by organisations")


class IndicatorKind(models.TextChoices):
    OUTPUT = "output", _("Output")
    RESULT = "result", _("Result")


class IndicatorMeasure(models.TextChoices):
    """Where an indicator's achieved value comes from: counted from the platform's records, or entered by hand."""

    MANUAL = "manual", _("Entered by hand with evidence")
    PRACTICES_APPROVED = "practices_approved", _("Good practices approved")
    EVENTS_HELD = "events_held", _("Events held")
    EVENT_ATTENDEES = "event_attendees", _("People who attended events")
    STAKEHOLDERS_ENGAGED = "stakeholders_engaged", _("Stakeholders engaged")
    SMES_ASSESSED = "smes_assessed", _("SMEs assessed")
    B2B_MEETINGS_HELD = "b2b_meetings_held", _("B2B meetings held")
    ACTION_PLANS_DEVELOPED = "action_plans_developed", _("Action plans jointly developed")
    ACTION_PLANS_ADOPTED = "action_plans_adopted", _("Action plans adopted")


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")


class EvidenceReview(models.TextChoices):
    PENDING = "pending", _("Not yet reviewed")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")


class ActionPlanStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    ADOPTED = "adopted", _("Adopted")


class BackgroundKind(models.TextChoices):
    """What an action draws on (Part III "background" of the action plan)."""

    GOOD_PRACTICE = "good_practice", _("Good practice")
    RECOMMENDATION = "recommendation", _("Peer-review recommendation")
    BRAINSTORM = "brainstorm", _("Brainstorm")
    OTHER = "other", _("Other lesson learnt")


class ImplementationStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    DELAYED = "delayed", _("Delayed")
    IMPLEMENTED = "implemented", _("Implemented")
    NOT_IMPLEMENTED = "not_implemented", _("Not implemented")


class ImpactSource(models.TextChoices):
    """What an action should move, read from the section that records it."""

    MAPPING = "mapping", _("Cluster mapping figure")
    MATURITY = "maturity", _("Maturity of the region's SMEs")
    COLLABORATION = "collaboration", _("Collaboration links")
    CLUSTER_EVALUATION = "cluster_evaluation", _("Cluster evaluation score")


class MappingMeasure(models.TextChoices):
    EMPLOYMENT = "employment", _("Employment")
    LQ = "lq", _("Location quotient")
    STARS = "stars", _("Stars")
