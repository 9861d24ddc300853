"""A profile beside the mapping: the stars, LQ and employment shown for the categories a cluster covers in its
region are the atlas engine's for the same region, category and dataset (the real 7-country SBS extract)."""

from __future__ import annotations

import html
import re

import pytest
from django.test import Client
from django.urls import reverse

from smartcluster.atlas.engine import Params, atlas_result
from smartcluster.atlas.selectors import year_default
from smartcluster.atlas.tests.conftest import SBS, eurostat_base_url, sbs_store  # noqa: F401 - reused fixtures
from smartcluster.clusters import selectors, services
from smartcluster.clusters.models import ClusterProfile
from smartcluster.clusters.tests.registry_world import RegistryWorld, build_registry

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("sbs_store")]
REGION = "EL61"


@pytest.fixture
def world() -> RegistryWorld:
    return build_registry()


@pytest.fixture(scope="module")
def engine(sbs_store: object) -> object:  # noqa: F811 - the reused fixture
    return atlas_result(sbs_store, Params(dataset=SBS))


def _region_year(engine: object) -> int:
    """The atlas's default year when the region has data then, else the region's latest year with data."""
    known = engine.region_totals(REGION).dropna(subset=["employment_covered"])["year"].astype(int).tolist()
    default = year_default(result=engine)
    return default if default in known else max(known)


def _strongest(engine: object, year: int, count: int = 3) -> object:
    rows = engine.region_rows(REGION)
    return rows[rows["year"] == year].dropna(subset=["lq"]).sort_values("lq", ascending=False).head(count)


def test_side_by_side_lq_and_stars_equal_the_atlas_engines(world: RegistryWorld, engine: object) -> None:
    year = _region_year(engine)
    expected = _strongest(engine, year)
    services.cluster_profile_update(user=world.users["manager"], profile=world.thessaly,
                                    categories=[("cluster_categories", key) for key in expected["category"]])
    side = selectors.cluster_mapping_side_by_side(profile=world.thessaly, dataset=SBS)
    assert side["dataset"] == SBS and "Eurostat SBS" in side["vintage"]
    shown = {row["category"]: row for row in side["rows"] if row["region"] == REGION}
    assert {row["year"] for row in shown.values()} == {year} and len(expected) == 3
    for _, row in expected.iterrows():
        assert shown[row["category"]]["lq"] == pytest.approx(float(row["lq"]))
        assert shown[row["category"]]["stars"] == float(row["stars"])
        assert shown[row["category"]]["employment"] == pytest.approx(float(row["employment"]))


def test_profile_page_shows_the_engines_figures_for_the_dataset_asked(world: RegistryWorld, engine: object) -> None:
    year = _region_year(engine)
    top = _strongest(engine, year, 1).iloc[0]
    services.cluster_profile_update(user=world.users["manager"], profile=world.thessaly,
                                    categories=[("cluster_categories", top["category"])])
    response = Client().get(reverse("clusters:cluster_detail", args=[world.thessaly.pk]), {"dataset": SBS})
    assert response.status_code == 200
    page = response.content.decode()
    row = re.search(rf'<tr data-category="{top["category"]}" data-region="{REGION}">(.*?)</tr>', page, re.S)
    assert row is not None
    cells = dict(re.findall(r'data-(lq|stars)="([^"]*)"', row.group(1)))
    assert float(cells["lq"]) == pytest.approx(float(top["lq"]))
    assert float(cells["stars"]) == float(top["stars"])
    assert html.escape(top["category_name"]) in page and SBS in page


def test_an_unknown_dataset_is_said_on_the_page_not_a_server_error(world: RegistryWorld) -> None:
    services.cluster_profile_update(user=world.users["manager"], profile=world.thessaly,
                                    categories=[("cluster_categories", "22")])
    response = Client().get(reverse("clusters:cluster_detail", args=[world.thessaly.pk]), {"dataset": "nope"})
    assert response.status_code == 200
    assert "There is no dataset nope" in response.content.decode()


def test_the_atlas_region_profile_lists_the_cluster_organisations_active_there(world: RegistryWorld) -> None:
    ClusterProfile.objects.filter(pk=world.murcia.pk).update(is_published=False)
    page = Client().get(reverse("atlas:region", args=[REGION]), {"dataset": SBS, "year": 2014})
    html = page.content.decode()
    assert page.status_code == 200 and "Cluster organisations active here" in html
    section = html.split('class="clusters-in-region"', 1)[1].split("</section>", 1)[0]
    assert "Thessaly Cluster" in section and "Murcia Cluster" not in section
    assert reverse("clusters:cluster_detail", args=[world.thessaly.pk]) in section
    services.cluster_profile_update(user=world.users["administrator"], profile=world.thessaly,
                                    data={"is_published": False})
    again = Client().get(reverse("atlas:region", args=[REGION]), {"dataset": SBS, "year": 2014}).content.decode()
    assert "Thessaly Cluster" not in again  # the cached page body does not keep the list
    assert "Thessaly Cluster" in _signed_in(world.users["manager"]).get(
        reverse("atlas:region", args=[REGION]), {"dataset": SBS, "year": 2014}).content.decode()


def _signed_in(user: object) -> Client:
    client = Client()
    client.force_login(user)
    return client
