"""Declared collaborations counted by the year they began between organisations of one region (the monitoring's
impact series): the declared year first, the recording year otherwise; a link leaving the region is not counted."""

from __future__ import annotations

import pytest
from django.utils import timezone

from smartcluster.stakeholders.choices import CollaborationKind
from smartcluster.stakeholders.selectors import collaboration_count_by_year
from smartcluster.stakeholders.services import collaboration_load
from smartcluster.stakeholders.tests.network_world import build_network_world

pytestmark = pytest.mark.django_db


def test_links_within_the_region_are_counted_by_the_year_they_began():
    net = build_network_world()  # its declared link joins Agency A (no region) to SME 3: not in EL64
    partner = net.world.partner_a
    collaboration_load(first=net.sme1, second=net.sme2, kind=CollaborationKind.TRAINING, declared_by=partner,
                       since_year=2019)
    collaboration_load(first=net.sme1, second=net.university, kind=CollaborationKind.TRAINING, declared_by=partner,
                       since_year=2019)
    collaboration_load(first=net.sme2, second=net.sme3, kind=CollaborationKind.TRAINING, declared_by=partner)
    this_year = timezone.localdate().year  # no declared year: the year it was recorded
    assert collaboration_count_by_year(region_code="EL64") == [(2019, 2), (this_year, 1)]
    assert collaboration_count_by_year(region_code="EL641") == [(2019, 1)]  # SME 1 and the university
    assert collaboration_count_by_year(region_code="ES62") == []
