"""Declared collaborations: the pair in id order, the trusted loader, and who may declare, change or withdraw."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from smartcluster.organisations.tests.factories import build_world
from smartcluster.stakeholders.choices import CollaborationKind
from smartcluster.stakeholders.models import Collaboration
from smartcluster.stakeholders.services import (
    collaboration_create,
    collaboration_delete,
    collaboration_load,
    collaboration_update,
)

pytestmark = pytest.mark.django_db


def test_load_stores_the_pair_in_id_order_whatever_order_it_is_given():
    world = build_world()
    collaboration = collaboration_load(first=world.candidate, second=world.org_a, kind=CollaborationKind.SUPPLY,
                                       declared_by=world.partner_a, since_year=2019)
    collaboration.refresh_from_db()
    assert (collaboration.first_id, collaboration.second_id) == (world.org_a.pk, world.candidate.pk)
    assert collaboration.since_year == 2019


def test_the_same_pair_and_kind_declared_twice_in_either_order_is_refused_naming_the_field():
    world = build_world()
    collaboration_load(first=world.org_a, second=world.candidate, kind=CollaborationKind.SUPPLY,
                       declared_by=world.partner_a)
    with pytest.raises(ValidationError):
        collaboration_load(first=world.candidate, second=world.org_a, kind=CollaborationKind.SUPPLY,
                           declared_by=world.partner_a)
    assert Collaboration.objects.count() == 1


def test_an_organisation_cannot_collaborate_with_itself():
    world = build_world()
    with pytest.raises(ValidationError) as refusal:
        collaboration_load(first=world.org_a, second=world.org_a, kind=CollaborationKind.OTHER,
                           declared_by=world.partner_a)
    assert "second" in refusal.value.message_dict


def test_an_implausible_year_is_refused_naming_since_year():
    world = build_world()
    with pytest.raises(ValidationError) as refusal:
        collaboration_load(first=world.org_a, second=world.org_b, kind=CollaborationKind.OTHER,
                           declared_by=world.partner_a, since_year=1200)
    assert "since_year" in str(refusal.value)
    assert not Collaboration.objects.exists()


def test_the_declaring_partners_editor_creates_updates_and_deletes():
    world = build_world()
    editor = world.users["editor_a"]
    collaboration = collaboration_create(user=editor, declared_by=world.partner_a, data={
        "first": world.candidate, "second": world.org_b, "kind": CollaborationKind.TRAINING})
    collaboration = collaboration_update(user=editor, collaboration=collaboration,
                                         data={"first": world.candidate, "second": world.org_a,
                                               "description": "Interns"})
    assert (collaboration.first_id, collaboration.second_id) == (world.org_a.pk, world.candidate.pk)
    collaboration_delete(user=editor, collaboration=collaboration)
    assert not Collaboration.objects.exists()


@pytest.mark.parametrize("role", ["viewer", "participant", "editor_b"])
def test_others_may_not_declare_or_change_a_partners_collaboration(role):
    world = build_world()
    user = world.users[role]
    with pytest.raises(PermissionDenied):
        collaboration_create(user=user, declared_by=world.partner_a, data={
            "first": world.org_a, "second": world.org_b, "kind": CollaborationKind.OTHER})
    collaboration = collaboration_load(first=world.org_a, second=world.org_b, kind=CollaborationKind.OTHER,
                                       declared_by=world.partner_a, description="Before")
    with pytest.raises(PermissionDenied):
        collaboration_update(user=user, collaboration=collaboration, data={"description": "After"})
    with pytest.raises(PermissionDenied):
        collaboration_delete(user=user, collaboration=collaboration)
    assert Collaboration.objects.get().description == "Before"
