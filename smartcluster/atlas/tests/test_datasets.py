"""Mapping on any stored dataset: a national CSV uploaded under its own name is mapped as the engine maps it and
named by the pages, the API and the DOCX report; the two SBS series are joined with the break marked and never
across a boundary change; the default dataset; the maps draw one shape per region with a boundary; an empty
store gives a page saying what to do, never a server error or a server path.

The module keeps its own data directory (statistics store, result cache, uploads), filled from the real files."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pandas as pd
import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from smartcluster.atlas.engine import MappableDataset, atlas_result, mappable_datasets, series_join
from smartcluster.atlas.tests.conftest import FIXTURE_FILE, SBS
from smartcluster.jobs.models import Job, JobStatus
from smartcluster.statistics import StatisticsStore

pytestmark = pytest.mark.django_db
SBS_2021 = "sbs_r_nuts2021"
EXTRACT_2022 = "eurostat-sbs-regional/sbs_r_nuts2021_EMP_LOC_NR_C_2022_v2025-02.csv.gz"
NATIONAL = "greece_national"
BOUNDARY_CHANGED = {"LT00", "HU10", "IE01", "IE02", "HR04"}  # NUTS 2013 codes split or redrawn by 2021


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A data directory of this module's own (the session's store is left as the other modules expect it)."""
    folder = tmp_path_factory.mktemp("atlas-datasets")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SMARTCLUSTER_DATA_DIR", str(folder))
        yield folder


@pytest.fixture(scope="module")
def store(data_dir: Path, eurostat_base_url: str, shared_data: Path, tmp_path_factory: pytest.TempPathFactory
          ) -> StatisticsStore:
    """Both SBS series by their real files: the 2008–2015 7-country extract through the Eurostat connector and the
    2022 manufacturing extract of sbs_r_nuts2021 through the file importer (its 5 rows without data dropped)."""
    from smartcluster.sources import eurostat, files

    store = StatisticsStore()
    eurostat.import_dataset(store, SBS, base_url=eurostat_base_url)
    extract = pd.read_csv(shared_data / EXTRACT_2022, dtype=str).dropna(subset=["Sector"])
    path = tmp_path_factory.mktemp("extract") / "sbs_r_nuts2021_2022_C.csv"
    extract.to_csv(path, index=False)
    files.import_file(store, path, dataset=SBS_2021, constants={"measure": "persons_employed"},
                      mapping={"region": "NUTS_ID", "industry": "Sector", "year": "Time", "value": "Empl_pers"})
    return store


@pytest.fixture
def admin(client: object, settings: object) -> object:
    settings.SMARTCLUSTER_JOBS_RUNNER = "inline"
    client.force_login(get_user_model().objects.create_superuser("admin", "a@example.org", "pw"))
    return client


def _mappable(store: StatisticsStore, dataset: str) -> MappableDataset:
    return mappable_datasets(store, dataset=dataset)[0]


def _national_csv(shared_data: Path) -> str:
    """A national file as a statistics office would send it: Greece's NUTS 2 regions, persons employed by NACE
    section and division, 2012–2013 (the real Eurostat figures; unknown cells left empty)."""
    from smartcluster.sources.eurostat import read_file

    rows = read_file(shared_data / FIXTURE_FILE, dataset=SBS)
    rows = rows[(rows["measure"] == "persons_employed") & (rows["nuts_level"] == 2) & rows["region"].str.startswith(
        "EL") & rows["year"].isin([2012, 2013]) & rows["industry_level"].isin([1, 2])]
    return rows[["region", "industry", "year", "measure", "value"]].to_csv(index=False)


def _upload_national(admin: object, shared_data: Path) -> Job:
    response = admin.post(reverse("atlas:data_import"), {
        "source": "file", "dataset": NATIONAL, "classification": "NACE_R2", "measure": "", "unit": "",
        "file": SimpleUploadedFile("greece-2012-2013.csv", _national_csv(shared_data).encode(),
                                   content_type="text/csv")})
    assert response.status_code == 302
    return Job.objects.latest("id")


