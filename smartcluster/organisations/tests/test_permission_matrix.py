"""Every role × every kind of record × every write, through the pages and through the API.

Allowed writes succeed; refused ones answer 403 (401 or a redirect to the login page for anonymous users) and
leave every table exactly as it was. Every channel runs with CSRF enforced as a browser meets it: page forms and
session API calls carry the page's CSRF token, token calls carry none, and the API matrix runs once more over real
HTTP against a live server with real bearer tokens.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
import requests
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from smartcluster.accounts.models import ApiToken, Membership
from smartcluster.organisations.models import Organisation, Partner, Person, Project, Tag
from smartcluster.organisations.tests.factories import ROLES, World, build_world, database_dump

KINDS = ["organisation", "person", "partner", "project"]
WRITES = ["create", "update", "delete"]

# Who may do what (design.md): administrators all; a partner's editors update their own records (editors of A may
# also add and remove A's people and delete A itself); only administrators create organisations, manage projects
# and the partnership (adding or removing partners).
ALLOWED: dict[tuple[str, str], set[str]] = {
    ("organisation", "create"): {"administrator"},
    ("organisation", "update"): {"administrator", "editor_a"},
    ("organisation", "delete"): {"administrator", "editor_a"},
    ("person", "create"): {"administrator", "editor_a"},
    ("person", "update"): {"administrator", "editor_a"},
    ("person", "delete"): {"administrator", "editor_a"},
    ("partner", "create"): {"administrator"},
    ("partner", "update"): {"administrator", "editor_a"},
    ("partner", "delete"): {"administrator"},
    ("project", "create"): {"administrator"},
    ("project", "update"): {"administrator"},
    ("project", "delete"): {"administrator"},
}


@dataclass
class Request:
    method: str
    url: str
    data: dict[str, Any]


def page_request(world: World, kind: str, write: str) -> Request:
    """The form submission a browser would send for this write."""
    a, partner, person, project = world.org_a.pk, world.partner_a, world.person_a.pk, world.project.pk
    organisation_form = {"name": "Agency A renamed", "type": "development_agency", "region_version": "2021",
                         "is_published": "on"}
    requests = {
        ("organisation", "create"): Request("post", reverse("organisations:create"),
                                            {**organisation_form, "name": "Newly Registered SME", "type": "sme"}),
        ("organisation", "update"): Request("post", reverse("organisations:edit", args=[a]), organisation_form),
        ("organisation", "delete"): Request("post", reverse("organisations:delete", args=[a]), {}),
        ("person", "create"): Request("post", reverse("organisations:person_create", args=[a]), {"name": "Nik Novak"}),
        ("person", "update"): Request("post", reverse("organisations:person_edit", args=[person]),
                                      {"name": "Ana Alves-Smith", "email": "ana@example.org"}),
        ("person", "delete"): Request("post", reverse("organisations:person_erase", args=[person]), {}),
        ("partner", "create"): Request("post", reverse("organisations:partner_create", args=[project]),
                                       {"organisation": world.candidate.pk, "role": "partner", "region_version": "2021"}),
        ("partner", "update"): Request("post", reverse("organisations:partner_edit", args=[partner.pk if partner else 0]),
                                       {"role": "partner", "policy_instrument": "ERDF programme", "region_version": "2021"}),
        ("partner", "delete"): Request("post", reverse("organisations:partner_delete", args=[partner.pk if partner else 0]), {}),
        ("project", "create"): Request("post", reverse("organisations:project_create"),
                                       {"name": "Second project", "acronym": "SECOND", "semesters": "4"}),
        ("project", "update"): Request("post", reverse("organisations:project_edit", args=[project]),
                                       {"name": "Clusters in Smart Industry", "acronym": "CSI", "programme": "Horizon",
                                        "semesters": "8"}),
        ("project", "delete"): Request("post", reverse("organisations:project_delete", args=[project]), {}),
    }
    return requests[(kind, write)]


def api_request(world: World, kind: str, write: str) -> Request:
    """The JSON call a script would send for this write."""
    base = "/api/organisations"
    a, partner, person, project = world.org_a.pk, world.partner_a, world.person_a.pk, world.project.pk
    partner_pk = partner.pk if partner else 0
    requests = {
        ("organisation", "create"): Request("post", f"{base}/organisations/", {"name": "Newly Registered SME", "type": "sme"}),
        ("organisation", "update"): Request("patch", f"{base}/organisations/{a}", {"name": "Agency A renamed"}),
        ("organisation", "delete"): Request("delete", f"{base}/organisations/{a}", {}),
        ("person", "create"): Request("post", f"{base}/people/", {"name": "Nik Novak", "organisation_id": a}),
        ("person", "update"): Request("patch", f"{base}/people/{person}", {"name": "Ana Alves-Smith"}),
        ("person", "delete"): Request("delete", f"{base}/people/{person}", {}),
        ("partner", "create"): Request("post", f"{base}/partners/",
                                       {"project_id": project, "organisation_id": world.candidate.pk}),
        ("partner", "update"): Request("patch", f"{base}/partners/{partner_pk}", {"policy_instrument": "ERDF programme"}),
        ("partner", "delete"): Request("delete", f"{base}/partners/{partner_pk}", {}),
        ("project", "create"): Request("post", f"{base}/projects/", {"name": "Second project", "acronym": "SECOND"}),
        ("project", "update"): Request("patch", f"{base}/projects/{project}", {"programme": "Horizon"}),
        ("project", "delete"): Request("delete", f"{base}/projects/{project}", {}),
    }
    return requests[(kind, write)]


def _csrf_client(world: World, role: str) -> Client:
    """A client that enforces CSRF, logged in as the role, holding the CSRF cookie a first page view sets."""
    client = Client(enforce_csrf_checks=True, HTTP_REFERER="https://testserver/")
    if role != "anonymous":
        client.force_login(world.users[role])
    client.get(reverse("home"), secure=True)
    return client


def send_page(world: World, role: str, request: Request) -> Any:
    client = _csrf_client(world, role)
    data = {**request.data, "csrfmiddlewaretoken": client.cookies["csrftoken"].value}
    return getattr(client, request.method)(request.url, data, secure=True)


def send_api(world: World, role: str, request: Request) -> Any:
    """A script's call: the bearer token and no CSRF token."""
    headers = {} if role == "anonymous" else {"Authorization": f"Bearer {world.tokens[role]}"}
    return getattr(Client(enforce_csrf_checks=True), request.method)(
        request.url, json.dumps(request.data), content_type="application/json", headers=headers, secure=True
    )


