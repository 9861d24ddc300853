"""Forms of the clusters app: registry (the list's filters, a profile and its rows, member counts, the import)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from smartcluster.clusters.choices import CategoryTaxonomy, LabelKind, LabelLevel, MemberType
from smartcluster.clusters.models import ClusterLabel, ClusterProfile, ClusterService, InternationalAgreement
from smartcluster.clusters.selectors import SIZE_BANDS, cluster_category_names
from smartcluster.clusters.services import REGISTRY_SHEETS
from smartcluster.organisations.selectors import person_list
from smartcluster.regions.choices import NutsVersion
from smartcluster.regions.selectors import region_find

ANY = [("", _("Any"))]
PROFILE_FIELDS = ["legal_form", "founding_year", "keeps_member_list", "management_fte", "has_strategy",
                  "eccp_profile_url", "is_published"]


def _names(text: str) -> list[str]:
    """Comma-separated names, trimmed, empty ones dropped."""
    return [name.strip() for name in text.split(",") if name.strip()]


def category_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """The two mapping taxonomies' categories, grouped by taxonomy, as "taxonomy:key" values."""
    names = cluster_category_names()
    return [(str(label), [(f"{taxonomy}:{key}", name) for (tax, key), name in sorted(
        names.items(), key=lambda item: str(item[1])) if tax == taxonomy])
        for taxonomy, label in CategoryTaxonomy.choices]


class ClusterFilterForm(forms.Form):
    """The list's filters (a GET form: every field optional)."""

    q = forms.CharField(label=_("Name or description"), required=False)
    region = forms.CharField(label=_("Region (NUTS code)"), required=False, max_length=10,
                             help_text=_("A country (EL) or region (EL61): clusters there or serving it."))
    category = forms.ChoiceField(label=_("Category"), required=False)
    technology = forms.CharField(label=_("Technology"), required=False)
    size = forms.ChoiceField(label=_("Size"), required=False,
                             choices=ANY + [(key, label) for key, (label, _low, _high) in SIZE_BANDS.items()])
    label_kind = forms.ChoiceField(label=_("Label"), required=False, choices=ANY + LabelKind.choices)
    label_level = forms.ChoiceField(label=_("Label level"), required=False, choices=ANY + LabelLevel.choices)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = ANY + [
            (group, [(value.split(":", 1)[1], name) for value, name in options])
            for group, options in category_choices()]

    def filters(self) -> dict[str, str]:
        """The filters as the list selector takes them (invalid choices dropped)."""
        self.is_valid()  # a field with a bad value is left out of cleaned_data, the others still filter
        data = {name: self.cleaned_data.get(name) or "" for name in self.fields if name != "q"}
        return {**data, "search": (self.cleaned_data.get("q") or "").strip()}