def _column(html: str, table: str, heading: str) -> list[str]:
    """The raw values (data-value) of a page table's column."""
    block = re.search(rf'<table data-table="{table}">(.*?)</table>', html, re.S).group(1)
    index = re.findall(r'<th scope="col">(.*?)</th>', block).index(heading)
    return [re.findall(r'data-value="(.*?)"', row)[index]
            for row in re.findall(r"<tr>(.*?)</tr>", block.split("<tbody>", 1)[1], re.S)]


def _figure(html: str, key: str) -> dict:
    return json.loads(re.search(rf'<script type="application/json" id="figure-{key}">(.*?)</script>', html,
                                re.S).group(1))


def test_a_title_without_a_loaded_name_shows_the_code_once(client: object, store: StatisticsStore) -> None:
    html = client.get(reverse("atlas:region", args=["EL61"]), {"year": 2014}).content.decode()
    assert "EL61 EL61" not in html and "<title>EL61" in html


def test_a_national_csv_uploaded_under_its_own_name_is_mapped_as_the_engine_maps_it(
        admin: object, store: StatisticsStore, shared_data: Path, loaded_reference: dict) -> None:
    from docx import Document

    job = _upload_national(admin, shared_data)
    assert job.status == JobStatus.DONE, job.problems or job.error
    engine = atlas_result(store, _mappable(store, NATIONAL).params())
    expected = engine.table[(engine.table["region"] == "EL61") & (engine.table["year"] == 2013)]
    expected = expected.sort_values(["lq", "employment"], ascending=False, na_position="last")
    query = {"dataset": NATIONAL, "year": 2013}
    html = admin.get(reverse("atlas:region", args=["EL61"]), query).content.decode()
    assert [float(v) for v in _column(html, "categories", "LQ")[:10]] == pytest.approx(
        expected["lq"].head(10).tolist())
    covered = engine.totals[(engine.totals["region"] == "EL61") & (engine.totals["year"] == 2013)]
    assert f'data-value="{covered["employment_covered"].iloc[0]}"' in html
    assert "Data: file greece-2012-2013.csv" in html and f"(dataset {NATIONAL})" in html
    assert f'<option value="{NATIONAL}" selected>' in html

    body = admin.get("/api/atlas/results", {**query, "region": "EL61"}).json()
    assert body["dataset"] == NATIONAL and "greece-2012-2013.csv" in body["vintage"]
    assert {row["category"]: row["lq"] for row in body["rows"]} == pytest.approx(
        {category: None if pd.isna(lq) else lq for category, lq in zip(expected["category"], expected["lq"],
                                                                         strict=True)})

    report = admin.get(reverse("atlas:region_report", args=["EL61"]), {**query, "format": "docx"})
    text = "\n".join(p.text for p in Document(io.BytesIO(report.content)).paragraphs)
    assert f"dataset {NATIONAL}" in text and "Thessalia" in text


def test_the_two_sbs_series_are_joined_only_where_the_recoding_is_one_to_one_with_the_break_marked(
        store: StatisticsStore) -> None:
    older = atlas_result(store, _mappable(store, SBS).params())
    newer = atlas_result(store, _mappable(store, SBS_2021).params())
    columns = ["region", "nuts_version", "year", "category", "category_name", "employment"]
    joined, not_joined = series_join(older.table[columns], newer.table[columns], version=newer.nuts_version)
    thessaly = joined[joined["region"] == "EL61"]
    assert sorted(thessaly["year"].unique()) == [*range(2008, 2016), 2022]
    assert set(thessaly.loc[thessaly["year"] == 2022, "flags"]) == {"b"}
    assert set(thessaly.loc[thessaly["year"] < 2022, "flags"]) == {""}
    assert set(joined["nuts_version"]) == {2021}
    # Lithuania, Hungary's centre, Ireland and Croatia were redrawn: their old series is never stitched on
    assert set(not_joined) == BOUNDARY_CHANGED
    assert not set(joined.loc[joined["series"] == "older", "region"]) & BOUNDARY_CHANGED
    assert set(joined.loc[joined["region"].isin(["LT01", "LT02", "HR02"]), "series"]) == {"newer"}


