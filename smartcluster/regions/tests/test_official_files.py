"""The NUTS loader against the real official files (every version) served from 127.0.0.1, loaded once."""

from __future__ import annotations

import pytest
from django.db.models import Count

from smartcluster.regions.models import Region

pytestmark = pytest.mark.django_db


def _levels(version: int) -> dict[int, int]:
    rows = Region.objects.filter(version=version).values("level").annotate(n=Count("id"))
    return {row["level"]: row["n"] for row in rows}


class TestOfficialFiles:
    def test_nuts_2021_and_2016_have_the_official_number_of_regions_per_level(self, loaded_reference: dict) -> None:
        assert _levels(2021) == {0: 37, 1: 125, 2: 334, 3: 1514}
        # 2016: levels 0-2 from GISCO (with boundaries), level 3 from Eurostat's 2013-2016 workbook.
        assert {level: n for level, n in _levels(2016).items() if level < 3} == {0: 37, 1: 125, 2: 332}
        assert Region.objects.filter(version=2016, level=2, boundary__isnull=False).count() == 332

    def test_older_versions_come_from_the_nuts_history_workbooks_with_extra_regio_codes(
        self, loaded_reference: dict
    ) -> None:
        assert _levels(2006) == {0: 27, 1: 124, 2: 298, 3: 1330}
        assert _levels(2010) == {0: 27, 1: 124, 2: 297, 3: 1321}
        assert _levels(2013) == {0: 28, 1: 126, 2: 304, 3: 1370}
        assert Region.objects.filter(version=2013, code="LTZZ").exists()

    def test_thessaly_has_its_name_latin_name_parent_and_a_light_boundary(self, loaded_reference: dict) -> None:
        thessaly = Region.objects.get(code="EL61", version=2021)
        assert (thessaly.name, thessaly.name_latn, thessaly.parent.code) == ("Θεσσαλία", "Thessalia", "EL6")
        assert thessaly.parent.version == 2021 and thessaly.level == 2 and thessaly.country == "EL"
        assert thessaly.boundary["type"] == "MultiPolygon"
        first = thessaly.boundary["coordinates"][0][0][0]
        assert all(round(value, 3) == value for value in first)
        # 2016's GISCO file has no NAME_LATN: the Latin name comes from 2021's record with the same name.
        assert Region.objects.get(code="EL61", version=2016).name_latn == "Thessalia"

    def test_codes_that_regional_statistics_still_carry_are_loaded_with_names(self, loaded_reference: dict) -> None:
        lithuania = Region.objects.get(code="LT00", version=2013)
        assert (lithuania.name, lithuania.parent.code, lithuania.boundary) == ("Lietuva", "LT0", None)
        assert not Region.objects.filter(code="LT00", version__gte=2016).exists()
        assert set(Region.objects.filter(code="HR04").values_list("version", flat=True)) == {2013, 2016}
        assert Region.objects.get(code="HU10", version=2013).name == "Közép-Magyarország"
        assert Region.objects.get(code="IE01", version=2010).name == "Border, Midland and Western"
        assert Region.objects.get(code="DE41", version=2006).name == "Brandenburg - Nordost"
        assert Region.objects.get(code="EL11", version=2010).parent.code == "EL1"

    def test_part_rows_keep_only_codes_of_the_new_version(self, loaded_reference: dict) -> None:
        # DE41 became part of DE40 in 2010: "DE40 (part)" rows must not create a 2010 region named after DE41.
        assert Region.objects.get(code="DE40", version=2010).name == "Brandenburg"
        assert not Region.objects.filter(code__contains="(").exists()

    def test_every_region_below_a_country_has_a_parent_one_level_up_in_its_version(
        self, loaded_reference: dict
    ) -> None:
        assert not Region.objects.filter(level__gt=0, parent__isnull=True).exists()
        for region in Region.objects.filter(level__gt=0).select_related("parent").defer("boundary"):
            assert (region.parent.level, region.parent.version) == (region.level - 1, region.version), region
        # Northern Ireland's level-3 codes UKN10-UKN16 sit under UKN0 (the one official exception).
        assert Region.objects.get(code="UKN16", version=2016).parent.code == "UKN0"
