"""The practices services: the status flow's quality bars (publishing before the project's approval refused with a
message; every transition records who and when; a declined practice is never public), the form rules (a point
with both coordinates, a title of 100 characters, topics of their taxonomies, an event of the project), edits
after a decision, the demo's loader and similar practices."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError

from smartcluster.events.services import project_event_load
from smartcluster.learning import selectors
from smartcluster.learning.models import GoodPractice
from smartcluster.learning.services import (
    good_practice_create,
    good_practice_transition,
    good_practice_update,
)
from smartcluster.learning.tests.practices_world import DESCRIPTION, load, practice_dump, practice_world
from smartcluster.organisations.models import Organisation, Partner, Project

pytestmark = pytest.mark.django_db


def _trail(practice: GoodPractice) -> list[tuple[str, str, str | None]]:
    return [(change.from_status, change.to_status, change.changed_by.username if change.changed_by else None)
            for change in practice.status_changes.order_by("changed_at", "pk")]


def _stored(practice: GoodPractice) -> GoodPractice:
    return GoodPractice.objects.get(pk=practice.pk)


def test_a_partner_editor_submits_and_the_trail_starts_with_who_and_when() -> None:
    pw = practice_world()
    practice = good_practice_create(
        user=pw.users["editor_b"], partner=pw.partner_b, organisation_in_charge=pw.world.candidate,
        region_code="el61", topics=[("project_theme", "financing-resources"), ("cluster_categories", "1")],
        fields={"title": "Vouchers", "description": DESCRIPTION, "latitude": Decimal("39.6"),
                "longitude": Decimal("22.4")})
    assert (practice.status, practice.is_published, practice.region.code) == ("submitted", False, "EL61")
    assert _trail(practice) == [("", "submitted", "editor_b")]
    assert practice.status_changes.get().changed_at is not None
    assert sorted(practice.topics.values_list("code", flat=True)) == ["1", "financing-resources"]


def test_publishing_before_the_projects_approval_is_refused_with_a_message() -> None:
    pw = practice_world()
    practice = load(pw)
    before = practice_dump()
    with pytest.raises(ValidationError) as refused:
        good_practice_transition(user=pw.users["administrator"], practice=practice, to_status="expert_validated")
    assert "after the project approves it" in refused.value.message_dict["to_status"][0]
    assert practice_dump() == before
    assert not _stored(practice).is_published


def test_every_transition_records_who_and_when_and_sets_publication() -> None:
    pw = practice_world()
    practice = load(pw)
    good_practice_transition(user=pw.users["editor_a"], practice=practice, to_status="project_approved",
                             note="Fits the call.")
    assert _stored(practice).is_published
    good_practice_transition(user=pw.users["administrator"], practice=practice, to_status="expert_validated")
    stored = _stored(practice)
    assert (stored.status, stored.is_published) == ("expert_validated", True)
    assert _trail(practice) == [("", "submitted", None), ("submitted", "project_approved", "editor_a"),
                                ("project_approved", "expert_validated", "administrator")]
    assert practice.status_changes.filter(note="Fits the call.").count() == 1
    assert all(change.changed_at for change in practice.status_changes.all())


@pytest.mark.parametrize(("start", "decider"), [("submitted", "editor_a"), ("project_approved", "administrator")])
def test_a_declined_practice_is_unpublished_and_stays_declined(start: str, decider: str) -> None:
    pw = practice_world()
    practice = load(pw, status=start)
    good_practice_transition(user=pw.users[decider], practice=practice, to_status="declined")
    assert (_stored(practice).status, _stored(practice).is_published) == ("declined", False)
    assert _trail(practice)[-1] == (start, "declined", decider)
    with pytest.raises(ValidationError, match="stays declined"):
        good_practice_transition(user=pw.users["administrator"], practice=practice, to_status="project_approved")
    assert not selectors.good_practice_list(user=AnonymousUser()).exists()


@pytest.mark.parametrize(("role", "start", "to_status"), [
    ("editor_b", "submitted", "project_approved"),  # the submitter does not approve its own practice
    ("viewer", "submitted", "declined"),  # a viewer of the lead partner is no editor
    ("editor_a", "project_approved", "expert_validated"),  # the expert step is the administrators'
    ("editor_a", "project_approved", "declined"),
])
def test_a_step_is_decided_only_by_those_it_belongs_to(role: str, start: str, to_status: str) -> None:
    pw = practice_world()
    practice = load(pw, status=start)
    before = practice_dump()
    with pytest.raises(PermissionDenied):
        good_practice_transition(user=pw.users[role], practice=practice, to_status=to_status)
    assert practice_dump() == before


def test_editing_a_decided_practice_sends_it_back_to_the_projects_approval_in_the_trail() -> None:
    pw = practice_world()
    practice = load(pw, status="project_approved")
    good_practice_update(user=pw.users["editor_b"], practice=practice, fields={"timescale": "2021-2024"})
    stored = _stored(practice)
    assert (stored.status, stored.is_published, stored.timescale) == ("submitted", False, "2021-2024")
    assert _trail(practice)[-1] == ("project_approved", "submitted", "editor_b")
    assert "back to the project's approval" in practice.status_changes.last().note
    assert stored.region == pw.region and stored.topics.count() == 1  # not given: kept


@pytest.mark.parametrize(("fields", "field"), [
    ({"latitude": Decimal("39.6")}, "longitude"),
    ({"longitude": Decimal("22.4")}, "latitude"),
    ({"latitude": Decimal("91"), "longitude": Decimal("22.4")}, "latitude"),
    ({"title": "x" * 101}, "title"),
    ({"further_information": "not a link"}, "further_information"),
])
def test_invalid_fields_are_refused_naming_the_field(fields: dict, field: str) -> None:
    pw = practice_world()
    before = practice_dump()
    with pytest.raises(ValidationError) as refused:
        good_practice_create(user=pw.users["editor_b"], partner=pw.partner_b,
                             organisation_in_charge=pw.world.candidate,
                             fields={"title": "Vouchers", "description": DESCRIPTION, **fields})
    assert field in refused.value.message_dict
    assert practice_dump() == before


def test_topics_region_and_event_must_exist_where_they_belong() -> None:
    pw = practice_world()
    other = Project.objects.create(name="Other", acronym="OTH")
    host = Partner.objects.create(project=other, organisation=pw.world.candidate)
    foreign_event = project_event_load(project=other, title="Elsewhere", host=host, kind="peer_review",
                                       starts_at=dt.datetime(2025, 9, 1, 9), ends_at=dt.datetime(2025, 9, 1, 17),
                                       time_zone="Europe/Athens", venue="Bologna")
    base = {"user": pw.users["editor_b"], "partner": pw.partner_b, "organisation_in_charge": pw.world.candidate}
    fields = {"title": "Vouchers", "description": DESCRIPTION}
    before = practice_dump()
    with pytest.raises(ValidationError, match="Unknown topics: smart_industry_40:robots"):
        good_practice_create(**base, topics=[("smart_industry_40", "robots")], fields=fields)
    with pytest.raises(ValidationError, match="XX99"):
        good_practice_create(**base, region_code="XX99", fields=fields)
    with pytest.raises(ValidationError, match="event of the partner's project"):
        good_practice_create(**base, fields={**fields, "source_event": foreign_event})
    assert practice_dump() == before
    practice = good_practice_create(**base, fields={**fields, "source_event": pw.event})
    assert practice.source_event == pw.event


def test_a_new_organisation_in_charge_is_registered_through_the_organisations_services() -> None:
    pw = practice_world()
    practice = good_practice_create(user=pw.users["editor_b"], partner=pw.partner_b,
                                    new_organisation="Thessaly Robotics Hub", new_organisation_type="cluster",
                                    fields={"title": "Vouchers", "description": DESCRIPTION})
    organisation = Organisation.objects.get(name="Thessaly Robotics Hub")
    assert practice.organisation_in_charge == organisation and not organisation.is_published
    with pytest.raises(ValidationError) as refused:  # naming an organisation one does not belong to: not joining
        good_practice_create(user=pw.users["editor_b"], partner=pw.partner_b, new_organisation="Agency A",
                             new_organisation_type="cluster",
                             fields={"title": "Vouchers 2", "description": DESCRIPTION})
    assert "new_organisation" in refused.value.message_dict


def test_only_the_partners_editors_submit_for_it() -> None:
    pw = practice_world()
    before = practice_dump()
    for role in ("editor_a", "viewer", "outsider"):
        with pytest.raises(PermissionDenied):
            good_practice_create(user=pw.users[role], partner=pw.partner_b, organisation_in_charge=pw.world.candidate,
                                 fields={"title": "Vouchers", "description": DESCRIPTION})
    assert practice_dump() == before


def test_the_loader_stores_the_trail_up_to_the_status() -> None:
    pw = practice_world()
    validated = load(pw, status="expert_validated")
    assert [to for _from, to, _by in _trail(validated)] == ["submitted", "project_approved", "expert_validated"]
    assert validated.is_published
    declined = load(pw, title="Declined one", status="declined")
    assert [to for _from, to, _by in _trail(declined)] == ["submitted", "declined"]
    with pytest.raises(ValidationError):
        load(pw, title="Bad point", latitude="39.6", longitude=None)


def test_a_near_duplicate_ranks_first_among_similar_practices_of_the_original() -> None:
    pw = practice_world()
    original = load(pw, status="project_approved")
    load(pw, title="Summer school for cluster managers", status="project_approved",
         description="A summer school trains cluster managers in export marketing and trade fairs abroad.")
    load(pw, title="Shared robotics laboratory", status="project_approved",
         description="Small manufacturers share a testing laboratory for robotics run by the university.")
    near = load(pw, title="Innovation vouchers (Larissa)", status="project_approved",
                description=DESCRIPTION.replace("seventy percent", "70 %").replace("small", "small and micro"))
    hidden = load(pw, title="Innovation vouchers (copy)", status="submitted")
    anonymous = selectors.good_practice_similar(user=AnonymousUser(), practice=original)
    assert anonymous[0][0] == near
    assert hidden not in [other for other, _score in anonymous]  # only what the reader may read
    partner_view = selectors.good_practice_similar(user=pw.users["editor_b"], practice=original)
    assert partner_view[0][0] == hidden  # the exact copy, readable by the partnership


def test_the_report_selector_lists_the_readers_practices_of_a_project_or_event() -> None:
    pw = practice_world()
    public = load(pw, status="project_approved", source_event=pw.event)
    submitted = load(pw, title="Not yet approved", source_event=pw.event)
    load(pw, title="Declined", status="declined")
    assert list(selectors.good_practice_list_for_report(event=pw.event, user=AnonymousUser())) == [public]
    assert set(selectors.good_practice_list_for_report(project=pw.world.project, user=pw.users["viewer"])) >= {
        public, submitted}
