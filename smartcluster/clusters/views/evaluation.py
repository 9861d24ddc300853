"""Pages of the clusters app: evaluation — criteria sets (list, detail, upload, publish, retire), self-evaluations
(start, fill and resume a draft, submit), the review queue and review, publishing, the benchmark with its radar,
and downloads and imports of results and figures."""

from __future__ import annotations

import json
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from smartcluster import evaluation as library
from smartcluster.accounts.permissions import can_change, is_administrator
from smartcluster.clusters.exports import evaluation as downloads
from smartcluster.clusters.forms.evaluation import (
    CriteriaUploadForm,
    EvaluationStartForm,
    FiguresForm,
    FiguresImportForm,
    ReviewForm,
    figure_label,
    figures_initial,
)
from smartcluster.clusters.models import Evaluation, EvaluationStatus, ReviewAction
from smartcluster.clusters.selectors import evaluation as selectors
from smartcluster.clusters.services import evaluation as services
from smartcluster.organisations.selectors import organisation_editable_list
from smartcluster.reports.charts import label_lines
from smartcluster.reports.responses import file_response
from smartcluster.site.views import form_refusal
from smartcluster.sources.imports import ImportRefused

BRAND, PEERS = "#0b4f8a", "#4a5561"
PUBLISHED_PER_PAGE = 50


