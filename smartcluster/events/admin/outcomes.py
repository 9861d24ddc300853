"""Admin of the events app: outcomes — decisions, follow-up actions, check-in issues with their follow-ups,
brainstorm themes, ideas and votes, and the project's check-in interval."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from smartcluster.events.models import (
    BrainstormIdea,
    BrainstormTheme,
    BrainstormVote,
    CheckInIssue,
    Decision,
    FollowUpAction,
    ProjectLifeSettings,
)


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin):
    list_display = ["event", "number", "text"]
    list_filter = ["event__kind"]
    search_fields = ["text", "event__title"]
    raw_id_fields = ["event"]


@admin.register(FollowUpAction)
class FollowUpActionAdmin(admin.ModelAdmin):
    list_display = ["title", "event", "owner", "due_on", "status", "done_on"]
    list_filter = ["status", "event__kind", "event__project"]
    search_fields = ["title", "owner__name", "event__title"]
    raw_id_fields = ["event", "issue", "owner"]
    date_hierarchy = "due_on"


class FollowUpInline(admin.TabularInline):
    model = FollowUpAction
    fk_name = "issue"
    fields = ["title", "owner", "due_on", "status", "done_on"]
    raw_id_fields = ["owner"]
    extra = 0
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # an action needs its event, added from the action's own page


@admin.register(CheckInIssue)
class CheckInIssueAdmin(admin.ModelAdmin):
    list_display = ["event", "topic", "text"]
    list_filter = ["topic"]
    search_fields = ["text", "event__title", "event__partner_met__organisation__name"]
    raw_id_fields = ["event"]
    inlines = [FollowUpInline]


@admin.register(BrainstormTheme)
class BrainstormThemeAdmin(admin.ModelAdmin):
    list_display = ["title", "event"]
    search_fields = ["title", "event__title"]
    raw_id_fields = ["event"]


@admin.register(BrainstormIdea)
class BrainstormIdeaAdmin(admin.ModelAdmin):
    list_display = ["text", "event", "theme", "vote_count", "created_at"]
    search_fields = ["text", "event__title"]
    raw_id_fields = ["event", "author", "theme"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[BrainstormIdea]:
        return super().get_queryset(request).annotate(vote_count=Count("votes"))

    @admin.display(description=_("votes"), ordering="vote_count")
    def vote_count(self, idea: BrainstormIdea) -> int:
        return idea.vote_count


@admin.register(BrainstormVote)
class BrainstormVoteAdmin(admin.ModelAdmin):
    """Read only: votes are cast within the budget by the brainstorm's pages and API, never typed in here."""

    list_display = ["idea", "voter", "created_at"]
    search_fields = ["idea__text", "voter__username"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ProjectLifeSettingsAdmin(admin.ModelAdmin):
    list_display = ["project", "check_in_interval_days"]


if not admin.site.is_registered(ProjectLifeSettings):  # the calendar part may own it; admin modules load before
    admin.site.register(ProjectLifeSettings, ProjectLifeSettingsAdmin)
