"""A small world for the evaluation tests: regions, a cluster with its manager, a partner reviewer of its region,
an authority, outsiders with API tokens, and peers with accepted evaluations (made directly with the models)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core import serializers

from smartcluster import evaluation as library
from smartcluster.accounts.models import ApiToken, Membership, MembershipRole
from smartcluster.accounts.services import api_token_create
from smartcluster.clusters.models import (
    ClusterProfile,
    CriteriaSet,
    Evaluation,
    EvaluationReview,
    EvaluationStatus,
)
from smartcluster.clusters.services.evaluation import criteria_set_default_ensure
from smartcluster.organisations.models import Organisation, OrganisationType, Partner, Project
from smartcluster.organisations.tests.factories import make_user
from smartcluster.regions.models import Region

YEAR = 2025
# A cluster-year that passes every scored indicator of the default set.
GOOD_INPUTS: dict[str, Any] = {
    "members": 40, "members_previous": 36, "sme_members": 25, "business_members": 30, "members_retained": 33,
    "member_types": 4, "management_fte": 2.5, "strategy": "yes", "public_grants": 300_000, "revenue": 600_000,
    "core_funding": 200_000, "contracted_next_12_months": 500_000, "annual_cost": 580_000,
    "contracted_next_36_months": 900_000, "members_using_services": 30, "collaborative_projects": 5,
    "funds_raised": 1_200_000, "international_agreements": 2, "satisfaction": 4.1, "label": "silver",
    "eccp_profile": "yes",
}


@dataclass
class EvaluationWorld:
    regions: dict[str, Region]
    criteria: CriteriaSet
    cluster: ClusterProfile
    authority: Organisation
    users: dict[str, Any] = field(default_factory=dict)
    tokens: dict[str, str] = field(default_factory=dict)


def region(code: str, parent: Region | None = None, name: str = "") -> Region:
    return Region.objects.create(code=code, version=2021, level=len(code) - 2, country=code[:2],
                                 name=name or code, parent=parent)


def cluster_profile(name: str, region_: Region | None, **fields: Any) -> ClusterProfile:
    organisation = Organisation.objects.create(name=name, type=OrganisationType.CLUSTER, region=region_,
                                               website="https://example.org")
    return ClusterProfile.objects.create(organisation=organisation, **fields)


def _user(world: EvaluationWorld, role: str, organisation: Organisation | None, membership_role: str) -> None:
    user = make_user(role, email=f"{role}@example.org")
    if organisation is not None:
        Membership.objects.create(user=user, organisation=organisation, role=membership_role)
    world.users[role] = user
    world.tokens[role] = api_token_create(user=user, name="tests")[1]


def build_evaluation_world() -> EvaluationWorld:
    """DE > DE1 > DE11 and DE12, EL > EL6 > EL61; a cluster in DE11 with its manager; a reviewer (partner editor
    of an agency whose partner region is DE1), a reviewer of EL61, an outsider cluster's manager, an authority
    editor, a viewer of the cluster and an administrator."""
    de = region("DE", name="Deutschland")
    de1 = region("DE1", de, "Baden-Württemberg")
    el = region("EL", name="Elláda")
    el6 = region("EL6", el, "Kentriki Elláda")
    regions = {"DE": de, "DE1": de1, "DE11": region("DE11", de1, "Stuttgart"),
               "DE12": region("DE12", de1, "Karlsruhe"), "EL": el, "EL6": el6,
               "EL61": region("EL61", el6, "Thessalia")}
    cluster = cluster_profile("Stuttgart Robotics Cluster", regions["DE11"], management_fte=2, has_strategy=True)
    agency = Organisation.objects.create(name="BW Agency", type=OrganisationType.DEVELOPMENT_AGENCY,
                                         region=de1)
    greek = Organisation.objects.create(name="Thessaly Authority", type=OrganisationType.PUBLIC_AUTHORITY,
                                        region=regions["EL61"])
    project = Project.objects.create(name="Clusters in Smart Industry", acronym="CSI", programme="Interreg Europe")
    Partner.objects.create(project=project, organisation=agency).regions.add(de1)
    Partner.objects.create(project=project, organisation=greek).regions.add(regions["EL61"])
    other = cluster_profile("Athens Cluster", regions["EL61"])
    world = EvaluationWorld(regions, criteria_set_default_ensure(), cluster, agency)
    _user(world, "manager", cluster.organisation, MembershipRole.PARTNER_EDITOR)
    _user(world, "viewer", cluster.organisation, MembershipRole.VIEWER)
    _user(world, "reviewer", agency, MembershipRole.PARTNER_EDITOR)
    _user(world, "greek_reviewer", greek, MembershipRole.PARTNER_EDITOR)
    _user(world, "outsider", other.organisation, MembershipRole.PARTNER_EDITOR)
    _user(world, "anonymous_like", None, MembershipRole.VIEWER)
    administration = Organisation.objects.create(name="Secretariat", type=OrganisationType.PUBLIC_AUTHORITY)
    _user(world, "administrator", administration, MembershipRole.ADMINISTRATOR)
    return world


def accepted_peer(name: str, region_: Region, criteria: CriteriaSet, inputs: dict[str, Any],
                  year: int = YEAR, *, published: bool = True) -> Evaluation:
    """A peer cluster with an accepted evaluation scored by the library (no peers, as the default set needs none)."""
    profile = cluster_profile(name, region_)
    definition = library.criteria_set_from_mapping(criteria.definition)
    result = library.evaluation_score(definition, inputs, data_year=year)
    return Evaluation.objects.create(profile=profile, criteria=criteria, data_year=year, inputs=inputs,
                                     status=EvaluationStatus.ACCEPTED, result=result.as_dict(),
                                     is_published=published)


def peers_in(region_: Region, criteria: CriteriaSet, count: int = 5, year: int = YEAR) -> list[Evaluation]:
    """`count` peers of a region, their member numbers 10, 20, … so that positions are easy to check."""
    return [accepted_peer(f"Peer {region_.code} {index}", region_, criteria,
                          {**GOOD_INPUTS, "members": 10 * (index + 1), "satisfaction": 3.0 + index * 0.2}, year)
            for index in range(count)]


def evaluation_dump() -> str:
    """Every row the evaluation part writes, to prove a refused change changed nothing."""
    querysets = [CriteriaSet.objects.all(), Evaluation.objects.all(), EvaluationReview.objects.all()]
    rows = [serializers.serialize("json", queryset.order_by("pk")) for queryset in querysets]
    rows.append(serializers.serialize("json", ApiToken.objects.order_by("pk"), fields=["user", "name", "key_hash"]))
    return "\n".join(rows)
