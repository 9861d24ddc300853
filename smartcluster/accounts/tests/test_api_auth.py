"""API authentication as an attacker and a script meet it: real HTTP to a live server with real bearer tokens, and
the test client with CSRF enforced. Token requests need no CSRF token; session requests do; wrong tokens 401/429."""

from __future__ import annotations

import json
from typing import Any

import pytest
import requests
from django.core.cache import caches
from django.test import Client, override_settings

from smartcluster.organisations.models import Organisation
from smartcluster.organisations.tests.factories import build_world, database_dump

BASE = "/api/organisations"


@pytest.fixture(autouse=True)
def _no_earlier_token_failures(settings: Any) -> None:
    caches[settings.API_TOKEN_FAILURE_CACHE].clear()
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # PBKDF2 is slow on purpose


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.mark.django_db(transaction=True)
def test_token_writes_over_real_http_succeed_without_csrf_and_wrong_tokens_change_nothing(live_server: Any) -> None:
    world = build_world()
    url = f"{live_server.url}{BASE}/organisations/{world.org_a.pk}"

    wrong = requests.patch(url, json={"description": "forged"}, headers=bearer("not-a-token"), timeout=30)
    anonymous = requests.patch(url, json={"description": "forged"}, timeout=30)
    viewer = requests.patch(url, json={"description": "forged"}, headers=bearer(world.tokens["viewer"]), timeout=30)
    assert (wrong.status_code, anonymous.status_code, viewer.status_code) == (401, 401, 403)
    assert "not valid" in wrong.json()["detail"] and "API token" in anonymous.json()["detail"]
    assert Organisation.objects.get(pk=world.org_a.pk).description == ""

    editor = requests.patch(url, json={"description": "Regional agency."}, headers=bearer(world.tokens["editor_a"]),
                            timeout=30)
    assert editor.status_code == 200, editor.text
    created = requests.post(f"{live_server.url}{BASE}/organisations/", json={"name": "New SME", "type": "sme"},
                            headers=bearer(world.tokens["administrator"]), timeout=30)
    assert created.status_code == 201, created.text
    deleted = requests.delete(f"{live_server.url}{BASE}/organisations/{created.json()['id']}",
                              headers=bearer(world.tokens["administrator"]), timeout=30)
    assert deleted.status_code == 204
    assert Organisation.objects.get(pk=world.org_a.pk).description == "Regional agency."
    assert not Organisation.objects.filter(name="New SME").exists()


@pytest.mark.django_db(transaction=True)
def test_a_session_write_over_real_http_needs_the_csrf_token(live_server: Any) -> None:
    world = build_world()
    session = requests.Session()
    login_page = session.get(f"{live_server.url}/accounts/login/", timeout=30)
    assert login_page.status_code == 200
    world.users["administrator"].set_password("a long and unusual passphrase")
    world.users["administrator"].save()
    logged_in = session.post(f"{live_server.url}/accounts/login/", timeout=30, allow_redirects=False, data={
        "username": "administrator", "password": "a long and unusual passphrase",
        "csrfmiddlewaretoken": session.cookies["csrftoken"]}, headers={"Referer": f"{live_server.url}/"})
    assert logged_in.status_code == 302, logged_in.text[:500]
    url = f"{live_server.url}{BASE}/organisations/"
    before = database_dump()

    forged = session.post(url, json={"name": "Forged", "type": "sme"}, timeout=30)
    assert forged.status_code == 403 and "CSRF" in forged.json()["detail"]
    assert database_dump() == before

    sent = session.post(url, json={"name": "Sent from the page", "type": "sme"}, timeout=30,
                        headers={"X-CSRFToken": session.cookies["csrftoken"], "Referer": f"{live_server.url}/"})
    assert sent.status_code == 201, sent.text


@pytest.mark.django_db
def test_token_write_passes_with_csrf_enforced_and_a_session_without_token_is_refused() -> None:
    world = build_world()
    client = Client(enforce_csrf_checks=True)
    url = f"{BASE}/projects/{world.project.pk}"
    by_token = client.patch(url, json.dumps({"programme": "Horizon Europe"}), content_type="application/json",
                            headers=bearer(world.tokens["administrator"]), secure=True)
    assert by_token.status_code == 200, by_token.content
    client.force_login(world.users["administrator"])
    before = database_dump()
    by_session = client.patch(url, json.dumps({"programme": "Forged"}), content_type="application/json", secure=True)
    assert by_session.status_code == 403
    assert database_dump() == before


@pytest.mark.django_db
def test_a_wrong_token_is_refused_even_beside_a_valid_session() -> None:
    world = build_world()
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.users["administrator"])
    answer = client.get(f"{BASE}/people/", headers=bearer("stolen-or-stale"), secure=True)
    assert answer.status_code == 401


@pytest.mark.django_db
@override_settings(API_TOKEN_FAILURE_LIMIT=3)
def test_an_address_sending_too_many_wrong_tokens_is_answered_429_even_with_a_right_one() -> None:
    world = build_world()
    client = Client()
    answers = [client.get(f"{BASE}/people/", headers=bearer(f"guess-{n}"), secure=True).status_code
               for n in range(4)]
    assert answers == [401, 401, 401, 429]
    locked = client.get(f"{BASE}/people/", headers=bearer(world.tokens["viewer"]), secure=True)
    assert locked.status_code == 429
    assert "Too many wrong API tokens" in locked.json()["detail"]
    assert int(locked["Retry-After"]) > 0
    other_address = Client(REMOTE_ADDR="192.0.2.7").get(f"{BASE}/people/", headers=bearer(world.tokens["viewer"]),
                                                         secure=True)
    assert other_address.status_code == 200


@pytest.mark.django_db
@override_settings(API_TOKEN_FAILURE_LIMIT=2, PROXY_COUNT=1)
def test_behind_a_proxy_wrong_tokens_count_against_the_client_not_the_proxy() -> None:
    world = build_world()
    proxy = Client(REMOTE_ADDR="10.0.0.1")

    def send(forwarded_for: str, token: str) -> int:
        return proxy.get(f"{BASE}/people/", headers={**bearer(token), "X-Forwarded-For": forwarded_for},
                         secure=True).status_code

    # The client forges an address at the left; the proxy appends the one it saw, which is what counts.
    assert [send("1.2.3.4, 198.51.100.9", "guess") for _ in range(3)] == [401, 401, 429]
    assert send("1.2.3.4, 198.51.100.10", world.tokens["viewer"]) == 200
