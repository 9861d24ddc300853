"""The impact admin, read-mostly: an action's impact indicators are named through its page (the service checks the
region, dataset, category, measure and cluster against their sources); here they are read and searched."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from smartcluster.monitoring.models import ImpactIndicator


@admin.register(ImpactIndicator)
class ImpactIndicatorAdmin(admin.ModelAdmin):
    list_display = ["action", "source", "region_code", "dataset", "category", "measure", "cluster"]
    list_filter = ["source", "region_code"]
    search_fields = ["action__title", "region_code", "dataset", "category", "note"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
