"""Analysis reads: the projects whose analysis the user may read, the theme counts by helix and by partner (counts
only, never an interviewee's name), the quotes per theme as the user may see them (`quote_shown`, the one rule), and
the cross-partner synthesis.

Two coders' codes are combined by union: an answer counts under a theme when at least one coder applied it, and an
interview counts once per theme however many of its answers carry it."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from smartcluster.accounts.permissions import is_administrator
from smartcluster.accounts.selectors import membership_organisation_ids
from smartcluster.organisations.choices import HELIX_ROLE_BY_TYPE, HelixRole, OrganisationType
from smartcluster.organisations.selectors import project_list
from smartcluster.reports.charts import label_lines
from smartcluster.stakeholders.choices import ThemeGroup
from smartcluster.stakeholders.models import Answer, AppliedCode, Codebook, Interview, Theme

__all__ = ["AnalysisFilters", "AnalysisReader", "HeatMap", "Quote", "SHARED_READER", "SynthesisTheme",
           "analysis_codebook_default", "analysis_codebook_list", "analysis_heat_maps", "analysis_partner_list",
           "analysis_project_get", "analysis_project_list", "analysis_quote_list", "analysis_reader", "analysis_rule",
           "analysis_synthesis", "analysis_top_themes", "quote_shown"]

QUOTE_CHARACTERS = 400  # an excerpt, not the whole answer
SYNTHESIS_QUOTES_PER_THEME = 3
HEAT_COLOURS = [[0, "#f4f7fb"], [1, "#0b4f8a"]]  # white to the platform's brand blue (reports.charts.BRAND)


def analysis_rule() -> str:
    """How the counts and quotes are made, said on the pages, in the API and in the document alike."""
    return _("An answer counts under a theme when at least one of its coders applied the theme; an interview "
             "counts once per theme. Quotes are excerpts of answers coded with the theme: outside the partner that "
             "held the interview (and in the synthesis) only when the interviewee consented to be quoted, and named "
             "by the organisation's type and NUTS 2 region, never by a name.")


def analysis_project_list(*, user: Any) -> QuerySet[Any]:
    """The projects whose analysis the user may read: those one of the user's organisations is a partner of
    (administrators: all; anonymous users and outsiders: none), with their partners and interviews counted."""
    projects = project_list().annotate(
        interview_count=Count("partners__interviews", distinct=True),
        partner_count=Count("partners", distinct=True)).order_by("acronym")
    if is_administrator(user):
        return projects
    if not getattr(user, "is_authenticated", False):
        return projects.none()
    return projects.filter(pk__in=project_list().filter(
        partners__organisation__in=membership_organisation_ids(user=user)).values("pk"))


def analysis_project_get(*, user: Any, project_id: int) -> Any:
    """One project whose analysis the user may read (404 otherwise: outsiders learn nothing of it)."""
    return get_object_or_404(analysis_project_list(user=user), pk=project_id)


def analysis_partner_list(*, project: Any) -> QuerySet[Any]:
    """The project's partners, in name order (the columns of the heat map by partner)."""
    return project.partners.select_related("organisation").order_by("organisation__name")


def analysis_codebook_list() -> QuerySet[Codebook]:
    """Every codebook (codebooks are public)."""
    return Codebook.objects.all()


def analysis_codebook_default(*, project: Any) -> Codebook | None:
    """The codebook of the guide of the project's latest interview; without interviews, the newest codebook."""
    latest = Interview.objects.filter(partner__project=project).select_related("guide__codebook").order_by(
        "-held_on", "-pk").first()
    return latest.guide.codebook if latest else Codebook.objects.order_by("-created_at", "-pk").first()


@dataclass(frozen=True)
class AnalysisFilters:
    """What the heat maps and quotes are narrowed to (None: everything)."""

    partner_id: int | None = None
    helix: str | None = None
    organisation_type: str | None = None


