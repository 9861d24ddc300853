"""The regions' public face: look-ups by code, form querysets, names, boundaries and the load stamp."""

from __future__ import annotations

import pytest

from smartcluster.regions import selectors
from smartcluster.regions.models import Region

pytestmark = pytest.mark.django_db

SQUARE = {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}


@pytest.fixture
def regions() -> dict[str, Region]:
    """Greece in NUTS 2016 and 2021, Thessalia (EL61) in both (a boundary in 2021 only), Attiki (EL30) in 2021."""
    made = {}
    for version in (2016, 2021):
        country = Region.objects.create(code="EL", version=version, level=0, country="EL", name="Ελλάδα",
                                        name_latn="Elláda")
        group = Region.objects.create(code="EL6", version=version, level=1, country="EL", name="Κεντρική Ελλάδα",
                                      parent=country)
        made[f"EL61-{version}"] = Region.objects.create(
            code="EL61", version=version, level=2, country="EL", name=f"Θεσσαλία {version}", parent=group,
            boundary=SQUARE if version == 2021 else None)
    made["EL30"] = Region.objects.create(code="EL30", version=2021, level=2, country="EL", name="Αττική",
                                         name_latn="Attiki")
    return made


def test_region_get_without_version_answers_the_newest_version(regions: dict[str, Region]) -> None:
    assert selectors.region_get(code="el61") == regions["EL61-2021"]
    assert selectors.region_get(code="EL61", version=2016) == regions["EL61-2016"]
    with pytest.raises(Region.DoesNotExist, match="no NUTS region XX9"):
        selectors.region_get(code="XX9")


def test_region_find_takes_typed_codes_and_answers_none_when_unknown(regions: dict[str, Region]) -> None:
    assert selectors.region_find(code=" el61 ", version=2016) == regions["EL61-2016"]
    assert selectors.region_find(code="el61") == regions["EL61-2021"]
    assert selectors.region_find(code="EL30", version=2016) is None
    assert selectors.region_find(code="XX9") is None


def test_region_exists_matches_the_code_exactly_and_up_to_a_level(regions: dict[str, Region]) -> None:
    assert selectors.region_exists(code="EL61", max_level=2)
    assert not selectors.region_exists(code="EL61", max_level=1)
    assert not selectors.region_exists(code="el61")  # a filter value is never widened: groups are exact codes
    assert selectors.region_exists(code="EL", max_level=0)


def test_region_queryset_filters_by_level_and_version_in_code_order(regions: dict[str, Region]) -> None:
    level_two_2021 = selectors.region_queryset(level=2, version=2021)
    assert [r.code for r in level_two_2021] == ["EL30", "EL61"]
    assert [(r.code, r.version) for r in selectors.region_queryset(max_level=1)] == [
        ("EL", 2021), ("EL", 2016), ("EL6", 2021), ("EL6", 2016)]


def test_region_loaded_versions_of_a_level(regions: dict[str, Region]) -> None:
    Region.objects.create(code="EL", version=2024, level=0, country="EL", name="Ελλάδα")
    assert selectors.region_loaded_versions() == [2016, 2021, 2024]
    assert selectors.region_loaded_versions(level=2) == [2016, 2021]


def test_region_names_in_latin_script_where_loaded_and_blank_when_unknown(regions: dict[str, Region]) -> None:
    assert selectors.region_names(codes=["EL61", "EL30", "XX9"], version=2021) == {
        "EL61": "Θεσσαλία 2021", "EL30": "Attiki", "XX9": ""}
    assert selectors.region_names(codes=["EL30"], version=2016) == {"EL30": "Attiki"}  # from a newer version


def test_region_boundaries_hold_only_drawn_versions(regions: dict[str, Region]) -> None:
    assert selectors.region_boundaries(codes=["EL61", "EL30"]) == {"EL61": {2021: SQUARE}}


def test_region_state_stamp_changes_when_boundaries_are_loaded(regions: dict[str, Region]) -> None:
    before = selectors.region_state_stamp()
    Region.objects.filter(code="EL30").update(boundary=SQUARE)
    assert selectors.region_state_stamp() != before
