"""The questionnaire offers "not applicable" once per answer, the results page opens without a 400, and the DOCX
report dates the submission in the platform's time zone."""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any
from unittest import mock

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from docx import Document

from smartcluster.maturity import services
from smartcluster.maturity.models import Assessment, Questionnaire
from smartcluster.maturity.views import RESPONDENT_COOKIE

pytestmark = pytest.mark.django_db


def _started(client: Client, questionnaire: Questionnaire, regions: dict, sectors: dict) -> Assessment:
    """An assessment this browser started and whose profile step is done."""
    client.cookies[RESPONDENT_COOKIE] = "key-tester"
    assessment = services.assessment_start(questionnaire=questionnaire,
                                           respondent_hash=services.respondent_key_hash("key-tester"))
    services.assessment_profile_save(assessment=assessment, user=None, organisation_name="Acme Tools",
                                     size_class="small", nace=sectors["C"], region=regions["LT01"])
    return assessment


def test_every_question_offers_not_applicable_once_per_answer(client: Client, questionnaire: Questionnaire,
                                                               regions: dict, sectors: dict) -> None:
    assessment = _started(client, questionnaire, regions, sectors)
    for number, dimension in enumerate(questionnaire.parsed().dimensions, start=1):
        page = client.get(reverse("maturity:step", args=[assessment.public_id, number])).content.decode()
        for question in dimension.questions:
            block = re.search(rf'<fieldset class="question" id="question-{question.key}">(.*?)\n  </fieldset>',
                              page, re.S).group(1)
            # a scale row offers its own choice; ticks and ticks per row one for the whole question
            expected = len(question.rows) if question.form == "scale" else 1
            assert block.count("Not applicable to us") == expected, question.key


def test_a_question_answered_not_applicable_before_shows_every_row_not_applicable(
        client: Client, questionnaire: Questionnaire, regions: dict, sectors: dict) -> None:
    assessment = _started(client, questionnaire, regions, sectors)
    scale = next(q for q in questionnaire.parsed().questions() if q.form == "scale")
    step = next(n for n, d in enumerate(questionnaire.parsed().dimensions, start=1) if scale in d.questions)
    services.assessment_answers_save(assessment=assessment, answers={scale.key: "na"}, step=step)
    page = client.get(reverse("maturity:step", args=[assessment.public_id, step])).content.decode()
    for row in scale.rows:
        assert re.search(rf'name="{scale.key}__{row.key}" value="na"[^>]*checked', page), row.key


def test_results_page_opens_without_a_bad_request(client: Client, cluster_manager: Any) -> None:
    client.force_login(cluster_manager)
    empty = client.get(reverse("maturity:aggregates"))
    assert empty.status_code == 200
    assert "No questionnaire has been published yet" in empty.content.decode()


def test_results_page_with_a_wrong_filter_says_why(client: Client, cluster_manager: Any,
                                                   questionnaire: Questionnaire) -> None:
    client.force_login(cluster_manager)
    assert client.get(reverse("maturity:aggregates")).status_code == 200
    assert client.get(reverse("maturity:aggregates"), {"by": "shoe_size"}).status_code == 400


def test_docx_report_dates_the_submission_in_the_platforms_zone(submitted: Any, settings: Any) -> None:
    settings.TIME_ZONE = "Europe/Athens"
    # 23:30 UTC on 14 March is already 15 March in Athens
    with mock.patch.object(timezone, "now", return_value=dt.datetime(2030, 3, 14, 23, 30, tzinfo=dt.UTC)):
        assessment = submitted("Acme Tools", respondent="key-acme")
    client = Client()
    client.cookies[RESPONDENT_COOKIE] = "key-acme"
    document = Document(io.BytesIO(client.get(reverse("maturity:report_docx", args=[assessment.public_id])).content))
    assert "March 15, 2030" in document.paragraphs[1].text
