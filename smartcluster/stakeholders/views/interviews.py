"""Interviews pages: the partners whose interviews the reader may read with their quota, the guides (versioned),
a partner's interviews, one interview with its answers, create/edit/delete, the project quota and the export.
Views parse input, call one service or selector, and render."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from smartcluster.accounts.permissions import is_administrator
from smartcluster.reports.responses import file_response
from smartcluster.site.views import service_result
from smartcluster.stakeholders import selectors, services
from smartcluster.stakeholders.exports.interviews import interviews_xlsx
from smartcluster.stakeholders.forms import interviews as forms
from smartcluster.stakeholders.models import Interview, InterviewGuide


def interview_index(request: HttpRequest) -> HttpResponse:
    """The partners whose interviews the reader may read, each with its quota status."""
    partners = list(selectors.interview_partner_list(user=request.user))
    quota = selectors.interview_quota(partners=partners)
    rows = [{"partner": partner, "quota": quota[partner.pk]} for partner in partners]
    return render(request, "stakeholders/interviews/index.html", {
        "rows": rows, "groups": selectors.QUOTA_GROUPS,
        "projects": selectors.interview_quota_projects(user=request.user)})


def interview_quota(request: HttpRequest, project_id: int) -> HttpResponse:
    """Every partner's quota in a project: counts only, for the project's partners."""
    project, rows = selectors.interview_quota_project(user=request.user, project_id=project_id)
    return render(request, "stakeholders/interviews/quota.html",
                  {"project": project, "rows": rows, "groups": selectors.QUOTA_GROUPS})


# --- guides -------------------------------------------------------------------------------------------------------

def guide_list(request: HttpRequest) -> HttpResponse:
    return render(request, "stakeholders/interviews/guide_list.html", {
        "guides": selectors.guide_list(), "can_change": is_administrator(request.user)})


def _guide_page(request: HttpRequest, guide: InterviewGuide, **extra: Any) -> HttpResponse:
    status = extra.pop("status", 200)
    return render(request, "stakeholders/interviews/guide_detail.html", {
        "guide": guide, "can_change": is_administrator(request.user), **extra}, status=status)


def guide_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A guide version: its questions with the themes each probes, and the codebook it uses."""
    return _guide_page(request, selectors.guide_get(guide_id=pk))


def _refused_on_guide(request: HttpRequest, guide: InterviewGuide, error: ValidationError) -> HttpResponse:
    return _guide_page(request, guide, refusal="; ".join(error.messages), status=400)


@require_POST
@login_required
def guide_new_version(request: HttpRequest, pk: int) -> HttpResponse:
    """A copy of the guide as its next version, to edit (administrators)."""
    guide = selectors.guide_get(guide_id=pk)
    try:
        copy = services.guide_new_version(user=request.user, guide=guide)
    except ValidationError as error:
        return _refused_on_guide(request, guide, error)
    messages.success(request, _("Version %(version)s created: edit its questions.") % {"version": copy.version})
    return redirect("stakeholders:interview_guide_detail", copy.pk)


@login_required
def guide_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """A guide's introduction (administrators; refused once an interview uses the version)."""
    guide = selectors.guide_get(guide_id=pk)
    if not is_administrator(request.user):
        raise PermissionDenied
    form = forms.GuideIntroductionForm(request.POST or None, initial={"introduction": guide.introduction})
    if request.method == "POST" and form.is_valid() and service_result(form, lambda: services.guide_update(
            user=request.user, guide=guide, introduction=form.cleaned_data["introduction"])):
        messages.success(request, _("Guide saved."))
        return redirect("stakeholders:interview_guide_detail", guide.pk)
    return render(request, "stakeholders/interviews/guide_form.html", {"guide": guide, "form": form},
                  status=400 if form.errors else 200)


@login_required
def guide_question_add(request: HttpRequest, pk: int) -> HttpResponse:
    guide = selectors.guide_get(guide_id=pk)
    return _question_form(request, guide, None)


