"""Coding admin: a codebook with its themes inline and a coding with its codes inline open for an administrator;
a code of another codebook's theme is refused on the theme field."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from smartcluster.organisations.tests.factories import make_user
from smartcluster.stakeholders.models import AppliedCode, Codebook, Theme
from smartcluster.stakeholders.services import answer_coding_load
from smartcluster.stakeholders.tests.coding_world import build_coding_world

pytestmark = pytest.mark.django_db


def admin_client() -> Client:
    client = Client()
    client.force_login(make_user("root", is_staff=True, is_superuser=True))
    return client


def test_codebook_and_coding_pages_open_with_their_inlines():
    coding = build_coding_world()
    saved = answer_coding_load(answer=coding.answers[2], coder=coding.coder_b, themes=["digitalisation"])
    client = admin_client()
    page = client.get(reverse("admin:stakeholders_codebook_change", args=[coding.interview.guide.codebook_id]),
                      secure=True)
    assert page.status_code == 200 and b"themes-TOTAL_FORMS" in page.content and b"digitalisation" in page.content
    assert client.get(reverse("admin:stakeholders_answercoding_changelist"), secure=True).status_code == 200
    page = client.get(reverse("admin:stakeholders_answercoding_change", args=[saved.pk]), secure=True)
    assert page.status_code == 200 and b"codes-TOTAL_FORMS" in page.content


def test_a_code_of_another_codebooks_theme_is_refused_on_the_theme_field():
    coding = build_coding_world()
    saved = answer_coding_load(answer=coding.answers[2], coder=coding.coder_b, themes=[])
    stranger = Theme.objects.create(codebook=Codebook.objects.create(name="Other", version=1), code="x", name="X",
                                    group="need")
    url = reverse("admin:stakeholders_answercoding_change", args=[saved.pk])
    data = {"answer": coding.answers[2].pk, "coder": coding.coder_b.pk, "codes-TOTAL_FORMS": "1",
            "codes-INITIAL_FORMS": "0", "codes-0-theme": stranger.pk, "codes-0-source": "manual",
            "codes-0-suggestion_score": ""}
    page = admin_client().post(url, data, secure=True)
    assert page.status_code == 200 and "Choose a theme of the interview" in page.content.decode()
    assert not AppliedCode.objects.exists()
