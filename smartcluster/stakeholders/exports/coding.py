"""Coding downloads: a codebook as CSV (through smartcluster.reports) and as a REFI-QDA `.qdc` file."""

from __future__ import annotations

from smartcluster.qualitative.codebooks import codebook_frame, codebook_qdc_write
from smartcluster.reports.workbooks import csv_bytes
from smartcluster.stakeholders.models import Codebook
from smartcluster.stakeholders.selectors.coding import codebook_entries


def codebook_csv(*, codebook: Codebook) -> bytes:
    """The codebook's themes as CSV: code, name, group, description."""
    return csv_bytes(codebook_frame(codebook_entries(codebook=codebook)))


def codebook_qdc(*, codebook: Codebook) -> bytes:
    """The codebook as a REFI-QDA codebook (for QualCoder and other QDA tools)."""
    return codebook_qdc_write(codebook_entries(codebook=codebook))
