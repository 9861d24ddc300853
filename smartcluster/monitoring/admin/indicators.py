"""The indicators admin, read-mostly: indicators and targets are planned, reports and values written through the
pages and API (the services check rights, semesters, numbers, and that a submitted report is final); here they are
read and searched."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from smartcluster.monitoring.models import Indicator, IndicatorTarget, IndicatorValue, ProgressReport


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class IndicatorTargetInline(admin.TabularInline):
    model = IndicatorTarget
    extra = 0
    can_delete = False
    fields = readonly_fields = ["partner", "value"]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class IndicatorValueInline(admin.TabularInline):
    model = IndicatorValue
    extra = 0
    can_delete = False
    fields = readonly_fields = ["indicator", "value", "is_computed", "evidence_type", "evidence_url", "review"]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Indicator)
class IndicatorAdmin(ReadOnlyAdmin):
    list_display = ["name", "code", "project", "kind", "unit", "measure"]
    list_filter = ["project", "kind", "code", "measure"]
    search_fields = ["name", "code", "definition"]
    inlines = [IndicatorTargetInline]


@admin.register(IndicatorTarget)
class IndicatorTargetAdmin(ReadOnlyAdmin):
    list_display = ["indicator", "partner", "value"]
    list_filter = ["indicator__project"]


@admin.register(ProgressReport)
class ProgressReportAdmin(ReadOnlyAdmin):
    list_display = ["partner", "semester", "status", "submitted_at"]
    list_filter = ["status", "semester"]
    search_fields = ["partner__organisation__name", "summary"]
    inlines = [IndicatorValueInline]


@admin.register(IndicatorValue)
class IndicatorValueAdmin(ReadOnlyAdmin):
    list_display = ["indicator", "report", "value", "is_computed", "review", "reviewed_by", "reviewed_at"]
    list_filter = ["review", "is_computed"]
    search_fields = ["indicator__name", "evidence_issuer", "comment", "review_comment"]
