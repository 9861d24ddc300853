"""Jury admin: the pages open; a juror's conflicts and an assignment's scores are shown read-only, and a sent
assignment cannot be deleted (an unsent one can: the next run fills its seat)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from smartcluster.challenges import services
from smartcluster.challenges.models import Assignment
from smartcluster.challenges.tests.jury_world import JuryWorld, build_jury_world
from smartcluster.organisations.tests.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def root() -> tuple[Client, JuryWorld]:
    jw = build_jury_world()
    client = Client()
    client.force_login(make_user("root", is_superuser=True, is_staff=True))
    return client, jw


def _sent(jw: JuryWorld) -> Assignment:
    juror = jw.jurors["j1"]
    services.conflict_load(juror=juror, submission=jw.submissions[2], reason="Former client")
    return services.assignment_load(juror=juror, submission=jw.submissions[1], comment="Solid",
                                    scores={criterion.pk: "4" for criterion in jw.criteria}, sent=True)


def test_admin_pages_open_with_conflicts_and_scores_inline(root: tuple[Client, JuryWorld]) -> None:
    client, jw = root
    assignment = _sent(jw)
    pages = [("juror", "changelist", []), ("juror", "change", [jw.jurors["j1"].pk]),
             ("assignment", "changelist", []), ("assignment", "change", [assignment.pk])]
    for model, name, args in pages:
        answer = client.get(reverse(f"admin:challenges_{model}_{name}", args=args), secure=True)
        assert answer.status_code == 200
    juror_page = client.get(reverse("admin:challenges_juror_change", args=[jw.jurors["j1"].pk]), secure=True)
    assert "Former client" in juror_page.content.decode()
    assert "Excellence" in client.get(reverse("admin:challenges_assignment_change", args=[assignment.pk]),
                                      secure=True).content.decode()


def test_sent_assignment_cannot_be_changed_nor_deleted_in_the_admin(root: tuple[Client, JuryWorld]) -> None:
    client, jw = root
    assignment = _sent(jw)
    url = reverse("admin:challenges_assignment_delete", args=[assignment.pk])
    assert client.post(url, {"post": "yes"}, secure=True).status_code == 403
    client.post(reverse("admin:challenges_assignment_change", args=[assignment.pk]), {"comment": "Changed"},
                secure=True)
    assert Assignment.objects.get(pk=assignment.pk).comment == "Solid"


def test_unsent_assignment_can_be_taken_back(root: tuple[Client, JuryWorld]) -> None:
    client, jw = root
    assignment = Assignment.objects.create(juror=jw.jurors["j2"], submission=jw.submissions[1])
    client.post(reverse("admin:challenges_assignment_delete", args=[assignment.pk]), {"post": "yes"}, secure=True)
    assert not Assignment.objects.filter(pk=assignment.pk).exists()
