"""Admin of the clusters app: skills needs and training offers (ESCO URIs checked as the services check them)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin

from smartcluster.clusters.models import SkillNeed, TrainingOffer
from smartcluster.clusters.services.skills import esco_uri_clean
from smartcluster.site.admin import HTTPS_URL_FIELDS


class EscoUriForm(forms.ModelForm):
    """The ESCO URI refused with the services' message when it is not an ESCO skill or occupation URI."""

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if "esco_uri" in cleaned and cleaned.get("kind"):
            try:
                cleaned["esco_uri"] = esco_uri_clean(cleaned["esco_uri"], kind=cleaned["kind"])
            except forms.ValidationError as error:
                self.add_error("esco_uri", error.message_dict["esco_uri"])
        return cleaned


@admin.register(SkillNeed)
class SkillNeedAdmin(admin.ModelAdmin):
    form = EscoUriForm
    list_display = ["label", "profile", "kind", "urgency", "people", "year"]
    list_filter = ["kind", "urgency", "year"]
    search_fields = ["label", "esco_uri", "profile__organisation__name"]
    raw_id_fields = ["profile"]
    formfield_overrides = HTTPS_URL_FIELDS


@admin.register(TrainingOffer)
class TrainingOfferAdmin(admin.ModelAdmin):
    form = EscoUriForm
    list_display = ["title", "profile", "provider", "provider_organisation", "places"]
    list_filter = ["provider", "kind"]
    search_fields = ["title", "esco_uri", "profile__organisation__name"]
    raw_id_fields = ["profile", "provider_organisation"]
    formfield_overrides = HTTPS_URL_FIELDS
