"""Territorial impact read from the maturity, stakeholders and clusters sections: each series by year with the means
before and after the action's start (2023), computed by hand below; the privacy rules of each section hold."""

from __future__ import annotations

import datetime as dt

import pytest

from smartcluster.clusters.models import Evaluation, EvaluationStatus
from smartcluster.clusters.services import criteria_set_default_ensure
from smartcluster.clusters.tests.evaluation_world import GOOD_INPUTS, accepted_peer
from smartcluster.maturity import services as maturity
from smartcluster.maturity.models import Assessment
from smartcluster.maturity.packaged import packaged_definition
from smartcluster.monitoring.selectors import impact_series
from smartcluster.monitoring.services import impact_indicator_load
from smartcluster.monitoring.tests.world import (
    MonitoringWorld,
    build_monitoring_world,
    make_action,
    make_action_plan,
)
from smartcluster.organisations.models import Organisation, OrganisationType
from smartcluster.regions.models import Region
from smartcluster.stakeholders.models import Collaboration

pytestmark = pytest.mark.django_db


@pytest.fixture
def mw() -> MonitoringWorld:
    return build_monitoring_world()


@pytest.fixture
def action(mw: MonitoringWorld) -> object:
    """An action of partner A (EL64) that started in March 2023."""
    return make_action(make_action_plan(mw.partner_a), starts_on=dt.date(2023, 3, 1), ends_on=dt.date(2027, 6, 30))


def _el64() -> Region:
    return Region.objects.get(code="EL64")


def test_maturity_series_is_the_yearly_mean_and_withholds_small_years(action: object, settings: object) -> None:
    settings.MATURITY_MIN_GROUP_SIZE = 2
    questionnaire = maturity.questionnaire_load(definition=packaged_definition("dma-sme-v1"), publish=True)
    for year, overall in [(2021, 40.0), (2021, 50.0), (2022, 90.0), (2023, 60.0), (2023, 71.0)]:
        Assessment.objects.create(questionnaire=questionnaire, region=_el64(), status="submitted", overall=overall,
                                  submitted_at=dt.datetime(year, 5, 1, tzinfo=dt.UTC))
    indicator = impact_indicator_load(action=action, source="maturity", region_code="el64")
    series = impact_series(indicator)
    assert series.points == [(2021, 45.0), (2023, 65.5)]  # (40 + 50) / 2; (60 + 71) / 2; 2022 holds one
    assert (series.start_year, series.before, series.after) == (2023, 45.0, 65.5)
    assert series.message == "1 year is withheld: it holds fewer than 2 assessments, too few to show without " \
                             "singling out a firm."


def test_collaboration_series_counts_links_begun_each_year_in_the_region(mw: MonitoringWorld,
                                                                         action: object) -> None:
    firms = [Organisation.objects.create(name=f"Firm {index}", type=OrganisationType.SME, region=_el64())
             for index in range(4)]
    for (first, second), year in [((0, 1), 2020), ((0, 2), 2021), ((1, 2), 2021), ((2, 3), 2023)]:
        Collaboration.objects.create(first=firms[first], second=firms[second], kind="training", since_year=year,
                                     declared_by=mw.partner_a)
    Collaboration.objects.create(first=mw.world.org_b, second=firms[0], kind="training", since_year=2023,
                                 declared_by=mw.partner_a)  # Authority B is not in EL64
    series = impact_series(impact_indicator_load(action=action, source="collaboration", region_code="EL64"))
    assert series.points == [(2020, 1.0), (2021, 2.0), (2023, 1.0)]
    assert (series.before, series.after) == (1.5, 1.0)  # (1 + 2) / 2 before 2023; 1 since


def test_evaluation_series_is_the_clusters_published_overall_score(action: object) -> None:
    first = accepted_peer("Thessaly Food Cluster", _el64(), criteria_set_default_ensure(), GOOD_INPUTS, 2022)
    Evaluation.objects.filter(pk=first.pk).update(result={**first.result, "percent": 50.0})
    for year, percent, published in [(2024, 75.0, True), (2025, 90.0, True), (2023, 10.0, False)]:
        Evaluation.objects.create(profile=first.profile, criteria=first.criteria, data_year=year, inputs=GOOD_INPUTS,
                                  status=EvaluationStatus.ACCEPTED, result={**first.result, "percent": percent},
                                  is_published=published)
    indicator = impact_indicator_load(action=action, source="cluster_evaluation", region_code="EL64",
                                      cluster=first.profile)
    series = impact_series(indicator)
    assert series.points == [(2022, 50.0), (2024, 75.0), (2025, 90.0)]
    assert (series.before, series.after) == (50.0, 82.5)  # (75 + 90) / 2 since 2023
    assert series.message == "1 accepted evaluation is left out: its cluster has not published it."
