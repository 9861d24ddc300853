"""The section's front page: what each part does, with its link."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "monitoring/home.html")


urlpatterns = [path("", home, name="home")]