def _interviews(project: Any, filters: AnalysisFilters) -> QuerySet[Interview]:
    """The project's interviews narrowed by partner, helix of the interviewed organisation and its type."""
    interviews = Interview.objects.filter(partner__project=project)
    if filters.partner_id:
        interviews = interviews.filter(partner_id=filters.partner_id)
    if filters.helix:
        interviews = interviews.filter(organisation__type__in=[kind for kind, role in HELIX_ROLE_BY_TYPE.items()
                                                               if role == filters.helix])
    if filters.organisation_type:
        interviews = interviews.filter(organisation__type=filters.organisation_type)
    return interviews


@dataclass
class HeatMap:
    """Themes (rows) × columns: per cell the interviews and the answers coded with the theme; per column the
    interviews in the selection (so a count reads against its base)."""

    title: str
    columns: list[tuple[str, str]]
    themes: list[Theme]
    interviews: list[list[int]]
    answers: list[list[int]]
    column_interviews: list[int]

    def rows(self) -> list[dict[str, Any]]:
        """Per theme: the theme and its cells (column key, interviews, answers), for tables."""
        keys = [key for key, _label in self.columns]
        return [{"theme": theme, "cells": list(zip(keys, interviews, answers, strict=True))}
                for theme, interviews, answers in zip(self.themes, self.interviews, self.answers, strict=True)]

    def figure(self) -> dict[str, Any]:
        """A Plotly heat map of the interview counts (the table beside it holds the same numbers)."""
        return {"data": [{"type": "heatmap", "z": self.interviews, "x": [label for _key, label in self.columns],
                          "y": [label_lines(theme.name, 28) for theme in self.themes],
                          "colorscale": HEAT_COLOURS, "texttemplate": "%{z}",
                          "hovertemplate": "%{y} · %{x}: %{z}<extra></extra>", "zmin": 0}],
                "layout": {"title": {"text": self.title}, "height": 200 + 30 * len(self.themes),
                           "margin": {"l": 20, "r": 20, "t": 60, "b": 80},
                           "yaxis": {"autorange": "reversed", "automargin": True},
                           "xaxis": {"automargin": True, "side": "bottom"}}}


def _coded_rows(interviews: QuerySet[Interview], codebook: Codebook) -> list[tuple[int, int, int]]:
    """(theme, answer, interview) of every code of the codebook applied by any coder to an answer of these
    interviews, each once (the union of the coders)."""
    return list(AppliedCode.objects.filter(coding__answer__interview__in=interviews, theme__codebook=codebook)
                .values_list("theme_id", "coding__answer_id", "coding__answer__interview_id").distinct())


def _heat_map(title: str, themes: list[Theme], columns: list[tuple[str, str]], rows: list[tuple],
              column_of: dict[int, str]) -> HeatMap:
    """Counts distinct interviews and answers per (theme, column); `column_of` maps an interview to its column."""
    interviews: dict[tuple[int, str], set[int]] = defaultdict(set)
    answers: dict[tuple[int, str], set[int]] = defaultdict(set)
    for theme_id, answer_id, interview_id in rows:
        interviews[theme_id, column_of[interview_id]].add(interview_id)
        answers[theme_id, column_of[interview_id]].add(answer_id)
    bases = defaultdict(int)
    for column in column_of.values():
        bases[column] += 1
    return HeatMap(title, columns, themes,
                   [[len(interviews[theme.pk, key]) for key, _label in columns] for theme in themes],
                   [[len(answers[theme.pk, key]) for key, _label in columns] for theme in themes],
                   [bases[key] for key, _label in columns])


def analysis_heat_maps(*, project: Any, codebook: Codebook, filters: AnalysisFilters = AnalysisFilters()
                       ) -> dict[str, HeatMap]:
    """The themes of the codebook by helix of the interviewed organisation and by partner: counts only."""
    interviews = _interviews(project, filters)
    rows = _coded_rows(interviews, codebook)
    themes = list(codebook.themes.order_by("position", "code"))
    selection = list(interviews.values_list("pk", "partner_id", "organisation__type"))
    helix_of = {pk: HELIX_ROLE_BY_TYPE.get(kind, "") for pk, _partner, kind in selection}
    partner_of = {pk: str(partner) for pk, partner, _kind in selection}
    partners = [(str(partner.pk), partner.organisation.name) for partner in analysis_partner_list(project=project)
                if not filters.partner_id or partner.pk == filters.partner_id]
    helices = [(key, str(label)) for key, label in HelixRole.choices]
    return {"helix": _heat_map(_("Themes by helix (interviews)"), themes, helices, rows, helix_of),
            "partner": _heat_map(_("Themes by partner (interviews)"), themes, partners, rows, partner_of)}


