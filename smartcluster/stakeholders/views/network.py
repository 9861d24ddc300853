"""Network pages."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, path


def network_index(request: HttpRequest) -> HttpResponse:
    """The collaboration network of the organisations the reader may read."""
    return render(request, "stakeholders/network/index.html")


urlpatterns: list[URLPattern] = [path("network/", network_index, name="network_index")]
