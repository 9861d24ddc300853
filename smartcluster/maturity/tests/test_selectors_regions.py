"""Assessments submitted in given NUTS regions within a time window (the monitoring's live counts)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from smartcluster.maturity.selectors import assessment_submitted_in_regions

pytestmark = pytest.mark.django_db


def test_submitted_assessments_count_in_a_region_and_in_the_regions_within_a_code(submitted):
    in_lt01, in_lt02 = submitted("Vilnius Tools", region="LT01"), submitted("Kaunas Metal", region="LT02")
    now = timezone.now()
    window = {"first": now - dt.timedelta(days=1), "after": now + dt.timedelta(days=1)}
    assert list(assessment_submitted_in_regions(region_codes=["LT01"], **window)) == [in_lt01]
    assert set(assessment_submitted_in_regions(region_codes=["LT"], **window)) == {in_lt01, in_lt02}
    assert list(assessment_submitted_in_regions(region_codes=[], **window)) == []
    assert list(assessment_submitted_in_regions(region_codes=["LT"], first=now + dt.timedelta(hours=1),
                                                after=now + dt.timedelta(days=1))) == []
