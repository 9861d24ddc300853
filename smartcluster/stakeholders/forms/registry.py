"""Registry forms: the list's filters, a stakeholder (organisation named, matched or created), a note, the import."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from smartcluster.organisations.choices import HelixRole, OrganisationType

ANY = [("", _("Any"))]
SCORES = [(value, str(value)) for value in range(1, 6)]


class StakeholderFilterForm(forms.Form):
    """The registry list's filters (a GET form: every field optional)."""

    q = forms.CharField(label=_("Organisation or person"), required=False)
    helix = forms.ChoiceField(label=_("Helix"), required=False, choices=ANY + HelixRole.choices)
    type = forms.ChoiceField(label=_("Organisation type"), required=False, choices=ANY + OrganisationType.choices)
    topic = forms.CharField(label=_("Topic"), required=False, max_length=60,
                            widget=forms.TextInput(attrs={"list": "topic-suggestions"}))
    interest_min = forms.TypedChoiceField(label=_("Interest at least"), required=False, coerce=int,
                                          empty_value=None, choices=ANY + SCORES)
    influence_min = forms.TypedChoiceField(label=_("Influence at least"), required=False, coerce=int,
                                           empty_value=None, choices=ANY + SCORES)

    def filters(self) -> dict[str, Any]:
        """The filters as the list selector takes them (a field with a bad value is left out)."""
        self.is_valid()
        data = self.cleaned_data
        return {"helix": data.get("helix") or None, "organisation_type": data.get("type") or None,
                "topic": (data.get("topic") or "").strip() or None, "interest_min": data.get("interest_min"),
                "influence_min": data.get("influence_min"), "search": (data.get("q") or "").strip() or None}


class StakeholderForm(forms.Form):
    """A stakeholder: the organisation (a new one only when no existing one matches), its contact person, the
    partner's contact, interest, influence and topics."""

    organisation_name = forms.CharField(
        label=_("Organisation"), max_length=255,
        help_text=_("An organisation the platform knows (same name, website or contact e-mail) is linked, never "
                    "copied."))
    type = forms.ChoiceField(label=_("Type (for a new organisation)"), required=False,
                             choices=[("", "—"), *OrganisationType.choices])
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    region_code = forms.CharField(label=_("Region (NUTS code, for a new organisation)"), required=False,
                                  max_length=10)
    person_name = forms.CharField(label=_("Contact person at the stakeholder"), required=False, max_length=200)
    person_email = forms.EmailField(label=_("Contact person's e-mail"), required=False)
    partner_contact = forms.ModelChoiceField(label=_("Partner's contact person"), required=False, queryset=None)
    interest = forms.TypedChoiceField(label=_("Interest (1–5)"), coerce=int, choices=SCORES, initial=3)
    influence = forms.TypedChoiceField(label=_("Influence (1–5)"), coerce=int, choices=SCORES, initial=3)
    topics = forms.CharField(label=_("Topics"), required=False, max_length=1300,
                             help_text=_("Separated by semicolons; the codebook's themes are suggested."),
                             widget=forms.TextInput(attrs={"list": "topic-suggestions"}))

    def __init__(self, *args: Any, partner_people: Any, editing: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["partner_contact"].queryset = partner_people
        if editing:  # the organisation is what the entry links: remove the entry and add another to change it
            for name in ("organisation_name", "type", "website", "region_code"):
                self.fields[name].disabled = True
                self.fields[name].required = False

    def service_data(self) -> dict[str, Any]:
        """The stakeholder's own fields as the services take them."""
        data = self.cleaned_data
        return {"interest": data["interest"], "influence": data["influence"], "topics": data["topics"],
                "partner_contact": data["partner_contact"]}


class StakeholderNoteForm(forms.Form):
    text = forms.CharField(label=_("New note"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)


class StakeholderImportForm(forms.Form):
    file = forms.FileField(label=_("Workbook (.xlsx) or CSV file"))
