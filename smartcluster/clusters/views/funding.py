"""Pages of the clusters app: funding per cluster (years with their figures and the dependency flag, a stacked
chart with its table, an edit form per year), across a group of clusters, and the import and downloads."""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from smartcluster.accounts.permissions import can_change
from smartcluster.clusters import selectors, services
from smartcluster.clusters.charts import funding_stacked_chart
from smartcluster.clusters.choices import FundingSource
from smartcluster.clusters.exports.funding import funding_chart_png, funding_csv, funding_xlsx
from smartcluster.clusters.forms.funding import FundingGroupForm, FundingImportForm, FundingRecordForm
from smartcluster.clusters.models import ClusterProfile, FundingRecord
from smartcluster.evaluation import EvaluationError, source_shares_checked
from smartcluster.reports.responses import file_response
from smartcluster.sources.imports import ImportRefused

DOWNLOADS = {"xlsx": funding_xlsx, "csv": funding_csv}


def _chart(frame: Any, title: str) -> str | None:
    """The stacked chart's figure as JSON for the page (None without any year)."""
    if frame.empty:
        return None
    return json.dumps(funding_stacked_chart(frame, title=title, y_title=_("Revenue (EUR)")))


def _source_table(frame: Any) -> dict[str, Any]:
    """The chart's numbers as the table beside it: one row per year, one column per source (EUR)."""
    years = sorted(int(year) for year in frame["year"].unique())
    amounts = {(int(year), source): amount for year, source, amount in
               zip(frame["year"], frame["source"], frame["amount"], strict=True)}
    return {"sources": [label for _value, label in FundingSource.choices],
            "rows": [(year, [amounts.get((year, source), 0) for source in FundingSource.values]) for year in years]}


def funding_detail(request: HttpRequest, profile_id: int) -> HttpResponse:
    profile = selectors.cluster_profile_get(user=request.user, profile_id=profile_id)
    overview = selectors.funding_overview(user=request.user, profile=profile)
    return render(request, "clusters/funding/detail.html", {
        "profile": profile, "overview": overview, "can_edit": can_change(request.user, profile),
        "chart": _chart(overview.frame, _("Revenue by source: %(name)s") % {"name": profile}),
        "table": _source_table(overview.frame)})


def _editable(request: HttpRequest, profile_id: int) -> ClusterProfile:
    return selectors.cluster_profile_editable(user=request.user, profile_id=profile_id)


def _record_page(request: HttpRequest, profile: ClusterProfile, form: FundingRecordForm, year: int | None,
                 record: FundingRecord | None) -> HttpResponse:
    """Save a valid POST through the service (its refusals back onto the form), else show the form."""
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.funding_record_save(user=request.user, profile=profile,
                                                 year=year or form.cleaned_data["year"], data=form.record_data())
        except ValidationError as error:
            form.add_refusal(error)
        else:
            messages.success(request, _("Funding of %(year)s saved.") % {"year": saved.year})
            return redirect("clusters:funding_detail", profile.pk)
    shares = [form[name].value() for name in FundingSource.values]
    return render(request, "clusters/funding/edit.html", {
        "profile": profile, "form": form, "year": year, "record": record, "sum": _shares_sum(shares)})


@login_required
def funding_add(request: HttpRequest, profile_id: int) -> HttpResponse:
    profile = _editable(request, profile_id)
    years = set(selectors.funding_record_list(user=request.user, profile=profile).values_list("year", flat=True))
    form = FundingRecordForm(request.POST or None, existing_years=years)
    return _record_page(request, profile, form, None, None)


@login_required
def funding_edit(request: HttpRequest, profile_id: int, year: int) -> HttpResponse:
    profile = _editable(request, profile_id)
    record = selectors.funding_record_of_year(profile=profile, year=year)
    initial = {name: getattr(record, name) for name in FundingRecordForm().fields}
    form = FundingRecordForm(request.POST or None, initial=initial)
    return _record_page(request, profile, form, year, record)


@login_required
@require_POST
def funding_delete(request: HttpRequest, profile_id: int, year: int) -> HttpResponse:
    profile = _editable(request, profile_id)
    record = selectors.funding_record_of_year(profile=profile, year=year)
    services.funding_record_delete(user=request.user, record=record)
    messages.success(request, _("Funding of %(year)s deleted.") % {"year": year})
    return redirect("clusters:funding_detail", profile.pk)


