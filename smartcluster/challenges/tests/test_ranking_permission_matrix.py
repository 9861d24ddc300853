"""Ranking rows of the permission matrix: every role × the organiser's reads (ranking page, XLSX, DOCX with scores,
API), the results' confirmation (service) and a team's feedback. Only the organiser (editor_a) and administrators
read the ranking — editor_b, a juror who sent scores, gets 404 like everyone else; only the team reads its
feedback. A refused confirmation raises PermissionDenied and leaves every table as it was."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from smartcluster.challenges import services
from smartcluster.challenges.models import Award
from smartcluster.challenges.tests.ranking_world import RankingWorld, build_ranking_world
from smartcluster.challenges.tests.world import challenges_dump

pytestmark = pytest.mark.django_db
ROLES = ["anonymous", "viewer", "participant", "editor_a", "editor_b", "administrator", "lead_alpha", "lead_beta"]
ORGANISERS = {"editor_a", "administrator"}


def _user(rw: RankingWorld, role: str) -> Any:
    if role == "anonymous":
        return AnonymousUser()
    if role.startswith("lead_"):
        return rw.teams[role.removeprefix("lead_")].members.get().user
    return rw.users[role]


def _client(rw: RankingWorld, role: str) -> Client:
    client = Client()
    if role != "anonymous":
        client.force_login(_user(rw, role))
    return client


@pytest.mark.parametrize("role", ROLES)
def test_only_the_organiser_reads_the_ranking_its_xlsx_docx_and_api(role: str) -> None:
    rw = build_ranking_world()
    client, pk = _client(rw, role), rw.challenge.pk
    answers = [client.get(reverse(name, args=[pk])).status_code
               for name in ("challenges:ranking", "challenges:scores_xlsx")]
    answers += [client.get(reverse("challenges:results_docx", args=[pk])).status_code,
                client.get(f"/api/challenges/briefs/{pk}/ranking").status_code]
    if role in ORGANISERS:
        assert answers == [200, 200, 200, 200]
    else:
        assert answers == [302 if role == "anonymous" else 404] * 2 + [404, 404]


@pytest.mark.parametrize("role", ROLES)
def test_only_the_organiser_confirms_the_results(role: str) -> None:
    rw = build_ranking_world()
    awards = [(rw.teams["alpha"].submission, 1, "")]
    if role in ORGANISERS:
        services.results_confirm(user=_user(rw, role), challenge=rw.challenge, awards=awards)
        assert Award.objects.count() == 1
        return
    before = challenges_dump()
    with pytest.raises(PermissionDenied):
        services.results_confirm(user=_user(rw, role), challenge=rw.challenge, awards=awards)
    assert challenges_dump() == before


@pytest.mark.parametrize("role", ROLES)
def test_only_the_team_reads_its_feedback_once_published(role: str) -> None:
    rw = build_ranking_world()
    services.award_load(challenge=rw.challenge, submission=rw.teams["alpha"].submission, place=1)
    team = rw.teams["alpha"]
    page = _client(rw, role).get(reverse("challenges:team_feedback", args=[team.pk])).status_code
    api = _client(rw, role).get(f"/api/challenges/teams/{team.pk}/feedback").status_code
    expected = {"lead_alpha": (200, 200), "anonymous": (302, 404)}.get(role, (404, 404))
    assert (page, api) == expected
