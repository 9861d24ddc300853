"""Search form of the industry browse page."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from smartcluster.industries.choices import NaceLevel


class IndustrySearchForm(forms.Form):
    q = forms.CharField(label=_("Code or name"), required=False, max_length=100)
    level = forms.TypedChoiceField(label=_("Level"), coerce=int, empty_value=None, required=False,
                                   choices=[("", _("Any level")), *NaceLevel.choices])
    section = forms.RegexField(label=_("Section"), regex=r"^[A-Ua-u]$", required=False, max_length=1,
                               error_messages={"invalid": _("Enter a section letter from A to U.")})
