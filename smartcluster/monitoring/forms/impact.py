"""The impact form: name a figure an action should move. The choices come from the sections' selectors; the
service decides (region, dataset, category, measure, cluster are checked there and refused next to the field)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from smartcluster.monitoring.choices import ImpactSource, MappingMeasure


class ImpactIndicatorForm(forms.Form):
    source = forms.ChoiceField(label=_("Source"), choices=ImpactSource.choices)
    region_code = forms.CharField(label=_("Region (NUTS code)"), max_length=10,
                                  help_text=_("For example EL61; a code also covers the regions within it."))
    dataset = forms.ChoiceField(label=_("Dataset (mapping figures)"), required=False)
    category = forms.ChoiceField(label=_("Cluster category (mapping figures)"), required=False)
    measure = forms.ChoiceField(label=_("Figure (employment, LQ or stars)"), required=False,
                                choices=[("", "—"), *MappingMeasure.choices])
    cluster = forms.ModelChoiceField(label=_("Cluster organisation (evaluation scores)"), queryset=None,
                                     required=False)
    note = forms.CharField(label=_("What should change"), max_length=300, required=False)

    def __init__(self, *args: Any, datasets: list[str], categories: list[Any], clusters: Any,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["dataset"].choices = [("", "—"), *((name, name) for name in datasets)]
        self.fields["category"].choices = [("", "—"), *categories]
        self.fields["cluster"].queryset = clusters
