"""The industries' public face: look-ups by code, form querysets and names."""

from __future__ import annotations

import pytest

from smartcluster.industries import selectors
from smartcluster.industries.choices import NaceLevel
from smartcluster.industries.models import Industry

pytestmark = pytest.mark.django_db


@pytest.fixture
def industries() -> dict[str, Industry]:
    """Sections C and J, division 26 and class 26.11 under C."""
    section_c = Industry.objects.create(code="C", eurostat_code="C", level=1, section="C", name="Manufacturing")
    section_j = Industry.objects.create(code="J", eurostat_code="J", level=1, section="J", name="Information")
    division = Industry.objects.create(code="26", eurostat_code="C26", level=2, section="C", name="Computers",
                                       parent=section_c)
    item = Industry.objects.create(code="26.11", eurostat_code="C2611", level=4, section="C",
                                   name="Electronic components", parent=division)
    return {"C": section_c, "J": section_j, "26": division, "26.11": item}


def test_industry_find_takes_official_or_eurostat_codes_in_any_case(industries: dict[str, Industry]) -> None:
    assert selectors.industry_find(code=" c2611 ") == industries["26.11"]
    assert selectors.industry_find(code="26") == industries["26"]
    assert selectors.industry_find(code="c", level=NaceLevel.SECTION) == industries["C"]
    assert selectors.industry_find(code="26", level=NaceLevel.SECTION) is None
    assert selectors.industry_find(code="99") is None


def test_industry_exists_matches_the_official_code_exactly(industries: dict[str, Industry]) -> None:
    assert selectors.industry_exists(code="C", level=NaceLevel.SECTION)
    assert not selectors.industry_exists(code="c", level=NaceLevel.SECTION)
    assert not selectors.industry_exists(code="26", level=NaceLevel.SECTION)
    assert selectors.industry_exists(code="26")


def test_industry_queryset_filters_by_level_in_classification_order(industries: dict[str, Industry]) -> None:
    assert [i.code for i in selectors.industry_queryset(level=NaceLevel.SECTION)] == ["C", "J"]
    assert [i.code for i in selectors.industry_queryset(max_level=NaceLevel.DIVISION)] == ["C", "26", "J"]


def test_industry_names_by_eurostat_code_blank_when_unknown(industries: dict[str, Industry]) -> None:
    assert selectors.industry_names(codes=["C26", "C99"]) == {"C26": "Computers", "C99": ""}