def _refusal_messages(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


# --- criteria sets -------------------------------------------------------------------------------------------------

def _authority_organisations(user: Any) -> Any:
    return organisation_editable_list(user=user).filter(type__in=services.AUTHORITY_TYPES)


def criteria_list(request: HttpRequest) -> HttpResponse:
    """The criteria sets (drafts to their publishers), and for authorities the upload form."""
    may_upload = is_administrator(request.user) or _authority_organisations(request.user).exists()
    form = CriteriaUploadForm(organisations=_authority_organisations(request.user)) if may_upload else None
    return render(request, "clusters/evaluation/criteria_list.html", {
        "criteria_sets": selectors.criteria_set_list(user=request.user), "form": form})


@login_required
@require_POST
def criteria_upload(request: HttpRequest) -> HttpResponse:
    form = CriteriaUploadForm(request.POST, request.FILES, organisations=_authority_organisations(request.user))
    if form.is_valid():
        try:
            criteria = services.criteria_set_upload(user=request.user, organisation=form.cleaned_data["organisation"],
                                                    text=form.cleaned_data["text"])
        except ValidationError as error:
            for message in error.message_dict.get("source_text", error.messages):
                form.add_error("text", message)
        else:
            messages.success(request, _("Draft saved. Check it, then publish it."))
            return redirect("clusters:criteria_detail", criteria.pk)
    return render(request, "clusters/evaluation/criteria_list.html", {
        "criteria_sets": selectors.criteria_set_list(user=request.user), "form": form}, status=400)


def criteria_detail(request: HttpRequest, pk: int) -> HttpResponse:
    criteria = selectors.criteria_set_get(user=request.user, pk=pk)
    definition = selectors.criteria_set_definition(criteria=criteria)
    may_change = is_administrator(request.user) or (criteria.organisation_id and can_change(request.user, criteria))
    return render(request, "clusters/evaluation/criteria_detail.html", {
        "criteria": criteria, "definition": definition, "may_change": may_change})


@login_required
@require_POST
def criteria_status(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """Publish a draft or retire a published version."""
    criteria = selectors.criteria_set_get(user=request.user, pk=pk)
    change = {"publish": services.criteria_set_publish, "retire": services.criteria_set_retire}.get(action)
    if change is None:
        raise Http404(_("No such change of a criteria set."))
    try:
        change(user=request.user, criteria=criteria)
    except ValidationError as error:
        _refusal_messages(request, error)
    return redirect("clusters:criteria_detail", criteria.pk)


# --- self-evaluations ----------------------------------------------------------------------------------------------

def _home_context(request: HttpRequest, **extra: Any) -> dict[str, Any]:
    profiles = selectors.evaluation_startable_profiles(user=request.user)
    mine = selectors.evaluation_list(user=request.user).filter(profile__in=profiles) if profiles.exists() else []
    published = Paginator(selectors.evaluation_list(user=request.user).filter(is_published=True),
                          PUBLISHED_PER_PAGE).get_page(request.GET.get("page"))
    return {"profiles": profiles, "mine": mine, "published": published,
            "queue_size": selectors.evaluation_review_queue(user=request.user).count(),
            "start_form": EvaluationStartForm(profiles=profiles) if profiles.exists() else None,
            "import_form": FiguresImportForm() if profiles.exists() else None, **extra}


def evaluation_home(request: HttpRequest) -> HttpResponse:
    """Published evaluations for all; one's own clusters' evaluations, the start form and the import for managers."""
    return render(request, "clusters/evaluation/home.html", _home_context(request))


@login_required
@require_POST
def evaluation_start(request: HttpRequest) -> HttpResponse:
    profiles = selectors.evaluation_startable_profiles(user=request.user)
    form = EvaluationStartForm(request.POST, profiles=profiles)
    if form.is_valid():
        try:
            evaluation = services.evaluation_start(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            form_refusal(form, error)
        else:
            messages.success(request, _("Evaluation started: the figures the registry holds are filled in."))
            return redirect("clusters:evaluation_detail", evaluation.pk)
    return render(request, "clusters/evaluation/home.html", _home_context(request, start_form=form), status=400)


def _progress(definition: library.CriteriaSet, values: Any) -> float:
    """Share of the figures filled in the form as shown (saved, pre-filled or just typed)."""
    names = library.criteria_inputs(definition)
    return library.evaluation_progress(definition, {name: services.figure_value(values.get(name))
                                                    for name in names})


def _shown(figures: dict[str, Any]) -> dict[str, str]:
    """What the registry holds, as the hints beside the fields show it."""
    return {name: selectors.figure_display(value) for name, value in figures.items()}


def _score_rows(definition: library.CriteriaSet, result: library.EvaluationResult | None) -> list[dict[str, Any]]:
    """The stored score per indicator in words (the title of the stored version, value, bound, outcome)."""
    if result is None:
        return []
    return [{"title": definition.indicator(score.key).title, "value": selectors.figure_display(score.value),
             "bound": "" if score.bound is None else selectors.figure_display(score.bound),
             "status": selectors.SCORE_STATUS[score.status], "points": selectors.figure_display(score.points),
             "weight": selectors.figure_display(score.weight)} for score in result.indicators]


def evaluation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The evaluation: its form while its cluster's editors may still change it (POST saves or submits), else its
    figures, result and review trail; the review form for the region's reviewers."""
    evaluation = selectors.evaluation_get(user=request.user, pk=pk)
    definition = selectors.criteria_set_definition(criteria=evaluation.criteria)
    result = selectors.evaluation_result(evaluation=evaluation)
    editable = evaluation.status in services.EDITABLE and can_change(request.user, evaluation.profile)
    prefill = selectors.evaluation_prefill(profile=evaluation.profile, criteria=evaluation.criteria,
                                           data_year=evaluation.data_year) if editable else {}
    context: dict[str, Any] = {"evaluation": evaluation, "definition": definition, "editable": editable,
                               "reviews": evaluation.reviews.select_related("author") if
                               selectors.evaluation_trail_visible(user=request.user, evaluation=evaluation) else [],
                               "result": result, "score_rows": _score_rows(definition, result),
                               "changes_asked": evaluation.reviews.filter(action=ReviewAction.ASK_CHANGES).last()
                               if evaluation.status == EvaluationStatus.CHANGES_REQUESTED and editable else None,
                               "may_review": evaluation.status == EvaluationStatus.SUBMITTED
                               and selectors.evaluation_may_review(user=request.user, evaluation=evaluation),
                               "may_publish": evaluation.status == EvaluationStatus.ACCEPTED
                               and can_change(request.user, evaluation.profile)}
    if context["may_review"]:
        context["review_form"] = ReviewForm()
    if request.method == "POST":
        if not editable:
            raise PermissionDenied(_("This evaluation can no longer be changed by you."))
        return _evaluation_save(request, evaluation, definition, prefill, context)
    if editable:
        initial = figures_initial(evaluation.inputs, prefill)
        context |= {"form": FiguresForm(criteria=definition, initial=initial), "prefill": _shown(prefill),
                    "progress": _progress(definition, initial)}
    else:
        context["figures"] = [(figure_label(definition, name), selectors.figure_display(evaluation.inputs.get(name)))
                              for name in library.criteria_inputs(definition)]
    return render(request, "clusters/evaluation/detail.html", context)


def _evaluation_save(request: HttpRequest, evaluation: Evaluation, definition: library.CriteriaSet,
                     prefill: dict[str, Any], context: dict[str, Any]) -> HttpResponse:
    form = FiguresForm(request.POST, criteria=definition)
    submit = request.POST.get("action") == "submit"
    if form.is_valid():
        try:
            services.evaluation_draft_save(user=request.user, evaluation=evaluation, inputs=form.figures())
            if submit:
                services.evaluation_submit(user=request.user, evaluation=evaluation)
        except ValidationError as error:
            form_refusal(form, error)
        else:
            if submit:
                messages.success(request, _("Submitted: a reviewer of your region will read it."))
            else:
                messages.success(request, _("Draft saved. You can come back and finish it later."))
            return redirect("clusters:evaluation_detail", evaluation.pk)
    context |= {"form": form, "prefill": _shown(prefill), "progress": _progress(definition, form.data)}
    return render(request, "clusters/evaluation/detail.html", context, status=400)


@login_required
@require_POST
def evaluation_review(request: HttpRequest, pk: int) -> HttpResponse:
    evaluation = selectors.evaluation_get(user=request.user, pk=pk)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        for problems in form.errors.values():
            for problem in problems:
                messages.error(request, problem)
        return redirect("clusters:evaluation_detail", evaluation.pk)
    try:
        services.evaluation_review(user=request.user, evaluation=evaluation, **form.cleaned_data)
    except ValidationError as error:
        _refusal_messages(request, error)
        return redirect("clusters:evaluation_detail", evaluation.pk)
    messages.success(request, _("Review recorded; the cluster's managers were told."))
    return redirect("clusters:evaluation_review_queue")


@login_required
@require_POST
def evaluation_publish(request: HttpRequest, pk: int) -> HttpResponse:
    """Publish (or, with publish=0, withdraw) an accepted evaluation."""
    evaluation = selectors.evaluation_get(user=request.user, pk=pk)
    change = services.evaluation_unpublish if request.POST.get("publish") == "0" else services.evaluation_publish
    try:
        change(user=request.user, evaluation=evaluation)
    except ValidationError as error:
        _refusal_messages(request, error)
    return redirect("clusters:evaluation_detail", evaluation.pk)


@login_required
def evaluation_review_queue(request: HttpRequest) -> HttpResponse:
    return render(request, "clusters/evaluation/review_queue.html", {
        "queue": selectors.evaluation_review_queue(user=request.user)})


# --- benchmark -----------------------------------------------------------------------------------------------------

def radar_figure(view: selectors.BenchmarkView, cluster: str) -> dict[str, Any]:
    """Plotly radar of the cluster's percentile positions against the peer group's median (50 on every axis)."""
    lines = [line for line in view.lines if line.position is not None]
    theta = [label_lines(line.title, 14) for line in lines]
    closed = [*theta, theta[0]] if theta else []
    positions = [round(line.position, 1) for line in lines]
    return {"data": [
        {"type": "scatterpolar", "r": [*positions, positions[0]] if positions else [], "theta": closed,
         "name": cluster, "fill": "toself", "line": {"color": BRAND}},
        {"type": "scatterpolar", "r": [50] * len(closed), "theta": closed, "name": _("Peer group median"),
         "line": {"color": PEERS, "dash": "dash"}}],
        "layout": {"polar": {"radialaxis": {"range": [0, 100], "dtick": 25},
                             "angularaxis": {"rotation": 90, "direction": "clockwise"}},
                   "font": {"size": 11}, "legend": {"orientation": "h"}, "height": 520,
                   "margin": {"l": 80, "r": 80, "t": 40, "b": 40}}}


def _benchmarked(request: HttpRequest, pk: int) -> tuple[Evaluation, str, selectors.BenchmarkView]:
    evaluation = selectors.evaluation_get(user=request.user, pk=pk)
    if evaluation.status != EvaluationStatus.ACCEPTED:
        raise Http404(_("Only an accepted evaluation is benchmarked."))
    scope = request.GET.get("scope") or selectors.BenchmarkScope.REGION
    if scope not in selectors.BenchmarkScope.values:
        scope = selectors.BenchmarkScope.REGION
    return evaluation, scope, selectors.evaluation_benchmark(evaluation=evaluation, scope=scope)


def evaluation_benchmark(request: HttpRequest, pk: int) -> HttpResponse:
    """One accepted evaluation against its region, country, the partnership or all (groups under 5 not shown)."""
    evaluation, scope, view = _benchmarked(request, pk)
    return render(request, "clusters/evaluation/benchmark.html", {
        "evaluation": evaluation, "view": view, "scope": scope, "scopes": selectors.BenchmarkScope.choices,
        "figure": json.dumps(radar_figure(view, str(evaluation.profile))) if view.shown else None})


# --- downloads and imports -----------------------------------------------------------------------------------------

def evaluation_docx(request: HttpRequest, pk: int) -> HttpResponse:
    evaluation = selectors.evaluation_get(user=request.user, pk=pk)
    view = None
    if evaluation.status == EvaluationStatus.ACCEPTED:
        _evaluation, _scope, view = _benchmarked(request, pk)
    return file_response(downloads.evaluation_docx(evaluation, view),
                         name=f"evaluation-{evaluation.profile}-{evaluation.data_year}", extension="docx")


def evaluation_results_download(request: HttpRequest, extension: str) -> HttpResponse:
    """Results per indicator of the accepted evaluations the user may read (one cluster with ?profile=)."""
    evaluations = selectors.evaluation_list(user=request.user, status=EvaluationStatus.ACCEPTED)
    if request.GET.get("profile", "").isdigit():
        evaluations = evaluations.filter(profile_id=int(request.GET["profile"]))
    writer = downloads.results_xlsx if extension == "xlsx" else downloads.results_csv
    return file_response(writer(evaluations), name="cluster-evaluation-results", extension=extension)


@login_required
def evaluation_figures_download(request: HttpRequest, extension: str) -> HttpResponse:
    """The figures of the user's own clusters' evaluations (the template of the figures import)."""
    profiles = selectors.evaluation_startable_profiles(user=request.user)
    evaluations = selectors.evaluation_list(user=request.user).filter(profile__in=profiles)
    writer = downloads.figures_xlsx if extension == "xlsx" else downloads.figures_csv
    return file_response(writer(evaluations), name="cluster-evaluation-figures", extension=extension)


@login_required
@require_POST
def evaluation_figures_import(request: HttpRequest) -> HttpResponse:
    form = FiguresImportForm(request.POST, request.FILES)
    problems = []
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            count = services.evaluation_figures_import(user=request.user, payload=upload.read(),
                                                       filename=upload.name)
        except ImportRefused as refused:
            problems = refused.problems
        else:
            messages.success(request, _("%(count)s figures imported into your drafts.") % {"count": count})
            return redirect("clusters:evaluation_home")
    return render(request, "clusters/evaluation/home.html", _home_context(
        request, import_form=form, import_problems=problems), status=400)


urlpatterns: list[URLPattern] = [
    path("criteria/", criteria_list, name="criteria_list"),
    path("criteria/upload/", criteria_upload, name="criteria_upload"),
    path("criteria/<int:pk>/", criteria_detail, name="criteria_detail"),
    path("criteria/<int:pk>/<str:action>/", criteria_status, name="criteria_status"),
    path("evaluations/", evaluation_home, name="evaluation_home"),
    path("evaluations/start/", evaluation_start, name="evaluation_start"),
    path("evaluations/review/", evaluation_review_queue, name="evaluation_review_queue"),
    path("evaluations/results.xlsx", evaluation_results_download, {"extension": "xlsx"},
         name="evaluation_results_xlsx"),
    path("evaluations/results.csv", evaluation_results_download, {"extension": "csv"}, name="evaluation_results_csv"),
    path("evaluations/figures.xlsx", evaluation_figures_download, {"extension": "xlsx"},
         name="evaluation_figures_xlsx"),
    path("evaluations/figures.csv", evaluation_figures_download, {"extension": "csv"}, name="evaluation_figures_csv"),
    path("evaluations/figures/import/", evaluation_figures_import, name="evaluation_figures_import"),
    path("evaluations/<int:pk>/", evaluation_detail, name="evaluation_detail"),
    path("evaluations/<int:pk>/review/", evaluation_review, name="evaluation_review"),
    path("evaluations/<int:pk>/publish/", evaluation_publish, name="evaluation_publish"),
    path("evaluations/<int:pk>/benchmark/", evaluation_benchmark, name="evaluation_benchmark"),
    path("evaluations/<int:pk>/report.docx", evaluation_docx, name="evaluation_docx"),
]
