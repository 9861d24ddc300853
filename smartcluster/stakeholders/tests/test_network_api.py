"""The network and declared collaborations through the API: filters, privacy, bearer tokens, refusals."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from django.utils import translation

from smartcluster.stakeholders.api.network import router
from smartcluster.stakeholders.models import Collaboration
from smartcluster.stakeholders.tests.network_world import NetworkWorld, build_network_world, network_dump

pytestmark = pytest.mark.django_db

API = "/api/stakeholders"


@pytest.fixture
def net() -> NetworkWorld:
    translation.activate("en")
    return build_network_world()


def call(net: NetworkWorld, role: str | None, method: str, url: str, data: dict[str, Any] | None = None) -> Any:
    """A script's call: its bearer token, no CSRF token (a client that enforces CSRF)."""
    headers = {"Authorization": f"Bearer {net.world.tokens[role]}"} if role else {}
    if method in ("get", "delete"):
        return getattr(Client(enforce_csrf_checks=True), method)(url, data or {}, headers=headers, secure=True)
    return getattr(Client(enforce_csrf_checks=True), method)(
        url, json.dumps(data or {}), content_type="application/json", headers=headers, secure=True)


def test_schemas_are_prefixed_and_every_list_and_detail_has_an_endpoint() -> None:
    # Read from this part's router (the whole OpenAPI document depends on every other app's routers too).
    Client().get("/api/stakeholders/network/", secure=True)  # loads the URLconf, which builds the routers
    schemas: set[str] = set()
    for operations in router.path_operations.values():
        for operation in operations.operations:
            for model in [*operation.models, *filter(None, operation.response_models.values())]:
                schemas |= set(model.model_json_schema().get("$defs", {}))
    ours = {name.removeprefix("Paged") for name in schemas} - {"Input"}  # ninja's pagination wrappers
    assert all(name.startswith(("Network", "Collaboration")) for name in ours), ours
    assert {"NetworkOut", "NetworkOrganisationOut", "NetworkLinkOut", "NetworkRegionOut", "NetworkGapOut",
            "CollaborationOut", "CollaborationIn"} <= ours
    assert set(router.path_operations) == {
        "/network/", "/network/organisations/", "/network/organisations/{organisation_id}", "/network/links/",
        "/network/regions/", "/network/regions/{code}", "/network/gaps/", "/collaborations/",
        "/collaborations/{collaboration_id}"}


def test_the_network_answers_nodes_links_metrics_and_gaps_in_words(net: NetworkWorld) -> None:
    answer = call(net, None, "get", f"{API}/network/", {"region": "EL64"}).json()
    assert {row["name"] for row in answer["organisations"]} == {
        "Sme One", "Sme Two", "Sme Three", "University of Thessaly"}
    assert answer["links"] == [{"first": net.sme1.pk, "second": net.university.pk, "first_name": "Sme One",
                                "second_name": "University of Thessaly", "sources": ["event_co_attendance"]}]
    assert answer["regions"][0]["density"] == pytest.approx(1 / 6)
    assert {"kind": "sme_without_research", "region": "EL64", "count": 2, "total": 3, "helices": None,
            "sentence": "2 of 3 SMEs in EL64 have no link to research or education."} in answer["gaps"]


def test_source_filter_and_private_links_follow_the_reader(net: NetworkWorld) -> None:
    def pairs(role: str | None) -> set[tuple[str, str]]:
        links = call(net, role, "get", f"{API}/network/links/", {"source": ["b2b_meeting", "event_co_attendance"]})
        return {(link["first_name"], link["second_name"]) for link in links.json()["items"]}

    assert ("Sme One", "Sme Three") in pairs("editor_a")  # the B2B event's organiser
    assert ("Sme One", "Sme Three") not in pairs("editor_b")
    assert ("Sme Two", "University of Thessaly") in pairs("editor_b")  # a partner of the internal event's project
    assert ("Sme Two", "University of Thessaly") not in pairs(None)


