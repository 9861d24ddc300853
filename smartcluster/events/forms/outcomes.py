"""Forms of the events app: outcomes (minutes, decisions, actions and their status, check-in issues, brainstorms)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from smartcluster.events.choices import ActionStatus, IssueTopic
from smartcluster.events.models import FollowUpAction, ProjectEvent
from smartcluster.events.selectors.outcomes import action_owner_choices

DATE_INPUT = forms.DateInput(attrs={"type": "date"})


class MinutesForm(forms.Form):
    minutes = forms.CharField(label=_("Minutes"), required=False, widget=forms.Textarea(attrs={"rows": 8}))


class DecisionForm(forms.Form):
    text = forms.CharField(label=_("Decision"), widget=forms.Textarea(attrs={"rows": 2}))


class ActionForm(forms.Form):
    title = forms.CharField(label=_("Action"), max_length=300)
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=None)
    due_on = forms.DateField(label=_("Due on"), widget=DATE_INPUT)
    issue = forms.ModelChoiceField(label=_("Check-in issue"), queryset=None, required=False)

    def __init__(self, *args: Any, event: ProjectEvent, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = action_owner_choices(event=event)
        self.fields["issue"].queryset = event.issues.all()
        if not event.issues.exists():
            del self.fields["issue"]


class ActionStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ActionStatus.choices)
    done_on = forms.DateField(label=_("Done on"), required=False, widget=DATE_INPUT,
                              help_text=_("Required when the action is done."))

    def __init__(self, *args: Any, action: FollowUpAction | None = None, **kwargs: Any) -> None:
        initial = {"status": action.status, "done_on": action.done_on or timezone.localdate()} if action else None
        super().__init__(*args, initial=initial, **kwargs)


class CheckInIssueForm(forms.Form):
    topic = forms.ChoiceField(label=_("Topic"), choices=IssueTopic.choices)
    text = forms.CharField(label=_("Issue"), widget=forms.Textarea(attrs={"rows": 2}))


class IdeaForm(forms.Form):
    text = forms.CharField(label=_("Your idea"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


class ThemeForm(forms.Form):
    title = forms.CharField(label=_("Theme"), max_length=200)


class IdeaThemeForm(forms.Form):
    theme = forms.ModelChoiceField(label=_("Theme"), queryset=None, required=False, empty_label=_("(no theme)"))

    def __init__(self, *args: Any, event: ProjectEvent, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = event.themes.all()
