"""The jury pages: my jury work, the organiser's jurors (invite, run the assignment), the conflict declaration,
the scoring page and the organiser's audit of who scored what and when. A private record answers 404 to whoever
may not read it; views parse input, call one service or selector, and render."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import URLPattern, path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from smartcluster.challenges import selectors, services
from smartcluster.challenges.forms import jury as forms
from smartcluster.challenges.models import Challenge
from smartcluster.site.api import refusal_message
from smartcluster.site.views import service_result


@login_required
def juror_mine(request: HttpRequest) -> HttpResponse:
    """The challenges the signed-in user judges, with their assignments and their status."""
    return render(request, "challenges/jury/juror_mine.html", {"works": selectors.juror_mine(request.user)})


@login_required
def juror_list(request: HttpRequest, challenge_pk: int) -> HttpResponse:
    """The organiser's jurors of a challenge with their counts, the invitation form and the assignment run."""
    challenge = selectors.challenge_managed_get(request.user, challenge_pk)
    return _juror_list_page(request, challenge, forms.JurorInviteForm())


def _juror_list_page(request: HttpRequest, challenge: Challenge, form: forms.JurorInviteForm) -> HttpResponse:
    eligible, pending = selectors.submissions_to_assign(challenge)
    return render(request, "challenges/jury/juror_list.html", {
        "challenge": challenge, "jurors": selectors.juror_list(challenge), "form": form,
        "eligible_count": len(eligible), "pending_count": pending})


@login_required
def juror_invite(request: HttpRequest, challenge_pk: int) -> HttpResponse:
    challenge = selectors.challenge_managed_get(request.user, challenge_pk)
    form = forms.JurorInviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and service_result(form, lambda: services.juror_invite(
            user=request.user, challenge=challenge, **form.cleaned_data)) is not None:
        messages.success(request, _("%(user)s is invited to the jury.") % {"user": form.cleaned_data["juror_user"]})
        return redirect("challenges:juror_list", challenge.pk)
    return _juror_list_page(request, challenge, form)


@require_POST
@login_required
def juror_accept(request: HttpRequest, challenge_pk: int) -> HttpResponse:
    juror = selectors.juror_for_user(request.user, get_object_or_404(Challenge, pk=challenge_pk))
    if _refused(request, lambda: services.juror_accept(user=request.user, juror=juror)):
        return redirect("challenges:juror_mine")
    messages.success(request, _("Thank you for joining the jury. Now declare your conflicts of interest."))
    return redirect("challenges:conflict_declare", challenge_pk)


def _refused(request: HttpRequest, action: Callable[[], Any]) -> bool:
    """Run a service without a form; a refusal becomes an error message (True when refused)."""
    try:
        action()
    except ValidationError as error:
        messages.error(request, refusal_message(error))
        return True
    return False


@login_required
def conflict_declare(request: HttpRequest, challenge_pk: int) -> HttpResponse:
    """The juror's list of conflicts: every submitted submission by title and team organisation, a tick and a
    reason for each conflict; the automatic ones (the juror's own organisations) are shown as such."""
    juror = selectors.juror_for_user(request.user, get_object_or_404(Challenge, pk=challenge_pk))
    declared = dict(juror.conflicts.values_list("submission_id", "reason"))
    form = forms.ConflictDeclarationForm(request.POST or None, candidates=selectors.conflict_candidates(juror),
                                         declared=declared)
    if request.method == "POST" and form.is_valid() and service_result(form, lambda: services.conflict_declare(
            user=request.user, juror=juror, conflicts=form.conflicts())) is not None:
        messages.success(request, _("Your conflicts of interest are declared."))
        return redirect("challenges:juror_mine")
    return render(request, "challenges/jury/conflict_declare.html", {"juror": juror, "form": form,
                                                                     "rows": form.bound_rows()})


@require_POST
@login_required
def assignment_run(request: HttpRequest, challenge_pk: int) -> HttpResponse:
    """Run the assignment (inline: a jury's size is solved in well under a second) and say what it did."""
    challenge = selectors.challenge_managed_get(request.user, challenge_pk)
    try:
        run = services.assignment_run(user=request.user, challenge=challenge)
    except ValidationError as error:
        messages.error(request, refusal_message(error))
    else:
        loads = sorted(run.result.loads.values())
        messages.success(request, _("%(count)d new assignments; each juror scores %(low)d to %(high)d submissions.")
                         % {"count": len(run.created), "low": loads[0], "high": loads[-1]})
    return redirect("challenges:juror_list", challenge.pk)


@login_required
def assignment_score(request: HttpRequest, pk: int) -> HttpResponse:
    """The scoring page: the submission and its files, a score and comment per criterion, save or send. The
    organiser reads it; a conflicted juror and everyone else get a 404."""
    assignment = selectors.assignment_get(request.user, pk)
    challenge = assignment.juror.challenge
    is_juror = assignment.juror.user_id == request.user.pk
    criteria = list(challenge.criteria.all())
    form = forms.ScoreForm(request.POST or None, assignment=assignment, criteria=criteria)
    editable = is_juror and assignment.submitted_at is None
    if request.method == "POST" and editable and form.is_valid():
        send = "send" in request.POST
        if service_result(form, lambda: services.score_save(
                user=request.user, assignment=assignment, values=form.values(), comments=form.comments(),
                comment=form.cleaned_data["comment"], send=send)) is not None:
            messages.success(request, _("Your scores are sent: they are final.") if send
                             else _("Your draft is saved."))
            return redirect("challenges:assignment_score", assignment.pk)
    submission = assignment.submission
    return render(request, "challenges/jury/assignment_score.html", {
        "assignment": assignment, "challenge": challenge, "submission": submission, "form": form,
        "editable": editable, "is_juror": is_juror, "attachments": submission.attachments.all(),
        "visible_scores": selectors.score_list_visible(request.user, submission)})


@login_required
def jury_audit(request: HttpRequest, challenge_pk: int) -> HttpResponse:
    """The organiser's audit trail: who scored which criterion of which submission, when, and when they sent."""
    challenge = selectors.challenge_managed_get(request.user, challenge_pk)
    return render(request, "challenges/jury/jury_audit.html", {"challenge": challenge,
                                                               "rows": selectors.jury_audit(challenge)})


urlpatterns: list[URLPattern] = [
    path("jury/", juror_mine, name="juror_mine"),
    path("<int:challenge_pk>/jurors/", juror_list, name="juror_list"),
    path("<int:challenge_pk>/jurors/invite/", juror_invite, name="juror_invite"),
    path("<int:challenge_pk>/jury/accept/", juror_accept, name="juror_accept"),
    path("<int:challenge_pk>/jury/conflicts/", conflict_declare, name="conflict_declare"),
    path("<int:challenge_pk>/assignment/", assignment_run, name="assignment_run"),
    path("assignments/<int:pk>/", assignment_score, name="assignment_score"),
    path("<int:challenge_pk>/jury/audit/", jury_audit, name="jury_audit"),
]
