"""Forms of the clusters app: missions, commitments and progress reports (validated again by the services)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from smartcluster.clusters.models import Commitment, Mission


class MissionForm(forms.ModelForm):
    indicators = forms.CharField(
        label=_("Indicators"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line: what the mission counts, a vertical bar, its unit (e.g. “Workers re- or "
                    "upskilled | workers”). New lines add indicators; existing ones stay."))

    class Meta:
        model = Mission
        fields = ["organisation", "title", "goal", "target_date", "is_published"]
        widgets = {"target_date": forms.DateInput(attrs={"type": "date"}), "goal": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args: Any, organisations: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if organisations is None:
            del self.fields["organisation"]
        else:
            self.fields["organisation"].queryset = organisations

    def clean_indicators(self) -> list[tuple[str, str]]:
        pairs = []
        for number, line in enumerate(self.cleaned_data["indicators"].splitlines(), start=1):
            if not line.strip():
                continue
            title, bar, unit = line.partition("|")
            if not bar or not title.strip() or not unit.strip():
                raise ValidationError(_("Line %(line)s: write “title | unit”.") % {"line": number})
            pairs.append((title.strip(), unit.strip()))
        return pairs


class CommitmentForm(forms.ModelForm):
    target = forms.DecimalField(label=_("target"), min_value=Decimal("0.01"), max_digits=12, decimal_places=2)
    target_year = forms.IntegerField(label=_("by year"), min_value=1900, max_value=2100)

    class Meta:
        model = Commitment
        fields = ["profile", "indicator", "text", "target", "target_year"]

    def __init__(self, *args: Any, profiles: Any = None, indicators: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if profiles is None:
            del self.fields["profile"], self.fields["indicator"]
        else:
            self.fields["profile"].queryset = profiles
            self.fields["profile"].label = _("Cluster")
            self.fields["indicator"].queryset = indicators

    def validate_unique(self) -> None:
        """The service refuses a second commitment naming the field; the form does not check it twice."""


class ProgressForm(forms.Form):
    """A year's report; a plain form, so that the service's refusals (evidence, year) are the ones shown."""

    year = forms.IntegerField(label=_("year"), min_value=1900, max_value=2100)
    value = forms.DecimalField(label=_("achieved in the year"), min_value=0, max_digits=12, decimal_places=2)
    evidence_url = forms.URLField(label=_("evidence (link)"), required=False, assume_scheme="https")
    evidence_note = forms.CharField(label=_("evidence"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
                                    help_text=_("A link or a note saying where the figure comes from."))
