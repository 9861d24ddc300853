"""A small registry for the registry tests: two cluster organisations (Thessaly, Murcia) with a manager each, a
member SME, an administrator, an outsider, and a dump of every registry row to prove a refusal changed nothing."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.core import serializers

from smartcluster.accounts.models import Membership, MembershipRole
from smartcluster.accounts.services import api_token_create
from smartcluster.clusters.models import (
    ClusterCategory,
    ClusterLabel,
    ClusterMember,
    ClusterProfile,
    ClusterService,
    InternationalAgreement,
    MemberCount,
)
from smartcluster.organisations.models import Organisation, OrganisationType, Person, Tag
from smartcluster.organisations.tests.factories import make_user
from smartcluster.regions.models import Region


@dataclass
class RegistryWorld:
    thessaly: ClusterProfile
    murcia: ClusterProfile
    users: dict[str, Any] = field(default_factory=dict)
    tokens: dict[str, str] = field(default_factory=dict)


def region(code: str, level: int = 2) -> Region:
    return Region.objects.get_or_create(code=code, version=2021, defaults={
        "level": level, "country": code[:2], "name": f"Region {code}"})[0]


def build_registry() -> RegistryWorld:
    """Thessaly Cluster (EL61, published, 0.5 FTE, a website) and Murcia Cluster (ES62), each with a manager
    (partner editor of the cluster organisation); an administrator and a signed-in outsider."""
    thessaly_org = Organisation.objects.create(name="Thessaly Cluster", type=OrganisationType.CLUSTER,
                                               region=region("EL61"), website="https://thessaly.example.org")
    murcia_org = Organisation.objects.create(name="Murcia Cluster", type=OrganisationType.CLUSTER,
                                             region=region("ES62"), website="https://murcia.example.org")
    thessaly = ClusterProfile.objects.create(organisation=thessaly_org, management_fte="0.5")
    murcia = ClusterProfile.objects.create(organisation=murcia_org, management_fte="2")
    secretariat = Organisation.objects.create(name="Secretariat", type=OrganisationType.PUBLIC_AUTHORITY)
    world = RegistryWorld(thessaly, murcia)
    for role, organisation, membership in [("manager", thessaly_org, MembershipRole.PARTNER_EDITOR),
                                           ("manager_b", murcia_org, MembershipRole.PARTNER_EDITOR),
                                           ("viewer", thessaly_org, MembershipRole.VIEWER),
                                           ("administrator", secretariat, MembershipRole.ADMINISTRATOR)]:
        user = make_user(role)
        Membership.objects.create(user=user, organisation=organisation, role=membership)
        world.users[role] = user
        world.tokens[role] = api_token_create(user=user, name="tests")[1]
    world.users["outsider"] = make_user("outsider")
    world.tokens["outsider"] = api_token_create(user=world.users["outsider"], name="tests")[1]
    return world


def add_members(profile: ClusterProfile, count: int, *, member_type: str = "sme", year: int = 2020) -> None:
    """`count` committed members of one type, published organisations named after the cluster."""
    for number in range(count):
        organisation = Organisation.objects.create(name=f"{profile.organisation.name} member {member_type} {number}",
                                                   type=OrganisationType.SME)
        ClusterMember.objects.create(profile=profile, organisation=organisation, member_type=member_type,
                                     year_joined=year)


def registry_dump(*, timestamps: bool = True) -> str:
    """Every row the registry and the organisations it touches hold (many-to-many included); without the times
    of the last save when `timestamps` is false (a write of the same values still saves)."""
    models = [ClusterProfile, ClusterCategory, ClusterMember, MemberCount, ClusterService, ClusterLabel,
              InternationalAgreement, Organisation, Person, Tag]
    dump = "\n".join(serializers.serialize("json", model.objects.order_by("pk")) for model in models)
    return dump if timestamps else re.sub(r'"updated_at": "[^"]*"', "", dump)
