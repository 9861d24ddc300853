"""Transfers: the inspired partner's editors record them; the pair's rules; readers see a transfer exactly when they
read its practice; a practice's journey."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError

from smartcluster.learning.choices import PracticeStatus, TransferStage
from smartcluster.learning.models import PracticeTransfer
from smartcluster.learning.selectors import practice_journey, practice_transfer_list
from smartcluster.learning.services import (
    practice_transfer_create,
    practice_transfer_delete,
    practice_transfer_load,
    practice_transfer_update,
)
from smartcluster.learning.tests.transfers_world import DAY, practice, region, transfer_dump, transfer_world
from smartcluster.organisations.models import Organisation, OrganisationType, Partner

pytestmark = pytest.mark.django_db


def test_the_inspired_partners_editor_records_a_transfer_with_its_stage_and_evidence() -> None:
    tw = transfer_world()

    transfer = practice_transfer_create(
        user=tw.users["editor_b"], practice=tw.approved, partner=tw.partner_b, stage=TransferStage.PLANNED,
        inspired_on=DAY, stage_on=DAY + dt.timedelta(days=30), description="A call drafted.",
        evidence="Board decision of 1 April.")

    stored = PracticeTransfer.objects.get()
    assert (stored.pk, stored.stage, stored.stage_on, stored.evidence) == (
        transfer.pk, TransferStage.PLANNED, dt.date(2026, 4, 1), "Board decision of 1 April.")


@pytest.mark.parametrize("role", ["anonymous", "viewer", "participant", "editor_a"])
def test_only_the_inspired_partners_editors_record_its_transfers(role: str) -> None:
    tw = transfer_world()
    user = tw.users.get(role) or AnonymousUser()
    before = transfer_dump()

    with pytest.raises(PermissionDenied):
        practice_transfer_create(user=user, practice=tw.approved, partner=tw.partner_b, inspired_on=DAY)

    assert transfer_dump() == before


def test_an_administrator_records_a_transfer_for_any_partner() -> None:
    tw = transfer_world()

    practice_transfer_create(user=tw.users["administrator"], practice=tw.approved, partner=tw.partner_b,
                             inspired_on=DAY)

    assert PracticeTransfer.objects.get().stage_on == DAY  # a stage without its own date: the inspiration's


@pytest.mark.parametrize(("case", "field"), [("own", "partner"), ("declined", "practice"), ("twice", "partner"),
                                             ("early", "stage_on")])
def test_a_transfer_breaking_a_rule_is_refused_naming_the_field(case: str, field: str) -> None:
    tw = transfer_world()
    editor, target, partner = tw.users["editor_b"], tw.approved, tw.partner_b
    arguments = {"inspired_on": DAY}
    if case == "own":
        editor, partner = tw.users["editor_a"], tw.partner_a
    elif case == "declined":
        target = practice(tw.partner_a, "Refused idea", PracticeStatus.DECLINED)
    elif case == "twice":
        practice_transfer_load(practice=target, partner=partner, stage=TransferStage.INSPIRED, inspired_on=DAY)
    else:
        arguments["stage_on"] = DAY - dt.timedelta(days=1)
    before = transfer_dump()

    with pytest.raises(ValidationError) as refusal:
        practice_transfer_create(user=editor, practice=target, partner=partner, **arguments)

    assert field in refusal.value.message_dict
    assert transfer_dump() == before


def test_a_partner_cannot_record_a_transfer_of_a_practice_it_may_not_read() -> None:
    tw = transfer_world()
    other_project = tw.world.project.__class__.objects.create(name="Other", acronym="OTH")
    stranger = Organisation.objects.create(name="Stranger", type=OrganisationType.CLUSTER)
    hidden = practice(Partner.objects.create(project=other_project, organisation=stranger), "Hidden",
                      PracticeStatus.SUBMITTED)
    before = transfer_dump()

    with pytest.raises(ValidationError) as refusal:
        practice_transfer_create(user=tw.users["editor_b"], practice=hidden, partner=tw.partner_b, inspired_on=DAY)

    assert "practice" in refusal.value.message_dict
    assert transfer_dump() == before


def test_only_the_inspired_partners_editors_change_or_remove_a_transfer() -> None:
    tw = transfer_world()
    transfer = practice_transfer_load(practice=tw.approved, partner=tw.partner_b, stage=TransferStage.INSPIRED,
                                      inspired_on=DAY)
    before = transfer_dump()

    with pytest.raises(PermissionDenied):
        practice_transfer_update(user=tw.users["editor_a"], transfer=transfer, stage=TransferStage.ADOPTED)
    with pytest.raises(PermissionDenied):
        practice_transfer_delete(user=tw.users["editor_a"], transfer=transfer)
    assert transfer_dump() == before

    practice_transfer_update(user=tw.users["editor_b"], transfer=transfer, stage=TransferStage.ADOPTED,
                             stage_on=DAY + dt.timedelta(days=90), evidence="Adopted in the 2026 call.")
    assert PracticeTransfer.objects.get().stage == TransferStage.ADOPTED
    practice_transfer_delete(user=tw.users["editor_b"], transfer=transfer)
    assert not PracticeTransfer.objects.exists()


def test_the_public_reads_transfers_of_approved_practices_only_and_the_partnership_reads_all() -> None:
    tw = transfer_world()
    public = practice_transfer_load(practice=tw.approved, partner=tw.partner_b, stage="inspired", inspired_on=DAY)
    internal = practice_transfer_load(practice=tw.submitted, partner=tw.partner_b, stage="inspired", inspired_on=DAY)

    assert list(practice_transfer_list(user=AnonymousUser())) == [public]
    assert set(practice_transfer_list(user=tw.users["viewer"])) == {public, internal}


def test_the_list_filters_by_stage_country_and_words() -> None:
    tw = transfer_world()
    planned = practice_transfer_load(practice=tw.approved, partner=tw.partner_b, stage="planned", inspired_on=DAY,
                                     description="A regional call drafted")
    user = tw.users["administrator"]

    assert list(practice_transfer_list(user=user, stage="planned", country="IT", search="regional call")) == [planned]
    assert not practice_transfer_list(user=user, stage="adopted").exists()
    assert not practice_transfer_list(user=user, country="EL").exists()


def test_a_practices_journey_lists_partners_regions_countries_and_stages_in_order() -> None:
    tw = transfer_world()
    org_c = Organisation.objects.create(name="Agency C", type=OrganisationType.DEVELOPMENT_AGENCY)
    partner_c = Partner.objects.create(project=tw.world.project, organisation=org_c)
    partner_c.regions.set([region("ES62")])
    later = practice_transfer_load(practice=tw.approved, partner=partner_c, stage="adopted", inspired_on=DAY,
                                   stage_on=DAY + dt.timedelta(days=200))
    first = practice_transfer_load(practice=tw.approved, partner=tw.partner_b, stage="planned",
                                   inspired_on=DAY - dt.timedelta(days=10))

    journey = practice_journey(user=tw.users["viewer"], practice=tw.approved)

    assert journey.transfers == [first, later]
    assert [r.code for r in journey.regions] == ["ES62", "ITC4"]
    assert journey.countries == ["ES", "IT"]
    assert {stage: count for stage, _label, count in journey.stage_counts} == {
        "inspired": 0, "planned": 1, "adapted": 0, "adopted": 1}
