"""Interviews API (under /api/stakeholders/): the guides with their questions and themes (public; versions made
and edited by administrators), a partner's interviews and one interview with its answers (the owning partner and
administrators only: 404 for everybody else), and a project's quota (counts only, for the project's partners).
Writes with a bearer token (or the page's session and CSRF token)."""

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from smartcluster.accounts.auth import READ_AUTH
from smartcluster.site.api import answers_refusals
from smartcluster.stakeholders import selectors, services
from smartcluster.stakeholders.models import GuideQuestion, Interview, InterviewGuide

router = Router(tags=["stakeholders: interviews"])


# --- guides -------------------------------------------------------------------------------------------------------

class InterviewGuideThemeOut(Schema):
    id: int
    code: str
    name: str
    group: str


class InterviewGuideQuestionOut(Schema):
    id: int
    number: int
    text: str
    themes: list[InterviewGuideThemeOut] = Field(..., description="The themes the question probes")

    @staticmethod
    def resolve_themes(obj: GuideQuestion) -> list[Any]:
        return list(obj.themes.all())


class InterviewGuideOut(Schema):
    id: int
    name: str
    version: int
    codebook_id: int
    codebook: str = Field(..., description="Name and version of the codebook the questions' themes belong to")
    question_count: int
    interview_count: int = Field(..., description="Interviews using this version (then it never changes)")

    @staticmethod
    def resolve_codebook(obj: InterviewGuide) -> str:
        return str(obj.codebook)


class InterviewGuideDetailOut(InterviewGuideOut):
    introduction: str
    questions: list[InterviewGuideQuestionOut]

    @staticmethod
    def resolve_questions(obj: InterviewGuide) -> list[Any]:
        return list(obj.questions.all())


class InterviewGuideIn(Schema):
    introduction: str


class InterviewGuideQuestionIn(Schema):
    text: str
    themes: list[str] = Field([], description="Theme codes of the guide's codebook")
    number: int | None = Field(None, ge=1, description="Empty: after the last question")


def _themes(guide: InterviewGuide, codes: list[str]) -> list[Any]:
    themes = {theme.code: theme for theme in selectors.guide_theme_list(guide=guide)}
    unknown = [code for code in codes if code not in themes]
    if unknown:
        raise ValidationError({"themes": _("Unknown theme codes in the guide's codebook: %(codes)s.")
                               % {"codes": ", ".join(unknown)}})
    return [themes[code] for code in codes]


@router.get("/interview-guides/", response=list[InterviewGuideOut], auth=READ_AUTH)
@paginate(page_size=50)
def interview_guide_list(request: HttpRequest) -> Any:
    return selectors.guide_list()


@router.get("/interview-guides/{guide_id}", response=InterviewGuideDetailOut, auth=READ_AUTH)
def interview_guide_detail(request: HttpRequest, guide_id: int) -> InterviewGuide:
    return selectors.guide_get(guide_id=guide_id)


@router.post("/interview-guides/{guide_id}/versions/", response={201: InterviewGuideDetailOut})
@answers_refusals
def interview_guide_new_version(request: HttpRequest, guide_id: int) -> Status:
    """A copy of the guide as its next version (administrators)."""
    copy = services.guide_new_version(user=request.user, guide=selectors.guide_get(guide_id=guide_id))
    return Status(201, selectors.guide_get(guide_id=copy.pk))


@router.patch("/interview-guides/{guide_id}", response=InterviewGuideDetailOut)
@answers_refusals
def interview_guide_update(request: HttpRequest, guide_id: int, payload: InterviewGuideIn) -> InterviewGuide:
    """The introduction (administrators; refused once an interview uses the version)."""
    services.guide_update(user=request.user, guide=selectors.guide_get(guide_id=guide_id),
                          introduction=payload.introduction)
    return selectors.guide_get(guide_id=guide_id)


@router.post("/interview-guides/{guide_id}/questions/", response={201: InterviewGuideQuestionOut})
@answers_refusals
def interview_guide_question_add(request: HttpRequest, guide_id: int, payload: InterviewGuideQuestionIn) -> Status:
    guide = selectors.guide_get(guide_id=guide_id)
    question = services.guide_question_add(user=request.user, guide=guide, text=payload.text,
                                           themes=_themes(guide, payload.themes), number=payload.number)
    return Status(201, question)


