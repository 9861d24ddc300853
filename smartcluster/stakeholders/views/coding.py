"""Coding pages: the interviews to code, one interview's coding page (themes, suggestions to accept), the
codebooks (list, detail, CSV and REFI-QDA downloads, import of a new version) and the agreement between two
coders. Views parse input, call one service or selector, and render."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from smartcluster.accounts.permissions import is_administrator
from smartcluster.reports.responses import file_response
from smartcluster.site.views import form_refusal
from smartcluster.stakeholders.choices import ThemeGroup
from smartcluster.stakeholders.exports.coding import codebook_csv, codebook_qdc
from smartcluster.stakeholders.forms import coding as forms
from smartcluster.stakeholders.models import Answer
from smartcluster.stakeholders.selectors import coding as selectors
from smartcluster.stakeholders.services import coding as services


@login_required
def coding_index(request: HttpRequest) -> HttpResponse:
    """The interviews the user may code, coded by them or not."""
    interviews = selectors.coding_interview_list(user=request.user)
    return render(request, "stakeholders/coding/index.html", {"interviews": interviews})


def _grouped_themes(codebook: Any) -> list[tuple[str, list[Any]]]:
    """The codebook's themes under their group's label, in the codebook's order."""
    themes = list(codebook.themes.all())
    return [(label, [theme for theme in themes if theme.group == value]) for value, label in ThemeGroup.choices
            if any(theme.group == value for theme in themes)]


@login_required
def interview_code(request: HttpRequest, pk: int) -> HttpResponse:
    """Every answer of an interview with the themes to tick and the suggestions to accept."""
    interview = selectors.coding_interview_get(user=request.user, pk=pk)
    rows = selectors.interview_answers_to_code(user=request.user, interview=interview)
    groups = _grouped_themes(interview.guide.codebook)
    return render(request, "stakeholders/coding/interview_code.html",
                  {"interview": interview, "rows": rows, "groups": groups})


def _answered(request: HttpRequest, answer: Answer, refusal: str = "") -> HttpResponse:
    """htmx gets the answer's block back; a plain form post goes back to the coding page at the answer."""
    if request.htmx:
        row = selectors.answer_to_code(user=request.user, answer=answer)
        return render(request, "stakeholders/coding/_answer.html",
                      {"row": row, "groups": _grouped_themes(answer.interview.guide.codebook), "refusal": refusal},
                      status=400 if refusal else 200)
    if refusal:
        messages.error(request, refusal)
    url = reverse("stakeholders:interview_code", args=[answer.interview_id])
    return redirect(f"{url}#answer-{answer.pk}")


@require_POST
@login_required
def answer_code(request: HttpRequest, pk: int) -> HttpResponse:
    """Save the user's coding of one answer (the ticked themes; none is a coding too)."""
    answer = selectors.answer_to_code_get(user=request.user, pk=pk)
    form = forms.AnswerCodingForm(request.POST, codebook=answer.interview.guide.codebook)
    if not form.is_valid():
        return _answered(request, answer, " ".join(form.errors.get("themes", [])))
    try:
        services.answer_coding_save(user=request.user, answer=answer, themes=form.cleaned_data["themes"])
    except ValidationError as error:
        return _answered(request, answer, " ".join(error.messages))
    if not request.htmx:
        messages.success(request, _("Coding saved."))
    return _answered(request, answer)


@require_POST
@login_required
def answer_suggestion_accept(request: HttpRequest, pk: int) -> HttpResponse:
    """Accept one suggested theme for an answer: only now is it stored, with its score."""
    answer = selectors.answer_to_code_get(user=request.user, pk=pk)
    form = forms.SuggestionAcceptForm(request.POST)
    if not form.is_valid():
        return _answered(request, answer, _("Choose a suggested theme."))
    try:
        services.answer_coding_suggestion_accept(user=request.user, answer=answer, theme=form.cleaned_data["theme"])
    except ValidationError as error:
        return _answered(request, answer, " ".join(error.messages))
    return _answered(request, answer)


# --- agreement -----------------------------------------------------------------------------------------------------

