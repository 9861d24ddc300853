"""The joint cluster mission: who creates missions and commits, evidence required, progress against the linear
path to the target year, totals per indicator, published missions only for others."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from smartcluster.clusters import selectors, services
from smartcluster.clusters.models import Commitment, CommitmentProgress, Mission
from smartcluster.clusters.tests.test_skills_services import Clusters, build_clusters, clusters_dump

pytestmark = pytest.mark.django_db
WORKERS = "Workers re- or upskilled"


@pytest.fixture
def world() -> Clusters:
    return build_clusters()


def make_mission(world: Clusters, **overrides: object) -> Mission:
    data = {"title": "Upskilling 4.0", "goal": "Re- and upskill the members' workers.",
            "target_date": dt.date(2030, 12, 31), "is_published": True, **overrides}
    return services.mission_create(user=world.users["manager_t"], organisation=world.thessaly.organisation,
                                   data=data, indicators=[(WORKERS, "workers"), ("Courses run", "courses")])


def commit(world: Clusters, mission: Mission, role: str = "manager_m", **overrides: object) -> Commitment:
    profile = world.murcia if role == "manager_m" else world.thessaly
    data = {"text": "Re-/upskill 200 workers of members by 2028", "target": Decimal(200), "target_year": 2028,
            **overrides}
    return services.commitment_create(user=world.users[role], profile=profile,
                                      indicator=mission.indicators.get(title=WORKERS), data=data)


def test_an_editor_of_the_organisation_creates_a_mission_with_indicators(world: Clusters) -> None:
    mission = make_mission(world)
    assert [(i.title, i.unit) for i in mission.indicators.all()] == [(WORKERS, "workers"), ("Courses run", "courses")]
    with pytest.raises(PermissionDenied):
        services.mission_create(user=world.users["manager_m"], organisation=world.thessaly.organisation,
                                data={"title": "x", "goal": "y", "target_date": dt.date(2030, 1, 1)},
                                indicators=[("a", "b")])
    with pytest.raises(ValidationError) as refusal:
        services.mission_create(user=world.users["manager_t"], organisation=world.thessaly.organisation,
                                data={"title": "x", "goal": "y", "target_date": dt.date(2030, 1, 1)})
    assert "indicators" in refusal.value.message_dict
    assert Mission.objects.count() == 1


def test_only_the_clusters_manager_commits_for_it_and_refusals_change_nothing(world: Clusters) -> None:
    mission = make_mission(world)
    before = clusters_dump()
    with pytest.raises(PermissionDenied):
        services.commitment_create(user=world.users["manager_t"], profile=world.murcia,
                                   indicator=mission.indicators.first(),
                                   data={"text": "x", "target": Decimal(5), "target_year": 2028})
    with pytest.raises(PermissionDenied):
        services.commitment_create(user=world.users["viewer_t"], profile=world.thessaly,
                                   indicator=mission.indicators.first(),
                                   data={"text": "x", "target": Decimal(5), "target_year": 2028})
    assert clusters_dump() == before
    commitment = commit(world, mission)
    with pytest.raises(PermissionDenied):
        services.commitment_update(user=world.users["manager_t"], commitment=commitment, data={"target": 1})
    with pytest.raises(PermissionDenied):
        services.commitment_progress_report(user=world.users["manager_t"], commitment=commitment, year=2025,
                                            value=Decimal(10), evidence_note="report")
    assert Commitment.objects.get().target == 200 and not CommitmentProgress.objects.exists()


def test_a_commitment_beyond_the_missions_target_date_or_twice_is_refused(world: Clusters) -> None:
    mission = make_mission(world)
    with pytest.raises(ValidationError) as refusal:
        commit(world, mission, target_year=2031)
    assert "target_year" in refusal.value.message_dict
    commit(world, mission)
    with pytest.raises(ValidationError) as refusal:
        commit(world, mission, target=Decimal(5))
    assert "indicator" in refusal.value.message_dict
    with pytest.raises(ValidationError) as refusal:
        services.mission_update(user=world.users["manager_t"], mission=Mission.objects.get(),
                                data={"target_date": dt.date(2027, 6, 30)})
    assert "target_date" in refusal.value.message_dict
    assert Mission.objects.get().target_date == dt.date(2030, 12, 31)


def test_an_unpublished_mission_takes_no_commitments_from_other_clusters(world: Clusters) -> None:
    mission = make_mission(world, is_published=False)
    with pytest.raises(ValidationError):
        commit(world, mission)
    assert not selectors.mission_list(user=world.users["manager_m"]).exists()
    assert selectors.mission_list(user=world.users["manager_t"]).count() == 1
    assert not selectors.mission_list(user=None).exists()


def test_progress_needs_evidence_and_a_begun_year(world: Clusters) -> None:
    commitment = commit(world, make_mission(world))
    manager = world.users["manager_m"]
    with pytest.raises(ValidationError) as refusal:
        services.commitment_progress_report(user=manager, commitment=commitment, year=2025, value=Decimal(10))
    assert "evidence_url" in refusal.value.message_dict
    with pytest.raises(ValidationError) as refusal:
        services.commitment_progress_report(user=manager, commitment=commitment, year=timezone.localdate().year + 1,
                                            value=Decimal(10), evidence_note="plan")
    assert "year" in refusal.value.message_dict
    assert not CommitmentProgress.objects.exists()
    services.commitment_progress_report(user=manager, commitment=commitment, year=2025, value=Decimal(10),
                                        evidence_note="Training register")
    services.commitment_progress_report(user=manager, commitment=commitment, year=2025, value=Decimal(30),
                                        evidence_url="https://example.org/report-2025")
    assert list(CommitmentProgress.objects.values_list("year", "value")) == [(2025, Decimal(30))]


def test_the_linear_path_gives_percent_and_on_track() -> None:
    # 200 by 2028, started 2025: the path is at 50 after 2025, 100 after 2026, 150 after 2027.
    status = selectors.commitment_status(target=Decimal(200), target_year=2028, start_year=2025,
                                         progress={2025: Decimal(60), 2026: Decimal(40)}, current_year=2027)
    assert (status.as_of_year, status.expected, status.achieved) == (2026, Decimal(100), Decimal(100))
    assert status.percent == 50.0 and status.on_track and not status.reached
    late = selectors.commitment_status(target=Decimal(200), target_year=2028, start_year=2025,
                                       progress={2025: Decimal(60), 2026: Decimal(39)}, current_year=2027)
    assert not late.on_track
    # silence is no progress: in 2029 the target year is over and 99 of 200 is behind
    silent = selectors.commitment_status(target=Decimal(200), target_year=2028, start_year=2025,
                                         progress={2025: Decimal(99)}, current_year=2029)
    assert (silent.as_of_year, silent.expected, silent.on_track) == (2028, Decimal(200), False)
    # a first year not yet over expects nothing
    fresh = selectors.commitment_status(target=Decimal(200), target_year=2028, start_year=2026, progress={},
                                        current_year=2026)
    assert fresh.expected == 0 and fresh.on_track and fresh.percent == 0.0


def test_mission_totals_sum_commitments_per_indicator(world: Clusters) -> None:
    mission = make_mission(world)
    first = commit(world, mission)
    second = commit(world, mission, role="manager_t", target=Decimal(100))
    services.commitment_progress_load(commitment=first, year=2025, value=Decimal(50), evidence_note="register")
    services.commitment_progress_load(commitment=second, year=2025, value=Decimal(25), evidence_note="register")
    totals = {total.indicator.title: total for total in selectors.mission_totals(user=None, mission=mission)}
    assert (totals[WORKERS].commitments, totals[WORKERS].target, totals[WORKERS].achieved) == (2, 300, 75)
    assert totals[WORKERS].percent == 25.0 and totals["Courses run"].percent is None


def test_loaders_are_idempotent(world: Clusters) -> None:
    for _ in range(2):
        mission = services.mission_load(organisation=world.thessaly.organisation, title="Upskilling 4.0",
                                        goal="Upskill", target_date=dt.date(2030, 12, 31),
                                        indicators=[(WORKERS, "workers")])
        commitment = services.commitment_load(profile=world.murcia, mission=mission, indicator_title=WORKERS,
                                              text="200 by 2028", target=Decimal(200), target_year=2028)
        services.commitment_progress_load(commitment=commitment, year=2025, value=Decimal(20),
                                          evidence_note="register")
    assert (Mission.objects.count(), Commitment.objects.count(), CommitmentProgress.objects.count()) == (1, 1, 1)
