"""Forms of the organisation pages: they parse and check input; the services decide and save."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from smartcluster.industries.selectors import industry_find
from smartcluster.organisations.models import (
    HelixRole,
    Organisation,
    OrganisationType,
    Partner,
    Person,
    Project,
)
from smartcluster.organisations.selectors import organisation_with_name
from smartcluster.regions.choices import NutsVersion
from smartcluster.regions.selectors import region_find

DEFAULT_NUTS_VERSION = NutsVersion.V2021


def split_names(text: str) -> list[str]:
    """Comma-separated names, trimmed, empty ones dropped."""
    return [name.strip() for name in text.split(",") if name.strip()]


class RegionCodesMixin:
    """Resolve NUTS codes typed by the user in one NUTS version, naming any code that does not exist."""

    def regions_from_codes(self, codes: list[str], version: int, field: str) -> list[Any]:
        regions, unknown = [], []
        for code in codes:
            region = region_find(code=code, version=version)
            (regions if region else unknown).append(region or code)
        if unknown:
            self.add_error(field, _("No NUTS %(version)s region has the code %(codes)s.")
                           % {"version": version, "codes": ", ".join(unknown)})
        return regions


class OrganisationForm(RegionCodesMixin, forms.ModelForm):
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    region_code = forms.CharField(label=_("NUTS region code"), required=False, max_length=10,
                                  help_text=_("For example EL61 (Thessalia) or ES62 (Región de Murcia)."))
    region_version = forms.TypedChoiceField(label=_("NUTS version"), choices=NutsVersion.choices, coerce=int,
                                            initial=DEFAULT_NUTS_VERSION)
    nace_code = forms.CharField(label=_("Main NACE activity code"), required=False, max_length=8,
                                help_text=_("NACE Rev. 2, for example 62.01 or C28."))
    technology_tags = forms.CharField(label=_("Technologies"), required=False,
                                      help_text=_("Separate with commas, for example: robotics, IoT."))
    sector_tags = forms.CharField(label=_("Sectors"), required=False,
                                  help_text=_("Separate with commas, for example: automotive, agri-food."))

    field_order = ["name", "type", "region_code", "region_version", "nace_code", "size_class", "website",
                   "description", "technology_tags", "sector_tags", "is_published"]

    class Meta:
        model = Organisation
        fields = ["name", "type", "size_class", "website", "description", "is_published"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        organisation = self.instance
        if organisation.pk:
            if organisation.region:
                self.initial.setdefault("region_code", organisation.region.code)
                self.initial.setdefault("region_version", organisation.region.version)
            if organisation.nace:
                self.initial.setdefault("nace_code", organisation.nace.code)
            self.initial.setdefault("technology_tags", ", ".join(t.name for t in organisation.technology_tags.all()))
            self.initial.setdefault("sector_tags", ", ".join(t.name for t in organisation.sector_tags.all()))

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        clash = organisation_with_name(name=name, exclude_id=self.instance.pk)
        if clash is not None:
            raise forms.ValidationError(_("An organisation named “%(name)s” already exists.") % {"name": clash.name})
        return name

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        code = (cleaned.get("region_code") or "").strip()
        regions = self.regions_from_codes([code] if code else [], cleaned.get("region_version"), "region_code")
        cleaned["region"] = regions[0] if regions else None
        nace_code = (cleaned.get("nace_code") or "").strip()
        cleaned["nace"] = industry_find(code=nace_code) if nace_code else None
        if nace_code and cleaned["nace"] is None:
            self.add_error("nace_code", _("No NACE Rev. 2 activity has the code %(code)s.") % {"code": nace_code})
        return cleaned

    def organisation_data(self) -> dict[str, Any]:
        """The organisation's own fields, as the services take them."""
        return {field: self.cleaned_data[field] for field in [*self.Meta.fields, "region", "nace"]}

    def tags(self, field: str) -> list[str]:
        return split_names(self.cleaned_data.get(field, ""))


class OrganisationFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    type = forms.ChoiceField(label=_("Type"), required=False,
                             choices=[("", _("All types")), *OrganisationType.choices])
    helix_role = forms.ChoiceField(label=_("Helix role"), required=False,
                                   choices=[("", _("All roles")), *HelixRole.choices])
    country = forms.CharField(label=_("Country code"), required=False, max_length=2)
    region = forms.CharField(label=_("NUTS region code"), required=False, max_length=10)
    nace = forms.CharField(label=_("NACE code"), required=False, max_length=8)
    tag = forms.CharField(label=_("Tag"), required=False, max_length=100)

    def filters(self) -> dict[str, str]:
        """The filters the user set, named as `organisation_list` takes them."""
        if not self.is_valid():
            return {}
        data = {key: value for key, value in self.cleaned_data.items() if value}
        if "q" in data:
            data["search"] = data.pop("q")
        return data


class PersonForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = ["name", "email", "role", "consent_to_contact", "consent_to_list"]


class ProjectForm(forms.ModelForm):
    class Meta:
        model = Project
        fields = ["name", "acronym", "programme", "start_date", "semesters"]
        widgets = {"start_date": forms.DateInput(attrs={"type": "date"})}


class PartnerForm(RegionCodesMixin, forms.ModelForm):
    region_codes = forms.CharField(label=_("NUTS codes of its regions"), required=False,
                                   help_text=_("Separate with commas, for example: EL61, EL64."))
    region_version = forms.TypedChoiceField(label=_("NUTS version"), choices=NutsVersion.choices, coerce=int,
                                            initial=DEFAULT_NUTS_VERSION)

    class Meta:
        model = Partner
        fields = ["organisation", "role", "policy_instrument"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # The organisation of an existing partnership is fixed; remove the partner and add another instead.
            del self.fields["organisation"]
            regions = list(self.instance.regions.all())
            if regions:
                self.initial.setdefault("region_codes", ", ".join(region.code for region in regions))
                self.initial.setdefault("region_version", regions[0].version)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        codes = split_names(cleaned.get("region_codes", ""))
        cleaned["regions"] = self.regions_from_codes(codes, cleaned.get("region_version"), "region_codes")
        return cleaned

    def validate_unique(self) -> None:
        """Uniqueness is the service's to check, with a message that names the project and organisation."""

    def partner_data(self) -> dict[str, Any]:
        return {"role": self.cleaned_data["role"], "policy_instrument": self.cleaned_data["policy_instrument"]}
