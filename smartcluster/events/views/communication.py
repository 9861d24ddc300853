"""Pages of the events app: communication."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
