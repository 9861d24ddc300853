"""The indicators' permission matrix, through the API with real bearer tokens: the partnership and administrators
read a project's indicators and reports (404 to anyone else, anonymous included); partner A's report is created,
filled and submitted by A's editors, the lead's and administrators; the indicators and targets are planned by the
lead's editors and administrators; an action's impact is read as its plan. Every refusal leaves every table
unchanged."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from smartcluster.monitoring import services
from smartcluster.monitoring.models import ImpactIndicator, ProgressReport
from smartcluster.monitoring.tests.world import (
    build_monitoring_world,
    make_action,
    make_action_plan,
    make_indicator,
    make_progress_report,
    monitoring_api,
    monitoring_dump,
)

pytestmark = pytest.mark.django_db
ROLES = ["anonymous", "viewer", "participant", "editor_a", "editor_b", "editor_lead", "outsider", "administrator"]
READERS = {"viewer", "participant", "editor_a", "editor_b", "editor_lead", "administrator"}
WRITERS_OF_A = {"editor_a", "editor_lead", "administrator"}
PLANNERS = {"editor_lead", "administrator"}


def _refused_status(role: str) -> int:
    """No token: 401; outside the partnership the project is not said to exist: 404; a reader without rights: 403."""
    return {"anonymous": 401, "outsider": 404}.get(role, 403)


@pytest.mark.parametrize("role", ROLES)
def test_the_indicators_and_reports_are_read_by_the_partnership_only(role: str) -> None:
    mw = build_monitoring_world()
    indicator = make_indicator(mw)
    report = make_progress_report(mw.partner_a, values={indicator: 1})
    paths = [f"/projects/{mw.project.pk}/indicators/", f"/indicators/{indicator.pk}",
             f"/projects/{mw.project.pk}/indicator-checks/",
             f"/projects/{mw.project.pk}/progress-reports/", f"/progress-reports/{report.pk}",
             f"/progress-reports/{report.pk}/values/"]
    expected = 200 if role in READERS else 404
    for path in paths:
        assert monitoring_api(mw, role, "get", path).status_code == expected, path


@pytest.mark.parametrize("role", ROLES)
def test_creating_partner_as_report_follows_the_matrix(role: str) -> None:
    mw = build_monitoring_world()
    before = monitoring_dump()
    answer = monitoring_api(mw, role, "post", f"/projects/{mw.project.pk}/progress-reports/",
                  {"partner": mw.partner_a.pk, "semester": 2})
    if role in WRITERS_OF_A:
        assert answer.status_code == 200, answer.content
        assert ProgressReport.objects.get().partner == mw.partner_a
        return
    assert answer.status_code == _refused_status(role)
    assert monitoring_dump() == before


@pytest.mark.parametrize("role", ROLES)
def test_filling_and_submitting_partner_as_report_follows_the_matrix(role: str) -> None:
    mw = build_monitoring_world()
    indicator = make_indicator(mw)
    report = make_progress_report(mw.partner_a)
    writes = [(f"/progress-reports/{report.pk}/values/", {"indicator": indicator.pk, "value": "2"}),
              (f"/progress-reports/{report.pk}/submit", {})]
    for path, payload in writes:
        before = monitoring_dump()
        answer = monitoring_api(mw, role, "post", path, payload)
        if role in WRITERS_OF_A:
            assert answer.status_code == 200, answer.content
        else:
            assert answer.status_code == _refused_status(role), path
            assert monitoring_dump() == before
    report.refresh_from_db()
    assert (report.status == "submitted") is (role in WRITERS_OF_A)
    assert report.values.exists() is (role in WRITERS_OF_A)


@pytest.mark.parametrize("role", ROLES)
def test_planning_indicators_and_targets_follows_the_matrix(role: str) -> None:
    mw = build_monitoring_world()
    indicator = make_indicator(mw)
    user = AnonymousUser() if role == "anonymous" else mw.users[role]
    writes = [lambda: services.indicator_create(user=user, project=mw.project, code="RCO87"),
              lambda: services.target_set(user=user, indicator=indicator, value=3, partner=mw.partner_a)]
    for write in writes:
        before = monitoring_dump()
        if role in PLANNERS:
            write()
            continue
        with pytest.raises(PermissionDenied):
            write()
        assert monitoring_dump() == before
    assert (mw.project.indicators.count() == 2) is (role in PLANNERS)
    assert indicator.targets.exists() is (role in PLANNERS)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("published", [False, True])
def test_an_actions_impact_is_read_as_its_plan(role: str, published: bool) -> None:
    mw = build_monitoring_world()
    action = make_action(make_action_plan(mw.partner_a, is_published=published))
    impact = ImpactIndicator.objects.create(action=action, source="maturity", region_code="EL64")
    expected = 200 if published or role in READERS else 404
    assert monitoring_api(mw, role, "get", f"/actions/{action.pk}/impact-indicators/").status_code == expected
    assert monitoring_api(mw, role, "get", f"/impact-indicators/{impact.pk}").status_code == expected
