"""The one find-or-create of organisations by name and of tags by name, and the apps that let people name an
organisation (matchmaking registration, maturity assessment) applying its rule."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone

from smartcluster.accounts.models import Membership, MembershipRole
from smartcluster.matchmaking import services as matchmaking
from smartcluster.matchmaking.models import Participant
from smartcluster.maturity import services as maturity
from smartcluster.maturity.packaged import packaged_definition
from smartcluster.organisations.choices import OrganisationType, SizeClass, TagKind
from smartcluster.organisations.models import Organisation, Person, Tag
from smartcluster.organisations.services import organisation_get_or_create, tag_list_get_or_create

pytestmark = pytest.mark.django_db


def _user(username: str, organisation: Organisation | None = None) -> Any:
    user = get_user_model().objects.create_user(username=username, password=None, email=f"{username}@example.org")
    if organisation is not None:
        Membership.objects.create(user=user, organisation=organisation, role=MembershipRole.PARTICIPANT)
    return user


@pytest.fixture
def acme() -> Organisation:
    """An organisation that belongs to someone else (its owner: a member of it)."""
    organisation = Organisation.objects.create(name="Acme Robotics", type=OrganisationType.SME)
    _user("acme-owner", organisation)
    return organisation


def _refused_field(error: pytest.ExceptionInfo[ValidationError]) -> list[str]:
    return list(error.value.message_dict)


# --- the service ---------------------------------------------------------------------------------------------------

def test_naming_an_unknown_organisation_creates_it_unpublished_with_the_given_fields() -> None:
    organisation = organisation_get_or_create(user=_user("newcomer"), name="  Nova Labs ", type=OrganisationType.SME,
                                              size_class=SizeClass.MICRO)
    organisation.refresh_from_db()
    assert (organisation.name, organisation.type, organisation.size_class, organisation.is_published) == (
        "Nova Labs", OrganisationType.SME, SizeClass.MICRO, False)


def test_a_member_naming_their_organisation_in_another_case_gets_it_and_nothing_is_created(acme: Organisation) -> None:
    member = _user("acme-member", acme)
    assert organisation_get_or_create(user=member, name="ACME robotics", type=OrganisationType.NGO) == acme
    acme.refresh_from_db()
    assert Organisation.objects.count() == 1 and acme.type == OrganisationType.SME  # the fields given change nothing


def test_an_organisation_the_caller_vouches_for_is_reused_without_membership(acme: Organisation) -> None:
    assert organisation_get_or_create(user=_user("invited"), name="acme robotics", vouched_ids=[acme.pk]) == acme


def test_naming_another_owners_organisation_in_another_case_is_refused_and_changes_nothing(acme: Organisation) -> None:
    with pytest.raises(ValidationError, match="already registered and you are not one of its members") as error:
        organisation_get_or_create(user=_user("stranger"), name=" acme ROBOTICS", type=OrganisationType.SME)
    assert _refused_field(error) == ["organisation_name"]
    assert list(Organisation.objects.values_list("name", flat=True)) == ["Acme Robotics"]


def test_tags_are_found_ignoring_case_created_once_and_kept_in_the_order_named() -> None:
    existing = Tag.objects.create(kind=TagKind.TECHNOLOGY, name="Robotics")
    Tag.objects.create(kind=TagKind.SECTOR, name="IoT")  # another kind: not this one
    tags = tag_list_get_or_create(names=["iot", " ROBOTICS", "", "IoT", "robotics "], kind=TagKind.TECHNOLOGY)
    assert [tag.name for tag in tags] == ["iot", "Robotics"] and tags[1] == existing
    assert Tag.objects.filter(kind=TagKind.TECHNOLOGY).count() == 2


def test_a_tag_name_too_long_is_refused_naming_the_field_and_nothing_is_created() -> None:
    with pytest.raises(ValidationError) as error:
        tag_list_get_or_create(names=["x" * 101], kind=TagKind.TECHNOLOGY)
    assert _refused_field(error) == ["name"] and not Tag.objects.exists()


# --- matchmaking registration --------------------------------------------------------------------------------------

@pytest.fixture
def event() -> Any:
    organiser = Organisation.objects.create(name="Cluster Lietuva", type=OrganisationType.CLUSTER)
    user = _user("organiser")
    Membership.objects.create(user=user, organisation=organiser, role=MembershipRole.PARTNER_EDITOR)
    now = timezone.now()
    return matchmaking.event_create(
        user=user, organiser=organiser, title="Smart Industry B2B", time_zone="Europe/Vilnius",
        registration_opens_at=now - dt.timedelta(days=1), registration_closes_at=now + dt.timedelta(days=10),
        requests_close_at=now + dt.timedelta(days=10), meeting_minutes=25, break_minutes=5, mode="online",
        table_count=5, max_meetings_per_participant=3, allowed_types=[], requires_acceptance=True,
        is_published=True)


def _register(event: Any, user: Any, organisation_name: str, technologies: tuple[str, ...] = ()) -> Participant:
    return matchmaking.participant_register(
        user=user, event=event, organisation_name=organisation_name, participant_type=OrganisationType.SME,
        country="LT", person_name="Rūta", email=user.email, time_zone="Europe/Vilnius", consent_to_publish=True,
        technologies=technologies)


def test_registering_under_another_owners_organisation_name_in_another_case_is_refused(event: Any,
                                                                                        acme: Organisation) -> None:
    stranger = _user("stranger")
    with pytest.raises(ValidationError) as error:
        _register(event, stranger, "ACME robotics")
    assert _refused_field(error) == ["organisation_name"]
    assert not Participant.objects.exists() and Organisation.objects.count() == 2
    assert not Person.objects.filter(user=stranger).exists()


def test_a_member_registering_under_their_organisation_in_another_case_reuses_it(event: Any,
                                                                                 acme: Organisation) -> None:
    participant = _register(event, _user("acme-member", acme), "acme Robotics")
    assert participant.organisation == acme and participant.person.organisation == acme
    assert Organisation.objects.count() == 2


def test_registration_technologies_reuse_the_tags_of_the_registry(event: Any) -> None:
    existing = Tag.objects.create(kind=TagKind.TECHNOLOGY, name="Machine vision")
    participant = _register(event, _user("newcomer"), "Nova Labs", ("machine VISION", "Digital twins", "digital twins"))
    assert sorted(tag.name for tag in participant.technologies.all()) == ["Digital twins", "Machine vision"]
    assert participant.technologies.filter(pk=existing.pk).exists() and Tag.objects.count() == 2


# --- maturity assessment -------------------------------------------------------------------------------------------

@pytest.fixture
def draft() -> Any:
    questionnaire = maturity.questionnaire_load(definition=packaged_definition("dma-sme-v1"), publish=True)
    return maturity.assessment_start(questionnaire=questionnaire, respondent_hash="respondent-key-hash")


def _profile(draft: Any, user: Any, name: str) -> Any:
    return maturity.assessment_profile_save(assessment=draft, user=user, organisation_name=name,
                                            size_class=SizeClass.SMALL, nace=None, region=None)


def test_an_assessment_under_another_owners_organisation_name_in_another_case_is_refused(draft: Any,
                                                                                          acme: Organisation) -> None:
    with pytest.raises(ValidationError) as error:
        _profile(draft, None, "acme ROBOTICS ")
    assert _refused_field(error) == ["organisation_name"]
    draft.refresh_from_db()
    assert draft.organisation is None and Organisation.objects.count() == 1


def test_a_member_assessing_their_organisation_named_in_another_case_reuses_it(draft: Any,
                                                                              acme: Organisation) -> None:
    assessment = _profile(draft, _user("acme-member", acme), "ACME Robotics")
    assert assessment.organisation == acme and Organisation.objects.count() == 1
