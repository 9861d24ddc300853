"""Forms of the clusters app: funding (a year's record, the import upload, the group filters). The figures are
checked by the service (`funding_record_save`); its refusals come back onto the form with `add_refusal`."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from smartcluster.clusters.models import FundingRecord
from smartcluster.clusters.selectors.funding import AMOUNT_FIELDS, SHARE_FIELDS
from smartcluster.clusters.services.funding import SHARES_FIELD

RECORD_FIELDS = ("revenue", *SHARE_FIELDS, *AMOUNT_FIELDS, "is_published")


class FundingRecordForm(forms.Form):
    """One year's funding: revenue, one field per source share (%), core funding, cost, contracted funding.
    A plain form, not a ModelForm: the service checks the figures and names the field, where a ModelForm would
    answer the shares' database constraint with its name."""

    def __init__(self, *args: Any, existing_years: set[int] | None = None, **kwargs: Any) -> None:
        """`existing_years`: the cluster's years, given when adding a year (a year field is shown and checked)."""
        super().__init__(*args, **kwargs)
        self.existing_years = existing_years
        fields = forms.fields_for_model(FundingRecord, fields=["year", *RECORD_FIELDS] if existing_years is not None
                                        else RECORD_FIELDS)
        self.fields.update(fields)
        for name in SHARE_FIELDS:
            self.fields[name].widget.attrs.update({"min": 0, "max": 100, "step": "0.01", "class": "share"})
            self.fields[name].required = False

    def clean_year(self) -> int:
        year = self.cleaned_data["year"]
        if self.existing_years and year in self.existing_years:
            raise ValidationError(_("This cluster has a record for %(year)s already: edit it instead."),
                                  params={"year": year})
        return year

    def share_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in SHARE_FIELDS]

    def other_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.fields if name not in SHARE_FIELDS]

    def record_data(self) -> dict[str, Any]:
        """The cleaned figures as the service takes them (an empty share is 0)."""
        data = {name: self.cleaned_data[name] for name in RECORD_FIELDS}
        data.update({name: data[name] or 0 for name in SHARE_FIELDS})
        return data

    def add_refusal(self, error: ValidationError) -> None:
        """A service's refusal onto the form: the shares' sum above the shares, the rest beside its field."""
        if not hasattr(error, "error_dict"):
            self.add_error(None, error)
            return
        for field, errors in error.error_dict.items():
            self.add_error(None if field == SHARES_FIELD or field not in self.fields else field, errors)


class FundingImportForm(forms.Form):
    file = forms.FileField(label=_("Workbook (.xlsx) or CSV file"),
                           help_text=_('One sheet "Funding" with the columns of the download.'),
                           widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}))


class FundingGroupForm(forms.Form):
    """Which clusters a group view sums: a NUTS region (its code or a prefix) and/or a country."""

    region = forms.CharField(label=_("Region (NUTS code or its beginning)"), required=False, max_length=5,
                             validators=[RegexValidator(r"^[A-Za-z]{2}[A-Za-z0-9]{0,3}$",
                                                        _("Enter a NUTS code such as DE1 or EL61."))])
    country = forms.CharField(label=_("Country (two letters)"), required=False, max_length=2,
                              validators=[RegexValidator(r"^[A-Za-z]{2}$", _("Enter two letters, e.g. DE."))])

    def filters(self) -> dict[str, str]:
        """The valid filters (none when the form is invalid: its errors say why)."""
        if not self.is_valid():
            return {"region_prefix": "", "country": ""}
        return {"region_prefix": self.cleaned_data["region"].upper(), "country": self.cleaned_data["country"].upper()}
