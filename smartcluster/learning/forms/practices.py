"""Practices forms: the search filters and the practice form (all Interreg Europe fields, topics, point)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from smartcluster.learning.choices import PracticeStatus
from smartcluster.learning.models import GoodPractice
from smartcluster.learning.selectors import practice_topic_choices
from smartcluster.organisations.choices import OrganisationType

ANY: list[tuple[str, Any]] = [("", _("Any"))]
SUCCESS_CHOICES = [("", _("Any")), ("yes", _("Successful")), ("no", _("Not successful (lessons learnt)"))]
INTERREG_FIELDS = ["title", "organisation_in_charge", "description", "resources_needed", "timescale",
                   "evidence_of_success", "potential_for_transfer", "difficulties_and_lessons", "further_information"]


class PracticeFilterForm(forms.Form):
    """The search: words, region or country, topic, status (for readers of unpublished practices), success and
    source event."""

    text = forms.CharField(label=_("Words"), required=False)
    region = forms.CharField(label=_("NUTS region"), required=False, max_length=10,
                             help_text=_("A NUTS code: EL65, or EL6 for the regions it contains."))
    country = forms.CharField(label=_("Country"), required=False, max_length=2,
                              help_text=_("Two letters, as in NUTS (EL for Greece)."))
    topic = forms.ChoiceField(label=_("Topic"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False, choices=ANY + list(PracticeStatus.choices))
    successful = forms.ChoiceField(label=_("Outcome"), required=False, choices=SUCCESS_CHOICES)
    source_event = forms.TypedChoiceField(label=_("Presented at"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args: Any, may_see_unpublished: bool = False, events: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["source_event"].choices = ANY + [(event.pk, str(event)) for event in events]
        self.fields["topic"].choices = ANY + [(str(group), options) for group, options in practice_topic_choices()]
        if not may_see_unpublished:
            del self.fields["status"]

    def filters(self) -> dict[str, Any]:
        """The selector's arguments (invalid values are ignored: a search never fails)."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        successful = {"yes": True, "no": False}.get(data.get("successful") or "")
        return {"text": data.get("text") or "", "region": data.get("region") or "",
                "country": data.get("country") or "", "topic": data.get("topic") or "",
                "status": data.get("status") or "", "successful": successful,
                "source_event": data.get("source_event")}


class PracticeForm(forms.ModelForm):
    """A good practice: the Interreg Europe fields, where it is (NUTS region and a point), its topics, the event it
    was presented at and whether it succeeded. The organisation in charge is chosen or named (then created)."""

    organisation_in_charge = forms.ModelChoiceField(label=_("Organisation in charge"), required=False,
                                                    queryset=None)  # type: ignore[arg-type]
    new_organisation = forms.CharField(label=_("…or a new organisation in charge"), required=False, max_length=300,
                                       help_text=_("Its name: it is created in the organisations registry."))
    new_organisation_type = forms.ChoiceField(label=_("Type of the new organisation"), required=False,
                                              choices=ANY + list(OrganisationType.choices))
    region_code = forms.CharField(label=_("Region (NUTS code)"), required=False, max_length=10,
                                  help_text=_("The NUTS region where the practice takes place, e.g. EL65."))
    latitude = forms.DecimalField(label=_("Latitude"), required=False, min_value=Decimal(-90), max_value=Decimal(90),
                                  decimal_places=5, help_text=_("Decimal degrees (WGS 84), −90 to 90; with the "
                                                                "longitude, or neither."))
    longitude = forms.DecimalField(label=_("Longitude"), required=False, min_value=Decimal(-180),
                                   max_value=Decimal(180), decimal_places=5,
                                   help_text=_("Decimal degrees (WGS 84), −180 to 180."))
    further_information = forms.URLField(label=_("Further information"), required=False, assume_scheme="https",
                                         help_text=_("A link to the practice's own page or documents."))
    topics = forms.MultipleChoiceField(label=_("Topics"), required=False,
                                       widget=forms.SelectMultiple(attrs={"size": 10}))

    class Meta:
        model = GoodPractice
        fields = ["title", "description", "resources_needed", "timescale", "evidence_of_success",
                  "potential_for_transfer", "difficulties_and_lessons", "further_information", "is_successful",
                  "source_event"]
        help_texts = {"title": _("At most 100 characters."),
                      "evidence_of_success": _("With figures: what changed, by how much, measured how."),
                      "is_successful": _("Untick for a practice that did not succeed: its lessons are kept and "
                                         "marked as such on every page.")}

    def __init__(self, *args: Any, organisations: Any, events: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation_in_charge"].queryset = organisations
        self.fields["source_event"].queryset = events
        self.fields["topics"].choices = [(str(group), options) for group, options in practice_topic_choices()]
        self.fields["title"].widget.attrs["maxlength"] = 100
        practice = self.instance
        if practice.pk:
            self.initial.setdefault("organisation_in_charge", practice.organisation_in_charge_id)
            self.initial.setdefault("region_code", practice.region.code if practice.region else "")
            self.initial.setdefault("topics", [f"{t.taxonomy}:{t.code}" for t in practice.topics.all()])
        self.order_fields(["title", "organisation_in_charge", "new_organisation",
                           "new_organisation_type", "region_code", "latitude",
                           "longitude", *INTERREG_FIELDS[2:], "is_successful", "topics", "source_event"])

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("organisation_in_charge") and not (data.get("new_organisation") or "").strip():
            self.add_error("organisation_in_charge", _("Choose the organisation in charge or name a new one."))
        return data

    def service_arguments(self) -> dict[str, Any]:
        """The practice service's arguments from the cleaned form."""
        data = self.cleaned_data
        fields = {name: data[name] for name in self._meta.fields if name in data}
        fields.update(latitude=data.get("latitude"), longitude=data.get("longitude"))
        return {"organisation_in_charge": data.get("organisation_in_charge"),
                "new_organisation": (data.get("new_organisation") or "").strip(),
                "new_organisation_type": data.get("new_organisation_type") or "",
                "region_code": (data.get("region_code") or "").strip().upper(),
                "topics": [tuple(value.split(":", 1)) for value in data.get("topics") or []],
                "fields": fields}


class TransitionForm(forms.Form):
    """A status change with an optional note (the service decides whether the user may make it)."""

    to_status = forms.ChoiceField(choices=PracticeStatus.choices, widget=forms.HiddenInput)
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
