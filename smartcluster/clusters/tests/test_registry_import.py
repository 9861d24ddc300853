"""The registry's XLSX/CSV import and export: every bad cell listed as (sheet, row, column, why), nothing saved
when any row is wrong, a download imports again unchanged, and a manager imports only into its own cluster."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from smartcluster.clusters import services
from smartcluster.clusters.exports.registry import registry_download
from smartcluster.clusters.models import ClusterLabel, ClusterMember, ClusterProfile, ClusterService
from smartcluster.clusters.tests.registry_world import RegistryWorld, build_registry, region, registry_dump
from smartcluster.organisations.models import Organisation
from smartcluster.reports.tables import Table
from smartcluster.reports.workbooks import xlsx_bytes
from smartcluster.sources.imports import ImportRefused

pytestmark = pytest.mark.django_db
SHEETS = services.REGISTRY_SHEETS


@pytest.fixture
def world() -> RegistryWorld:
    region("EL64")
    return build_registry()


def workbook(**rows: list[dict[str, object]]) -> bytes:
    """A registry workbook with the given rows (cells by field) on each sheet, the other sheets empty."""
    return xlsx_bytes([Table(name, list(columns.values()),
                             [[row.get(field, "") for field in columns] for row in rows.get(name.lower(), [])])
                       for name, columns in SHEETS.items()])


GOOD = {
    "profiles": [{"cluster": "Thessaly Cluster", "legal_form": "association", "founding_year": 2010,
                  "keeps_member_list": "yes", "management_fte": "1.5", "is_published": "yes",
                  "categories": "cluster_categories:22; smart_industry_40:technology_providers",
                  "technology_tags": "Robotics, IoT", "regions_served": "EL61, EL64"}],
    "members": [{"cluster": "Thessaly Cluster", "member": "Olive Robotics", "member_type": "sme",
                 "year_joined": 2015, "committed": "yes"},
                {"cluster": "Thessaly Cluster", "member": "University of Thessaly",
                 "member_type": "research_education", "year_joined": 2012}],
    "services": [{"cluster": "Thessaly Cluster", "kind": "networking", "year": 2023, "members_served": 20}],
    "labels": [{"cluster": "Thessaly Cluster", "kind": "cluster_management", "level": "bronze", "year": 2022,
                "expires_on": "2024-06-30"}],
}


def test_a_good_workbook_saves_every_sheet(world: RegistryWorld) -> None:
    counts = services.registry_import(user=world.users["manager"], payload=workbook(**GOOD), filename="r.xlsx")
    assert counts == {"Profiles": 1, "Members": 2, "Services": 1, "Labels": 1}
    profile = ClusterProfile.objects.get(pk=world.thessaly.pk)
    assert (profile.legal_form, profile.founding_year, str(profile.management_fte)) == ("association", 2010, "1.50")
    assert sorted(r.code for r in profile.regions_served.all()) == ["EL61", "EL64"]
    assert profile.categories.count() == 2
    assert sorted(profile.members.values_list("organisation__name", flat=True)) == [
        "Olive Robotics", "University of Thessaly"]
    assert ClusterService.objects.get(profile=profile).members_served == 20
    assert ClusterLabel.objects.get(profile=profile).expires_on.isoformat() == "2024-06-30"
    again = services.registry_import(user=world.users["manager"], payload=workbook(**GOOD), filename="r.xlsx")
    assert again["Members"] == 2 and ClusterMember.objects.filter(profile=profile).count() == 2


def test_three_bad_cells_are_listed_exactly_and_nothing_is_saved(world: RegistryWorld) -> None:
    bad = {
        "profiles": [{**GOOD["profiles"][0], "founding_year": "long ago"}],
        "members": [GOOD["members"][0], {**GOOD["members"][1], "member_type": "friend"}],
        "services": GOOD["services"],
        "labels": [{**GOOD["labels"][0], "level": "platinum"}],
    }
    before = registry_dump()
    with pytest.raises(ImportRefused) as refused:
        services.registry_import(user=world.users["manager"], payload=workbook(**bad), filename="r.xlsx")
    found = [(p.sheet, p.row, p.column) for p in refused.value.problems]
    assert found == [("Profiles", 2, "Founding year"), ("Members", 3, "Membership type"), ("Labels", 2, "Level")]
    assert "long ago" in refused.value.problems[0].message
    assert "platinum" in refused.value.problems[2].message
    assert registry_dump() == before


def test_a_problem_found_while_saving_rolls_back_the_rows_saved_before(world: RegistryWorld) -> None:
    bad = {**GOOD, "labels": [{**GOOD["labels"][0], "expires_on": "2001-01-01"}]}  # expires before its award
    before = registry_dump()
    with pytest.raises(ImportRefused) as refused:
        services.registry_import(user=world.users["manager"], payload=workbook(**bad), filename="r.xlsx")
    assert [(p.sheet, p.row) for p in refused.value.problems] == [("Labels", 2)]
    assert registry_dump() == before


def test_a_manager_cannot_import_into_another_cluster(world: RegistryWorld) -> None:
    rows = {"profiles": [{"cluster": "Murcia Cluster", "founding_year": 1990}]}
    before = registry_dump()
    with pytest.raises(ImportRefused) as refused:
        services.registry_import(user=world.users["manager"], payload=workbook(**rows), filename="r.xlsx")
    assert [(p.sheet, p.row, p.column) for p in refused.value.problems] == [("Profiles", 2, "Cluster")]
    assert "may not" in refused.value.problems[0].message
    assert registry_dump() == before


def test_an_unknown_cluster_or_a_missing_sheet_is_named(world: RegistryWorld) -> None:
    with pytest.raises(ImportRefused) as refused:
        services.registry_import(user=world.users["administrator"], filename="r.xlsx",
                                 payload=workbook(profiles=[{"cluster": "Nowhere Cluster"}]))
    assert "Nowhere Cluster" in refused.value.problems[0].message
    only_profiles = xlsx_bytes([Table("Profiles", ["Cluster"], [["Thessaly Cluster"]])])
    with pytest.raises(ImportRefused) as refused:
        services.registry_import(user=world.users["administrator"], payload=only_profiles, filename="r.xlsx")
    assert {(p.sheet, p.message) for p in refused.value.problems} == {
        ("Members", "missing sheet"), ("Services", "missing sheet"), ("Labels", "missing sheet")}


def test_the_download_imports_again_unchanged_as_xlsx_and_csv(world: RegistryWorld) -> None:
    services.registry_import(user=world.users["manager"], payload=workbook(**GOOD), filename="r.xlsx")
    profiles = ClusterProfile.objects.filter(pk=world.thessaly.pk)
    downloaded = registry_download(profiles, fmt="xlsx").content
    book = pd.read_excel(io.BytesIO(downloaded), sheet_name=None)
    assert list(book) == list(SHEETS) and list(book["Members"].columns) == list(SHEETS["Members"].values())
    before = registry_dump(timestamps=False)
    services.registry_import(user=world.users["manager"], payload=downloaded, filename="again.xlsx")
    assert registry_dump(timestamps=False) == before
    members_csv = registry_download(profiles, fmt="csv", sheet="Members").content
    assert members_csv.decode().splitlines()[0] == ",".join(SHEETS["Members"].values())
    services.registry_import(user=world.users["manager"], payload=members_csv, filename="m.csv", sheet="Members")
    assert registry_dump(timestamps=False) == before
    assert Organisation.objects.filter(name="Olive Robotics").count() == 1
