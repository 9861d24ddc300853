"""Forms of the events app: calendar. They parse input; the services decide (and name refused fields).

Date-times are entered in the event's time zone: the views parse and show them with that zone made current.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from smartcluster.events.choices import EventKind
from smartcluster.events.selectors.calendar import project_event_host_choices, stakeholder_group_list
from smartcluster.matchmaking.selectors import event_list as matchmaking_event_list
from smartcluster.organisations.selectors import organisation_list, partner_list, person_list, project_list
from smartcluster.site.time_zones import TimeZoneField


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


def _ends_after_start(form: forms.Form, data: dict[str, Any], message: str) -> None:
    if data.get("starts_at") and data.get("ends_at") and data["ends_at"] <= data["starts_at"]:
        form.add_error("ends_at", message)


class ProjectEventForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=EventKind.choices)
    title = forms.CharField(label=_("Title"), max_length=255)
    host = forms.ModelChoiceField(label=_("Host partner"), queryset=None)
    partner_met = forms.ModelChoiceField(label=_("Partner met"), queryset=None, required=False,
                                         help_text=_("For a check-in: the partner the lead partner meets."))
    stakeholder_group = forms.ModelChoiceField(label=_("Stakeholder group"), queryset=None, required=False)
    matchmaking_event = forms.ModelChoiceField(label=_("B2B matchmaking event"), queryset=None, required=False,
                                               help_text=_("For an online B2B event: its matchmaking event."))
    thematic_focus = forms.CharField(label=_("Thematic focus"), max_length=300, required=False)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 4}), required=False)
    venue = forms.CharField(label=_("Place"), max_length=300, required=False)
    online_url = forms.URLField(label=_("Online link"), required=False, assume_scheme="https")
    time_zone = TimeZoneField(label=_("Time zone"), initial="Europe/Brussels",
                              help_text=_("Start and end are entered in this zone."))
    starts_at = forms.DateTimeField(label=_("Starts"), widget=DateTimeInput())
    ends_at = forms.DateTimeField(label=_("Ends"), widget=DateTimeInput())
    votes_per_participant = forms.IntegerField(label=_("Votes per participant"), min_value=1, initial=5,
                                               help_text=_("For a brainstorm."))
    is_published = forms.BooleanField(label=_("Public"), required=False,
                                      help_text=_("Unticked: internal, shown to the project's partners only."))

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["host"].queryset = project_event_host_choices(user=user)
        self.fields["partner_met"].queryset = partner_list(user=user)
        self.fields["stakeholder_group"].queryset = stakeholder_group_list()
        self.fields["matchmaking_event"].queryset = matchmaking_event_list(user=user)
        self.fields["time_zone"].keep(self.initial.get("time_zone", ""))

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        _ends_after_start(self, data, _("An event must end after it starts."))
        return data


class EventSessionForm(forms.Form):
    title = forms.CharField(label=_("Agenda item"), max_length=255)
    starts_at = forms.DateTimeField(label=_("Starts"), widget=DateTimeInput())
    ends_at = forms.DateTimeField(label=_("Ends"), widget=DateTimeInput())
    speakers = forms.CharField(label=_("Speakers"), max_length=500, required=False)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        _ends_after_start(self, data, _("An agenda item must end after it starts."))
        return data


class EventFilterForm(forms.Form):
    """The list's filters; an invalid value is ignored (the list shows unfiltered)."""

    project = forms.ModelChoiceField(label=_("Project"), queryset=project_list(), required=False,
                                     empty_label=_("All projects"))
    kind = forms.ChoiceField(label=_("Kind"), choices=[("", _("All kinds")), *EventKind.choices], required=False)
    host = forms.ModelChoiceField(label=_("Host partner"), queryset=None, required=False,
                                  empty_label=_("All partners"))
    semester = forms.IntegerField(label=_("Semester"), min_value=1, max_value=99, required=False)
    when = forms.ChoiceField(label=_("When"), required=False, choices=[
        ("", _("All dates")), ("upcoming", _("Upcoming")), ("past", _("Past"))])

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["host"].queryset = partner_list(user=user)

    def selector_arguments(self) -> dict[str, Any]:
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {"project": data["project"].pk if data["project"] else None, "kind": data["kind"], "host": data["host"].pk if data["host"] else None,
                "semester": data["semester"], "when": data["when"]}


class StakeholderGroupForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=255)
    meetings_per_semester = forms.IntegerField(label=_("Meetings planned per semester"), min_value=0, initial=1)


class StakeholderMemberForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=None)
    person = forms.ModelChoiceField(label=_("Represented by"), queryset=None, required=False)
    joined_on = forms.DateField(label=_("Joined on"), widget=DateInput())
    left_on = forms.DateField(label=_("Left on"), widget=DateInput(), required=False)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisation_list(user=user)
        self.fields["person"].queryset = person_list(user=user)


class StakeholderLeaveForm(forms.Form):
    left_on = forms.DateField(label=_("Left on"), widget=DateInput())


class MembersOnForm(forms.Form):
    on = forms.DateField(label=_("Members on"), widget=DateInput())
