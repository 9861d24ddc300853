"""Funding pages: the public reads published years with figures, flag, chart and table; the cluster's manager
edits its own years (CSRF enforced), sees the running sum and drafts; others are refused and change nothing."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from smartcluster.clusters import services
from smartcluster.clusters.models import FundingRecord
from smartcluster.clusters.tests.funding_world import (
    FundingWorld,
    build_funding_world,
    funding_data,
    funding_dump,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> FundingWorld:
    return build_funding_world()


def csrf_client(user: Any, page: str) -> tuple[Client, str]:
    """A logged-in client that enforces CSRF, with the token a page handed out."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    client.get(page)
    return client, client.cookies["csrftoken"].value


def form_data(token: str, **overrides: Any) -> dict[str, Any]:
    return {"csrfmiddlewaretoken": token, **{key: "" if value is None else str(value)
                                             for key, value in funding_data(**overrides).items()
                                             if key != "is_published"}, "is_published": "on"}


def test_the_public_reads_published_years_with_figures_flag_chart_and_table(world: FundingWorld) -> None:
    for offset, share in enumerate([30, 35, 40, 45]):
        services.funding_record_load(profile=world.alpha, year=2021 + offset, data=funding_data(
            regional_grants=Decimal(share), national_grants=0, eu_grants=0, membership_fees=Decimal(70 - share)))
    services.funding_record_load(profile=world.alpha, year=2025, data=funding_data(is_published=False))
    page = Client().get(reverse("clusters:funding_detail", args=[world.alpha.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert 'id="dependency-flag"' in html and "3 years running" in html
    assert "<th scope=\"row\">2024</th>" in html and "<th scope=\"row\">2025</th>" not in html  # the draft
    assert "Edit 2024" not in html
    figure = json.loads(page.context["chart"])
    assert figure["layout"]["barmode"] == "stack" and len(figure["data"]) == 7
    assert figure["data"][0]["x"] == [2021, 2022, 2023, 2024] and figure["data"][0]["y"][-1] == 45000
    assert 'id="funding-sources"' in html and "<caption>" in html


def test_no_flag_when_the_rises_are_broken(world: FundingWorld) -> None:
    for offset, share in enumerate([30, 35, 33, 40]):
        services.funding_record_load(profile=world.alpha, year=2021 + offset, data=funding_data(
            regional_grants=Decimal(share), national_grants=0, eu_grants=0, membership_fees=Decimal(70 - share)))
    html = Client().get(reverse("clusters:funding_detail", args=[world.alpha.pk])).content.decode()
    assert 'id="dependency-flag"' not in html


def test_the_manager_sees_drafts_and_adds_a_year_with_csrf(world: FundingWorld) -> None:
    services.funding_record_load(profile=world.alpha, year=2024, data=funding_data(is_published=False))
    add = reverse("clusters:funding_add", args=[world.alpha.pk])
    client, token = csrf_client(world.users["manager"], add)
    assert "Edit 2024" in client.get(reverse("clusters:funding_detail", args=[world.alpha.pk])).content.decode()
    response = client.post(add, {**form_data(token), "year": "2023"})
    assert response.status_code == 302
    assert FundingRecord.objects.get(profile=world.alpha, year=2023).is_published
    again = client.post(add, {**form_data(token), "year": "2024"})
    assert "already" in again.content.decode() and FundingRecord.objects.count() == 2


def test_shares_not_summing_to_100_are_shown_on_the_form_and_nothing_saved(world: FundingWorld) -> None:
    services.funding_record_load(profile=world.alpha, year=2024, data=funding_data())
    edit = reverse("clusters:funding_edit", args=[world.alpha.pk, 2024])
    client, token = csrf_client(world.users["manager"], edit)
    before = funding_dump()
    response = client.post(edit, form_data(token, eu_grants=5))
    assert response.status_code == 200
    assert "The shares sum to 95 %" in response.content.decode()
    assert funding_dump() == before


def test_the_running_sum_answers_each_change(world: FundingWorld) -> None:
    url = reverse("clusters:funding_shares_sum")
    good = Client().get(url, {"regional_grants": "60", "membership_fees": "40"}, headers={"HX-Request": "true"})
    assert "100 %" in good.content.decode() and "✓" in good.content.decode()
    bad = Client().get(url, {"regional_grants": "60", "membership_fees": "30"}).content.decode()
    assert "90 %" in bad and "must sum to 100" in bad


@pytest.mark.parametrize("role", ["other_manager", "outsider"])
def test_others_cannot_edit_or_delete_a_clusters_year(world: FundingWorld, role: str) -> None:
    services.funding_record_load(profile=world.alpha, year=2024, data=funding_data())
    edit = reverse("clusters:funding_edit", args=[world.alpha.pk, 2024])
    client, token = csrf_client(world.users[role], reverse("clusters:funding_group"))
    before = funding_dump()
    assert client.get(edit).status_code == 403
    assert client.post(edit, form_data(token, revenue=1)).status_code == 403
    assert client.post(reverse("clusters:funding_delete", args=[world.alpha.pk, 2024]),
                       {"csrfmiddlewaretoken": token}).status_code == 403
    assert funding_dump() == before


def test_a_post_without_the_csrf_token_is_refused(world: FundingWorld) -> None:
    services.funding_record_load(profile=world.alpha, year=2024, data=funding_data())
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.users["manager"])
    before = funding_dump()
    response = client.post(reverse("clusters:funding_delete", args=[world.alpha.pk, 2024]))
    assert response.status_code == 403 and funding_dump() == before


def test_the_manager_deletes_a_year(world: FundingWorld) -> None:
    services.funding_record_load(profile=world.alpha, year=2024, data=funding_data())
    edit = reverse("clusters:funding_edit", args=[world.alpha.pk, 2024])
    client, token = csrf_client(world.users["manager"], edit)
    client.post(reverse("clusters:funding_delete", args=[world.alpha.pk, 2024]), {"csrfmiddlewaretoken": token})
    assert not FundingRecord.objects.exists()


def test_the_group_page_filters_by_region_prefix_and_country(world: FundingWorld) -> None:
    services.funding_record_load(profile=world.alpha, year=2024, data=funding_data())
    services.funding_record_load(profile=world.beta, year=2024, data=funding_data(revenue=Decimal(50000), core_funding=None))
    url = reverse("clusters:funding_group")
    everyone = Client().get(url)
    assert [year.clusters for year in everyone.context["group"].years] == [2]
    assert json.loads(everyone.context["chart"])["layout"]["barmode"] == "stack"
    greek = Client().get(url, {"country": "el"}, headers={"HX-Request": "true"})
    assert greek.context["group"].years[0].revenue == 50000
    assert "<html" not in greek.content.decode()  # htmx gets the results only
    assert Client().get(url, {"region": "DE1"}).context["group"].years[0].revenue == 100000
    wrong = Client().get(url, {"region": "../x"})
    assert wrong.context["group"] is None and "NUTS code" in wrong.content.decode()


def test_an_unpublished_clusters_funding_page_is_not_found_for_the_public(world: FundingWorld) -> None:
    world.alpha.is_published = False
    world.alpha.save()
    assert Client().get(reverse("clusters:funding_detail", args=[world.alpha.pk])).status_code == 404


def test_the_chart_downloads_as_a_png_image(world: FundingWorld, chromium: str, monkeypatch: Any) -> None:
    monkeypatch.setenv("BROWSER_PATH", chromium)
    services.funding_record_load(profile=world.alpha, year=2024, data=funding_data())
    response = Client().get(reverse("clusters:funding_chart", args=[world.alpha.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert response.content.startswith(b"\x89PNG\r\n\x1a\n")


def test_the_chart_image_is_not_found_without_a_browser_or_figures(world: FundingWorld, monkeypatch: Any,
                                                                   tmp_path: Any) -> None:
    url = reverse("clusters:funding_chart", args=[world.alpha.pk])
    assert Client().get(url).status_code == 404  # nothing to draw
    services.funding_record_load(profile=world.alpha, year=2024, data=funding_data())
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "no-chrome-here"))
    assert Client().get(url).status_code == 404
