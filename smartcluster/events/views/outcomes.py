"""Pages of the events app: outcomes."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
