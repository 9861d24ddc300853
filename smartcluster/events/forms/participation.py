"""Forms of the events app: participation (invitation, registration, feedback survey, material upload)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from smartcluster.events.choices import EventKind, MaterialKind, ParticipantGroup
from smartcluster.events.models import ProjectEvent
from smartcluster.organisations.choices import OrganisationType

SCALE_CHOICES = [(value, str(value)) for value in range(1, 6)]


class InvitationForm(forms.Form):
    """Whom the host invites: a person found by e-mail, else created (in an organisation named here)."""

    name = forms.CharField(label=_("Name"), max_length=200)
    email = forms.EmailField(label=_("E-mail"))
    group = forms.ChoiceField(label=_("Comes as"), choices=ParticipantGroup.choices)
    partner = forms.ModelChoiceField(label=_("With partner"), queryset=None, required=False,
                                     help_text=_("The project partner this person comes with, if any."))
    organisation_name = forms.CharField(label=_("Organisation"), max_length=255, required=False,
                                        help_text=_("For a person new to the platform: their organisation."))
    organisation_type = forms.ChoiceField(label=_("Type of organisation"), required=False,
                                          choices=[("", "—"), *OrganisationType.choices])

    def __init__(self, *args: Any, event: ProjectEvent, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = event.project.partners.select_related("organisation")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("organisation_name") and not data.get("organisation_type"):
            self.add_error("organisation_type", _("Choose the type of the organisation (it gives its helix)."))
        return data


class RegistrationForm(forms.Form):
    """A participant's needs, given when they register."""

    dietary_needs = forms.CharField(label=_("Dietary needs"), max_length=300, required=False)
    accessibility_needs = forms.CharField(label=_("Accessibility needs"), max_length=300, required=False)


class FeedbackForm(forms.Form):
    """The short survey after an event; a webinar also asks the capacity before and after."""

    satisfaction = forms.TypedChoiceField(label=_("How satisfied are you with the event? (1–5)"), coerce=int,
                                          choices=SCALE_CHOICES, widget=forms.RadioSelect)
    learning = forms.TypedChoiceField(label=_("How much did you learn? (1–5)"), coerce=int, choices=SCALE_CHOICES,
                                      widget=forms.RadioSelect)
    capacity_before = forms.TypedChoiceField(label=_("Your capacity on the topic before the webinar (1–5)"),
                                             coerce=int, choices=SCALE_CHOICES, widget=forms.RadioSelect)
    capacity_after = forms.TypedChoiceField(label=_("Your capacity on the topic after the webinar (1–5)"),
                                            coerce=int, choices=SCALE_CHOICES, widget=forms.RadioSelect)
    most_useful = forms.CharField(label=_("What was most useful?"), widget=forms.Textarea(attrs={"rows": 3}),
                                  required=False)
    to_improve = forms.CharField(label=_("What should we improve?"), widget=forms.Textarea(attrs={"rows": 3}),
                                 required=False)

    def __init__(self, *args: Any, event: ProjectEvent, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if event.kind != EventKind.WEBINAR:
            del self.fields["capacity_before"], self.fields["capacity_after"]


class MaterialForm(forms.Form):
    """A presentation, photo or document for an event."""

    kind = forms.ChoiceField(label=_("Kind"), choices=MaterialKind.choices)
    title = forms.CharField(label=_("Title"), max_length=255)
    file = forms.FileField(label=_("File"), help_text=_("PDF, PNG, JPEG, Office (docx, pptx, xlsx) or OpenDocument."))
    is_published = forms.BooleanField(label=_("Public"), required=False,
                                      help_text=_("Public materials are downloaded by everyone; private ones by the "
                                                  "host's members only."))
