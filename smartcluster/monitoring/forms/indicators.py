"""The indicators forms: a custom indicator and the targets with a row per partner (the lead), a semester's draft,
a value entered by hand with its evidence and the submission's confirmation (the partner), a review (the lead).
Services decide; forms parse."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from smartcluster.monitoring.choices import EvidenceReview, IndicatorKind

_DATE = forms.DateInput(attrs={"type": "date"})


class IndicatorForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=300)
    unit = forms.CharField(label=_("Unit"), max_length=100, help_text=_("What is counted, e.g. “pilot actions”."))
    kind = forms.ChoiceField(label=_("Kind"), choices=IndicatorKind.choices)


def _target_field(label: str) -> forms.DecimalField:
    return forms.DecimalField(label=label, required=False, min_value=0, max_digits=14, decimal_places=2,
                              help_text=_("Leave empty for no target."))


class TargetsForm(forms.Form):
    """A row per partner (`target_<partner id>`) and one for the project (`target_project`)."""

    def __init__(self, *args: Any, partners: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.partners = partners
        for partner in partners:
            self.fields[f"target_{partner.pk}"] = _target_field(str(partner.organisation))
        self.fields["target_project"] = _target_field(_("The whole project (empty: the partners' sum)"))

    def targets(self) -> dict[Any, Any]:
        """The cleaned targets by partner, None for the project's own."""
        rows = {partner: self.cleaned_data[f"target_{partner.pk}"] for partner in self.partners}
        return {**rows, None: self.cleaned_data["target_project"]}


class ReportCreateForm(forms.Form):
    semester = forms.TypedChoiceField(label=_("Semester"), coerce=int)
    summary = forms.CharField(label=_("Summary of the semester"), required=False,
                              widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, semesters: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["semester"].choices = [(number, number) for number in semesters]


class IndicatorValueForm(forms.Form):
    value = forms.DecimalField(label=_("Value"), min_value=0, max_digits=14, decimal_places=2)
    evidence_type = forms.CharField(label=_("Evidence type"), max_length=100, required=False,
                                    help_text=_("e.g. certificate, signed agreement, minutes"))
    evidence_issuer = forms.CharField(label=_("Issued by"), max_length=300, required=False)
    evidence_date = forms.DateField(label=_("Evidence date"), required=False, widget=_DATE)
    evidence_file = forms.FileField(label=_("Evidence document"), required=False,
                                    help_text=_("PDF, image, Office or OpenDocument file."))
    evidence_url = forms.URLField(label=_("Evidence link"), required=False, assume_scheme="https")
    comment = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ReportSubmitForm(forms.Form):
    confirm = forms.BooleanField(label=_("I confirm the values: once submitted, the report can no longer change."))


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), choices=[
        (EvidenceReview.ACCEPTED, EvidenceReview.ACCEPTED.label), (EvidenceReview.REJECTED, EvidenceReview.REJECTED.label)])
    comment = forms.CharField(label=_("Reviewer's comment"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
                              help_text=_("Required for a rejection: say why."))
