"""Ranking admin: the awards, read only (the organiser confirms them with the results on the ranking page, which
publishes the results and notifies the teams; the admin would bypass both)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from smartcluster.challenges.models import Award


@admin.register(Award)
class AwardAdmin(admin.ModelAdmin):
    list_display = ["challenge", "place", "submission", "prize", "confirmed_by", "confirmed_at"]
    list_filter = ["place", "challenge"]
    search_fields = ["challenge__title", "submission__title", "submission__team__name", "prize"]
    readonly_fields = ["challenge", "submission", "place", "prize", "confirmed_by", "confirmed_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
