"""Pages of the maturity self-assessment: take it (signed in or by campaign link), report, campaigns, aggregates."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from smartcluster.accounts.permissions import editable_organisation_ids
from smartcluster.maturity import exports, selectors, services
from smartcluster.maturity.charts import median_bars_figure, radar_figure
from smartcluster.maturity.forms import (
    AggregateFilterForm,
    CampaignForm,
    DimensionForm,
    ProfileForm,
    SubmitForm,
)
from smartcluster.maturity.models import Assessment, AssessmentStatus, Campaign
from smartcluster.maturity.services import AssessmentRefused
from smartcluster.organisations.selectors import organisation_editable_list, organisation_queryset
from smartcluster.reports.responses import file_response

RESPONDENT_COOKIE = "smartcluster_maturity"
RESPONDENT_COOKIE_AGE = 365 * 24 * 3600


def _respondent_key(request: HttpRequest) -> str:
    """This browser's respondent key: from the long-lived cookie (a draft survives closing the browser), else
    the session, else a new one (set on the response by `_remember`)."""
    key = request.COOKIES.get(RESPONDENT_COOKIE) or request.session.get(RESPONDENT_COOKIE)
    if not key:
        key = services.respondent_key_new()
    request.session[RESPONDENT_COOKIE] = key
    return key


def _respondent_hash(request: HttpRequest) -> str:
    key = request.COOKIES.get(RESPONDENT_COOKIE) or request.session.get(RESPONDENT_COOKIE, "")
    return services.respondent_key_hash(key)


def _remember(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    key = request.session.get(RESPONDENT_COOKIE)
    if key:
        response.set_cookie(RESPONDENT_COOKIE, key, max_age=RESPONDENT_COOKIE_AGE, httponly=True, samesite="Lax",
                            secure=settings.SESSION_COOKIE_SECURE)
    return response


def _refused(request: HttpRequest, error: ValidationError, template: str, context: dict[str, Any]) -> HttpResponse:
    for message in error.messages:
        messages.error(request, message)
    return render(request, template, context, status=409)


def _assessment(request: HttpRequest, public_id: Any) -> Assessment:
    assessment = selectors.assessment_get_for_viewer(public_id=public_id, user=request.user,
                                                     respondent_hash=_respondent_hash(request))
    if assessment is None:
        raise Http404(_("No assessment of yours has this address (it may have been started in another browser)."))
    return assessment


def home(request: HttpRequest) -> HttpResponse:
    """What the self-assessment is; start, resume or read one's own assessments."""
    questionnaire = selectors.questionnaire_current()
    mine = selectors.assessment_list_for_viewer(user=request.user, respondent_hash=_respondent_hash(request))
    invitations = [(organisation, request.build_absolute_uri(reverse("maturity:invitation_entry", args=[
        services.invitation_token(user=request.user, organisation=organisation)])))
        # Its own editors' organisations only: an administrator, who may edit all, is not offered a link for each.
        for organisation in organisation_queryset(ids=editable_organisation_ids(request.user))]
    return render(request, "maturity/home.html", {
        "questionnaire": questionnaire, "definition": questionnaire.parsed() if questionnaire else None,
        "assessments": mine, "can_see_aggregates": selectors.aggregates_may_view(user=request.user),
        "invitations": invitations, "invitation_days": selectors.INVITATION_MAX_AGE_DAYS})


@require_POST
def start(request: HttpRequest) -> HttpResponse:
    """A new draft outside any campaign, with the current questionnaire version."""
    questionnaire = selectors.questionnaire_current()
    if questionnaire is None:
        raise Http404(_("No questionnaire has been published yet."))
    key = _respondent_key(request)
    try:
        assessment = services.assessment_start(questionnaire=questionnaire, user=request.user,
                                               respondent_hash=services.respondent_key_hash(key))
    except AssessmentRefused as error:
        messages.error(request, " ".join(error.messages))
        return redirect("maturity:home")
    return _remember(request, redirect("maturity:step", public_id=assessment.public_id, step=0))


def invitation_entry(request: HttpRequest, token: str) -> HttpResponse:
    """An organisation's invitation link: start a draft that answers for that organisation."""
    organisation = selectors.invitation_organisation(token=token)
    questionnaire = selectors.questionnaire_current()
    if organisation is None or questionnaire is None:
        raise Http404(_("This invitation link is not valid or has expired; ask for a new one."))
    if request.method != "POST":
        return render(request, "maturity/invitation_entry.html", {"organisation": organisation})
    key = _respondent_key(request)
    try:
        assessment = services.assessment_start(questionnaire=questionnaire, user=request.user, invitation=token,
                                               respondent_hash=services.respondent_key_hash(key))
    except AssessmentRefused as error:
        return _refused(request, error, "maturity/invitation_entry.html", {"organisation": organisation})
    return _remember(request, redirect("maturity:step", public_id=assessment.public_id, step=0))


