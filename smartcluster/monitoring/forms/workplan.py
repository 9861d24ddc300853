"""The work plan's forms: activity and deliverable planning (lead partner), a deliverable marked done with its
evidence or given a status (responsible partner), a template note resolved. Services decide; forms parse."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from smartcluster.monitoring.choices import DeliverableKind, DeliverableStatus, WorkStrand


def _partners(project: Any) -> Any:
    return project.partners.select_related("organisation").order_by("organisation__name")


class ActivityForm(forms.Form):
    semester = forms.IntegerField(label=_("Semester"))
    strand = forms.ChoiceField(label=_("Work strand"), choices=WorkStrand.choices)
    title = forms.CharField(label=_("Activity"), max_length=500)
    topic = forms.CharField(label=_("Topic"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    host = forms.ModelChoiceField(label=_("Host partner"), queryset=None, required=False)
    host_name = forms.CharField(label=_("Host as written"), max_length=300, required=False)

    def __init__(self, *args: Any, project: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["host"].queryset = _partners(project)


class DeliverableForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=DeliverableKind.choices)
    number = forms.IntegerField(label=_("Number"), required=False, min_value=1)
    title = forms.CharField(label=_("Deliverable"), max_length=500)
    responsible = forms.ModelChoiceField(label=_("Responsible partner"), queryset=None)
    due_semester = forms.IntegerField(label=_("Due in semester"))
    activity = forms.ModelChoiceField(label=_("Activity"), queryset=None, required=False)

    def __init__(self, *args: Any, project: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["responsible"].queryset = _partners(project)
        self.fields["activity"].queryset = project.activities.all()


class MarkDoneForm(forms.Form):
    done_on = forms.DateField(label=_("Done on"), widget=forms.DateInput(attrs={"type": "date"}))
    evidence_file = forms.FileField(label=_("Evidence file"), required=False,
                                    help_text=_("PDF, image, Office or OpenDocument file."))
    evidence_url = forms.URLField(label=_("Evidence link"), required=False, assume_scheme="https")
    note = forms.CharField(label=_("Note"), max_length=500, required=False)


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=[
        (value, label) for value, label in DeliverableStatus.choices if value != DeliverableStatus.DONE])
    note = forms.CharField(label=_("Note"), max_length=500, required=False)


class LinkForm(forms.Form):
    record = forms.ChoiceField(label=_("Record the deliverable follows"), choices=())

    def __init__(self, *args: Any, choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["record"].choices = [("", "—"), *choices]


class NoteResolveForm(forms.Form):
    resolution = forms.CharField(label=_("How it was resolved"), widget=forms.Textarea(attrs={"rows": 2}))
