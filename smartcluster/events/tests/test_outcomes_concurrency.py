"""Parallel votes of one participant never exceed the budget: the voter's row is locked (select_for_update) inside
the vote's transaction. Parallel API requests, each in its own thread and database connection."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from django.db import connection
from django.test import Client

from smartcluster.accounts.services import api_token_create
from smartcluster.events.models import BrainstormVote
from smartcluster.events.services import outcomes as outcome_services
from smartcluster.events.tests.outcomes_world import lead_world, make_event, person_with_user, register

REQUESTS = 6
BUDGET = 2


@pytest.fixture
def postgresql() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")


@pytest.fixture
def slow_count(monkeypatch: pytest.MonkeyPatch) -> None:
    """Widen the window between counting the votes used and writing the vote, so that without the lock the
    requests would all read the same count and all vote (checked on PostgreSQL 15: with the lock taken out, all 6
    requests voted against a budget of 2)."""
    count = outcome_services.brainstorm_votes_used

    def slow(**kwargs: Any) -> int:
        value = count(**kwargs)
        time.sleep(0.2)
        return value

    monkeypatch.setattr(outcome_services, "brainstorm_votes_used", slow)


def _vote_all_at_once(idea_id: int, tokens: list[str]) -> list[int]:
    """One POST per token, released together by a barrier; the answers' status codes."""
    barrier = threading.Barrier(len(tokens))

    def vote(token: str) -> int:
        try:
            barrier.wait(timeout=30)
            return Client().post(f"/api/events/brainstorms/ideas/{idea_id}/votes",
                                 HTTP_AUTHORIZATION=f"Bearer {token}").status_code
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=len(tokens)) as pool:
        return list(pool.map(vote, tokens))


def _parallel_votes_stop_at_the_budget() -> None:
    world = lead_world()
    event = make_event(world, kind="brainstorm", votes_per_participant=BUDGET)
    voter = person_with_user("Vera Vote")
    register(event, voter)
    idea = outcome_services.brainstorm_idea_add(user=voter.user, event=event, text="Shared testbed")
    # One token per request, so that no request waits on another's token row (only on the voter's lock).
    tokens = [api_token_create(user=voter.user, name=f"parallel {n}")[1] for n in range(REQUESTS)]
    statuses = _vote_all_at_once(idea.pk, tokens)
    assert statuses.count(201) == BUDGET and statuses.count(400) == REQUESTS - BUDGET
    assert BrainstormVote.objects.filter(voter=voter.user).count() == BUDGET


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_parallel_votes_stop_at_the_budget_on_postgresql(postgresql: None, slow_count: None) -> None:
    _parallel_votes_stop_at_the_budget()


@pytest.mark.django_db(transaction=True)
def test_parallel_votes_stop_at_the_budget_on_sqlite(slow_count: None) -> None:
    """SQLite takes its write lock at the start of each transaction (IMMEDIATE), which serialises the votes too."""
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite run of the same scenario")
    _parallel_votes_stop_at_the_budget()
