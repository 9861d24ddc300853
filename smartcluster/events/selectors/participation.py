"""Reads of the events app: participation (registrations, attendance counts, feedback results, materials)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from statistics import mean
from typing import Any

from django.db.models import Count, F, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from smartcluster.accounts.permissions import can_change, visible_queryset
from smartcluster.events.choices import EventKind, RegistrationStatus
from smartcluster.events.models import FeedbackResponse, Material, ProjectEvent, Registration
from smartcluster.organisations.choices import HELIX_ROLE_BY_TYPE, HelixRole

__all__ = [
    "AttendanceCounts",
    "FeedbackResults",
    "ScaleResult",
    "attendance_counts",
    "attending_organisations",
    "event_attendance_held",
    "feedback_list",
    "feedback_results",
    "material_get",
    "material_list",
    "registration_certificate_get",
    "registration_for_token",
    "registration_get",
    "registration_list",
    "registration_of_user",
    "registration_readable_by",
]

SCALE = range(1, 6)


def registration_list(*, user: Any, event: ProjectEvent | None = None) -> QuerySet[Registration]:
    """Registrations the user may read (the host's members and administrators), with person and partner."""
    queryset = visible_queryset(user, Registration.objects.select_related(
        "event", "person__organisation", "partner__organisation"))
    return queryset.filter(event=event) if event is not None else queryset


def registration_get(*, user: Any, pk: int) -> Registration:
    """One registration the user may read (404 otherwise)."""
    return get_object_or_404(registration_list(user=user), pk=pk)


def registration_for_token(*, token: str) -> Registration:
    """The registration an invitation link carries (404 for an unknown token)."""
    found = Registration.objects.select_related("event__project", "event__host__organisation", "person").filter(
        token=token).first() if token else None
    if found is None:
        raise Http404(_("This invitation link is not valid: ask the host for a new one."))
    return found


def registration_of_user(*, user: Any, event: ProjectEvent) -> Registration | None:
    """The logged-in user's own registration for the event, if any."""
    if not getattr(user, "is_authenticated", False):
        return None
    return Registration.objects.select_related("event", "person").filter(event=event, person__user=user).first()


def registration_readable_by(*, user: Any, registration: Registration) -> bool:
    """For a certificate: the participant themself (logged in) or the host's editors and administrators."""
    own = getattr(user, "is_authenticated", False) and registration.person.user_id == user.pk
    return bool(own) or can_change(user, registration.event)


def registration_certificate_get(*, user: Any, pk: int) -> Registration:
    """A registration whose certificate the user may download (see `registration_readable_by`); 404 otherwise."""
    found = Registration.objects.select_related("event__host__organisation", "person").filter(pk=pk).first()
    if found is None or not registration_readable_by(user=user, registration=found):
        raise Http404(_("No such registration."))
    return found


@dataclass(frozen=True)
class AttendanceCounts:
    """Who came to an event, counted by partner and by helix (from the organisation's type)."""

    attended: int
    registered: int
    invited: int
    by_partner: list[tuple[str, int]]
    by_helix: list[tuple[str, int]]


def attendance_counts(*, event: ProjectEvent) -> AttendanceCounts:
    """Counts for the host's pages and the event report (callers check the reader may see registrations)."""
    registrations = list(Registration.objects.filter(event=event).select_related(
        "person__organisation", "partner__organisation"))
    came = [registration for registration in registrations if registration.attended]
    partners = Counter(r.partner.organisation.name if r.partner else _("No partner") for r in came)
    helix_labels = dict(HelixRole.choices)
    helices = Counter(
        str(helix_labels[HELIX_ROLE_BY_TYPE[r.person.organisation.type]])
        if r.person.organisation and r.person.organisation.type in HELIX_ROLE_BY_TYPE else _("Unknown")
        for r in came)
    return AttendanceCounts(
        attended=len(came),
        registered=sum(r.status == RegistrationStatus.REGISTERED for r in registrations),
        invited=sum(r.status == RegistrationStatus.INVITED for r in registrations),
        by_partner=sorted(partners.items()), by_helix=sorted(helices.items()))


def event_attendance_held(*, project: Any, first: dt.datetime, after: dt.datetime,
                          host: Any = None) -> QuerySet[ProjectEvent]:
    """The project's events (hosted by `host`, if given) that ended from `first` until before `after` (and before
    now) with attendance recorded, each with `attended_count` (a person counts once per event)."""
    events = ProjectEvent.objects.filter(project=project, ends_at__gte=first, ends_at__lt=after,
                                         ends_at__lte=timezone.now())
    if host is not None:
        events = events.filter(host=host)
    return events.annotate(attended_count=Count("registrations", filter=Q(registrations__attended=True))) \
        .filter(attended_count__gt=0).order_by("ends_at", "pk")


def attending_organisations(*, user: Any) -> dict[int, set[int]]:
    """For each event the user may read (public ones; internal ones to the project's partners), the organisations
    of the people who attended it: organisation-level facts only, never who (for the collaboration network)."""
    events = visible_queryset(user, ProjectEvent.objects.all()).values("pk")
    attended = Registration.objects.filter(event__in=events, attended=True, person__organisation__isnull=False)
    organisations: dict[int, set[int]] = {}
    for event_id, organisation_id in attended.values_list("event_id", "person__organisation_id"):
        organisations.setdefault(event_id, set()).add(organisation_id)
    return organisations


@dataclass(frozen=True)
class ScaleResult:
    """One 1–5 question: how many answered, their mean and how many chose each value."""

    field: str
    label: str
    answers: int
    mean: float | None
    distribution: list[tuple[int, int]] = field(default_factory=list)


@dataclass(frozen=True)
class FeedbackResults:
    """An event's survey results: responses, each scale, the open answers and, for webinars, the increased count."""

    responses: int
    scales: list[ScaleResult]
    most_useful: list[str]
    to_improve: list[str]
    increased_capacity: int | None


def feedback_list(*, user: Any, event: ProjectEvent | None = None) -> QuerySet[FeedbackResponse]:
    """Survey answers the user may read (the host's members and administrators)."""
    queryset = visible_queryset(user, FeedbackResponse.objects.select_related(
        "registration__event", "registration__person", "registration__partner__organisation"))
    return queryset.filter(registration__event=event) if event is not None else queryset


def _scale(responses: list[FeedbackResponse], name: str) -> ScaleResult:
    values = [getattr(response, name) for response in responses if getattr(response, name) is not None]
    counts = Counter(values)
    label = str(FeedbackResponse._meta.get_field(name).verbose_name)
    return ScaleResult(name, label, len(values), round(mean(values), 2) if values else None,
                       [(value, counts[value]) for value in SCALE])


def feedback_results(*, event: ProjectEvent) -> FeedbackResults:
    """Results of the event's survey (callers check the reader may see feedback). "Participants reporting
    increased capacity" counts the webinar answers whose capacity after exceeds the one before."""
    answers = FeedbackResponse.objects.filter(registration__event=event)
    responses = list(answers.order_by("submitted_at", "pk"))
    is_webinar = event.kind == EventKind.WEBINAR
    names = ["satisfaction", "learning", *(["capacity_before", "capacity_after"] if is_webinar else [])]
    increased = answers.filter(capacity_after__gt=F("capacity_before")).count() if is_webinar else None
    return FeedbackResults(
        responses=len(responses), scales=[_scale(responses, name) for name in names],
        most_useful=[r.most_useful for r in responses if r.most_useful],
        to_improve=[r.to_improve for r in responses if r.to_improve], increased_capacity=increased)


def material_list(*, user: Any, event: ProjectEvent | None = None) -> QuerySet[Material]:
    """Materials the user may see: public ones to all, private ones to the host's members and administrators."""
    queryset = visible_queryset(user, Material.objects.select_related("event")).filter(
        event__in=visible_queryset(user, ProjectEvent.objects.all()))
    return queryset.filter(event=event) if event is not None else queryset


def material_get(*, user: Any, pk: int) -> Material:
    """One material the user may see, of an event they may read (404 otherwise, private ones included)."""
    return get_object_or_404(material_list(user=user), pk=pk)
