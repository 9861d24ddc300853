"""Pages of the clusters app: registry."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
