"""Teams admin, read-mostly: a team with its members (invited and accepted), a submission with its files; the
status, dates and eligibility are the services' own (read-only), records are created through the pages."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from smartcluster.challenges.models import Submission, SubmissionAttachment, Team, TeamMember


class TeamMemberInline(admin.TabularInline):
    model = TeamMember
    fields = ["email", "user", "role", "invited_at", "accepted_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["name", "challenge", "organisation", "created_by", "created_at"]
    list_filter = ["challenge"]
    search_fields = ["name", "organisation__name", "challenge__title", "members__email"]
    fields = ["challenge", "name", "organisation", "matchmaking_profile", "created_by", "created_at"]
    readonly_fields = ["challenge", "organisation", "matchmaking_profile", "created_by", "created_at"]
    inlines = [TeamMemberInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


class SubmissionAttachmentInline(admin.TabularInline):
    model = SubmissionAttachment
    fields = ["title", "content_type", "size", "uploaded_by", "uploaded_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    list_display = ["title", "team", "status", "submitted_at", "eligibility"]
    list_filter = ["status", "eligibility", "team__challenge"]
    search_fields = ["title", "team__name", "team__organisation__name"]
    fields = ["team", "title", "summary", "solution", "expected_impact", "implementation", "status",
              "submitted_at", "withdrawn_at", "eligibility", "eligibility_reason", "eligibility_checked_by",
              "eligibility_checked_at", "updated_at"]
    readonly_fields = ["team", "status", "submitted_at", "withdrawn_at", "eligibility", "eligibility_reason",
                       "eligibility_checked_by", "eligibility_checked_at", "updated_at"]
    inlines = [SubmissionAttachmentInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
