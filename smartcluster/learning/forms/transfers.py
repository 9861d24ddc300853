"""Transfers forms: they parse input; the services decide (and name refused fields)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from smartcluster.learning.choices import TransferStage
from smartcluster.learning.selectors.transfers import transfer_partner_choices, transfer_practice_choices
from smartcluster.organisations.selectors import project_list


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class TransferFilterForm(forms.Form):
    """The list's filters; an invalid value is ignored (the list shows unfiltered)."""

    search = forms.CharField(label=_("Search"), max_length=100, required=False)
    project = forms.ModelChoiceField(label=_("Project"), queryset=project_list(), required=False,
                                     empty_label=_("All projects"))
    stage = forms.ChoiceField(label=_("Stage"), choices=[("", _("All stages")), *TransferStage.choices],
                              required=False)
    country = forms.CharField(label=_("Country"), max_length=2, required=False,
                              help_text=_("Two-letter code, as in NUTS (EL for Greece)."))

    def selector_arguments(self) -> dict[str, Any]:
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {"search": data["search"], "project_id": data["project"].pk if data["project"] else None,
                "stage": data["stage"], "country": data["country"].upper()}


class TransferForm(forms.Form):
    """A transfer: the practice, the partner inspired, the stage reached and when, what it did and the evidence."""

    practice = forms.ModelChoiceField(label=_("Good practice"), queryset=None)
    partner = forms.ModelChoiceField(label=_("Partner inspired"), queryset=None)
    stage = forms.ChoiceField(label=_("Stage"), choices=TransferStage.choices, initial=TransferStage.INSPIRED)
    inspired_on = forms.DateField(label=_("Inspired on"), widget=DateInput())
    stage_on = forms.DateField(label=_("Stage reached on"), widget=DateInput())
    description = forms.CharField(label=_("What the partner did"), widget=forms.Textarea(attrs={"rows": 4}),
                                  required=False)
    evidence = forms.CharField(label=_("Evidence"), widget=forms.Textarea(attrs={"rows": 3}), required=False,
                               help_text=_("For example a decision, a call launched, a budget line, figures."))
    evidence_url = forms.URLField(label=_("Evidence link"), required=False, assume_scheme="https")

    def __init__(self, *args: Any, user: Any, editing: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["practice"].queryset = transfer_practice_choices(user=user)
        self.fields["partner"].queryset = transfer_partner_choices(user=user)
        self.fields["partner"].label_from_instance = lambda partner: (
            f"{partner.organisation.name} ({partner.project.acronym})")
        if editing:  # the practice and partner of a transfer stay; another pair is another transfer
            del self.fields["practice"], self.fields["partner"]
