"""Analysis API: the projects whose analysis the caller may read, a project's heat maps (counts only), its quotes
per theme (named for the owning partner, else pseudonymised with consent only: `quote_shown`) and the cross-partner
synthesis. The project's partners and the administrators read them; everyone else gets 404."""

from dataclasses import asdict
from typing import Any

from django.http import HttpRequest, QueryDict
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from smartcluster.accounts.auth import READ_AUTH
from smartcluster.stakeholders.forms.analysis import AnalysisFilterForm, AnalysisQuoteFilterForm
from smartcluster.stakeholders.selectors import analysis as selectors

router = Router()


class StakeholderAnalysisProjectOut(Schema):
    id: int
    acronym: str
    name: str
    partner_count: int
    interview_count: int


class StakeholderAnalysisFilters(Schema):
    codebook: int | None = Field(None, description="Id of a codebook (default: the project's)")
    partner: int | None = Field(None, description="Id of a partner of the project")
    helix: str = Field("", description="business, academia, government or civil_society")
    organisation_type: str = Field("", description="Type of the interviewed organisation, e.g. sme")


class StakeholderAnalysisQuoteFilters(StakeholderAnalysisFilters):
    theme: int | None = Field(None, description="Id of a theme of the codebook (default: every theme)")


class StakeholderAnalysisColumnOut(Schema):
    key: str
    label: str


class StakeholderAnalysisThemeOut(Schema):
    id: int
    code: str
    name: str
    group: str


class StakeholderAnalysisHeatMapOut(Schema):
    title: str
    columns: list[StakeholderAnalysisColumnOut]
    themes: list[StakeholderAnalysisThemeOut]
    interviews: list[list[int]] = Field(..., description="Per theme (row) and column: interviews coded with it")
    answers: list[list[int]] = Field(..., description="Per theme (row) and column: answers coded with it")
    column_interviews: list[int] = Field(..., description="Per column: interviews in the selection")


class StakeholderAnalysisHeatMapsOut(Schema):
    codebook_id: int
    rule: str
    helix: StakeholderAnalysisHeatMapOut
    partner: StakeholderAnalysisHeatMapOut


class StakeholderAnalysisQuoteOut(Schema):
    theme: str = Field(..., description="Code of the theme")
    text: str
    attribution: str = Field(..., description="The organisation's name (own partner) or its type and NUTS 2 region")
    partner: str
    named: bool
    consent_to_quote: bool
    coders: int


class StakeholderAnalysisSynthesisThemeOut(Schema):
    theme: StakeholderAnalysisThemeOut
    interviews: int
    answers: int
    partners: int
    by_partner: list[int]
    by_helix: list[int]
    quotes: list[StakeholderAnalysisQuoteOut]


class StakeholderAnalysisSynthesisGroupOut(Schema):
    group: str
    label: str
    themes: list[StakeholderAnalysisSynthesisThemeOut]


class StakeholderAnalysisSynthesisOut(Schema):
    codebook_id: int
    rule: str
    interviews: int
    partners: list[StakeholderAnalysisColumnOut]
    helices: list[StakeholderAnalysisColumnOut]
    groups: list[StakeholderAnalysisSynthesisGroupOut]


def _form(request: HttpRequest, project_id: int, filters: Schema, form_class: type[AnalysisFilterForm]
          ) -> tuple[Any, AnalysisFilterForm]:
    """The project (404 to outsiders) and the pages' filter form bound to the filters (400 naming the field)."""
    project = selectors.analysis_project_get(user=request.user, project_id=project_id)
    data = QueryDict(mutable=True)
    data.update({key: str(value) for key, value in filters.dict().items() if value not in (None, "")})
    form = form_class(data, project=project)
    if not form.is_valid():
        raise HttpError(400, "; ".join(f"{field}: {message}" for field, messages in form.errors.items()
                                       for message in messages))
    if form.chosen_codebook() is None:
        raise HttpError(400, _("codebook: No codebook yet: there is nothing to count."))
    return project, form


def _theme(theme: Any) -> dict[str, Any]:
    return {"id": theme.pk, "code": theme.code, "name": theme.name, "group": theme.group}


