"""Pages of the clusters app: skills."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
