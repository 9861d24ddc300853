"""Registry import: existing organisations are linked (never copied), every bad cell is named and nothing is saved
when any row is bad, and a downloaded registry imports again unchanged."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

from smartcluster.organisations.models import Organisation, OrganisationType, Person
from smartcluster.organisations.tests.factories import build_world
from smartcluster.reports.tables import Table
from smartcluster.reports.workbooks import xlsx_bytes
from smartcluster.sources.imports import ImportRefused
from smartcluster.stakeholders import services
from smartcluster.stakeholders.exports.registry import registry_xlsx
from smartcluster.stakeholders.models import Stakeholder
from smartcluster.stakeholders.selectors import stakeholder_queryset
from smartcluster.stakeholders.tests.registry_world import registry_dump

pytestmark = pytest.mark.django_db


def workbook(rows: list[list[Any]], sheet: str = "Stakeholders") -> bytes:
    return xlsx_bytes([Table(sheet, list(services.IMPORT_COLUMNS), rows)])


def ten_rows() -> list[list[Any]]:
    """Ten organisations, two of them known to the platform (one by a differently written name, one by its
    website), the others new."""
    rows = [["Université du Nord S.A.", "university", "", "", "", "", 4, 5, "barriers; skills"],
            ["Totally Other Name", "", "www.greenworks.eu/about", "", "Gil Green", "gil@greenworks.eu", 2, 3, ""]]
    rows += [[f"New SME {number}", "sme", f"https://sme{number}.example", "", f"Person {number}",
              f"p{number}@sme{number}.example", number % 5 + 1, 3, "green business"] for number in range(8)]
    return rows


def known_organisations() -> list[Organisation]:
    return [Organisation.objects.create(name="Universite du Nord SA", type=OrganisationType.UNIVERSITY),
            Organisation.objects.create(name="Greenworks", type=OrganisationType.SME,
                                        website="https://greenworks.eu")]


def test_a_file_with_2_existing_organisations_among_10_creates_8_and_links_2() -> None:
    world = build_world()
    uni, greenworks = known_organisations()
    organisations = Organisation.objects.count()
    payload = workbook(ten_rows())
    plan = services.stakeholder_import_plan(user=world.users["editor_a"], partner=world.partner_a, payload=payload,
                                            filename="list.xlsx")
    assert [(row.action, row.by) for row in plan[:2]] == [("link", "name"), ("link", "website")]
    assert Organisation.objects.count() == organisations and not Stakeholder.objects.exists()  # a plan saves nothing
    counts = services.stakeholder_import(user=world.users["editor_a"], partner=world.partner_a, payload=payload,
                                         filename="list.xlsx")
    assert counts == {"link": 2, "create": 8, "update": 0}
    assert Organisation.objects.count() == organisations + 8
    linked = Stakeholder.objects.filter(organisation__in=[uni, greenworks]).order_by("organisation__name")
    assert [(item.organisation.name, item.interest, item.influence) for item in linked] == [
        ("Greenworks", 2, 3), ("Universite du Nord SA", 4, 5)]
    assert Person.objects.get(email="gil@greenworks.eu").organisation == greenworks


def test_an_existing_persons_email_links_their_organisation() -> None:
    world = build_world()
    _uni, greenworks = known_organisations()
    Person.objects.create(name="Gil Green", email="gil@greenworks.eu", organisation=greenworks)
    plan = services.stakeholder_import_plan(
        user=world.users["editor_a"], partner=world.partner_a, filename="list.xlsx",
        payload=workbook([["GW Ltd", "", "", "", "", "GIL@greenworks.eu", "", "", ""]]))
    assert (plan[0].action, plan[0].matched, plan[0].by) == ("link", "Greenworks", "e-mail")


def test_every_bad_cell_is_named_and_nothing_is_saved() -> None:
    world = build_world()
    known_organisations()
    rows = ten_rows()
    rows[3][6] = 7
    rows[4][1] = "spaceship"
    rows[5][5] = "not-an-address"
    rows[6][3] = "ZZ99"
    rows[7][0] = "New SME 0"
    before = registry_dump()
    with pytest.raises(ImportRefused) as refused:
        services.stakeholder_import(user=world.users["editor_a"], partner=world.partner_a,
                                    payload=workbook(rows), filename="list.xlsx")
    found = {(problem.sheet, problem.row, problem.column) for problem in refused.value.problems}
    assert found == {("Stakeholders", 5, "interest"), ("Stakeholders", 6, "type"), ("Stakeholders", 7, "e-mail"),
                     ("Stakeholders", 8, "region code"), ("Stakeholders", 9, "organisation name")}
    assert "row 4" in next(str(p) for p in refused.value.problems if p.row == 9)
    assert registry_dump() == before


def test_a_missing_column_or_sheet_is_refused_naming_it() -> None:
    world = build_world()
    with pytest.raises(ImportRefused) as refused:
        services.stakeholder_import_plan(user=world.users["editor_a"], partner=world.partner_a, filename="a.xlsx",
                                         payload=workbook([["X"]], sheet="Sheet1"))
    assert str(refused.value.problems[0]) == "Stakeholders: missing sheet"


def test_another_partners_editor_may_not_import() -> None:
    world = build_world()
    before = registry_dump()
    with pytest.raises(PermissionDenied):
        services.stakeholder_import(user=world.users["editor_b"], partner=world.partner_a, filename="list.xlsx",
                                    payload=workbook(ten_rows()))
    assert registry_dump() == before


def test_a_downloaded_registry_imports_again_unchanged() -> None:
    world = build_world()
    known_organisations()
    services.stakeholder_import(user=world.users["editor_a"], partner=world.partner_a, payload=workbook(ten_rows()),
                                filename="list.xlsx")
    before = registry_dump()
    payload = registry_xlsx(stakeholder_queryset().filter(partner=world.partner_a))
    counts = services.stakeholder_import(user=world.users["editor_a"], partner=world.partner_a, payload=payload,
                                         filename="registry.xlsx")
    assert counts == {"link": 0, "create": 0, "update": 10}
    assert registry_dump() == before
