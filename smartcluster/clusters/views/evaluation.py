"""Pages of the clusters app: evaluation."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
