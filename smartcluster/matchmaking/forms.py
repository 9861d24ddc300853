"""Forms of the matchmaking pages; they parse input, the services decide."""

from __future__ import annotations

import zoneinfo
from typing import Any

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from smartcluster.industries.selectors import industry_queryset
from smartcluster.matchmaking.models import (
    Attendance,
    Event,
    FeedbackOutcome,
    OpportunityKind,
    Participant,
    TimeSlot,
)
from smartcluster.organisations.choices import OrganisationType
from smartcluster.regions.selectors import region_find
from smartcluster.site.time_zones import TimeZoneField


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class EventForm(forms.ModelForm):
    time_zone = TimeZoneField(label=_("Time zone"), initial="Europe/Brussels")
    allowed_types = forms.MultipleChoiceField(
        label=_("Participant types allowed"), choices=OrganisationType.choices, required=False,
        widget=forms.CheckboxSelectMultiple, help_text=_("None ticked: all types may register."),
    )

    class Meta:
        model = Event
        fields = [
            "title", "description", "time_zone", "registration_opens_at", "registration_closes_at",
            "requests_close_at", "meeting_minutes", "break_minutes", "mode", "table_count",
            "max_meetings_per_participant", "allowed_types", "requires_acceptance", "is_published",
        ]
        widgets = {name: DateTimeInput() for name in
                   ("registration_opens_at", "registration_closes_at", "requests_close_at")}
        help_texts = {"registration_opens_at": _("Dates and times in the event's time zone.")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["time_zone"].keep(self.instance.time_zone)


class EventCreateForm(EventForm):
    organiser = forms.ModelChoiceField(label=_("Organiser"), queryset=None)  # the user's, set per form

    class Meta(EventForm.Meta):
        fields = ["organiser", *EventForm.Meta.fields]

    def __init__(self, *args: Any, organisers: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organiser"].queryset = organisers


class SessionForm(forms.Form):
    date = forms.DateField(label=_("Day"), widget=forms.DateInput(attrs={"type": "date"}))
    starts = forms.TimeField(label=_("From"), widget=forms.TimeInput(attrs={"type": "time"}))
    ends = forms.TimeField(label=_("Until"), widget=forms.TimeInput(attrs={"type": "time"}))

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("starts") and data.get("ends") and data["ends"] <= data["starts"]:
            raise forms.ValidationError(_("A session must end after it starts."))
        return data


def _sector_queryset() -> Any:
    # Sections and divisions: detailed enough to match on, short enough to pick from.
    return industry_queryset(max_level=2)


class ProfileForm(forms.Form):
    """The parts of a registration that the participant can change later."""

    country = forms.CharField(label=_("Country code"), max_length=2, min_length=2,
                              help_text=_("Two letters as in NUTS codes (EL for Greece), e.g. LT, ES, DE."))
    region_code = forms.CharField(label=_("NUTS region code"), max_length=10, required=False,
                                  help_text=_("Optional, e.g. LT01 or EL30."))
    time_zone = TimeZoneField(label=_("Your time zone"))
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 4}), required=False)
    sectors = forms.ModelMultipleChoiceField(label=_("Sectors (NACE)"), queryset=None,
                                             required=False)
    technologies = forms.CharField(label=_("Technologies"), required=False,
                                   help_text=_("Separated by commas, e.g. machine vision, digital twins."))
    available_slots = forms.ModelMultipleChoiceField(
        label=_("Available for meetings"), queryset=TimeSlot.objects.none(), required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, event: Event, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.event = event
        self.fields["sectors"].queryset = _sector_queryset()
        slots = event.slots.order_by("starts_at")
        self.fields["available_slots"].queryset = slots
        zone = zoneinfo.ZoneInfo(event.time_zone)
        self.fields["available_slots"].label_from_instance = (
            lambda slot: f"{date_format(slot.starts_at.astimezone(zone), 'D d M H:i')} ({event.time_zone})")
        if not self.is_bound and "time_zone" not in self.initial:
            # No zone chosen yet: the page script proposes the browser's own.
            self.fields["time_zone"].widget.attrs["data-browser-zone"] = ""
        if not self.is_bound and "available_slots" not in self.initial:
            self.initial["available_slots"] = list(slots)
        self.initial.setdefault("time_zone", event.time_zone)
        self.fields["time_zone"].keep(self.initial["time_zone"])

    def clean_country(self) -> str:
        return self.cleaned_data["country"].upper()

    def clean_region_code(self) -> Any:
        code = self.cleaned_data["region_code"].strip().upper()
        if not code:
            return None
        region = region_find(code=code)
        if region is None:
            raise forms.ValidationError(_("Unknown NUTS code “%(code)s”.") % {"code": code})
        return region

    def clean_technologies(self) -> list[str]:
        return [name.strip() for name in self.cleaned_data["technologies"].split(",") if name.strip()]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        region = data.get("region_code")
        if region is not None and data.get("country") and region.country != data["country"]:
            self.add_error("region_code", _("Region %(code)s is not in country %(country)s.")
                           % {"code": region.code, "country": data["country"]})
        return data

    def service_arguments(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "country": data["country"], "region": data["region_code"], "time_zone": data["time_zone"],
            "description": data["description"], "sectors": data["sectors"], "technologies": data["technologies"],
            "available_slots": data["available_slots"],
        }

    @classmethod
    def initial_from(cls, participant: Participant) -> dict[str, Any]:
        return {
            "country": participant.country, "region_code": participant.region.code if participant.region else "",
            "time_zone": participant.time_zone, "description": participant.description,
            "sectors": list(participant.sectors.all()),
            "technologies": ", ".join(tag.name for tag in participant.technologies.all()),
            "available_slots": list(participant.event.slots.exclude(pk__in=participant.unavailable_slots.all())),
        }


class RegistrationForm(ProfileForm):
    organisation_name = forms.CharField(label=_("Organisation"), max_length=255)
    participant_type = forms.ChoiceField(label=_("Organisation type"), choices=OrganisationType.choices)
    person_name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(label=_("E-mail"), help_text=_("For notifications; never shown to others."))
    job_title = forms.CharField(label=_("Role or job title"), max_length=200, required=False)
    consent_to_publish = forms.BooleanField(
        label=_("I agree that my profile (not my e-mail) is shown to the event's participants"), required=True,
        error_messages={"required": _("Registration needs your consent to show your profile.")},
    )
    field_order = ["organisation_name", "participant_type", "person_name", "email", "job_title", "country",
                   "region_code", "time_zone", "description", "sectors", "technologies", "available_slots",
                   "consent_to_publish"]

    def __init__(self, *args: Any, event: Event, **kwargs: Any) -> None:
        super().__init__(*args, event=event, **kwargs)
        if event.allowed_types:
            self.fields["participant_type"].choices = [
                (value, label) for value, label in OrganisationType.choices if value in event.allowed_types]

    def service_arguments(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            **super().service_arguments(), "organisation_name": data["organisation_name"],
            "participant_type": data["participant_type"], "person_name": data["person_name"],
            "email": data["email"], "job_title": data["job_title"], "consent_to_publish": data["consent_to_publish"],
        }


class OpportunityForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=OpportunityKind.choices)
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    keywords = forms.CharField(label=_("Keywords"), max_length=300, required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("title") and (data.get("description") or data.get("keywords")):
            self.add_error("title", _("An opportunity needs a title."))
        return data


OpportunityFormSet = forms.formset_factory(OpportunityForm, extra=2, max_num=10)


def opportunity_data(formset: Any) -> list[dict[str, str]]:
    """The filled opportunity forms as service arguments."""
    return [
        {key: form.cleaned_data[key] for key in ("kind", "title", "description", "keywords")}
        for form in formset.forms if form.cleaned_data.get("title")
    ]


class CatalogueFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    country = forms.CharField(label=_("Country"), max_length=2, required=False)
    participant_type = forms.ChoiceField(label=_("Type"), required=False,
                                         choices=[("", _("all types")), *OrganisationType.choices])
    kind = forms.ChoiceField(label=_("Looking at"), required=False,
                             choices=[("", _("all opportunities")), *OpportunityKind.choices])
    sector = forms.CharField(label=_("NACE code"), max_length=8, required=False)
    technology = forms.CharField(label=_("Technology"), max_length=100, required=False)


class MeetingRequestForm(forms.Form):
    message = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 3}), required=False,
                              max_length=2000, help_text=_("Say why you would like to meet."))


class DecisionForm(forms.Form):
    note = forms.CharField(label=_("Note to the participant"), max_length=300, required=False)


class VideoLinkForm(forms.Form):
    video_url = forms.URLField(label=_("Video-room link"), max_length=500, assume_scheme="https",
                               widget=forms.URLInput(attrs={"size": 60}))


class AttendanceForm(forms.Form):
    attendance = forms.ChoiceField(label=_("Attendance"), choices=Attendance.choices, required=False)


class FeedbackForm(forms.Form):
    took_place = forms.TypedChoiceField(label=_("Did the meeting take place?"), coerce=lambda v: v == "yes",
                                        choices=[("yes", _("Yes")), ("no", _("No"))], widget=forms.RadioSelect)
    outcome = forms.ChoiceField(label=_("Outcome"), choices=[("", "—"), *FeedbackOutcome.choices], required=False)
    rating = forms.TypedChoiceField(label=_("Usefulness"), coerce=int, empty_value=None, required=False,
                                    choices=[("", "—"), *[(n, str(n)) for n in range(1, 6)]])
    comment = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
