"""Live counts of the measured indicators: each record made through its own app's service moves its indicator's
count by exactly one, for its partner and semester; progress reports are pre-filled with them and frozen on
submission."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone

from smartcluster.events.choices import EventKind
from smartcluster.events.services import attendance_set, project_event_load, registration_load
from smartcluster.industries.models import Industry, NaceLevel
from smartcluster.learning.services import good_practice_load, good_practice_transition
from smartcluster.matchmaking import services as matchmaking
from smartcluster.matchmaking.models import Meeting, MeetingStatus
from smartcluster.maturity import services as maturity
from smartcluster.maturity.packaged import packaged_definition
from smartcluster.monitoring import selectors, services
from smartcluster.monitoring.choices import ActionPlanStatus, IndicatorMeasure, ReportStatus
from smartcluster.monitoring.models import IndicatorValue
from smartcluster.monitoring.tests.world import (
    MonitoringWorld,
    build_monitoring_world,
    make_action_plan,
    monitoring_dump,
)
from smartcluster.organisations.models import Organisation, OrganisationType, Person
from smartcluster.regions.models import Region
from smartcluster.stakeholders.services import stakeholder_load

pytestmark = pytest.mark.django_db

DESCRIPTION = ("Innovation vouchers let small manufacturers buy digital audits from cluster members. The regional "
               "agency pays seventy percent of an audit; the cluster matches firms with technology providers.")


def _indicator(mw: MonitoringWorld, measure: str) -> Any:
    return services.indicator_load(project=mw.project, name=str(IndicatorMeasure(measure).label), unit="count",
                                   kind="output", measure=measure)


def _live(indicator: Any, partner: Any = None, semester: int | None = None) -> Decimal | None:
    return selectors.indicator_live_value(indicator=indicator, partner=partner, semester=semester)


def test_approving_a_good_practice_counts_one_for_its_partner_in_the_semester() -> None:
    mw = build_monitoring_world()
    approved = _indicator(mw, IndicatorMeasure.PRACTICES_APPROVED)
    practice = good_practice_load(partner=mw.partner_a, title="Innovation vouchers", description=DESCRIPTION,
                                  organisation_in_charge=mw.partner_a.organisation)
    assert _live(approved, mw.partner_a) == 0
    good_practice_transition(user=mw.users["editor_lead"], practice=practice, to_status="project_approved")
    assert (_live(approved, mw.partner_a), _live(approved), _live(approved, mw.partner_b)) == (1, 1, 0)
    assert (_live(approved, mw.partner_a, semester=3), _live(approved, mw.partner_a, semester=2)) == (1, 0)


def _held_event(mw: MonitoringWorld) -> Any:
    starts = timezone.now() - dt.timedelta(days=1)
    return project_event_load(project=mw.project, title="Peer review in Lamia", host=mw.partner_a,
                              kind=EventKind.PEER_REVIEW, venue="Lamia", time_zone="Europe/Athens",
                              starts_at=starts, ends_at=starts + dt.timedelta(hours=8))


def test_recording_attendance_counts_the_event_once_and_each_attendee_once() -> None:
    mw = build_monitoring_world()
    held, attendees = _indicator(mw, IndicatorMeasure.EVENTS_HELD), _indicator(mw, IndicatorMeasure.EVENT_ATTENDEES)
    event = _held_event(mw)
    eleni, nikos = (registration_load(event=event, person=Person.objects.create(name=name, email=f"{name}@example.org"))
                    for name in ("eleni", "nikos"))
    assert (_live(held, mw.partner_a), _live(attendees, mw.partner_a)) == (0, 0)
    attendance_set(user=mw.users["editor_a"], registration=eleni, attended=True)
    assert (_live(held, mw.partner_a), _live(attendees, mw.partner_a)) == (1, 1)
    attendance_set(user=mw.users["editor_a"], registration=eleni, attended=True)
    attendance_set(user=mw.users["editor_a"], registration=nikos, attended=True)
    assert (_live(held, mw.partner_a), _live(attendees, mw.partner_a), _live(held, mw.partner_b)) == (1, 2, 0)


def _full_answers(questionnaire: Any) -> dict[str, Any]:
    """Answers to every question of the packaged questionnaire (the first options)."""
    answers: dict[str, Any] = {}
    for question in questionnaire.parsed().questions():
        if question.form == "ticks":
            answers[question.key] = [option.key for option in question.options if not option.negative][:2]
        elif question.form == "ticks_per_row":
            answers[question.key] = {row.key: ["invested"] for row in question.rows[:2]}
        else:
            answers[question.key] = {row.key: question.options[1].key for row in question.rows}
    return answers


def _assessment_submitted(region: Region, name: str, size_class: str = "small") -> Any:
    questionnaire = maturity.questionnaire_load(definition=packaged_definition("dma-sme-v1"), publish=True)
    sector = Industry.objects.get_or_create(code="C", defaults={"eurostat_code": "C", "level": NaceLevel.SECTION,
                                                                "section": "C", "name": "Manufacturing"})[0]
    assessment = maturity.assessment_start(questionnaire=questionnaire,
                                           respondent_hash=maturity.respondent_key_hash(f"key-{name}"))
    maturity.assessment_profile_save(assessment=assessment, user=None, organisation_name=name, size_class=size_class,
                                     nace=sector, region=region)
    maturity.assessment_answers_save(assessment=assessment, answers=_full_answers(questionnaire), step=7)
    return maturity.assessment_submit(assessment=assessment, questionnaire_code=questionnaire.code)


def test_submitting_a_maturity_assessment_in_the_partners_region_counts_one_sme() -> None:
    mw = build_monitoring_world()
    assessed = _indicator(mw, IndicatorMeasure.SMES_ASSESSED)
    assert _live(assessed, mw.partner_a) == 0
    _assessment_submitted(Region.objects.get(code="EL64"), "Lamia Metalworks")
    assert (_live(assessed, mw.partner_a), _live(assessed, mw.partner_b), _live(assessed)) == (1, 0, 1)


def test_only_assessments_of_smes_count_as_smes_assessed() -> None:
    mw = build_monitoring_world()
    assessed = _indicator(mw, IndicatorMeasure.SMES_ASSESSED)
    region = Region.objects.get(code="EL64")
    _assessment_submitted(region, "Lamia Metalworks")
    _assessment_submitted(region, "Chalkida Cement", size_class="large")
    university = _assessment_submitted(region, "University of Thessaly").organisation
    university.type = OrganisationType.UNIVERSITY
    university.save()
    assert _live(assessed, mw.partner_a) == 1


def _attended_meeting_ready(mw: MonitoringWorld) -> Meeting:
    """A matchmaking event organised by partner A today with an accepted, scheduled meeting of two SMEs."""
    organiser = mw.users["editor_a"]
    now = timezone.now()
    event = matchmaking.event_create(
        user=organiser, organiser=mw.partner_a.organisation, title="Sterea B2B", time_zone="Europe/Athens",
        registration_opens_at=now - dt.timedelta(days=1), registration_closes_at=now + dt.timedelta(days=1),
        requests_close_at=now + dt.timedelta(days=1), mode="online")
    matchmaking.session_add(user=organiser, event=event, date=timezone.localdate(), starts=dt.time(9),
                            ends=dt.time(11))
    sides = []
    for name in ("ana", "ben"):
        user = get_user_model().objects.create_user(username=name, password="pw-for-tests-1")
        participant = matchmaking.participant_register(
            user=user, event=event, organisation_name=f"{name.title()} Ltd", participant_type=OrganisationType.SME,
            country="EL", person_name=name.title(), email=f"{name}@example.org", time_zone=event.time_zone,
            consent_to_publish=True)
        sides.append(matchmaking.participant_decide(user=organiser, participant=participant, approve=True))
    return Meeting.objects.create(event=event, requester=sides[0], recipient=sides[1], status=MeetingStatus.ACCEPTED,
                                  slot=event.slots.order_by("starts_at").first(), table=1)


def test_recording_a_b2b_meeting_as_held_counts_one_for_the_organising_partner() -> None:
    mw = build_monitoring_world()
    meetings = _indicator(mw, IndicatorMeasure.B2B_MEETINGS_HELD)
    meeting = _attended_meeting_ready(mw)
    assert _live(meetings, mw.partner_a) == 0
    matchmaking.meeting_set_attendance(user=mw.users["editor_a"], meeting=meeting, attendance="held")
    assert (_live(meetings, mw.partner_a), _live(meetings, mw.partner_b), _live(meetings)) == (1, 0, 1)


def test_a_partners_stakeholders_count_when_entered_in_its_registry() -> None:
    mw = build_monitoring_world()
    engaged = _indicator(mw, IndicatorMeasure.STAKEHOLDERS_ENGAGED)
    stakeholder_load(partner=mw.partner_a,
                     organisation=Organisation.objects.create(name="Lamia Metalworks", type=OrganisationType.SME))
    assert (_live(engaged, mw.partner_a), _live(engaged, mw.partner_b)) == (1, 0)


def test_an_action_plan_counts_as_developed_once_joint_and_as_adopted_once_implementation_started() -> None:
    mw = build_monitoring_world()
    developed = _indicator(mw, IndicatorMeasure.ACTION_PLANS_DEVELOPED)
    adopted = _indicator(mw, IndicatorMeasure.ACTION_PLANS_ADOPTED)
    plan = make_action_plan(mw.partner_a)
    assert (_live(developed, mw.partner_a), _live(adopted, mw.partner_a)) == (0, 0)  # Greece alone is not joint
    plan.developed_with.add(mw.partner_b)
    assert (_live(developed, mw.partner_a), _live(adopted, mw.partner_a)) == (1, 0)
    plan.status, plan.adopted_on, plan.adopted_by = ActionPlanStatus.ADOPTED, timezone.localdate(), "Regional Council"
    plan.save()
    assert _live(adopted, mw.partner_a) == 0  # adopted, but its implementation has not started
    plan.implementation_started_on = timezone.localdate()
    plan.save()
    assert (_live(developed), _live(adopted)) == (1, 1)


def test_the_roll_up_shows_the_live_count_of_measured_indicators_only() -> None:
    mw = build_monitoring_world()
    _indicator(mw, IndicatorMeasure.EVENTS_HELD)
    services.indicator_load(project=mw.project, code="RCO84")
    attendance_set(user=mw.users["editor_a"], attended=True, registration=registration_load(
        event=_held_event(mw), person=Person.objects.create(name="Eleni", email="eleni@example.org")))
    live = {row.indicator.measure: row.live for row in selectors.indicator_progress_list(project=mw.project)}
    assert live == {IndicatorMeasure.EVENTS_HELD: 1, IndicatorMeasure.MANUAL: None}


def test_a_report_is_prefilled_with_the_semesters_live_count_and_frozen_when_submitted() -> None:
    mw = build_monitoring_world()
    held = _indicator(mw, IndicatorMeasure.EVENTS_HELD)
    event = _held_event(mw)
    first = registration_load(event=event, person=Person.objects.create(name="Eleni", email="eleni@example.org"))
    attendance_set(user=mw.users["editor_a"], registration=first, attended=True)
    report = services.progress_report_create(user=mw.users["editor_a"], partner=mw.partner_a, semester=3)
    value = IndicatorValue.objects.get(report=report, indicator=held)
    assert (value.value, value.is_computed) == (1, True)
    other = _held_event_named(mw, "Study visit in Chalkida")
    attendance_set(user=mw.users["editor_a"], attended=True, registration=registration_load(
        event=other, person=Person.objects.create(name="Nikos", email="nikos@example.org")))
    services.progress_report_submit(user=mw.users["editor_a"], report=report)
    value.refresh_from_db()
    assert (value.value, value.is_computed, value.report.status) == (2, True, ReportStatus.SUBMITTED)
    attendance_set(user=mw.users["editor_a"], attended=False, registration=first)
    value.refresh_from_db()
    assert value.value == 2  # frozen: later changes of the records no longer move a submitted report
    assert IndicatorValue.objects.filter(report=report).count() == 1  # manual indicators are not pre-filled


def _held_event_named(mw: MonitoringWorld, title: str) -> Any:
    starts = timezone.now() - dt.timedelta(days=2)
    return project_event_load(project=mw.project, title=title, host=mw.partner_a, kind=EventKind.STUDY_VISIT,
                              venue="Chalkida", time_zone="Europe/Athens", starts_at=starts,
                              ends_at=starts + dt.timedelta(hours=6))


def test_a_measured_value_typed_by_hand_is_refused_naming_indicator_and_nothing_is_saved() -> None:
    mw = build_monitoring_world()
    held = _indicator(mw, IndicatorMeasure.EVENTS_HELD)
    report = services.progress_report_create(user=mw.users["editor_a"], partner=mw.partner_a, semester=3)
    before = monitoring_dump()
    with pytest.raises(ValidationError) as error:
        services.progress_report_value_set(user=mw.users["editor_a"], report=report, indicator=held, value=7)
    assert "indicator" in error.value.message_dict
    assert monitoring_dump() == before
