"""Forms of the clusters app: skills needs and training offers (validated again by the services)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from smartcluster.clusters.models import SkillNeed, TrainingOffer
from smartcluster.organisations.selectors import organisation_queryset

ESCO_HELP = _("Where known, the ESCO URI of the skill or occupation, e.g. http://data.europa.eu/esco/skill/<id> "
              "(copy it from esco.ec.europa.eu); leave it empty otherwise.")


def _esco_field() -> forms.CharField:
    # A plain text field: the service names what is wrong with a URI that is not ESCO's.
    return forms.CharField(label=_("ESCO URI"), required=False, max_length=200, help_text=ESCO_HELP)


class SkillNeedForm(forms.ModelForm):
    esco_uri = _esco_field()
    year = forms.IntegerField(label=_("year"), min_value=1900, max_value=2100)

    class Meta:
        model = SkillNeed
        fields = ["kind", "label", "esco_uri", "urgency", "people", "year", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}


class TrainingOfferForm(forms.ModelForm):
    esco_uri = _esco_field()
    url = forms.URLField(label=_("link"), required=False, assume_scheme="https")

    class Meta:
        model = TrainingOffer
        fields = ["provider", "provider_organisation", "title", "kind", "esco_uri", "places", "url"]

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["provider_organisation"].queryset = organisation_queryset()
        self.fields["provider_organisation"].help_text = _("The member or university, when it is registered.")


class RegionFilterForm(forms.Form):
    region = forms.CharField(label=_("Region (NUTS code)"), required=False, max_length=10,
                             help_text=_("A country (EL), NUTS 1 (EL6) or NUTS 2 region (EL61); empty for all."))
