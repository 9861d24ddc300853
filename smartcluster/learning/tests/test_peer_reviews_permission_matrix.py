"""Peer reviews rows of the permission matrix: every role × every peer review write on partner A's review
(services; the API's answers are in test_peer_reviews_api.py). Allowed writes change the database; refused ones
raise PermissionDenied and leave it exactly as it was."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from smartcluster.events.tests.calendar_factories import make_event
from smartcluster.learning import services
from smartcluster.learning.tests.peer_reviews_world import ReviewWorld, learning_dump, recommend, review_world
from smartcluster.organisations.models import Organisation, OrganisationType

pytestmark = pytest.mark.django_db
ROLES = ["anonymous", "viewer", "participant", "editor_a", "editor_b", "administrator"]
HOST = {"editor_a", "administrator"}  # partner A hosts the review
# Recommendations for peer B: B's editors, or the host's on its behalf.
PEER_B = {"editor_a", "editor_b", "administrator"}


def _writes(rw: ReviewWorld) -> dict[str, tuple[set[str], Callable[[Any], Any]]]:
    event = make_event(rw.world, title="Another review")
    expert = Organisation.objects.create(name="Expert FR", type=OrganisationType.UNIVERSITY)
    recommendation = recommend(rw)
    review = rw.review
    return {
        "review create": (HOST, lambda user: services.peer_review_create(user=user, event=event,
                                                                         policy_challenge="Skills")),
        "review update": (HOST, lambda user: services.peer_review_update(user=user, peer_review=review,
                                                                         policy_instrument="ERDF")),
        "review delete": (HOST, lambda user: services.peer_review_delete(user=user, peer_review=review)),
        "participant add": (HOST, lambda user: services.peer_review_participant_add(
            user=user, peer_review=review, organisation=expert, role="expert", country="FR")),
        "participant remove": (HOST, lambda user: services.peer_review_participant_remove(
            user=user, participant=rw.peer_c)),
        "recommendation record": (PEER_B, lambda user: services.recommendation_record(
            user=user, peer_review=review, author=rw.peer_b, text="Pool the labs.")),
        "recommendation respond": (HOST, lambda user: services.recommendation_respond(
            user=user, recommendation=recommendation, response="to_consider", reason="Next call.")),
        "recommendation delete": (PEER_B, lambda user: services.recommendation_delete(
            user=user, recommendation=recommendation)),
    }


WRITES = ["review create", "review update", "review delete", "participant add", "participant remove",
          "recommendation record", "recommendation respond", "recommendation delete"]


@pytest.mark.parametrize("write", WRITES)
@pytest.mark.parametrize("role", ROLES)
def test_peer_review_writes_follow_the_matrix(role: str, write: str) -> None:
    rw = review_world()
    allowed, call = _writes(rw)[write]
    user = AnonymousUser() if role == "anonymous" else rw.users[role]
    before = learning_dump()
    if role in allowed:
        call(user)
        assert learning_dump() != before
    else:
        with pytest.raises(PermissionDenied):
            call(user)
        assert learning_dump() == before
