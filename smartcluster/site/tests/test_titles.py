"""Browser tabs tell pages apart: every main page has its own title, "<page> · smartcluster", and the favicon."""

from __future__ import annotations

import re

import pytest
from django.contrib.staticfiles import finders
from django.test import Client
from django.urls import reverse

from smartcluster.organisations.tests.factories import make_user

pytestmark = pytest.mark.django_db
MAIN_PAGES = ["home", "atlas:home", "atlas:data", "matchmaking:event_list",
              "notifications:inbox", "maturity:home", "maturity:aggregates", "maturity:campaign_list",
              "organisations:list", "organisations:projects", "regions:list", "industries:list", "jobs:list",
              "accounts:tokens"]


def _title(page: str) -> str:
    return " ".join(re.search(r"<title>(.*?)</title>", page, re.S).group(1).split())


def test_main_pages_have_distinct_titles_naming_the_page_and_the_site(settings: object) -> None:
    settings.STORAGES = {**settings.STORAGES,
                         "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    client = Client()
    client.force_login(make_user("admin-titles", is_superuser=True, is_staff=True))
    titles = {}
    for name in MAIN_PAGES:
        response = client.get(reverse(name))
        assert response.status_code in (200, 503), name  # 503: the mapping pages before any data is imported
        titles[name] = _title(response.content.decode())
    titles["login"] = _title(Client().get(reverse("login")).content.decode())
    assert all(title.endswith(" · smartcluster") and title != "smartcluster · smartcluster"
               for title in titles.values()), titles
    assert len(set(titles.values())) == len(titles), titles


def test_every_page_links_the_favicon(settings: object) -> None:
    settings.STORAGES = {**settings.STORAGES,
                         "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    page = Client().get(reverse("home")).content.decode()
    assert '<link rel="icon" href="/static/site/favicon.svg" type="image/svg+xml">' in page
    with open(finders.find("site/favicon.svg"), encoding="utf-8") as icon:
        assert icon.read().lstrip().startswith("<svg")
