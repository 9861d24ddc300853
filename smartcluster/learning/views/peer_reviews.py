"""Peer reviews pages: the list, a review's page (challenge, participants by role and country with the
two-countries warning, recommendations with the host's responses), its forms and the XLSX export. Views parse
input, call one service or selector, and render."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, path

from smartcluster.learning.selectors import peer_reviews as selectors


def peer_review_list(request: HttpRequest) -> HttpResponse:
    """The peer reviews the user may read, latest first."""
    reviews = Paginator(selectors.peer_review_list(user=request.user), 25).get_page(request.GET.get("page"))
    return render(request, "learning/peer_reviews/list.html", {
        "reviews": reviews, "query": "",
        "can_create": selectors.peer_review_event_choices(user=request.user).exists(),
    })


urlpatterns: list[URLPattern] = [
    path("peer-reviews/", peer_review_list, name="peer_review_list"),
]
