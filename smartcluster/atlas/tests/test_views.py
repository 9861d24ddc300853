"""Atlas pages on the real 7-country SBS extract: figures shown equal the engine's, bad input gets a 404 naming
what exists, every table downloads, reports render."""

from __future__ import annotations

import html as html_lib
import io
import json
import re
from pathlib import Path

import pandas as pd
import pytest
from django.urls import reverse

from smartcluster.atlas.engine import Params, atlas_result
from smartcluster.atlas.tests.conftest import SBS
from smartcluster.mapping import builtin_taxonomy
from smartcluster.mapping.pipeline import read_inputs, year_table
from smartcluster.statistics import StatisticsStore

# Every page here reads the imported 7-country extract, whichever test runs first (or alone, or on its own worker).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("sbs_store")]
REGION = "EL61"  # Thessalia: SBS rows under the same code in NUTS 2010 and 2013


@pytest.fixture(scope="module")
def engine(sbs_store: object) -> object:
    return atlas_result(sbs_store, Params(dataset=SBS))


def _engine_year(engine: object, year: int) -> pd.DataFrame:
    """The mapping pipeline's table of one year (as `smartcluster map` computes it) on the same NUTS version."""
    return year_table(read_inputs(StatisticsStore(), SBS), builtin_taxonomy("cluster_categories"), year=year,
                      nuts_version=engine.nuts_version).table


def _shown_column(response: object, table: str, heading: str) -> list[str]:
    """The raw values (data-value) of the column under `heading` of a table as the page shows it."""
    html = response.content.decode()
    block = re.search(rf'<table data-table="{table}">(.*?)</table>', html, re.S).group(1)
    headings = re.findall(r'<th scope="col">(.*?)</th>', block)
    index = headings.index(heading)
    body = block.split("<tbody>", 1)[1]
    return [html_lib.unescape(re.findall(r'data-value="(.*?)"', row)[index])
            for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)]


def _figure(response: object, key: str) -> dict:
    """The Plotly figure a page draws in its chart `key`."""
    text = re.search(rf'<script type="application/json" id="figure-{key}">(.*?)</script>',
                     response.content.decode(), re.S).group(1)
    return json.loads(text)


def _downloaded(client: object, url: str, query: dict, table: str) -> pd.DataFrame:
    response = client.get(url, {**query, "download": table, "format": "csv"})
    assert response.status_code == 200
    return pd.read_csv(io.StringIO(response.content.decode()), dtype={"category": str, "industry": str})


def test_region_profile_shows_the_engine_figures(client: object, engine: object, loaded_reference: dict) -> None:
    response = client.get(reverse("atlas:region", args=[REGION]), {"year": 2014})
    assert response.status_code == 200
    page = response.content.decode()
    expected = _engine_year(engine, 2014)
    mine = expected[expected["region"] == REGION].sort_values("lq", ascending=False)
    shown_lq = [float(value) for value in _shown_column(response, "categories", "LQ")[:10]]
    assert shown_lq == pytest.approx(mine["lq"].head(10).tolist())
    top = mine.iloc[0]
    assert f"{top['category_name']} (LQ {top['lq']:.1f}, {int(top['stars'])} of 3 stars)" in page
    covered = engine.totals[(engine.totals["region"] == REGION) & (engine.totals["year"] == 2014)]
    assert f"{covered['employment_covered'].iloc[0]:,.0f}" in page
    assert "Thessalia" in page and "employment covered" in page.lower() and "B–N" in page
    assert "vendor/plotly.min.js" in page and "cdn" not in page.lower()


def test_unknown_region_answers_404_listing_the_regions_there_are(client: object, loaded_reference: dict) -> None:
    response = client.get(reverse("atlas:region", args=["XX99"]), {"year": 2014})
    assert response.status_code == 404
    page = response.content.decode()
    assert "XX99" in page and "<li>EL61</li>" in page and "<li>LT00</li>" in page


def test_unknown_year_answers_404_listing_the_years_there_are(client: object, loaded_reference: dict) -> None:
    response = client.get(reverse("atlas:region", args=[REGION]), {"year": 1999})
    assert response.status_code == 404
    page = response.content.decode()
    assert "1999" in page and "<li>2008</li>" in page and "<li>2015</li>" in page
    assert client.get(reverse("atlas:region", args=[REGION]), {"year": "last"}).status_code == 404


