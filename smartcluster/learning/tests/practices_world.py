"""The practices tests' world: build_world's project with partner A as lead partner (its editors approve for the
project), partner B submitting, an outsider, a NUTS region, a project event, and helpers to load practices."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core import serializers

from smartcluster.events.tests.calendar_factories import calendar_dump, calendar_world, make_event
from smartcluster.learning.models import GoodPractice, PracticeStatusChange, PracticeTopic
from smartcluster.learning.services import good_practice_load
from smartcluster.organisations.models import Partner, PartnerRole
from smartcluster.organisations.tests.factories import World, make_user
from smartcluster.regions.models import Region
from smartcluster.stakeholders.services import guide_default_ensure

DESCRIPTION = ("Innovation vouchers let small manufacturers buy digital audits from cluster members. The regional "
               "agency pays seventy percent of an audit; the cluster matches firms with technology providers and "
               "follows up on the robotics and sensor projects that result.")


@dataclass
class PracticeWorld:
    world: World
    partner_b: Partner
    region: Region
    event: Any

    @property
    def users(self) -> dict[str, Any]:
        return self.world.users

    @property
    def tokens(self) -> dict[str, str]:
        return self.world.tokens


def practice_world() -> PracticeWorld:
    """Lead partner A (editor_a approves for the project), partner B (editor_b submits), an outsider without
    membership, region EL61 and a published event of the project."""
    world = calendar_world()
    guide_default_ensure()  # the practices' project themes; a transactional test before may have flushed it
    Partner.objects.filter(pk=world.partner_a.pk).update(role=PartnerRole.LEAD)
    world.users["outsider"] = make_user("outsider")
    region = Region.objects.create(code="EL61", version=2021, level=2, country="EL", name="Thessalia")
    partner_b = Partner.objects.get(project=world.project, organisation=world.org_b)
    return PracticeWorld(world, partner_b, region, make_event(world))


def load(pw: PracticeWorld, *, title: str = "Innovation vouchers", status: str = "submitted",
         **fields: Any) -> GoodPractice:
    """A practice of partner B, run by Cluster C, in EL61 with a point, at the given status."""
    arguments = {"description": DESCRIPTION, "region": pw.region, "latitude": "39.63900", "longitude": "22.41900",
                 "topics": [("smart_industry_40", "technology_providers")], **fields}
    return good_practice_load(partner=pw.partner_b, title=title, organisation_in_charge=pw.world.candidate,
                              status=status, **arguments)


def practice_dump() -> str:
    """Every row of the practices' tables and of the world, to prove a refusal changed nothing."""
    rows = [serializers.serialize("json", model.objects.order_by("pk"))
            for model in (GoodPractice, PracticeTopic, PracticeStatusChange)]
    return "\n".join([calendar_dump(), *rows])