class ClusterProfileForm(forms.ModelForm):
    """A profile's own fields, its categories, the organisation's technology tags, regions served and contacts."""

    categories = forms.MultipleChoiceField(label=_("Categories covered"), required=False,
                                           widget=forms.SelectMultiple(attrs={"size": 12}),
                                           help_text=_("Cluster categories and Smart Industry 4.0 areas of the "
                                                       "mapping."))
    technology_tags = forms.CharField(label=_("Technologies"), required=False,
                                      help_text=_("Separate with commas, for example: robotics, IoT."))
    regions_served = forms.CharField(label=_("Regions served (NUTS codes)"), required=False,
                                     help_text=_("Separate with commas, for example: EL61, EL64."))
    regions_version = forms.TypedChoiceField(label=_("NUTS version of these codes"), choices=NutsVersion.choices,
                                             coerce=int, initial=NutsVersion.V2021)
    contacts = forms.ModelMultipleChoiceField(label=_("Contact persons"), required=False, queryset=None,
                                              help_text=_("People of the cluster organisation; only those who "
                                                          "agreed to be listed are shown publicly."))
    eccp_profile_url = forms.URLField(label=_("ECCP profile"), required=False, assume_scheme="https")

    class Meta:
        model = ClusterProfile
        fields = PROFILE_FIELDS

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        profile = self.instance
        self.fields["categories"].choices = category_choices()
        self.fields["contacts"].queryset = person_list(user=user, organisation_id=profile.organisation_id)
        self.initial.setdefault("categories", [f"{c.taxonomy}:{c.category}" for c in profile.categories.all()])
        self.initial.setdefault("technology_tags", ", ".join(
            tag.name for tag in profile.organisation.technology_tags.all()))
        self.initial.setdefault("regions_served", ", ".join(r.code for r in profile.regions_served.all()))
        self.initial.setdefault("contacts", list(profile.contacts.all()))

    def clean_regions_served(self) -> list[Any]:
        version = int(self.data.get(self.add_prefix("regions_version")) or NutsVersion.V2021)
        regions, unknown = [], []
        for code in _names(self.cleaned_data["regions_served"]):
            region = region_find(code=code, version=version)
            (regions if region else unknown).append(region or code)
        if unknown:
            raise forms.ValidationError(_("No NUTS %(version)s region has the code %(codes)s.")
                                        % {"version": version, "codes": ", ".join(unknown)})
        return regions

    def service_arguments(self) -> dict[str, Any]:
        """The cleaned input as `cluster_profile_update` takes it."""
        data = self.cleaned_data
        return {"data": {name: data[name] for name in PROFILE_FIELDS},
                "categories": [tuple(value.split(":", 1)) for value in data["categories"]],
                "technology_tags": _names(data["technology_tags"]), "regions_served": data["regions_served"],
                "contacts": list(data["contacts"])}


class ClusterCreateForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Cluster organisation"), queryset=None,
                                          help_text=_("Organisations of type cluster organisation you edit that "
                                                      "have no profile yet."))

    def __init__(self, *args: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class MemberForm(forms.Form):
    organisation_name = forms.CharField(label=_("Member organisation"), max_length=255,
                                        help_text=_("Its full name: a registered organisation of that name is "
                                                    "linked, never copied; a new one is created unpublished."))
    member_type = forms.ChoiceField(label=_("Membership type"), choices=MemberType.choices)
    year_joined = forms.IntegerField(label=_("Year joined"), min_value=1900, max_value=2100)
    year_left = forms.IntegerField(label=_("Year left"), min_value=1900, max_value=2100, required=False)
    committed = forms.BooleanField(label=_("Committed member (pays a fee or signed an agreement)"), required=False,
                                   initial=True)
    uses_services = forms.BooleanField(label=_("Used at least one service this year"), required=False)

    def member_data(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in ("member_type", "year_joined", "year_left", "committed",
                                                           "uses_services")}


class MemberCountForm(forms.Form):
    """Members by type at 31 December of a year (for a cluster that keeps no list)."""

    year = forms.IntegerField(label=_("Year"), min_value=1900, max_value=2100)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for value, label in MemberType.choices:
            self.fields[f"count_{value}"] = forms.IntegerField(label=label, min_value=0, required=False)

    def counts(self) -> dict[str, int]:
        return {value: self.cleaned_data[f"count_{value}"] for value in MemberType.values
                if self.cleaned_data.get(f"count_{value}") is not None}


class ClusterServiceForm(forms.ModelForm):
    class Meta:
        model = ClusterService
        fields = ["kind", "description", "year", "members_served"]


class ClusterLabelForm(forms.ModelForm):
    certificate_url = forms.URLField(label=_("Certificate"), required=False, assume_scheme="https")

    class Meta:
        model = ClusterLabel
        fields = ["kind", "name", "level", "year", "expires_on", "certificate_url"]
        widgets = {"expires_on": forms.DateInput(attrs={"type": "date"})}


class InternationalAgreementForm(forms.ModelForm):
    class Meta:
        model = InternationalAgreement
        fields = ["partner_name", "country", "year", "subject"]


class RegistryImportForm(forms.Form):
    file = forms.FileField(label=_("Workbook (.xlsx) or CSV file"))
    sheet = forms.ChoiceField(label=_("Sheet a CSV file holds"), choices=[(name, name) for name in REGISTRY_SHEETS],
                              initial="Profiles", help_text=_("A workbook holds all four sheets."))
