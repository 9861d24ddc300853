"""Reads of the matchmaking app: events, catalogue, suggestions, inbox, agendas, table plan, statistics."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db.models import Count, Max, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from smartcluster import suggestions
from smartcluster.accounts.permissions import can_change, editable_organisation_ids, is_administrator
from smartcluster.matchmaking.models import (
    ACTIVE_STATUSES,
    Attendance,
    Event,
    Feedback,
    FeedbackOutcome,
    Meeting,
    MeetingStatus,
    Participant,
    RegistrationStatus,
    TimeSlot,
)
from smartcluster.matchmaking.reasons import reason_text
from smartcluster.organisations.choices import OrganisationType

# --- events ------------------------------------------------------------------------------------------------------


def event_list(*, user: Any, search: str = "") -> QuerySet[Event]:
    """Published events, plus the unpublished ones of organisations the user edits."""
    events = Event.objects.select_related("organiser").annotate(
        participant_count=Count("participants", filter=Q(participants__status=RegistrationStatus.APPROVED))
    )
    if not is_administrator(user):
        events = events.filter(Q(is_published=True) | Q(organiser__in=editable_organisation_ids(user)))
    if search:
        events = events.filter(Q(title__icontains=search) | Q(description__icontains=search))
    # Explicit: an aggregate query does not apply Meta.ordering, and pages need a stable order.
    return events.order_by("-registration_opens_at", "title", "pk")


def event_get(*, user: Any, pk: int) -> Event:
    """One event the user may see (404 otherwise, so unpublished events do not leak)."""
    event = event_list(user=user).filter(pk=pk).first()
    if event is None:
        raise Http404(_("No such event."))
    return event


def event_is_organiser(*, user: Any, event: Event) -> bool:
    return can_change(user, event)


# --- participants ------------------------------------------------------------------------------------------------


def participant_of(*, user: Any, event: Event) -> Participant | None:
    """The user's own registration at the event, if any."""
    if not getattr(user, "is_authenticated", False):
        return None
    return Participant.objects.filter(event=event, user=user).select_related("organisation", "person").first()


def participant_profiles_of(*, user: Any) -> QuerySet[Participant]:
    """The user's own matchmaking profiles at every event, the latest first (e.g. to prefill another form)."""
    if not getattr(user, "is_authenticated", False):
        return Participant.objects.none()
    return Participant.objects.filter(user=user).select_related("event", "organisation").order_by("-registered_at")


def _profiles() -> QuerySet[Participant]:
    return Participant.objects.select_related("organisation", "person", "region").prefetch_related(
        "sectors", "technologies", "opportunities"
    )


def participant_catalogue(
    *,
    event: Event,
    search: str = "",
    country: str = "",
    participant_type: str = "",
    sector: str = "",
    technology: str = "",
    kind: str = "",
) -> QuerySet[Participant]:
    """Approved participants who consented to publish, narrowed by search text and filters."""
    participants = _profiles().filter(event=event, status=RegistrationStatus.APPROVED, consent_to_publish=True)
    if search:
        participants = participants.filter(
            Q(organisation__name__icontains=search) | Q(person__name__icontains=search)
            | Q(description__icontains=search) | Q(opportunities__title__icontains=search)
            | Q(opportunities__description__icontains=search) | Q(opportunities__keywords__icontains=search)
        )
    if country:
        participants = participants.filter(country__iexact=country)
    if participant_type:
        participants = participants.filter(participant_type=participant_type)
    if sector:
        # NACE codes nest by prefix (C, 26, 26.5, 26.51): a division matches its groups and classes.
        participants = participants.filter(Q(sectors__section=sector) | Q(sectors__code__startswith=sector))
    if technology:
        participants = participants.filter(technologies__name__iexact=technology)
    if kind:
        participants = participants.filter(opportunities__kind=kind)
    return participants.distinct()


def catalogue_may_view(*, user: Any, event: Event) -> bool:
    """The profiles are shown "to the event's participants", as registration promises: its approved
    participants, its organisers and administrators."""
    if can_change(user, event):
        return True
    me = participant_of(user=user, event=event)
    return me is not None and me.is_approved


def participant_get(*, user: Any, event: Event, pk: int) -> Participant:
    """A profile: to the event's catalogue viewers once approved with consent; always to its owner and the
    organisers (404 otherwise, so nobody learns who registered)."""
    participant = _profiles().filter(event=event, pk=pk).first()
    if participant is None:
        raise Http404(_("No such participant."))
    shown = participant.is_approved and participant.consent_to_publish and catalogue_may_view(user=user, event=event)
    if not (shown or participant.user_id == getattr(user, "pk", None) or can_change(user, event)):
        raise Http404(_("No such participant."))
    return participant


