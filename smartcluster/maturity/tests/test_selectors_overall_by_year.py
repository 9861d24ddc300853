"""The mean overall score of a region's submitted assessments by year of submission (the monitoring's impact
series), with the years under the privacy threshold withheld."""

from __future__ import annotations

import datetime as dt

import pytest

from smartcluster.maturity.models import Assessment
from smartcluster.maturity.selectors import assessment_overall_by_year

pytestmark = pytest.mark.django_db


def _submitted_in(assessment: Assessment, year: int, overall: float) -> None:
    Assessment.objects.filter(pk=assessment.pk).update(
        submitted_at=dt.datetime(year, 6, 1, 12, tzinfo=dt.UTC), overall=overall)


def test_mean_overall_by_year_leaves_out_years_under_the_group_size(submitted, settings):
    settings.MATURITY_MIN_GROUP_SIZE = 3
    for name, year, overall in [("A", 2022, 40.0), ("B", 2022, 50.0), ("C", 2022, 66.0),
                                ("D", 2023, 70.0), ("E", 2023, 80.0)]:
        _submitted_in(submitted(name, region="LT01"), year, overall)
    _submitted_in(submitted("Kaunas", region="LT02"), 2022, 10.0)
    lt01 = assessment_overall_by_year(region_code="LT01")
    assert lt01.points == [(2022, 52.0)]  # (40 + 50 + 66) / 3; 2023 holds 2 < 3 assessments
    assert (lt01.withheld, lt01.min_group) == (1, 3)
    country = assessment_overall_by_year(region_code="LT")
    assert country.points == [(2022, 41.5)] and country.withheld == 1  # (40 + 50 + 66 + 10) / 4
    assert assessment_overall_by_year(region_code="EL64").points == []
