"""The NACE Rev. 2 loader against Eurostat's real file served from 127.0.0.1, and against broken ones."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from django.db.models import Count

from smartcluster.industries.models import Industry
from smartcluster.industries.services import eurostat_code, industry_reference_load
from smartcluster.sources.reference import ReferenceDataError

pytestmark = pytest.mark.django_db

HEADER = '"nace2","Name","Level","Parent","Include","Include_Also","Exclude"\n'
GOOD_ROWS = ('"C","MANUFACTURING","1",NA,NA,NA,NA\n"26","Manufacture of computer products","2","C",NA,NA,NA\n')


def test_nace_rev2_has_21_sections_88_divisions_272_groups_615_classes(reference_urls: dict) -> None:
    assert industry_reference_load(base_url=reference_urls["nace"]) == 996
    levels = dict(Industry.objects.values_list("level").annotate(n=Count("id")))
    assert levels == {1: 21, 2: 88, 3: 272, 4: 615}


def test_items_have_parents_sections_eurostat_codes_and_notes(reference_urls: dict) -> None:
    industry_reference_load(base_url=reference_urls["nace"])
    computers = Industry.objects.get(code="26")
    assert (computers.eurostat_code, computers.parent.code, computers.section) == ("C26", "C", "C")
    meat = Industry.objects.get(eurostat_code="C1011")
    assert (meat.code, meat.name, meat.parent.code, meat.parent.parent.code) == (
        "10.11", "Processing and preserving of meat", "10.1", "10")
    assert "slaughtering and processing of whales" in meat.includes
    assert meat.excludes.startswith("This class excludes:")
    assert not Industry.objects.filter(level=1).exclude(parent=None).exists()
    assert not Industry.objects.filter(level__gt=1, parent=None).exists()
    assert Industry.objects.get(code="A").includes == ""  # "NA" in the file means no note


def test_a_second_load_updates_in_place_without_duplicates(reference_urls: dict) -> None:
    industry_reference_load(base_url=reference_urls["nace"])
    Industry.objects.filter(code="26").update(name="edited")
    assert industry_reference_load(base_url=reference_urls["nace"]) == 996
    assert Industry.objects.count() == 996
    assert Industry.objects.get(code="26").name == "Manufacture of computer, electronic and optical products"
    assert industry_reference_load(base_url=reference_urls["nace"], skip_loaded=True) == 0


def test_eurostat_code_is_the_section_letter_and_the_digits() -> None:
    assert [eurostat_code(code=code, section="C") for code in ("C", "26", "26.1", "26.11")] == [
        "C", "C26", "C261", "C2611"]


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        (gzip.compress((HEADER + GOOD_ROWS).encode())[:40], "truncated or corrupt gzip"),
        (('"nace2","Name","Level","Parent"\n' + GOOD_ROWS).encode(), "missing column.*Include, Include_Also, Exclude"),
        ((HEADER + GOOD_ROWS + '"26.1","Manufacture of electronic').encode(), "malformed CSV|wrong number of fields"),
        ((HEADER + GOOD_ROWS + '"26.1","Components","3","26"\n').encode(), "line 4: wrong number of fields"),
        ((HEADER + '"C","MANUFACTURING","2","B",NA,NA,NA\n').encode(), "line 2: 'C' is not a NACE Rev. 2 code of level '2'"),
        ((HEADER + GOOD_ROWS + '"27","Electrical equipment","2","Z",NA,NA,NA\n').encode(),
         "the parent 'Z' of 27 is not an item one level up"),
        ((HEADER + GOOD_ROWS + GOOD_ROWS).encode(), "the code C appears twice"),
        ("nace2;Name\n".encode("utf-16"), "not UTF-8 text"),
    ],
    ids=["truncated-gzip", "missing-columns", "truncated-row", "short-row", "bad-code", "orphan", "duplicate",
         "not-utf8"],
)
def test_a_broken_file_is_named_and_the_table_is_unchanged(
    tmp_path: Path, local_http_server: object, reference_urls: dict, payload: bytes, message: str
) -> None:
    industry_reference_load(base_url=reference_urls["nace"])
    Industry.objects.filter(code="26").update(name="kept")
    before = list(Industry.objects.order_by("id").values_list("id", "code", "name", "parent_id"))
    (tmp_path / "Nace2_long.csv").write_bytes(payload)
    with pytest.raises(ReferenceDataError, match=rf"Nace2_long\.csv.*({message})"):
        industry_reference_load(base_url=local_http_server(tmp_path))
    assert list(Industry.objects.order_by("id").values_list("id", "code", "name", "parent_id")) == before
