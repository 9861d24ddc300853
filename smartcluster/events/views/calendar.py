"""Pages of the events app: calendar."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
