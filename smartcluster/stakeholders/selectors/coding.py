"""Coding reads: the interviews a user may code, an interview's answers with the user's codings, the suggestions
for an answer, the codebooks and the agreement between two coders.

Codings are owner-only (the owning partner's members and administrators): everyone else gets 404. A coder never
sees another coder's codes of an answer before having coded it too (independent coding, no anchoring)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, Max, OuterRef, Prefetch, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from smartcluster.accounts.permissions import visible_queryset
from smartcluster.qualitative.agreement import CodingAgreement, coding_agreement
from smartcluster.qualitative.codebooks import CodebookEntry
from smartcluster.qualitative.suggestions import ThemeSuggester
from smartcluster.stakeholders.choices import ThemeGroup
from smartcluster.stakeholders.models import Answer, AnswerCoding, AppliedCode, Codebook, Interview, Theme

__all__ = ["SUGGESTION_LIMIT", "AnswerToCode", "answer_coding_visible_get",
           "answer_suggestion_list", "answer_to_code", "answer_to_code_get", "codebook_entries", "codebook_get",
           "codebook_group_names", "codebook_list", "codebook_next_version", "coding_agreement_get",
           "coding_coder_list", "coding_interview_get", "coding_interview_list", "coding_partner_get",
           "coding_partner_list", "interview_answers_to_code", "interview_coding_list"]

SUGGESTION_LIMIT = 3  # the page shows the best three (precision@3 is what the labelled set measures)


def coding_interview_list(*, user: Any) -> QuerySet[Interview]:
    """The interviews the user may code (the owning partner's members, administrators), with the number of
    answers and how many of them the user coded."""
    if not getattr(user, "is_authenticated", False):
        return Interview.objects.none()
    mine = AnswerCoding.objects.filter(answer__interview=OuterRef("pk"), coder=user)
    return (visible_queryset(user, Interview.objects.all())
            .select_related("partner__organisation", "organisation", "guide__codebook")
            .annotate(answer_count=Count("answers", distinct=True), coded_by_me=Exists(mine))
            .order_by("partner__organisation__name", "-held_on", "pk"))


def coding_interview_get(*, user: Any, pk: int) -> Interview:
    """One interview the user may code; 404 (never 403) for anyone else, so its existence is not revealed."""
    interview = coding_interview_list(user=user).filter(pk=pk).first()
    if interview is None:
        raise Http404(_("No interview %(pk)s that you may code.") % {"pk": pk})
    return interview


def answer_to_code_get(*, user: Any, pk: int) -> Answer:
    """One answer the user may code; 404 for anyone else."""
    answer = (visible_queryset(user, Answer.objects.all()).select_related("interview__guide__codebook", "question")
              .filter(pk=pk).first() if getattr(user, "is_authenticated", False) else None)
    if answer is None:
        raise Http404(_("No answer %(pk)s that you may code.") % {"pk": pk})
    return answer


def _suggester(interview: Interview) -> ThemeSuggester:
    """Themes of the interview's codebook, with the answers of the same partner's OTHER interviews already coded
    with each theme as examples (never this interview's: another coder's codes must not leak into its
    suggestions)."""
    codebook = interview.guide.codebook
    themes = {theme.code: f"{theme.name}. {theme.description}" for theme in codebook.themes.all()}
    examples: dict[str, list[str]] = {}
    coded = (AppliedCode.objects.filter(theme__codebook=codebook, coding__answer__interview__partner=interview.partner)
             .exclude(coding__answer__interview=interview)
             .values_list("theme__code", "coding__answer__text").distinct())
    for code, text in coded:
        examples.setdefault(code, []).append(text)
    return ThemeSuggester(themes, examples)


def _suggested(suggester: ThemeSuggester, answer: Answer, limit: int | None) -> list[tuple[Theme, float]]:
    themes = {theme.code: theme for theme in answer.interview.guide.codebook.themes.all()}
    return [(themes[code], score) for code, score in suggester.suggest(answer.text, limit=limit)]


def answer_suggestion_list(*, answer: Answer, limit: int | None = SUGGESTION_LIMIT) -> list[tuple[Theme, float]]:
    """The themes suggested for an answer from its text, best first, with their score (cosine similarity)."""
    return _suggested(_suggester(answer.interview), answer, limit)


@dataclass
class AnswerToCode:
    """An answer on the coding page: the user's coding, the suggestions, and the other coders' codes once the
    user has coded the answer too (None before)."""

    answer: Answer
    coding: AnswerCoding | None
    chosen: set[str]
    suggestions: list[tuple[Theme, float]]
    others: list[AnswerCoding] | None


def _answers_with_codings() -> QuerySet[Answer]:
    return (Answer.objects.select_related("question", "interview__guide__codebook", "interview__partner")
            .prefetch_related("question__themes", Prefetch("codings", AnswerCoding.objects.select_related("coder")
                                       .prefetch_related(Prefetch("codes", AppliedCode.objects
                                                                  .select_related("theme"))))))


def _to_code(user: Any, answer: Answer, suggester: ThemeSuggester) -> AnswerToCode:
    codings = list(answer.codings.all())
    mine = next((coding for coding in codings if coding.coder_id == user.pk), None)
    others = [coding for coding in codings if coding.coder_id != user.pk] if mine else None
    chosen = {code.theme.code for code in mine.codes.all()} if mine else set()
    return AnswerToCode(answer, mine, chosen, _suggested(suggester, answer, SUGGESTION_LIMIT), others)


def interview_answers_to_code(*, user: Any, interview: Interview) -> list[AnswerToCode]:
    """Every answer of an interview as the user codes it (see `AnswerToCode`)."""
    suggester = _suggester(interview)
    return [_to_code(user, answer, suggester) for answer in _answers_with_codings().filter(interview=interview)]


def answer_to_code(*, user: Any, answer: Answer) -> AnswerToCode:
    """One answer as the user codes it (see `AnswerToCode`)."""
    return _to_code(user, _answers_with_codings().get(pk=answer.pk), _suggester(answer.interview))


def _readable_codings(user: Any) -> QuerySet[AnswerCoding]:
    """The codings the user may read: of the partners the user codes for, the user's own and the others' of the
    answers the user coded too (independent coding)."""
    if not getattr(user, "is_authenticated", False):
        return AnswerCoding.objects.none()
    mine = AnswerCoding.objects.filter(answer=OuterRef("answer"), coder=user)
    return (visible_queryset(user, AnswerCoding.objects.all())
            .annotate(user_coded=Exists(mine)).filter(user_coded=True)
            .select_related("coder", "answer__question")
            .prefetch_related(Prefetch("codes", AppliedCode.objects.select_related("theme")))
            .order_by("answer__question__number", "coder__username", "pk"))


def interview_coding_list(*, interview: Interview, user: Any) -> QuerySet[AnswerCoding]:
    """The codings of an interview's answers the user may read (see `_readable_codings`)."""
    return _readable_codings(user).filter(answer__interview=interview)


def answer_coding_visible_get(*, user: Any, pk: int) -> AnswerCoding:
    """One coding the user may read; 404 for anyone else (and for another coder's before the user coded too)."""
    coding = _readable_codings(user).filter(pk=pk).first()
    if coding is None:
        raise Http404(_("No coding %(pk)s that you may read.") % {"pk": pk})
    return coding


# --- codebooks -----------------------------------------------------------------------------------------------------

def codebook_list() -> QuerySet[Codebook]:
    """Every codebook version (public to read), with its number of themes."""
    return Codebook.objects.annotate(theme_count=Count("themes")).order_by("name", "-version")


def codebook_get(*, pk: int) -> Codebook:
    """One codebook version; 404 naming it when there is none."""
    codebook = Codebook.objects.filter(pk=pk).prefetch_related("themes").first()
    if codebook is None:
        raise Http404(_("No codebook %(pk)s.") % {"pk": pk})
    return codebook


def codebook_entries(*, codebook: Codebook) -> list[CodebookEntry]:
    """A codebook's themes as plain values (for the CSV and REFI-QDA files)."""
    return [CodebookEntry(theme.code, theme.name, theme.group, theme.description)
            for theme in codebook.themes.order_by("position", "code")]


def codebook_group_names() -> dict[str, str]:
    """The names a file may give a group (its value or its English label) → the group."""
    names = {group.value: group.value for group in ThemeGroup}
    names.update({str(group.label): group.value for group in ThemeGroup})
    return names


def codebook_next_version(*, name: str) -> int:
    """The version number a new version of the codebook named `name` gets."""
    return (Codebook.objects.filter(name=name).aggregate(last=Max("version"))["last"] or 0) + 1


# --- agreement -----------------------------------------------------------------------------------------------------

def coding_partner_get(*, user: Any, partner_id: int) -> Any:
    """A partner whose interviews the user may code; 404 otherwise."""
    partner = next((partner for partner in coding_partner_list(user=user) if partner.pk == partner_id), None)
    if partner is None:
        raise Http404(_("No partner %(pk)s whose interviews you may code.") % {"pk": partner_id})
    return partner


def coding_partner_list(*, user: Any) -> list[Any]:
    """The partners whose interviews the user may code (the partners of `coding_interview_list`)."""
    seen: dict[int, Any] = {}
    for interview in coding_interview_list(user=user):
        seen.setdefault(interview.partner_id, interview.partner)
    return list(seen.values())


def coding_coder_list(*, user: Any) -> QuerySet[Any]:
    """The people who coded answers of the interviews the user may code (the coders to compare)."""
    codings = AnswerCoding.objects.filter(answer__interview__in=coding_interview_list(user=user))
    return get_user_model().objects.filter(pk__in=codings.values("coder")).order_by("username")


def _coded_units(partner: Any, codebook: Codebook, coder: Any) -> dict[int, set[str]]:
    codings = AnswerCoding.objects.filter(coder=coder, answer__interview__partner=partner,
                                          answer__interview__guide__codebook=codebook)
    units: dict[int, set[str]] = {answer: set() for answer in codings.values_list("answer", flat=True)}
    for answer, code in AppliedCode.objects.filter(coding__in=codings).values_list("coding__answer", "theme__code"):
        units[answer].add(code)
    return units


def coding_agreement_get(*, user: Any, partner: Any, codebook: Codebook, first: Any,
                         second: Any) -> CodingAgreement:
    """Agreement (Cohen's κ, % agreement) of two coders on the answers of a partner's interviews coded with a
    codebook by both; 404 when the user may not code that partner's interviews."""
    if not coding_interview_list(user=user).filter(partner=partner).exists():
        raise Http404(_("No interviews of this partner that you may code."))
    codes: Sequence[str] = [theme.code for theme in codebook.themes.order_by("position", "code")]
    return coding_agreement(_coded_units(partner, codebook, first), _coded_units(partner, codebook, second), codes)
