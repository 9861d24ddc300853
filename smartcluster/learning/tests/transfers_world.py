"""The transfers and reports tests' world: build_world's project, partner A (Thessaly) with an approved practice
and a submitted one, partner B (Lombardy) whose editors record transfers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core import serializers

from smartcluster.learning.choices import PracticeStatus
from smartcluster.learning.models import GoodPractice, PracticeStatusChange, PracticeTransfer
from smartcluster.organisations.models import Partner
from smartcluster.organisations.tests.factories import World, build_world, database_dump
from smartcluster.regions.models import Region
from smartcluster.stakeholders.services import guide_default_ensure

DAY = dt.date(2026, 3, 2)


@dataclass
class TransferWorld:
    world: World
    partner_a: Partner
    partner_b: Partner
    approved: GoodPractice  # partner A's, public
    submitted: GoodPractice  # partner A's, awaiting approval: the partnership reads it, the public does not

    @property
    def users(self) -> dict[str, Any]:
        return self.world.users

    @property
    def tokens(self) -> dict[str, str]:
        return self.world.tokens


def region(code: str) -> Region:
    return Region.objects.create(code=code, version=2021, level=len(code) - 2, country=code[:2], name=f"Region {code}")


def practice(partner: Partner, title: str, status: str = PracticeStatus.PROJECT_APPROVED, **fields: Any) -> GoodPractice:
    """A practice stored directly with the status given (the status flow is the practices part's, tested there)."""
    from smartcluster.learning.choices import PUBLIC_STATUSES

    return GoodPractice.objects.create(
        partner=partner, title=title, organisation_in_charge=partner.organisation, status=status,
        is_published=status in PUBLIC_STATUSES, description=fields.pop("description", f"{title}: how it works."),
        **fields)


def transfer_world() -> TransferWorld:
    world = build_world()
    guide_default_ensure()  # the practices' project themes; a transactional test before may have flushed it
    partner_a = world.partner_a
    partner_b = Partner.objects.get(project=world.project, organisation=world.org_b)
    partner_a.regions.set([region("EL61")])
    partner_b.regions.set([region("ITC4")])
    return TransferWorld(world, partner_a, partner_b, practice(partner_a, "Innovation vouchers"),
                         practice(partner_a, "Skills academy", PracticeStatus.SUBMITTED))


def transfer_dump() -> str:
    """Every row of the practices, their trail and transfers, and of build_world's tables."""
    rows = [serializers.serialize("json", model.objects.order_by("pk"))
            for model in (GoodPractice, PracticeStatusChange, PracticeTransfer)]
    return "\n".join([database_dump(), *rows])