def test_one_organisation_and_one_region_in_detail(net: NetworkWorld) -> None:
    detail = call(net, None, "get", f"{API}/network/organisations/{net.sme1.pk}").json()
    assert (detail["degree"], len(detail["links"])) == (2, 2) and detail["betweenness"] > 0
    region = call(net, None, "get", f"{API}/network/regions/el64").json()
    assert (region["organisations"], region["smes"], region["smes_linked_to_research"]) == (4, 3, 1)
    assert call(net, None, "get", f"{API}/network/regions/DE11").status_code == 404


def test_a_malformed_filter_is_refused_naming_it(net: NetworkWorld) -> None:
    answer = call(net, None, "get", f"{API}/network/", {"source": "telepathy"})
    assert answer.status_code == 400 and "source" in answer.json()["detail"]


def test_the_partners_editor_declares_changes_and_withdraws_with_a_bearer_token(net: NetworkWorld) -> None:
    created = call(net, "editor_a", "post", f"{API}/collaborations/", {
        "declared_by_id": net.world.partner_a.pk, "first_id": net.university.pk, "second_id": net.sme1.pk,
        "kind": "research_contract", "since_year": 2023})
    assert created.status_code == 201, created.content
    body = created.json()
    assert (body["first_id"], body["second_id"]) == tuple(sorted([net.university.pk, net.sme1.pk]))
    url = f"{API}/collaborations/{body['id']}"
    changed = call(net, "editor_a", "patch", url, {"description": "Vibration tests"})
    assert changed.status_code == 200 and changed.json()["description"] == "Vibration tests"
    assert changed.json()["since_year"] == 2023
    assert call(net, None, "get", url).json()["kind"] == "research_contract"
    assert call(net, "editor_a", "delete", url).status_code == 204
    assert not Collaboration.objects.filter(pk=body["id"]).exists()


@pytest.mark.parametrize("role", ["viewer", "participant", "editor_b", None])
def test_others_are_refused_and_nothing_changes(net: NetworkWorld, role: str | None) -> None:
    before = network_dump()
    url = f"{API}/collaborations/{net.declared.pk}"
    expected = 401 if role is None else 403
    assert call(net, role, "patch", url, {"description": "Hijacked"}).status_code == expected
    assert call(net, role, "delete", url).status_code == expected
    assert call(net, role, "post", f"{API}/collaborations/", {
        "declared_by_id": net.world.partner_a.pk, "first_id": net.sme1.pk, "second_id": net.sme2.pk,
        "kind": "other"}).status_code == expected
    assert network_dump() == before


def test_the_session_cookie_without_the_csrf_token_writes_nothing(net: NetworkWorld) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(net.world.users["editor_a"])
    before = network_dump()
    answer = client.delete(f"{API}/collaborations/{net.declared.pk}", secure=True)
    assert answer.status_code in (401, 403)
    assert network_dump() == before


def test_bad_data_is_refused_naming_the_field_and_nothing_is_saved(net: NetworkWorld) -> None:
    before = network_dump()
    same = call(net, "editor_a", "post", f"{API}/collaborations/", {
        "declared_by_id": net.world.partner_a.pk, "first_id": net.sme1.pk, "second_id": net.sme1.pk, "kind": "other"})
    assert same.status_code == 400 and "second" in same.json()["detail"]
    year = call(net, "editor_a", "patch", f"{API}/collaborations/{net.declared.pk}", {"since_year": 1200})
    assert year.status_code == 400 and "since_year" in year.json()["detail"]
    unknown = call(net, "editor_a", "post", f"{API}/collaborations/", {
        "declared_by_id": net.world.partner_a.pk, "first_id": 999999, "second_id": net.sme1.pk, "kind": "other"})
    assert unknown.status_code == 400 and "first_id" in unknown.json()["detail"]
    assert network_dump() == before
