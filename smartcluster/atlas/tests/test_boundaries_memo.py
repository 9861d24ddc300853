"""The maps' boundaries are memoised per process: a reload of the regions must never be answered from the memo."""

from __future__ import annotations

import pytest

from smartcluster.atlas.services import boundaries_memo
from smartcluster.regions.models import Region

SQUARE = {"type": "Polygon", "coordinates": [[[22.0, 39.0], [23.0, 39.0], [23.0, 40.0], [22.0, 39.0]]]}


def _load(codes: list[str], boundary: dict | None) -> None:
    Region.objects.all().delete()
    Region.objects.bulk_create([Region(code=code, version=2016, level=2, country=code[:2], name=code,
                                       boundary=boundary) for code in codes])


@pytest.mark.django_db
def test_as_many_regions_reloaded_with_boundaries_are_drawn_not_taken_from_the_memo() -> None:
    codes = ["EL61", "EL64", "EL65"]
    _load(codes, None)
    assert boundaries_memo(codes=codes, version=2016)[1] == {}
    _load(codes, SQUARE)  # the same number of regions, now with their boundaries
    assert boundaries_memo(codes=codes, version=2016)[1] == dict.fromkeys(codes, "2016")
