"""Peer reviews admin: list, add and change pages open; a response saved there records who and when, and one
without a reason is refused naming the field."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from smartcluster.learning.models import PeerReview, Recommendation
from smartcluster.learning.tests.peer_reviews_world import recommend, review_world
from smartcluster.organisations.tests.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def root() -> tuple[Client, Recommendation, object]:
    rw = review_world()
    recommendation = recommend(rw, practices=[rw.practice])
    user = make_user("root", is_superuser=True, is_staff=True)
    client = Client()
    client.force_login(user)
    return client, recommendation, user


@pytest.mark.parametrize("model", [PeerReview, Recommendation], ids=lambda m: m.__name__)
def test_admin_pages_open(root, model: type) -> None:
    client = root[0]
    opts = model._meta
    record = model.objects.first()
    for name, args in [("changelist", []), ("change", [record.pk]), ("add", [])]:
        assert client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_{name}", args=args),
                          secure=True).status_code == 200


def _change(recommendation: Recommendation, **fields: str) -> dict[str, str]:
    return {"peer_review": str(recommendation.peer_review_id), "author": str(recommendation.author_id),
            "text": recommendation.text, "rationale": "", "practices": [str(p.pk) for p in
                                                                       recommendation.practices.all()],
            "response": "pending", "response_reason": "", **fields}


def test_a_response_saved_in_the_admin_records_who_and_when(root) -> None:
    client, recommendation, user = root
    url = reverse("admin:learning_recommendation_change", args=[recommendation.pk])
    refused = client.post(url, _change(recommendation, response="accepted"), secure=True)
    assert refused.status_code == 200 and "Give the reason for the response." in refused.content.decode()
    recommendation.refresh_from_db()
    assert recommendation.response == "pending"
    saved = client.post(url, _change(recommendation, response="accepted", response_reason="Fits."), secure=True)
    assert saved.status_code == 302
    recommendation.refresh_from_db()
    assert recommendation.responded_by == user and recommendation.responded_at is not None