@login_required
def guide_question_edit(request: HttpRequest, pk: int) -> HttpResponse:
    question = selectors.guide_question_get(question_id=pk)
    return _question_form(request, question.guide, question)


def _question_form(request: HttpRequest, guide: InterviewGuide, question: Any) -> HttpResponse:
    """Add or change a question and its themes (administrators; refused once an interview uses the guide)."""
    if not is_administrator(request.user):
        raise PermissionDenied
    initial = {} if question is None else {"number": question.number, "text": question.text,
                                           "themes": list(question.themes.all())}
    form = forms.GuideQuestionForm(request.POST or None, initial=initial,
                                   themes=selectors.guide_theme_list(guide=guide))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        arguments = {"user": request.user, "text": data["text"], "themes": data["themes"], "number": data["number"]}
        if service_result(form, lambda: services.guide_question_add(guide=guide, **arguments) if question is None
                 else services.guide_question_update(question=question, **arguments)):
            messages.success(request, _("Question saved."))
            return redirect("stakeholders:interview_guide_detail", guide.pk)
    return render(request, "stakeholders/interviews/guide_question_form.html",
                  {"guide": guide, "question": question, "form": form}, status=400 if form.errors else 200)


@require_POST
@login_required
def guide_question_delete(request: HttpRequest, pk: int) -> HttpResponse:
    question = selectors.guide_question_get(question_id=pk)
    guide = selectors.guide_get(guide_id=question.guide_id)
    try:
        services.guide_question_delete(user=request.user, question=question)
    except ValidationError as error:
        return _refused_on_guide(request, guide, error)
    messages.success(request, _("Question removed."))
    return redirect("stakeholders:interview_guide_detail", guide.pk)


# --- interviews ---------------------------------------------------------------------------------------------------

def interview_list(request: HttpRequest, partner_id: int) -> HttpResponse:
    """A partner's interviews (its members and administrators only: 404 for everybody else)."""
    partner = selectors.interview_partner_get(user=request.user, partner_id=partner_id)
    quota = selectors.interview_quota(partners=[partner])[partner.pk]
    return render(request, "stakeholders/interviews/list.html", {
        "partner": partner, "interviews": selectors.interview_list(user=request.user, partner=partner),
        "quota": quota, "can_create": selectors.interview_partner_can_create(user=request.user, partner=partner),
        "guides": selectors.guide_list()})


def interview_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """An interview with every question of its guide, the themes each probes and the answer."""
    interview = selectors.interview_get(user=request.user, interview_id=pk)
    return render(request, "stakeholders/interviews/detail.html", {
        "interview": interview, "rows": selectors.interview_answer_rows(interview=interview),
        "can_change": selectors.interview_partner_can_create(user=request.user, partner=interview.partner)})


def _guide_chosen(request: HttpRequest) -> InterviewGuide:
    """The guide named by `?guide=` (or posted), else the default one."""
    chosen = request.POST.get("guide") or request.GET.get("guide")
    if chosen and chosen.isdigit():
        return selectors.guide_get(guide_id=int(chosen))
    return selectors.guide_default_get()


def _interview_form(request: HttpRequest, partner: Any, guide: InterviewGuide, interview: Interview | None,
                    initial: dict[str, Any]) -> forms.InterviewForm:
    questions = selectors.interview_answer_rows(interview=interview) if interview else [
        {"question": question, "themes": list(question.themes.all())} for question in guide.questions.all()]
    return forms.InterviewForm(request.POST or None, initial=initial, questions=questions,
                               choices=selectors.interview_choices(user=request.user, partner=partner))


