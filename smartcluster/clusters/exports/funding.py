"""Downloads of the clusters app (composed with smartcluster.reports): funding records as the one-sheet workbook
or CSV file the funding import reads back, and the funding chart as a PNG image."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from smartcluster.clusters.models import FundingRecord
from smartcluster.clusters.services.funding import FUNDING_COLUMNS, FUNDING_SHEET
from smartcluster.reports.charts import figure_pngs
from smartcluster.reports.tables import Table
from smartcluster.reports.workbooks import csv_bytes, xlsx_bytes


def _rows(records: Iterable[FundingRecord]) -> list[list[object]]:
    return [[record.profile.organisation.name if field == "cluster" else getattr(record, field)
             for field in FUNDING_COLUMNS] for record in records]


def funding_xlsx(records: Iterable[FundingRecord]) -> bytes:
    """A workbook of one sheet "Funding", one row per record, in the columns the import reads."""
    return xlsx_bytes([Table(FUNDING_SHEET, list(FUNDING_COLUMNS.values()), _rows(records))])


def funding_csv(records: Iterable[FundingRecord]) -> bytes:
    """The same rows as CSV (UTF-8, comma-separated)."""
    return csv_bytes(pd.DataFrame(_rows(records), columns=list(FUNDING_COLUMNS.values())))


def funding_chart_png(figure: dict) -> bytes | None:
    """A page's funding chart as a PNG image; None where the server has no browser to draw it."""
    images = figure_pngs([figure])
    return images[0] if images else None
