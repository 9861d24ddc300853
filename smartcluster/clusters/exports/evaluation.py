"""Downloads of the clusters app (composed with smartcluster.reports): evaluation — results per indicator (XLSX,
CSV), the figures of evaluations (XLSX, CSV; also the template of the figures import) and one evaluation's report
with its benchmark (DOCX)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd
from django.utils.translation import gettext as _

from smartcluster import evaluation as library
from smartcluster.clusters.models import Evaluation
from smartcluster.clusters.selectors.evaluation import SCORE_STATUS, BenchmarkView, criteria_set_definition
from smartcluster.clusters.services.evaluation import FIGURES_COLUMNS, FIGURES_SHEET
from smartcluster.reports.charts import radar_png
from smartcluster.reports.documents import WordDocument
from smartcluster.reports.tables import Table, frame_table
from smartcluster.reports.workbooks import csv_bytes, xlsx_bytes

RADAR_WIDTH_CM = 12
RESULT_COLUMNS = ("evaluation", "cluster", "region", "data_year", "criteria", "criteria_version", "area",
                  "indicator", "title", "unit", "value", "status", "points", "weight", "threshold", "bound",
                  "percentile", "overall_percent", "excellent", "peer_group", "peer_group_size")


def result_frame(evaluations: Iterable[Evaluation]) -> pd.DataFrame:
    """One row per accepted evaluation and indicator, with everything the stored score depends on."""
    rows = []
    for evaluation in evaluations:
        if not evaluation.result:
            continue
        result = library.evaluation_result_from_dict(evaluation.result)
        definition = criteria_set_definition(criteria=evaluation.criteria)
        region = evaluation.profile.organisation.region
        for score in result.indicators:
            indicator = definition.indicator(score.key)
            rows.append({
                "evaluation": evaluation.pk, "cluster": str(evaluation.profile),
                "region": region.code if region else "", "data_year": result.data_year,
                "criteria": result.criteria_code, "criteria_version": result.criteria_version, "area": score.area,
                "indicator": score.key, "title": indicator.title, "unit": indicator.unit, "value": score.value,
                "status": score.status.value, "points": score.points, "weight": score.weight,
                "threshold": score.threshold.value if score.threshold else None, "bound": score.bound,
                "percentile": score.percentile, "overall_percent": result.percent, "excellent": result.excellent,
                "peer_group": result.peer_group, "peer_group_size": result.peer_group_size})
    return pd.DataFrame(rows, columns=list(RESULT_COLUMNS))


def figures_frame(evaluations: Iterable[Evaluation]) -> pd.DataFrame:
    """One row per evaluation and figure of its criteria set (empty where not reported)."""
    rows = [{"evaluation": evaluation.pk, "figure": name, "value": evaluation.inputs.get(name)}
            for evaluation in evaluations
            for name in library.criteria_inputs(criteria_set_definition(criteria=evaluation.criteria))]
    return pd.DataFrame(rows, columns=list(FIGURES_COLUMNS))


def results_xlsx(evaluations: Iterable[Evaluation]) -> bytes:
    return xlsx_bytes([frame_table(result_frame(evaluations), title=_("Results per indicator"))])


def results_csv(evaluations: Iterable[Evaluation]) -> bytes:
    return csv_bytes(result_frame(evaluations))


def figures_xlsx(evaluations: Iterable[Evaluation]) -> bytes:
    """The figures in the sheet and columns the import reads (column names kept as they are, for re-import)."""
    frame = figures_frame(evaluations)
    return xlsx_bytes([Table(FIGURES_SHEET, list(FIGURES_COLUMNS), [list(row) for row in frame.itertuples(
        index=False)])])


def figures_csv(evaluations: Iterable[Evaluation]) -> bytes:
    return csv_bytes(figures_frame(evaluations))


def _value_text(value: Any) -> Any:
    return "" if value is None else value


def evaluation_docx(evaluation: Evaluation, view: BenchmarkView | None) -> bytes:
    """The evaluation's report: overall and area scores, each indicator, and its benchmark (radar of positions,
    strengths, weaknesses, recommendations) when the peer group is large enough."""
    result = library.evaluation_result_from_dict(evaluation.result) if evaluation.result else None
    definition = criteria_set_definition(criteria=evaluation.criteria)
    document = WordDocument(_("Self-evaluation of %(cluster)s, %(year)s") % {
        "cluster": evaluation.profile, "year": evaluation.data_year})
    document.paragraph(_("Criteria set %(code)s version %(version)s; status: %(status)s.") % {
        "code": evaluation.criteria.code, "version": evaluation.criteria.version,
        "status": evaluation.get_status_display()})
    if result is None:
        document.paragraph(_("Not scored yet: the score is computed when a reviewer accepts the evaluation."))
        return document.to_bytes()
    document.paragraph(_("Overall score: %(percent)s %% of points (excellent from %(bar)s %%).") % {
        "percent": f"{result.percent or 0:.1f}", "bar": f"{result.excellent_at:g}"})
    areas = {area.key: area.title for area in definition.areas}
    document.table(Table(_("Score per area"), [_("Area"), _("Points"), _("Of"), _("%")],
                         [[areas[area.key], area.points, area.max_points, area.percent] for area in result.areas]))
    document.table(Table(_("Indicators"), [_("Indicator"), _("Value"), _("Bound"), _("Result")],
                         [[definition.indicator(score.key).title, _value_text(score.value),
                           _value_text(score.bound), SCORE_STATUS[score.status]] for score in result.indicators]))
    if view is None:
        return document.to_bytes()
    document.heading(_("Benchmark: %(group)s (%(size)s clusters)") % {
        "group": view.benchmark.peer_group, "size": view.benchmark.peer_group_size})
    if not view.shown:
        document.paragraph(_("Not shown: fewer than 5 clusters in this group."))
        return document.to_bytes()
    charted = [line for line in view.lines if line.position is not None]
    if len(charted) >= 3:
        document.image(radar_png([line.title for line in charted], [line.position for line in charted]),
                       width_cm=RADAR_WIDTH_CM)
    document.table(Table("", [_("No."), _("Indicator"), _("Position among peers (%)"), _("Peers' median")],
                         [[number, line.title, line.position, line.peer_median]
                          for number, line in enumerate(charted, start=1)]))
    for title, lines in ((_("Strengths"), view.strengths), (_("Weaknesses"), view.weaknesses)):
        document.heading(title, level=2)
        for line in lines or ():
            document.bullet(line.title)
        if not lines:
            document.paragraph(_("None."))
    if view.advice:
        document.heading(_("Recommendations"), level=2)
        for line in view.advice:
            document.bullet(f"{line.title}: {line.recommendation}")
    return document.to_bytes()