def _columns(columns: list[tuple[str, str]]) -> list[dict[str, str]]:
    return [{"key": key, "label": str(label)} for key, label in columns]


def _heat_map(heat_map: selectors.HeatMap) -> dict[str, Any]:
    return {"title": heat_map.title, "columns": _columns(heat_map.columns),
            "themes": [_theme(theme) for theme in heat_map.themes], "interviews": heat_map.interviews,
            "answers": heat_map.answers, "column_interviews": heat_map.column_interviews}


def _quote(theme: Any, quote: selectors.Quote) -> dict[str, Any]:
    return {**asdict(quote), "theme": theme.code}


@router.get("/analysis/", response=list[StakeholderAnalysisProjectOut], auth=READ_AUTH)
@paginate(page_size=50)
def analysis_project_list(request: HttpRequest) -> Any:
    """The projects whose analysis the caller may read (their partners' members and administrators)."""
    return selectors.analysis_project_list(user=request.user)


@router.get("/analysis/{project_id}", response=StakeholderAnalysisProjectOut, auth=READ_AUTH)
def analysis_project_detail(request: HttpRequest, project_id: int) -> Any:
    return selectors.analysis_project_get(user=request.user, project_id=project_id)


@router.get("/analysis/{project_id}/heat-maps", response=StakeholderAnalysisHeatMapsOut, auth=READ_AUTH)
def analysis_heat_maps(request: HttpRequest, project_id: int, filters: Query[StakeholderAnalysisFilters]) -> Any:
    """Themes by helix and by partner: interviews and answers coded with each theme (counts only)."""
    project, form = _form(request, project_id, filters, AnalysisFilterForm)
    codebook = form.chosen_codebook()
    maps = selectors.analysis_heat_maps(project=project, codebook=codebook, filters=form.filters())
    return {"codebook_id": codebook.pk, "rule": selectors.analysis_rule(),
            **{key: _heat_map(heat_map) for key, heat_map in maps.items()}}


@router.get("/analysis/{project_id}/quotes/", response=list[StakeholderAnalysisQuoteOut], auth=READ_AUTH)
@paginate(page_size=50)
def analysis_quote_list(request: HttpRequest, project_id: int,
                        filters: Query[StakeholderAnalysisQuoteFilters]) -> Any:
    """The quotes per theme as the caller may see them: named for their own partner's interviews, else
    pseudonymised ("SME, EL64") and only with the interviewee's consent."""
    project, form = _form(request, project_id, filters, AnalysisQuoteFilterForm)
    reader = selectors.analysis_reader(user=request.user)
    chosen = form.cleaned_data.get("theme")
    themes = form.chosen_codebook().themes.filter(**({"pk": chosen} if chosen else {}))
    return [_quote(theme, quote) for theme in themes for quote in selectors.analysis_quote_list(
        reader=reader, project=project, theme=theme, filters=form.filters())]


@router.get("/analysis/{project_id}/synthesis", response=StakeholderAnalysisSynthesisOut, auth=READ_AUTH)
def analysis_synthesis(request: HttpRequest, project_id: int, codebook: int | None = None) -> Any:
    """The cross-partner synthesis: per theme group, the themes ranked by interviews, their spread across partners
    and helices, and up to three quotes as every partner may read them (pseudonymised, with consent)."""
    project, form = _form(request, project_id, StakeholderAnalysisFilters(codebook=codebook), AnalysisFilterForm)
    chosen = form.chosen_codebook()
    synthesis = selectors.analysis_synthesis(project=project, codebook=chosen)
    return {"codebook_id": chosen.pk, "rule": selectors.analysis_rule(), "interviews": synthesis["interviews"],
            "partners": _columns(synthesis["partners"]), "helices": _columns(synthesis["helices"]),
            "groups": [{"group": group, "label": str(label), "themes": [
                {"theme": _theme(line.theme), "interviews": line.interviews, "answers": line.answers,
                 "partners": line.partners, "by_partner": line.by_partner, "by_helix": line.by_helix,
                 "quotes": [_quote(line.theme, quote) for quote in line.quotes]} for line in themes]}
                for group, label, themes in synthesis["groups"]]}
