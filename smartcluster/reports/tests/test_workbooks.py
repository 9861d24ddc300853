"""XLSX and CSV files from tables: read back with openpyxl and pandas, cell by cell."""

from __future__ import annotations

import datetime as dt
import io
import zoneinfo

import pandas as pd
from django.utils import translation
from django.utils.functional import lazy
from openpyxl import load_workbook

from smartcluster.reports.tables import Table, frame_table
from smartcluster.reports.workbooks import csv_bytes, xlsx_bytes

ATHENS = zoneinfo.ZoneInfo("Europe/Athens")


def _sheets(payload: bytes) -> dict[str, list[tuple]]:
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in load_workbook(io.BytesIO(payload))}


def test_each_table_becomes_a_sheet_with_a_bold_header_and_its_rows() -> None:
    payload = xlsx_bytes([Table("Registrations by country", ["Country", "Registrations"], [["EL", 3], ["SE", 1]]),
                          Table("Meetings", ["Requester", "Slot start (Europe/Athens)"],
                                [["Asta", dt.datetime(2030, 3, 14, 8, tzinfo=dt.UTC).astimezone(ATHENS)]])])
    workbook = load_workbook(io.BytesIO(payload))
    assert workbook.sheetnames == ["Registrations by country", "Meetings"]
    assert _sheets(payload)["Registrations by country"] == [("Country", "Registrations"), ("EL", 3), ("SE", 1)]
    # an aware time is written as the wall-clock time of its own zone (the header names the zone)
    assert _sheets(payload)["Meetings"][1] == ("Asta", dt.datetime(2030, 3, 14, 10, 0))
    assert [cell.font.bold for cell in workbook["Meetings"][1]] == [True, True]
    assert workbook["Meetings"]["A2"].font.bold is False


def test_a_table_without_columns_is_a_sheet_of_plain_lines() -> None:
    workbook = load_workbook(io.BytesIO(xlsx_bytes([Table("Notes", rows=[["Scores 0–100."], ["Progress."]])])))
    assert list(workbook["Notes"].iter_rows(values_only=True)) == [("Scores 0–100.",), ("Progress.",)]
    assert workbook["Notes"]["A1"].font.bold is False


def test_cells_are_words_numbers_or_empty_never_booleans_or_objects() -> None:
    translation.activate("en")
    lazy_text = lazy(lambda: "Accepted", str)()
    row = [True, None, float("nan"), pd.NA, float("inf"), lazy_text, 2.5]
    (cells,) = _sheets(xlsx_bytes([Table("Cells", rows=[row])]))["Cells"]
    assert cells == ("Yes", None, None, None, "∞", "Accepted", 2.5)


def test_sheet_titles_are_shortened_at_a_word_and_kept_unique() -> None:
    title = "Registrations by organisation type"
    assert load_workbook(io.BytesIO(xlsx_bytes([Table(title), Table(title)]))).sheetnames == [
        "Registrations by organisation…", "Registrations by… (2)"]


def test_a_frame_reads_with_headers_in_words_and_unknown_booleans_empty() -> None:
    translation.activate("en")
    frame = pd.DataFrame({"region": ["EL61", "ES62"], "share_eu": [0.25, 0.5],
                          "is_star": pd.array([True, None], dtype="boolean")})
    table = frame_table(frame, title="Regions", labels={"region": "Region"})
    rows = _sheets(xlsx_bytes([table]))["Regions"]
    assert rows == [("Region", "Share eu", "Is star"), ("EL61", 0.25, "Yes"), ("ES62", 0.5, None)]


def test_csv_keeps_the_raw_column_names_and_leaves_unknown_values_empty() -> None:
    frame = pd.DataFrame({"region": ["EL61", "ΕΛ"], "is_star": pd.array([True, None], dtype="boolean")})
    text = csv_bytes(frame).decode("utf-8")
    assert text.splitlines() == ["region,is_star", "EL61,True", "ΕΛ,"]
