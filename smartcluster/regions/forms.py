"""Search form of the region browse page."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from smartcluster.regions.choices import NutsVersion

LEVEL_CHOICES = [("", _("Any level")), ("0", _("0 (country)")), ("1", "1"), ("2", "2"), ("3", "3")]


class RegionSearchForm(forms.Form):
    q = forms.CharField(label=_("Code or name"), required=False, max_length=100)
    level = forms.TypedChoiceField(label=_("Level"), choices=LEVEL_CHOICES, coerce=int, empty_value=None,
                                   required=False)
    version = forms.TypedChoiceField(label=_("NUTS version"), coerce=int, empty_value=None, required=False,
                                     choices=[("", _("Any version")), *NutsVersion.choices])
    country = forms.RegexField(label=_("Country code"), regex=r"^[A-Za-z]{2}$", required=False, max_length=2,
                               error_messages={"invalid": _("Enter a two-letter country code, e.g. EL.")})
