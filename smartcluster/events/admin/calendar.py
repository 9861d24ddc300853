"""Admin of the events app: calendar — project events with their agenda, stakeholder groups with their members.

Dates and times here are in the platform's time zone (settings), not the event's: the event pages enter them in
the event's own zone.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from smartcluster.events.models import EventSession, ProjectEvent, StakeholderGroup, StakeholderGroupMember
from smartcluster.site.admin import HTTPS_URL_FIELDS


class EndsAfterStartForm(forms.ModelForm):
    """The end after the start, refused on the end's field (the database refuses it too)."""

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if cleaned.get("starts_at") and cleaned.get("ends_at") and cleaned["ends_at"] <= cleaned["starts_at"]:
            self.add_error("ends_at", _("It must end after it starts."))
        return cleaned


class EventSessionInline(admin.TabularInline):
    model = EventSession
    form = EndsAfterStartForm
    fields = ["title", "starts_at", "ends_at", "speakers"]
    extra = 0


@admin.register(ProjectEvent)
class ProjectEventAdmin(admin.ModelAdmin):
    form = EndsAfterStartForm
    list_display = ["title", "kind", "project", "host", "starts_at", "time_zone", "is_published"]
    list_filter = ["kind", "project", "is_published"]
    search_fields = ["title", "thematic_focus", "host__organisation__name"]
    raw_id_fields = ["host", "partner_met", "stakeholder_group", "matchmaking_event", "created_by"]
    date_hierarchy = "starts_at"
    formfield_overrides = HTTPS_URL_FIELDS
    inlines = [EventSessionInline]
    readonly_fields = ["created_at", "updated_at"]


class StakeholderGroupMemberInline(admin.TabularInline):
    model = StakeholderGroupMember
    fields = ["organisation", "person", "joined_on", "left_on"]
    raw_id_fields = ["organisation", "person"]
    extra = 0


@admin.register(StakeholderGroup)
class StakeholderGroupAdmin(admin.ModelAdmin):
    list_display = ["name", "partner", "meetings_per_semester"]
    list_filter = ["partner__project"]
    search_fields = ["name", "partner__organisation__name"]
    raw_id_fields = ["partner"]
    inlines = [StakeholderGroupMemberInline]