def campaign_entry(request: HttpRequest, token: str) -> HttpResponse:
    """A campaign link: start, or resume the draft this browser left."""
    campaign = get_object_or_404(Campaign.objects.select_related("organisation", "questionnaire"), token=token)
    draft = selectors.assessment_draft_for(respondent_hash=_respondent_hash(request), campaign=campaign)
    context = {"campaign": campaign, "draft": draft, "is_open": campaign.opens_at <= timezone.now() and (
        campaign.closes_at is None or timezone.now() < campaign.closes_at)}
    if request.method != "POST":
        return render(request, "maturity/campaign_entry.html", context)
    if draft is not None:
        return redirect("maturity:step", public_id=draft.public_id, step=draft.step)
    key = _respondent_key(request)
    try:
        assessment = services.assessment_start(questionnaire=campaign.questionnaire, campaign=campaign,
                                               user=request.user, respondent_hash=services.respondent_key_hash(key))
    except AssessmentRefused as error:
        return _refused(request, error, "maturity/campaign_entry.html", context)
    return _remember(request, redirect("maturity:step", public_id=assessment.public_id, step=0))


def _step_context(assessment: Assessment, step: int, form: Any) -> dict[str, Any]:
    definition = assessment.questionnaire.parsed()
    total = len(definition.dimensions) + 1
    return {"assessment": assessment, "definition": definition, "form": form, "step": step, "total": total,
            "percent": round(step / total * 100), "dimension": definition.dimensions[step - 1] if step else None,
            "steps": [_("Profile")] + [d.title for d in definition.dimensions]}


def _profile_form(request: HttpRequest, assessment: Assessment) -> ProfileForm:
    organisations = organisation_editable_list(user=request.user)
    initial = {"organisation": assessment.organisation_id, "organisation_name": getattr(
        assessment.organisation, "name", ""), "size_class": assessment.size_class, "nace": assessment.nace_id,
        "region": assessment.region_id}
    data = request.POST if request.method == "POST" else None
    return ProfileForm(data, organisations=organisations, initial=initial)


def step(request: HttpRequest, public_id: Any, step: int) -> HttpResponse:
    """One step of the guided form: 0 the profile, then one per dimension; answers are saved at every step."""
    assessment = _assessment(request, public_id)
    if assessment.status == AssessmentStatus.SUBMITTED:
        return redirect("maturity:report", public_id=assessment.public_id)
    definition = assessment.questionnaire.parsed()
    if step > len(definition.dimensions):
        return redirect("maturity:review", public_id=assessment.public_id)
    if step > 0 and assessment.organisation_id is None:
        return redirect("maturity:step", public_id=assessment.public_id, step=0)
    if step == 0:
        form: Any = _profile_form(request, assessment)
    else:
        dimension = definition.dimensions[step - 1]
        form = DimensionForm(request.POST if request.method == "POST" else None, dimension=dimension,
                             answers=assessment.answers)
    context = _step_context(assessment, step, form)
    if request.method != "POST":
        return _remember(request, render(request, "maturity/step.html", context))
    if not form.is_valid():
        messages.error(request, _("Some answers could not be accepted; see the messages below. Nothing was saved."))
        return render(request, "maturity/step.html", context, status=400)
    try:
        if step == 0:
            services.assessment_profile_save(
                assessment=assessment, user=request.user, organisation=form.cleaned_data.get("organisation"),
                organisation_name=form.cleaned_data.get("organisation_name", ""),
                size_class=form.cleaned_data["size_class"], nace=form.cleaned_data.get("nace"),
                region=form.cleaned_data.get("region"))
        else:
            services.assessment_answers_save(assessment=assessment, answers=form.answers(), step=step + 1)
    except ValidationError as error:
        return _refused(request, error, "maturity/step.html", context)
    if request.POST.get("action") == "leave":
        messages.success(request, _("Your answers are saved. Come back with this browser to continue."))
        return redirect("maturity:home")
    if request.POST.get("action") == "back":
        return redirect("maturity:step", public_id=assessment.public_id, step=max(step - 1, 0))
    if step == len(definition.dimensions):
        return redirect("maturity:review", public_id=assessment.public_id)
    return redirect("maturity:step", public_id=assessment.public_id, step=step + 1)