def test_category_page_ranks_regions_as_the_engine_and_maps_the_ones_with_boundaries(
        client: object, engine: object, loaded_reference: dict) -> None:
    category = "13"
    response = client.get(reverse("atlas:category", args=[category]), {"year": 2014, "measure": "lq"})
    assert response.status_code == 200
    expected = _engine_year(engine, 2014)
    expected = expected[expected["category"] == category].sort_values("employment", ascending=False)
    regions = _shown_column(response, "regions", "region")
    page = response.content.decode()
    figure = _figure(response, "map")
    assert regions == expected["region"].tolist()
    geojson_url = html_lib.unescape(re.search(r'data-geojson="(.*?)"', page).group(1))
    geojson = client.get(geojson_url).json()
    ids = [feature["id"] for feature in geojson["features"]]
    assert len(ids) == len(set(ids))
    known_trace, *others = figure["data"]
    unknown_trace = [trace for trace in others if trace.get("name") == "unknown"]
    mapped = set(known_trace["locations"]).union(*(trace["locations"] for trace in unknown_trace))
    assert not set(known_trace["locations"]) & set(expected.loc[expected["lq"].isna(), "region"])
    assert f"{len(mapped)} regions on the map" in page and len(mapped) > 50
    assert mapped <= set(ids)
    unmapped = re.search(r'<span class="unmapped">(.*?)</span>', page)
    unmapped = set(unmapped.group(1).split(", ")) if unmapped else set()
    assert unmapped.isdisjoint(ids)
    assert set(regions) == mapped | unmapped
    assert figure["data"][0]["colorscale"] == "Cividis"


def test_compare_needs_two_to_eight_regions_and_shows_the_engine_lq(client: object, engine: object,
                                                                    loaded_reference: dict) -> None:
    url = reverse("atlas:compare")
    assert "Choose from two to eight" in client.get(url, {"regions": "EL61", "year": 2014}).content.decode()
    nine = ",".join(["EL61", "EL30", "LT00", "ES30", "DE11", "DE21", "HU10", "HR04", "IE01"])
    assert "Choose from two to eight" in client.get(url, {"regions": nine, "year": 2014}).content.decode()
    assert client.get(url, {"regions": "EL61,XX00", "year": 2014}).status_code == 404
    response = client.get(url, {"regions": "EL61,LT00", "year": 2014})
    assert response.status_code == 200
    expected = _engine_year(engine, 2014).set_index(["region", "category"])["lq"]
    table = _downloaded(client, url, {"regions": "EL61,LT00", "year": 2014}, "compare")
    assert set(table["region"]) == {"EL61", "LT00"}
    for row in table.itertuples():
        assert row.lq == pytest.approx(expected[(row.region, row.category)], nan_ok=True)
    bubbles = _figure(response, "portfolio")["data"]
    assert {trace["name"] for trace in bubbles} == {"EL61", "LT00"}


def test_related_industries_equal_the_engine_ranking(client: object, sbs_store: object, engine: object,
                                                    loaded_reference: dict) -> None:
    from smartcluster.atlas.engine import division_employment, relatedness_cells
    from smartcluster.mapping import related_industries

    response = client.get(reverse("atlas:related", args=[REGION]), {"year": 2014})
    assert response.status_code == 200
    cells, _summary = relatedness_cells(division_employment(sbs_store, Params(dataset=SBS), engine.nuts_version), 2014)
    expected = related_industries(cells, REGION, top=15)
    shown = _downloaded(client, reverse("atlas:related", args=[REGION]), {"year": 2014}, "related")
    assert _shown_column(response, "related", "NACE") == expected["industry"].tolist()
    assert shown["industry"].tolist() == expected["industry"].tolist()
    assert shown["density"].tolist() == pytest.approx(expected["density"].tolist())


