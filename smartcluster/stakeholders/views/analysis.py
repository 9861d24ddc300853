"""Analysis pages: per project, the themes by helix and by partner (heat maps), the quotes per theme and the
cross-partner synthesis report (print view and DOCX). The analysis is read by the project's partners and the
administrators; everyone else gets 404. Views parse input, call selectors, and render."""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, path

from smartcluster.reports.responses import file_response
from smartcluster.stakeholders.exports import analysis as exports
from smartcluster.stakeholders.forms.analysis import AnalysisFilterForm, AnalysisQuoteFilterForm
from smartcluster.stakeholders.selectors import analysis as selectors

QUOTES_PER_THEME_LISTED = 5


def analysis_index(request: HttpRequest) -> HttpResponse:
    """The projects whose interview analysis the user may read (the project's partners and administrators)."""
    rows = [(project, selectors.analysis_top_themes(project=project))
            for project in selectors.analysis_project_list(user=request.user)]
    return render(request, "stakeholders/analysis/index.html", {"rows": rows})


def _filtered(request: HttpRequest, project_id: int, form_class: type[AnalysisFilterForm]) -> dict[str, Any]:
    """The project (404 to outsiders), its filter form bound to the query string and, when valid, the codebook."""
    project = selectors.analysis_project_get(user=request.user, project_id=project_id)
    form = form_class(request.GET, project=project)  # every field is optional: an empty query is valid
    valid = form.is_valid()
    codebook = form.chosen_codebook() if valid else None
    return {"project": project, "form": form, "codebook": codebook, "valid": valid,
            "filters": form.filters() if valid else None, "rule": selectors.analysis_rule()}


def analysis_project(request: HttpRequest, project_id: int) -> HttpResponse:
    """The heat maps of one project: themes by helix and by partner, interviews (and answers) coded with each."""
    context = _filtered(request, project_id, AnalysisFilterForm)
    if context["codebook"] is not None:
        maps = selectors.analysis_heat_maps(project=context["project"], codebook=context["codebook"],
                                            filters=context["filters"])
        context["maps"] = [(key, heat_map, json.dumps(heat_map.figure())) for key, heat_map in maps.items()]
    return render(request, "stakeholders/analysis/project.html", context)


def analysis_quotes(request: HttpRequest, project_id: int) -> HttpResponse:
    """The quotes per theme as the reader may see them (named for the owning partner, else pseudonymised with
    consent only)."""
    context = _filtered(request, project_id, AnalysisQuoteFilterForm)
    if context["codebook"] is not None:
        reader = selectors.analysis_reader(user=request.user)
        chosen = context["form"].cleaned_data.get("theme")
        themes = context["codebook"].themes.filter(**({"pk": chosen} if chosen else {}))
        sections = [(theme, selectors.analysis_quote_list(reader=reader, project=context["project"], theme=theme,
                                                          filters=context["filters"])) for theme in themes]
        # Every theme at once: the first few quotes of each, the theme's own page holds them all.
        limit = None if chosen else QUOTES_PER_THEME_LISTED
        context["sections"] = [(theme, quotes[:limit], len(quotes)) for theme, quotes in sections if quotes or chosen]
    return render(request, "stakeholders/analysis/quotes.html", context)


def _synthesis(request: HttpRequest, project_id: int) -> dict[str, Any]:
    context = _filtered(request, project_id, AnalysisFilterForm)
    if context["codebook"] is not None:
        context["synthesis"] = selectors.analysis_synthesis(project=context["project"], codebook=context["codebook"])
        context["figure"] = json.dumps(context["synthesis"]["maps"]["helix"].figure())
    return context


def analysis_synthesis(request: HttpRequest, project_id: int) -> HttpResponse:
    """The cross-partner synthesis report, laid out for printing."""
    return render(request, "stakeholders/analysis/synthesis.html", _synthesis(request, project_id))


def analysis_synthesis_docx(request: HttpRequest, project_id: int) -> HttpResponse:
    """The cross-partner synthesis report as DOCX (the same content as the print view)."""
    context = _synthesis(request, project_id)
    if "synthesis" not in context:
        return render(request, "stakeholders/analysis/synthesis.html", context, status=400)
    payload = exports.synthesis_docx(project=context["project"], codebook=context["codebook"],
                                     synthesis=context["synthesis"])
    return file_response(payload, name=f"synthesis-{context['project'].acronym}", extension="docx")


urlpatterns: list[URLPattern] = [
    path("analysis/", analysis_index, name="analysis_index"),
    path("analysis/<int:project_id>/", analysis_project, name="analysis_project"),
    path("analysis/<int:project_id>/quotes/", analysis_quotes, name="analysis_quotes"),
    path("analysis/<int:project_id>/synthesis/", analysis_synthesis, name="analysis_synthesis"),
    path("analysis/<int:project_id>/synthesis.docx", analysis_synthesis_docx, name="analysis_synthesis_docx"),
]
