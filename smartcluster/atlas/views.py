"""Atlas pages: landing, region profile (+ report, DOCX), category map, comparison, related industries, data
status with the import wizard, the region focus form, and the boundaries GeoJSON the maps load."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import wraps

import pandas as pd
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from smartcluster.accounts.permissions import can_create_for, is_administrator
from smartcluster.atlas import cache, charts, selectors, services
from smartcluster.atlas.exports import report_docx, table_response
from smartcluster.atlas.forms import EurostatImportForm, FileImportForm, FocusForm
from smartcluster.atlas.tables import COLUMNS, MEASURE_LABELS, TAXONOMY_LABELS, table_view
from smartcluster.industries.selectors import industry_names
from smartcluster.mapping.taxonomies import translated_taxonomy_rule
from smartcluster.organisations.selectors import partner_region_codes
from smartcluster.regions.selectors import region_names, region_state_stamp
from smartcluster.reports.responses import file_response
from smartcluster.site.views import hide_server_paths

MAX_COMPARED = 8
MAP_MEASURES = ("lq", "employment", "stars")
STRONGEST_PAIRS = 15


def atlas_page(view):  # noqa: ANN001, ANN201 - a view decorator
    """Turn AtlasNotFound into a 404 page listing what exists, and a missing dataset into a page saying so."""
    @wraps(view)
    def wrapper(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except selectors.AtlasNotFound as error:
            return render(request, "atlas/not_found.html", {"message": hide_server_paths(error.message),
                                                            "available": error.available},
                          status=404)
        except selectors.AtlasUnavailable as error:
            return render(request, "atlas/unavailable.html", _unavailable(request, error), status=503)
    return wrapper


def _unavailable(request: HttpRequest, error: selectors.AtlasUnavailable) -> dict:
    """What a page says when the store lacks its data: what is missing, and the import link for administrators."""
    return {"message": hide_server_paths(str(error)), "may_import": is_administrator(request.user)}


def _dataset(request: HttpRequest) -> selectors.MappableDataset:
    """The dataset the query names (`dataset=`), else the default one."""
    return selectors.dataset_chosen(name=request.GET.get("dataset", "").strip())


def _selection(request: HttpRequest) -> tuple[selectors.Params, selectors.Result, int]:
    """Parameters, engine result and checked year from the query string."""
    params = selectors.atlas_params(dataset=_dataset(request),
                                    taxonomy=request.GET.get("taxonomy", "cluster_categories"),
                                    reference=request.GET.get("reference", "all"))
    result = selectors.atlas_result_get(params=params)
    raw_year = request.GET.get("year", "").strip()
    if raw_year and not raw_year.isdigit():
        raise selectors.AtlasNotFound(_("%(year)s is not a year.") % {"year": raw_year},
                                      [str(y) for y in result.years])
    year = selectors.year_checked(result=result, year=int(raw_year) if raw_year else None)
    return params, result, year


def _download(request: HttpRequest, tables: dict[str, tuple[str, pd.DataFrame]]) -> HttpResponse:
    """The table the query names as a file (`download=<table>&format=csv|xlsx`)."""
    name = request.GET["download"]
    if name not in tables:
        raise selectors.AtlasNotFound(_("There is no table %(name)s on this page.") % {"name": name}, list(tables))
    return table_response(tables[name][1], name=name, fmt=request.GET.get("format", "csv"))


def _common(request: HttpRequest, params: selectors.Params, result: selectors.Result, year: int) -> dict:
    """What every page shows around its figures: the choices (dataset, year, taxonomy, reference), the dataset's
    vintage and the NUTS basis."""
    dataset = selectors.dataset_chosen(name=params.dataset)
    return {"params": params, "result": result, "year": year, "years": result.years,
            "taxonomies": [(name, TAXONOMY_LABELS[name]) for name in dataset.taxonomies],
            "taxonomy_name": TAXONOMY_LABELS[params.taxonomy],
            "datasets": selectors.datasets_offered(), "vintage": selectors.dataset_vintage(dataset=dataset),
            "is_sbs": (selectors.eurostat_code(dataset=dataset) or "").startswith("sbs_"),
            "nuts_version": result.nuts_version, "left_out": _labels(result.left_out.get(year, []), result),
            "query": request.GET.urlencode(), "dataset_query": urlencode({"dataset": params.dataset}),
            "region_query": urlencode({"year": year, "dataset": params.dataset, "taxonomy": params.taxonomy,
                                       "reference": params.reference})}


@atlas_page
def home(request: HttpRequest) -> HttpResponse:
    """Open on the organisation's region focus when it has one; otherwise the map of Europe (regions by starred
    categories, or by one category's LQ), the strongest region x category pairs, partner regions and the ways in."""
    focus = selectors.focus_for(user=request.user)
    if focus is not None and focus.regions and "all" not in request.GET:
        return redirect("atlas:region", code=focus.regions[0])
    if request.GET.get("download"):
        return _download(request, home_context(request)["tables"])
    return _cached_page(request, "home", lambda: home_context(request))


