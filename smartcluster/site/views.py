from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def home(request: HttpRequest) -> HttpResponse:
    """The landing page: what the platform is for, and the sections that are installed."""
    return render(request, "site/home.html")