def review(request: HttpRequest, public_id: Any) -> HttpResponse:
    """Before submitting: what was answered; submitting freezes the scores."""
    assessment = _assessment(request, public_id)
    if assessment.status == AssessmentStatus.SUBMITTED:
        return redirect("maturity:report", public_id=assessment.public_id)
    definition = assessment.questionnaire.parsed()
    answered = [(d, sum(q.key in assessment.answers for q in d.questions)) for d in definition.dimensions]
    context = {"assessment": assessment, "definition": definition, "answered": answered,
               "form": SubmitForm(initial={"questionnaire": assessment.questionnaire.code})}
    if request.method != "POST":
        return render(request, "maturity/review.html", context)
    form = SubmitForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The form was incomplete; nothing was submitted."))
        return render(request, "maturity/review.html", context, status=400)
    try:
        services.assessment_submit(assessment=assessment, questionnaire_code=form.cleaned_data["questionnaire"])
    except ValidationError as error:
        return _refused(request, error, "maturity/review.html", context)
    messages.success(request, _("Thank you: your assessment is complete."))
    return redirect("maturity:report", public_id=assessment.public_id)


def _report_context(request: HttpRequest, assessment: Assessment) -> dict[str, Any]:
    previous = selectors.assessment_previous(assessment=assessment, user=request.user,
                                             respondent_hash=_respondent_hash(request))
    lines = selectors.assessment_report_lines(assessment=assessment, previous=previous)
    labels = [line.title for line in lines]
    series = [(_("This assessment"), [line.score for line in lines])]
    if previous is not None:
        series.append((_("Stage %(stage)s") % {"stage": previous.get_stage_display()},
                       [line.previous for line in lines]))
    peers = selectors.peer_comparison(assessment=assessment)
    return {"assessment": assessment, "lines": lines, "previous": previous,
            "level_label": selectors.assessment_level_label(assessment=assessment),
            "recommendations": selectors.assessment_recommendations(assessment=assessment),
            "radar": radar_figure(labels, series),
            "peers": exports.peer_rows(peers, assessment=assessment), "min_size": selectors.min_group_size(),
            "definition": assessment.questionnaire.parsed()}


def report(request: HttpRequest, public_id: Any) -> HttpResponse:
    """The result: scores, level in words, radar, peers, progress, recommendations."""
    assessment = _assessment(request, public_id)
    if assessment.status != AssessmentStatus.SUBMITTED:
        return redirect("maturity:step", public_id=assessment.public_id, step=assessment.step)
    return render(request, "maturity/report.html", _report_context(request, assessment))


def report_print(request: HttpRequest, public_id: Any) -> HttpResponse:
    """The same report laid out for A4 (the browser prints it to PDF)."""
    assessment = _assessment(request, public_id)
    if assessment.status != AssessmentStatus.SUBMITTED:
        raise Http404(_("The report exists once the assessment is submitted."))
    return render(request, "maturity/report_print.html", _report_context(request, assessment))


def report_docx(request: HttpRequest, public_id: Any) -> HttpResponse:
    """The report as a Word document."""
    assessment = _assessment(request, public_id)
    if assessment.status != AssessmentStatus.SUBMITTED:
        raise Http404(_("The report exists once the assessment is submitted."))
    context = _report_context(request, assessment)
    return file_response(exports.report_docx(context), name=f"maturity-report-{assessment.public_id}",
                         extension="docx")


@login_required
def campaign_list(request: HttpRequest) -> HttpResponse:
    campaigns = selectors.campaign_list_for_user(user=request.user)
    return render(request, "maturity/campaign_list.html", {
        "campaigns": [(c, selectors.campaign_counts(campaign=c)) for c in campaigns],
        "may_create": organisation_editable_list(user=request.user).exists()})


