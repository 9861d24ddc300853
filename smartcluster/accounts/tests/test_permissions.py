"""Who may read what: every role × every visibility rule, through `can_view` and `visible_queryset` alike.

People stand in for an owner-only kind of record (an interview, a jury score) by declaring the rule for one test;
they are public records otherwise, like every model that declares no visibility and has no `is_published`.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import models

from smartcluster.accounts.permissions import (
    Visibility,
    can_review_region,
    can_view,
    region_reviewer_list,
    visibility_of,
    visible_queryset,
)
from smartcluster.organisations.models import Organisation, Partner, Person, Project
from smartcluster.organisations.tests.factories import ROLES, World, build_world, make_user
from smartcluster.regions.models import Region

MEMBERS_OF_A = {"viewer", "participant", "editor_a"}

# rule → the roles that may read a record of organisation A under it (editor_b belongs to B; the administrator to
# the secretariat, reading all by role)
READERS: dict[str, set[str]] = {
    "public": set(ROLES),
    "published": set(ROLES),
    "unpublished": MEMBERS_OF_A | {"administrator"},
    "owner_only": MEMBERS_OF_A | {"administrator"},
    "owner_only_without_owner": {"administrator"},
}


def _record(world: World, rule: str, monkeypatch: pytest.MonkeyPatch) -> models.Model:
    """A record of organisation A read under `rule` (a project for the rule on a model without an owner)."""
    if rule in {"published", "unpublished"}:
        Organisation.objects.filter(pk=world.org_a.pk).update(is_published=rule == "published")
        return Organisation.objects.get(pk=world.org_a.pk)
    if rule == "owner_only":
        monkeypatch.setattr(Person, "visibility", Visibility.OWNER_ONLY, raising=False)
    if rule == "owner_only_without_owner":
        monkeypatch.setattr(Project, "visibility", Visibility.OWNER_ONLY, raising=False)
        return world.project
    return world.person_a


def _user(world: World, role: str) -> Any:
    return AnonymousUser() if role == "anonymous" else world.users[role]


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("rule", list(READERS))
def test_a_record_is_readable_by_exactly_the_roles_its_visibility_allows(
        rule: str, role: str, monkeypatch: pytest.MonkeyPatch) -> None:
    world = build_world()
    record = _record(world, rule, monkeypatch)
    user = _user(world, role)
    expected = role in READERS[rule]

    assert can_view(user, record) is expected
    listed = visible_queryset(user, type(record).objects.all())
    assert listed.filter(pk=record.pk).exists() is expected


@pytest.mark.django_db
def test_an_owner_only_record_is_never_listed_to_another_organisation_nor_by_being_published(
        monkeypatch: pytest.MonkeyPatch) -> None:
    world = build_world()
    monkeypatch.setattr(Organisation, "visibility", Visibility.OWNER_ONLY, raising=False)
    Organisation.objects.update(is_published=True)

    listed = set(visible_queryset(world.users["editor_b"], Organisation.objects.all()))

    assert listed == {world.org_b}
    assert not can_view(world.users["editor_b"], world.org_a)


@pytest.mark.django_db
def test_a_superuser_reads_an_owner_only_record_of_any_organisation(monkeypatch: pytest.MonkeyPatch) -> None:
    world = build_world()
    monkeypatch.setattr(Person, "visibility", Visibility.OWNER_ONLY, raising=False)
    superuser = make_user("root", is_superuser=True)

    assert can_view(superuser, world.person_a)
    assert list(visible_queryset(superuser, Person.objects.all())) == [world.person_a]


def test_models_declaring_no_visibility_keep_the_rule_their_fields_imply() -> None:
    assert visibility_of(Organisation) is Visibility.PUBLISHED  # has `is_published`
    assert visibility_of(Person) is Visibility.PUBLIC
    assert visibility_of(Project) is Visibility.PUBLIC


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "region", "expected"), [
    ("editor_a", "DE7", True),  # the partner's own region
    ("editor_a", "DE731", True),  # a region inside it (NUTS codes nest by prefix)
    ("editor_a", "DE1", False),  # another region
    ("editor_a", "", False),  # a record with no region
    ("viewer", "DE73", False),  # a viewer of the partner does not review
    ("editor_b", "DE73", False),  # an editor of another partner does not review
    ("administrator", "FR10", True),
    ("anonymous", "DE73", False),
])
def test_a_region_is_reviewed_by_the_editors_of_the_partners_covering_it(role: str, region: str,
                                                                          expected: bool) -> None:
    world = build_world()
    world.partner_a.regions.add(Region.objects.create(code="DE7", name="Hessen", level=1, country="DE", version=2021))
    assert can_review_region(_user(world, role), region) is expected


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "expected"), [("editor_b", True), ("viewer", True), ("anonymous", False)])
def test_an_unpublished_record_of_a_project_is_read_by_the_members_of_every_partner(
        role: str, expected: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    world = build_world()
    outsider = make_user("outsider")
    candidate_membership = world.candidate.memberships.create(user=outsider, role="partner_editor")
    monkeypatch.setattr(Partner, "project_path", "project", raising=False)
    monkeypatch.setattr(Partner, "visibility", Visibility.OWNER_ONLY, raising=False)
    record = world.partner_a  # owned by A; B is the other partner of the project
    assert can_view(_user(world, role), record) is expected
    assert (record in visible_queryset(_user(world, role), Partner.objects.all())) is expected
    assert not can_view(candidate_membership.user, record)  # an editor of no partner of the project


@pytest.mark.django_db
def test_the_reviewers_of_a_region_are_the_editors_of_the_partners_covering_it() -> None:
    world = build_world()
    world.partner_a.regions.add(Region.objects.create(code="DE7", name="Hessen", level=1, country="DE", version=2021))
    assert list(region_reviewer_list("DE731")) == [world.users["editor_a"]]
    assert not region_reviewer_list("DE1").exists()
