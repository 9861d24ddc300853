"""Reads: suggestions from the library with reasons and organiser rules, catalogue, table plan, statistics."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser

from smartcluster.industries.models import Industry
from smartcluster.matchmaking import selectors, services
from smartcluster.matchmaking.charts import statistics_chart
from smartcluster.matchmaking.models import Meeting
from smartcluster.matchmaking.tests.conftest import create_event, register

pytestmark = pytest.mark.django_db


@pytest.fixture
def machinery(db: None) -> Industry:
    section = Industry.objects.create(code="C", eurostat_code="C", level=1, section="C", name="Manufacturing")
    return Industry.objects.create(code="28", eurostat_code="C28", level=2, section="C", parent=section,
                                   name="Manufacture of machinery and equipment n.e.c.")


def test_an_offer_that_meets_my_request_ranks_first_with_its_reason(participant_factory: Any,
                                                                   machinery: Industry) -> None:
    me = participant_factory("mira", opportunities=[
        {"kind": "request", "title": "Predictive maintenance sensors", "description": "vibration sensors for CNC"}])
    match = participant_factory("sensa", participant_type="research", sectors=[machinery], opportunities=[
        {"kind": "offer", "title": "Predictive maintenance sensors", "description": "vibration analytics"}])
    participant_factory("other", opportunities=[{"kind": "offer", "title": "Office cleaning services"}])
    suggestions = selectors.participant_suggestions(participant=me)
    assert suggestions[0].participant == match
    assert suggestions[0].reason.startswith(
        "their offer “Predictive maintenance sensors” matches your request “Predictive maintenance sensors”")
    assert suggestions[0].reason.endswith("complementary types (SME and Research organisation)")
    assert me not in [s.participant for s in suggestions]


def test_pending_and_rejected_participants_are_never_suggested(event: Any, organiser_user: Any,
                                                               participant_factory: Any) -> None:
    me = participant_factory("nora", opportunities=[{"kind": "request", "title": "Digital twin software"}])
    register(event, "pending", approve=False,
             opportunities=[{"kind": "offer", "title": "Digital twin software"}])
    rejected = participant_factory("rejected", opportunities=[{"kind": "offer", "title": "Digital twin software"}])
    services.participant_decide(user=organiser_user, participant=rejected, approve=False)
    assert selectors.participant_suggestions(participant=me) == []


def test_organisations_that_met_at_an_earlier_event_are_not_suggested_again(organiser_user: Any) -> None:
    earlier, later = create_event(organiser_user, title="2025 edition"), create_event(organiser_user, title="2026")
    a, b = register(earlier, "orla"), register(earlier, "piet")
    meeting = services.meeting_request(user=a.user, requester=a, recipient=b)
    meeting = services.meeting_accept(user=b.user, meeting=meeting)
    services.meeting_set_attendance(user=organiser_user, meeting=meeting, attendance="held")
    offer = [{"kind": "offer", "title": "Laser welding cells"}]
    again_a = services.participant_register(
        user=a.user, event=later, organisation_name="Orla Ltd", participant_type="sme", country="IE",
        person_name="Orla", email="", time_zone="Europe/Dublin", consent_to_publish=True,
        opportunities=[{"kind": "request", "title": "Laser welding cells"}])
    services.participant_decide(user=organiser_user, participant=again_a, approve=True)
    again_b = services.participant_register(
        user=b.user, event=later, organisation_name="Piet Ltd", participant_type="sme", country="NL",
        person_name="Piet", email="", time_zone="Europe/Amsterdam", consent_to_publish=True, opportunities=offer)
    services.participant_decide(user=organiser_user, participant=again_b, approve=True)
    newcomer = register(later, "quirin", opportunities=offer)
    again_a.refresh_from_db()
    assert [s.participant for s in selectors.participant_suggestions(participant=again_a)] == [newcomer]


def test_catalogue_filters_by_sector_prefix_type_and_opportunity_kind(event: Any, participant_factory: Any,
                                                                     machinery: Industry) -> None:
    maker = participant_factory("rolf", sectors=[machinery], opportunities=[{"kind": "offer", "title": "Gears"}])
    lab = participant_factory("sara", participant_type="university",
                              opportunities=[{"kind": "partnership", "title": "Horizon project"}])
    assert list(selectors.participant_catalogue(event=event, sector="C")) == [maker]
    assert list(selectors.participant_catalogue(event=event, sector="28")) == [maker]
    assert list(selectors.participant_catalogue(event=event, participant_type="university")) == [lab]
    assert list(selectors.participant_catalogue(event=event, kind="partnership")) == [lab]
    assert list(selectors.participant_catalogue(event=event, search="gears")) == [maker]


def test_table_plan_puts_each_meeting_in_its_slot_row_and_table_column(event: Any, organiser_user: Any,
                                                                      participant_factory: Any) -> None:
    a, b = participant_factory("tove"), participant_factory("ugo")
    meeting = services.meeting_request(user=a.user, requester=a, recipient=b)
    services.meeting_accept(user=b.user, meeting=meeting)
    services.event_schedule(user=organiser_user, event=event, time_limit=5)
    meeting = Meeting.objects.get(pk=meeting.pk)
    plan = selectors.table_plan(event=event)
    assert len(plan) == 4 and all(len(row.cells) == event.table_count for row in plan)
    placed = [(row.slot, index + 1) for row in plan for index, cell in enumerate(row.cells) if cell]
    assert placed == [(meeting.slot, meeting.table)]
    assert plan[0].starts_local.hour == 9  # Vilnius time, as the organiser prints it


def test_statistics_count_requests_outcomes_and_the_no_show_rate(event: Any, organiser_user: Any,
                                                                participant_factory: Any) -> None:
    people = [participant_factory(name, country=country)
              for name, country in [("vera", "LT"), ("wim", "NL"), ("xena", "LT"), ("yves", "FR")]]
    held = services.meeting_request(user=people[0].user, requester=people[0], recipient=people[1])
    held = services.meeting_accept(user=people[1].user, meeting=held)
    missed = services.meeting_request(user=people[2].user, requester=people[2], recipient=people[3])
    missed = services.meeting_accept(user=people[3].user, meeting=missed)
    services.meeting_request(user=people[0].user, requester=people[0], recipient=people[3])
    services.feedback_submit(user=people[0].user, meeting=held, took_place=True, outcome="follow_up")
    services.feedback_submit(user=people[3].user, meeting=missed, took_place=False)
    tables = {table.key: dict(map(tuple, table.rows)) for table in selectors.event_statistics(event=event)}
    assert tables["countries"] == {"FR": 1, "LT": 2, "NL": 1}
    assert tables["requests"]["Requested"] == 1 and tables["requests"]["Accepted"] == 2
    assert tables["attendance"]["Held"] == 1 and tables["attendance"]["No-show"] == 1
    assert tables["attendance"]["No-show rate (% of recorded)"] == 50.0
    assert tables["outcomes"]["Follow-up meeting planned"] == 1
    chart = statistics_chart(selectors.event_statistics(event=event)[4])
    assert "No-show rate (% of recorded)" not in chart["data"][0]["x"]


def test_suggestions_follow_a_profile_change_despite_the_cache(event: Any, participant_factory: Any) -> None:
    me = participant_factory("tess", opportunities=[{"kind": "request", "title": "Hydrogen storage tanks"}])
    other = participant_factory("ulf", opportunities=[{"kind": "offer", "title": "Office furniture"}])
    assert [s.participant for s in selectors.participant_suggestions(participant=me)] == []
    services.participant_update(user=other.user, participant=other, description="", time_zone="UTC", country="SE",
                                opportunities=[{"kind": "offer", "title": "Hydrogen storage tanks"}])
    assert [s.participant for s in selectors.participant_suggestions(participant=me)] == [other]


def test_a_participant_waiting_for_approval_already_gets_suggestions(event: Any, participant_factory: Any) -> None:
    waiting = register(event, "vic", approve=False, opportunities=[{"kind": "request", "title": "Laser cutting"}])
    offer = participant_factory("wanda", opportunities=[{"kind": "offer", "title": "Laser cutting"}])
    assert [s.participant for s in selectors.participant_suggestions(participant=waiting)] == [offer]


def test_a_users_own_profiles_are_theirs_only_and_none_for_the_anonymous(participant_factory: Any) -> None:
    mine = participant_factory("mira")
    participant_factory("sensa")

    assert list(selectors.participant_profiles_of(user=mine.user)) == [mine]
    assert list(selectors.participant_profiles_of(user=AnonymousUser())) == []
