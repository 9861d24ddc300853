"""The teams pages: my teams, a team with its members and submission, the submission's form and files, and the
organiser's list of submissions with their eligibility."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path


@login_required
def team_mine(request: HttpRequest) -> HttpResponse:
    """The signed-in user's teams in every challenge."""
    return render(request, "challenges/teams/team_mine.html", {"teams": []})


def _pending(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


urlpatterns = [
    path("teams/", team_mine, name="team_mine"),
    path("<int:challenge_pk>/teams/new/", _pending, name="team_create"),
    path("teams/<int:pk>/", _pending, name="team_detail"),
    path("teams/<int:pk>/invite/", _pending, name="team_invite"),
    path("teams/members/<int:pk>/remove/", _pending, name="team_member_remove"),
    path("teams/join/<str:token>/", _pending, name="team_join"),
    path("teams/<int:pk>/submission/", _pending, name="submission_edit"),
    path("teams/<int:pk>/submission/submit/", _pending, name="submission_submit"),
    path("teams/<int:pk>/submission/withdraw/", _pending, name="submission_withdraw"),
    path("teams/<int:pk>/submission/attachments/new/", _pending, name="submission_attachment_add"),
    path("submissions/attachments/<int:pk>/", _pending, name="submission_attachment"),
    path("<int:challenge_pk>/submissions/", _pending, name="submission_list"),
    path("submissions/<int:pk>/eligibility/", _pending, name="submission_eligibility"),
]