def home_context(request: HttpRequest) -> dict:
    """Everything the mapping home shows."""
    params, result, year = _selection(request)
    regions = selectors.region_starred(result=result, year=year)
    category = request.GET.get("category", "").strip()
    if category:
        category = selectors.category_checked(result=result, category=category)
        by_category = selectors.category_regions(result=result, category=category, year=year)
        shown, value = by_category[["region", "name", "lq"]], "lq"
        title = _("%(category)s: location quotient, %(year)s") % {
            "category": by_category["category_name"].iloc[0] if len(by_category) else category, "year": year}
    else:
        shown, value = regions, "starred_categories"
        title = _("Categories with stars per region, %(year)s") % {"year": year}
    _payload, drawn, _missing = services.boundaries_memo(codes=sorted(regions["region"]),
                                                         version=result.nuts_version)
    partners = [code for code in partner_region_codes() if code in set(regions["region"])]
    figure = charts.choropleth(shown[shown["region"].isin(drawn)], value=value, title=title, outlined=partners,
                               value_label=str(MEASURE_LABELS[value]))
    names = dict(zip(regions["region"], regions["name"], strict=True))
    tables = {"strongest": (_("Strongest region × category pairs of %(year)s") % {"year": year},
                            selectors.strongest_pairs(result=result, year=year, top=STRONGEST_PAIRS)),
              "regions": (_("Regions by categories with stars"), regions.sort_values(
                  ["starred_categories", "region"], ascending=[False, True]))}
    return {**_common(request, params, result, year), "title": _("Cluster mapping"), "category": category,
            "regions": [(code, names[code]) for code in sorted(names)],
            "partners": [(code, names[code]) for code in partners],
            "categories": list(selectors.categories_list(result=result).itertuples()), "tables": tables,
            "figures": {"map": figure}, "mapped_count": len(drawn),
            "geojson_url": _geojson_url(params, result, year)}


def _labels(codes: list[str], result: selectors.Result) -> list[str]:
    """'DE41 Stuttgart' for each code (the code alone where no name is loaded)."""
    names = region_names(codes=codes, version=result.nuts_version)
    return [f"{code} {names[code]}".strip() for code in codes]


def _geojson_url(params: selectors.Params, result: selectors.Result, year: int) -> str:
    return reverse("atlas:boundaries") + "?" + urlencode({"dataset": params.dataset, "version": result.nuts_version,
                                                         "year": year, "taxonomy": params.taxonomy})


