"""Jury rows of the permission matrix: every role × every jury write (services) and read (pages). The organiser
(editors of the challenge's organisation, administrators) invites and runs the assignment; only the juror accepts,
declares and scores their own assignment. Refused writes raise PermissionDenied and leave every table as it was;
private pages answer 404 (the anonymous are sent to log in)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.test import Client
from django.urls import reverse

from smartcluster.challenges import services
from smartcluster.challenges.models import Assignment, Juror
from smartcluster.challenges.tests.jury_world import JuryWorld, build_jury_world
from smartcluster.challenges.tests.world import challenges_dump, make_solver

pytestmark = pytest.mark.django_db
ROLES = ["anonymous", "viewer", "participant", "editor_a", "editor_b", "administrator", "j1", "j2", "insider"]
ORGANISER = {"editor_a", "administrator"}
ALLOWED = {"invite": ORGANISER, "run the assignment": ORGANISER, "accept": {"j1"}, "declare conflicts": {"j1"},
           "score": {"j1"}}


def _user(jw: JuryWorld, role: str) -> Any:
    if role == "anonymous":
        return AnonymousUser()
    return jw.jurors[role].user if role in jw.jurors else jw.users[role]


def _unaccept(juror: Juror) -> None:
    Juror.objects.filter(pk=juror.pk).update(accepted_at=None)
    juror.refresh_from_db()


def _writes(jw: JuryWorld) -> dict[str, tuple[Callable[[], Any], Callable[[Any], Any]]]:
    """Each write: what prepares it (inside the rolled-back block) and the call."""
    guest = make_solver("guest", "Lab Guest")
    j1 = jw.jurors["j1"]
    assignment = Assignment.objects.create(juror=j1, submission=jw.submissions[1])
    return {
        "invite": (lambda: None, lambda user: services.juror_invite(user=user, challenge=jw.challenge,
                                                                    juror_user=guest)),
        "run the assignment": (lambda: None, lambda user: services.assignment_run(user=user,
                                                                                  challenge=jw.challenge)),
        "accept": (lambda: _unaccept(j1), lambda user: services.juror_accept(user=user, juror=j1)),
        "declare conflicts": (lambda: j1.refresh_from_db(), lambda user: services.conflict_declare(
            user=user, juror=j1, conflicts=[(jw.submissions[2], "Former client")])),
        "score": (lambda: None, lambda user: services.score_save(user=user, assignment=assignment,
                                                                 values={jw.criteria[0].pk: "3"})),
    }


def test_jury_writes_follow_the_matrix() -> None:
    jw = build_jury_world()
    for write, (prepare, call) in _writes(jw).items():
        for role in ROLES:
            with transaction.atomic():  # every role meets the same world: the block is rolled back
                prepare()
                before = challenges_dump()
                try:
                    call(_user(jw, role))
                except PermissionDenied:
                    assert role not in ALLOWED[write], f"{role} should {write}"
                    assert challenges_dump() == before
                else:
                    assert role in ALLOWED[write], f"{role} may not {write}"
                    assert challenges_dump() != before
                transaction.set_rollback(True)
            jw.jurors["j1"].refresh_from_db()


def test_jury_pages_follow_the_matrix() -> None:
    jw = build_jury_world()
    assignment = Assignment.objects.create(juror=jw.jurors["j1"], submission=jw.submissions[1])
    readers = {
        reverse("challenges:juror_list", args=[jw.challenge.pk]): ORGANISER,
        reverse("challenges:jury_audit", args=[jw.challenge.pk]): ORGANISER,
        reverse("challenges:assignment_score", args=[assignment.pk]): ORGANISER | {"j1"},
        reverse("challenges:conflict_declare", args=[jw.challenge.pk]): {"j1", "j2", "insider"},
    }
    for role in ROLES:
        client = Client()
        if role != "anonymous":
            client.force_login(_user(jw, role))
        for url, allowed in readers.items():
            expected = 302 if role == "anonymous" else 200 if role in allowed else 404
            assert client.get(url).status_code == expected, (role, url)
