"""Admin of the clusters app: missions with their indicators, commitments with their yearly progress."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from smartcluster.clusters.models import Commitment, CommitmentProgress, Mission, MissionIndicator
from smartcluster.site.admin import HTTPS_URL_FIELDS


class MissionIndicatorInline(admin.TabularInline):
    model = MissionIndicator
    extra = 1


@admin.register(Mission)
class MissionAdmin(admin.ModelAdmin):
    list_display = ["title", "organisation", "target_date", "is_published"]
    list_filter = ["is_published"]
    search_fields = ["title", "goal", "organisation__name"]
    raw_id_fields = ["organisation"]
    inlines = [MissionIndicatorInline]


class ProgressForm(forms.ModelForm):
    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if not cleaned.get("evidence_url") and not (cleaned.get("evidence_note") or "").strip():
            self.add_error("evidence_url", _("Give the evidence: a link or a note saying where the figure comes "
                                             "from."))
        return cleaned


class CommitmentProgressInline(admin.TabularInline):
    model = CommitmentProgress
    form = ProgressForm
    extra = 0
    formfield_overrides = HTTPS_URL_FIELDS


@admin.register(Commitment)
class CommitmentAdmin(admin.ModelAdmin):
    list_display = ["text", "profile", "indicator", "target", "target_year"]
    search_fields = ["text", "profile__organisation__name", "indicator__mission__title"]
    raw_id_fields = ["profile", "indicator"]
    inlines = [CommitmentProgressInline]
