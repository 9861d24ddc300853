"""Coding writes: codings are units even without a theme, suggestions become codes only when accepted, rights."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from smartcluster.stakeholders.choices import CodeSource
from smartcluster.stakeholders.models import AnswerCoding, AppliedCode
from smartcluster.stakeholders.selectors import answer_suggestion_list, interview_answers_to_code
from smartcluster.stakeholders.services import (
    answer_coding_load,
    answer_coding_save,
    answer_coding_suggestion_accept,
)
from smartcluster.stakeholders.tests.coding_world import build_coding_world, coding_dump

pytestmark = pytest.mark.django_db


@pytest.fixture
def coding():
    return build_coding_world()


def test_a_coding_without_theme_is_saved_as_a_unit(coding):
    saved = answer_coding_save(user=coding.world.users["editor_a"], answer=coding.answers[2], themes=[])
    assert AnswerCoding.objects.filter(pk=saved.pk, answer=coding.answers[2]).exists()
    assert saved.codes.count() == 0


def test_saving_a_coding_replaces_the_coders_codes_with_manual_ones(coding):
    user, answer = coding.world.users["editor_a"], coding.answers[2]
    answer_coding_save(user=user, answer=answer, themes=["digitalisation", "financing-resources"])
    coding_ = answer_coding_save(user=user, answer=answer, themes=["digitalisation", "internal-management"])
    assert sorted(coding_.codes.values_list("theme__code", "source")) == [
        ("digitalisation", CodeSource.MANUAL), ("internal-management", CodeSource.MANUAL)]


def test_viewing_suggestions_stores_nothing(coding):
    user = coding.world.users["editor_a"]
    rows = interview_answers_to_code(user=user, interview=coding.interview)
    assert all(row.suggestions for row in rows)
    assert not AnswerCoding.objects.exists() and not AppliedCode.objects.exists()


def test_an_accepted_suggestion_is_stored_with_its_score(coding):
    user, answer = coding.world.users["editor_a"], coding.answers[2]
    theme, score = answer_suggestion_list(answer=answer)[0]
    assert theme.code == "digitalisation"
    applied = answer_coding_suggestion_accept(user=user, answer=answer, theme=theme.code)
    assert (applied.source, applied.suggestion_score) == (CodeSource.SUGGESTION, pytest.approx(score))
    assert list(AppliedCode.objects.values_list("theme__code", flat=True)) == ["digitalisation"]


def test_an_accepted_suggestion_kept_on_save_stays_a_suggestion(coding):
    user, answer = coding.world.users["editor_a"], coding.answers[2]
    answer_coding_suggestion_accept(user=user, answer=answer, theme="digitalisation")
    saved = answer_coding_save(user=user, answer=answer, themes=["digitalisation", "support-known"])
    assert dict(saved.codes.values_list("theme__code", "source")) == {
        "digitalisation": CodeSource.SUGGESTION, "support-known": CodeSource.MANUAL}


def test_a_theme_not_suggested_cannot_be_accepted_as_a_suggestion(coding):
    before = coding_dump()
    with pytest.raises(ValidationError) as refused:
        answer_coding_suggestion_accept(user=coding.world.users["editor_a"], answer=coding.answers[2],
                                        theme="no-such-theme")
    assert "theme" in refused.value.message_dict
    assert coding_dump() == before


@pytest.mark.parametrize("role", ["anonymous", "editor_b"])
def test_outsiders_may_not_code(coding, role):
    from django.contrib.auth.models import AnonymousUser

    user = AnonymousUser() if role == "anonymous" else coding.world.users[role]
    before = coding_dump()
    with pytest.raises(PermissionDenied):
        answer_coding_save(user=user, answer=coding.answers[2], themes=["digitalisation"])
    with pytest.raises(PermissionDenied):
        answer_coding_suggestion_accept(user=user, answer=coding.answers[2], theme="digitalisation")
    assert coding_dump() == before


def test_an_unknown_theme_is_refused_naming_it(coding):
    before = coding_dump()
    with pytest.raises(ValidationError) as refused:
        answer_coding_save(user=coding.world.users["editor_a"], answer=coding.answers[2], themes=["nonsense"])
    assert "nonsense" in refused.value.message_dict["themes"][0]
    assert coding_dump() == before


def test_the_loader_stores_suggestions_with_their_scores(coding):
    coding_ = answer_coding_load(answer=coding.answers[3], coder=coding.coder_b,
                                 themes=["green-business"], suggestions={"sustainability-green-circular": 0.42})
    assert dict(coding_.codes.values_list("theme__code", "suggestion_score")) == {
        "green-business": None, "sustainability-green-circular": 0.42}


def test_the_loader_refuses_a_score_outside_0_1(coding):
    with pytest.raises(ValidationError) as refused:
        answer_coding_load(answer=coding.answers[3], coder=coding.coder_b, themes=[], suggestions={"digitalisation": 3})
    assert "suggestions" in refused.value.message_dict
    assert not AnswerCoding.objects.exists()


def test_another_coders_codes_stay_hidden_until_the_user_has_coded(coding):
    answer_coding_load(answer=coding.answers[2], coder=coding.coder_b, themes=["digitalisation"])
    user = coding.world.users["editor_a"]
    before = {row.answer.pk: row.others for row in interview_answers_to_code(user=user, interview=coding.interview)}
    assert before[coding.answers[2].pk] is None
    answer_coding_save(user=user, answer=coding.answers[2], themes=[])
    after = {row.answer.pk: row.others for row in interview_answers_to_code(user=user, interview=coding.interview)}
    assert [other.coder for other in after[coding.answers[2].pk]] == [coding.coder_b]


def test_no_suggestion_is_stored_as_a_code_without_an_accept(coding):
    user, answer = coding.world.users["editor_a"], coding.answers[2]
    suggested = [theme.code for theme, _ in answer_suggestion_list(answer=answer)]
    interview_answers_to_code(user=user, interview=coding.interview)  # the coding page shows them
    answer_coding_save(user=user, answer=answer, themes=[suggested[0], "support-known"])  # ticked, not accepted
    assert not AppliedCode.objects.filter(source=CodeSource.SUGGESTION).exists()
    assert not AppliedCode.objects.filter(suggestion_score__isnull=False).exists()
    assert set(AppliedCode.objects.values_list("theme__code", flat=True)) == {suggested[0], "support-known"}


def test_a_qdc_file_edited_in_another_tool_keeps_the_known_codes_and_adds_the_new_one(coding):
    from smartcluster.stakeholders.exports.coding import codebook_qdc
    from smartcluster.stakeholders.services import codebook_import

    codebook = coding.interview.guide.codebook
    edited = codebook_qdc(codebook=codebook).replace(
        b'name="need" isCodable="false">',
        b'name="need" isCodable="false">\n<Code guid="8c1f3a52-0000-4000-8000-000000000001" name="Skills shortage" '
        b'isCodable="true"><Description>No welders.</Description></Code>', 1)
    imported = codebook_import(user=coding.world.users["administrator"], codebook=codebook, content=edited,
                               filename="from-qualcoder.qdc")
    codes = set(imported.themes.values_list("code", flat=True))
    assert codes == set(codebook.themes.values_list("code", flat=True)) | {"skills-shortage"}
    assert imported.themes.get(code="skills-shortage").group == "need"
    assert imported.version == codebook.version + 1


def test_a_codebook_file_of_another_type_is_refused_naming_the_file(coding):
    from smartcluster.stakeholders.services import codebook_import

    before = coding_dump()
    with pytest.raises(ValidationError) as refused:
        codebook_import(user=coding.world.users["administrator"], codebook=coding.interview.guide.codebook,
                        content=b"PK\x03\x04", filename="/home/someone/book.xlsx")
    assert refused.value.message_dict["file"] == ["book.xlsx: choose a .csv or a REFI-QDA .qdc codebook file."]
    assert coding_dump() == before


def test_suggestions_learn_from_other_interviews_never_from_codes_of_this_one(coding):
    from smartcluster.stakeholders.tests.coding_world import interview_of

    answer = coding.answers[2]

    def scores():
        return {theme.code: score for theme, score in answer_suggestion_list(answer=answer, limit=None)}

    before = scores()
    answer_coding_load(answer=coding.answers[3], coder=coding.coder_b, themes=["branding-management"])
    assert scores() == before  # another coder's codes of this interview leave its suggestions alone
    _, others = interview_of(coding.world.partner_a, {2: "Our sensors and software need skilled data people."})
    answer_coding_load(answer=others[2], coder=coding.coder_b, themes=["internal-management"])
    assert scores()["internal-management"] > before.get("internal-management", 0.0)
