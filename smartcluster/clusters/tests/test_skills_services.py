"""Skills needs and training offers: ESCO URIs checked by form, managers change only their own cluster's
records, refusals change nothing, the matching rule and the needs × offers view."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest
from django.core import serializers
from django.core.exceptions import PermissionDenied, ValidationError

from smartcluster.accounts.models import Membership, MembershipRole
from smartcluster.accounts.services import api_token_create
from smartcluster.clusters import selectors, services
from smartcluster.clusters.models import (
    ClusterProfile,
    Commitment,
    CommitmentProgress,
    Mission,
    MissionIndicator,
    SkillNeed,
    TrainingOffer,
)
from smartcluster.maturity.models import SupportOffer
from smartcluster.organisations.models import Organisation, OrganisationType
from smartcluster.organisations.tests.factories import make_user
from smartcluster.regions.models import Region

pytestmark = pytest.mark.django_db
SKILL_URI = "http://data.europa.eu/esco/skill/2b9f4c1e-6a3f-4e0b-9a63-0c1f3b7d9e21"
OCCUPATION_URI = "http://data.europa.eu/esco/occupation/7c3d1b4e-1f2a-4b5c-8d9e-0a1b2c3d4e5f"


@dataclass
class Clusters:
    """Two cluster organisations (Thessaly, Murcia), a manager of each, a viewer and an administrator."""

    thessaly: ClusterProfile
    murcia: ClusterProfile
    users: dict[str, Any] = field(default_factory=dict)
    tokens: dict[str, str] = field(default_factory=dict)


def region(code: str) -> Region:
    return Region.objects.get_or_create(code=code, version=2021, defaults={
        "level": len(code) - 2, "country": code[:2], "name": code})[0]


def build_clusters() -> Clusters:
    for code in ("EL", "EL6", "EL61", "ES", "ES6", "ES62"):
        region(code)
    profiles = {}
    for key, name, code in (("thessaly", "Thessaly Agrifood Cluster", "EL61"),
                            ("murcia", "Murcia Industry Cluster", "ES62")):
        organisation = Organisation.objects.create(name=name, type=OrganisationType.CLUSTER, region=region(code))
        profiles[key] = ClusterProfile.objects.create(organisation=organisation)
    world = Clusters(thessaly=profiles["thessaly"], murcia=profiles["murcia"])
    secretariat = Organisation.objects.create(name="Secretariat", type=OrganisationType.PUBLIC_AUTHORITY)
    for role, organisation, membership in (
            ("manager_t", world.thessaly.organisation, MembershipRole.PARTNER_EDITOR),
            ("manager_m", world.murcia.organisation, MembershipRole.PARTNER_EDITOR),
            ("viewer_t", world.thessaly.organisation, MembershipRole.VIEWER),
            ("administrator", secretariat, MembershipRole.ADMINISTRATOR)):
        user = make_user(role)
        Membership.objects.create(user=user, organisation=organisation, role=membership)
        world.users[role] = user
        world.tokens[role] = api_token_create(user=user, name="tests")[1]
    return world


def clusters_dump() -> str:
    """Every skills and mission row, to prove that a refused write changed nothing."""
    models = [SkillNeed, TrainingOffer, Mission, MissionIndicator, Commitment, CommitmentProgress]
    return "\n".join(serializers.serialize("json", model.objects.order_by("pk")) for model in models)


@pytest.fixture
def world() -> Clusters:
    return build_clusters()


def need_data(**overrides: Any) -> dict[str, Any]:
    return {"kind": "skill", "label": "Data analysis", "urgency": "high", "people": 40, "year": 2025,
            **overrides}


def test_a_manager_records_a_need_with_an_esco_uri_stored_in_lower_case(world: Clusters) -> None:
    need = services.skill_need_create(user=world.users["manager_t"], profile=world.thessaly,
                                      data=need_data(esco_uri=SKILL_URI[:-36] + SKILL_URI[-36:].upper()))
    assert need.esco_uri == SKILL_URI and need.people == 40


@pytest.mark.parametrize("uri", ["https://esco.ec.europa.eu/en/classification/skill?uri=x",
                                 "http://data.europa.eu/esco/skill/not-a-uuid",
                                 "http://data.europa.eu/esco/isco/C2511",
                                 "http://example.org/esco/skill/2b9f4c1e-6a3f-4e0b-9a63-0c1f3b7d9e21"])
def test_other_uris_are_refused_naming_the_field_and_nothing_is_saved(world: Clusters, uri: str) -> None:
    with pytest.raises(ValidationError) as refusal:
        services.skill_need_create(user=world.users["manager_t"], profile=world.thessaly, data=need_data(esco_uri=uri))
    assert "esco_uri" in refusal.value.message_dict and "not an ESCO URI" in refusal.value.message_dict["esco_uri"][0]
    assert not SkillNeed.objects.exists()


def test_an_occupation_uri_on_a_skill_is_refused(world: Clusters) -> None:
    with pytest.raises(ValidationError) as refusal:
        services.skill_need_create(user=world.users["manager_t"], profile=world.thessaly,
                                   data=need_data(esco_uri=OCCUPATION_URI))
    assert "occupation" in refusal.value.message_dict["esco_uri"][0]
    need = services.skill_need_create(user=world.users["manager_t"], profile=world.thessaly,
                                      data=need_data(kind="occupation", label="Welder", esco_uri=OCCUPATION_URI))
    assert need.esco_uri == OCCUPATION_URI


def test_a_need_without_uri_is_free_text(world: Clusters) -> None:
    need = services.skill_need_create(user=world.users["manager_t"], profile=world.thessaly,
                                      data=need_data(label="Κυβερνοασφάλεια"))
    assert need.esco_uri == "" and need.label == "Κυβερνοασφάλεια"


@pytest.mark.parametrize("role", ["manager_m", "viewer_t"])
def test_others_may_not_record_or_change_a_clusters_needs(world: Clusters, role: str) -> None:
    need = services.skill_need_create(user=world.users["manager_t"], profile=world.thessaly, data=need_data())
    before = clusters_dump()
    with pytest.raises(PermissionDenied):
        services.skill_need_create(user=world.users[role], profile=world.thessaly, data=need_data(label="Welding"))
    with pytest.raises(PermissionDenied):
        services.skill_need_update(user=world.users[role], need=SkillNeed.objects.get(pk=need.pk),
                                   data={"people": 1})
    with pytest.raises(PermissionDenied):
        services.skill_need_delete(user=world.users[role], need=SkillNeed.objects.get(pk=need.pk))
    assert clusters_dump() == before


def test_the_administrator_may_change_any_clusters_need(world: Clusters) -> None:
    need = services.skill_need_create(user=world.users["administrator"], profile=world.murcia, data=need_data())
    services.skill_need_update(user=world.users["administrator"], need=need, data={"people": 5})
    assert SkillNeed.objects.get(pk=need.pk).people == 5


def test_a_cluster_offer_names_no_other_provider(world: Clusters) -> None:
    with pytest.raises(ValidationError) as refusal:
        services.training_offer_create(user=world.users["manager_t"], profile=world.thessaly, data={
            "provider": "cluster", "provider_organisation": world.murcia.organisation, "title": "Welding"})
    assert "provider_organisation" in refusal.value.message_dict
    offer = services.training_offer_create(user=world.users["manager_t"], profile=world.thessaly, data={
        "provider": "university", "provider_organisation": world.murcia.organisation, "title": "Welding",
        "places": 20, "url": "https://example.org/welding"})
    assert offer.provider_organisation == world.murcia.organisation


@pytest.mark.parametrize(("need", "offer", "rule"), [
    ("Data analysis", "Data analytics for manufacturing SMEs", "text"),
    ("PLC programming", "Programming PLCs in practice", "text"),
    ("Ψηφιακό μάρκετινγκ", "Ψηφιακό Μάρκετινγκ για ΜμΕ", "text"),
    ("Robotics maintenance", "Robotics for beginners", ""),
    ("AI", "Applied AI", "text"),
    ("and", "and", ""),
])
def test_the_matching_rule_compares_the_words_of_labels(need: str, offer: str, rule: str) -> None:
    assert selectors.offer_matches_need(need_label=need, need_uri="", offer_title=offer, offer_uri="") == rule


def test_the_matching_rule_prefers_esco_uris_over_words() -> None:
    assert selectors.offer_matches_need(need_label="x", need_uri=SKILL_URI, offer_title="y",
                                        offer_uri=SKILL_URI) == "esco"
    # two different URIs are two different skills, whatever the words say
    assert selectors.offer_matches_need(need_label="Welding", need_uri=SKILL_URI, offer_title="Welding",
                                        offer_uri=OCCUPATION_URI) == ""


def test_needs_offers_view_lists_unmatched_needs_first_with_support_offers_of_the_region(world: Clusters) -> None:
    manager = world.users["manager_t"]
    for label, urgency, people in (("Data analysis", "medium", 40), ("Welding", "low", 12),
                                   ("Cybersecurity", "high", 8), ("Energy auditing", "high", 30)):
        services.skill_need_create(user=manager, profile=world.thessaly,
                                   data=need_data(label=label, urgency=urgency, people=people))
    services.training_offer_create(user=manager, profile=world.thessaly,
                                   data={"provider": "cluster", "title": "Data analytics for SMEs"})
    SupportOffer.objects.create(region=region("EL"), kind="training", name="National cybersecurity academy")
    SupportOffer.objects.create(region=region("ES"), kind="training", name="Welding school (Spain)")
    SupportOffer.objects.create(region=region("EL6"), kind="funding", name="Energy auditing vouchers")
    view = selectors.skills_needs_offers(user=None, profile=world.thessaly)
    assert [(row.need.label, row.rule) for row in view.rows] == [
        ("Energy auditing", ""), ("Welding", ""), ("Cybersecurity", "text"), ("Data analysis", "text")]
    assert view.unmatched_people == 42
    assert [offer.source for offer in view.rows[2].offers] == ["support"]


def test_the_region_view_reads_every_cluster_of_the_nuts_prefix(world: Clusters) -> None:
    services.skill_need_load(profile=world.thessaly, label="Welding", year=2025, people=5, urgency="high")
    services.skill_need_load(profile=world.murcia, label="Welding", year=2025, people=7, urgency="high")
    services.training_offer_load(profile=world.murcia, title="Welding course", provider="member")
    assert [row.need.profile for row in selectors.skills_needs_offers(user=None, region_code="ES6").rows] == [
        world.murcia]
    assert selectors.skills_needs_offers(user=None, region_code="ES6").rows[0].matched
    everywhere = selectors.skills_needs_offers(user=None, region_code="")
    assert len(everywhere.rows) == 2 and all(row.matched for row in everywhere.rows)
    assert selectors.skills_region_errors(region_code="E")["region"].startswith("“E” is not")


def test_needs_of_an_unpublished_cluster_are_read_only_by_its_members(world: Clusters) -> None:
    services.skill_need_load(profile=world.murcia, label="Welding", year=2025, people=7)
    ClusterProfile.objects.filter(pk=world.murcia.pk).update(is_published=False)
    assert not selectors.skill_need_list(user=world.users["manager_t"]).exists()
    assert selectors.skill_need_list(user=world.users["manager_m"]).count() == 1


def test_loaders_are_idempotent(world: Clusters) -> None:
    for _ in range(2):
        services.skill_need_load(profile=world.thessaly, label="Welding", year=2025, people=5)
        services.training_offer_load(profile=world.thessaly, title="Welding course", provider="cluster",
                                     esco_uri=SKILL_URI)
    assert SkillNeed.objects.count() == 1 and TrainingOffer.objects.count() == 1


def test_a_year_out_of_range_is_refused_naming_the_field(world: Clusters) -> None:
    with pytest.raises(ValidationError) as refusal:
        services.skill_need_create(user=world.users["manager_t"], profile=world.thessaly, data=need_data(year=1850))
    assert "year" in refusal.value.message_dict and not SkillNeed.objects.exists()