def region_context(request: HttpRequest, code: str) -> dict:
    """Everything the region profile and its report show."""
    params, result, year = _selection(request)
    code = selectors.region_checked(result=result, code=code, year=year)
    name = region_names(codes=[code], version=result.nuts_version)[code]
    dataset = selectors.dataset_chosen(name=params.dataset)
    categories = selectors.region_categories(result=result, code=code, year=year)
    totals = selectors.region_totals(result=result, code=code)
    present = result.year_totals(year)["region"]
    country = sorted(present[present.str[:2] == code[:2]])
    partners = [c for c in partner_region_codes() if c in set(present)]
    focus = selectors.focus_for(user=request.user)
    peers = sorted({*(focus.peers if focus else []), *partners, code})
    rank = selectors.region_rank(result=result, code=code, year=year)
    country_rank = selectors.region_rank(result=result, code=code, year=year, members=country)
    smart_params = selectors.atlas_params(dataset=dataset, taxonomy="smart_industry_40", reference=params.reference)
    smart = (selectors.region_categories(result=selectors.atlas_result_get(params=smart_params), code=code, year=year)
             if smart_params.taxonomy == "smart_industry_40" else categories.iloc[0:0])
    top = categories.dropna(subset=["lq"]).head(selectors.TREND_CATEGORIES)["category"].tolist()
    trends = selectors.region_trends(result=result, code=code, categories=top)
    series, series_note = selectors.region_series(params=params, dataset=dataset, code=code, categories=top)
    emerging = selectors.region_emerging(result=result, code=code, year=year)
    summary = selectors.region_summary(name=name, code=code, year=year, categories=categories, totals=totals,
                                       rank=rank, country_rank=country_rank, level=params.nuts_level,
                                       sbs=(selectors.eurostat_code(dataset=dataset) or "").startswith("sbs_"))
    tables = {
        "categories": (_("Cluster categories ranked by LQ"), categories),
        "smart_industry": (_("Smart Industry 4.0 position"), smart),
        "emerging": (_("Emerging strengths (LQ rose through 1)"), emerging),
        "trends": (_("Trends of the top %(n)s categories") % {"n": selectors.TREND_CATEGORIES}, trends),
        "employment": (_("Employment covered by year"), totals),
        **({"series": (_("Employment of the top categories across both SBS series"), series)}
           if series is not None else {}),
        "peers_country": (_("Regions of the same country"),
                          selectors.peer_table(result=result, year=year, members=country)),
        "peers_partners": (_("Partner and peer regions"),
                           selectors.peer_table(result=result, year=year, members=peers)),
    }
    figures = {
        "categories": charts.category_bars(categories, title=_("LQ by cluster category, %(year)s") % {"year": year}),
        "trends": charts.trend_lines(trends, value="lq", title=_("LQ over the years"), y_title="LQ"),
        "employment": charts.single_line(totals["year"].astype(int).tolist(), totals["employment_covered"].tolist(),
                                         name=code, title=_("Employment covered"), y_title=_("persons employed")),
    }
    if series is not None:
        figures["series"] = charts.series_lines(series, title=_("Employment across both SBS series"),
                                                y_title=_("persons employed"), break_label=_("b: break in series"))
    return {**_common(request, params, result, year), "code": code, "name": name, "summary": summary,
            "title": f"{code} {name}".strip(), "series_note": series_note,
            "rank": rank, "country_rank": country_rank, "headline": _headline(categories, totals, year),
            "tables": tables, "figures": figures, "taxonomy": selectors.taxonomy_get(name=params.taxonomy)}


def _headline(categories: pd.DataFrame, totals: pd.DataFrame, year: int) -> dict:
    now = totals[totals["year"] == year]
    return {"employment_covered": float(now["employment_covered"].iloc[0]) if not now.empty else None,
            "known_share": float(now["known_share"].iloc[0]) if not now.empty else None,
            "starred": int((categories["stars"] > 0).sum()), "categories": len(categories),
            "three_stars": int((categories["stars"] == 3).sum())}


def _cached_page(request: HttpRequest, kind: str, build: Callable[[], dict]) -> HttpResponse:
    """The page body from the page cache (rendered from `build()` once per data version and request), inside the
    site layout rendered per request (it holds the user's menu and CSRF token, so it is never cached)."""
    focus = selectors.focus_for(user=request.user)
    parts = {"kind": kind, "path": request.path, "query": sorted(request.GET.lists()), "language": get_language(),
             "focus": [focus.pk, str(focus.updated_at)] if focus else None,
             "partners": partner_region_codes(), "regions": region_state_stamp()}

    def compute() -> dict:
        context = _viewed(build())
        return {"title": context["title"], "body": render_to_string(f"atlas/{kind}_content.html", context)}

    dataset = _dataset(request).dataset
    page = cache.page_cached(selectors.statistics_store(), dataset,
                             {**parts, "dataset": dataset, "store": selectors.store_contents()}, compute)
    return render(request, "atlas/page.html", {"title": page["title"], "body": mark_safe(page["body"])})  # noqa: S308


@atlas_page
def region_profile(request: HttpRequest, code: str) -> HttpResponse:
    if request.GET.get("download"):
        return _download(request, region_context(request, code)["tables"])
    return _cached_page(request, "region", lambda: region_context(request, code))


