"""Criteria sets, self-evaluations and their review: who may do what, what is pre-filled, what is stored."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError

from smartcluster.accounts.permissions import can_change
from smartcluster.clusters import selectors, services
from smartcluster.clusters.models import (
    ClusterLabel,
    ClusterMember,
    CriteriaSet,
    CriteriaStatus,
    Evaluation,
    EvaluationStatus,
    FundingRecord,
    InternationalAgreement,
    LabelKind,
    MemberCount,
    ReviewAction,
)
from smartcluster.clusters.tests.evaluation_world import (
    GOOD_INPUTS,
    YEAR,
    EvaluationWorld,
    accepted_peer,
    build_evaluation_world,
    cluster_profile,
    evaluation_dump,
    peers_in,
    region,
)
from smartcluster.evaluation import packaged_criteria_text
from smartcluster.notifications.models import Notification
from smartcluster.organisations.models import Organisation, OrganisationType

pytestmark = pytest.mark.django_db

OWN_SET = """
code: stuttgart
version: 1
title: Stuttgart criteria
areas:
  - key: structure
    title: Structure
    indicators:
      - key: members
        title: Members
        threshold: {minimum: 30}
      - key: satisfaction
        title: Satisfaction
        threshold: {minimum: 4}
"""


@pytest.fixture
def world() -> EvaluationWorld:
    return build_evaluation_world()


def _authority_editor(world: EvaluationWorld) -> Any:
    return world.users["reviewer"]  # an editor of the development agency


def _submitted(world: EvaluationWorld, inputs: dict[str, Any] | None = None) -> Evaluation:
    manager = world.users["manager"]
    evaluation = services.evaluation_start(user=manager, profile=world.cluster, criteria=world.criteria,
                                           data_year=YEAR)
    services.evaluation_draft_save(user=manager, evaluation=evaluation, inputs=inputs or GOOD_INPUTS)
    return services.evaluation_submit(user=manager, evaluation=evaluation)


# --- criteria sets -------------------------------------------------------------------------------------------------

def test_the_default_set_is_published_by_the_migration_and_ensuring_it_again_adds_nothing(world: Any) -> None:
    stored = CriteriaSet.objects.get(code="default", version=1)
    assert stored.status == CriteriaStatus.PUBLISHED and stored.organisation is None
    assert stored.source_text == packaged_criteria_text()
    assert services.criteria_set_default_ensure() == stored
    assert CriteriaSet.objects.filter(code="default").count() == 1
    assert selectors.criteria_set_definition(criteria=stored).indicator("members").recommendation


def test_an_authority_uploads_a_draft_publishes_it_and_a_published_version_is_frozen(world: Any) -> None:
    editor = _authority_editor(world)
    draft = services.criteria_set_upload(user=editor, organisation=world.authority, text=OWN_SET)
    assert (draft.code, draft.version, draft.status) == ("stuttgart", 1, CriteriaStatus.DRAFT)
    again = services.criteria_set_upload(user=editor, organisation=world.authority,
                                         text=OWN_SET.replace("minimum: 30", "minimum: 25"))
    assert again.pk == draft.pk and again.definition["areas"][0]["indicators"][0]["threshold"] == {"minimum": 25}
    services.criteria_set_publish(user=editor, criteria=again)
    before = evaluation_dump()
    with pytest.raises(ValidationError, match="upload the change as version 2"):
        services.criteria_set_upload(user=editor, organisation=world.authority, text=OWN_SET)
    assert evaluation_dump() == before
    second = services.criteria_set_upload(user=editor, organisation=world.authority,
                                          text=OWN_SET.replace("version: 1", "version: 2"))
    assert second.version == 2 and second.status == CriteriaStatus.DRAFT
    services.criteria_set_retire(user=editor, criteria=again)
    assert CriteriaSet.objects.get(pk=again.pk).status == CriteriaStatus.RETIRED


def test_a_bad_criteria_set_is_refused_naming_the_field_and_nothing_is_stored(world: Any) -> None:
    before = evaluation_dump()
    with pytest.raises(ValidationError) as refused:
        services.criteria_set_upload(user=_authority_editor(world), organisation=world.authority,
                                     text=OWN_SET.replace("{minimum: 4}", "{minimum: high}"))
    assert "indicators.satisfaction.threshold.minimum" in refused.value.message_dict["source_text"][0]
    assert evaluation_dump() == before


def test_yaml_aliases_and_oversized_sets_are_refused_before_they_are_read(world: Any) -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n" \
           "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\ntitle: *c\n"
    before = evaluation_dump()
    with pytest.raises(ValidationError, match="aliases"):
        services.criteria_set_upload(user=_authority_editor(world), organisation=world.authority, text=bomb)
    with pytest.raises(ValidationError, match="at most"):
        services.criteria_set_upload(user=_authority_editor(world), organisation=world.authority,
                                     text=OWN_SET + "#" * services.CRITERIA_TEXT_LIMIT)
    assert evaluation_dump() == before


def test_a_cluster_manager_or_another_publisher_may_not_publish_criteria(world: Any) -> None:
    before = evaluation_dump()
    with pytest.raises(PermissionDenied):
        services.criteria_set_upload(user=world.users["manager"], organisation=world.cluster.organisation,
                                     text=OWN_SET)
    with pytest.raises(ValidationError, match="belongs to another publisher"):
        services.criteria_set_upload(user=_authority_editor(world), organisation=world.authority,
                                     text=OWN_SET.replace("code: stuttgart", "code: default").replace(
                                         "version: 1", "version: 2"))
    with pytest.raises(PermissionDenied):
        services.criteria_set_retire(user=_authority_editor(world), criteria=world.criteria)
    assert evaluation_dump() == before


def test_a_new_criteria_version_after_evaluations_exist_leaves_old_scores_unchanged(world: Any) -> None:
    editor = _authority_editor(world)
    first = services.criteria_set_publish(user=editor, criteria=services.criteria_set_upload(
        user=editor, organisation=world.authority, text=OWN_SET))
    manager = world.users["manager"]
    evaluation = services.evaluation_start(user=manager, profile=world.cluster, criteria=first, data_year=YEAR)
    services.evaluation_draft_save(user=manager, evaluation=evaluation, inputs={"members": 28, "satisfaction": 4.2})
    services.evaluation_submit(user=manager, evaluation=evaluation)
    services.evaluation_review(user=world.users["reviewer"], evaluation=evaluation, action=ReviewAction.ACCEPT)
    stored = Evaluation.objects.get(pk=evaluation.pk).result
    assert stored["percent"] == 50.0 and stored["criteria_version"] == 1

    second = services.criteria_set_upload(user=editor, organisation=world.authority,
                                          text=OWN_SET.replace("version: 1", "version: 2").replace("30", "20"))
    services.criteria_set_publish(user=editor, criteria=second)
    services.criteria_set_retire(user=editor, criteria=first)
    kept = Evaluation.objects.get(pk=evaluation.pk)
    assert kept.result == stored and kept.criteria_id == first.pk
    assert selectors.evaluation_result(evaluation=kept).indicators[0].bound == 30.0
    assert CriteriaSet.objects.get(pk=first.pk).definition["version"] == 1


# --- self-evaluation -----------------------------------------------------------------------------------------------

def _member(world: EvaluationWorld, name: str, member_type: str, joined: int, left: int | None = None,
            uses_services: bool = False) -> None:
    organisation = Organisation.objects.create(name=name, type=OrganisationType.SME)
    ClusterMember.objects.create(profile=world.cluster, organisation=organisation, member_type=member_type,
                                 year_joined=joined, year_left=left, uses_services=uses_services)


def test_the_registry_and_funding_records_pre_fill_the_figures_they_hold(world: Any) -> None:
    _member(world, "Old SME", "sme", 2020, uses_services=True)
    _member(world, "Left SME", "sme", 2020, left=YEAR - 1)  # gone by 31 December of the year it left
    _member(world, "New Firm", "large_firm", YEAR)
    _member(world, "University", "research_education", 2019, uses_services=True)
    for level, year, expires in (("gold", 2018, dt.date(2020, 1, 1)), ("silver", 2024, dt.date(2027, 1, 1)),
                                 ("bronze", 2025, None)):
        ClusterLabel.objects.create(profile=world.cluster, kind=LabelKind.CLUSTER_MANAGEMENT, level=level,
                                    year=year, expires_on=expires)
    InternationalAgreement.objects.create(profile=world.cluster, partner_name="Lyon", country="FR", year=2024)
    InternationalAgreement.objects.create(profile=world.cluster, partner_name="Later", country="FR", year=2026)
    FundingRecord.objects.create(profile=world.cluster, year=YEAR, revenue=500_000, regional_grants=30,
                                 eu_grants=20, membership_fees=50, core_funding=100_000, annual_cost=450_000)
    figures = selectors.evaluation_prefill(profile=world.cluster, criteria=world.criteria, data_year=YEAR)
    assert figures == {
        "members": 3, "member_types": 3, "sme_members": 1, "business_members": 2,
        "members_previous": 2, "members_retained": 2, "members_using_services": 2,
        "management_fte": 2.0, "strategy": "yes", "eccp_profile": "no", "label": "silver",
        "international_agreements": 1, "revenue": 500_000.0, "public_grants": 250_000.0,
        "core_funding": 100_000.0, "annual_cost": 450_000.0}
    evaluation = services.evaluation_start(user=world.users["manager"], profile=world.cluster,
                                           criteria=world.criteria, data_year=YEAR)
    assert evaluation.inputs == figures and evaluation.status == EvaluationStatus.DRAFT


def test_member_counts_by_type_pre_fill_a_cluster_that_keeps_no_list(world: Any) -> None:
    world.cluster.keeps_member_list = False
    world.cluster.save()
    for member_type, count in (("sme", 12), ("public", 2)):
        MemberCount.objects.create(profile=world.cluster, year=YEAR, member_type=member_type, count=count)
    figures = selectors.evaluation_prefill(profile=world.cluster, criteria=world.criteria, data_year=YEAR)
    assert (figures["members"], figures["member_types"], figures["business_members"]) == (14, 2, 12)
    assert "members_previous" not in figures and "members_using_services" not in figures


def test_only_the_clusters_editors_start_an_evaluation_once_per_year_and_set(world: Any) -> None:
    before = evaluation_dump()
    for role in ("viewer", "outsider", "reviewer"):
        with pytest.raises(PermissionDenied):
            services.evaluation_start(user=world.users[role], profile=world.cluster, criteria=world.criteria,
                                      data_year=YEAR)
    assert evaluation_dump() == before
    services.evaluation_start(user=world.users["manager"], profile=world.cluster, criteria=world.criteria,
                              data_year=YEAR)
    with pytest.raises(ValidationError) as refused:
        services.evaluation_start(user=world.users["manager"], profile=world.cluster, criteria=world.criteria,
                                  data_year=YEAR)
    assert "data_year" in refused.value.message_dict
    with pytest.raises(ValidationError, match="past or the current year"):
        services.evaluation_start(user=world.users["manager"], profile=world.cluster, criteria=world.criteria,
                                  data_year=dt.date.today().year + 1)


def test_a_draft_keeps_partial_figures_and_every_bad_one_is_named_at_once(world: Any) -> None:
    manager = world.users["manager"]
    evaluation = services.evaluation_start(user=manager, profile=world.cluster, criteria=world.criteria,
                                           data_year=YEAR)
    services.evaluation_draft_save(user=manager, evaluation=evaluation, inputs={"members": 20, "satisfaction": ""})
    assert Evaluation.objects.get(pk=evaluation.pk).inputs == {"members": 20}
    before = evaluation_dump()
    with pytest.raises(ValidationError) as refused:
        services.evaluation_draft_save(user=manager, evaluation=evaluation,
                                       inputs={"members": -3, "revenue": "lots", "label": "platinum"})
    assert set(refused.value.message_dict) == {"members", "revenue", "label"}
    assert evaluation_dump() == before


def test_submitting_is_refused_while_a_stored_figure_is_bad_and_then_recorded(world: Any) -> None:
    manager = world.users["manager"]
    evaluation = services.evaluation_start(user=manager, profile=world.cluster, criteria=world.criteria,
                                           data_year=YEAR)
    Evaluation.objects.filter(pk=evaluation.pk).update(inputs={"members": "many"})  # e.g. an older import
    evaluation.refresh_from_db()
    with pytest.raises(ValidationError) as refused:
        services.evaluation_submit(user=manager, evaluation=evaluation)
    assert "members" in refused.value.message_dict
    assert Evaluation.objects.get(pk=evaluation.pk).status == EvaluationStatus.DRAFT
    services.evaluation_draft_save(user=manager, evaluation=evaluation, inputs={"members": 20})
    services.evaluation_submit(user=manager, evaluation=evaluation)
    step = evaluation.reviews.get()
    assert (step.action, step.author) == (ReviewAction.SUBMIT, manager)
    told = Notification.objects.get()  # the reviewer of DE1 ⊃ DE11, not the Greek one nor the manager
    assert (told.user, told.kind) == (world.users["reviewer"], services.EVALUATION_SUBMITTED)
    with pytest.raises(ValidationError):
        services.evaluation_draft_save(user=manager, evaluation=evaluation, inputs={"members": 21})


# --- review --------------------------------------------------------------------------------------------------------

def test_only_a_partner_editor_of_the_clusters_region_reviews(world: Any) -> None:
    evaluation = _submitted(world)
    before = evaluation_dump()
    for role in ("greek_reviewer", "manager", "viewer", "outsider"):
        with pytest.raises(PermissionDenied):
            services.evaluation_review(user=world.users[role], evaluation=evaluation, action=ReviewAction.ACCEPT)
    assert evaluation_dump() == before
    assert list(selectors.evaluation_review_queue(user=world.users["reviewer"])) == [evaluation]
    assert not selectors.evaluation_review_queue(user=world.users["greek_reviewer"]).exists()


def test_asking_for_changes_needs_a_comment_and_tells_the_manager(world: Any) -> None:
    evaluation = _submitted(world)
    reviewer = world.users["reviewer"]
    with pytest.raises(ValidationError) as refused:
        services.evaluation_review(user=reviewer, evaluation=evaluation, action=ReviewAction.ASK_CHANGES)
    assert "comment" in refused.value.message_dict
    services.evaluation_review(user=reviewer, evaluation=evaluation, action=ReviewAction.ASK_CHANGES,
                               comment="Attach the member list.")
    evaluation.refresh_from_db()
    assert evaluation.status == EvaluationStatus.CHANGES_REQUESTED and evaluation.result is None
    step = evaluation.reviews.last()
    assert (step.action, step.comment, step.author) == (ReviewAction.ASK_CHANGES, "Attach the member list.",
                                                        reviewer)
    notice = Notification.objects.get(user=world.users["manager"], kind=services.EVALUATION_REVIEWED)
    assert notice.body == "Attach the member list."
    assert notice.url == f"/clusters/evaluations/{evaluation.pk}/"


def test_accepting_stores_the_score_with_its_peer_group_and_the_manager_publishes_it(world: Any) -> None:
    peers_in(world.regions["DE11"], world.criteria)
    evaluation = _submitted(world, {**GOOD_INPUTS, "satisfaction": 3.0})
    services.evaluation_review(user=world.users["reviewer"], evaluation=evaluation, action=ReviewAction.ACCEPT)
    evaluation.refresh_from_db()
    result = evaluation.result
    assert evaluation.status == EvaluationStatus.ACCEPTED
    assert (result["criteria_code"], result["data_year"], result["peer_group"], result["peer_group_size"]) == (
        "default", YEAR, "region DE11", 5)
    # 17 scored indicators in 6 areas; only satisfaction fails: results area 2/3, the others 100 %
    assert result["percent"] == pytest.approx((5 * 100 + 200 / 3) / 6, abs=1e-5) and result["excellent"]
    assert "accepted" in Notification.objects.get(user=world.users["manager"]).subject  # the manager's only one
    with pytest.raises(PermissionDenied):
        services.evaluation_publish(user=world.users["reviewer"], evaluation=evaluation)
    services.evaluation_publish(user=world.users["manager"], evaluation=evaluation)
    assert Evaluation.objects.get(pk=evaluation.pk).is_published


# --- peer groups ---------------------------------------------------------------------------------------------------

def test_peer_groups_by_region_country_partnership_and_all(world: Any) -> None:
    peers_in(world.regions["DE11"], world.criteria, count=2)
    peers_in(world.regions["DE12"], world.criteria, count=1)
    accepted_peer("Thessaly Peer", world.regions["EL61"], world.criteria, GOOD_INPUTS)
    accepted_peer("Lisbon Peer", region("PT17"), world.criteria, GOOD_INPUTS)
    accepted_peer("Old year", world.regions["DE11"], world.criteria, GOOD_INPUTS, year=YEAR - 1)
    evaluation = _submitted(world)
    sizes = {scope: selectors.evaluation_peer_group(evaluation=evaluation, scope=scope).size
             for scope in selectors.BenchmarkScope.values}
    # DE1 (the agency's partner region) and EL61 make the partnership; the cluster itself is never its own peer
    assert sizes == {"region": 2, "country": 3, "partnership": 4, "all": 5}
    assert selectors.evaluation_scoring_peers(evaluation=evaluation).name == "all"


def test_a_peer_percentile_threshold_is_resolved_against_the_scoring_peer_group(world: Any) -> None:
    editor = _authority_editor(world)
    criteria = services.criteria_set_publish(user=editor, criteria=services.criteria_set_upload(
        user=editor, organisation=world.authority, text=OWN_SET.replace("{minimum: 30}", "{percentile: 50}")))
    for index in range(5):  # members 10, 20, 30, 40, 50: the median is 30
        Evaluation.objects.create(profile=cluster_profile(f"Peer {index}", world.regions["DE11"]), criteria=criteria,
                                  data_year=YEAR, inputs={"members": 10 * (index + 1), "satisfaction": 4},
                                  status=EvaluationStatus.ACCEPTED)
    manager = world.users["manager"]
    evaluation = services.evaluation_start(user=manager, profile=world.cluster, criteria=criteria, data_year=YEAR)
    services.evaluation_draft_save(user=manager, evaluation=evaluation, inputs={"members": 30, "satisfaction": 4})
    services.evaluation_submit(user=manager, evaluation=evaluation)
    services.evaluation_review(user=world.users["reviewer"], evaluation=evaluation, action=ReviewAction.ACCEPT)
    members = Evaluation.objects.get(pk=evaluation.pk).result["indicators"][0]
    assert (members["bound"], members["percentile"], members["status"]) == (30.0, 50.0, "passed")


# --- the permission matrix of the evaluation part -----------------------------------------------------------------
# role: (reads a draft, changes a draft, reviews a submitted one, reads a published one)
MATRIX = {
    "anonymous": (False, False, False, True),
    "viewer": (True, False, False, True),  # a member of the cluster who does not edit it
    "manager": (True, True, False, True),  # never reviews its own cluster
    "reviewer": (False, False, True, True),  # partner editor of DE1 ⊃ DE11; reads drafts only once submitted
    "greek_reviewer": (False, False, False, True),  # partner editor of another region
    "outsider": (False, False, False, True),  # another cluster's manager
    "administrator": (True, True, True, True),
}


@pytest.mark.parametrize(("role", "expected"), MATRIX.items())
def test_evaluation_permission_matrix(world: Any, role: str, expected: tuple[bool, ...]) -> None:
    user = AnonymousUser() if role == "anonymous" else world.users[role]
    draft = services.evaluation_start(user=world.users["manager"], profile=world.cluster, criteria=world.criteria,
                                      data_year=YEAR)
    submitted = services.evaluation_submit(user=world.users["manager"], evaluation=services.evaluation_start(
        user=world.users["manager"], profile=world.cluster, criteria=world.criteria, data_year=YEAR - 1))
    published = peers_in(world.regions["DE12"], world.criteria, count=1)[0]
    reads_draft = selectors.evaluation_list(user=user).filter(pk=draft.pk).exists()
    assert (reads_draft, can_change(user, world.cluster),
            selectors.evaluation_may_review(user=user, evaluation=submitted),
            selectors.evaluation_list(user=user).filter(pk=published.pk).exists()) == expected