def participant_registrations(*, event: Event, status: str = "") -> QuerySet[Participant]:
    """All registrations of an event, for the organisers."""
    participants = _profiles().filter(event=event)
    return participants.filter(status=status) if status else participants


def event_countries(*, event: Event) -> list[str]:
    return sorted(set(Participant.objects.filter(event=event, status=RegistrationStatus.APPROVED)
                      .values_list("country", flat=True)))


# --- meetings ----------------------------------------------------------------------------------------------------


def _meetings() -> QuerySet[Meeting]:
    return Meeting.objects.select_related(
        "event", "slot", "requester__organisation", "requester__person", "recipient__organisation",
        "recipient__person",
    )


def meeting_get(*, user: Any, pk: int) -> Meeting:
    """A meeting, for its two sides and the event's organisers only."""
    meeting = _meetings().filter(pk=pk).first()
    if meeting is None or not (
        getattr(user, "pk", None) in (meeting.requester.user_id, meeting.recipient.user_id)
        or can_change(user, meeting.event)
    ):
        raise Http404(_("No such meeting."))
    return meeting


@dataclass
class Inbox:
    incoming: list[Meeting]
    outgoing: list[Meeting]
    accepted: list[Meeting]
    closed: list[Meeting]


def meeting_inbox(*, participant: Participant) -> Inbox:
    """The participant's requests and meetings, grouped by what she can do with them."""
    mine = _meetings().filter(Q(requester=participant) | Q(recipient=participant)).order_by("-created_at")
    inbox = Inbox([], [], [], [])
    for meeting in mine:
        if meeting.status == MeetingStatus.PENDING:
            (inbox.incoming if meeting.recipient_id == participant.pk else inbox.outgoing).append(meeting)
        elif meeting.status == MeetingStatus.ACCEPTED:
            inbox.accepted.append(meeting)
        else:
            inbox.closed.append(meeting)
    return inbox


def meeting_list(*, user: Any, event: Event | None = None, status: str = "") -> QuerySet[Meeting]:
    """Meetings the user takes part in, or organises."""
    meetings = _meetings()
    if not is_administrator(user):
        organised = Q(event__organiser__in=editable_organisation_ids(user))
        own = Q(requester__user=user) | Q(recipient__user=user) if getattr(user, "is_authenticated", False) else Q()
        meetings = meetings.filter(organised | own) if own else meetings.filter(organised)
    if event is not None:
        meetings = meetings.filter(event=event)
    if status:
        meetings = meetings.filter(status=status)
    return meetings.order_by("event", "slot__starts_at", "pk")


def meeting_held_organisation_pairs(*, user: Any) -> list[tuple[int, int]]:
    """The organisations of the two sides of every accepted meeting the user may read (`meeting_list`), held or
    not yet recorded (no-shows left out): who met whom, for the collaboration network."""
    meetings = meeting_list(user=user, status=MeetingStatus.ACCEPTED).exclude(attendance=Attendance.NO_SHOW)
    return list(meetings.values_list("requester__organisation_id", "recipient__organisation_id"))


def meeting_held_between(*, organiser_ids: list[int], first: dt.datetime, after: dt.datetime) -> QuerySet[Meeting]:
    """The meetings recorded as held of the events the given organisations organise, whose slot started from
    `first` until before `after`."""
    return Meeting.objects.filter(event__organiser_id__in=organiser_ids, status=MeetingStatus.ACCEPTED,
                                  attendance=Attendance.HELD, slot__starts_at__gte=first, slot__starts_at__lt=after)


def event_meetings(*, event: Event) -> QuerySet[Meeting]:
    """Every meeting request of an event with both sides and its slot, in the order they were made (for its
    organisers' reporting)."""
    return _meetings().filter(event=event).order_by("pk")


def pair_status(*, participant: Participant, other: Participant) -> Meeting | None:
    """The active request or meeting between two participants, if any."""
    return Meeting.objects.filter(
        Q(requester=participant, recipient=other) | Q(requester=other, recipient=participant),
        status__in=ACTIVE_STATUSES,
    ).first()


# --- agendas -----------------------------------------------------------------------------------------------------


@dataclass
class AgendaItem:
    meeting: Meeting
    partner: Participant
    starts: dt.datetime  # in the participant's own zone
    ends: dt.datetime
    partner_starts: dt.datetime  # the same moment in the partner's zone
    location: str


