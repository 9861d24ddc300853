"""Coding rows of the permission matrix: every role × every coding write (services) and read (pages, API with real
bearer tokens). Codings are owner-only: the owning partner's members (any role) and administrators code; another
partner and anonymous users get 404 (401 from the API without a token) and change nothing. Codebooks are public to
read; only administrators import one."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from smartcluster.organisations.tests.factories import ROLES
from smartcluster.stakeholders.models import Codebook
from smartcluster.stakeholders.services import (
    answer_coding_save,
    answer_coding_suggestion_accept,
    codebook_import,
)
from smartcluster.stakeholders.tests.coding_world import CodingWorld, build_coding_world, coding_dump

pytestmark = pytest.mark.django_db
CODERS = {"viewer", "participant", "editor_a", "administrator"}  # members of partner A, and administrators
CSV = b"code,name,group\nskills,Skills,need\n"


def _writes(world: CodingWorld) -> dict[str, Callable[[Any], Any]]:
    answer, codebook = world.answers[2], world.interview.guide.codebook
    return {
        "coding save": lambda user: answer_coding_save(user=user, answer=answer, themes=["support-known"]),
        "suggestion accept": lambda user: answer_coding_suggestion_accept(user=user, answer=answer,
                                                                          theme="digitalisation"),
        "codebook import": lambda user: codebook_import(user=user, codebook=codebook, content=CSV,
                                                        filename="new.csv"),
    }


@pytest.mark.parametrize("write", ["coding save", "suggestion accept", "codebook import"])
@pytest.mark.parametrize("role", ROLES)
def test_coding_writes_follow_the_matrix(role: str, write: str) -> None:
    world = build_coding_world()
    user = AnonymousUser() if role == "anonymous" else world.world.users[role]
    allowed = role == "administrator" if write == "codebook import" else role in CODERS
    before = coding_dump()
    if allowed:
        _writes(world)[write](user)
        assert coding_dump() != before
    else:
        with pytest.raises(PermissionDenied):
            _writes(world)[write](user)
        assert coding_dump() == before


@pytest.mark.parametrize("role", ROLES)
def test_coding_reads_follow_the_matrix(role: str) -> None:
    world = build_coding_world()
    client = Client()
    headers = {}
    if role != "anonymous":
        client.force_login(world.world.users[role])
        headers = {"HTTP_AUTHORIZATION": f"Bearer {world.world.tokens[role]}"}
    interview, answer = world.interview, world.answers[2]
    page = client.get(reverse("stakeholders:interview_code", args=[interview.pk]), secure=True).status_code
    api = Client().get(f"/api/stakeholders/coding/interviews/{interview.pk}/codings/", **headers).status_code
    suggestions = Client().get(f"/api/stakeholders/coding/answers/{answer.pk}/suggestions/", **headers).status_code
    if role in CODERS:
        assert (page, api, suggestions) == (200, 200, 200)
    elif role == "anonymous":
        assert (page, api, suggestions) == (302, 401, 401)  # the page sends to the login page
    else:
        assert (page, api, suggestions) == (404, 404, 404)
    codebook = Codebook.objects.get(pk=interview.guide.codebook_id)
    assert client.get(reverse("stakeholders:codebook_detail", args=[codebook.pk]), secure=True).status_code == 200
    assert Client().get(f"/api/stakeholders/coding/codebooks/{codebook.pk}", **headers).status_code == 200
