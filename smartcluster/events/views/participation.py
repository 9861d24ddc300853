"""Pages of the events app: participation."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
