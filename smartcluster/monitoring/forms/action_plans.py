"""The action plans' forms: a plan's Part I / II and partners, an action of Part III, a monitoring entry, the
adoption. Services decide; forms parse."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from smartcluster.monitoring.choices import BackgroundKind, ImplementationStatus

_DATE = forms.DateInput(attrs={"type": "date"})


class ActionPlanForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300, required=False,
                            help_text=_("Empty: named after the policy instrument."))
    general_information = forms.CharField(label=_("Part I: general information"), required=False,
                                          widget=forms.Textarea(attrs={"rows": 5}))
    policy_context = forms.CharField(label=_("Part II: policy context"), required=False,
                                     widget=forms.Textarea(attrs={"rows": 5}))
    developed_with = forms.ModelMultipleChoiceField(label=_("Developed with"), queryset=None, required=False)

    def __init__(self, *args: Any, partner: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["developed_with"].queryset = partner.project.partners.exclude(pk=partner.pk).select_related(
            "organisation").order_by("organisation__name")


class ActionForm(forms.Form):
    title = forms.CharField(label=_("Action"), max_length=300)
    background_kind = forms.ChoiceField(label=_("Background"), choices=BackgroundKind.choices)
    good_practice = forms.ModelChoiceField(label=_("Good practice drawn on"), queryset=None, required=False)
    recommendation = forms.ModelChoiceField(label=_("Peer-review recommendation drawn on"), queryset=None,
                                            required=False)
    brainstorm = forms.ModelChoiceField(label=_("Brainstorm drawn on"), queryset=None, required=False)
    background = forms.CharField(label=_("Background in words"), required=False,
                                 widget=forms.Textarea(attrs={"rows": 3}))
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    players = forms.CharField(label=_("Players involved"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    starts_on = forms.DateField(label=_("Starts on"), widget=_DATE)
    ends_on = forms.DateField(label=_("Ends on"), widget=_DATE)
    costs = forms.DecimalField(label=_("Costs (EUR)"), required=False, max_digits=14, decimal_places=2)
    funding = forms.CharField(label=_("Funding sources"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, choices: dict[str, Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field, queryset in choices.items():
            self.fields[field].queryset = queryset


class MonitoringEntryForm(forms.Form):
    semester = forms.IntegerField(label=_("Semester"))
    status = forms.ChoiceField(label=_("Status"), choices=ImplementationStatus.choices)
    what_was_done = forms.CharField(label=_("What was done"), required=False,
                                    widget=forms.Textarea(attrs={"rows": 3}))
    explanation = forms.CharField(label=_("Explanation"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
                                  help_text=_("Required when the action was not implemented."))
    evidence_file = forms.FileField(label=_("Evidence file"), required=False,
                                    help_text=_("PDF, image, Office or OpenDocument file."))
    evidence_url = forms.URLField(label=_("Evidence link"), required=False, assume_scheme="https")


class AdoptionForm(forms.Form):
    adopted_on = forms.DateField(label=_("Adopted on"), required=False, widget=_DATE)
    adopted_by = forms.CharField(label=_("Adopted by"), max_length=300, required=False)
    implementation_started_on = forms.DateField(label=_("Implementation started on"), required=False, widget=_DATE)
