"""The ranking pages: the organiser's ranking (raw and calibrated) with the winners' confirmation, the public results,
a team's feedback, the public statistics, and the XLSX of scores and DOCX results report. Private records answer 404
to whoever may not read them (a juror included)."""

from __future__ import annotations

import json
import math
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from smartcluster.challenges import selectors, services
from smartcluster.challenges.exports import ranking as exports
from smartcluster.challenges.forms.ranking import ResultsConfirmForm
from smartcluster.challenges.models import Challenge, Eligibility
from smartcluster.reports.responses import file_response
from smartcluster.site.views import service_result


def _confirm_form(challenge: Challenge, data: Any = None) -> ResultsConfirmForm:
    eligible = [s for s in selectors.ranking_submissions(challenge) if s.eligibility == Eligibility.ELIGIBLE]
    return ResultsConfirmForm(data, submissions=eligible)


def _ranking_page(request: HttpRequest, challenge: Challenge, form: ResultsConfirmForm) -> HttpResponse:
    table = selectors.challenge_ranking(request.user, challenge, calibrated=True)
    return render(request, "challenges/ranking/ranking.html", {
        "challenge": challenge, "table": table, "form": form,
        "confirm_refusal": services.results_may_confirm(challenge)})


@login_required
def ranking(request: HttpRequest, pk: int) -> HttpResponse:
    challenge = selectors.challenge_managed_get(request.user, pk)
    return _ranking_page(request, challenge, _confirm_form(challenge))


@require_POST
@login_required
def results_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirm the winners and publish the results; a refusal shows the ranking page again with its message."""
    challenge = selectors.challenge_managed_get(request.user, pk)
    form = _confirm_form(challenge, request.POST)
    if form.is_valid() and service_result(form, lambda: services.results_confirm(
            user=request.user, challenge=challenge, awards=form.awards())) is not None:
        messages.success(request, _("Results published; the teams were notified."))
        return redirect("challenges:results", challenge.pk)
    return _ranking_page(request, challenge, form)


def results(request: HttpRequest, pk: int) -> HttpResponse:
    """The public results once published (404 before)."""
    return render(request, "challenges/ranking/results.html", selectors.challenge_results_get(pk))


@login_required
def team_feedback(request: HttpRequest, pk: int) -> HttpResponse:
    """The jury's feedback to a team: its members only, once results are published (404 otherwise)."""
    return render(request, "challenges/ranking/feedback.html",
                  {"feedback": selectors.team_feedback_get(request.user, pk)})


def _bar(counts: list[tuple[Any, int]]) -> str:
    """A horizontal bar chart's Plotly figure as JSON (drawn offline by the page)."""
    labels = [str(label) for label, _count in counts]
    step = max(1, math.ceil(max((count for _label, count in counts), default=1) / 8))  # whole submissions only
    return json.dumps({"data": [{"type": "bar", "orientation": "h", "y": labels,
                                 "x": [count for _label, count in counts]}],
                       "layout": {"margin": {"l": 200, "t": 10, "b": 40},
                                  "yaxis": {"autorange": "reversed", "type": "category"},
                                  "xaxis": {"title": {"text": str(_("Submissions"))}, "dtick": step},
                                  "height": 90 + 36 * max(len(labels), 1)}})


def statistics(request: HttpRequest) -> HttpResponse:
    """Public counts of submissions by region, helix, team size, status and eligibility; one challenge on request."""
    challenges = selectors.challenge_statistics_choices()
    chosen = challenges.filter(pk=request.GET.get("challenge")).first() if request.GET.get(
        "challenge", "").isdigit() else None
    counts = selectors.challenge_statistics(challenge=chosen)
    sections = [(_("By region (NUTS of the team's organisation)"), counts["by_region"]),
                (_("By helix"), counts["by_helix"]), (_("By team size (accepted members)"), counts["by_team_size"]),
                (_("By status"), counts["by_status"]), (_("By eligibility"), counts["by_eligibility"])]
    return render(request, "challenges/ranking/statistics.html", {
        "challenges": challenges, "chosen": chosen, "total": counts["total"],
        "sections": [(title, rows, _bar(rows)) for title, rows in sections]})


@login_required
def scores_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    """Every sent score for the jury meeting (the organiser only)."""
    challenge = selectors.challenge_managed_get(request.user, pk)
    table = selectors.challenge_ranking(request.user, challenge, calibrated=True)
    return file_response(exports.scores_xlsx(table), name=f"challenge-{challenge.pk}-scores", extension="xlsx")


def results_docx(request: HttpRequest, pk: int) -> HttpResponse:
    """The results report: the organiser's (with the ranking) at any time, the public one once published."""
    challenge = get_object_or_404(Challenge, pk=pk)
    manages = selectors.challenge_can_manage(request.user, challenge)
    if not manages and selectors.challenge_results(challenge) is None:
        raise Http404(_("The results of this challenge are not published."))
    table = selectors.challenge_ranking(request.user, challenge, calibrated=True) if manages else None
    return file_response(exports.results_docx(challenge, table), name=f"challenge-{challenge.pk}-results",
                         extension="docx")


urlpatterns = [
    path("statistics/", statistics, name="statistics"),
    path("briefs/<int:pk>/ranking/", ranking, name="ranking"),
    path("briefs/<int:pk>/ranking/confirm/", results_confirm, name="results_confirm"),
    path("briefs/<int:pk>/results/", results, name="results"),
    path("briefs/<int:pk>/results.docx", results_docx, name="results_docx"),
    path("briefs/<int:pk>/scores.xlsx", scores_xlsx, name="scores_xlsx"),
    path("teams/<int:pk>/feedback/", team_feedback, name="team_feedback"),
]
