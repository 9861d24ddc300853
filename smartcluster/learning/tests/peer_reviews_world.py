"""The peer reviews tests' world: build_world's project with a peer review event hosted by partner A (Thessaly,
Greece), peers of B (Italy) and of a Spanish cluster, and two good practices (one of another project)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core import serializers

from smartcluster.events.tests.calendar_factories import calendar_dump, calendar_world, make_event
from smartcluster.learning.models import GoodPractice, PeerReview, PeerReviewParticipant, Recommendation
from smartcluster.learning.services import peer_review_load, peer_review_participant_load, recommendation_load
from smartcluster.organisations.models import Organisation, OrganisationType, Partner, Project
from smartcluster.organisations.tests.factories import World
from smartcluster.regions.models import Region


@dataclass
class ReviewWorld:
    world: World
    review: PeerReview
    peer_b: PeerReviewParticipant  # Authority B, Italy: editor_b writes for it
    peer_c: PeerReviewParticipant  # Cluster C, Spain
    practice: GoodPractice  # submitted by partner B: the project's partners read it
    foreign_practice: GoodPractice  # submitted in another project, not approved: editor_b may not read it

    @property
    def users(self) -> dict[str, Any]:
        return self.world.users

    @property
    def tokens(self) -> dict[str, str]:
        return self.world.tokens


def _region(code: str) -> Region:
    return Region.objects.create(code=code, version=2021, level=len(code) - 2, country=code[:2], name=code)


def _practice(partner: Partner, title: str) -> GoodPractice:
    return GoodPractice.objects.create(partner=partner, title=title, organisation_in_charge=partner.organisation,
                                       description=f"{title}: how it works.")


def review_world(*, is_published: bool = True) -> ReviewWorld:
    """Host A in Thessaly (EL61), peer B (ITC4), peer C (ES51); B recommends nothing yet."""
    world = calendar_world()
    for organisation, code in ((world.org_a, "EL61"), (world.org_b, "ITC4"), (world.candidate, "ES51")):
        organisation.region = _region(code)
        organisation.save()
    event = make_event(world, is_published=is_published)
    review = peer_review_load(event=event, policy_challenge="Cluster managers lack digital skills.",
                              policy_instrument="ROP Thessaly 2021-2027", is_published=is_published)
    peer_b = peer_review_participant_load(peer_review=review, organisation=world.org_b, role="peer", country="")
    peer_c = peer_review_participant_load(peer_review=review, organisation=world.candidate, role="peer",
                                          country="ES")
    partner_b = Partner.objects.get(project=world.project, organisation=world.org_b)
    other_project = Project.objects.create(name="Other project", acronym="OTH", programme="Interreg Europe")
    stranger = Organisation.objects.create(name="Stranger D", type=OrganisationType.CLUSTER)
    foreign = _practice(Partner.objects.create(project=other_project, organisation=stranger), "Foreign voucher")
    return ReviewWorld(world, review, peer_b, peer_c, _practice(partner_b, "Innovation vouchers"), foreign)


def recommend(rw: ReviewWorld, text: str = "Train cluster managers in data skills.", **fields: Any) -> Recommendation:
    return recommendation_load(peer_review=rw.review, author=rw.peer_b, text=text, **fields)


def learning_dump() -> str:
    """Every row of the peer reviews' tables and of the calendar's world, to prove a refusal changed nothing."""
    rows = [serializers.serialize("json", model.objects.order_by("pk"))
            for model in (PeerReview, PeerReviewParticipant, Recommendation, GoodPractice)]
    return "\n".join([calendar_dump(), *rows])