def test_the_region_profile_draws_the_joined_series_with_its_break_or_says_why_not(
        client: object, store: StatisticsStore, loaded_reference: dict) -> None:
    html = client.get(reverse("atlas:region", args=["EL61"]), {"year": 2014}).content.decode()
    flags = dict(zip(_column(html, "series", "year"), _column(html, "series", "flag (b: break in series)"),
                     strict=False))
    assert flags["2022"] == "b" and flags["2014"] == ""
    figure = _figure(html, "series")
    assert [shape["x0"] for shape in figure["layout"]["shapes"]] == [2021.5]
    assert figure["layout"]["annotations"][0]["text"] == "b: break in series"
    lithuania = client.get(reverse("atlas:region", args=["LT00"]), {"year": 2014}).content.decode()
    assert 'data-table="series"' not in lithuania
    assert "are not joined for LT00: its boundary changed between NUTS 2013 and 2021" in lithuania


def test_the_default_dataset_is_the_most_recent_full_one_and_the_manufacturing_extract_is_offered(
        client: object, store: StatisticsStore, loaded_reference: dict) -> None:
    html = client.get(reverse("atlas:home")).content.decode()
    assert f'<option value="{SBS}" selected>' in html
    assert re.search(rf'<option value="{SBS_2021}">{SBS_2021} — Eurostat SBS, extracted \d{{4}}, years 2022, '
                     r"manufacturing only</option>", html)
    assert re.search(r"Data: Eurostat SBS, extracted \d{4}, years 2008–2015 \(dataset sbs_r_nuts06_r2\)", html)
    assert "smartcluster import eurostat sbs_r_nuts06_r2" in html
    status = client.get(reverse("atlas:data")).content.decode()
    assert "shown by default" in status and "manufacturing only" in status


@pytest.mark.parametrize(("dataset", "page"), [(SBS, "home"), (SBS_2021, "home"), (SBS_2021, "category")])
def test_a_map_has_one_shape_per_region_with_a_boundary(client: object, store: StatisticsStore,
                                                        loaded_reference: dict, dataset: str, page: str) -> None:
    from smartcluster.regions.models import Region

    engine = atlas_result(store, _mappable(store, dataset).params())
    url = reverse("atlas:home") if page == "home" else reverse("atlas:category", args=[engine.table["category"][0]])
    year = engine.years[-1] if dataset == SBS_2021 else 2014
    html = client.get(url, {"dataset": dataset, "year": year, "all": 1}).content.decode()
    geojson_url = re.search(r'data-geojson="(.*?)"', html).group(1).replace("&amp;", "&")
    ids = [feature["id"] for feature in client.get(geojson_url).json()["features"]]
    regions = set(engine.year_totals(year)["region"])
    with_boundary = {code for code in regions if Region.objects.filter(
        code=code, version__gte=engine.nuts_version, boundary__isnull=False).exists()}
    assert len(ids) == len(set(ids)) and set(ids) == with_boundary and len(ids) > 50
    located = set().union(*(trace["locations"] for trace in _figure(html, "map")["data"]
                            if trace.get("name") != "partner regions"))
    assert located == with_boundary


def test_the_compare_chart_keeps_its_legend_clear_of_the_category_labels(client: object, store: StatisticsStore,
                                                                        loaded_reference: dict) -> None:
    html = client.get(reverse("atlas:compare"), {"regions": "EL61,ES30,DE11", "year": 2014}).content.decode()
    figure = _figure(html, "lq")
    assert {trace["orientation"] for trace in figure["data"]} == {"h"}  # category names on the y axis
    assert figure["layout"]["legend"]["y"] >= 1 and figure["layout"]["legend"]["yanchor"] == "bottom"
    assert figure["layout"]["yaxis"]["automargin"] is True
    assert figure["data"][0]["name"] == "DE11 Stuttgart"


