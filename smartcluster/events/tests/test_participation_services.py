"""Participation services: invitations through the organisations and notifications apps, registration by token or
account, attendance only for invited or registered people (service and database), counts by partner and helix,
the survey answered once with the increased-capacity count computed from the answers."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from smartcluster.events import selectors, services
from smartcluster.events.choices import EventKind, ParticipantGroup, RegistrationStatus
from smartcluster.events.models import FeedbackResponse, Registration
from smartcluster.events.tests.participation_factories import (
    build_world,
    make_event,
    make_person,
    participation_dump,
    partner_b,
    register,
)
from smartcluster.notifications.models import Notification
from smartcluster.organisations.choices import OrganisationType
from smartcluster.organisations.models import Organisation, Person

pytestmark = pytest.mark.django_db


def test_an_editor_invites_an_external_person_who_gets_an_email_with_the_token_link(
        django_capture_on_commit_callbacks) -> None:
    world = build_world()
    event = make_event(world)
    with django_capture_on_commit_callbacks(execute=True):
        registration = services.registration_invite(
            user=world.users["editor_a"], event=event, name="Eleni External", email="eleni@uni.example",
            group=ParticipantGroup.EXTERNAL, organisation_name="University of Thessaly",
            organisation_type=OrganisationType.UNIVERSITY, site_url="https://platform.example")
    person = Person.objects.get(email="eleni@uni.example")
    assert registration.person == person and registration.status == RegistrationStatus.INVITED
    assert person.organisation.name == "University of Thessaly" and not person.organisation.is_published
    [message] = mail.outbox
    assert message.to == ["eleni@uni.example"] and event.title in message.subject
    assert f"https://platform.example/events/registration/{registration.token}/" in message.body


def test_inviting_a_known_address_reuses_the_person_and_a_user_gets_it_in_the_inbox() -> None:
    world = build_world()
    event = make_event(world)
    world.person_a.user = world.users["viewer"]
    world.person_a.save()
    registration = services.registration_invite(user=world.users["editor_a"], event=event, name="Someone else",
                                                email="ANA@example.org", partner=world.partner_a,
                                                organisation_name="Unused Org", organisation_type="sme")
    assert not Organisation.objects.filter(name="Unused Org").exists()  # the person keeps their organisation
    assert registration.person == world.person_a and Person.objects.filter(email__iexact="ana@example.org").count() == 1
    notification = Notification.objects.get(user=world.users["viewer"])
    assert notification.url.endswith(f"/events/registration/{registration.token}/")
    with pytest.raises(ValidationError) as refused:
        services.registration_invite(user=world.users["editor_a"], event=event, name="Ana", email="ana@example.org")
    assert "email" in refused.value.message_dict


@pytest.mark.parametrize("role", ["editor_b", "viewer", "participant"])
def test_only_the_hosts_editors_invite_and_a_refusal_changes_nothing(role: str) -> None:
    world = build_world()
    event = make_event(world)
    before = participation_dump()
    with pytest.raises(PermissionDenied):
        services.registration_invite(user=world.users[role], event=event, name="X", email="x@example.org",
                                     organisation_name="New Org", organisation_type=OrganisationType.SME)
    assert participation_dump() == before and not Organisation.objects.filter(name="New Org").exists()


def test_an_invited_person_registers_with_needs_then_cancels() -> None:
    world = build_world()
    event = make_event(world)
    invited = services.registration_invite(user=world.users["editor_a"], event=event, name="Nikos",
                                           email="nikos@example.org")
    registered = services.registration_register(event=event, registration=invited, dietary_needs=" vegetarian ",
                                                accessibility_needs="wheelchair access")
    assert (registered.status, registered.dietary_needs, registered.accessibility_needs) == (
        RegistrationStatus.REGISTERED, "vegetarian", "wheelchair access")
    assert services.registration_cancel(registration=registered).status == RegistrationStatus.CANCELLED
    with pytest.raises(ValidationError):
        services.registration_cancel(registration=registered)


def test_a_token_of_another_event_does_not_register_for_this_one() -> None:
    world = build_world()
    event, other = make_event(world), make_event(world, title="Other")
    registration = register(other, make_person("Maria"))
    with pytest.raises(PermissionDenied):
        services.registration_register(event=event, registration=registration)


def test_a_logged_in_member_registers_for_a_public_event_as_partner_staff() -> None:
    world = build_world()
    event = make_event(world, host=partner_b(world))
    registration = services.registration_register(event=event, user=world.users["viewer"], dietary_needs="vegan")
    assert registration.person.user == world.users["viewer"] and registration.status == RegistrationStatus.REGISTERED
    with pytest.raises(PermissionDenied):
        services.registration_register(event=event, user=None)


def test_an_internal_event_is_not_open_to_outsiders_for_registration() -> None:
    world = build_world()
    event = make_event(world, is_published=False)
    outsider = type(world.users["viewer"]).objects.create_user(username="outsider")
    with pytest.raises(PermissionDenied):
        services.registration_register(event=event, user=outsider)
    assert not Registration.objects.exists()


def test_attendance_is_refused_for_a_declined_person_by_the_service_and_by_the_database() -> None:
    world = build_world()
    event = make_event(world)
    declined = register(event, make_person("Dimitra"), status=RegistrationStatus.DECLINED)
    before = participation_dump()
    with pytest.raises(ValidationError) as refused:
        services.attendance_set(user=world.users["editor_a"], registration=declined, attended=True)
    assert "attended" in refused.value.message_dict and "Dimitra" in refused.value.message_dict["attended"][0]
    assert participation_dump() == before
    with pytest.raises(IntegrityError), transaction.atomic():
        Registration.objects.filter(pk=declined.pk).update(attended=True)


def test_only_the_hosts_editors_take_attendance() -> None:
    world = build_world()
    registration = register(make_event(world), make_person("Petros"))
    with pytest.raises(PermissionDenied):
        services.attendance_set(user=world.users["editor_b"], registration=registration, attended=True)
    assert services.attendance_set(user=world.users["administrator"], registration=registration,
                                   attended=True).attended


def test_who_came_is_counted_by_partner_and_by_helix() -> None:
    world = build_world()
    event = make_event(world)
    staff_b = register(event, make_person("Bea", organisation_type=OrganisationType.PUBLIC_AUTHORITY),
                       partner=partner_b(world), group=ParticipantGroup.PARTNER_STAFF)
    firm = register(event, make_person("Fotis", organisation_type=OrganisationType.SME), partner=world.partner_a)
    cluster = register(event, make_person("Chloe", organisation_type=OrganisationType.CLUSTER),
                       partner=world.partner_a)
    register(event, make_person("Absent", organisation_type=OrganisationType.UNIVERSITY), partner=world.partner_a)
    loner = register(event, make_person("Lone"), status=RegistrationStatus.INVITED)
    for registration in (staff_b, firm, cluster, loner):
        services.attendance_set(user=world.users["editor_a"], registration=registration, attended=True)
    counts = selectors.attendance_counts(event=event)
    assert counts.attended == 4 and counts.registered == 4 and counts.invited == 1
    assert dict(counts.by_partner) == {"Agency A": 2, "Authority B": 1, "No partner": 1}
    assert dict(counts.by_helix) == {"Business": 2, "Government": 1, "Unknown": 1}


def test_the_survey_is_answered_once_by_a_participant_and_not_by_an_invitee_who_never_came() -> None:
    world = build_world()
    event = make_event(world)
    registration = register(event, make_person("Sofia"))
    services.feedback_submit(registration=registration, answers={"satisfaction": 5, "learning": 4,
                                                                 "most_useful": "Site visit"})
    with pytest.raises(ValidationError):
        services.feedback_submit(registration=registration, answers={"satisfaction": 1, "learning": 1})
    invitee = register(event, make_person("Ivo"), status=RegistrationStatus.INVITED)
    with pytest.raises(PermissionDenied):
        services.feedback_submit(registration=invitee, answers={"satisfaction": 3, "learning": 3})
    with pytest.raises(ValidationError) as refused:
        services.feedback_submit(registration=register(event, make_person("Kim")),
                                 answers={"satisfaction": 6, "learning": 3, "capacity_before": 2})
    assert set(refused.value.message_dict) == {"satisfaction", "capacity_before"}
    assert FeedbackResponse.objects.count() == 1


def test_the_survey_opens_when_the_event_starts() -> None:
    world = build_world()
    registration = register(make_event(world, days_ago=-3), make_person("Early"))
    with pytest.raises(ValidationError):
        services.feedback_submit(registration=registration, answers={"satisfaction": 4, "learning": 4})


def test_a_webinar_asks_capacity_before_and_after() -> None:
    world = build_world()
    registration = register(make_event(world, kind=EventKind.WEBINAR), make_person("Wen"))
    with pytest.raises(ValidationError) as refused:
        services.feedback_submit(registration=registration, answers={"satisfaction": 4, "learning": 4})
    assert set(refused.value.message_dict) == {"capacity_before", "capacity_after"}


def test_increased_capacity_equals_a_hand_count_of_the_pre_and_post_answers() -> None:
    world = build_world()
    webinar = make_event(world, kind=EventKind.WEBINAR)
    pairs = [(1, 3), (2, 2), (3, 4), (4, 3), (2, 5), (5, 5), (1, 2)]
    for number, (before, after) in enumerate(pairs):
        registration = register(webinar, make_person(f"Participant {number}"))
        services.feedback_submit(registration=registration, answers={
            "satisfaction": 4, "learning": 3, "capacity_before": before, "capacity_after": after,
            "to_improve": "More time" if number == 0 else ""})
    hand_count = 4  # (1→3), (3→4), (2→5), (1→2): after higher than before; (2,2) (4,3) (5,5) are not
    results = selectors.feedback_results(event=webinar)
    assert results.increased_capacity == hand_count == sum(after > before for before, after in pairs)
    by_field = {scale.field: scale for scale in results.scales}
    assert by_field["capacity_before"].mean == round(sum(b for b, _a in pairs) / 7, 2)
    assert dict(by_field["capacity_after"].distribution) == {1: 0, 2: 2, 3: 2, 4: 1, 5: 2}
    assert results.responses == 7 and results.to_improve == ["More time"]
    assert selectors.feedback_results(event=make_event(world)).increased_capacity is None


def test_a_nul_character_is_refused_naming_the_field_before_the_database_sees_it() -> None:
    world = build_world()
    event = make_event(world)
    with pytest.raises(ValidationError) as refused:
        services.registration_invite(user=world.users["editor_a"], event=event, name="X\x00", email="x@example.org")
    assert set(refused.value.message_dict) == {"name"}
    registration = register(event, make_person("Nul"))
    with pytest.raises(ValidationError) as refused:
        services.registration_register(event=event, registration=registration, dietary_needs="a\x00b")
    assert set(refused.value.message_dict) == {"dietary_needs"}
    with pytest.raises(ValidationError) as refused:
        services.feedback_submit(registration=registration, answers={"satisfaction": 3, "learning": 3,
                                                                     "to_improve": "\x00"})
    assert set(refused.value.message_dict) == {"to_improve"} and not FeedbackResponse.objects.exists()