@login_required
def coding_agreement(request: HttpRequest) -> HttpResponse:
    """Cohen's κ and % agreement of two coders, per code and overall, on the units both coded."""
    partners = selectors.coding_partner_list(user=request.user)
    if not partners:
        raise Http404(_("No interviews that you may code."))
    coders = list(selectors.coding_coder_list(user=request.user))
    form = forms.AgreementForm(request.GET or None, partners=partners, coders=coders)
    result = themes = None
    if form.is_valid():
        data = form.cleaned_data
        partner = next(partner for partner in partners if partner.pk == data["partner"])
        by_pk = {coder.pk: coder for coder in coders}
        result = selectors.coding_agreement_get(user=request.user, partner=partner, codebook=data["codebook"],
                                                first=by_pk[data["first"]], second=by_pk[data["second"]])
        names = {theme.code: theme.name for theme in data["codebook"].themes.all()}
        themes = [(code, names[code], agreement) for code, agreement in result.per_code.items()]
    return render(request, "stakeholders/coding/agreement.html",
                  {"form": form, "result": result, "themes": themes}, status=400 if form.errors else 200)


# --- codebooks -----------------------------------------------------------------------------------------------------

def codebook_list(request: HttpRequest) -> HttpResponse:
    """Every codebook version (public)."""
    return render(request, "stakeholders/coding/codebook_list.html",
                  {"codebooks": selectors.codebook_list(), "may_import": is_administrator(request.user)})


def codebook_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A codebook version's themes by group."""
    codebook = selectors.codebook_get(pk=pk)
    return render(request, "stakeholders/coding/codebook_detail.html",
                  {"codebook": codebook, "groups": _grouped_themes(codebook),
                   "may_import": is_administrator(request.user)})


def codebook_csv_download(request: HttpRequest, pk: int) -> HttpResponse:
    codebook = selectors.codebook_get(pk=pk)
    return file_response(codebook_csv(codebook=codebook), name=f"{codebook.name}-v{codebook.version}",
                         extension="csv")


def codebook_qdc_download(request: HttpRequest, pk: int) -> HttpResponse:
    codebook = selectors.codebook_get(pk=pk)
    return file_response(codebook_qdc(codebook=codebook), name=f"{codebook.name}-v{codebook.version}",
                         extension="qdc")


@login_required
def codebook_import(request: HttpRequest, pk: int) -> HttpResponse:
    """Import a CSV or .qdc file as the codebook's next version (administrators)."""
    codebook = selectors.codebook_get(pk=pk)
    if not is_administrator(request.user):
        raise PermissionDenied(_("Only administrators may import a codebook."))
    form = forms.CodebookImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            imported = services.codebook_import(user=request.user, codebook=codebook, content=upload.read(),
                                                filename=upload.name)
        except ValidationError as error:
            form_refusal(form, error)
        else:
            messages.success(request, _("Imported as %(codebook)s.") % {"codebook": imported})
            return redirect("stakeholders:codebook_detail", pk=imported.pk)
    return render(request, "stakeholders/coding/codebook_import.html", {"codebook": codebook, "form": form},
                  status=400 if form.errors else 200)


urlpatterns: list[URLPattern] = [
    path("coding/", coding_index, name="coding_index"),
    path("coding/interviews/<int:pk>/", interview_code, name="interview_code"),
    path("coding/answers/<int:pk>/", answer_code, name="answer_code"),
    path("coding/answers/<int:pk>/accept/", answer_suggestion_accept, name="answer_suggestion_accept"),
    path("coding/agreement/", coding_agreement, name="coding_agreement"),
    path("coding/codebooks/", codebook_list, name="codebook_list"),
    path("coding/codebooks/<int:pk>/", codebook_detail, name="codebook_detail"),
    path("coding/codebooks/<int:pk>/codebook.csv", codebook_csv_download, name="codebook_csv"),
    path("coding/codebooks/<int:pk>/codebook.qdc", codebook_qdc_download, name="codebook_qdc"),
    path("coding/codebooks/<int:pk>/import/", codebook_import, name="codebook_import"),
]
