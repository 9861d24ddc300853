"""Outcomes API with real bearer tokens: lists and details, my actions, check-in status, brainstorm writes within
the budget; refusals answer 400/403 and leave the database unchanged; a session without CSRF token is refused."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from smartcluster.accounts.services import api_token_create
from smartcluster.events import services
from smartcluster.events.tests.outcomes_world import (
    lead_world,
    make_event,
    outcomes_dump,
    partner_b,
    person_with_user,
    register,
)

pytestmark = pytest.mark.django_db
API = "/api/events"


def bearer(token: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def test_decisions_and_actions_listed_for_readers_of_the_event_only() -> None:
    world = lead_world()
    public = make_event(world, is_published=True)
    internal = make_event(world, kind="workshop")
    services.decision_add(user=world.users["editor_a"], event=public, text="Public decision")
    services.decision_add(user=world.users["editor_a"], event=internal, text="Internal decision")
    anonymous = Client().get(f"{API}/decisions/").json()
    assert [d["text"] for d in anonymous["items"]] == ["Public decision"]
    partner = Client().get(f"{API}/decisions/", **bearer(world.tokens["editor_b"])).json()
    assert partner["count"] == 2
    internal_id = partner["items"][1]["id"]
    assert Client().get(f"{API}/decisions/{internal_id}").status_code == 404


def test_my_actions_and_setting_one_done_through_the_api() -> None:
    world = lead_world()
    event = make_event(world)
    me = person_with_user("Bea Brown")
    token = api_token_create(user=me.user, name="tests")[1]
    action = services.action_create(user=world.users["editor_a"], event=event, title="Send the claim", owner=me,
                                    due_on=dt.date(2020, 1, 1))
    mine = Client().get(f"{API}/actions/mine/", **bearer(token)).json()
    assert [(a["title"], a["is_late"]) for a in mine["items"]] == [("Send the claim", True)]
    before = outcomes_dump()
    refused = Client().post(f"{API}/actions/{action.pk}/status", {"status": "done"},
                            content_type="application/json", **bearer(token))
    assert refused.status_code == 400 and "done_on" in refused.json()["detail"]
    foreign = Client().post(f"{API}/actions/{action.pk}/status", {"status": "dropped"},
                            content_type="application/json", **bearer(world.tokens["editor_b"]))
    assert foreign.status_code == 403
    assert outcomes_dump() == before
    done = Client().post(f"{API}/actions/{action.pk}/status", {"status": "done", "done_on": "2020-01-02"},
                         content_type="application/json", **bearer(token))
    assert done.status_code == 200 and done.json()["done_on"] == "2020-01-02"
    assert Client().get(f"{API}/actions/mine/", **bearer(token)).json()["count"] == 0


def test_check_in_status_for_the_lead_partner_only() -> None:
    world = lead_world()
    make_event(world, kind="check_in", partner_met=partner_b(world))
    answer = Client().get(f"{API}/check-ins/status/", {"project": world.project.pk},
                          **bearer(world.tokens["editor_a"]))
    assert answer.status_code == 200
    [row] = answer.json()
    assert row["partner"] == "Authority B" and row["last_on"] == "2026-03-10"
    assert Client().get(f"{API}/check-ins/status/", {"project": world.project.pk},
                        **bearer(world.tokens["editor_b"])).status_code == 403


def test_check_in_issues_are_read_by_the_lead_partner_only() -> None:
    world = lead_world()
    check_in = make_event(world, kind="check_in", partner_met=partner_b(world))
    issue = services.check_in_issue_add(user=world.users["editor_a"], event=check_in, topic="admin", text="Form")
    lead = Client().get(f"{API}/check-ins/{check_in.pk}/issues/", **bearer(world.tokens["editor_a"])).json()
    assert [i["text"] for i in lead["items"]] == ["Form"]
    other = Client().get(f"{API}/check-ins/{check_in.pk}/issues/", **bearer(world.tokens["editor_b"])).json()
    assert other["count"] == 0
    assert Client().get(f"{API}/check-in-issues/{issue.pk}", **bearer(world.tokens["editor_b"])).status_code == 404


def test_post_an_idea_vote_within_the_budget_and_read_the_result() -> None:
    world = lead_world()
    event = make_event(world, kind="brainstorm", votes_per_participant=2, is_published=True)
    voter = person_with_user("Vera Vote")
    register(event, voter)
    token = api_token_create(user=voter.user, name="tests")[1]
    posted = Client().post(f"{API}/brainstorms/{event.pk}/ideas/", {"text": "Shared testbed"},
                           content_type="application/json", **bearer(token))
    assert posted.status_code == 201
    idea_id = posted.json()["id"]
    answers = [Client().post(f"{API}/brainstorms/ideas/{idea_id}/votes", **bearer(token)) for _ in range(3)]
    assert [a.status_code for a in answers] == [201, 201, 400]
    assert answers[1].json()["votes_left"] == 0 and "votes" in answers[2].json()["detail"]
    result = Client().get(f"{API}/brainstorms/{event.pk}/result").json()
    assert result["ideas"][0] == {"rank": 1, "idea_id": idea_id, "text": "Shared testbed", "theme": "", "votes": 2}
    theme = services.brainstorm_theme_add(user=world.users["editor_a"], event=event, title="Infrastructure")
    themes = Client().get(f"{API}/brainstorms/{event.pk}/themes/").json()["items"]
    assert themes == [{"id": theme.pk, "title": "Infrastructure"}]
    assert Client().get(f"{API}/brainstorms/{event.pk}/themes/{theme.pk}").json()["title"] == "Infrastructure"
    withdrawn = Client().post(f"{API}/brainstorms/ideas/{idea_id}/votes/withdraw", **bearer(token))
    assert withdrawn.json()["votes_left"] == 1


def test_outsiders_cannot_post_or_vote_and_nothing_changes() -> None:
    world = lead_world()
    event = make_event(world, kind="brainstorm", is_published=True)
    idea = services.brainstorm_idea_add(user=world.users["editor_a"], event=event, text="Host's idea")
    before = outcomes_dump()
    assert Client().post(f"{API}/brainstorms/ideas/{idea.pk}/votes",
                         **bearer(world.tokens["editor_b"])).status_code == 403
    assert Client().post(f"{API}/brainstorms/{event.pk}/ideas/", {"text": "x"}, content_type="application/json",
                         **bearer(world.tokens["viewer"])).status_code == 403
    assert Client().post(f"{API}/brainstorms/ideas/{idea.pk}/votes").status_code == 401
    assert outcomes_dump() == before


def test_a_session_vote_without_csrf_token_is_refused() -> None:
    world = lead_world()
    event = make_event(world, kind="brainstorm", is_published=True)
    idea = services.brainstorm_idea_add(user=world.users["editor_a"], event=event, text="Host's idea")
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.users["editor_a"])
    before = outcomes_dump()
    assert client.post(f"{API}/brainstorms/ideas/{idea.pk}/votes").status_code in (401, 403)
    assert outcomes_dump() == before


def test_bad_input_is_named_never_a_server_error() -> None:
    world = lead_world()
    event = make_event(world, kind="brainstorm", is_published=True)
    action = services.action_create(user=world.users["editor_a"], event=event, title="A", owner=world.person_a,
                                    due_on=dt.date(2026, 4, 1))
    token = bearer(world.tokens["editor_a"])
    before = outcomes_dump()
    nul = Client().post(f"{API}/brainstorms/{event.pk}/ideas/", {"text": "a\x00b"}, content_type="application/json",
                        **token)
    assert nul.status_code == 400 and "text" in nul.json()["detail"]
    bogus = Client().post(f"{API}/actions/{action.pk}/status", {"status": "bogus"}, content_type="application/json",
                          **token)
    assert bogus.status_code == 400 and "status" in bogus.json()["detail"]
    assert Client().get(f"{API}/check-ins/status/", {"project": 999999}, **token).status_code == 404
    assert Client().get(f"{API}/brainstorms/{2**63}/result").status_code in (400, 404)
    assert outcomes_dump() == before
