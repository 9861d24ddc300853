"""Pages of the clusters app: mission."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
