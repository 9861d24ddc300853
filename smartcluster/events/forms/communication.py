"""Forms of the events app: communication plan, its target groups, channels and KPIs, its items and their filters
(the services check every rule again and name the field they refuse)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from smartcluster.events.models import (
    CommunicationChannel,
    CommunicationItem,
    CommunicationKind,
    CommunicationKpi,
    CommunicationPlan,
    CommunicationStatus,
    KpiMeasure,
    TargetGroup,
)
from smartcluster.events.services.communication import COUNTED_KPI_ENTERED, PUBLISHED_WITHOUT_DATE


class ServiceChecked:
    """A model form whose uniqueness the service checks (naming the field), not the form twice."""

    def validate_unique(self) -> None:
        """Left to the service."""


class CommunicationPlanForm(ServiceChecked, forms.ModelForm):
    class Meta:
        model = CommunicationPlan
        fields = ["responsible", "objectives"]
        widgets = {"objectives": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args: Any, partners: Any = None, **kwargs: Any) -> None:
        """`partners`: who may run the plan (None: the field is not offered)."""
        super().__init__(*args, **kwargs)
        if partners is None:
            del self.fields["responsible"]
        else:
            self.fields["responsible"].queryset = partners


class TargetGroupForm(ServiceChecked, forms.ModelForm):
    class Meta:
        model = TargetGroup
        fields = ["name", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class CommunicationChannelForm(ServiceChecked, forms.ModelForm):
    class Meta:
        model = CommunicationChannel
        fields = ["name", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class CommunicationKpiForm(ServiceChecked, forms.ModelForm):
    class Meta:
        model = CommunicationKpi
        fields = ["name", "unit", "target", "measure", "item_kind", "achieved"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if cleaned.get("measure") not in (None, KpiMeasure.MANUAL) and cleaned.get("achieved") is not None:
            self.add_error("achieved", COUNTED_KPI_ENTERED)
        return cleaned


class CommunicationItemForm(ServiceChecked, forms.ModelForm):
    due_semester = forms.TypedChoiceField(label=_("due in semester"), coerce=int)
    url = forms.URLField(label=_("link"), required=False, assume_scheme="https")
    events = forms.ModelMultipleChoiceField(label=_("events it reports on"), required=False, queryset=None,
                                            widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = CommunicationItem
        fields = ["kind", "number", "title", "due_semester", "responsible", "status", "published_on", "url", "reach",
                  "events"]
        widgets = {"published_on": forms.DateInput(attrs={"type": "date"})}
        help_texts = {"published_on": _("Required once the item is published."),
                      "number": _("Unique per kind in the project (press release 1, 2, …).")}

    def __init__(self, *args: Any, project: Any, partners: Any, events: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["due_semester"].choices = [(n, str(n)) for n in range(1, project.semesters + 1)]
        self.fields["responsible"].queryset = partners
        self.fields["events"].queryset = events

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if cleaned.get("status") == CommunicationStatus.PUBLISHED and not cleaned.get("published_on"):
            self.add_error("published_on", PUBLISHED_WITHOUT_DATE)
        return cleaned


class CommunicationItemFilterForm(forms.Form):
    """The item list's filters (every one optional)."""

    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", _("any"))] + CommunicationKind.choices)
    status = forms.ChoiceField(label=_("Status"), required=False,
                               choices=[("", _("any"))] + CommunicationStatus.choices)
    semester = forms.TypedChoiceField(label=_("Due in semester"), required=False, coerce=int, empty_value=None)
    responsible = forms.TypedChoiceField(label=_("Responsible partner"), required=False, coerce=int,
                                         empty_value=None)

    def __init__(self, *args: Any, project: Any, partners: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["semester"].choices = [("", _("any"))] + [(n, str(n)) for n in range(1, project.semesters + 1)]
        self.fields["responsible"].choices = [("", _("any"))] + [(p.pk, str(p.organisation)) for p in partners]

    def filters(self) -> dict[str, Any]:
        """The valid filters, as keyword arguments of `communication_item_list` (invalid ones are dropped)."""
        self.is_valid()
        return {name: value for name, value in getattr(self, "cleaned_data", {}).items() if value not in (None, "")}
