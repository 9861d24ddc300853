"""Analysis forms: the filters of the heat maps, quotes and synthesis (codebook, partner, helix, organisation
type, theme)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from smartcluster.organisations.choices import HelixRole, OrganisationType
from smartcluster.stakeholders.selectors import analysis as selectors


class AnalysisFilterForm(forms.Form):
    """What the analysis of one project is narrowed to; every field may stay empty (everything)."""

    codebook = forms.ModelChoiceField(label=_("Codebook"), queryset=selectors.analysis_codebook_list(),
                                      required=False, empty_label=_("The project's codebook"))
    partner = forms.ModelChoiceField(label=_("Partner"), queryset=None, required=False,
                                     empty_label=_("All partners"))
    helix = forms.ChoiceField(label=_("Helix"), choices=[("", _("All helices")), *HelixRole.choices],
                              required=False)
    organisation_type = forms.ChoiceField(label=_("Organisation type"),
                                          choices=[("", _("All types")), *OrganisationType.choices], required=False)

    def __init__(self, *args: Any, project: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.project = project
        self.fields["partner"].queryset = selectors.analysis_partner_list(project=project)
        self.fields["partner"].label_from_instance = lambda partner: partner.organisation.name

    def chosen_codebook(self) -> Any:
        """The chosen codebook, else the project's (its latest interview's guide's)."""
        return self.cleaned_data.get("codebook") or selectors.analysis_codebook_default(project=self.project)

    def filters(self) -> selectors.AnalysisFilters:
        partner = self.cleaned_data.get("partner")
        return selectors.AnalysisFilters(partner_id=partner.pk if partner else None,
                                         helix=self.cleaned_data.get("helix") or None,
                                         organisation_type=self.cleaned_data.get("organisation_type") or None)


class AnalysisQuoteFilterForm(AnalysisFilterForm):
    """The filters of the quotes page, with the theme (of the chosen codebook) whose quotes are shown."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        codebook = self.codebook_guess()
        themes = [] if codebook is None else [(theme.pk, theme.name) for theme in codebook.themes.all()]
        self.fields["theme"] = forms.TypedChoiceField(label=_("Theme"), coerce=int, required=False,
                                                      choices=[("", _("Every theme")), *themes])

    def codebook_guess(self) -> Any:
        """The codebook the theme choices come from, read before validation (the raw codebook id, else the
        project's)."""
        raw = self.data.get("codebook") if self.is_bound else None
        chosen = selectors.analysis_codebook_list().filter(pk=raw).first() if str(raw or "").isdigit() else None
        return chosen or selectors.analysis_codebook_default(project=self.project)
