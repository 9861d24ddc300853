"""Coding API: codebooks (public), the interviews the caller may code, an interview's codings (owner-only; another
coder's only once the caller coded the answer too), the suggestions for an answer and the agreement of two coders;
writes with a bearer token: save a coding, accept a suggestion."""

import datetime as dt
from typing import Any

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from smartcluster.accounts.auth import READ_AUTH
from smartcluster.site.api import answers_refusals
from smartcluster.stakeholders.selectors import coding as selectors
from smartcluster.stakeholders.services import coding as services

router = Router()


class CodebookThemeOut(Schema):
    id: int
    code: str
    name: str
    group: str
    description: str
    position: int


class CodebookOut(Schema):
    id: int
    name: str
    version: int
    description: str
    theme_count: int


class CodebookDetailOut(Schema):
    id: int
    name: str
    version: int
    description: str
    themes: list[CodebookThemeOut]

    @staticmethod
    def resolve_themes(obj: Any) -> list[Any]:
        return list(obj.themes.all())


class CodingInterviewOut(Schema):
    id: int
    partner_id: int
    partner: str = Field(..., alias="partner.organisation.name")
    organisation: str = Field(..., alias="organisation.name")
    held_on: dt.date
    codebook_id: int = Field(..., alias="guide.codebook_id")
    answer_count: int
    coded_by_me: bool


class CodingCodeOut(Schema):
    theme: str = Field(..., alias="theme.code")
    name: str = Field(..., alias="theme.name")
    source: str
    suggestion_score: float | None = None


class CodingOut(Schema):
    id: int
    answer_id: int
    question_number: int = Field(..., alias="answer.question.number")
    coder: str = Field(..., alias="coder.username")
    coded_at: dt.datetime
    codes: list[CodingCodeOut]

    @staticmethod
    def resolve_codes(obj: Any) -> list[Any]:
        return list(obj.codes.all())


class CodingSuggestionOut(Schema):
    theme: str
    name: str
    score: float


class CodingAgreementFilters(Schema):
    partner: int = Field(..., description="Id of the partner whose interviews were coded")
    codebook: int = Field(..., description="Id of the codebook version")
    first: int = Field(..., description="Id of the first coder (a user)")
    second: int = Field(..., description="Id of the second coder (a user)")


class CodingAgreementThemeOut(Schema):
    theme: str
    decisions: int
    kappa: float | None = Field(None, description="Cohen's κ; null when not defined (p_e = 1)")
    percent: float | None = Field(None, description="Percentage agreement (0–100)")


class CodingAgreementOut(Schema):
    units: int = Field(..., description="Answers coded by both coders (the only ones counted)")
    overall: CodingAgreementThemeOut = Field(..., description="Every answer × theme decision pooled")
    per_theme: list[CodingAgreementThemeOut]


class CodingIn(Schema):
    themes: list[str] = Field(default_factory=list, description="Codes of the themes applied (none: no theme "
                                                                 "applies, still a coding)")


class CodingSuggestionAcceptIn(Schema):
    theme: str = Field(..., description="Code of a theme suggested for the answer")


@router.get("/coding/codebooks/", response=list[CodebookOut], auth=READ_AUTH)
@paginate(page_size=50)
def codebook_list(request: HttpRequest) -> Any:
    return selectors.codebook_list()


@router.get("/coding/codebooks/{codebook_id}", response=CodebookDetailOut, auth=READ_AUTH)
def codebook_detail(request: HttpRequest, codebook_id: int) -> Any:
    """A codebook version with its themes."""
    return selectors.codebook_get(pk=codebook_id)


@router.get("/coding/interviews/", response=list[CodingInterviewOut])
@paginate(page_size=50)
def coding_interview_list(request: HttpRequest) -> Any:
    """The interviews the caller may code (members of the partner that held them, administrators)."""
    return selectors.coding_interview_list(user=request.user)


@router.get("/coding/interviews/{interview_id}", response=CodingInterviewOut)
def coding_interview_detail(request: HttpRequest, interview_id: int) -> Any:
    return selectors.coding_interview_get(user=request.user, pk=interview_id)


@router.get("/coding/interviews/{interview_id}/codings/", response=list[CodingOut])
@paginate(page_size=100)
def interview_coding_list(request: HttpRequest, interview_id: int) -> Any:
    """The interview's codings the caller may read: their own, and another coder's once they coded that answer."""
    interview = selectors.coding_interview_get(user=request.user, pk=interview_id)
    return selectors.interview_coding_list(interview=interview, user=request.user)


@router.get("/coding/codings/{coding_id}", response=CodingOut)
def coding_detail(request: HttpRequest, coding_id: int) -> Any:
    return selectors.answer_coding_visible_get(user=request.user, pk=coding_id)


@router.get("/coding/answers/{answer_id}/suggestions/", response=list[CodingSuggestionOut])
def answer_suggestion_list(request: HttpRequest, answer_id: int) -> list[dict[str, Any]]:
    """The themes suggested from the answer's text, best first, with their score (nothing is stored)."""
    answer = selectors.answer_to_code_get(user=request.user, pk=answer_id)
    return [{"theme": theme.code, "name": theme.name, "score": score}
            for theme, score in selectors.answer_suggestion_list(answer=answer)]


@router.get("/coding/agreement", response=CodingAgreementOut)
def coding_agreement(request: HttpRequest, filters: Query[CodingAgreementFilters]) -> dict[str, Any]:
    """Cohen's κ and % agreement of two coders on a partner's answers both coded with a codebook."""
    partner = selectors.coding_partner_get(user=request.user, partner_id=filters.partner)
    codebook = selectors.codebook_get(pk=filters.codebook)
    coders = {coder.pk: coder for coder in selectors.coding_coder_list(user=request.user)
              .filter(pk__in=[filters.first, filters.second])}
    missing = [pk for pk in (filters.first, filters.second) if pk not in coders]
    if missing:
        raise Http404(_("No coder %(pk)s of the interviews you may code.") % {"pk": missing[0]})
    result = selectors.coding_agreement_get(user=request.user, partner=partner, codebook=codebook,
                                            first=coders[filters.first], second=coders[filters.second])

    def row(theme: str, agreement: Any) -> dict[str, Any]:
        return {"theme": theme, "decisions": agreement.decisions, "kappa": agreement.kappa,
                "percent": agreement.percent}

    return {"units": result.units, "overall": row("overall", result.overall),
            "per_theme": [row(code, agreement) for code, agreement in result.per_code.items()]}


@router.post("/coding/answers/{answer_id}/coding", response=CodingOut)
@answers_refusals
def answer_coding_save(request: HttpRequest, answer_id: int, payload: CodingIn) -> Any:
    """Save the caller's coding of an answer: exactly these themes."""
    answer = selectors.answer_to_code_get(user=request.user, pk=answer_id)
    coding = services.answer_coding_save(user=request.user, answer=answer, themes=payload.themes)
    return selectors.answer_coding_visible_get(user=request.user, pk=coding.pk)


@router.post("/coding/answers/{answer_id}/suggestions/accept", response={201: CodingOut})
@answers_refusals
def answer_suggestion_accept(request: HttpRequest, answer_id: int, payload: CodingSuggestionAcceptIn) -> Any:
    """Accept a suggested theme: stored in the caller's coding with the score it has now."""
    answer = selectors.answer_to_code_get(user=request.user, pk=answer_id)
    applied = services.answer_coding_suggestion_accept(user=request.user, answer=answer, theme=payload.theme)
    return Status(201, selectors.answer_coding_visible_get(user=request.user, pk=applied.coding_id))


