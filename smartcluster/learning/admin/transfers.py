"""Transfers admin: which partner was inspired by which practice, checked by the services' rules (not the partner's
own practice, not a declined one, one transfer per pair, the stage never dated before the inspiration)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from smartcluster.learning.models import PracticeTransfer
from smartcluster.learning.services.transfers import (
    practice_transfer_dates_check,
    practice_transfer_pair_check,
)


class PracticeTransferAdminForm(forms.ModelForm):
    evidence_url = forms.URLField(label=_("Evidence link"), required=False, assume_scheme="https")

    class Meta:
        model = PracticeTransfer
        fields = ["practice", "partner", "stage", "inspired_on", "stage_on", "description", "evidence",
                  "evidence_url"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        checks = [lambda: practice_transfer_dates_check(inspired_on=cleaned.get("inspired_on"),
                                                        stage_on=cleaned.get("stage_on"))]
        if cleaned.get("practice") and cleaned.get("partner"):
            checks.append(lambda: practice_transfer_pair_check(practice=cleaned["practice"],
                                                               partner=cleaned["partner"], transfer=self.instance))
        for check in checks:
            try:
                check()
            except ValidationError as error:
                for field, messages in error.message_dict.items():
                    self.add_error(field, messages)
        return cleaned


@admin.register(PracticeTransfer)
class PracticeTransferAdmin(admin.ModelAdmin):
    form = PracticeTransferAdminForm
    list_display = ["practice", "partner", "stage", "inspired_on", "stage_on"]
    list_filter = ["stage", "partner__project"]
    search_fields = ["practice__title", "partner__organisation__name", "description"]
    raw_id_fields = ["practice", "partner"]
    date_hierarchy = "stage_on"