def send_api_session(world: World, role: str, request: Request) -> Any:
    """The platform's own pages calling the API: the session cookie and the page's CSRF token."""
    client = _csrf_client(world, role)
    return getattr(client, request.method)(
        request.url, json.dumps(request.data), content_type="application/json", secure=True,
        headers={"X-CSRFToken": client.cookies["csrftoken"].value},
    )


CHANNELS: dict[str, tuple[Callable, Callable]] = {
    "page": (page_request, send_page), "api": (api_request, send_api), "api-session": (api_request, send_api_session),
}


def assert_refused(channel: str, role: str, response: Any) -> None:
    if channel == "page" and role == "anonymous":
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    elif channel.startswith("api") and role == "anonymous":
        assert response.status_code == 401
    else:
        assert response.status_code == 403, response.content[:500]


def assert_succeeded(channel: str, response: Any) -> None:
    if channel == "page":
        assert response.status_code == 302, response.content.decode()[:2000]
        assert not response["Location"].startswith(reverse("login"))
    else:
        assert response.status_code in {200, 201, 204}, response.content[:500]


@pytest.mark.django_db
@pytest.mark.parametrize("channel", list(CHANNELS))
@pytest.mark.parametrize("write", WRITES)
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("role", ROLES)
def test_write_is_allowed_for_the_right_roles_and_refused_without_change_for_others(
    role: str, kind: str, write: str, channel: str
) -> None:
    # An organisation that is a project's partner cannot be deleted, so organisation writes run without projects.
    world = build_world(with_partners=kind != "organisation")
    build_request, send = CHANNELS[channel]
    before = database_dump()

    response = send(world, role, build_request(world, kind, write))

    if role in ALLOWED[(kind, write)]:
        assert_succeeded(channel, response)
        assert database_dump() != before
    else:
        assert_refused(channel, role, response)
        assert database_dump() == before


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("write", WRITES)
@pytest.mark.parametrize("kind", KINDS)
def test_api_writes_over_real_http_with_real_tokens_follow_the_same_matrix(kind: str, write: str,
                                                                          live_server: Any) -> None:
    """What a script sends: `requests` to a live server, each role's own bearer token, no CSRF token."""
    for role in ROLES:
        world = build_world(with_partners=kind != "organisation")
        request = api_request(world, kind, write)
        headers = {} if role == "anonymous" else {"Authorization": f"Bearer {world.tokens[role]}"}
        before = database_dump()

        response = requests.request(request.method, f"{live_server.url}{request.url}", json=request.data,
                                    headers=headers, timeout=60)

        if role in ALLOWED[(kind, write)]:
            assert response.status_code in {200, 201, 204}, (role, response.text[:500])
            assert database_dump() != before
        else:
            assert response.status_code == (401 if role == "anonymous" else 403), (role, response.text[:500])
            assert database_dump() == before
        _flush_world()


def _flush_world() -> None:
    """Remove one role's world so the next role starts from the same records (ids keep growing, which is fine)."""
    for model in (Partner, Person, Membership, ApiToken, Project, Organisation, Tag):
        model.objects.all().delete()
    get_user_model().objects.all().delete()
