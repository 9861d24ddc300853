"""`maturity_load_questionnaire --first-load-only` (what setup runs): publishes the bundled questionnaire once, and
never undoes an administrator's later choice (unpublished, or replaced by another version of the family)."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from smartcluster.maturity import services
from smartcluster.maturity.models import Questionnaire, QuestionnaireStatus
from smartcluster.maturity.packaged import packaged_definition

pytestmark = pytest.mark.django_db


def _setup_load() -> str:
    out = StringIO()
    call_command("maturity_load_questionnaire", "dma-sme-v1", publish=True, first_load_only=True, stdout=out)
    return out.getvalue()


def test_the_first_load_publishes_and_a_second_leaves_it_as_it_is() -> None:
    assert _setup_load().strip() == "dma-sme-v1: Published"
    assert _setup_load().strip() == "dma-sme-v1: its family is already loaded, left as it is"
    assert Questionnaire.objects.get().status == QuestionnaireStatus.PUBLISHED


def test_an_unpublished_questionnaire_stays_unpublished() -> None:
    _setup_load()
    Questionnaire.objects.update(status=QuestionnaireStatus.RETIRED)
    _setup_load()
    assert Questionnaire.objects.get().status == QuestionnaireStatus.RETIRED


def test_a_replacing_version_keeps_its_place_even_with_the_first_deleted() -> None:
    definition = {**packaged_definition("dma-sme-v1"), "code": "dma-sme-v2", "version": 2}
    services.questionnaire_load(definition=definition, publish=True)
    _setup_load()
    assert list(Questionnaire.objects.values_list("code", "status")) == [("dma-sme-v2", QuestionnaireStatus.PUBLISHED)]
