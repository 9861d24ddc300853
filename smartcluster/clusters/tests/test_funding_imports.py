"""Funding as XLSX and CSV: the download reads back through the import; an import lists every bad cell (sheet,
row, column, why), checks the shares' sum per row, accepts only clusters the user may change, and saves nothing
when any row is wrong."""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from smartcluster.clusters import services
from smartcluster.clusters.exports.funding import funding_csv, funding_xlsx
from smartcluster.clusters.models import FundingRecord
from smartcluster.clusters.services.funding import FUNDING_COLUMNS
from smartcluster.clusters.tests.funding_world import (
    FundingWorld,
    build_funding_world,
    funding_data,
    funding_dump,
)
from smartcluster.reports.tests.readable import xlsx_problems
from smartcluster.sources.imports import ImportRefused

pytestmark = pytest.mark.django_db
HEADERS = list(FUNDING_COLUMNS.values())
GOOD = ["Alpha Cluster", 2024, 100000, 20, 10, 10, 30, 20, 5, 5, 60000, 80000, 40000, 100000, "yes"]


@pytest.fixture
def world() -> FundingWorld:
    return build_funding_world()


def workbook(*rows: list[Any], sheet: str = "Funding") -> bytes:
    book = Workbook()
    book.active.title = sheet
    book.active.append(HEADERS)
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def changed(row: list[Any], **cells: Any) -> list[Any]:
    """`row` with cells replaced by header field name (year=…, eu_grants=…)."""
    fields = list(FUNDING_COLUMNS)
    row = list(row)
    for field, value in cells.items():
        row[fields.index(field)] = value
    return row


def test_a_workbook_of_good_rows_creates_and_replaces_years(world: FundingWorld) -> None:
    services.funding_record_load(profile=world.alpha, year=2023, data=funding_data(revenue=Decimal(70000)))
    payload = workbook(changed(GOOD, year=2023, revenue="90000", core_funding=""), GOOD)
    saved = services.funding_records_import(user=world.users["manager"], payload=payload, filename="f.xlsx")
    assert [(record.year, record.revenue) for record in saved] == [(2023, 90000), (2024, 100000)]
    assert FundingRecord.objects.get(year=2023).core_funding is None
    assert FundingRecord.objects.count() == 2


def test_three_bad_cells_are_listed_exactly_and_nothing_is_saved(world: FundingWorld) -> None:
    services.funding_record_load(profile=world.alpha, year=2020, data=funding_data())
    before = funding_dump()
    payload = workbook(GOOD, changed(GOOD, year="twenty"), changed(GOOD, year=2022, annual_cost="-5"),
                       changed(GOOD, year=2023, revenue=""))
    with pytest.raises(ImportRefused) as refused:
        services.funding_records_import(user=world.users["manager"], payload=payload, filename="f.xlsx")
    assert [(p.sheet, p.row, p.column) for p in refused.value.problems] == [
        ("Funding", 3, "Year"), ("Funding", 4, "Annual cost (EUR)"), ("Funding", 5, "Revenue (EUR)")]
    assert "not a year" in refused.value.problems[0].message
    assert funding_dump() == before


def test_the_shares_sum_is_checked_per_row_of_a_csv_file(world: FundingWorld) -> None:
    lines = [",".join(HEADERS), ",".join(map(str, GOOD)),
             ",".join(map(str, changed(GOOD, year=2025, eu_grants=4, paid_services="x")))]
    with pytest.raises(ImportRefused) as refused:
        services.funding_records_import(user=world.users["manager"], payload="\n".join(lines).encode(),
                                        filename="funding.csv")
    assert [(p.row, p.column) for p in refused.value.problems] == [(3, "Paid services (%)")]
    lines[2] = ",".join(map(str, changed(GOOD, year=2025, eu_grants=4)))
    with pytest.raises(ImportRefused) as refused:
        services.funding_records_import(user=world.users["manager"], payload="\n".join(lines).encode(),
                                        filename="funding.csv")
    assert [(p.row, p.column) for p in refused.value.problems] == [(3, "Shares (%)")]
    assert "94" in refused.value.problems[0].message
    assert not FundingRecord.objects.exists()


