"""Practices admin: a practice with its topics (checked against their taxonomies) and its status trail read-only.
The status changes only through the status-flow service (the actions below); an edit is recorded as the pages
record it (a decided practice goes back to submitted)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from smartcluster.learning.choices import PracticeStatus
from smartcluster.learning.models import GoodPractice, PracticeStatusChange, PracticeTopic
from smartcluster.learning.services.practices import (
    good_practice_edit_recorded,
    good_practice_topics_checked,
    good_practice_transition,
)
from smartcluster.site.admin import HTTPS_URL_FIELDS
from smartcluster.site.api import refusal_message


class PracticeTopicAdminForm(forms.ModelForm):
    class Meta:
        model = PracticeTopic
        fields = ["taxonomy", "code"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if cleaned.get("taxonomy") and cleaned.get("code"):
            try:
                good_practice_topics_checked([(cleaned["taxonomy"], cleaned["code"])])
            except ValidationError as error:
                self.add_error("code", error.message_dict["topics"])
        return cleaned


class PracticeTopicInline(admin.TabularInline):
    model = PracticeTopic
    form = PracticeTopicAdminForm
    extra = 0


class PracticeStatusChangeInline(admin.TabularInline):
    """The trail: written by the status service only, never edited."""

    model = PracticeStatusChange
    extra = 0
    fields = readonly_fields = ["changed_at", "from_status", "to_status", "changed_by", "note"]
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


def _move(to_status: str) -> Any:
    """An admin action moving the selected practices through the status service (refusals listed, not applied)."""

    def action(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet[GoodPractice]) -> None:
        for practice in queryset:
            try:
                good_practice_transition(user=request.user, practice=practice, to_status=to_status)
            except (ValidationError, PermissionDenied) as error:
                text = refusal_message(error)
                modeladmin.message_user(request, f"{practice}: {text}", messages.ERROR)

    action.__name__ = f"move_to_{to_status}"
    action.short_description = _("Move to “%(status)s” (status flow)") % {  # type: ignore[attr-defined]
        "status": PracticeStatus(to_status).label}
    return action


@admin.register(GoodPractice)
class GoodPracticeAdmin(admin.ModelAdmin):
    list_display = ["title", "partner", "status", "is_published", "is_successful"]
    list_filter = ["status", "is_successful", "partner__project"]
    search_fields = ["title", "description", "organisation_in_charge__name"]
    raw_id_fields = ["organisation_in_charge", "region", "source_event"]
    formfield_overrides = HTTPS_URL_FIELDS
    readonly_fields = ["status", "is_published", "created_by", "created_at", "updated_at"]
    inlines = [PracticeTopicInline, PracticeStatusChangeInline]
    actions = [_move(status) for status in (PracticeStatus.PROJECT_APPROVED, PracticeStatus.EXPERT_VALIDATED,
                                            PracticeStatus.DECLINED)]

    def save_model(self, request: HttpRequest, obj: GoodPractice, form: Any, change: bool) -> None:
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
        good_practice_edit_recorded(user=request.user, practice=obj, created=not change)
