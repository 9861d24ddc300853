"""The work plan admin, read-mostly: activities, deliverables and template notes are planned and updated through
the pages and API (the services check partners, semesters and evidence by content); here they are read, searched
and may be deleted."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from smartcluster.monitoring.models import Activity, Deliverable, WorkPlanNote


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Activity)
class ActivityAdmin(ReadOnlyAdmin):
    list_display = ["title", "project", "semester", "strand", "host", "host_name"]
    list_filter = ["project", "semester", "strand"]
    search_fields = ["title", "topic", "host_name"]


@admin.register(Deliverable)
class DeliverableAdmin(ReadOnlyAdmin):
    list_display = ["title", "project", "kind", "number", "responsible", "due_semester", "status", "done_on"]
    list_filter = ["project", "kind", "status", "due_semester"]
    search_fields = ["title", "evidence_note"]


@admin.register(WorkPlanNote)
class WorkPlanNoteAdmin(ReadOnlyAdmin):
    list_display = ["message", "project", "semester", "code", "resolved_at"]
    list_filter = ["project", "code"]
    search_fields = ["message", "resolution"]
