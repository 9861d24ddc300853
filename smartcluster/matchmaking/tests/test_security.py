"""Issue 13, defect 4, tried as an attacker: registration posted with CSRF enforced must not claim an
organisation nor widen consent; profiles, people and calendar files show only what the form promises."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from smartcluster.matchmaking import services
from smartcluster.matchmaking.models import Event, Participant
from smartcluster.matchmaking.tests.conftest import make_user
from smartcluster.organisations.models import Organisation, OrganisationType, Person
from smartcluster.site.tests.csrf import form_token

pytestmark = pytest.mark.django_db


def _rows() -> dict[str, Any]:
    """What a refused registration must leave unchanged."""
    return {"organisations": sorted(Organisation.objects.values_list("pk", "name", "is_published")),
            "people": sorted(Person.objects.values_list("pk", "organisation_id", "consent_to_list", "email")),
            "participants": sorted(Participant.objects.values_list("pk", "organisation_id", "user_id"))}


def _register_through_the_page(client: Client, event: Event, organisation: str) -> Any:
    url = reverse("matchmaking:register", args=[event.pk])
    token = form_token(client.get(url).content.decode())
    return client.post(url, {
        "csrfmiddlewaretoken": token, "organisation_name": organisation, "participant_type": "sme",
        "person_name": "Eve Mallory", "email": "eve@example.org", "country": "LT", "time_zone": "Europe/Vilnius",
        "consent_to_publish": "on", "opp-TOTAL_FORMS": "0", "opp-INITIAL_FORMS": "0"})


@pytest.mark.parametrize("published", [False, True])
def test_registering_with_an_existing_organisations_name_is_refused_and_changes_nothing(event, published):
    Organisation.objects.create(name="Victim Robotics", type=OrganisationType.SME, is_published=published)
    attacker = Client(enforce_csrf_checks=True)
    attacker.force_login(make_user("eve"))
    before = _rows()
    response = _register_through_the_page(attacker, event, "victim ROBOTICS")
    assert response.status_code == 200
    assert "is already registered and you are not one of its members" in response.content.decode()
    assert _rows() == before


def test_registering_with_a_new_name_creates_an_unpublished_organisation_and_sets_no_listing_consent(event):
    attacker = Client(enforce_csrf_checks=True)
    user = make_user("eve")
    attacker.force_login(user)
    assert _register_through_the_page(attacker, event, "Mallory Labs").status_code == 302
    person = Person.objects.get(user=user)
    assert person.organisation.name == "Mallory Labs" and not person.organisation.is_published
    assert not person.consent_to_list and not person.consent_to_contact
    people = Client().get("/api/organisations/people/").json()
    assert "Eve Mallory" not in str(people)  # not in the public people list without that consent


def test_a_forged_registration_without_the_csrf_token_changes_nothing(event):
    attacker = Client(enforce_csrf_checks=True)
    attacker.force_login(make_user("eve"))
    before = _rows()
    response = attacker.post(reverse("matchmaking:register", args=[event.pk]), {
        "organisation_name": "Mallory Labs", "participant_type": "sme", "person_name": "Eve",
        "email": "eve@example.org", "country": "LT", "time_zone": "UTC", "consent_to_publish": "on",
        "opp-TOTAL_FORMS": "0", "opp-INITIAL_FORMS": "0"})
    assert response.status_code == 403 and _rows() == before


def test_profiles_are_shown_only_to_the_events_approved_participants_and_organisers(
        event, participant_factory, organiser_user):
    ada, bo = participant_factory("ada"), participant_factory("bo")
    pending = participant_factory("pending", approve=False)
    catalogue = reverse("matchmaking:catalogue", args=[event.pk])
    profile = reverse("matchmaking:participant_detail", args=[event.pk, bo.pk])
    api_list = f"/api/matchmaking/events/{event.pk}/profiles/"
    api_detail = f"/api/matchmaking/events/{event.pk}/profiles/{bo.pk}"
    anonymous = Client()
    assert anonymous.get(catalogue).status_code == 302  # to the login page
    assert anonymous.get(profile).status_code == 302
    assert anonymous.get(api_list).status_code == 403 and "Bo Ltd" not in anonymous.get(api_list).content.decode()
    assert anonymous.get(api_detail).status_code == 404
    for outsider in (make_user("stranger"), pending.user):
        client = Client()
        client.force_login(outsider)
        assert client.get(catalogue).status_code == 403
        assert client.get(profile).status_code == 404
        assert client.get(api_list).status_code == 403 and client.get(api_detail).status_code == 404
        assert client.get(reverse("matchmaking:suggestions", args=[event.pk])).status_code in (403, 404)
    for insider in (ada.user, organiser_user):
        client = Client()
        client.force_login(insider)
        assert "Bo Ltd" in client.get(catalogue).content.decode()
        assert client.get(profile).status_code == 200
        assert client.get(api_list).json()["count"] == 2 and client.get(api_detail).status_code == 200


def test_a_participants_calendar_files_carry_no_address_of_the_other_side(event, participant_factory,
                                                                          organiser_user):
    ada, bo = participant_factory("ada"), participant_factory("bo")
    meeting = services.meeting_accept(user=bo.user, meeting=services.meeting_request(
        user=ada.user, requester=ada, recipient=bo))
    services.event_schedule(user=organiser_user, event=event, time_limit=5)
    client = Client()
    client.force_login(ada.user)
    for url in (reverse("matchmaking:meeting_ics", args=[meeting.pk]),
                reverse("matchmaking:agenda_ics", args=[event.pk])):
        content = client.get(url).content.decode()
        assert "BEGIN:VEVENT" in content and "bo@example.org" not in content
        assert "mailto:ada@example.org" in content
