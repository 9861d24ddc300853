"""Deleting a peer review's event takes the review, its participants and their recommendations with it; a
participant who wrote recommendations cannot be removed alone."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from smartcluster.learning.models import PeerReview, PeerReviewParticipant, Recommendation
from smartcluster.learning.services import peer_review_participant_remove
from smartcluster.learning.tests.peer_reviews_world import learning_dump, recommend, review_world

pytestmark = pytest.mark.django_db


def test_deleting_the_event_of_a_review_with_recommendations_deletes_them_all() -> None:
    rw = review_world()
    recommend(rw)
    rw.review.event.delete()
    assert not PeerReview.objects.exists()
    assert not PeerReviewParticipant.objects.exists()
    assert not Recommendation.objects.exists()


def test_a_participant_who_wrote_recommendations_is_not_removed_alone() -> None:
    rw = review_world()
    recommendation = recommend(rw)
    before = learning_dump()
    with pytest.raises(ValidationError, match="wrote recommendations"):
        peer_review_participant_remove(user=rw.world.users["administrator"], participant=recommendation.author)
    assert learning_dump() == before
