"""The teams pages: my teams, a team with its members and submission, the submission's form and files, and the
organiser's list of submissions with their eligibility. Views parse input, call one service or selector, and
render; private records answer 404 to those who may not read them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from smartcluster.challenges import selectors, services
from smartcluster.challenges.choices import SubmissionStatus
from smartcluster.challenges.forms import teams as forms
from smartcluster.challenges.models import Team
from smartcluster.challenges.services.teams import SUBMISSION_FIELDS
from smartcluster.site.views import service_result


def _site_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/")[:-1]


@login_required
def team_mine(request: HttpRequest) -> HttpResponse:
    """The signed-in user's teams in every challenge, with the phase and the submission's status."""
    teams = list(selectors.team_mine(request.user))
    phases = selectors.challenge_phases([team.challenge for team in teams])
    rows = [{"team": team, "phase": phases[team.challenge_id],
             "submission": getattr(team, "submission", None)} for team in teams]
    return render(request, "challenges/teams/team_mine.html", {
        "rows": rows, "invitations": selectors.team_invitations_open(request.user)})


@login_required
def team_create(request: HttpRequest, challenge_pk: int) -> HttpResponse:
    """Form a team answering an open challenge, led by the signed-in user."""
    challenge = selectors.challenge_get(user=request.user, pk=challenge_pk)
    form = forms.TeamForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        team = service_result(form, lambda: services.team_create(
            user=request.user, challenge=challenge, **form.cleaned_data))
        if team is not None:
            messages.success(request, _("Team formed: invite its members and write the submission."))
            return redirect("challenges:team_detail", team.pk)
    return render(request, "challenges/teams/team_form.html", {"challenge": challenge, "form": form})


def _team_context(request: HttpRequest, team: Team, **extra: Any) -> dict[str, Any]:
    submission = getattr(team, "submission", None)
    is_lead = selectors.team_is_lead(request.user, team)
    return {"team": team, "submission": submission, "phase": selectors.challenge_phase(team.challenge),
            "is_member": selectors.team_is_member(request.user, team), "is_lead": is_lead,
            "can_manage": selectors.challenge_can_manage(request.user, team.challenge),
            "invite_form": forms.InviteForm() if is_lead else None, **extra}


@login_required
def team_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A team: its members with their invitations, the submission with its status and files (members, organiser)."""
    team = selectors.team_get(request.user, pk)
    return render(request, "challenges/teams/team_detail.html", _team_context(request, team))


@require_POST
@login_required
def team_invite(request: HttpRequest, pk: int) -> HttpResponse:
    """The lead invites someone by e-mail; a refusal is shown on the team's page."""
    team = selectors.team_get(request.user, pk)
    form = forms.InviteForm(request.POST)
    if form.is_valid() and service_result(form, lambda: services.team_member_invite(
            user=request.user, team=team, site_url=_site_url(request), **form.cleaned_data)) is not None:
        messages.success(request, _("Invitation sent to %(email)s.") % form.cleaned_data)
        return redirect("challenges:team_detail", team.pk)
    return render(request, "challenges/teams/team_detail.html", _team_context(request, team, invite_form=form),
                  status=400)


@require_POST
@login_required
def team_member_remove(request: HttpRequest, pk: int) -> HttpResponse:
    """Remove a member or an open invitation (the lead), or leave the team (a member)."""
    member = selectors.team_member_get(request.user, pk)
    team_pk = member.team_id
    try:
        services.team_member_remove(user=request.user, member=member)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("challenges:team_detail", team_pk)
    messages.success(request, _("%(email)s is no longer in the team.") % {"email": member.email})
    if selectors.team_is_member(request.user, member.team):
        return redirect("challenges:team_detail", team_pk)
    return redirect("challenges:team_mine")


@login_required
def team_join(request: HttpRequest, token: str) -> HttpResponse:
    """An invitation: the team and its challenge, and the button to join with the signed-in account."""
    invitation = selectors.team_get_for_invitation(token)
    form = forms.ConfirmForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        member = service_result(form, lambda: services.team_member_join(user=request.user, token=token))
        if member is not None:
            messages.success(request, _("You joined the team “%(team)s”.") % {"team": member.team.name})
            return redirect("challenges:team_detail", member.team_id)
    return render(request, "challenges/teams/team_join.html", {"invitation": invitation, "form": form})


@login_required
def submission_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The team's draft: its structured fields (any member, before the deadline)."""
    team = selectors.team_get(request.user, pk)
    submission = getattr(team, "submission", None)
    initial = {name: getattr(submission, name) for name in SUBMISSION_FIELDS} if submission else None
    form = forms.SubmissionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid() and service_result(form, lambda: services.submission_update(
            user=request.user, team=team, **form.cleaned_data)) is not None:
        messages.success(request, _("Draft saved."))
        return redirect("challenges:team_detail", team.pk)
    return render(request, "challenges/teams/submission_form.html", {"team": team, "form": form})


