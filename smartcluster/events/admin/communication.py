"""Admin of the events app: communication plans with their target groups, channels and KPIs as inlines, and items
checked by the same rules as the services (`communication_item_validate`, naming the field)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from smartcluster.events.models import (
    CommunicationChannel,
    CommunicationItem,
    CommunicationKpi,
    CommunicationPlan,
    KpiMeasure,
    TargetGroup,
)
from smartcluster.events.services.communication import COUNTED_KPI_ENTERED, communication_item_validate
from smartcluster.site.admin import HTTPS_URL_FIELDS
from smartcluster.site.views import form_refusal


class TargetGroupInline(admin.TabularInline):
    model = TargetGroup
    extra = 0


class CommunicationChannelInline(admin.TabularInline):
    model = CommunicationChannel
    extra = 0


class CommunicationKpiForm(forms.ModelForm):
    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if cleaned.get("measure") not in (None, KpiMeasure.MANUAL) and cleaned.get("achieved") is not None:
            self.add_error("achieved", COUNTED_KPI_ENTERED)
        return cleaned


class CommunicationKpiInline(admin.TabularInline):
    model = CommunicationKpi
    form = CommunicationKpiForm
    extra = 0


class CommunicationPlanForm(forms.ModelForm):
    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        project, responsible = cleaned.get("project"), cleaned.get("responsible")
        if project and responsible and responsible.project_id != project.pk:
            self.add_error("responsible", _("%(partner)s is not a partner of %(project)s.") % {
                "partner": responsible, "project": project})
        return cleaned


@admin.register(CommunicationPlan)
class CommunicationPlanAdmin(admin.ModelAdmin):
    form = CommunicationPlanForm
    list_display = ["project", "responsible"]
    search_fields = ["project__acronym", "project__name", "responsible__organisation__name", "objectives"]
    raw_id_fields = ["project", "responsible"]
    inlines = [TargetGroupInline, CommunicationChannelInline, CommunicationKpiInline]


class CommunicationItemForm(forms.ModelForm):
    def clean(self) -> dict[str, Any]:
        """The services' rules on the item as entered (its events as chosen)."""
        cleaned = super().clean()
        if self.errors or not cleaned.get("project") or not cleaned.get("responsible"):
            return cleaned
        item = CommunicationItem(pk=self.instance.pk, **{name: value for name, value in cleaned.items()
                                                         if name != "events"})
        try:
            communication_item_validate(item=item, events=list(cleaned.get("events") or []))
        except ValidationError as error:
            form_refusal(self, error)
        return cleaned


@admin.register(CommunicationItem)
class CommunicationItemAdmin(admin.ModelAdmin):
    form = CommunicationItemForm
    list_display = ["title", "kind", "number", "project", "due_semester", "responsible", "status", "published_on",
                    "reach"]
    list_filter = ["kind", "status", "due_semester"]
    search_fields = ["title", "project__acronym", "responsible__organisation__name"]
    raw_id_fields = ["project", "responsible"]
    filter_horizontal = ["events"]
    formfield_overrides = HTTPS_URL_FIELDS
