"""Hostile and mistaken files (issue 13, defects 8 and 9) are refused in one line naming the file, the line and the
problem — by the library, the command line and the import wizard — before they are parsed, and the statistics store
is left byte for byte unchanged."""

from __future__ import annotations

import dataclasses
import gzip
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from smartcluster import config
from smartcluster.cli import main
from smartcluster.sources import files, guards, tidy
from smartcluster.sources.validation import InvalidInput
from smartcluster.statistics import StatisticsStore
from tests.sources import hostile
from tests.sources.conftest import file_digest

LIMITS = config.FileLimits()
SAVE_AS = "save it as UTF-8 (in Excel: CSV UTF-8)"
JUNK_BYTES = 50_000_000  # "50 MB of junk", just under the 50 MiB upload limit
Case = tuple[Path, int | None, str | None, str]  # a hostile file, and the line, column and problem its refusal names


def _last_year() -> int:
    return tidy.plausible_years().stop - 1


def big_field(folder: Path) -> Case:
    path = hostile.csv_file(folder / "big_field.csv",
                            hostile.HEADER + "DE11,C28,2014,persons_employed," + "1" * 131_073 + "\n")
    return path, 2, None, "malformed CSV (field larger than field limit (131072); an unclosed quote, or not a table)"


def junk(folder: Path, size: int = JUNK_BYTES) -> Case:
    path = hostile.junk_file(folder / "junk.csv", size)
    with path.open("rb") as handle:
        start = handle.read(1 << 16)
    return path, start.count(b"\n", 0, start.index(b"\x00")) + 1, None, "binary data (a NUL byte), not a CSV text file"


def far_year(folder: Path) -> Case:
    path = hostile.csv_file(folder / "far_year.csv", hostile.HEADER + hostile.GOOD_ROW.replace("2014", "50000"))
    return path, 2, "year", f"year 50000 is outside the plausible range 1950–{_last_year()}"


def utf16_without_bom(folder: Path) -> Case:
    path = hostile.csv_file(folder / "utf16.csv", hostile.HEADER + hostile.GOOD_ROW, "utf-16-le")
    return path, 1, None, f"UTF-16 text without a byte-order mark; {SAVE_AS}"


def windows_1252(folder: Path) -> Case:
    path = hostile.csv_file(folder / "cp1252.csv", hostile.HEADER + hostile.GOOD_ROW
                            + "DE11,C28,2015,employés,1\n", "cp1252")
    return path, 3, None, ("not UTF-8 text: bytes E9 cannot be decoded (perhaps Windows-1252 or another 8-bit "
                           f"encoding); {SAVE_AS}")


def workbook_named_csv(folder: Path) -> Case:
    path = hostile.workbook(folder / "table.csv", hostile.many_rows_sheet(10))
    return path, None, None, ("a workbook or other zip or OLE file, not CSV text (an Excel file keeps its .xlsx or "
                              ".xls name)")


HOSTILE_CSV = [big_field, junk, far_year, utf16_without_bom, windows_1252, workbook_named_csv]


def expected_line(path: Path, line: int | None, column: str | None, message: str) -> str:
    """A problem as the library prints it: file:line [column]: message."""
    return f"{path}{f':{line}' if line else ''}{f' [{column}]' if column else ''}: {message}"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data directory of this test's own, whose store already holds one good dataset."""
    folder = tmp_path / "var"
    monkeypatch.setenv("SMARTCLUSTER_DATA_DIR", str(folder))
    good = hostile.csv_file(tmp_path / "good.csv", hostile.HEADER + hostile.GOOD_ROW)
    files.import_file(StatisticsStore(config.statistics_db_path()), good, dataset="good")
    return folder


def cli_refusal(path: Path) -> str:
    """The command line's output for an import of `path`, which must fail in one line without a traceback."""
    return cli_refusal_of(["import", "file", str(path)])


def cli_refusal_of(arguments: list[str]) -> str:
    """The output of a command that must fail in one line without a traceback."""
    result = CliRunner().invoke(main, arguments)
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit) and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1, result.output
    return result.output


def refused_by_library_and_cli(case: tuple, store_file: Path) -> str:
    """A hostile file refused in one line (file, line, column, problem) by the library and by the CLI, the store
    unchanged; returns the CLI's output."""
    path, line, column, message = case
    before = file_digest(store_file)
    with pytest.raises(InvalidInput) as refused:
        files.import_file(StatisticsStore(store_file), path)
    assert [str(problem) for problem in refused.value.problems] == [expected_line(path, line, column, message)]
    output = cli_refusal(path)
    assert expected_line(path, line, column, message) in output
    assert file_digest(store_file) == before
    return output