def analysis_top_themes(*, project: Any, limit: int = 3) -> list[tuple[Theme, int]]:
    """The themes of the project's codebook raised in the most interviews (at least one), with their count."""
    codebook = analysis_codebook_default(project=project)
    if codebook is None:
        return []
    interviews_of: dict[int, set[int]] = defaultdict(set)
    for theme_id, _answer, interview_id in _coded_rows(_interviews(project, AnalysisFilters()), codebook):
        interviews_of[theme_id].add(interview_id)
    themes = codebook.themes.in_bulk(list(interviews_of))
    ranked = sorted(interviews_of.items(), key=lambda item: (-len(item[1]), themes[item[0]].position))
    return [(themes[theme_id], len(interviews)) for theme_id, interviews in ranked[:limit]]


@dataclass(frozen=True)
class AnalysisReader:
    """Who reads a quote: the organisations whose interviews they read with names (their own; all for
    administrators). The shared reader owns nothing: what every partner of the project may read."""

    organisation_ids: frozenset[int] = frozenset()
    reads_all: bool = False

    def owns(self, interview: Interview) -> bool:
        return self.reads_all or interview.partner.organisation_id in self.organisation_ids


SHARED_READER = AnalysisReader()  # the synthesis handed out at the interregional events: pseudonymised, consent only


def analysis_reader(*, user: Any) -> AnalysisReader:
    """The reader a user is: members read their own partner's interviews with names, administrators all."""
    if is_administrator(user):
        return AnalysisReader(reads_all=True)
    if not getattr(user, "is_authenticated", False):
        return SHARED_READER
    return AnalysisReader(frozenset(membership_organisation_ids(user=user).values_list("organisation_id", flat=True)))


@dataclass(frozen=True)
class Quote:
    """An answer excerpt as one reader may see it: `named` when the reader owns the interview (the organisation's
    name), else pseudonymised ("SME, EL64"), names of the organisation and interviewee blanked in the text."""

    text: str
    attribution: str
    partner: str
    named: bool
    consent_to_quote: bool
    coders: int = 1


def pseudonym(organisation: Any) -> str:
    """The organisation's type and NUTS 2 region ("SME, EL64"): never a name; NUTS 2, not 3, so that a small
    region's few organisations of a type are not singled out."""
    region = organisation.region.code[:4] if organisation.region_id else _("region not recorded")
    return f"{OrganisationType(organisation.type).label}, {region}"


def _blanked(text: str, interview: Interview) -> str:
    """The text with the organisation's name, the interviewee's e-mail, name and each part of it (three letters or
    more: "Maria" alone names her too) replaced by placeholders, whole words only."""
    names = [(interview.organisation.name, _("[organisation]"))]
    if interview.person_id:
        person = interview.person
        names += [(person.email, _("[e-mail]")), (person.name, _("[interviewee]")),
                  *((part, _("[interviewee]")) for part in person.name.split() if len(part) >= 3)]
    for name, placeholder in names:
        if name.strip():
            text = re.sub(rf"(?<!\w){re.escape(name.strip())}(?!\w)", placeholder, text, flags=re.IGNORECASE)
    return text


def quote_shown(*, reader: AnalysisReader, answer: Answer, coders: int = 1) -> Quote | None:
    """The one rule for showing an answer as a quote: the owning partner (and administrators) see it with the
    organisation's name; every other reader only pseudonymised, and only when the interviewee consented to be
    quoted (None: not shown)."""
    interview = answer.interview
    excerpt = Truncator(answer.text).chars(QUOTE_CHARACTERS)
    partner = interview.partner.organisation.name
    if reader.owns(interview):
        return Quote(excerpt, interview.organisation.name, partner, True, interview.consent_to_quote, coders)
    if not interview.consent_to_quote:
        return None
    return Quote(Truncator(_blanked(answer.text, interview)).chars(QUOTE_CHARACTERS), pseudonym(interview.organisation),
                 partner, False, True, coders)


