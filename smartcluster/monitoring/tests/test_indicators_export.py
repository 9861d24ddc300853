"""The indicator table's XLSX: the indicators of the project and of each partner, the checks and the joint panel,
readable (no raw header, no True/False cell), for the partnership only."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from smartcluster.monitoring import services
from smartcluster.monitoring.choices import IndicatorMeasure
from smartcluster.monitoring.tests.world import build_monitoring_world, make_action_plan, signed_in
from smartcluster.reports.tests.readable import xlsx_problems

pytestmark = pytest.mark.django_db


def test_the_indicator_xlsx_reads_well_with_project_partner_rows_checks_and_plans() -> None:
    mw = build_monitoring_world()
    pilots = services.indicator_load(project=mw.project, code="RCO84")
    services.indicator_load(project=mw.project, code="RCO83", measure=IndicatorMeasure.ACTION_PLANS_DEVELOPED)
    services.indicator_load(project=mw.project, code="RCR79", measure=IndicatorMeasure.ACTION_PLANS_ADOPTED)
    services.target_load(indicator=pilots, partner=mw.partner_a, value=4)
    services.progress_report_load(partner=mw.partner_a, semester=1, values={"RCO84": 1, "RCO83": 1},
                                  submitted_at=timezone.now())
    make_action_plan(mw.partner_a, title="Sterea Ellada cluster plan").developed_with.add(mw.partner_b)
    client = signed_in(mw.users["viewer"], "/")
    answer = client.get(reverse("monitoring:indicator_table_xlsx", args=[mw.project.pk]))
    assert answer.status_code == 200
    assert xlsx_problems(answer.content, "indicators") == []
    book = load_workbook(io.BytesIO(answer.content))
    indicators, checks, plans = (list(sheet.iter_rows(values_only=True)) for sheet in book.worksheets)
    rows = {(row[0], row[1]): row for row in indicators[1:]}
    assert rows[("The whole project", "RCO84")][5:10] == (4, 1, 0, None, 25)
    assert rows[(str(mw.partner_a.organisation), "RCO84")][5:10] == (4, 1, 0, None, 25)
    assert rows[(str(mw.partner_b.organisation), "RCO84")][5:10] == (None, 0, 0, None, None)
    assert rows[("The whole project", "RCO83")][8] == 1  # the plan counted now from the records
    assert {row[0] for row in checks[1:]} >= {"RCR79 ≤ RCO83", "RCO84 ≤ end"}
    assert next(row[:2] for row in checks[1:] if row[0] == "RCO84 ≤ end") == ("RCO84 ≤ end", "No")  # undated
    assert plans[1] == ("Sterea Ellada cluster plan", str(mw.partner_a.organisation), "EL, ES", "Yes")


@pytest.mark.parametrize("role", ["outsider", None])
def test_anyone_outside_the_partnership_gets_a_404_for_the_xlsx(role: str | None) -> None:
    mw = build_monitoring_world()
    client = signed_in(mw.users[role], "/") if role else signed_in(None, "/")
    assert client.get(reverse("monitoring:indicator_table_xlsx", args=[mw.project.pk])).status_code == 404