def meeting_location(meeting: Meeting) -> str:
    """Room or table label as shown in agendas and calendars."""
    if meeting.table is None:
        return ""
    if meeting.event.is_online:
        return _("Room %(number)d") % {"number": meeting.table}
    return _("Table %(number)d") % {"number": meeting.table}


def agenda(*, participant: Participant) -> list[AgendaItem]:
    """The participant's scheduled meetings in time order, in her own time zone and her partner's."""
    own_zone = zoneinfo.ZoneInfo(participant.time_zone)
    items = []
    meetings = _meetings().filter(Q(requester=participant) | Q(recipient=participant),
                                  status=MeetingStatus.ACCEPTED, slot__isnull=False).order_by("slot__starts_at")
    for meeting in meetings:
        partner = meeting.other_side(participant)
        items.append(AgendaItem(
            meeting=meeting, partner=partner,
            starts=meeting.slot.starts_at.astimezone(own_zone), ends=meeting.slot.ends_at.astimezone(own_zone),
            partner_starts=meeting.slot.starts_at.astimezone(zoneinfo.ZoneInfo(partner.time_zone)),
            location=meeting_location(meeting),
        ))
    return items


def unscheduled_meetings(*, participant: Participant) -> QuerySet[Meeting]:
    return _meetings().filter(Q(requester=participant) | Q(recipient=participant),
                              status=MeetingStatus.ACCEPTED, slot__isnull=True)


@dataclass
class TablePlanRow:
    slot: TimeSlot
    starts_local: dt.datetime
    cells: list[Meeting | None]


def table_plan(*, event: Event) -> list[TablePlanRow]:
    """One row per slot (event time zone), one cell per table: who meets where."""
    zone = zoneinfo.ZoneInfo(event.time_zone)
    placed: dict[tuple[int, int], Meeting] = {
        (meeting.slot_id, meeting.table): meeting
        for meeting in _meetings().filter(event=event, status=MeetingStatus.ACCEPTED, slot__isnull=False)
    }
    return [
        TablePlanRow(slot=slot, starts_local=slot.starts_at.astimezone(zone),
                     cells=[placed.get((slot.pk, table)) for table in range(1, event.table_count + 1)])
        for slot in event.slots.order_by("starts_at")
    ]


# --- statistics --------------------------------------------------------------------------------------------------


@dataclass
class StatisticTable:
    """One chart's data: a title, column headers and rows (the table shown under the chart and in the XLSX)."""

    key: str
    title: str
    columns: list[str]
    rows: list[list[Any]]


def event_statistics(*, event: Event) -> list[StatisticTable]:
    """Registrations by country and type, requests by status, attendance with the no-show rate, outcomes."""
    participants = Participant.objects.filter(event=event)
    by_country = Counter(participants.values_list("country", flat=True))
    type_labels = dict(OrganisationType.choices)
    by_type = Counter(participants.values_list("participant_type", flat=True))
    by_status = Counter(participants.values_list("status", flat=True))
    meetings = Meeting.objects.filter(event=event)
    request_status = Counter(meetings.values_list("status", flat=True))
    status_labels = dict(MeetingStatus.choices)
    accepted = meetings.filter(status=MeetingStatus.ACCEPTED)
    held = accepted.filter(attendance=Attendance.HELD).count()
    no_show = accepted.filter(attendance=Attendance.NO_SHOW).count()
    recorded = held + no_show
    outcomes = Counter(Feedback.objects.filter(meeting__event=event).exclude(outcome="")
                       .values_list("outcome", flat=True))
    outcome_labels = dict(FeedbackOutcome.choices)
    registration_labels = dict(RegistrationStatus.choices)
    return [
        StatisticTable("countries", _("Registrations by country"), [_("Country"), _("Registrations")],
                       [[country, count] for country, count in sorted(by_country.items())]),
        StatisticTable("types", _("Registrations by organisation type"), [_("Type"), _("Registrations")],
                       [[str(type_labels.get(kind, kind)), count] for kind, count in sorted(by_type.items())]),
        StatisticTable("registrations", _("Registrations by status"), [_("Status"), _("Registrations")],
                       [[str(registration_labels[s]), by_status.get(s, 0)] for s in RegistrationStatus.values]),
        StatisticTable("requests", _("Meeting requests by status"), [_("Status"), _("Requests")],
                       [[str(status_labels[s]), request_status.get(s, 0)] for s in MeetingStatus.values]),
        StatisticTable("attendance", _("Meetings held and no-shows"), [_("Meetings"), _("Number")],
                       [[_("Accepted"), accepted.count()], [_("Scheduled"), accepted.filter(slot__isnull=False).count()],
                        [_("Held"), held], [_("No-show"), no_show],
                        # No-show rate over meetings whose attendance was recorded, not all scheduled ones.
                        # xgettext:no-python-format
                        [_("No-show rate (% of recorded)"), round(100 * no_show / recorded, 1) if recorded else None]]),
        StatisticTable("outcomes", _("Meeting outcomes (feedback)"), [_("Outcome"), _("Answers")],
                       [[str(outcome_labels[o]), outcomes.get(o, 0)] for o in FeedbackOutcome.values]),
    ]


