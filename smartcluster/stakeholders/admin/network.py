"""Network admin: declared collaborations, the pair put in id order by the services' one rule."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError

from smartcluster.stakeholders.models import Collaboration
from smartcluster.stakeholders.services import collaboration_pair


class CollaborationAdminForm(forms.ModelForm):
    """The two organisations in any order (stored in id order); the same one twice is refused naming it."""

    class Meta:
        model = Collaboration
        fields = ["first", "second", "kind", "since_year", "description", "declared_by"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if cleaned.get("first") and cleaned.get("second"):
            try:
                cleaned["first"], cleaned["second"] = collaboration_pair(cleaned["first"], cleaned["second"])
            except ValidationError as error:
                for field, problems in error.message_dict.items():
                    self.add_error(field, problems)
        return cleaned


@admin.register(Collaboration)
class CollaborationAdmin(admin.ModelAdmin):
    form = CollaborationAdminForm
    list_display = ["first", "second", "kind", "since_year", "declared_by"]
    list_filter = ["kind"]
    search_fields = ["first__name", "second__name", "description", "declared_by__organisation__name"]
    raw_id_fields = ["first", "second", "declared_by"]
