"""The import wizard (Eurostat dataset or uploaded file) and the region focus form."""

from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from smartcluster.config import MB, file_limits
from smartcluster.sources.nuts_versions import code_versions

DATASET_CODE = re.compile(r"^[a-z0-9_]{3,40}$")
MAX_UPLOAD_BYTES = file_limits().upload_max_bytes
CLASSIFICATIONS = [("NACE_R2", "NACE Rev. 2"), ("NAICS", "NAICS")]


class EurostatImportForm(forms.Form):
    source = forms.CharField(widget=forms.HiddenInput, initial="eurostat")
    dataset_code = forms.CharField(label=_("Eurostat dataset code"), max_length=40,
                                   help_text=_("For example sbs_r_nuts2021, sbs_r_nuts06_r2 or "
                                               "nama_10r_3empers."))
    years = forms.CharField(label=_("Years (optional)"), required=False, help_text=_("e.g. 2010-2015 or 2012,2014"))

    def clean_dataset_code(self) -> str:
        code = self.cleaned_data["dataset_code"].strip().lower()
        if not DATASET_CODE.match(code):
            raise forms.ValidationError(_("A Eurostat code has letters, digits and underscores only."))
        return code

    def clean_years(self) -> list[int] | None:
        text = self.cleaned_data["years"].strip()
        if not text:
            return None
        years: list[int] = []
        for part in text.split(","):
            first, _sep, last = part.strip().partition("-")
            if not first.isdigit() or (last and not last.isdigit()):
                raise forms.ValidationError(_("Write years like 2010-2015 or 2012,2014."))
            years += list(range(int(first), int(last or first) + 1))
        return years


class FileImportForm(forms.Form):
    source = forms.CharField(widget=forms.HiddenInput, initial="file")
    file = forms.FileField(label=_("CSV or Excel file"),
                           help_text=_("Long layout: region, industry, year, measure, value; or wide: region, "
                                       "industry, measure and one column per year."))
    dataset = forms.CharField(label=_("Dataset name"), max_length=60)
    measure = forms.CharField(label=_("Measure (if the file has no measure column)"), required=False, max_length=60)
    unit = forms.CharField(label=_("Unit (optional)"), required=False, max_length=30)
    classification = forms.ChoiceField(label=_("Industry codes"), choices=CLASSIFICATIONS)

    def clean_file(self) -> object:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than %(megabytes)s MB.") % {"megabytes": MAX_UPLOAD_BYTES // MB})
        if not upload.name.lower().endswith((".csv", ".txt", ".tsv", ".xlsx", ".xls", ".xlsm")):
            raise forms.ValidationError(_("Upload a .csv or an Excel (.xlsx, .xls) file."))
        return upload

    def clean_dataset(self) -> str:
        name = self.cleaned_data["dataset"].strip()
        if not DATASET_CODE.match(name.lower()):
            raise forms.ValidationError(_("Use letters, digits and underscores (3 to 40 characters)."))
        return name


def _codes(text: str) -> list[str]:
    codes = list(dict.fromkeys(c.strip().upper() for c in re.split(r"[,\s]+", text) if c.strip()))
    unknown = [c for c in codes if c not in code_versions()]
    if unknown:
        raise forms.ValidationError(_("Unknown NUTS code(s): %(codes)s") % {"codes": ", ".join(unknown)})
    return codes


class FocusForm(forms.Form):
    regions = forms.CharField(label=_("Your region(s)"), help_text=_("NUTS codes, e.g. EL61"))
    peers = forms.CharField(label=_("Peer regions"), required=False, help_text=_("NUTS codes, e.g. LT02, HU32, ES41"))

    def clean_regions(self) -> list[str]:
        codes = _codes(self.cleaned_data["regions"])
        if not codes:
            raise forms.ValidationError(_("Name at least one region."))
        return codes

    def clean_peers(self) -> list[str]:
        return _codes(self.cleaned_data["peers"])