def _theme_answers(project: Any, theme: Theme, filters: AnalysisFilters) -> QuerySet[Answer]:
    """The answers of the project's (filtered) interviews coded with the theme by any coder, with how many coders
    applied it; those both coders agree on first, then the newest interviews."""
    return (Answer.objects.filter(interview__in=_interviews(project, filters), codings__codes__theme=theme)
            .annotate(coders=Count("codings", filter=Q(codings__codes__theme=theme), distinct=True))
            .select_related("interview__organisation__region", "interview__person",
                            "interview__partner__organisation", "question")
            .order_by("-coders", "-interview__held_on", "interview_id", "question__number"))


def analysis_quote_list(*, reader: AnalysisReader, project: Any, theme: Theme,
                        filters: AnalysisFilters = AnalysisFilters()) -> list[Quote]:
    """The quotes of a theme this reader may see (by `quote_shown`), the coders' agreed ones first."""
    shown = (quote_shown(reader=reader, answer=answer, coders=answer.coders)
             for answer in _theme_answers(project, theme, filters))
    return [quote for quote in shown if quote is not None]


def _spread(quotes: Iterable[Quote], limit: int) -> list[Quote]:
    """Up to `limit` quotes, one partner after another, so that the selection spans the partners."""
    by_partner: dict[str, list[Quote]] = defaultdict(list)
    for quote in quotes:
        by_partner[quote.partner].append(quote)
    chosen: list[Quote] = []
    while len(chosen) < limit and any(by_partner.values()):
        for partner_quotes in by_partner.values():
            if partner_quotes and len(chosen) < limit:
                chosen.append(partner_quotes.pop(0))
    return chosen


@dataclass
class SynthesisTheme:
    """A theme in the synthesis: interviews and answers coded with it, its spread across partners and helices,
    and the selected quotes (pseudonymised, with consent)."""

    theme: Theme
    interviews: int
    answers: int
    partners: int
    by_partner: list[int]
    by_helix: list[int]
    quotes: list[Quote]


def analysis_synthesis(*, project: Any, codebook: Codebook) -> dict[str, Any]:
    """The cross-partner synthesis: per theme group, the themes ranked by interviews (ties in codebook order) with
    their spread and up to three quotes as every partner may read them (`SHARED_READER`)."""
    maps = analysis_heat_maps(project=project, codebook=codebook)
    rows = _coded_rows(_interviews(project, AnalysisFilters()), codebook)
    interviews_of: dict[int, set[int]] = defaultdict(set)
    answers_of: dict[int, set[int]] = defaultdict(set)
    for theme_id, answer_id, interview_id in rows:
        interviews_of[theme_id].add(interview_id)
        answers_of[theme_id].add(answer_id)
    groups: dict[str, list[SynthesisTheme]] = {group: [] for group in ThemeGroup.values}
    for index, theme in enumerate(maps["helix"].themes):
        by_partner = maps["partner"].interviews[index]
        quotes = [] if not interviews_of[theme.pk] else _spread(
            analysis_quote_list(reader=SHARED_READER, project=project, theme=theme), SYNTHESIS_QUOTES_PER_THEME)
        groups.setdefault(theme.group, []).append(SynthesisTheme(
            theme, len(interviews_of[theme.pk]), len(answers_of[theme.pk]), sum(1 for count in by_partner if count),
            by_partner, maps["helix"].interviews[index], quotes))
    for themes in groups.values():
        themes.sort(key=lambda line: -line.interviews)  # stable: ties keep the codebook's order
    labels = dict(ThemeGroup.choices)
    return {"groups": [(group, labels.get(group, group), themes) for group, themes in groups.items() if themes],
            "partners": maps["partner"].columns, "helices": maps["helix"].columns, "maps": maps,
            "interviews": sum(maps["partner"].column_interviews)}
