"""The action plans admin, read-mostly: plans, actions and entries are written through their pages or API (the
rules of the services: players, semesters that have begun, explanations, evidence checked by content); here they
are read, and a plan is published or taken back through the service."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from smartcluster.monitoring.models import Action, ActionPlan, MonitoringEntry
from smartcluster.monitoring.services.action_plans import action_plan_publish
from smartcluster.site.api import refusal_message


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ActionInline(admin.TabularInline):
    model = Action
    extra = 0
    can_delete = False
    fields = readonly_fields = ["position", "title", "background_kind", "players", "starts_on", "ends_on", "costs"]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


def _published(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet[ActionPlan],
               published: bool) -> None:
    for plan in queryset:
        try:
            action_plan_publish(user=request.user, plan=plan, published=published)
        except (ValidationError, PermissionDenied) as error:
            modeladmin.message_user(request, f"{plan}: {refusal_message(error)}", messages.ERROR)


@admin.action(description=_("Publish"))
def publish(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet[ActionPlan]) -> None:
    _published(modeladmin, request, queryset, True)


@admin.action(description=_("Make the partnership's again"))
def unpublish(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet[ActionPlan]) -> None:
    _published(modeladmin, request, queryset, False)


@admin.register(ActionPlan)
class ActionPlanAdmin(ReadOnlyAdmin):
    list_display = ["title", "partner", "status", "is_published", "adopted_on"]
    list_filter = ["status", "is_published"]
    search_fields = ["title", "partner__organisation__name"]
    inlines = [ActionInline]
    actions = [publish, unpublish]


@admin.register(Action)
class ActionAdmin(ReadOnlyAdmin):
    list_display = ["title", "plan", "position", "background_kind", "starts_on", "ends_on"]
    list_filter = ["background_kind"]
    search_fields = ["title", "players"]


@admin.register(MonitoringEntry)
class MonitoringEntryAdmin(ReadOnlyAdmin):
    list_display = ["action", "semester", "status", "recorded_at"]
    list_filter = ["status", "semester"]
