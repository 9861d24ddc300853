"""The mapping pages' files on the real 7-country SBS extract: every table a page offers as XLSX and both DOCX
reports read well; a Greek region page writes every number the Greek way."""

from __future__ import annotations

import html
import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from smartcluster.reports.tests.readable import docx_problems, xlsx_problems

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("sbs_store", "loaded_reference")]
REGION = "EL61"  # Thessalia
CATEGORY = "Production Technology and Heavy Machinery"
QUERY = {"year": 2014}


def _pages() -> list[tuple[str, dict[str, Any]]]:
    """Every mapping page that offers its tables as downloads, with its query."""
    return [(reverse("atlas:home"), {**QUERY, "all": 1}), (reverse("atlas:region", args=[REGION]), QUERY),
            (reverse("atlas:related", args=[REGION]), QUERY),
            (reverse("atlas:compare"), {**QUERY, "regions": f"{REGION},ES62"}), (reverse("atlas:data"), {})]


def _downloads(page: str) -> set[str]:
    """The table keys a page links as XLSX."""
    return set(re.findall(r"download=([a-z_]+)&amp;format=xlsx", page))


def test_every_table_of_every_mapping_page_downloads_as_a_readable_workbook(client: Client) -> None:
    problems, checked = [], 0
    for url, query in _pages():
        response = client.get(url, query)
        assert response.status_code == 200, url
        for table in _downloads(response.content.decode()):
            download = client.get(url, {**query, "download": table, "format": "xlsx"})
            assert download["Content-Type"].startswith("application/vnd"), (url, table, download.status_code)
            problems += xlsx_problems(download.content, f"{url} {table}.xlsx")
            checked += 1
    assert checked >= 8 and problems == []


def test_category_tables_download_as_readable_workbooks(client: Client) -> None:
    categories = client.get(reverse("atlas:home") + "?all=1").content.decode()
    code = re.search(r'href="/mapping/categories/([^/"]+)/', categories).group(1)
    url = reverse("atlas:category", args=[html.unescape(code)])
    tables = _downloads(client.get(url, QUERY).content.decode())
    assert tables
    for table in tables:
        assert xlsx_problems(client.get(url, {**QUERY, "download": table, "format": "xlsx"}).content,
                             f"{url} {table}.xlsx") == []


def test_docx_reports_read_well(client: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent")  # the tables are checked, not the chart images
    region = client.get(reverse("atlas:region_report", args=[REGION]), {**QUERY, "format": "docx"})
    assert docx_problems(region.content, "region report.docx") == []
    categories = client.get(reverse("atlas:home") + "?all=1").content.decode()
    code = html.unescape(re.search(r'href="/mapping/categories/([^/"]+)/', categories).group(1))
    category = client.get(reverse("atlas:category", args=[code]), {**QUERY, "format": "docx"})
    assert docx_problems(category.content, "category report.docx") == []


def test_greek_region_page_writes_every_number_the_greek_way(client: Client, settings: Any) -> None:
    with translation.override("el"):
        page = client.get(reverse("atlas:region", args=[REGION]), QUERY,
                          HTTP_ACCEPT_LANGUAGE="el").content.decode()
    text = html.unescape(re.sub(r"<[^>]+>", " ", page.split("<main", 1)[1]))
    assert re.search(r"\d\.\d{3}", text)  # thousands grouped with a dot
    # no English grouping (a comma before three digits and a non-digit) anywhere in the visible text; the region
    # page shows no number with three decimals, which Greek would write the same way
    assert re.findall(r"\d,\d{3}(?!\d)", text) == []
