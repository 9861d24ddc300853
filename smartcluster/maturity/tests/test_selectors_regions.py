"""Assessments submitted in given NUTS regions within a time window (the monitoring's live counts)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from smartcluster.maturity.selectors import assessment_submitted_in_regions
from smartcluster.organisations.choices import OrganisationType

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


def test_smes_only_leaves_out_other_organisation_types_and_the_large_band(submitted):
    sme = submitted("Vilnius Tools", region="LT01")
    large = submitted("Vilnius Steel", region="LT01", size_class="large")
    university = submitted("Vilnius Tech", region="LT01")
    university.organisation.type = OrganisationType.UNIVERSITY
    university.organisation.save()
    now = timezone.now()
    window = {"first": now - dt.timedelta(days=1), "after": now + dt.timedelta(days=1)}
    assert set(assessment_submitted_in_regions(region_codes=["LT"], **window)) == {sme, large, university}
    assert list(assessment_submitted_in_regions(region_codes=["LT"], smes_only=True, **window)) == [sme]
