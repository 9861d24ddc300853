"""Interviews admin: guides with their questions, interviews with their answers; a used guide version is
read-only and an interview dated in the future is refused on its field."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from smartcluster.organisations.tests.factories import make_user
from smartcluster.stakeholders import services
from smartcluster.stakeholders.tests.interviews_factories import build_interview_world

pytestmark = pytest.mark.django_db


def admin_client() -> Client:
    client = Client()
    client.force_login(make_user("root", is_staff=True, is_superuser=True))
    return client


def test_guide_and_interview_pages_open_with_their_inlines_and_a_used_guide_is_read_only() -> None:
    setup = build_interview_world()
    client = admin_client()
    used = client.get(reverse("admin:stakeholders_interviewguide_change", args=[setup.guide.pk]), secure=True)
    assert used.status_code == 200 and b'name="_save"' not in used.content  # shown, not editable
    copy = services.guide_new_version(user=setup.users["administrator"], guide=setup.guide)
    fresh = client.get(reverse("admin:stakeholders_interviewguide_change", args=[copy.pk]), secure=True)
    assert b'name="_save"' in fresh.content and b"questions-TOTAL_FORMS" in fresh.content
    refused = client.post(reverse("admin:stakeholders_interviewguide_change", args=[setup.guide.pk]),
                          {"name": "Changed", "version": "1", "codebook": setup.guide.codebook_id}, secure=True)
    assert refused.status_code == 403
    setup.guide.refresh_from_db()
    assert setup.guide.name != "Changed"
    page = client.get(reverse("admin:stakeholders_interview_change", args=[setup.interview.pk]), secure=True)
    assert page.status_code == 200 and b"answers-TOTAL_FORMS" in page.content


def test_the_admin_refuses_an_interview_dated_in_the_future_on_its_field() -> None:
    setup = build_interview_world()
    client = admin_client()
    url = reverse("admin:stakeholders_interview_change", args=[setup.interview.pk])
    answers = list(setup.interview.answers.all())
    data = {"partner": setup.world.partner_a.pk, "guide": setup.guide.pk, "organisation": setup.sme.pk,
            "held_on": "2999-01-01", "mode": "online", "answers-TOTAL_FORMS": str(len(answers)),
            "answers-INITIAL_FORMS": str(len(answers)), "answers-MIN_NUM_FORMS": "0", "answers-MAX_NUM_FORMS": "1000"}
    for index, answer in enumerate(answers):
        data.update({f"answers-{index}-id": answer.pk, f"answers-{index}-interview": setup.interview.pk,
                     f"answers-{index}-question": answer.question_id, f"answers-{index}-text": answer.text})
    response = client.post(url, data, secure=True)
    assert response.status_code == 200
    assert "held_on" in response.context["adminform"].form.errors
    setup.interview.refresh_from_db()
    assert str(setup.interview.held_on) == "2026-03-02"