def test_every_table_downloads_as_csv_and_xlsx_with_the_shown_numbers(client: object, engine: object,
                                                                      loaded_reference: dict) -> None:
    url = reverse("atlas:region", args=[REGION])
    csv = client.get(url, {"year": 2014, "download": "categories", "format": "csv"})
    assert csv["Content-Type"].startswith("text/csv")
    frame = pd.read_csv(io.StringIO(csv.content.decode()))
    expected = _engine_year(engine, 2014)
    expected = expected[expected["region"] == REGION].set_index("category")["lq"]
    assert frame.set_index(frame["category"].astype(str))["lq"].to_dict() == pytest.approx(
        expected.to_dict(), nan_ok=True)
    for table in ("categories", "smart_industry", "emerging", "trends", "employment", "peers_country"):
        xlsx = client.get(url, {"year": 2014, "download": table, "format": "xlsx"})
        assert xlsx.status_code == 200
        assert len(pd.read_excel(io.BytesIO(xlsx.content))) >= 0
    assert client.get(url, {"year": 2014, "download": "nothing"}).status_code == 404


def test_report_prints_on_a4_and_exports_docx_with_the_summary(client: object, loaded_reference: dict) -> None:
    from docx import Document

    url = reverse("atlas:region_report", args=[REGION])
    page = client.get(url, {"year": 2014}).content.decode()
    assert "Data sources and method" in page and "atlas/atlas.css" in page
    response = client.get(url, {"year": 2014, "format": "docx"})
    document = Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Thessalia" in text and "NACE B–N" in text
    assert len(document.tables) == 7


def test_docx_reports_carry_the_pages_charts_as_images(client: object, loaded_reference: dict, chromium: str,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from docx import Document

    monkeypatch.setenv("BROWSER_PATH", chromium)  # kaleido draws in the same Chromium the browser tests use
    region = Document(io.BytesIO(client.get(reverse("atlas:region_report", args=[REGION]),
                                            {"year": 2014, "format": "docx"}).content))
    category = Document(io.BytesIO(client.get(reverse("atlas:category", args=["13"]),
                                              {"year": 2014, "format": "docx"}).content))
    # LQ by category, LQ trends and employment; then the category's map, drawn with the stored boundaries
    assert [len(region.inline_shapes), len(category.inline_shapes)] == [3, 1]
    pictures = [part.blob for part in region.part.package.parts if part.content_type == "image/png"]
    assert len(pictures) == 3 and all(blob.startswith(b"\x89PNG") and len(blob) > 10_000 for blob in pictures)
    assert len(region.tables) == 7 and len(category.tables) == 3


def test_docx_reports_say_the_charts_are_left_out_where_no_browser_can_draw_them(
        client: object, loaded_reference: dict, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from docx import Document

    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "no-chrome-here"))
    document = Document(io.BytesIO(client.get(reverse("atlas:region_report", args=[REGION]),
                                              {"year": 2014, "format": "docx"}).content))
    assert len(document.inline_shapes) == 0 and len(document.tables) == 7
    assert any(p.text.startswith("Charts left out: the server has no Chrome or Chromium") for p in document.paragraphs)


def test_landing_lists_the_regions_of_the_default_year_and_the_categories(client: object, engine: object,
                                                                          loaded_reference: dict) -> None:
    page = client.get(reverse("atlas:home")).content.decode()
    counts = {year: engine.year_totals(year)["region"].nunique() for year in engine.years}
    default = max(year for year, count in counts.items() if count >= 0.8 * max(counts.values()))
    assert f"({default} data, NUTS {engine.nuts_version})" in page
    first = sorted(engine.year_totals(default)["region"])[0]
    assert reverse("atlas:region", args=[first]) in page and reverse("atlas:category", args=["13"]) in page
    datalist = page.split('<datalist id="region-codes">', 1)[1].split("</datalist>", 1)[0]
    assert datalist.count("<option ") == counts[default]


def test_data_status_lists_the_datasets_with_provenance_and_hides_the_wizard_from_visitors(
        client: object, sbs_store: object) -> None:
    page = client.get(reverse("atlas:data")).content.decode()
    assert "sbs_r_nuts06_r2" in page and "sha256:" in page and "2008–2015" in page
    assert "Fetch a Eurostat dataset" not in page
    listing = client.get(reverse("atlas:data"), {"download": "datasets", "format": "csv"})
    assert "sbs_r_nuts06_r2" in listing.content.decode()
