"""Interviews forms: they parse input; the services decide (and name refused fields)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from smartcluster.organisations.choices import OrganisationType
from smartcluster.stakeholders.choices import InterviewMode
from smartcluster.stakeholders.selectors import InterviewChoices


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


def _options(records: Iterable[Any], label: Any = str) -> list[tuple[str, str]]:
    return [(str(record.pk), label(record)) for record in records]


def _person_label(person: Any) -> str:
    return f"{person.name} ({person.organisation})" if person.organisation_id else person.name


class InterviewForm(forms.Form):
    """An interview with its answers on one page: one textarea per question of the guide (`answer_<number>`)."""

    organisation = forms.TypedChoiceField(label=_("Interviewed organisation"), coerce=int, required=False,
                                          empty_value=None,
                                          help_text=_("Your registry's stakeholders are listed first."))
    organisation_name = forms.CharField(label=_("New organisation, if not in the list"), max_length=200,
                                        required=False)
    organisation_type = forms.ChoiceField(label=_("New organisation's type"), required=False,
                                          choices=[("", "—"), *OrganisationType.choices])
    person = forms.TypedChoiceField(label=_("Interviewee"), coerce=int, required=False, empty_value=None)
    person_name = forms.CharField(label=_("New interviewee, if not in the list"), max_length=200, required=False)
    person_email = forms.EmailField(label=_("New interviewee's e-mail"), required=False,
                                    help_text=_("A person already known by this e-mail is reused, never copied."))
    interviewer = forms.TypedChoiceField(label=_("Interviewer"), coerce=int, required=False, empty_value=None,
                                         help_text=_("A person of the partner's organisation."))
    held_on = forms.DateField(label=_("Held on"), widget=DateInput())
    mode = forms.ChoiceField(label=_("Mode"), choices=InterviewMode.choices)
    consent_to_record = forms.BooleanField(
        label=_("The interviewee consents to being recorded"), required=False,
        help_text=_("Separate from the person's consent to be listed in the directory or registry."))
    consent_to_quote = forms.BooleanField(
        label=_("The interviewee consents to being quoted"), required=False,
        help_text=_("Separate from the consent to be listed. Without it, no answer is ever quoted outside your "
                    "partner; with it, quotes are shown pseudonymised."))

    def __init__(self, *args: Any, choices: InterviewChoices, questions: list[dict[str, Any]],
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.choices = choices
        groups = [(_("Your registry's stakeholders"), _options(choices.suggested)),
                  (_("Other organisations"), _options(choices.other))]
        self.fields["organisation"].choices = [("", "—"), *[(label, items) for label, items in groups if items]]
        self.fields["person"].choices = [("", "—"), *_options(choices.people, _person_label)]
        self.fields["interviewer"].choices = [("", "—"), *_options(choices.interviewers)]
        for row in questions:
            question = row["question"]
            themes = ", ".join(theme.name for theme in row["themes"])
            self.fields[f"answer_{question.number}"] = forms.CharField(
                label=f"{question.number}. {question.text}", required=False,
                widget=forms.Textarea(attrs={"rows": 4}),
                help_text=_("Probes: %(themes)s") % {"themes": themes} if themes else "")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("organisation") and data.get("organisation_name"):
            self.add_error("organisation_name", _("Choose an organisation or name a new one, not both."))
        elif not data.get("organisation") and not data.get("organisation_name"):
            self.add_error("organisation", _("Choose the interviewed organisation or name a new one."))
        if data.get("person") and data.get("person_name"):
            self.add_error("person_name", _("Choose an interviewee or name a new one, not both."))
        return data

    def answer_fields(self) -> list[Any]:
        return [self[name] for name in self.fields if name.startswith("answer_")]

    def detail_fields(self) -> list[Any]:
        return [self[name] for name in self.fields if not name.startswith("answer_")]

    def _record(self, field: str, records: Iterable[Any]) -> Any:
        wanted = self.cleaned_data.get(field)
        return next((record for record in records if record.pk == wanted), None)

    def service_arguments(self) -> dict[str, Any]:
        """What the interview services take: the interview's fields, the answers by question number, and the new
        organisation or person the form names."""
        data = self.cleaned_data
        fields = {"organisation": self._record("organisation", [*self.choices.suggested, *self.choices.other]),
                  "person": self._record("person", self.choices.people),
                  "interviewer": self._record("interviewer", self.choices.interviewers),
                  "held_on": data["held_on"], "mode": data["mode"],
                  "consent_to_record": data["consent_to_record"], "consent_to_quote": data["consent_to_quote"]}
        if data.get("organisation_name"):
            fields.pop("organisation")
        new_organisation = ({"name": data["organisation_name"], "type": data["organisation_type"]}
                            if data.get("organisation_name") else None)
        new_person = ({"name": data["person_name"], "email": data["person_email"]}
                      if data.get("person_name") else None)
        if new_person:
            fields.pop("person")
        answers = {int(name.removeprefix("answer_")): value for name, value in data.items()
                   if name.startswith("answer_")}
        return {"data": fields, "answers": answers, "new_organisation": new_organisation, "new_person": new_person}


class GuideIntroductionForm(forms.Form):
    introduction = forms.CharField(label=_("Introduction"), required=False, widget=forms.Textarea(attrs={"rows": 4}))


class GuideQuestionForm(forms.Form):
    number = forms.IntegerField(label=_("Number"), min_value=1, required=False,
                                help_text=_("Empty: after the last question."))
    text = forms.CharField(label=_("Question"), widget=forms.Textarea(attrs={"rows": 3}))
    themes = forms.ModelMultipleChoiceField(label=_("Themes probed"), queryset=None, required=False,
                                            widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args: Any, themes: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = themes
