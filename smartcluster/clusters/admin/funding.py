"""Admin of the clusters app: funding records, checked by the same rules as the pages (the evaluation library's
shares, revenue and core funding checks, with the field named)."""

from copy import copy
from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError

from smartcluster.clusters.models import FundingRecord
from smartcluster.clusters.selectors.funding import SHARE_FIELDS
from smartcluster.clusters.services.funding import FUNDING_FIELDS, SHARES_FIELD, funding_record_validate


class FundingRecordAdminForm(forms.ModelForm):
    class Meta:
        model = FundingRecord
        fields = ["profile", "year", *FUNDING_FIELDS]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if self.errors:
            return cleaned
        record = copy(self.instance)
        for name, value in cleaned.items():
            setattr(record, name, value)
        try:
            funding_record_validate(record=record)
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                # The sum concerns every share: shown on each, which also keeps the database constraint's own,
                # less helpful message (it names the constraint) from being added beside it.
                for name in SHARE_FIELDS if field == SHARES_FIELD else [field if field in self.fields else None]:
                    self.add_error(name, messages)
        return cleaned


@admin.register(FundingRecord)
class FundingRecordAdmin(admin.ModelAdmin):
    form = FundingRecordAdminForm
    list_display = ["profile", "year", "revenue", "core_funding", "is_published"]
    list_filter = ["year", "is_published"]
    search_fields = ["profile__organisation__name"]
    raw_id_fields = ["profile"]
    ordering = ["profile__organisation__name", "-year"]