def _confirmed(request: HttpRequest, pk: int, action: Callable[[Team], Any], done: str,
               template: str) -> HttpResponse:
    """A confirmation page whose form runs `action` on the team; a refusal stays on the page, named."""
    team = selectors.team_get(request.user, pk)
    form = forms.ConfirmForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and service_result(form, lambda: action(team)) is not None:
        messages.success(request, done)
        return redirect("challenges:team_detail", team.pk)
    return render(request, template, {"team": team, "submission": getattr(team, "submission", None),
                                      "form": form, "deadline": team.challenge.deadline_at})


@login_required
def submission_submit(request: HttpRequest, pk: int) -> HttpResponse:
    """Send the submission (the lead, before the deadline), after confirmation."""
    return _confirmed(request, pk, lambda team: services.submission_submit(user=request.user, team=team),
                      _("Submission sent."), "challenges/teams/submission_submit.html")


@login_required
def submission_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    """Withdraw the submission for good (the lead), after confirmation."""
    return _confirmed(request, pk, lambda team: services.submission_withdraw(user=request.user, team=team),
                      _("Submission withdrawn."), "challenges/teams/submission_withdraw.html")


@login_required
def submission_attachment_add(request: HttpRequest, pk: int) -> HttpResponse:
    """Attach a file to the draft (any member; its type read from its content)."""
    team = selectors.team_get(request.user, pk)
    form = forms.AttachmentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid() and service_result(
            form, lambda: services.submission_attachment_add(user=request.user, team=team,
                                                             **form.cleaned_data)) is not None:
        messages.success(request, _("File attached."))
        return redirect("challenges:team_detail", team.pk)
    return render(request, "challenges/teams/attachment_form.html", {"team": team, "form": form})


def submission_attachment(request: HttpRequest, pk: int) -> FileResponse:
    """A submission's file for its readers only (404 for anyone else), of the type read at upload."""
    attachment = selectors.submission_attachment_get(request.user, pk)
    extension = attachment.file.name.rsplit(".", 1)[-1]
    response = FileResponse(attachment.file.open("rb"), as_attachment=True, content_type=attachment.content_type,
                            filename=f"{slugify(attachment.title) or 'attachment'}.{extension}")
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def submission_list(request: HttpRequest, challenge_pk: int) -> HttpResponse:
    """The organiser's submissions of a challenge: team, organisation, region, helix, size, status, eligibility."""
    challenge = selectors.challenge_get(user=request.user, pk=challenge_pk)
    rows = selectors.submission_rows_for_organiser(request.user, challenge)
    return render(request, "challenges/teams/submission_list.html", {
        "challenge": challenge, "rows": rows, "submitted": SubmissionStatus.SUBMITTED})


@login_required
def submission_eligibility(request: HttpRequest, pk: int) -> HttpResponse:
    """The organiser's eligibility check of one submission, with a reason when not eligible."""
    submission = selectors.submission_get_for_organiser(request.user, pk)
    challenge = submission.team.challenge
    initial = {"reason": submission.eligibility_reason}
    form = forms.EligibilityForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid() and service_result(
            form, lambda: services.submission_eligibility_set(user=request.user, submission=submission,
                                                              **form.cleaned_data)) is not None:
        messages.success(request, _("Eligibility recorded."))
        return redirect("challenges:submission_list", challenge.pk)
    return render(request, "challenges/teams/eligibility_form.html", {
        "submission": submission, "challenge": challenge, "form": form,
        "region_eligible": selectors.submission_region_eligible(challenge, submission.team.organisation)})


urlpatterns: list[URLPattern] = [
    path("teams/", team_mine, name="team_mine"),
    path("<int:challenge_pk>/teams/new/", team_create, name="team_create"),
    path("teams/<int:pk>/", team_detail, name="team_detail"),
    path("teams/<int:pk>/invite/", team_invite, name="team_invite"),
    path("teams/members/<int:pk>/remove/", team_member_remove, name="team_member_remove"),
    path("teams/join/<str:token>/", team_join, name="team_join"),
    path("teams/<int:pk>/submission/", submission_edit, name="submission_edit"),
    path("teams/<int:pk>/submission/submit/", submission_submit, name="submission_submit"),
    path("teams/<int:pk>/submission/withdraw/", submission_withdraw, name="submission_withdraw"),
    path("teams/<int:pk>/submission/attachments/new/", submission_attachment_add, name="submission_attachment_add"),
    path("submissions/attachments/<int:pk>/", submission_attachment, name="submission_attachment"),
    path("<int:challenge_pk>/submissions/", submission_list, name="submission_list"),
    path("submissions/<int:pk>/eligibility/", submission_eligibility, name="submission_eligibility"),
]