@atlas_page
def region_report(request: HttpRequest, code: str) -> HttpResponse:
    """Print-ready A4 report (HTML; print to PDF from the browser) or, with `format=docx`, a Word document."""
    context = region_context(request, code)
    if request.GET.get("format") == "docx":
        payload = report_docx(
            title=f"{context['title']} — {context['year']}",
            paragraphs=[context["summary"], _("Data: %(vintage)s (dataset %(dataset)s).") % {
                "vintage": context["vintage"]["label"], "dataset": context["params"].dataset}],
            tables=[(caption, frame.reindex(columns=[c for c in COLUMNS if c in frame.columns]))
                    for caption, frame in context["tables"].values()],
            notes=_notes(context), figures=list(context["figures"].values()))
        return file_response(payload, name=f"{context['code']}-{context['year']}", extension="docx")
    return render(request, "atlas/region_report.html", {**_viewed(context), "notes": _notes(context)})


def _notes(context: dict) -> list[str]:
    """Sources and methodology, as printed in reports."""
    params = context["params"]
    vintage = context["vintage"]
    coverage = (_("SBS employment is 'employment covered': NACE sections B–N and division S95 only, not "
                  "agriculture or the public sector.") if context["is_sbs"] else
                _("Employment covered is the sum of the industries the dataset holds at NACE level %(level)s.")
                % {"level": params.industry_level})
    return [
        _("Data: %(vintage)s; dataset %(dataset)s, source %(source)s. %(coverage)s") % {
            "vintage": vintage["label"], "dataset": params.dataset, "source": vintage["source"] or params.dataset,
            "coverage": coverage},
        vintage["refresh"],
        _("Regions on NUTS %(version)s; codes that cannot be carried to it one-to-one are left out, never mixed.")
        % {"version": context["nuts_version"]},
        _("Taxonomy: %(taxonomy)s (%(label)s). Rule: %(rule)s") % {
            "taxonomy": TAXONOMY_LABELS[params.taxonomy], "label": context["result"].taxonomy_label,
            "rule": translated_taxonomy_rule(params.taxonomy, get_language()) or context["taxonomy"].rule},
        _("LQ = (E_rc / E_r) / (E_c / E); reference: %(reference)s. Stars (European Cluster Observatory): size "
          "(top 10 %% of regions), specialisation (LQ ≥ 2), focus (top 10 %% share); productivity (EOCIC) is shown "
          "apart. Unknown Eurostat cells (':') are never read as zero: completeness says how much is known.")
        % {"reference": _("all regions") if params.reference == "all" else _("own country")},
    ]


def _viewed(context: dict) -> dict:
    """Tables as rows for templates and figures as JSON."""
    return {**context, "table_views": {key: table_view(frame, caption=caption, key=key)
                                       for key, (caption, frame) in context["tables"].items()},
            # "<" escaped so that no text inside the JSON can close the <script> element holding it
            "figures_json": {key: json.dumps(figure).replace("<", "\\u003c")
                             for key, figure in context["figures"].items()}}


@atlas_page
def category_profile(request: HttpRequest, category: str) -> HttpResponse:
    """A category across Europe: the map by LQ, employment or stars, the top regions and its NACE codes."""
    if request.GET.get("download"):
        return _download(request, category_context(request, category)["tables"])
    if request.GET.get("format") == "docx":
        context = category_context(request, category)
        payload = report_docx(
            title=f"{context['name']} — {context['year']}", paragraphs=[context["map_note"], _(
                "Data: %(vintage)s (dataset %(dataset)s).") % {"vintage": context["vintage"]["label"],
                                                             "dataset": context["params"].dataset}],
            tables=[(caption, frame.reindex(columns=[c for c in COLUMNS if c in frame.columns]))
                    for caption, frame in context["tables"].values()],
            notes=_notes(context), figures=[_with_boundaries(context["figures"]["map"], context)])
        return file_response(payload, name=f"category-{category}-{context['year']}", extension="docx")
    return _cached_page(request, "category", lambda: category_context(request, category))


def _with_boundaries(figure: dict, context: dict) -> dict:
    """A choropleth with its GeoJSON inside (pages fetch it separately), to be drawn away from the page."""
    payload, _drawn, _missing = services.boundaries_memo(codes=context["boundary_codes"],
                                                         version=context["result"].nuts_version)
    geojson = json.loads(payload)
    return {**figure, "data": [{**trace, "geojson": geojson} for trace in figure["data"]]}