def test_an_empty_store_answers_what_is_missing_and_what_to_do_without_a_server_path(
        client: object, admin: object, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SMARTCLUSTER_DATA_DIR", str(tmp_path))
    anonymous = type(client)()
    urls = [reverse("atlas:home"), reverse("atlas:region", args=["EL61"]), reverse("atlas:related", args=["EL61"]),
            reverse("atlas:compare") + "?regions=EL61,LT00", reverse("atlas:category", args=["1"]),
            reverse("atlas:region_report", args=["EL61"])]
    for url in urls:
        for who, visitor in (("anonymous", anonymous), ("administrator", admin)):
            response = visitor.get(url)
            html = response.content.decode()
            assert response.status_code == 503, (url, who)
            assert str(tmp_path) not in html and "statistics.duckdb" not in html and "/tmp" not in html
            assert "No statistics loaded yet" in html
            assert (f'href="{reverse("atlas:data")}#import"' in html) == (who == "administrator")
    api = anonymous.get("/api/atlas/results")
    assert api.status_code == 503 and "No statistics loaded yet" in api.json()["detail"]
    assert str(tmp_path) not in api.content.decode() and "duckdb" not in api.content.decode()


def test_neither_the_api_nor_the_pages_show_where_the_server_keeps_files(
        admin: object, store: StatisticsStore, shared_data: Path, data_dir: Path,
        loaded_reference: dict) -> None:
    _upload_national(admin, shared_data)
    pages: list[Callable[[], object]] = [
        lambda: admin.get("/api/atlas/results", {"dataset": NATIONAL, "region": "EL61", "year": 2013}),
        lambda: admin.get("/api/atlas/results", {"dataset": "no_such_data"}),
        lambda: admin.get(reverse("atlas:home"), {"dataset": NATIONAL}),
        lambda: admin.get(reverse("atlas:data")),
        lambda: admin.get(reverse("atlas:data"), {"download": "datasets", "format": "csv"}),
    ]
    for page in pages:
        response = page()
        text = response.content.decode()
        assert response.status_code in (200, 404)
        assert str(data_dir) not in text and "/uploads/" not in text and "/tmp/" not in text
    assert "no_such_data" in admin.get("/api/atlas/results", {"dataset": "no_such_data"}).json()["detail"]


def test_the_vintage_reads_as_the_issue_asks_and_a_source_never_shows_a_server_path() -> None:
    from smartcluster.atlas.selectors import dataset_vintage, source_shown

    starter = MappableDataset(
        dataset=SBS, measure="persons_employed", nuts_level=2, industry_level=2, years=tuple(range(2008, 2016)),
        regions=282, full_years=(2014,), manufacturing_only=False,
        provenance={"extracted_at": "2017", "source": "Eurostat bulk download sbs_r_nuts06_r2.tsv.gz (2017)"})
    vintage = dataset_vintage(dataset=starter)
    assert vintage["label"] == "Eurostat SBS, extracted 2017, years 2008–2015"
    assert "smartcluster import eurostat sbs_r_nuts06_r2" in vintage["refresh"]
    upload = "/srv/smartcluster/var/uploads/0123456789abcdef0123456789abcdef-national.csv"
    assert source_shown(upload) == "national.csv" and source_shown(r"C:\data\regional.xlsx") == "regional.xlsx"
    assert source_shown("https://ec.europa.eu/eurostat/api/dissemination/sdmx/2.1/data/sbs_r_nuts2021") \
        .endswith("/data/sbs_r_nuts2021")


def test_regional_accounts_by_nace_section_are_mapped_at_their_own_level(
        client: object, store: StatisticsStore, shared_data: Path, loaded_reference: dict) -> None:
    from smartcluster.sources import eurostat

    eurostat.import_file(store, shared_data / "eurostat-api-format/nama_10r_3empers_sample.tsv",
                         dataset="nama_10r_3empers")
    entry = _mappable(store, "nama_10r_3empers")
    assert (entry.industry_level, entry.measure, entry.taxonomies) == (1, "persons_employed", ("nace_sections",))
    response = client.get(reverse("atlas:region", args=["EL51"]), {"dataset": "nama_10r_3empers"})
    html = response.content.decode()
    assert response.status_code == 200
    assert '<option value="nace_sections" selected>NACE sections</option>' in html
    assert "Data: Eurostat regional accounts, extracted" in html and "(dataset nama_10r_3empers)" in html
    assert "NACE level 1" in html and "B–N" not in html.split('id="summary"')[0]
