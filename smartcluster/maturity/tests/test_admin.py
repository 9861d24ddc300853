"""Administrators publish questionnaire versions from a file and keep support offers, without code."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from smartcluster.maturity.models import Questionnaire, QuestionnaireStatus
from smartcluster.maturity.packaged import PACKAGED

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(get_user_model().objects.create_superuser("root", "root@example.org", "pw-for-tests-1"))
    return client


def _upload(admin_client, text: str):
    return admin_client.post(reverse("admin:maturity_questionnaire_add"),
                             {"definition_file": SimpleUploadedFile("q.yaml", text.encode()), "definition": ""})


def test_an_administrator_imports_a_version_from_a_file_and_publishes_it(admin_client):
    text = (PACKAGED / "dma-sme-v1.yaml").read_text().replace("code: dma-sme-v1", "code: dma-sme-v7").replace(
        "version: 1", "version: 7")
    response = _upload(admin_client, text)
    assert response.status_code == 302, response.content.decode()[:1500]
    questionnaire = Questionnaire.objects.get(code="dma-sme-v7")
    assert questionnaire.status == QuestionnaireStatus.DRAFT and questionnaire.version == 7
    admin_client.post(reverse("admin:maturity_questionnaire_changelist"),
                      {"action": "publish", "_selected_action": [questionnaire.pk]})
    assert Questionnaire.objects.get(pk=questionnaire.pk).status == QuestionnaireStatus.PUBLISHED


def test_a_broken_file_is_refused_with_the_reason(admin_client):
    response = _upload(admin_client, "code: x\ndimensions: []\n")
    assert response.status_code == 200 and "The definition cannot be used" in response.content.decode()
    assert not Questionnaire.objects.exists()


def test_an_answered_version_cannot_be_replaced_from_the_admin(admin_client, submitted, questionnaire):
    submitted("Acme Tools")
    text = (PACKAGED / "dma-sme-v1.yaml").read_text().replace("points: 5}", "points: 50}")
    response = _upload(admin_client, text)
    assert "has been answered and cannot change" in response.content.decode()
    assert Questionnaire.objects.get(code="dma-sme-v1").checksum == questionnaire.checksum


def test_support_offers_and_campaigns_are_listed_in_the_admin(admin_client):
    for name in ("supportoffer", "campaign", "assessment", "questionnaire"):
        assert admin_client.get(reverse(f"admin:maturity_{name}_changelist")).status_code == 200