def test_rows_only_for_clusters_the_user_may_change(world: FundingWorld) -> None:
    payload = workbook(GOOD, changed(GOOD, cluster="Beta Cluster"), changed(GOOD, cluster="Nobody"),
                       changed(GOOD, cluster="alpha cluster", year=2025))
    with pytest.raises(ImportRefused) as refused:
        services.funding_records_import(user=world.users["manager"], payload=payload, filename="f.xlsx")
    assert [(p.row, p.column) for p in refused.value.problems] == [(3, "Cluster"), (4, "Cluster")]
    assert "may not" in refused.value.problems[0].message and "Nobody" in refused.value.problems[1].message
    assert not FundingRecord.objects.exists()
    both = workbook(GOOD, changed(GOOD, cluster="Beta Cluster"))
    saved = services.funding_records_import(user=world.users["administrator"], payload=both, filename="f.xlsx")
    assert sorted(str(record.profile) for record in saved) == ["Alpha Cluster", "Beta Cluster"]


def test_the_same_year_twice_is_refused(world: FundingWorld) -> None:
    with pytest.raises(ImportRefused) as refused:
        services.funding_records_import(user=world.users["manager"], payload=workbook(GOOD, GOOD),
                                        filename="f.xlsx")
    assert [(p.row, p.column) for p in refused.value.problems] == [(3, "Year")]


def test_a_missing_sheet_or_column_is_named(world: FundingWorld) -> None:
    with pytest.raises(ImportRefused) as refused:
        services.funding_records_import(user=world.users["manager"], payload=workbook(GOOD, sheet="Data"),
                                        filename="f.xlsx")
    assert [(p.sheet, p.message) for p in refused.value.problems] == [("Funding", "missing sheet")]


def test_the_downloads_read_back_through_the_import(world: FundingWorld) -> None:
    services.funding_record_load(profile=world.alpha, year=2023, data=funding_data())
    services.funding_record_load(profile=world.alpha, year=2024, data=funding_data(core_funding=None,
                                                                                   is_published=False))
    records = FundingRecord.objects.select_related("profile__organisation").order_by("year")
    xlsx, csv = funding_xlsx(records), funding_csv(records)
    assert xlsx_problems(xlsx, "funding.xlsx") == []
    sheet = load_workbook(io.BytesIO(xlsx))["Funding"]
    assert [cell.value for cell in sheet[1]] == HEADERS
    assert [cell.value for cell in sheet[2]][:3] == ["Alpha Cluster", 2023, 100000]
    before = funding_dump()
    for payload, name in ((xlsx, "funding.xlsx"), (csv, "funding.csv")):
        services.funding_records_import(user=world.users["manager"], payload=payload, filename=name)
        assert funding_dump() == before  # the same figures, drafts stay drafts


def test_the_import_page_lists_the_problems_and_the_download_answers_a_file(world: FundingWorld) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.users["manager"])
    url = reverse("clusters:funding_import")
    client.get(url)
    upload = SimpleUploadedFile("f.xlsx", workbook(changed(GOOD, eu_grants="ten")))
    page = client.post(url, {"file": upload, "csrfmiddlewaretoken": client.cookies["csrftoken"].value})
    html = page.content.decode()
    assert page.status_code == 200 and 'id="import-problems"' in html and "EU grants (%)" in html
    assert not FundingRecord.objects.exists()
    ok = client.post(url, {"file": SimpleUploadedFile("f.xlsx", workbook(GOOD)),
                           "csrfmiddlewaretoken": client.cookies["csrftoken"].value})
    assert ok.status_code == 302 and FundingRecord.objects.count() == 1
    download = Client().get(reverse("clusters:funding_download", args=[world.alpha.pk, "csv"]))
    assert download["Content-Type"].startswith("text/csv") and b"Alpha Cluster,2024" in download.content
    assert Client().get(reverse("clusters:funding_import")).status_code == 302  # log in first


def test_a_year_created_meanwhile_refuses_the_whole_import(world: FundingWorld, monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    services.funding_record_load(profile=world.alpha, year=2024, data=funding_data())
    before = funding_dump()
    checked = iter([FundingRecord(profile=world.alpha, year=2025, **funding_data()),
                    FundingRecord(profile=world.alpha, year=2024, **funding_data())])  # 2024 exists by now
    monkeypatch.setattr("smartcluster.clusters.services.funding._record_for", lambda *args: next(checked))
    with pytest.raises(ImportRefused) as refused:
        services.funding_records_import(user=world.users["manager"], filename="f.xlsx",
                                        payload=workbook(changed(GOOD, year=2025), GOOD))
    assert "import the file again" in refused.value.problems[0].message
    assert funding_dump() == before  # 2025 was not kept either
