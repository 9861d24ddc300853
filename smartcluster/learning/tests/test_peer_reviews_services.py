"""Peer reviews services and selectors: the two-countries warning, who records and who responds, the response
rules, and the accepted recommendations an action plan links to."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError

from smartcluster.events.choices import EventKind
from smartcluster.events.models import ProjectEvent
from smartcluster.events.tests.calendar_factories import make_event
from smartcluster.learning.choices import RecommendationResponse
from smartcluster.learning.models import PeerReview, PeerReviewParticipant
from smartcluster.learning.selectors import (
    peer_review_country_check,
    peer_review_list,
    peer_review_list_for_report,
    recommendation_accepted_list,
    recommendation_author_choices,
)
from smartcluster.learning.services import (
    peer_review_create,
    peer_review_create_with_event,
    peer_review_load,
    peer_review_participant_add,
    peer_review_participant_load,
    recommendation_load,
    recommendation_record,
    recommendation_respond,
)
from smartcluster.learning.tests.peer_reviews_world import learning_dump, recommend, review_world
from smartcluster.organisations.models import Organisation, OrganisationType

pytestmark = pytest.mark.django_db


def test_two_peer_countries_besides_the_host_give_no_warning():
    rw = review_world()
    check = peer_review_country_check(peer_review=rw.review)
    assert check.host_country == "EL"
    assert check.peer_countries == ["ES", "IT"]
    assert check.warning == ""


def test_one_peer_country_besides_the_host_warns():
    rw = review_world()
    rw.peer_c.delete()
    greek = Organisation.objects.create(name="Greek peer", type=OrganisationType.CLUSTER)
    peer_review_participant_load(peer_review=rw.review, organisation=greek, role="peer", country="EL")
    expert = Organisation.objects.create(name="Expert FR", type=OrganisationType.UNIVERSITY)
    peer_review_participant_load(peer_review=rw.review, organisation=expert, role="expert", country="FR")
    check = peer_review_country_check(peer_review=rw.review)
    # The Greek peer shares the host's country and the French participant is an expert: only Italy counts.
    assert check.peer_countries == ["IT"]
    assert "1 country besides the host's (EL)" in check.warning


def test_participant_country_defaults_to_the_organisations_nuts_country():
    rw = review_world()
    assert rw.peer_b.country == "IT"


def test_an_iso_country_code_is_read_as_nuts_so_a_greek_peer_is_the_hosts_country():
    rw = review_world()
    greek = Organisation.objects.create(name="Greek peer", type=OrganisationType.CLUSTER)
    peer = peer_review_participant_load(peer_review=rw.review, organisation=greek, role="peer", country="gr")
    assert peer.country == "EL"
    assert peer_review_country_check(peer_review=rw.review).peer_countries == ["ES", "IT"]


def test_participant_without_a_country_is_refused_naming_the_field():
    rw = review_world()
    nowhere = Organisation.objects.create(name="Nowhere", type=OrganisationType.CLUSTER)
    with pytest.raises(ValidationError) as refusal:
        peer_review_participant_load(peer_review=rw.review, organisation=nowhere, role="peer", country="")
    assert "country" in refusal.value.message_dict


def test_only_the_hosts_editors_add_participants():
    rw = review_world()
    expert = Organisation.objects.create(name="Expert", type=OrganisationType.UNIVERSITY)
    before = learning_dump()
    with pytest.raises(PermissionDenied):
        peer_review_participant_add(user=rw.users["editor_b"], peer_review=rw.review, organisation=expert,
                                    role="expert", country="FR")
    assert learning_dump() == before
    added = peer_review_participant_add(user=rw.users["editor_a"], peer_review=rw.review, organisation=expert,
                                        role="expert", country="fr")
    assert added.country == "FR"


def test_peer_review_needs_an_event_of_kind_peer_review():
    rw = review_world()
    workshop = make_event(rw.world, title="Workshop", kind=EventKind.WORKSHOP)
    with pytest.raises(ValidationError) as refusal:
        peer_review_create(user=rw.users["editor_a"], event=workshop, policy_challenge="Skills")
    assert "event" in refusal.value.message_dict


def test_only_the_host_creates_the_review_of_its_event():
    rw = review_world()
    event = make_event(rw.world, title="Second review")
    with pytest.raises(PermissionDenied):
        peer_review_create(user=rw.users["editor_b"], event=event, policy_challenge="Skills")
    assert not PeerReview.objects.filter(event=event).exists()
    review = peer_review_create(user=rw.users["editor_a"], event=event, policy_challenge="Skills")
    assert review.event == event


def test_review_created_with_its_event_in_one_step_or_not_at_all():
    rw = review_world()
    start = dt.datetime(2026, 3, 2, 9, 0)
    fields = {"title": "Peer review in Bologna", "host": rw.world.partner_a, "venue": "Bologna",
              "time_zone": "Europe/Rome", "starts_at": start, "ends_at": start + dt.timedelta(hours=8),
              "is_published": False}
    with pytest.raises(ValidationError):
        peer_review_create_with_event(user=rw.users["editor_a"], project=rw.world.project, policy_challenge=" ",
                                      **fields)
    assert not ProjectEvent.objects.filter(title="Peer review in Bologna").exists()
    review = peer_review_create_with_event(user=rw.users["editor_a"], project=rw.world.project,
                                           policy_challenge="Skills", **fields)
    assert review.event.kind == EventKind.PEER_REVIEW and review.is_published is False


def test_peers_editors_record_their_recommendation_with_readable_practices():
    rw = review_world()
    recommendation = recommendation_record(user=rw.users["editor_b"], peer_review=rw.review, author=rw.peer_b,
                                           text="Pool vouchers.", rationale="It worked in Emilia.",
                                           practices=[rw.practice])
    assert list(recommendation.practices.all()) == [rw.practice]
    assert recommendation.response == RecommendationResponse.PENDING


def test_a_practice_the_user_may_not_read_is_refused():
    rw = review_world()
    before = learning_dump()
    with pytest.raises(ValidationError) as refusal:
        recommendation_record(user=rw.users["editor_b"], peer_review=rw.review, author=rw.peer_b,
                              text="Copy this.", practices=[rw.foreign_practice])
    assert "practices" in refusal.value.message_dict
    assert learning_dump() == before


def test_an_editor_may_not_write_for_another_peer_but_the_host_may():
    rw = review_world()
    before = learning_dump()
    with pytest.raises(PermissionDenied):
        recommendation_record(user=rw.users["editor_b"], peer_review=rw.review, author=rw.peer_c, text="Mine.")
    assert learning_dump() == before
    on_behalf = recommendation_record(user=rw.users["editor_a"], peer_review=rw.review, author=rw.peer_c,
                                      text="Noted at the meeting.")
    assert on_behalf.author == rw.peer_c
    assert set(recommendation_author_choices(user=rw.users["editor_b"], peer_review=rw.review)) == {rw.peer_b}


def test_the_host_responds_and_who_and_when_are_recorded():
    rw = review_world()
    recommendation = recommend(rw)
    answered = recommendation_respond(user=rw.users["editor_a"], recommendation=recommendation,
                                      response=RecommendationResponse.ACCEPTED, reason="Fits measure 2.")
    assert answered.responded_by == rw.users["editor_a"]
    assert answered.responded_at is not None and answered.response_reason == "Fits measure 2."


@pytest.mark.parametrize("role", ["editor_b", "participant", "viewer", "anonymous"])
def test_only_the_host_responds_and_a_refusal_changes_nothing(role):
    rw = review_world()
    recommendation = recommend(rw)
    before = learning_dump()
    user = rw.users.get(role) or AnonymousUser()
    with pytest.raises(PermissionDenied):
        recommendation_respond(user=user, recommendation=recommendation, response=RecommendationResponse.ACCEPTED,
                               reason="Yes")
    assert learning_dump() == before


@pytest.mark.parametrize(("response", "reason", "field"), [
    (RecommendationResponse.ACCEPTED, "  ", "response_reason"),
    (RecommendationResponse.PENDING, "Later", "response"),
    ("maybe", "Hm", "response"),
])
def test_a_response_needs_a_known_answer_and_a_reason(response, reason, field):
    rw = review_world()
    recommendation = recommend(rw)
    before = learning_dump()
    with pytest.raises(ValidationError) as refusal:
        recommendation_respond(user=rw.users["editor_a"], recommendation=recommendation, response=response,
                               reason=reason)
    assert field in refusal.value.message_dict
    assert learning_dump() == before


def test_accepted_recommendations_are_listed_for_action_plans_pending_and_declined_are_not():
    rw = review_world()
    accepted = recommend(rw, "Accept me.")
    recommendation_respond(user=rw.users["editor_a"], recommendation=accepted,
                           response=RecommendationResponse.ACCEPTED, reason="Fits measure 2.")
    recommend(rw, "Still pending.")
    declined = recommend(rw, "Not for us.")
    recommendation_respond(user=rw.users["editor_a"], recommendation=declined,
                           response=RecommendationResponse.NOT_APPLICABLE, reason="No such instrument here.")
    considered = recommend(rw, "Maybe.")
    recommendation_respond(user=rw.users["editor_a"], recommendation=considered,
                           response=RecommendationResponse.TO_CONSIDER, reason="Next call.")
    assert list(recommendation_accepted_list(partner=rw.world.partner_a)) == [accepted]
    assert list(recommendation_accepted_list(project=rw.world.project)) == [accepted]
    assert list(recommendation_accepted_list(partner=rw.peer_b.organisation.partnerships.first())) == []


def test_demo_writer_records_a_response_with_its_reason():
    rw = review_world()
    loaded = recommendation_load(peer_review=rw.review, author=rw.peer_c, text="Open data.", practices=[rw.practice],
                                 response=RecommendationResponse.ACCEPTED, response_reason="Yes",
                                 responded_by=rw.users["editor_a"])
    assert loaded.responded_at is not None
    with pytest.raises(ValidationError):
        recommendation_load(peer_review=rw.review, author=rw.peer_c, text="Open data.",
                            response=RecommendationResponse.ACCEPTED)


def test_internal_reviews_are_read_by_the_projects_partners_only():
    rw = review_world(is_published=False)
    assert list(peer_review_list(user=rw.users["editor_b"])) == [rw.review]
    assert list(peer_review_list(user=rw.users["viewer"])) == [rw.review]
    assert list(peer_review_list(user=AnonymousUser())) == []
    assert peer_review_list_for_report(user=AnonymousUser(), project=rw.world.project) == []


def test_report_selector_loads_participants_and_recommendations():
    rw = review_world()
    recommend(rw)
    [review] = peer_review_list_for_report(user=rw.users["viewer"], event=rw.review.event)
    assert [p.organisation.name for p in review.participants.all()] == ["Authority B", "Cluster C"]
    assert [p.person_shown for p in review.participants.all()] == [None, None]
    assert [r.text for r in review.recommendations.all()] == ["Train cluster managers in data skills."]


def test_a_second_review_of_one_event_is_refused():
    rw = review_world()
    with pytest.raises(ValidationError) as refusal:
        peer_review_load(event=rw.review.event, policy_challenge="Again")
    assert "event" in refusal.value.message_dict
    assert PeerReviewParticipant.objects.count() == 2
