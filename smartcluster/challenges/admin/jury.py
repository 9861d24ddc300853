"""Jury admin, read-mostly: a juror with their declared conflicts, an assignment with its scores. Invitations,
declarations, assignments and scores are made through the pages (the services' rules); here nothing of a juror's
work is editable, and a sent assignment not at all."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from smartcluster.challenges.models import Assignment, ConflictOfInterest, Juror, Score


class ConflictInline(admin.TabularInline):
    model = ConflictOfInterest
    fields = ["submission", "reason", "declared_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Juror)
class JurorAdmin(admin.ModelAdmin):
    list_display = ["user", "challenge", "organisation", "accepted_at", "conflicts_declared_at"]
    list_filter = ["challenge"]
    search_fields = ["user__username", "user__email", "organisation__name", "challenge__title"]
    fields = ["challenge", "user", "organisation", "invited_at", "accepted_at", "conflicts_declared_at"]
    readonly_fields = fields  # the organisation decides automatic conflicts: it changes only by invitation
    inlines = [ConflictInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


class ScoreInline(admin.TabularInline):
    model = Score
    fields = ["criterion", "value", "comment", "scored_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Assignment)
class AssignmentAdmin(admin.ModelAdmin):
    list_display = ["juror", "submission", "assigned_at", "submitted_at"]
    list_filter = ["juror__challenge"]
    search_fields = ["juror__user__username", "submission__title"]
    fields = ["juror", "submission", "assigned_at", "comment", "submitted_at"]
    readonly_fields = fields
    inlines = [ScoreInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        """An unsent assignment may be taken back (the next run gives the seat to another); a sent one stays."""
        return super().has_delete_permission(request, obj) and (obj is None or obj.submitted_at is None)
