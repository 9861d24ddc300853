"""Two cluster organisations in two regions, their managers, an outsider and an administrator, with API tokens:
the world of the funding tests (profiles made with the models directly)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core import serializers

from smartcluster.accounts.models import Membership, MembershipRole
from smartcluster.accounts.services import api_token_create
from smartcluster.clusters.models import ClusterProfile, FundingRecord
from smartcluster.organisations.models import Organisation, OrganisationType
from smartcluster.organisations.tests.factories import make_user
from smartcluster.regions.models import Region

SHARES = {"regional_grants": Decimal(20), "national_grants": Decimal(10), "eu_grants": Decimal(10),
          "membership_fees": Decimal(30), "paid_services": Decimal(20), "project_income": Decimal(5),
          "sponsorship_other": Decimal(5)}


@dataclass
class FundingWorld:
    alpha: ClusterProfile  # in DE11, managed by "manager"
    beta: ClusterProfile  # in EL61, managed by "other_manager"
    users: dict[str, Any] = field(default_factory=dict)
    tokens: dict[str, str] = field(default_factory=dict)


def region(code: str) -> Region:
    return Region.objects.get_or_create(code=code, version=2021, defaults={
        "level": len(code) - 2, "country": code[:2], "name": f"Region {code}"})[0]


def profile(name: str, code: str, **fields: Any) -> ClusterProfile:
    organisation = Organisation.objects.create(name=name, type=OrganisationType.CLUSTER, region=region(code))
    return ClusterProfile.objects.create(organisation=organisation, **fields)


def funding_data(**overrides: Any) -> dict[str, Any]:
    """A valid year: 100,000 EUR, 40 % public grants, 60,000 core, 80,000 cost, 40,000 / 100,000 contracted."""
    return {"revenue": Decimal(100000), **SHARES, "core_funding": Decimal(60000), "annual_cost": Decimal(80000),
            "contracted_next_12_months": Decimal(40000), "contracted_next_36_months": Decimal(100000),
            "is_published": True, **overrides}


def build_funding_world() -> FundingWorld:
    world = FundingWorld(profile("Alpha Cluster", "DE11", management_fte=Decimal(2)),
                         profile("Beta Cluster", "EL61", management_fte=Decimal(1)))
    memberships = {"manager": world.alpha.organisation, "other_manager": world.beta.organisation}
    for name in ("manager", "other_manager", "outsider", "administrator"):
        user = make_user(name)
        if name in memberships:
            Membership.objects.create(user=user, organisation=memberships[name], role=MembershipRole.PARTNER_EDITOR)
        if name == "administrator":
            user.is_superuser = True
            user.save()
        world.users[name] = user
        world.tokens[name] = api_token_create(user=user, name="tests")[1]
    return world


def funding_dump() -> str:
    """Every funding record, to prove a refused write changed nothing."""
    return serializers.serialize("json", FundingRecord.objects.order_by("pk"))