@login_required
def campaign_create(request: HttpRequest) -> HttpResponse:
    organisations = organisation_editable_list(user=request.user)
    if not organisations.exists():
        raise PermissionDenied(_("Only editors of an organisation create campaigns."))
    form = CampaignForm(request.POST or None, organisations=organisations,
                        initial={"opens_at": timezone.localtime().replace(second=0, microsecond=0),
                                 "questionnaire": selectors.questionnaire_current(),
                                 "organisation": organisations.first() if organisations.count() == 1 else None})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            campaign = services.campaign_create(
                user=request.user, organisation=data["organisation"], questionnaire=data["questionnaire"],
                name=data["name"], description=data["description"], region=data["region"],
                invited=data["invited"], opens_at=data["opens_at"], closes_at=data["closes_at"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Campaign created: share its link."))
            return redirect("maturity:campaign_detail", pk=campaign.pk)
    return render(request, "maturity/campaign_form.html", {"form": form}, status=400 if form.errors else 200)


@login_required
def campaign_edit(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = get_object_or_404(Campaign, pk=pk)
    if not selectors.campaign_may_view_results(campaign=campaign, user=request.user):
        raise PermissionDenied(_("You may not change this campaign."))
    form = CampaignForm(request.POST or None, instance=campaign, organisations=organisation_queryset().none())
    if request.method == "POST" and form.is_valid():
        services.campaign_update(user=request.user, campaign=Campaign.objects.get(pk=pk), **form.cleaned_data)
        messages.success(request, _("Campaign saved."))
        return redirect("maturity:campaign_detail", pk=pk)
    return render(request, "maturity/campaign_form.html", {"form": form, "campaign": campaign},
                  status=400 if form.errors else 200)


def _aggregate_context(view: selectors.AggregateView, title: str) -> dict[str, Any]:
    total = exports.aggregate_rows(view)[0]
    labels = [name for _key, name in view.dimensions]
    chart = None
    if not total["suppressed"]:
        chart = median_bars_figure(labels, [c["median"] for c in total["cells"]],
                                   [c["q1"] for c in total["cells"]], [c["q3"] for c in total["cells"]], title=title)
    lagging = [] if total["suppressed"] else [
        name for median, name in sorted(zip([c["median"] for c in total["cells"][:-1]], labels, strict=True),
                                        key=lambda pair: (pair[0] is None, pair[0] or 0))[:2] if median is not None]
    return {"view": view, "rows": exports.aggregate_rows(view), "progress": exports.aggregate_rows(view, progress=True),
            "chart": chart, "lagging": lagging}


@login_required
def campaign_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Counts and anonymised results of a campaign (its organisers and administrators)."""
    campaign = get_object_or_404(Campaign.objects.select_related("organisation", "questionnaire"), pk=pk)
    if not selectors.campaign_may_view_results(campaign=campaign, user=request.user):
        raise PermissionDenied(_("Only the campaign's organisers see its results."))
    by = request.GET.get("by") if request.GET.get("by") in selectors.GROUPINGS else None
    view = selectors.aggregate_view(questionnaire=campaign.questionnaire, campaign=campaign, by=by)
    return render(request, "maturity/campaign_detail.html", {
        "campaign": campaign, "counts": selectors.campaign_counts(campaign=campaign), "by": by,
        "groupings": selectors.GROUPINGS,
        "link": request.build_absolute_uri(reverse("maturity:campaign_entry", args=[campaign.token])),
        **_aggregate_context(view, _("Median score per area (lines: middle half of answers)"))})


@login_required
def campaign_export(request: HttpRequest, pk: int) -> HttpResponse:
    """Anonymised results of a campaign as XLSX (aggregates only, suppression applied)."""
    campaign = get_object_or_404(Campaign, pk=pk)
    if not selectors.campaign_may_view_results(campaign=campaign, user=request.user):
        raise PermissionDenied(_("Only the campaign's organisers see its results."))
    by = request.GET.get("by") if request.GET.get("by") in selectors.GROUPINGS else None
    view = selectors.aggregate_view(questionnaire=campaign.questionnaire, campaign=campaign, by=by)
    return file_response(exports.aggregates_workbook(view, title=campaign.name),
                         name=f"maturity-campaign-{campaign.pk}", extension="xlsx")


def _filtered_view(request: HttpRequest) -> tuple[AggregateFilterForm, selectors.AggregateView | None]:
    if not selectors.aggregates_may_view(user=request.user):
        raise PermissionDenied(_("Aggregates are for cluster managers and policy officers."))
    clusters = organisation_editable_list(user=request.user)
    data = request.GET.copy()
    current = selectors.questionnaire_current()
    if "questionnaire" not in data and current is not None:
        data["questionnaire"] = str(current.pk)
    form = AggregateFilterForm(data, clusters=clusters)
    if not form.is_valid() or form.cleaned_data["questionnaire"] is None:
        return form, None
    data = form.cleaned_data
    view = selectors.aggregate_view(
        questionnaire=data["questionnaire"], by=data["by"] or None,
        owner_id=data["cluster"].pk if data["cluster"] else None, region_code=data["region_code"],
        sector=data["sector"].section if data["sector"] else "", size_class=data["size_class"])
    return form, view


@login_required
def aggregates(request: HttpRequest) -> HttpResponse:
    """Cluster and region views: distributions per dimension, lagging dimensions, progress between stages."""
    form, view = _filtered_view(request)
    context: dict[str, Any] = {"form": form, "view": view, "query": request.GET.urlencode()}
    if view is not None:
        context.update(_aggregate_context(view, _("Median score per area (lines: middle half of answers)")))
    # A first visit (nothing chosen, or no questionnaire published yet) is no bad request: only wrong filters are.
    return render(request, "maturity/aggregates.html", context, status=400 if form.errors else 200)


@login_required
def aggregates_export(request: HttpRequest) -> HttpResponse:
    form, view = _filtered_view(request)
    if view is None:
        return render(request, "maturity/aggregates.html", {"form": form, "view": None}, status=400)
    return file_response(exports.aggregates_workbook(view, title=_("Maturity results")), name="maturity-results",
                         extension="xlsx")
