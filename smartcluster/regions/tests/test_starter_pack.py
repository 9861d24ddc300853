"""The starter pack as a source of reference data: the same regions as the official files, a one-line fallback when
those cannot be reached, no network when asked, and a clear refusal (nothing written) when the pack is damaged."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from smartcluster import starter_pack
from smartcluster.industries.models import Industry
from smartcluster.industries.services import industry_reference_load
from smartcluster.regions.models import Region
from smartcluster.regions.services import region_reference_load

pytestmark = pytest.mark.django_db
CLOSED = "http://127.0.0.1:9/"  # nothing listens on the discard port


def _snapshot() -> dict[tuple[str, int], tuple]:
    return {(r.code, r.version): (r.level, r.name, r.name_latn, r.parent.code if r.parent else None, r.boundary)
            for r in Region.objects.select_related("parent")}


def _load_command(*args: str) -> str:
    out = StringIO()
    call_command("load_reference", "--nuts-base-url", CLOSED, "--nuts-history-base-url", CLOSED,
                 "--nace-base-url", CLOSED, *args, stdout=out)
    return out.getvalue()


def test_the_pack_gives_the_regions_and_industries_the_official_files_give(reference_urls: dict) -> None:
    region_reference_load(base_url=reference_urls["nuts"], history_base_url=reference_urls["history"])
    industry_reference_load(base_url=reference_urls["nace"])
    official = _snapshot()
    industries = list(Industry.objects.values_list("code", "eurostat_code", "name", "parent__code"))
    Region.objects.all().delete()
    Industry.objects.all().delete()
    region_reference_load(from_starter_pack=True)
    industry_reference_load(from_starter_pack=True)
    pack = _snapshot()
    assert pack.keys() == official.keys()
    differing = [key for key in official if pack[key] != official[key]]
    assert differing == []
    assert list(Industry.objects.values_list("code", "eurostat_code", "name", "parent__code")) == industries


def test_unreachable_sources_fall_back_to_the_pack_saying_so_in_one_line() -> None:
    output = _load_command("--starter-pack", "fallback")
    said = [line for line in output.splitlines() if line.startswith("Official reference sources not usable")]
    assert len(said) == 1 and f"could not reach {CLOSED}" in said[0]
    assert said[0].endswith("loading the starter pack bundled with smartcluster instead.")
    thessaly = Region.objects.get(code="EL61", version=2021)
    assert thessaly.display_name == "Thessalia" and thessaly.name == "Θεσσαλία" and thessaly.boundary is not None
    assert thessaly.parent.code == "EL6"
    assert set(Region.objects.values_list("version", flat=True)) == {2006, 2010, 2013, 2016, 2021, 2024}
    assert Industry.objects.get(code="28").name == "Manufacture of machinery and equipment n.e.c."


def test_the_pack_alone_tries_no_official_source_and_a_second_run_skips_what_is_loaded() -> None:
    output = _load_command("--starter-pack", "only")
    assert "could not reach" not in output and "Reference data ready (starter pack)." in output
    regions = Region.objects.count()
    output = _load_command("--starter-pack", "only", "--skip-loaded")
    assert "NUTS 2024: already loaded, skipped" in output and "NACE Rev. 2: already loaded, skipped" in output
    assert Region.objects.count() == regions


def test_a_damaged_pack_is_refused_with_its_file_named_and_nothing_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(starter_pack, "PACK_DIR", tmp_path)
    with pytest.raises(CommandError, match=r"^reference data not loaded, database unchanged: starter pack "
                                           r"nuts_regions\.parquet: not readable"):
        _load_command("--starter-pack", "fallback")
    assert not Region.objects.exists() and not Industry.objects.exists()
