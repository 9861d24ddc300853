"""The indicator table as XLSX (through `smartcluster.reports`): the indicators of the project and of each partner
(target, achieved, drafted, counted now, share), the methods' checks, and the action plans' joint panel."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from smartcluster.monitoring.choices import IndicatorKind
from smartcluster.monitoring.selectors.indicators import (
    IndicatorProgress,
    action_plan_joint_list,
    indicator_check_list,
    indicator_progress_list,
)
from smartcluster.reports.tables import Table
from smartcluster.reports.workbooks import xlsx_bytes


def indicator_table_title(project: Any) -> str:
    return _("Indicators: %(project)s") % {"project": project}


def _row(scope: str, row: IndicatorProgress) -> list[Any]:
    indicator = row.indicator
    return [scope, indicator.code, indicator.name, IndicatorKind(indicator.kind).label, indicator.unit, row.target,
            row.achieved, row.drafted, row.live, row.percentage]


def indicator_tables(project: Any) -> list[Table]:
    """The indicators of the whole project, then of each partner; the checks; the joint panel."""
    scopes = [(_("The whole project"), None)] + [(str(p.organisation), p)
                                                 for p in project.partners.select_related("organisation")]
    indicators = [_row(name, row) for name, partner in scopes
                  for row in indicator_progress_list(project=project, partner=partner)]
    checks = [[check.name, check.passed, check.message] for check in indicator_check_list(project=project)]
    plans = [[item.plan.title, str(item.plan.partner.organisation), ", ".join(item.countries), item.joint]
             for item in action_plan_joint_list(project=project)]
    return [
        Table(_("Indicators"), [_("Project or partner"), _("Interreg code"), _("Indicator"), _("Kind"), _("Unit"),
                                _("Target"), _("Achieved"), _("In draft reports"),
                                _("Counted now from the records"), _("Share of the target (%)")], indicators),
        Table(_("Checks of the methods"), [_("Check"), _("Passed"), _("Message")], checks),
        Table(_("Jointly developed action plans"), [_("Action plan"), _("Partner"), _("Countries"), _("Joint")],
              plans),
    ]


def indicator_table_xlsx(project: Any) -> bytes:
    return xlsx_bytes(indicator_tables(project))
