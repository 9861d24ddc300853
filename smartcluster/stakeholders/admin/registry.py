"""Registry admin: stakeholders (with their notes inline) held to the services' rules: topics cleaned, the partner's
contact a person of the partner."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from smartcluster.organisations.choices import HelixRole
from smartcluster.stakeholders.models import Stakeholder, StakeholderNote
from smartcluster.stakeholders.selectors import helix_of
from smartcluster.stakeholders.services import topics_cleaned


class StakeholderAdminForm(forms.ModelForm):
    class Meta:
        model = Stakeholder
        fields = ["partner", "organisation", "person", "partner_contact", "interest", "influence", "topics"]

    def clean_topics(self) -> list[str]:
        try:
            return topics_cleaned(self.cleaned_data.get("topics"))
        except ValidationError as error:
            raise forms.ValidationError(error.message_dict["topics"]) from error

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        partner, contact = cleaned.get("partner"), cleaned.get("partner_contact")
        if partner is not None and contact is not None and contact.organisation_id != partner.organisation_id:
            self.add_error("partner_contact", _("Choose a person of %(partner)s.") % {
                "partner": partner.organisation.name})
        return cleaned


class StakeholderNoteInline(admin.StackedInline):
    model = StakeholderNote
    fields = ["text", "author", "created_at"]
    readonly_fields = ["created_at"]
    raw_id_fields = ["author"]
    extra = 0


@admin.register(Stakeholder)
class StakeholderAdmin(admin.ModelAdmin):
    form = StakeholderAdminForm
    list_display = ["organisation", "partner", "helix", "interest", "influence"]
    list_filter = ["partner__project", "interest", "influence", "organisation__type"]
    search_fields = ["organisation__name", "partner__organisation__name", "person__name"]
    raw_id_fields = ["partner", "organisation", "person", "partner_contact"]
    list_select_related = ["organisation", "partner__organisation", "partner__project"]
    inlines = [StakeholderNoteInline]

    @admin.display(description=_("helix"))
    def helix(self, stakeholder: Stakeholder) -> str:
        return str(dict(HelixRole.choices).get(helix_of(stakeholder.organisation.type), ""))


@admin.register(StakeholderNote)
class StakeholderNoteAdmin(admin.ModelAdmin):
    list_display = ["__str__", "stakeholder", "author", "created_at"]
    search_fields = ["text", "stakeholder__organisation__name"]
    raw_id_fields = ["stakeholder", "author"]
    readonly_fields = ["created_at"]
