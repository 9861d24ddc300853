"""Awards admin: read only (the organiser confirms awards with the results on the ranking page, which publishes and
notifies): the list and an award open, adding, changing and deleting are refused and change nothing."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from smartcluster.challenges.services import award_load
from smartcluster.challenges.tests.ranking_world import build_ranking_world
from smartcluster.challenges.tests.world import challenges_dump
from smartcluster.organisations.tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_awards_are_read_only_in_the_admin() -> None:
    rw = build_ranking_world()
    award = award_load(challenge=rw.challenge, submission=rw.teams["alpha"].submission, place=1, prize="Pilot")
    client = Client()
    client.force_login(make_user("root", is_superuser=True, is_staff=True))
    listing = client.get(reverse("admin:challenges_award_changelist"), secure=True)
    assert listing.status_code == 200 and "Alpha kit" in listing.content.decode()
    page = client.get(reverse("admin:challenges_award_change", args=[award.pk]), secure=True)
    assert page.status_code == 200 and 'name="prize"' not in page.content.decode()
    before = challenges_dump()
    assert client.get(reverse("admin:challenges_award_add"), secure=True).status_code == 403
    client.post(reverse("admin:challenges_award_change", args=[award.pk]), {"prize": "Nothing", "place": "9"},
                secure=True)
    client.post(reverse("admin:challenges_award_delete", args=[award.pk]), {"post": "yes"}, secure=True)
    assert challenges_dump() == before