@router.put("/interview-guide-questions/{question_id}", response=InterviewGuideQuestionOut)
@answers_refusals
def interview_guide_question_update(request: HttpRequest, question_id: int,
                                    payload: InterviewGuideQuestionIn) -> GuideQuestion:
    question = selectors.guide_question_get(question_id=question_id)
    return services.guide_question_update(user=request.user, question=question, text=payload.text,
                                          themes=_themes(question.guide, payload.themes), number=payload.number)


@router.delete("/interview-guide-questions/{question_id}", response={204: None})
@answers_refusals
def interview_guide_question_delete(request: HttpRequest, question_id: int) -> Status:
    services.guide_question_delete(user=request.user, question=selectors.guide_question_get(question_id=question_id))
    return Status(204, None)


# --- interviews ---------------------------------------------------------------------------------------------------

class InterviewOut(Schema):
    id: int
    partner_id: int
    partner_name: str = Field(..., alias="partner.organisation.name")
    guide_id: int
    organisation_id: int
    organisation_name: str = Field(..., alias="organisation.name")
    organisation_type: str = Field(..., alias="organisation.type")
    person_id: int | None = None
    person_name: str | None = None
    interviewer_id: int | None = None
    held_on: dt.date
    mode: str
    consent_to_record: bool
    consent_to_quote: bool

    @staticmethod
    def resolve_person_name(obj: Interview) -> str | None:
        return obj.person.name if obj.person else None


class InterviewAnswerOut(Schema):
    question_id: int
    number: int
    question: str
    themes: list[str] = Field(..., description="Codes of the themes the question probes")
    answer: str | None = Field(None, description="Null when not answered")


class InterviewDetailOut(InterviewOut):
    answers: list[InterviewAnswerOut] = Field(..., description="Every question of the guide, in order")

    @staticmethod
    def resolve_answers(obj: Interview) -> list[dict[str, Any]]:
        return [{"question_id": row["question"].pk, "number": row["question"].number,
                 "question": row["question"].text, "themes": [theme.code for theme in row["themes"]],
                 "answer": row["answer"].text if row["answer"] else None}
                for row in selectors.interview_answer_rows(interview=obj)]


class InterviewIn(Schema):
    organisation: int | None = Field(None, description="Organisation id (or organisation_name for a new one)")
    organisation_name: str | None = Field(None, description="A new organisation's name (with organisation_type)")
    organisation_type: str | None = None
    person: int | None = Field(None, description="Interviewee's person id (or person_name for a new one)")
    person_name: str | None = None
    person_email: str | None = None
    interviewer: int | None = Field(None, description="A person of the partner's organisation")
    held_on: dt.date | None = Field(None, description="Not in the future")
    mode: str | None = Field(None, description="in_person, online, phone or written")
    consent_to_record: bool | None = None
    consent_to_quote: bool | None = None
    answers: dict[int, str] | None = Field(None, description="Answer text by question number of the guide; "
                                                             "on a change, replaces every answer")


class InterviewCreateIn(InterviewIn):
    partner: int
    guide: int | None = Field(None, description="Guide id (default: the default guide)")
    held_on: dt.date
    answers: dict[int, str]


def _one(records: list[Any], pk: int | None, field: str) -> Any:
    if pk is None:
        return None
    found = next((record for record in records if record.pk == pk), None)
    if found is None:
        raise ValidationError({field: _("No %(field)s you may choose has the id %(id)s.") % {"field": field,
                                                                                           "id": pk}})
    return found


