"""Interviews services: the trusted writer, the pages' writers with their rights and rules, guide versions."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from smartcluster.stakeholders import selectors, services
from smartcluster.stakeholders.models import Interview, Theme
from smartcluster.stakeholders.tests.interviews_factories import build_interview_world, interviews_dump

pytestmark = pytest.mark.django_db


def test_interview_load_stores_the_answers_by_question_number() -> None:
    setup = build_interview_world()
    answers = {answer.question.number: answer.text for answer in setup.interview.answers.all()}
    assert answers == {1: "Energy prices hit us hard.", 4: "Universities answer too slowly."}
    assert setup.interview.guide == selectors.guide_default_get()
    assert setup.guide.questions.count() == 8


@pytest.mark.parametrize(("change", "field"), [
    ({"held_on": timezone.localdate() + dt.timedelta(days=1)}, "held_on"),
    ({"answers": {9: "There is no question 9."}}, "answers"),
    ({"answers": {1: "  ", 2: ""}}, "answers"),
])
def test_interview_load_refuses_a_future_date_a_foreign_question_or_no_answer(change: dict, field: str) -> None:
    setup = build_interview_world()
    values = {"partner": setup.world.partner_a, "guide": setup.guide, "organisation": setup.university,
              "person": None, "interviewer": setup.interviewer, "held_on": dt.date(2026, 1, 5), "mode": "phone",
              "consent_to_record": False, "consent_to_quote": False, "answers": {2: "Some text."}, **change}
    before = interviews_dump()
    with pytest.raises(ValidationError) as refused:
        services.interview_load(**values)
    assert field in refused.value.message_dict
    assert interviews_dump() == before


def test_an_interviewer_from_another_organisation_is_refused_naming_the_field() -> None:
    setup = build_interview_world()
    with pytest.raises(ValidationError) as refused:
        services.interview_create(user=setup.users["editor_a"], partner=setup.world.partner_a, guide=setup.guide,
                                  data={"organisation": setup.sme, "interviewer": setup.interviewee,
                                        "held_on": dt.date(2026, 1, 5), "mode": "phone"},
                                  answers={1: "Text."})
    assert "interviewer" in refused.value.message_dict


def test_another_partners_editor_may_not_create_change_or_delete_and_nothing_changes() -> None:
    setup = build_interview_world()
    editor_b = setup.users["editor_b"]
    before = interviews_dump()
    with pytest.raises(PermissionDenied):
        services.interview_create(user=editor_b, partner=setup.world.partner_a, guide=setup.guide,
                                  data={"organisation": setup.university, "held_on": dt.date(2026, 1, 5)},
                                  answers={1: "Text."})
    with pytest.raises(PermissionDenied):
        services.interview_update(user=editor_b, interview=setup.interview, data={"mode": "phone"},
                                  answers={1: "Changed."})
    with pytest.raises(PermissionDenied):
        services.interview_delete(user=editor_b, interview=setup.interview)
    assert interviews_dump() == before


def test_interview_update_rewrites_answers_in_place_and_drops_a_cleared_one() -> None:
    setup = build_interview_world()
    first = setup.interview.answers.get(question__number=1)
    services.interview_update(user=setup.users["editor_a"], interview=setup.interview,
                              data={"consent_to_quote": True}, answers={1: "Prices fell again.", 4: ""})
    kept = setup.interview.answers.get()
    assert (kept.pk, kept.text) == (first.pk, "Prices fell again.")
    assert Interview.objects.get(pk=setup.interview.pk).consent_to_quote


def test_a_guide_in_use_never_changes_and_a_new_version_copies_questions_and_themes() -> None:
    setup = build_interview_world()
    administrator = setup.users["administrator"]
    question = setup.guide.questions.get(number=1)
    before = interviews_dump()
    with pytest.raises(ValidationError, match="create a new version"):
        services.guide_question_update(user=administrator, question=question, text="Changed?", themes=[])
    with pytest.raises(ValidationError, match="create a new version"):
        services.guide_update(user=administrator, guide=setup.guide, introduction="Changed?")
    assert interviews_dump() == before
    copy = services.guide_new_version(user=administrator, guide=setup.guide)
    assert (copy.name, copy.version) == (setup.guide.name, setup.guide.version + 1)
    copied = copy.questions.get(number=1)
    assert set(copied.themes.all()) == set(question.themes.all())
    digital = Theme.objects.get(codebook=copy.codebook, code="digitalisation")
    services.guide_question_update(user=administrator, question=copied, text="Reworded.", themes=[digital])
    assert list(copy.questions.get(number=1).themes.all()) == [digital]
    assert setup.guide.questions.get(number=1).text == question.text


def test_only_administrators_make_guide_versions() -> None:
    setup = build_interview_world()
    with pytest.raises(PermissionDenied):
        services.guide_new_version(user=setup.users["editor_a"], guide=setup.guide)
