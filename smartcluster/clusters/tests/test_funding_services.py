"""Funding records: saved per cluster and year by its managers, figures checked by the evaluation library, and the
figures, member counts and dependency flag read back per cluster and per group."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from smartcluster.clusters import selectors, services
from smartcluster.clusters.models import ClusterMember, FundingRecord
from smartcluster.clusters.tests.funding_world import (
    FundingWorld,
    build_funding_world,
    funding_data,
    funding_dump,
    profile,
)
from smartcluster.organisations.models import Organisation, OrganisationType

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> FundingWorld:
    return build_funding_world()


def test_a_manager_saves_and_updates_a_year_of_its_own_cluster(world: FundingWorld) -> None:
    manager = world.users["manager"]
    record = services.funding_record_save(user=manager, profile=world.alpha, year=2024, data=funding_data())
    assert record.pk and record.revenue == Decimal(100000)
    services.funding_record_save(user=manager, profile=world.alpha, year=2024, data={"revenue": Decimal(120000)})
    record.refresh_from_db()
    assert FundingRecord.objects.count() == 1 and record.revenue == Decimal(120000)
    assert record.eu_grants == Decimal(10)  # what was not given kept its value


def test_shares_not_summing_to_100_are_refused_naming_the_shares(world: FundingWorld) -> None:
    with pytest.raises(ValidationError) as refused:
        services.funding_record_save(user=world.users["manager"], profile=world.alpha, year=2024,
                                     data=funding_data(eu_grants=Decimal("9.4")))  # sum 99.4
    assert list(refused.value.message_dict) == [services.SHARES_FIELD]
    assert "99.4" in refused.value.message_dict[services.SHARES_FIELD][0]
    assert not FundingRecord.objects.exists()


def test_a_sum_within_half_a_point_of_100_is_accepted(world: FundingWorld) -> None:
    services.funding_record_save(user=world.users["manager"], profile=world.alpha, year=2024,
                                 data=funding_data(eu_grants=Decimal("10.5")))  # 100.5
    assert FundingRecord.objects.get().eu_grants == Decimal("10.5")


def test_a_share_out_of_range_and_core_funding_above_revenue_name_their_field(world: FundingWorld) -> None:
    manager = world.users["manager"]
    with pytest.raises(ValidationError) as refused:
        services.funding_record_save(user=manager, profile=world.alpha, year=2024,
                                     data=funding_data(eu_grants=Decimal(-10), membership_fees=Decimal(50)))
    assert list(refused.value.message_dict) == ["eu_grants"]
    with pytest.raises(ValidationError) as refused:
        services.funding_record_save(user=manager, profile=world.alpha, year=2024,
                                     data=funding_data(core_funding=Decimal(100001)))
    assert list(refused.value.message_dict) == ["core_funding"]


@pytest.mark.parametrize("role", ["other_manager", "outsider"])
def test_others_may_neither_save_nor_delete_a_clusters_funding(world: FundingWorld, role: str) -> None:
    record = services.funding_record_load(profile=world.alpha, year=2023, data=funding_data())
    before = funding_dump()
    with pytest.raises(PermissionDenied):
        services.funding_record_save(user=world.users[role], profile=world.alpha, year=2024, data=funding_data())
    with pytest.raises(PermissionDenied):
        services.funding_record_delete(user=world.users[role], record=record)
    assert funding_dump() == before


def test_an_administrator_deletes_a_year(world: FundingWorld) -> None:
    record = services.funding_record_load(profile=world.alpha, year=2023, data=funding_data())
    services.funding_record_delete(user=world.users["administrator"], record=record)
    assert not FundingRecord.objects.exists()


def _series(world: FundingWorld, public: list[int]) -> None:
    """Years 2021… with the given public dependency (regional grants), the rest membership fees."""
    for offset, share in enumerate(public):
        services.funding_record_load(profile=world.alpha, year=2021 + offset, data=funding_data(
            regional_grants=Decimal(share), national_grants=0, eu_grants=0, membership_fees=Decimal(100 - share),
            paid_services=0, project_income=0, sponsorship_other=0))


def test_public_dependency_rising_three_times_running_is_flagged(world: FundingWorld) -> None:
    _series(world, [30, 35, 40, 45])
    overview = selectors.funding_overview(user=world.users["outsider"], profile=world.alpha)
    assert [row.figures.public_dependency for row in overview.rows] == [30, 35, 40, 45]
    assert overview.trend.rising and overview.trend.rises_running == 3


def test_public_dependency_with_a_fall_between_is_not_flagged(world: FundingWorld) -> None:
    _series(world, [30, 35, 33, 40])
    overview = selectors.funding_overview(user=world.users["outsider"], profile=world.alpha)
    assert not overview.trend.rising and overview.trend.rises_running == 1


def test_figures_per_year_from_the_record_members_and_fte(world: FundingWorld) -> None:
    for number, year_left in enumerate([None, None, None, 2023]):
        member = Organisation.objects.create(name=f"Member {number}", type=OrganisationType.SME)
        ClusterMember.objects.create(profile=world.alpha, organisation=member, member_type="sme", year_joined=2020,
                                     year_left=year_left)
    services.funding_record_load(profile=world.alpha, year=2024, data=funding_data())
    row = selectors.funding_overview(user=None, profile=world.alpha).rows[0]
    figures = row.figures
    assert row.members == 3  # the member who left in 2023 is not counted
    assert figures.public_dependency == 40
    assert (figures.core_share, figures.project_share) == (60, 40)
    assert (figures.secured_12_months, figures.secured_36_months) == (0.5, 1.25)
    assert figures.revenue_per_member == pytest.approx(100000 / 3)
    assert figures.revenue_per_fte == 50000
    assert figures.revenue_by_source["membership_fees"] == 30000


def test_the_public_reads_published_years_and_the_manager_drafts_too(world: FundingWorld) -> None:
    services.funding_record_load(profile=world.alpha, year=2023, data=funding_data())
    services.funding_record_load(profile=world.alpha, year=2024, data=funding_data(is_published=False))
    public = selectors.funding_overview(user=world.users["outsider"], profile=world.alpha)
    own = selectors.funding_overview(user=world.users["manager"], profile=world.alpha)
    assert [row.record.year for row in public.rows] == [2023]
    assert [row.record.year for row in own.rows] == [2023, 2024]


def test_a_group_sums_the_published_funding_of_its_clusters_per_year(world: FundingWorld) -> None:
    gamma = profile("Gamma Cluster", "DE12", management_fte=Decimal(1))
    services.funding_record_load(profile=world.alpha, year=2024, data=funding_data())
    services.funding_record_load(profile=gamma, year=2024, data=funding_data(
        revenue=Decimal(300000), regional_grants=Decimal(60), membership_fees=Decimal(10), paid_services=0,
        core_funding=None))
    services.funding_record_load(profile=world.beta, year=2024, data=funding_data())
    services.funding_record_load(profile=gamma, year=2025, data=funding_data(is_published=False))
    german = selectors.funding_group(region_prefix="DE1")
    assert [(year.year, year.clusters) for year in german.years] == [(2024, 2)]
    figures = german.years[0].figures
    # (100,000 × 40 % + 300,000 × 80 %) / 400,000
    assert figures.public_dependency == pytest.approx(70)
    assert figures.core_share is None  # Gamma reported no core funding
    assert figures.revenue_per_fte == pytest.approx(400000 / 3)
    assert selectors.funding_group(country="EL").years[0].clusters == 1
    assert selectors.funding_group().years[0].clusters == 3


def test_a_year_created_meanwhile_by_another_request_is_refused_naming_the_year(
        world: FundingWorld, monkeypatch: pytest.MonkeyPatch) -> None:
    services.funding_record_load(profile=world.alpha, year=2024, data=funding_data())
    before = funding_dump()
    checked_before_the_other_request = FundingRecord(profile=world.alpha, year=2024, **funding_data())
    monkeypatch.setattr("smartcluster.clusters.services.funding._record_for",
                        lambda *args: checked_before_the_other_request)
    with pytest.raises(ValidationError) as refused:
        services.funding_record_save(user=world.users["manager"], profile=world.alpha, year=2024,
                                     data=funding_data())
    assert list(refused.value.message_dict) == ["year"]
    assert funding_dump() == before
