"""The NUTS loader: repeated loads, and broken, missing or unreachable files (the database stays unchanged)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from django.db.models import Count

from smartcluster.regions.models import Region
from smartcluster.regions.services import geometry_simplified, region_reference_load
from smartcluster.sources.reference import ReferenceDataError, ReferenceSourceUnreachable

pytestmark = pytest.mark.django_db


def _load(urls: dict[str, str], versions: list[int], **kwargs: object) -> object:
    return region_reference_load(base_url=urls["nuts"], history_base_url=urls["history"], versions=versions,
                                 **kwargs)


class TestRepeatedLoads:
    def test_a_second_load_updates_in_place_without_duplicates(self, reference_urls: dict) -> None:
        _load(reference_urls, [2021])
        thessaly_id = Region.objects.get(code="EL61", version=2021).id
        Region.objects.filter(code="EL61").update(name="edited")
        report = _load(reference_urls, [2021])
        assert report.loaded == {2021: 2010}
        assert Region.objects.filter(version=2021).count() == 2010
        assert Region.objects.get(code="EL61", version=2021).name == "Θεσσαλία"
        assert Region.objects.get(code="EL61", version=2021).id == thessaly_id

    def test_skip_loaded_skips_versions_already_in_the_database(self, reference_urls: dict) -> None:
        _load(reference_urls, [2021])
        # The 2016 files are unreachable here: only a skipped version can succeed.
        report = region_reference_load(base_url=reference_urls["nuts"], history_base_url="http://127.0.0.1:9/",
                                       versions=[2021], skip_loaded=True)
        assert (report.skipped, report.loaded) == ([2021], {})


def _broken_mirror(tmp_path: Path, shared_data: Path, files: dict[str, bytes]) -> Path:
    """A mirror of the real 2021 file (symlink) where chosen official paths hold broken bytes instead."""
    (tmp_path / "geojson").mkdir()
    (tmp_path / "geojson/NUTS_RG_60M_2021_4326.geojson").symlink_to(
        shared_data / "gisco-nuts/NUTS_RG_60M_2021_4326.geojson.gz")
    for path, payload in files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_bytes(payload)
    return tmp_path


LEVL_2_2016 = "geojson/NUTS_RG_20M_2016_4326_LEVL_2.geojson"
FEATURE = {"type": "Feature", "properties": {"NUTS_ID": "EL61", "LEVL_CODE": 2, "NUTS_NAME": "Θεσσαλία"},
           "geometry": {"type": "Polygon", "coordinates": [[[22, 39], [23, 39], [23, 40], [22, 39]]]}}


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        (gzip.compress(json.dumps({"features": [FEATURE] * 50}).encode())[:200], "truncated or corrupt gzip"),
        (b'{"type": "FeatureCollection", "features": [', "not valid GeoJSON"),
        (json.dumps({"type": "FeatureCollection"}).encode(), "no 'features' list"),
        (json.dumps({"features": [{**FEATURE, "properties": {"NUTS_ID": "EL61", "LEVL_CODE": 2}}]}).encode(),
         "lacks the property NUTS_NAME"),
        (json.dumps({"features": [{**FEATURE, "properties": {**FEATURE["properties"], "LEVL_CODE": 3}}]}).encode(),
         "invalid NUTS code or level ('EL61')"),
        (json.dumps({"features": [{**FEATURE, "geometry": {"type": "Polygon", "coordinates": [[["x"]]]}}]}).encode(),
         "malformed geometry"),
    ],
    ids=["truncated-gzip", "truncated-json", "no-features", "missing-property", "wrong-level", "bad-geometry"],
)
def test_a_broken_gisco_file_is_named_and_nothing_is_written(
    tmp_path: Path, shared_data: Path, local_http_server: object, reference_urls: dict, payload: bytes, message: str
) -> None:
    _load(reference_urls, [2021])
    before = list(Region.objects.order_by("id").values_list("id", "code", "version", "name"))
    base = local_http_server(_broken_mirror(tmp_path, shared_data, {LEVL_2_2016: payload}))
    for name in ("LEVL_0", "LEVL_1"):
        (tmp_path / f"geojson/NUTS_RG_20M_2016_4326_{name}.geojson").symlink_to(
            shared_data / f"gisco-nuts/NUTS_RG_20M_2016_4326_{name}.geojson.gz")
    with pytest.raises(ReferenceDataError, match=rf"{LEVL_2_2016}.*{message}".replace("(", r"\(").replace(")", r"\)")):
        _load({"nuts": base, "history": reference_urls["history"]}, [2021, 2016])
    assert list(Region.objects.order_by("id").values_list("id", "code", "version", "name")) == before


def test_a_file_that_is_not_a_workbook_is_named(tmp_path: Path, shared_data: Path, local_http_server: object) -> None:
    base = local_http_server(_broken_mirror(tmp_path, shared_data, {"NUTS2010-NUTS2013.xls": b"Code 2013;LT00\n"}))
    with pytest.raises(ReferenceDataError, match=r"NUTS2010-NUTS2013\.xls: not a readable Excel workbook"):
        region_reference_load(base_url=base, history_base_url=base, versions=[2021, 2013])
    assert not Region.objects.exists(), list(Region.objects.values_list("version").annotate(n=Count("id")))


def test_an_unknown_nuts_version_is_refused_before_anything_is_read(reference_urls: dict) -> None:
    with pytest.raises(ReferenceDataError, match=r"unknown NUTS version 2008: the loader knows 2006, 2010, 2013, 2016"):
        _load(reference_urls, [2021, 2008])
    assert not Region.objects.exists()


def test_a_missing_file_names_the_url_and_the_http_status(tmp_path: Path, local_http_server: object) -> None:
    base = local_http_server(tmp_path)
    with pytest.raises(ReferenceDataError, match=r"geojson/NUTS_RG_60M_2021_4326\.geojson: the server answered HTTP 404"):
        region_reference_load(base_url=base, versions=[2021])


def test_an_unreachable_server_says_which_setting_points_at_a_mirror() -> None:
    with pytest.raises(ReferenceSourceUnreachable, match=r"could not reach http://127\.0\.0\.1:9/geojson/.*"
                                                         r"SMARTCLUSTER_NUTS_BASE_URL"):
        region_reference_load(base_url="http://127.0.0.1:9/", versions=[2021])


def test_geometry_simplified_rounds_and_drops_islets_that_collapse() -> None:
    islet = [[[10.00001, 50.00001], [10.0002, 50.0001], [10.0001, 50.0002], [10.00001, 50.00001]]]
    land = [[[10.0, 50.0], [10.5, 50.0], [10.5, 50.5], [10.0, 50.0]]]
    simplified = geometry_simplified({"type": "MultiPolygon", "coordinates": [land, islet]})
    assert simplified == {"type": "Polygon", "coordinates": [[[10.0, 50.0], [10.5, 50.0], [10.5, 50.5], [10.0, 50.0]]]}