@pytest.mark.parametrize("case", HOSTILE_CSV, ids=lambda case: case.__name__)
def test_hostile_csv_files_are_refused_naming_file_line_and_problem_and_nothing_is_written(
        case: Callable, tmp_path: Path, data_dir: Path) -> None:
    store_file = data_dir / "statistics.duckdb"
    output = refused_by_library_and_cli(case(tmp_path), store_file)
    assert "nothing was written" in output
    assert StatisticsStore(store_file).datasets()["dataset"].tolist() == ["good"]


def test_utf16_and_utf32_files_with_a_byte_order_mark_are_decoded(tmp_path: Path) -> None:
    for encoding in ("utf-16", "utf-32", "utf-8-sig"):
        path = hostile.csv_file(tmp_path / f"{encoding}.csv", hostile.HEADER + hostile.GOOD_ROW, encoding)
        frame = files.read_table(path)
        assert frame[["region", "industry", "year", "value"]].values.tolist() == [["DE11", "C28", 2014, 156353.0]]


def test_a_file_over_the_upload_limit_is_refused_unread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = hostile.csv_file(tmp_path / "good.csv", hostile.HEADER + hostile.GOOD_ROW)
    size = path.stat().st_size
    with pytest.raises(InvalidInput) as refused:
        files.read_table(path, limits=dataclasses.replace(LIMITS, upload_max_bytes=size - 1))
    assert str(refused.value.problems[0]) == (f"{path}: the file has {size:,} bytes, more than the limit of "
                                              f"{size - 1:,} (SMARTCLUSTER_UPLOAD_MAX_BYTES)")
    monkeypatch.setenv("SMARTCLUSTER_UPLOAD_MAX_BYTES", str(size - 1))
    assert f"the file has {size:,} bytes" in cli_refusal(path)


# Defect 9: workbooks (each case gives the file, the sheet row named if any, no column, and the problem).

def huge_cell(folder: Path) -> Case:
    path = hostile.workbook(folder / "huge_cell.xlsx", hostile.big_cell_sheet(300))
    with zipfile.ZipFile(path) as archive:
        total = sum(member.file_size for member in archive.infolist())
    assert path.stat().st_size < 400_000 and total > 300 * 2**20  # 300 MB hidden in 300 KB
    return path, None, None, (f"the workbook unzips to {total:,} bytes, more than the limit of 104,857,600 "
                        "(SMARTCLUSTER_XLSX_MAX_UNCOMPRESSED_BYTES)")


def long_cell(folder: Path) -> Case:
    path = hostile.workbook(folder / "long_cell.xlsx", hostile.big_cell_sheet(1))
    return path, 2, None, "part xl/worksheets/sheet1.xml holds a text longer than an Excel cell's 32,767 characters"


def many_rows(folder: Path) -> Case:
    path = hostile.workbook(folder / "many_rows.xlsx", hostile.many_rows_sheet(400_000))
    return path, None, None, ("part xl/worksheets/sheet1.xml has more than 200,000 rows, the limit "
                        "(SMARTCLUSTER_XLSX_MAX_ROWS); import it as CSV or raise the limit")


def sparse_cells(folder: Path) -> Case:
    path = hostile.workbook(folder / "sparse.xlsx", hostile.sparse_sheet(100))  # 100 x 16,384 cells to fill in
    return path, None, None, ("part xl/worksheets/sheet1.xml has more than 1,000,000 cells, the limit "
                        "(SMARTCLUSTER_XLSX_MAX_CELLS); import it as CSV or raise the limit")


HOSTILE_WORKBOOKS = [huge_cell, long_cell, many_rows, sparse_cells]


