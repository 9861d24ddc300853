"""Who reads a project's monitoring: the partnership's members and administrators, by one rule, in one query."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext

from smartcluster.monitoring.selectors.access import project_can_read, project_monitored_list
from smartcluster.monitoring.tests.world import build_monitoring_world
from smartcluster.organisations.choices import PartnerRole
from smartcluster.organisations.models import Organisation, Partner

pytestmark = pytest.mark.django_db


def test_the_project_list_and_the_read_rule_agree_for_every_user():
    mw = build_monitoring_world()
    users = {**mw.users, "anonymous": AnonymousUser()}
    for role, user in users.items():
        listed = mw.project in project_monitored_list(user=user)
        assert listed == project_can_read(user, mw.project), role
    assert project_can_read(mw.users["editor_a"], mw.project)
    assert not project_can_read(mw.users["outsider"], mw.project)
    assert not project_can_read(AnonymousUser(), mw.project)


def test_the_project_list_costs_the_same_queries_with_many_partners():
    mw = build_monitoring_world()
    user = mw.users["viewer"]
    with CaptureQueriesContext(connection) as few:
        project_monitored_list(user=user)
    for number in range(12):
        organisation = Organisation.objects.create(name=f"Extra partner {number}")
        Partner.objects.create(project=mw.project, organisation=organisation, role=PartnerRole.PARTNER)
    with CaptureQueriesContext(connection) as many:
        projects = project_monitored_list(user=user)
    assert projects == [mw.project]
    assert len(many.captured_queries) == len(few.captured_queries)
