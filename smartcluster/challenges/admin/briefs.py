"""Briefs admin, read-mostly: a brief is written through its pages or API (so a published brief's changes are
logged, the teams told, criteria locked once a team submitted); here it is read with its criteria and change
log, published through the service, and deleted only while a draft. Attachments are read (a file is added only
through the content check) and may be removed."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from smartcluster.challenges.models import Challenge, ChallengeAttachment, ChallengeChange, ChallengeCriterion
from smartcluster.challenges.services.briefs import CHALLENGE_FIELDS, challenge_publish
from smartcluster.site.api import refusal_message


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ChallengeCriterionInline(ReadOnlyInline):
    model = ChallengeCriterion
    fields = readonly_fields = ["position", "name", "weight", "threshold", "description"]


class ChallengeChangeInline(ReadOnlyInline):
    """The log of a published brief's changes: written by the services only."""

    model = ChallengeChange
    fields = readonly_fields = ["changed_at", "field", "before", "after", "changed_by"]


class ChallengeAttachmentInline(ReadOnlyInline):
    model = ChallengeAttachment
    fields = readonly_fields = ["title", "content_type", "size", "uploaded_by", "uploaded_at"]


@admin.action(description=_("Publish (checks criteria and timeline)"))
def publish(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet[Challenge]) -> None:
    for challenge in queryset:
        try:
            challenge_publish(user=request.user, challenge=challenge)
        except (ValidationError, PermissionDenied) as error:
            text = refusal_message(error)
            modeladmin.message_user(request, f"{challenge}: {text}", messages.ERROR)


@admin.register(Challenge)
class ChallengeAdmin(admin.ModelAdmin):
    list_display = ["title", "organiser", "deadline_at", "is_published", "is_cancelled"]
    list_filter = ["is_published", "is_cancelled", "organiser"]
    search_fields = ["title", "problem", "organiser__name"]
    date_hierarchy = "deadline_at"
    fields = readonly_fields = ["organiser", *CHALLENGE_FIELDS, "eligible_region_codes", "is_published",
                                "published_at", "is_cancelled", "results_published_at", "results_confirmed_by",
                                "created_by", "created_at", "updated_at"]
    inlines = [ChallengeCriterionInline, ChallengeAttachmentInline, ChallengeChangeInline]
    actions = [publish]

    @admin.display(description=_("eligible regions"))
    def eligible_region_codes(self, challenge: Challenge) -> str:
        return ", ".join(region.code for region in challenge.eligible_regions.all()) or "—"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Challenge | None = None) -> bool:
        # A published brief is cancelled with a reason (its teams read it), never deleted.
        return super().has_delete_permission(request, obj) and (obj is None or not obj.is_published)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Challenge]) -> None:
        super().delete_queryset(request, queryset.filter(is_published=False))


@admin.register(ChallengeAttachment)
class ChallengeAttachmentAdmin(admin.ModelAdmin):
    list_display = ["title", "challenge", "content_type", "size", "uploaded_at"]
    search_fields = ["title", "challenge__title"]
    fields = readonly_fields = ["challenge", "title", "file", "content_type", "size", "uploaded_by", "uploaded_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def delete_model(self, request: HttpRequest, obj: ChallengeAttachment) -> None:
        storage, name = obj.file.storage, obj.file.name
        super().delete_model(request, obj)
        storage.delete(name)  # no file left without its record

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[ChallengeAttachment]) -> None:
        files = [(attachment.file.storage, attachment.file.name) for attachment in queryset]
        super().delete_queryset(request, queryset)
        for storage, name in files:
            storage.delete(name)
