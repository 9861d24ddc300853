"""`smartcluster setup` and the demo: loaded by the first setup only, put back with --demo, removed with
--remove-demo, and only ever the demo's own records."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth import get_user_model
from django.db import models

from smartcluster.accounts.models import Membership, MembershipRole
from smartcluster.demo.models import DemoRecord
from smartcluster.demo.selectors import demo_record_get
from smartcluster.matchmaking.models import Event, Meeting, Participant
from smartcluster.maturity.models import Assessment, Campaign
from smartcluster.organisations.models import Organisation, OrganisationType, Partner, Person, Project, Tag

pytestmark = pytest.mark.django_db
MURCIA = "Business Development Agency of the Region of Murcia"
MODELS: tuple[type[models.Model], ...] = (Project, Organisation, Partner, Person, get_user_model(), Membership,
                                          Tag, Event, Participant, Meeting, Campaign, Assessment)


def snapshot() -> dict[str, list[tuple]]:
    """Every row of the kinds the demo makes, with the fields an administrator edits."""
    return {
        "organisations": list(Organisation.objects.values_list("pk", "name", "description").order_by("pk")),
        "partners": list(Partner.objects.values_list("pk", "organisation_id", "role").order_by("pk")),
        "people": list(Person.objects.values_list("pk", "name").order_by("pk")),
        "users": list(get_user_model().objects.values_list("pk", "username").order_by("pk")),
        "projects": list(Project.objects.values_list("pk", "acronym").order_by("pk")),
        "events": list(Event.objects.values_list("pk", "title").order_by("pk")),
        "participants": list(Participant.objects.values_list("pk").order_by("pk")),
        "meetings": list(Meeting.objects.values_list("pk", "status").order_by("pk")),
        "assessments": list(Assessment.objects.values_list("pk").order_by("pk")),
    }


def delete_event() -> None:
    """Delete the demo event as an administrator can: its scheduled meetings first (they protect their slots)."""
    Meeting.objects.all().delete()
    Event.objects.get().delete()


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def test_setup_loads_the_demo_once_and_what_an_administrator_deleted_or_renamed_stays_so(
        setup: Callable) -> None:
    setup()
    wsx = Organisation.objects.get(name="WSX Ireland")
    Partner.objects.filter(organisation=wsx).delete()
    wsx.delete()
    Organisation.objects.filter(name=MURCIA).update(name="Murcia agency (our own name)")
    delete_event()
    Person.objects.filter(name="Eleni Papadopoulou").update(name="Eleni P.")
    edited = snapshot()

    setup()
    setup()

    assert snapshot() == edited
    assert Partner.objects.count() == 6
    assert not Organisation.objects.filter(name=MURCIA).exists()


def test_setup_demo_puts_back_what_was_deleted_or_renamed(setup: Callable) -> None:
    setup()
    loaded = counts()
    Partner.objects.filter(organisation__name="WSX Ireland").delete()
    Organisation.objects.filter(name="WSX Ireland").delete()
    Organisation.objects.filter(name=MURCIA).update(name="Murcia agency (our own name)")
    delete_event()
    Person.objects.filter(name="Eleni Papadopoulou").update(name="Eleni P.")
    Assessment.objects.filter(organisation__name="Karditsa Food Automation").delete()

    output = setup("--demo").output

    assert counts() == loaded
    assert Organisation.objects.filter(name=MURCIA).count() == 1
    assert Partner.objects.filter(organisation__name="WSX Ireland").count() == 1
    assert Person.objects.filter(name="Eleni Papadopoulou").count() == 1
    assert Event.objects.get().participants.filter(status="approved").count() == 6
    assert "put back" in output
    setup()
    assert counts() == loaded


def test_a_first_setup_with_empty_never_loads_the_demo_unless_asked(setup: Callable) -> None:
    setup("--empty")
    setup()
    assert (Organisation.objects.count(), DemoRecord.objects.count()) == (0, 0)
    setup("--demo")
    assert Project.objects.get().acronym == "CLUSTERS 4.0"


def test_remove_demo_removes_exactly_the_demo_records(setup: Callable) -> None:
    own = Organisation.objects.create(name="Our own cluster", type=OrganisationType.CLUSTER)
    own_user = get_user_model().objects.create_user(username="officer", password="a-long-password-42")
    Membership.objects.create(user=own_user, organisation=own, role=MembershipRole.PARTNER_EDITOR)
    own_person = Person.objects.create(name="Our officer", organisation=own, user=own_user)
    own_tag = Tag.objects.create(kind="technology", name="Robotics")  # a demo participant uses it too
    before = snapshot()
    setup()
    assert DemoRecord.objects.count() > 50

    output = setup("--remove-demo").output

    assert snapshot() == before
    assert DemoRecord.objects.count() == 0
    assert list(own_person.__class__.objects.values_list("pk", "organisation_id", "user_id")) == [
        (own_person.pk, own.pk, own_user.pk)]
    assert Tag.objects.get() == own_tag
    assert "Demo removed" in output
    setup()
    assert Organisation.objects.get() == own  # the removed demo does not come back by itself


def test_a_demo_record_that_users_records_depend_on_is_kept_and_named(setup: Callable) -> None:
    setup()
    event = Event.objects.get()
    visitor = get_user_model().objects.create_user(username="visitor", password="a-long-password-42")
    visitor_org = Organisation.objects.create(name="Visiting SME", type=OrganisationType.SME)
    Membership.objects.create(user=visitor, organisation=visitor_org, role=MembershipRole.PARTNER_EDITOR)
    person = Person.objects.create(name="Visitor", organisation=visitor_org, user=visitor)
    registration = Participant.objects.create(event=event, user=visitor, organisation=visitor_org, person=person,
                                              participant_type="sme", country="EL", time_zone="Europe/Athens",
                                              consent_to_publish=True, feed_token="visitor-token")

    output = setup("--remove-demo").output

    assert Participant.objects.get() == registration
    assert Event.objects.get() == event
    assert Organisation.objects.filter(pk=event.organiser_id).exists()  # the event's organiser stays with it
    assert "Visiting SME" in output and "Kept" in output
    assert not Assessment.objects.exists() and not Organisation.objects.filter(name="WSX Ireland").exists()
    assert demo_record_get(key="matchmaking:event") == event  # still marked: removable once the visitor leaves
    registration.delete()
    setup("--remove-demo")
    assert not Event.objects.exists()


def test_conflicting_demo_options_are_refused(setup: Callable) -> None:
    from click.testing import CliRunner

    from smartcluster.cli import main

    result = CliRunner().invoke(main, ["setup", "--empty", "--demo"])
    assert result.exit_code == 2 and "choose one of --empty, --demo and --remove-demo" in result.output
    assert Organisation.objects.count() == 0


def test_a_person_of_yours_in_a_demo_organisation_keeps_it(setup: Callable) -> None:
    setup()
    murcia = Organisation.objects.get(name=MURCIA)
    contact = Person.objects.create(name="Our contact in Murcia", organisation=murcia)

    output = setup("--remove-demo").output

    contact.refresh_from_db()
    assert contact.organisation == murcia and "Our contact in Murcia" in output
    assert Organisation.objects.get() == murcia and not Partner.objects.exists()


def test_a_first_load_that_fails_leaves_nothing_and_the_next_setup_loads_the_demo(
        setup: Callable, monkeypatch: pytest.MonkeyPatch) -> None:
    from django.core.exceptions import ValidationError

    from smartcluster.demo import loader

    def refused(self: loader.Loader) -> None:
        self.organisation(loader.content.ORGANISATIONS[0])
        raise ValidationError("a service refused")

    with monkeypatch.context() as patch:
        patch.setattr(loader.Loader, "run", refused)
        assert "the demo was not loaded (a service refused)" in setup().output
    assert (Organisation.objects.count(), DemoRecord.objects.count()) == (0, 0)

    setup()
    assert Partner.objects.count() == 7


def test_setup_demo_leaves_out_with_a_note_what_a_service_refuses(setup: Callable) -> None:
    setup()
    event = Event.objects.get()
    other = Organisation.objects.create(name="Another organiser", type=OrganisationType.CLUSTER)
    Event.objects.filter(pk=event.pk).update(organiser=other, title="Renamed by its new organiser")

    output = setup("--demo").output

    assert "Left out the B2B event: Only the event's organisers may do this." in output
    assert Event.objects.get().title == "Renamed by its new organiser"
    assert Organisation.objects.filter(name=MURCIA).exists()  # the rest is loaded
