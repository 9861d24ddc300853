"""Network forms: the network's filters and a declared collaboration (validated again by the services)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from smartcluster.organisations.choices import HelixRole
from smartcluster.organisations.selectors import organisation_list
from smartcluster.stakeholders.choices import CollaborationKind, LinkSource
from smartcluster.stakeholders.selectors import NETWORK_LEVELS, collaboration_partner_choices


class NetworkFilterForm(forms.Form):
    region = forms.CharField(label=_("Region (NUTS code)"), required=False, max_length=10,
                             help_text=_("A country (EL), NUTS 1 (EL6) or NUTS 2 region (EL64); empty for all."))
    source = forms.MultipleChoiceField(label=_("Links from"), required=False, choices=LinkSource.choices,
                                       widget=forms.CheckboxSelectMultiple,
                                       help_text=_("None ticked: every source."))
    helix = forms.ChoiceField(label=_("Helix"), required=False,
                              choices=[("", _("All helices")), *HelixRole.choices])
    level = forms.TypedChoiceField(label=_("Regions at NUTS level"), coerce=int, initial=2, required=False,
                                   empty_value=2, choices=[(level, str(level)) for level in NETWORK_LEVELS])

    def clean_region(self) -> str:
        region = self.cleaned_data["region"].strip().upper()
        if region and not region.isalnum():
            raise forms.ValidationError(_("A NUTS code has letters and digits only, e.g. EL64."))
        return region

    def filters(self) -> dict[str, Any]:
        """The cleaned filters as `selectors.network_get` takes them (all when the form is not valid)."""
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        return {"region": data.get("region", ""), "sources": data.get("source", []), "helix": data.get("helix", ""),
                "level": data.get("level") or 2}


class CollaborationForm(forms.Form):
    """A plain form (not a ModelForm): the pair is put in id order by the service, so the model's ordering
    constraint must not be checked on the pair as typed."""

    declared_by = forms.ModelChoiceField(label=_("Declared by"), queryset=None,
                                         help_text=_("The partner stating this collaboration."))
    first = forms.ModelChoiceField(label=_("Organisation"), queryset=None)
    second = forms.ModelChoiceField(label=_("Other organisation"), queryset=None)
    kind = forms.ChoiceField(label=_("Kind"), choices=CollaborationKind.choices)
    since_year = forms.IntegerField(label=_("Since (year)"), required=False, min_value=1900, max_value=2100)
    description = forms.CharField(label=_("Description"), required=False, max_length=500,
                                  widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, user: Any, creating: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        organisations = organisation_list(user=user).order_by("name")
        self.fields["first"].queryset = organisations
        self.fields["second"].queryset = organisations
        if creating:
            self.fields["declared_by"].queryset = collaboration_partner_choices(user=user)
        else:
            del self.fields["declared_by"]

    def data_for_service(self) -> dict[str, Any]:
        """The collaboration's fields as the services take them."""
        return {name: self.cleaned_data[name] for name in ("first", "second", "kind", "since_year", "description")}