@pytest.fixture
def parsers_forbidden(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any use of the workbook parsers fail the test: a refusal must come before parsing."""
    import openpyxl
    import xlrd

    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError("a workbook parser was called before the refusal")

    monkeypatch.setattr(openpyxl, "load_workbook", forbidden)
    monkeypatch.setattr(openpyxl.reader.excel, "load_workbook", forbidden)
    monkeypatch.setattr(xlrd, "open_workbook", forbidden)


@pytest.mark.parametrize("case", HOSTILE_WORKBOOKS, ids=lambda case: case.__name__)
def test_workbooks_over_the_limits_are_refused_before_parsing_and_nothing_is_written(
        case: Callable, tmp_path: Path, data_dir: Path, parsers_forbidden: None) -> None:
    refused_by_library_and_cli(case(tmp_path), data_dir / "statistics.duckdb")


@pytest.mark.parametrize("case", [huge_cell, long_cell], ids=lambda case: case.__name__)
def test_a_huge_cell_is_refused_in_little_memory(case: Callable, tmp_path: Path) -> None:
    path = case(tmp_path)[0]
    tracemalloc.start()
    try:
        with pytest.raises(InvalidInput):
            files.read_table(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 8 * 2**20, f"{peak:,} bytes allocated to refuse {path.name}"  # the parser took 830 MB


def test_real_regional_workbooks_pass_the_default_limits(shared_data: Path) -> None:
    from smartcluster.regions.services import history_regions_parse

    sbs = shared_data / "eurostat-sbs-regional" / "sbs_r_nuts2021_EMP_LOC_NR_C_2022_v2025-02.xlsx"
    with pytest.raises(InvalidInput) as refused:  # parsed to the end: only its 5 rows without data are refused
        files.read_table(sbs, mapping={"region": "NUTS_ID", "industry": "Sector", "year": "Time",
                                       "value": "Empl_pers"}, constants={"measure": "persons_employed"})
    assert {problem.line for problem in refused.value.problems} == {5152, 5178, 5779, 5780, 5781}
    for name, version in (("NUTS2013-NUTS2016.xlsx", 2016), ("NUTS2006-NUTS2010.xls", 2010)):
        payload = gzip.decompress((shared_data / "nuts-history" / f"{name}.gz").read_bytes())
        assert len(history_regions_parse(payload, label=name, new_version=version)) > 1_500
    payload = gzip.decompress((shared_data / "nuts-history" / "NUTS2016-NUTS2021.xlsx.gz").read_bytes())
    assert guards.workbook_checked(payload, file="NUTS2016-NUTS2021.xlsx", limits=LIMITS) == "openpyxl"


def test_a_legacy_xls_sheet_over_the_row_limit_is_refused_before_xlrd_parses_it(
        shared_data: Path, parsers_forbidden: None) -> None:
    payload = gzip.decompress((shared_data / "nuts-history" / "NUTS2006-NUTS2010.xls.gz").read_bytes())
    with pytest.raises(InvalidInput) as refused:
        guards.workbook_checked(payload, file="NUTS2006-NUTS2010.xls",
                                limits=dataclasses.replace(LIMITS, xlsx_max_rows=1_000))
    assert str(refused.value.problems[0]) == ("NUTS2006-NUTS2010.xls: sheet 1 has more than 1,000 rows, the limit "
                                              "(SMARTCLUSTER_XLSX_MAX_ROWS); import it as CSV or raise the limit")


def test_the_limits_are_read_from_the_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SMARTCLUSTER_XLSX_MAX_ROWS", "5_000")
    monkeypatch.setenv("SMARTCLUSTER_XLSX_MAX_CELLS", "20000")
    assert config.file_limits() == dataclasses.replace(LIMITS, xlsx_max_rows=5_000, xlsx_max_cells=20_000)
    monkeypatch.setenv("SMARTCLUSTER_XLSX_MAX_UNCOMPRESSED_BYTES", "100 MB")
    with pytest.raises(ValueError, match="SMARTCLUSTER_XLSX_MAX_UNCOMPRESSED_BYTES must be a positive whole number"):
        config.file_limits()


# The import wizard: the same files uploaded by an administrator (CSRF enforced), imported by the background job.

def small_junk(folder: Path) -> Case:
    return junk(folder, 5_000_000)  # the test client holds an upload in memory: 5 MB make the same point


def refused_in_wizard(path: Path) -> object:
    """The job that imported `path` uploaded through the wizard, which must have failed."""
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse

    from smartcluster.jobs.models import Job, JobStatus

    client = Client(enforce_csrf_checks=True)
    client.force_login(get_user_model().objects.create_superuser("admin", "admin@example.org", "pw"))
    client.get(reverse("atlas:data"))
    with path.open("rb") as upload:
        response = client.post(reverse("atlas:data_import"), {
            "source": "file", "dataset": "hostile", "classification": "NACE_R2", "measure": "", "unit": "",
            "file": upload, "csrfmiddlewaretoken": client.cookies["csrftoken"].value})
    assert response.status_code == 302, response.content.decode()[:1000]
    job = Job.objects.latest("id")
    assert job.status == JobStatus.FAILED and not job.error
    page = client.get(reverse("jobs:detail", args=[job.pk])).content.decode()
    assert "nothing was imported" in page and "Traceback" not in page and str(path.parent) not in page
    return job


@pytest.mark.django_db
@pytest.mark.parametrize("case", [big_field, small_junk, far_year, utf16_without_bom, windows_1252, workbook_named_csv,
                                  huge_cell, long_cell, many_rows, sparse_cells], ids=lambda case: case.__name__)
def test_the_wizard_reports_hostile_files_in_one_line_and_imports_nothing(
        case: Callable, tmp_path: Path, data_dir: Path, settings: object) -> None:
    settings.SMARTCLUSTER_JOBS_RUNNER = "inline"
    path, line, column, message = case(tmp_path)
    store_file = data_dir / "statistics.duckdb"
    before = file_digest(store_file)
    job = refused_in_wizard(path)
    assert job.problems == [{"file": path.name, "line": line, "column": column, "message": message}]
    assert job.message == f"1 problem(s) in {path.name}; nothing was imported."
    assert file_digest(store_file) == before
    assert not list((data_dir / "uploads").iterdir())  # the upload is deleted


def test_implausible_years_are_refused_by_the_eurostat_parsers_and_left_out_of_firm_data(tmp_path: Path) -> None:
    from smartcluster.sources import eurostat, firms, nuts_versions

    plausible = f"outside the plausible range 1950–{_last_year()}"
    tsv = "nace_r2,indic_sb,geo\\time\t50000 \t2014 \nC,V16110,DE11\t1 \t2 \n"
    with pytest.raises(InvalidInput) as refused:
        eurostat.observations_from_bytes(tsv.encode(), dataset="sbs_r_nuts06_r2", file="x.tsv")
    assert [str(problem) for problem in refused.value.problems] == [f"x.tsv:1 [50000]: year 50000 is {plausible}"]
    sdmx = ("DATAFLOW,LAST UPDATE,freq,nace_r2,indic_sb,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG\n"
            "ESTAT:X,01/01/24,A,C,V16110,DE11,2014,5,\nESTAT:X,01/01/24,A,C,V16110,DE11,1900,5,\n")
    with pytest.raises(InvalidInput) as refused:
        eurostat.observations_from_bytes(sdmx.encode(), dataset="sbs_r_nuts06_r2", file="x.csv")
    assert [str(problem) for problem in refused.value.problems] == [f"x.csv:3 [TIME_PERIOD]: year 1900 is {plausible}"]
    records = hostile.csv_file(tmp_path / "firms.csv", "firm_id,nuts3,nace,year,employees,turnover,wages\n"
                               "1,DE111,10.11,2020,5,100,3\n2,DE111,10.11,50000,5,100,3\n")
    frame, report = firms.read_firms(records, threshold=1)
    assert report.excluded["implausible_year"] == 1 and frame["year"].unique().tolist() == [2020]
    versions = nuts_versions.infer_versions(pd.Series(["DE11", "DE11"]), pd.Series([2014, 50000]))
    assert versions.tolist() == [nuts_versions.infer_version("DE11", 2014), nuts_versions.infer_version("DE11", 50000)]


def test_firm_files_and_postcode_tables_duckdb_cannot_read_are_refused_in_one_line(tmp_path: Path,
                                                                                   data_dir: Path) -> None:
    records = hostile.csv_file(tmp_path / "firms.csv", "firm_id,nuts3,nace,year,employees,turnover,wages\n"
                               "1,DE111,10.11,2020,5,100,3\n2,DE111,10.11,2020,5,100,caf\xe9\n", "cp1252")
    before = file_digest(data_dir / "statistics.duckdb")
    output = cli_refusal_of(["import", "firms", str(records)])
    assert (f"{records}:3: cannot be read: Invalid unicode (byte sequence mismatch) detected. "
            "This file is not utf-8 encoded.") in output
    numbers = hostile.csv_file(tmp_path / "numbers.csv", "firm_id,nuts3,nace,year,employees,turnover,wages\n"
                               "1,DE111,10.11,2020,5,100,3\n2,DE111,10.11,2020,lots,100,3\n")
    assert (f"{numbers}: cannot be read: Could not convert string 'lots' to DOUBLE when casting from source column "
            "employees") in cli_refusal_of(["import", "firms", str(numbers)])
    postcodes = hostile.csv_file(tmp_path / "postcodes.csv", "postcode,nuts3\n10115,DE300\n", "utf-16-le")
    output = cli_refusal_of(["import", "firms", str(records), "--postcodes", str(postcodes)])
    assert f"{postcodes}:1: UTF-16 text without a byte-order mark; {SAVE_AS}" in output
    assert file_digest(data_dir / "statistics.duckdb") == before