# --- suggestions -------------------------------------------------------------------------------------------------


def _sector_code(industry: Any) -> str:
    """NACE code with its section letter in front ("C28.41"), so the library sees the whole hierarchy."""
    return industry.code if industry.code == industry.section else f"{industry.section}{industry.code}"


def _profile(participant: Participant) -> suggestions.Profile:
    return suggestions.Profile(
        id=participant.pk, name=str(participant), organisation=participant.organisation_id,
        organisation_type=participant.participant_type,
        sectors=frozenset(_sector_code(industry) for industry in participant.sectors.all()),
        technologies=frozenset(tag.name for tag in participant.technologies.all()),
        opportunities=tuple(
            suggestions.Opportunity(kind=o.kind, title=o.title, description=o.description,
                                    keywords=tuple(o.keyword_list))
            for o in participant.opportunities.all()
        ),
    )


def _met_before(participants: list[Participant], event: Event) -> frozenset[frozenset[int]]:
    """Pairs of this event whose organisations already held a meeting at an earlier event (never re-matched)."""
    by_organisation: dict[int, list[int]] = {}
    for participant in participants:
        by_organisation.setdefault(participant.organisation_id, []).append(participant.pk)
    held = Meeting.objects.filter(
        attendance=Attendance.HELD, requester__organisation__in=by_organisation,
        recipient__organisation__in=by_organisation,
    ).exclude(event=event).values_list("requester__organisation", "recipient__organisation")
    return frozenset(
        frozenset((x, y)) for a, b in held for x in by_organisation[a] for y in by_organisation[b] if x != y
    )


@dataclass
class SuggestedMatch:
    participant: Participant
    score: float
    reason: str


SUGGESTIONS_CACHE_SECONDS = 600
Ranking = dict[int, list[tuple[int, float, tuple[suggestions.Reason, ...]]]]


def _rank(event: Event, profiles: list[Participant], limit: int) -> Ranking:
    rules = suggestions.Rules(met_before=_met_before(profiles, event))
    ranked = suggestions.suggest_matches([_profile(p) for p in profiles], top=limit, rules=rules)
    return {pk: [(s.other, s.score, s.reason) for s in items] for pk, items in ranked.items()}


def _event_ranking(event: Event, limit: int) -> Ranking:
    """Suggestions for every published profile of the event, cached until a registration or profile changes
    (the library ranks all profiles at once: about a second for a thousand)."""
    state = Participant.objects.filter(event=event).aggregate(
        count=Count("pk"), updated=Max("updated_at"), decided=Max("decided_at"))
    # Timestamps as numbers: a key with spaces would break memcached.
    stamps = ":".join(f"{moment.timestamp():.6f}" if moment else "-" for moment in (state["updated"], state["decided"]))
    # v2: reasons are codes since rankings serve every language; an older cached ranking is never read back.
    key = f"matchmaking-suggestions-v2:{event.pk}:{limit}:{state['count']}:{stamps}"
    ranking = cache.get(key)
    if ranking is None:
        ranking = _rank(event, list(participant_catalogue(event=event)), limit)
        cache.set(key, ranking, SUGGESTIONS_CACHE_SECONDS)
    return ranking


def participant_suggestions(*, participant: Participant, limit: int = 20) -> list[SuggestedMatch]:
    """Ranked partners for a participant among the event's published profiles, each with a reason
    (scores by `smartcluster.suggestions`: complementary opportunities, then sectors and technologies)."""
    event = participant.event
    ranked = _event_ranking(event, limit).get(participant.pk)
    if ranked is None:  # not published (yet): rank this one profile against the catalogue
        everyone = [participant, *participant_catalogue(event=event).exclude(pk=participant.pk)]
        ranked = _rank(event, everyone, limit)[participant.pk]
    partners = _profiles().in_bulk([other for other, _score, _reason in ranked])
    # Reasons are put into words here, after the cache: the cached ranking serves every language.
    return [SuggestedMatch(partners[other], score, reason_text(reason)) for other, score, reason in ranked
            if other in partners]