def category_context(request: HttpRequest, category: str) -> dict:
    """Everything the category page shows."""
    params, result, year = _selection(request)
    category = selectors.category_checked(result=result, category=category)
    measure = request.GET.get("measure", "lq")
    measure = measure if measure in MAP_MEASURES else "lq"
    regions = selectors.category_regions(result=result, category=category, year=year)
    name = regions["category_name"].iloc[0] if not regions.empty else category
    year_codes = sorted(result.year_totals(year)["region"])
    _payload, drawn, all_unmapped = services.boundaries_memo(codes=year_codes, version=result.nuts_version)
    unmapped = [code for code in all_unmapped if code in set(regions["region"])]
    taxonomy = selectors.taxonomy_get(name=params.taxonomy)
    nace = taxonomy.table[taxonomy.table["category"] == category][["industry"]]
    names = industry_names(codes=nace["industry"].tolist())
    nace = nace.assign(name=nace["industry"].map(names))
    divisions = taxonomy.at_level(2, method=params.method)
    divisions = divisions[divisions["category"] == category][["industry", "weight"]]
    mapped = regions[regions["region"].isin(drawn)]
    tables = {
        "regions": (_("Regions ranked by employment"), regions),
        "nace": (_("NACE codes in the category"), nace),
        "divisions": (_("NACE divisions the data reach it through (%(method)s rule)") % {"method": params.method},
                      divisions),
    }
    label = str(MEASURE_LABELS[measure])
    figures = {"map": charts.choropleth(mapped, value=measure, title=f"{name} — {label}, {year}",
                                        outlined=partner_region_codes(), value_label=label)}
    context = {**_common(request, params, result, year), "category": category, "name": name, "measure": measure,
               "title": name, "taxonomy": taxonomy,
               "map_note": _("%(mapped)s regions on the map (NUTS %(version)s); not on the map for want of a "
                             "boundary: %(unmapped)s.") % {"mapped": len(mapped), "version": result.nuts_version,
                                                           "unmapped": ", ".join(unmapped) or _("none")},
               "measures": [(m, MEASURE_LABELS[m]) for m in MAP_MEASURES], "tables": tables, "figures": figures, "unmapped": unmapped,
               "mapped_count": len(mapped), "boundary_versions": sorted(set(drawn.values())),
               "boundary_codes": year_codes,
               "geojson_url": _geojson_url(params, result, year)}
    return {**context, "notes": _notes(context)}


@atlas_page
def boundaries(request: HttpRequest) -> HttpResponse:
    """GeoJSON of the regions of a year's data (one feature per mappable region), cached by the browser."""
    params, result, year = _selection(request)
    codes = sorted(result.year_totals(year)["region"])
    payload, _drawn, _missing = services.boundaries_memo(codes=codes, version=result.nuts_version)
    response = HttpResponse(payload, content_type="application/geo+json")
    response["Cache-Control"] = "max-age=3600"
    return response


@atlas_page
def compare(request: HttpRequest) -> HttpResponse:
    """Two to eight regions on the same categories, and their portfolio bubble chart."""
    if request.GET.get("download"):
        return _download(request, compare_context(request)["tables"])
    return _cached_page(request, "compare", lambda: compare_context(request))


def compare_context(request: HttpRequest) -> dict:
    """Everything the comparison page shows (a problem message instead when the region list is not 2 to 8)."""
    params, result, year = _selection(request)
    raw = request.GET.get("regions", "")
    if not raw:
        focus = selectors.focus_for(user=request.user)
        raw = ",".join([*(focus.regions if focus else []), *(focus.peers if focus else [])])
    codes = list(dict.fromkeys(c.strip().upper() for c in raw.replace(" ", ",").split(",") if c.strip()))
    context = {**_common(request, params, result, year), "codes": codes, "max_compared": MAX_COMPARED,
               "tables": {}, "figures": {}, "title": _("Compare regions")}
    if not 2 <= len(codes) <= MAX_COMPARED:
        context["problem"] = _("Choose from two to eight regions (codes separated by commas).") if codes else ""
        return context
    for code in codes:
        selectors.region_checked(result=result, code=code, year=year)
    table = selectors.compare_table(result=result, codes=codes, year=year)
    portfolio = pd.concat([selectors.portfolio_table(result=result, code=code, year=year) for code in codes],
                          ignore_index=True)
    context["tables"] = {"compare": (_("Regions side by side"), table),
                         "portfolio": (_("Portfolio: LQ, growth and employment"), portfolio)}
    context["figures"] = {
        "lq": charts.compare_bars(table, value="lq", title=_("LQ, %(year)s") % {"year": year}, x_title="LQ"),
        "employment": charts.compare_bars(table, value="employment", title=_("Employment, %(year)s") % {"year": year},
                                          x_title=_("persons employed")),
        "portfolio": charts.portfolio_bubbles(portfolio, title=_("Cluster portfolio"),
                                              y_title=_("employment growth (% per year)")),
    }
    return context