def _shares_sum(values: list[Any]) -> dict[str, Any]:
    """The running sum of the shares typed so far, and whether the evaluation library accepts them."""
    try:
        shares = [float(Decimal(str(value).replace(",", "."))) if value not in (None, "") else 0.0
                  for value in values]
    except (InvalidOperation, ValueError):
        return {"total": None, "ok": False, "message": _("Enter numbers only.")}
    try:
        source_shares_checked(dict(zip(FundingSource.values, shares, strict=True)))
    except EvaluationError as error:
        message = _("The shares must sum to 100 % (± 0.5).") if error.code == "shares_not_100" else \
            _("A share lies between 0 and 100 %.")
        return {"total": sum(shares), "ok": False, "message": message}
    return {"total": sum(shares), "ok": True, "message": ""}


def funding_shares_sum(request: HttpRequest) -> HttpResponse:
    """The running sum under the share fields (htmx, on every change)."""
    return render(request, "clusters/funding/_shares_sum.html",
                  {"sum": _shares_sum([request.GET.get(name, "") for name in FundingSource.values])})


def funding_group(request: HttpRequest) -> HttpResponse:
    form = FundingGroupForm(request.GET or None)
    group = selectors.funding_group(**form.filters()) if not form.is_bound or form.is_valid() else None
    context = {"form": form, "group": group, "chart": None, "table": None}
    if group is not None:
        context.update(chart=_chart(group.frame, _("Revenue by source of the group")),
                       table=_source_table(group.frame))
    template = "clusters/funding/_group_results.html" if request.htmx else "clusters/funding/group.html"
    return render(request, template, context)


def funding_download(request: HttpRequest, profile_id: int, extension: str) -> HttpResponse:
    """A cluster's funding records the user may read, as the workbook or CSV file the import reads."""
    if extension not in DOWNLOADS:
        raise Http404
    profile = selectors.cluster_profile_get(user=request.user, profile_id=profile_id)
    records = selectors.funding_record_list(user=request.user, profile=profile)
    return file_response(DOWNLOADS[extension](records), name=f"funding-{profile}", extension=extension)


def funding_download_all(request: HttpRequest, extension: str) -> HttpResponse:
    """Every funding record the user may read (published ones, and their own drafts)."""
    if extension not in DOWNLOADS:
        raise Http404
    records = selectors.funding_record_list(user=request.user)
    return file_response(DOWNLOADS[extension](records), name="cluster-funding", extension=extension)


def funding_chart(request: HttpRequest, profile_id: int) -> HttpResponse:
    """The cluster's stacked chart as a PNG image (404 when there is nothing to draw or no browser to draw it)."""
    profile = selectors.cluster_profile_get(user=request.user, profile_id=profile_id)
    overview = selectors.funding_overview(user=request.user, profile=profile)
    if overview.frame.empty:
        raise Http404(_("No funding to draw."))
    image = funding_chart_png(funding_stacked_chart(
        overview.frame, title=_("Revenue by source: %(name)s") % {"name": profile}, y_title=_("Revenue (EUR)")))
    if image is None:
        raise Http404(_("Charts cannot be drawn on this server."))
    response = HttpResponse(image, content_type="image/png")
    response["Content-Disposition"] = f'attachment; filename="funding-{profile.pk}.png"'
    return response


@login_required
def funding_import(request: HttpRequest) -> HttpResponse:
    """Upload funding records: every bad cell listed, nothing saved unless all rows are right."""
    form = FundingImportForm(request.POST or None, request.FILES or None)
    problems = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            saved = services.funding_records_import(user=request.user, payload=upload.read(),
                                                    filename=upload.name)
        except ImportRefused as refusal:
            problems = refusal.problems
        else:
            messages.success(request, _("%(count)s funding records saved.") % {"count": len(saved)})
            return redirect("clusters:funding_import")
    return render(request, "clusters/funding/import.html", {"form": form, "problems": problems})


urlpatterns: list[URLPattern] = [
    path("funding/group/", funding_group, name="funding_group"),
    path("funding/shares-sum/", funding_shares_sum, name="funding_shares_sum"),
    path("funding/import/", funding_import, name="funding_import"),
    path("funding/download.<str:extension>", funding_download_all, name="funding_download_all"),
    path("<int:profile_id>/funding/", funding_detail, name="funding_detail"),
    path("<int:profile_id>/funding/add/", funding_add, name="funding_add"),
    path("<int:profile_id>/funding/<int:year>/", funding_edit, name="funding_edit"),
    path("<int:profile_id>/funding/<int:year>/delete/", funding_delete, name="funding_delete"),
    path("<int:profile_id>/funding/download.<str:extension>", funding_download, name="funding_download"),
    path("<int:profile_id>/funding/chart.png", funding_chart, name="funding_chart"),
]
