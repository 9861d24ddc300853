"""The shipped questionnaire reads whole in every partner language: every text translated, the form, report and DOCX
in the active language, and translations shipped later reach a version already loaded (and answered)."""

from __future__ import annotations

import io
import re
from datetime import timedelta
from typing import Any

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from docx import Document

from smartcluster.maturity import services
from smartcluster.maturity.models import Assessment, Questionnaire
from smartcluster.maturity.packaged import PACKAGED, packaged_definition
from smartcluster.maturity.tests.test_views import _take
from smartcluster.scoring.definition import questionnaire_from_mapping, text_paths

PARTNER_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "en"]
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}")
ENGLISH = text_paths(questionnaire_from_mapping(packaged_definition("dma-sme-v1")))
PACKAGED_CODES = sorted(path.stem for path in PACKAGED.glob("*.yaml"))
# Texts the same in English and a partner language: acronyms and loanwords a translator keeps.
SAME_AS_ENGLISH_AT_MOST = 3


def test_every_questionnaire_in_the_folder_is_checked() -> None:
    assert {"dma-sme-v1", "skills-survey-v1"} <= set(PACKAGED_CODES)


@pytest.mark.parametrize("questionnaire_code", PACKAGED_CODES)
@pytest.mark.parametrize("code", PARTNER_LANGUAGES)
def test_every_text_of_each_shipped_questionnaire_is_translated_with_its_placeholders(
        questionnaire_code: str, code: str) -> None:
    definition = packaged_definition(questionnaire_code)
    english = text_paths(questionnaire_from_mapping(definition))
    texts = definition["translations"][code]
    missing = [path for path, text in english.items() if text and not texts.get(path, "").strip()]
    assert missing == []
    for path, text in english.items():
        assert sorted(PLACEHOLDER.findall(texts.get(path, ""))) == sorted(PLACEHOLDER.findall(text)), path
    same = [path for path, text in english.items() if text and texts[path] == text]
    assert len(same) <= SAME_AS_ENGLISH_AT_MOST, same


def _untranslated_version() -> Questionnaire:
    """The version as an earlier release loaded it: no translations."""
    return services.questionnaire_load(definition={**packaged_definition("dma-sme-v1"), "translations": {}},
                                       publish=True)


@pytest.mark.django_db
def test_setup_adds_shipped_translations_to_an_answered_version_without_changing_its_scores(submitted: Any) -> None:
    questionnaire = _untranslated_version()
    assessment = submitted("Acme Tools", k=3)
    checksum, overall = questionnaire.checksum, assessment.overall
    questionnaire.definition = {**questionnaire.definition, "translations": {"el": {"title": "Δικός μας τίτλος"}}}
    questionnaire.save()

    out = io.StringIO()
    call_command("maturity_load_questionnaire", "dma-sme-v1", publish=True, first_load_only=True, stdout=out)

    questionnaire.refresh_from_db()
    assert out.getvalue().strip() == "dma-sme-v1: its family is already loaded, left as it is (translations added)"
    assert questionnaire.checksum == checksum and Assessment.objects.get(pk=assessment.pk).overall == overall
    assert questionnaire.parsed("el").title == "Δικός μας τίτλος"  # an administrator's wording is kept
    assert questionnaire.parsed("el").dimension("green").title == "Πράσινη ψηφιοποίηση"
    assert questionnaire.parsed("de").dimension("green").title == "Grüne Digitalisierung"


@pytest.mark.django_db
def test_setup_leaves_a_replaced_scoring_without_the_shipped_translations() -> None:
    questionnaire = _untranslated_version()
    changed = packaged_definition("dma-sme-v1")
    changed["scales"]["stage_0_5"][5]["points"] = 50
    assert services.questionnaire_translations_add(definition=changed) is False
    questionnaire.refresh_from_db()
    assert questionnaire.definition["translations"] == {}


@pytest.fixture
def greek_client() -> Client:
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "el"
    return client


def _english_labels_in(text: str, paths: list[str]) -> list[str]:
    return [ENGLISH[path] for path in paths if ENGLISH[path] and ENGLISH[path] in text]


@pytest.mark.django_db
def test_the_form_report_and_docx_read_in_greek(greek_client: Client, cluster: Any, questionnaire: Questionnaire,
                                                cluster_manager: Any, regions: Any, sectors: Any) -> None:
    campaign = services.campaign_create(user=cluster_manager, organisation=cluster, questionnaire=questionnaire,
                                        name="Robotics check-up", opens_at=timezone.now() - timedelta(days=1))
    assessment = _take(greek_client, campaign, regions, sectors)
    step = greek_client.get(reverse("maturity:step", args=[assessment.public_id, 1])).content.decode()
    assert "Ψηφιακή επιχειρηματική στρατηγική" in step and "Έχουμε ήδη επενδύσει" in step
    strategy = [path for path in ENGLISH if path.split(".")[0] in {"strategy", "q1", "q2"}]
    assert _english_labels_in(step, strategy) == []

    greek_client.post(reverse("maturity:review", args=[assessment.public_id]), {"questionnaire": "dma-sme-v1"})
    report = greek_client.get(reverse("maturity:report", args=[assessment.public_id])).content.decode()
    assert "Πράσινη ψηφιοποίηση" in report
    assert _english_labels_in(report, [path for path in ENGLISH if ".advice." in path or path.endswith(".title")]) == []

    docx = greek_client.get(reverse("maturity:report_docx", args=[assessment.public_id]))
    text = "\n".join(p.text for p in Document(io.BytesIO(docx.content)).paragraphs)
    assert "Αυτοαξιολόγηση ψηφιακής και πράσινης ωριμότητας για ΜμΕ" in text
    assert ENGLISH["title"] not in text
