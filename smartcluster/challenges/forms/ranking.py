"""The ranking forms: the organiser's confirmation of the winners (a place and a prize per eligible submission)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from smartcluster.challenges.models import AwardPlace, Submission


class ResultsConfirmForm(forms.Form):
    """One place (or none) and one prize per submission that may win; `awards()` gives the service's list."""

    def __init__(self, *args: Any, submissions: list[Submission], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.submissions = submissions
        for submission in submissions:
            self.fields[f"place_{submission.pk}"] = forms.TypedChoiceField(
                label=_("Place of “%(title)s”") % {"title": submission.title}, required=False, coerce=int,
                empty_value=None, choices=[("", _("No award")), *AwardPlace.choices])
            self.fields[f"prize_{submission.pk}"] = forms.CharField(
                label=_("Prize of “%(title)s”") % {"title": submission.title}, required=False, max_length=255)

    def rows(self) -> list[tuple[Submission, forms.BoundField, forms.BoundField]]:
        return [(s, self[f"place_{s.pk}"], self[f"prize_{s.pk}"]) for s in self.submissions]

    def awards(self) -> list[tuple[Submission, int, str]]:
        return [(s, self.cleaned_data[f"place_{s.pk}"], self.cleaned_data[f"prize_{s.pk}"])
                for s in self.submissions if self.cleaned_data.get(f"place_{s.pk}") is not None]