@login_required
def interview_create(request: HttpRequest, partner_id: int) -> HttpResponse:
    """Record an interview with its answers on one page (the partner's editors and administrators)."""
    partner = selectors.interview_partner_get(user=request.user, partner_id=partner_id)
    if not selectors.interview_partner_can_create(user=request.user, partner=partner):
        raise PermissionDenied
    guide = _guide_chosen(request)
    form = _interview_form(request, partner, guide, None, {})
    if request.method == "POST" and form.is_valid():
        interview = service_result(form, lambda: services.interview_create(
            user=request.user, partner=partner, guide=guide, **form.service_arguments()))
        if interview:
            messages.success(request, _("Interview recorded."))
            return redirect("stakeholders:interview_detail", interview.pk)
    return render(request, "stakeholders/interviews/form.html", {
        "partner": partner, "guide": guide, "form": form, "guides": selectors.guide_list()},
        status=400 if form.errors else 200)


@login_required
def interview_edit(request: HttpRequest, pk: int) -> HttpResponse:
    interview = selectors.interview_editable(user=request.user, interview_id=pk)
    answers = selectors.interview_answer_texts(interview=interview)
    initial = {"organisation": interview.organisation_id, "person": interview.person_id,
               "interviewer": interview.interviewer_id, "held_on": interview.held_on, "mode": interview.mode,
               "consent_to_record": interview.consent_to_record, "consent_to_quote": interview.consent_to_quote,
               **{f"answer_{number}": text for number, text in answers.items()}}
    form = _interview_form(request, interview.partner, interview.guide, interview, initial)
    if request.method == "POST" and form.is_valid() and service_result(form, lambda: services.interview_update(
            user=request.user, interview=interview, **form.service_arguments())):
        messages.success(request, _("Interview saved."))
        return redirect("stakeholders:interview_detail", interview.pk)
    return render(request, "stakeholders/interviews/form.html", {
        "partner": interview.partner, "guide": interview.guide, "interview": interview, "form": form},
        status=400 if form.errors else 200)


@require_POST
@login_required
def interview_delete(request: HttpRequest, pk: int) -> HttpResponse:
    interview = selectors.interview_editable(user=request.user, interview_id=pk)
    partner_id = interview.partner_id
    services.interview_delete(user=request.user, interview=interview)
    messages.success(request, _("Interview deleted."))
    return redirect("stakeholders:interview_list", partner_id)


def interview_xlsx(request: HttpRequest, partner_id: int) -> HttpResponse:
    """A partner's interviews with their answers and its quota (its members and administrators only)."""
    partner = selectors.interview_partner_get(user=request.user, partner_id=partner_id)
    interviews = selectors.interview_list(user=request.user, partner=partner)
    payload = interviews_xlsx(interviews=interviews, quota=selectors.interview_quota(partners=[partner])[partner.pk])
    return file_response(payload, name=f"interviews-{partner.project.acronym}-{partner.organisation.name}",
                         extension="xlsx")


urlpatterns: list[URLPattern] = [
    path("interviews/", interview_index, name="interview_index"),
    path("interviews/quota/<int:project_id>/", interview_quota, name="interview_quota"),
    path("interviews/guides/", guide_list, name="interview_guide_list"),
    path("interviews/guides/<int:pk>/", guide_detail, name="interview_guide_detail"),
    path("interviews/guides/<int:pk>/new-version/", guide_new_version, name="interview_guide_new_version"),
    path("interviews/guides/<int:pk>/edit/", guide_edit, name="interview_guide_edit"),
    path("interviews/guides/<int:pk>/questions/new/", guide_question_add, name="interview_guide_question_add"),
    path("interviews/guides/questions/<int:pk>/edit/", guide_question_edit, name="interview_guide_question_edit"),
    path("interviews/guides/questions/<int:pk>/delete/", guide_question_delete,
         name="interview_guide_question_delete"),
    path("interviews/partners/<int:partner_id>/", interview_list, name="interview_list"),
    path("interviews/partners/<int:partner_id>/new/", interview_create, name="interview_create"),
    path("interviews/partners/<int:partner_id>/interviews.xlsx", interview_xlsx, name="interview_xlsx"),
    path("interviews/<int:pk>/", interview_detail, name="interview_detail"),
    path("interviews/<int:pk>/edit/", interview_edit, name="interview_edit"),
    path("interviews/<int:pk>/delete/", interview_delete, name="interview_delete"),
]
