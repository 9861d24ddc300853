"""A small world of two partners, their people and users of every role, for the tests of this app."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.core import serializers
from django.test import Client

from smartcluster.accounts.models import ApiToken, Membership, MembershipRole
from smartcluster.accounts.services import api_token_create
from smartcluster.organisations.models import Organisation, OrganisationType, Partner, Person, Project, Tag

ROLES = ["anonymous", "viewer", "participant", "editor_a", "editor_b", "administrator"]


@dataclass
class World:
    org_a: Organisation
    org_b: Organisation
    candidate: Organisation
    project: Project
    partner_a: Partner | None
    person_a: Person
    users: dict[str, Any] = field(default_factory=dict)
    tokens: dict[str, str] = field(default_factory=dict)


def make_user(username: str, **extra: Any) -> Any:
    """A user without a password (tests log in with `force_login`: hashing a password takes a second)."""
    return get_user_model().objects.create_user(username=username, password=None, **extra)


def build_world(*, with_partners: bool = True) -> World:
    """Organisations A and B (partners of one project unless `with_partners` is false), a candidate organisation,
    a listed person of A, and one user per role: viewer, participant and editor of A, editor of B, and an
    administrator by membership (not a superuser, so the membership rule itself is exercised)."""
    org_a = Organisation.objects.create(name="Agency A", type=OrganisationType.DEVELOPMENT_AGENCY)
    org_b = Organisation.objects.create(name="Authority B", type=OrganisationType.PUBLIC_AUTHORITY)
    candidate = Organisation.objects.create(name="Cluster C", type=OrganisationType.CLUSTER)
    secretariat = Organisation.objects.create(name="Joint Secretariat", type=OrganisationType.PUBLIC_AUTHORITY)
    project = Project.objects.create(name="Clusters in Smart Industry", acronym="CSI", programme="Interreg Europe")
    partner_a = None
    if with_partners:
        partner_a = Partner.objects.create(project=project, organisation=org_a)
        Partner.objects.create(project=project, organisation=org_b)
    person_a = Person.objects.create(name="Ana Alves", email="ana@example.org", organisation=org_a,
                                     consent_to_list=True)
    world = World(org_a, org_b, candidate, project, partner_a, person_a)
    memberships = {
        "viewer": (org_a, MembershipRole.VIEWER),
        "participant": (org_a, MembershipRole.PARTICIPANT),
        "editor_a": (org_a, MembershipRole.PARTNER_EDITOR),
        "editor_b": (org_b, MembershipRole.PARTNER_EDITOR),
        "administrator": (secretariat, MembershipRole.ADMINISTRATOR),
    }
    for role, (organisation, membership_role) in memberships.items():
        user = make_user(role)
        Membership.objects.create(user=user, organisation=organisation, role=membership_role)
        world.users[role] = user
        world.tokens[role] = api_token_create(user=user, name="tests")[1]
    return world


def database_dump() -> str:
    """Every row this app and accounts hold (many-to-many included), to prove a refused write changed nothing."""
    querysets = [Organisation.objects.all(), Person.objects.all(), Project.objects.all(), Partner.objects.all(),
                 Tag.objects.all(), Membership.objects.all()]
    rows = [serializers.serialize("json", queryset.order_by("pk")) for queryset in querysets]
    # A token's last use is recorded on every request, refused or not; its identity must not change.
    rows.append(serializers.serialize("json", ApiToken.objects.order_by("pk"), fields=["user", "name", "key_hash"]))
    return "\n".join(rows)


def signed_in(user: Any, page: str) -> Client:
    """A client with CSRF checks on, signed in (unless `user` is None), holding the CSRF cookie `page` gave it."""
    client = Client(enforce_csrf_checks=True)
    if user is not None:
        client.force_login(user)
    assert client.get(page).status_code == 200
    return client


def post(client: Client, url: str, data: dict[str, Any]) -> Any:
    """Post a form the way a browser does: with the CSRF token of the client's cookie (none without one)."""
    token = client.cookies["csrftoken"].value if "csrftoken" in client.cookies else ""
    return client.post(url, {**data, "csrfmiddlewaretoken": token})