@atlas_page
def related(request: HttpRequest, code: str) -> HttpResponse:
    """NACE divisions close to the region's strengths in which it is not yet specialised, by density."""
    if request.GET.get("download"):
        return _download(request, related_context(request, code)["tables"])
    return _cached_page(request, "related", lambda: related_context(request, code))


def related_context(request: HttpRequest, code: str) -> dict:
    """Everything the related-industries page shows."""
    params, result, year = _selection(request)
    code = selectors.region_checked(result=result, code=code, year=year)
    ranked, summary = selectors.region_related(params=params, result=result, code=code, year=year)
    names = industry_names(codes=ranked["industry"].tolist())
    ranked = ranked.assign(name=ranked["industry"].map(names))
    tables = {"related": (_("Related industries ranked by density"), ranked)}
    context = {**_common(request, params, result, year), "code": code, "tables": tables, "figures": {},
               "title": _("Related industries") + " " + selectors.region_label(code=code, version=result.nuts_version),
               "name": region_names(codes=[code], version=result.nuts_version)[code],
               "summary": summary, "known_share": 1 - summary["unknown_cells"] / max(summary["cells"], 1)}
    return context


def data_status(request: HttpRequest) -> HttpResponse:
    """The loaded datasets with their provenance and vintage, which ones the mapping pages can show and how to
    refresh them, and the import wizard for administrators."""
    listing = selectors.datasets_status()
    if request.GET.get("download") == "datasets":
        return table_response(listing.assign(years=listing["years"].map(lambda y: " ".join(map(str, y)))),
                              name="datasets", fmt=request.GET.get("format", "csv"))
    return render(request, "atlas/data_status.html", _data_status_context(request, listing))


def _data_status_context(request: HttpRequest, listing: pd.DataFrame, **forms: object) -> dict:
    return {"datasets": listing.to_dict(orient="records"), "may_import": is_administrator(request.user),
            "eurostat_form": forms.get("eurostat_form") or EurostatImportForm(),
            "file_form": forms.get("file_form") or FileImportForm()}


@login_required
@require_http_methods(["POST"])
def data_import(request: HttpRequest) -> HttpResponse:
    """Start an import job (Eurostat dataset or uploaded file) and go to its progress page."""
    if not is_administrator(request.user):
        raise PermissionDenied(_("Only administrators may import statistics."))
    form = (EurostatImportForm(request.POST) if request.POST.get("source") == "eurostat"
            else FileImportForm(request.POST, request.FILES))
    if not form.is_valid():
        context = _data_status_context(request, selectors.datasets_status(),
                                       **{"eurostat_form" if isinstance(form, EurostatImportForm) else "file_form":
                                          form})
        return render(request, "atlas/data_status.html", context, status=400)
    job = services.import_start(user=request.user, form=form)
    return redirect("jobs:detail", job_id=job.pk)


@login_required
@require_http_methods(["GET", "POST"])
def focus_edit(request: HttpRequest) -> HttpResponse:
    """Pick the organisation's home and peer regions once; the atlas pages then open on them."""
    organisation = services.focus_organisation(user=request.user)
    if organisation is None:
        raise PermissionDenied(_("You are not a member of an organisation."))
    focus = getattr(organisation, "atlas_focus", None)
    form = FocusForm(request.POST or None, initial={"regions": ", ".join(focus.regions if focus else []),
                                                    "peers": ", ".join(focus.peers if focus else [])})
    if request.method == "POST":
        if not can_create_for(request.user, organisation.pk):
            raise PermissionDenied(_("You may not change this organisation's regions."))
        if form.is_valid():
            services.focus_save(organisation=organisation, regions=form.cleaned_data["regions"],
                                peers=form.cleaned_data["peers"])
            messages.success(request, _("Your regions are saved; the mapping pages open on them."))
            return redirect("atlas:home")
    return render(request, "atlas/focus.html", {"form": form, "organisation": organisation})
