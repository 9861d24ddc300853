"""Errors as people and scripts meet them: pages in the site's layout saying why, translated; API answers in JSON
naming the problem; never a server path, a traceback or a 500 for a bad page number."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import Http404
from django.test import Client, RequestFactory
from django.urls import path
from ninja.errors import HttpError

from smartcluster.accounts.services import api_token_create
from smartcluster.organisations.tests.factories import make_user
from smartcluster.site import urls as site_urls
from smartcluster.site.api import api

pytestmark = pytest.mark.django_db
SERVER_PATHS = [str(settings.BASE_DIR.parent), str(settings.DATA_DIR), "Traceback", "site-packages"]


def _refused(request: Any) -> None:
    raise PermissionDenied("You are not a member of an organisation.")


def _missing_file(request: Any) -> None:
    raise Http404(f"dataset 'x' is not in the statistics store {settings.DATA_DIR}/statistics.duckdb")


def _broken(request: Any) -> None:
    raise RuntimeError(f"cannot open {settings.DATA_DIR}/statistics.duckdb")


# The site's own URLs plus two views that refuse and break, to see the pages Django draws for them.
urlpatterns = [path("refused/", _refused), path("broken/", _broken), path("missing/", _missing_file),
               *site_urls.urlpatterns]
handler400, handler403 = site_urls.handler400, site_urls.handler403
handler404, handler500 = site_urls.handler404, site_urls.handler500


def assert_no_server_detail(text: str) -> None:
    for fragment in SERVER_PATHS:
        assert fragment not in text


@pytest.mark.urls(__name__)
def test_a_refusal_for_a_user_without_organisation_explains_why_and_points_to_the_administrator() -> None:
    client = Client()
    client.force_login(make_user("newcomer"))
    response = client.get("/refused/", secure=True)
    page = response.content.decode()
    assert response.status_code == 403
    assert 'class="site-header"' in page  # the site's layout
    assert "You are not a member of an organisation." in page
    assert "does not belong to any partner organisation" in page and "administrator" in page


@pytest.mark.urls(__name__)
def test_a_bug_answers_a_500_page_in_the_layout_without_the_server_path(settings: Any) -> None:
    settings.CONTACT_EMAIL = "help@cluster.example.eu"
    response = Client(raise_request_exception=False).get("/broken/", secure=True)
    page = response.content.decode()
    assert response.status_code == 500
    assert 'class="site-header"' in page and "Something went wrong" in page
    assert "mailto:help@cluster.example.eu" in page
    assert_no_server_detail(page)


def test_an_unknown_address_answers_404_in_the_layout_in_the_visitors_language() -> None:
    response = Client().get("/no-such-page/", secure=True, headers={"Accept-Language": "de"})
    page = response.content.decode()
    assert response.status_code == 404
    assert 'class="site-header"' in page and '<html lang="de">' in page
    assert "Resolver404" not in page and "no-such-page" not in page.split("<main", 1)[1].split("</main>")[0]


def test_a_form_sent_without_its_csrf_token_is_refused_in_the_layout_saying_why() -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_user("editor"))
    response = client.post("/organisations/new/", {"name": "Forged"}, secure=True,
                           headers={"Referer": "https://testserver/"})
    page = response.content.decode()
    assert response.status_code == 403
    assert 'class="site-header"' in page and "security token" in page


def test_an_api_bug_answers_json_500_without_detail() -> None:
    request = RequestFactory().get("/api/organisations/organisations/")
    response = api.on_exception(request, RuntimeError(f"cannot open {settings.DATA_DIR}/statistics.duckdb"))
    assert response.status_code == 500
    assert json.loads(response.content)["detail"].startswith("Internal error")
    assert_no_server_detail(response.content.decode())


def _paginated_list_paths() -> list[str]:
    """Every API list that takes a page number and no path parameter, from the OpenAPI document."""
    document = api.get_openapi_schema()
    return sorted(route for route, operations in document["paths"].items()
                  if "{" not in route and "get" in operations
                  and any(parameter["name"] == "page" for parameter in operations["get"].get("parameters", [])))


@pytest.mark.parametrize("page", ["9223372036854775807", "99999999999999999999999", "2"])
def test_every_api_list_answers_a_page_past_the_end_with_404_and_the_last_page(page: str) -> None:
    paths = _paginated_list_paths()
    assert len(paths) >= 5, paths
    token = api_token_create(user=make_user("root", is_superuser=True), name="lists")[1]
    for route in paths:
        response = Client().get(route, {"page": page}, headers={"Authorization": f"Bearer {token}"}, secure=True)
        assert response.status_code == 404, (route, response.content[:300])
        assert f"Page {page} does not exist: the last page is 1" in response.json()["detail"], route


def test_an_id_beyond_the_databases_integers_answers_400_or_nothing_found_never_500() -> None:
    response = Client().get("/api/organisations/partners/", {"project_id": str(2**70)}, secure=True)
    if connection.vendor == "sqlite":  # SQLite raises OverflowError where PostgreSQL simply matches nothing
        assert response.status_code == 400
        assert "too large" in response.json()["detail"]
    else:
        assert response.status_code == 200 and response.json()["items"] == []


@pytest.mark.urls(__name__)
def test_a_message_quoting_a_server_file_is_shown_without_its_path() -> None:
    page = Client().get("/missing/", secure=True).content.decode()
    assert "is not in the statistics store …/statistics.duckdb" in page
    assert_no_server_detail(page)
    request = RequestFactory().get("/api/atlas/results")
    answer = api.on_exception(request, HttpError(503, f"no store at {settings.DATA_DIR}/statistics.duckdb"))
    assert json.loads(answer.content)["detail"] == "no store at …/statistics.duckdb"
