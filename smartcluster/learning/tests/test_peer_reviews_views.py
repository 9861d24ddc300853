"""Peer reviews pages: the list and page show what the user may read (with the two-countries warning), the forms
post with CSRF enforced, the host responds through htmx, and the workbook reads well."""

from __future__ import annotations

import io

import openpyxl
import pytest
from django.test import Client
from django.urls import reverse

from smartcluster.events.choices import EventKind
from smartcluster.events.models import ProjectEvent
from smartcluster.events.tests.calendar_factories import make_event
from smartcluster.learning.choices import RecommendationResponse
from smartcluster.learning.models import PeerReview, PeerReviewParticipant, Recommendation
from smartcluster.learning.services import peer_review_participant_load
from smartcluster.learning.tests.peer_reviews_world import learning_dump, recommend, review_world
from smartcluster.organisations.models import Organisation
from smartcluster.reports.tests.readable import xlsx_problems

pytestmark = pytest.mark.django_db


def _client(user=None) -> Client:
    """A client that enforces CSRF: it first reads a page to get the token, as a browser would."""
    client = Client(enforce_csrf_checks=True)
    if user is not None:
        client.force_login(user)
    return client


def _post(client: Client, url: str, data: dict, **headers) -> object:
    client.get(reverse("learning:peer_review_list"))
    return client.post(url, {**data, "csrfmiddlewaretoken": client.cookies["csrftoken"].value}, **headers)


def test_list_and_page_show_the_review_its_participants_and_no_warning_at_two_countries():
    rw = review_world()
    listing = Client().get(reverse("learning:peer_review_list"))
    assert rw.review.event.title in listing.content.decode()
    page = Client().get(reverse("learning:peer_review_detail", args=[rw.review.pk])).content.decode()
    assert "Cluster managers lack digital skills." in page
    assert "Authority B" in page and "Cluster C" in page
    assert "besides the host&#x27;s" not in page


def test_page_warns_when_peers_come_from_one_country_besides_the_host():
    rw = review_world()
    rw.peer_c.delete()
    page = Client().get(reverse("learning:peer_review_detail", args=[rw.review.pk])).content.decode()
    assert "1 country besides the host" in page


def test_internal_review_is_hidden_from_the_public():
    rw = review_world(is_published=False)
    assert Client().get(reverse("learning:peer_review_detail", args=[rw.review.pk])).status_code == 404
    assert rw.review.event.title not in Client().get(reverse("learning:peer_review_list")).content.decode()
    assert _client(rw.users["viewer"]).get(
        reverse("learning:peer_review_detail", args=[rw.review.pk])).status_code == 200


def test_a_post_without_the_csrf_token_is_refused_and_changes_nothing():
    rw = review_world()
    recommendation = recommend(rw)
    client = _client(rw.users["editor_a"])
    before = learning_dump()
    response = client.post(reverse("learning:recommendation_respond", args=[recommendation.pk]),
                           {f"r{recommendation.pk}-response": "accepted", f"r{recommendation.pk}-reason": "Yes"})
    assert response.status_code == 403
    assert learning_dump() == before


def test_host_creates_a_review_with_its_event_in_one_step():
    rw = review_world()
    response = _post(_client(rw.users["editor_a"]), reverse("learning:peer_review_create_with_event"), {
        "host": rw.world.partner_a.pk, "title": "Peer review in Volos", "venue": "Volos",
        "time_zone": "Europe/Athens", "starts_at": "2026-04-01T09:00", "ends_at": "2026-04-02T17:00",
        "policy_challenge": "Few SMEs use the cluster's labs.", "is_published": "on"})
    event = ProjectEvent.objects.get(title="Peer review in Volos")
    assert event.kind == EventKind.PEER_REVIEW
    assert response.status_code == 302 and response["Location"].endswith(f"/{event.peer_review.pk}/")


def test_another_partner_may_not_create_a_review_of_the_hosts_event():
    rw = review_world()
    event = make_event(rw.world, title="Second review")
    before = learning_dump()
    response = _post(_client(rw.users["editor_b"]), reverse("learning:peer_review_create"),
                     {"event": event.pk, "policy_challenge": "Hijack"})
    # B hosts no peer review event without its review: sent to create one with its event, nothing saved.
    assert response["Location"] == reverse("learning:peer_review_create_with_event")
    assert not PeerReview.objects.filter(event=event).exists()
    assert learning_dump() == before


def test_host_adds_a_participant_named_by_an_existing_organisation_name_without_a_copy():
    rw = review_world()
    organisations = Organisation.objects.count()
    _post(_client(rw.users["editor_a"]), reverse("learning:peer_review_participant_add", args=[rw.review.pk]),
          {"role": "expert", "organisation_name": "authority b", "country": "IT",
           "person_name": "Bruno Bianchi", "person_email": "bruno@example.org"})
    expert = PeerReviewParticipant.objects.get(peer_review=rw.review, role="expert")
    assert expert.organisation == rw.world.org_b and expert.person.email == "bruno@example.org"
    assert Organisation.objects.count() == organisations