def _interview_arguments(request: HttpRequest, partner: Any, payload: InterviewIn) -> dict[str, Any]:
    """The payload as the services take it: ids become records the form would offer (others refused)."""
    given = payload.model_dump(exclude_unset=True, exclude={"partner", "guide", "answers"})
    choices = selectors.interview_choices(user=request.user, partner=partner)
    offered = {"organisation": [*choices.suggested, *choices.other], "person": choices.people,
               "interviewer": choices.interviewers}
    data = {field: _one(records, given[field], field) for field, records in offered.items() if field in given}
    data.update({field: given[field] for field in ("held_on", "mode", "consent_to_record", "consent_to_quote")
                 if given.get(field) is not None})
    new_organisation = ({"name": given["organisation_name"], "type": given.get("organisation_type") or ""}
                        if given.get("organisation_name") else None)
    new_person = ({"name": given["person_name"], "email": given.get("person_email") or ""}
                  if given.get("person_name") else None)
    return {"data": data, "new_organisation": new_organisation, "new_person": new_person}


@router.get("/interviews/", response=list[InterviewOut], auth=READ_AUTH)
@paginate(page_size=50)
def interview_list(request: HttpRequest, partner: int | None = None) -> Any:
    """The interviews the caller may read (their partners'), a partner's when given (404 when not readable)."""
    chosen = None if partner is None else selectors.interview_partner_get(user=request.user, partner_id=partner)
    return selectors.interview_list(user=request.user, partner=chosen)


@router.get("/interviews/{interview_id}", response=InterviewDetailOut, auth=READ_AUTH)
def interview_detail(request: HttpRequest, interview_id: int) -> Interview:
    return selectors.interview_get(user=request.user, interview_id=interview_id)


@router.post("/interviews/", response={201: InterviewDetailOut})
@answers_refusals
def interview_create(request: HttpRequest, payload: InterviewCreateIn) -> Status:
    """An interview of a partner (its editors and administrators) with its answers."""
    partner = selectors.interview_partner_get(user=request.user, partner_id=payload.partner)
    guide = (selectors.guide_default_get() if payload.guide is None
             else selectors.guide_get(guide_id=payload.guide))
    interview = services.interview_create(user=request.user, partner=partner, guide=guide,
                                          answers=payload.answers, **_interview_arguments(request, partner, payload))
    return Status(201, selectors.interview_get(user=request.user, interview_id=interview.pk))


@router.patch("/interviews/{interview_id}", response=InterviewDetailOut)
@answers_refusals
def interview_update(request: HttpRequest, interview_id: int, payload: InterviewIn) -> Interview:
    """Change the fields given (answers, when given, replace every answer)."""
    interview = selectors.interview_editable(user=request.user, interview_id=interview_id)
    answers = payload.answers
    if answers is None:
        answers = selectors.interview_answer_texts(interview=interview)
    services.interview_update(user=request.user, interview=interview, answers=answers,
                              **_interview_arguments(request, interview.partner, payload))
    return selectors.interview_get(user=request.user, interview_id=interview_id)


@router.delete("/interviews/{interview_id}", response={204: None})
@answers_refusals
def interview_delete(request: HttpRequest, interview_id: int) -> Status:
    services.interview_delete(user=request.user,
                              interview=selectors.interview_editable(user=request.user, interview_id=interview_id))
    return Status(204, None)


# --- quota --------------------------------------------------------------------------------------------------------

class InterviewQuotaGroupOut(Schema):
    group: str
    label: str
    done: int = Field(..., description="Distinct organisations of the group interviewed")
    required: int
    missing: int
    missing_text: str = Field(..., description="What is missing in words, e.g. \"1 more university\"")


class InterviewQuotaPartnerOut(Schema):
    partner_id: int
    partner_name: str
    groups: list[InterviewQuotaGroupOut]


class InterviewQuotaOut(Schema):
    project_id: int
    project: str
    partners: list[InterviewQuotaPartnerOut]


@router.get("/interview-quota/{project_id}", response=InterviewQuotaOut, auth=READ_AUTH)
def interview_quota(request: HttpRequest, project_id: int) -> dict[str, Any]:
    """Every partner's quota in a project (counts only; the project's partners and administrators)."""
    project, rows = selectors.interview_quota_project(user=request.user, project_id=project_id)
    return {"project_id": project.pk, "project": project.acronym, "partners": [
        {"partner_id": row["partner"].pk, "partner_name": row["partner"].organisation.name, "groups": [
            {"group": status.group.code, "label": str(status.group.label), "done": status.done,
             "required": status.required, "missing": status.missing, "missing_text": status.missing_text}
            for status in row["quota"]]} for row in rows]}
