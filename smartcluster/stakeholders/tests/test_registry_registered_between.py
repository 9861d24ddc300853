"""A partner's stakeholders entered in its registry within a time window (the monitoring's live counts)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from smartcluster.organisations.models import Organisation, OrganisationType, Partner
from smartcluster.organisations.tests.factories import build_world
from smartcluster.stakeholders.selectors import stakeholder_registered_between
from smartcluster.stakeholders.services import stakeholder_load

pytestmark = pytest.mark.django_db


def test_stakeholders_count_for_their_partner_when_entered_within_the_window():
    world = build_world()
    partner_b = Partner.objects.get(project=world.project, organisation=world.org_b)
    entered = stakeholder_load(partner=world.partner_a, organisation=Organisation.objects.create(
        name="Lamia Metalworks", type=OrganisationType.SME))
    now = timezone.now()
    window = {"project": world.project, "first": now - dt.timedelta(days=1), "after": now + dt.timedelta(days=1)}
    assert list(stakeholder_registered_between(**window)) == [entered]
    assert list(stakeholder_registered_between(**window, partner=partner_b)) == []
    assert list(stakeholder_registered_between(**{**window, "first": now + dt.timedelta(hours=1)})) == []