def test_peer_records_a_recommendation_drawing_on_a_practice():
    rw = review_world()
    response = _post(_client(rw.users["editor_b"]), reverse("learning:recommendation_add", args=[rw.review.pk]),
                     {"author": rw.peer_b.pk, "text": "Pool the labs.", "practices": [rw.practice.pk]})
    assert response.status_code == 302
    assert list(Recommendation.objects.get(text="Pool the labs.").practices.all()) == [rw.practice]


def test_viewer_may_not_open_the_recommendation_form():
    rw = review_world()
    assert _client(rw.users["viewer"]).get(
        reverse("learning:recommendation_add", args=[rw.review.pk])).status_code == 403


def test_host_responds_through_htmx_and_the_recommendation_is_redrawn():
    rw = review_world()
    recommendation = recommend(rw)
    response = _post(_client(rw.users["editor_a"]), reverse("learning:recommendation_respond",
                                                            args=[recommendation.pk]),
                     {f"r{recommendation.pk}-response": "accepted", f"r{recommendation.pk}-reason": "Fits."},
                     HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 200 and f'id="recommendation-{recommendation.pk}"' in body
    assert "<html" not in body and "Response recorded." in body
    recommendation.refresh_from_db()
    assert recommendation.response == RecommendationResponse.ACCEPTED


def test_a_response_without_reason_is_shown_on_the_form_and_saves_nothing():
    rw = review_world()
    recommendation = recommend(rw)
    before = learning_dump()
    response = _post(_client(rw.users["editor_a"]), reverse("learning:recommendation_respond",
                                                            args=[recommendation.pk]),
                     {f"r{recommendation.pk}-response": "accepted", f"r{recommendation.pk}-reason": ""},
                     HTTP_HX_REQUEST="true")
    assert 'role="alert"' in response.content.decode()
    assert learning_dump() == before


def test_peer_may_not_respond_and_nothing_changes():
    rw = review_world()
    recommendation = recommend(rw)
    before = learning_dump()
    response = _post(_client(rw.users["editor_b"]), reverse("learning:recommendation_respond",
                                                            args=[recommendation.pk]),
                     {f"r{recommendation.pk}-response": "accepted", f"r{recommendation.pk}-reason": "Yes"})
    assert response.status_code == 403
    assert learning_dump() == before


def test_recommendations_workbook_reads_well_and_holds_the_response():
    rw = review_world()
    recommendation = recommend(rw, practices=[rw.practice], response=RecommendationResponse.ACCEPTED,
                               response_reason="Fits measure 2.", responded_by=rw.users["editor_a"])
    response = Client().get(reverse("learning:peer_review_recommendations_xlsx", args=[rw.review.pk]))
    assert response.status_code == 200
    assert xlsx_problems(response.content, "recommendations.xlsx") == []
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).worksheets[0]
    row = [cell.value for cell in sheet[2]]
    assert recommendation.text in row and "Accepted" in row and "Innovation vouchers" in row


def test_a_person_who_did_not_agree_to_be_listed_is_named_to_colleagues_only():
    rw = review_world()
    rw.world.person_a.consent_to_list = False
    rw.world.person_a.save()
    peer_review_participant_load(peer_review=rw.review, organisation=rw.world.org_a, role="local_stakeholder",
                                 country="EL", person=rw.world.person_a)
    url = reverse("learning:peer_review_detail", args=[rw.review.pk])
    assert "Ana Alves" not in Client().get(url).content.decode()
    assert "Ana Alves" in _client(rw.users["viewer"]).get(url).content.decode()
    api = Client().get(f"/api/learning/peer-reviews/{rw.review.pk}/participants/").json()["items"]
    assert [p["person"] for p in api if p["role"] == "local_stakeholder"] == [None]


def test_host_sees_the_response_forms_and_the_author_reads_the_response():
    rw = review_world()
    recommendation = recommend(rw, response=RecommendationResponse.TO_CONSIDER, response_reason="Next call.",
                               responded_by=rw.users["editor_a"])
    url = reverse("learning:peer_review_detail", args=[rw.review.pk])
    host_page = _client(rw.users["editor_a"]).get(url).content.decode()
    assert f'name="r{recommendation.pk}-reason"' in host_page
    author_page = _client(rw.users["editor_b"]).get(url).content.decode()
    assert "To consider" in author_page and "Next call." in author_page and "by editor_a" in author_page
    assert f'name="r{recommendation.pk}-reason"' not in author_page
