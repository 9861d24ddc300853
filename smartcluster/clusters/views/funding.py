"""Pages of the clusters app: funding."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
