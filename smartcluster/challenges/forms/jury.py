"""Forms of the jury pages: the organiser's invitation, the juror's conflict declaration and the scoring form.
Field names match the services' refusals (`reason_<submission>`, `score_<criterion>`, `comment_<criterion>`), so a
refusal lands under its field."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from smartcluster.challenges.models import Assignment, ChallengeCriterion, Submission
from smartcluster.organisations.selectors import organisation_queryset


class JurorInviteForm(forms.Form):
    """Whom the organiser invites: an account (by user name or e-mail) and the organisation they judge from."""

    juror_user = forms.CharField(label=gettext_lazy("User name or e-mail of the juror"), max_length=254,
                                 help_text=gettext_lazy("The juror needs an account on the platform."))
    organisation = forms.ModelChoiceField(
        queryset=organisation_queryset(), required=False, label=gettext_lazy("Juror's organisation"),
        help_text=gettext_lazy("Submissions of teams from this organisation are conflicts without a declaration."))

    def clean_juror_user(self) -> Any:
        text = self.cleaned_data["juror_user"].strip()
        users = get_user_model().objects.filter(Q(username__iexact=text) | Q(email__iexact=text), is_active=True)
        if users.count() != 1:
            raise forms.ValidationError(_("No single active account has this user name or e-mail."))
        return users.get()


class ConflictDeclarationForm(forms.Form):
    """A tick and a reason per submission of the challenge (titles and team organisations only); automatic
    conflicts (the juror's own organisation) are shown, not asked."""

    def __init__(self, *args: Any, candidates: list[tuple[Submission, bool]], declared: dict[int, str],
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rows: list[dict[str, Any]] = []
        for submission, conflicted in candidates:
            automatic = conflicted and submission.pk not in declared
            row: dict[str, Any] = {"submission": submission, "automatic": automatic}
            if not automatic:
                self.fields[f"conflict_{submission.pk}"] = forms.BooleanField(
                    required=False, initial=submission.pk in declared,
                    label=_("I have a conflict of interest with “%(title)s” (%(organisation)s)")
                    % {"title": submission.title, "organisation": submission.team.organisation.name})
                self.fields[f"reason_{submission.pk}"] = forms.CharField(
                    required=False, max_length=300, initial=declared.get(submission.pk, ""),
                    label=_("Reason for “%(title)s”") % {"title": submission.title})
                row["conflict"] = f"conflict_{submission.pk}"
                row["reason"] = f"reason_{submission.pk}"
            self.rows.append(row)

    def bound_rows(self) -> list[dict[str, Any]]:
        """The rows with their bound fields, for the template."""
        return [{**row, "conflict": self[row["conflict"]], "reason": self[row["reason"]]} if "conflict" in row
                else row for row in self.rows]

    def conflicts(self) -> list[tuple[Submission, str]]:
        """The ticked submissions with their reasons (a missing reason is the service's refusal)."""
        return [(row["submission"], self.cleaned_data[row["reason"]]) for row in self.rows
                if "conflict" in row and self.cleaned_data[row["conflict"]]]


class ScoreForm(forms.Form):
    """A score (0..top in half points) and a comment per criterion, and an overall comment to the team."""

    comment = forms.CharField(label=gettext_lazy("Overall comment to the team"), required=False,
                              widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args: Any, assignment: Assignment, criteria: list[ChallengeCriterion], **kwargs: Any
                 ) -> None:
        scores = {score.criterion_id: score for score in assignment.scores.all()}
        initial = {"comment": assignment.comment}
        for criterion in criteria:
            if criterion.pk in scores:
                initial[f"score_{criterion.pk}"] = scores[criterion.pk].value
                initial[f"comment_{criterion.pk}"] = scores[criterion.pk].comment
        super().__init__(*args, initial=initial, **kwargs)
        top = assignment.juror.challenge.score_max
        self.criteria = criteria
        for criterion in criteria:
            self.fields[f"score_{criterion.pk}"] = forms.DecimalField(
                label=_("%(criterion)s (0 to %(max)d)") % {"criterion": criterion.name, "max": top},
                required=False, min_value=0, max_value=top, step_size=Decimal("0.5"), decimal_places=1,
                help_text=criterion.description)
            self.fields[f"comment_{criterion.pk}"] = forms.CharField(
                label=_("Comment on %(criterion)s") % {"criterion": criterion.name}, required=False,
                widget=forms.Textarea(attrs={"rows": 2}))
        self.order_fields([name for criterion in criteria
                           for name in (f"score_{criterion.pk}", f"comment_{criterion.pk}")] + ["comment"])

    def values(self) -> dict[int, Any]:
        return {criterion.pk: self.cleaned_data[f"score_{criterion.pk}"] for criterion in self.criteria}

    def comments(self) -> dict[int, str]:
        return {criterion.pk: self.cleaned_data[f"comment_{criterion.pk}"] for criterion in self.criteria}
