"""Analysis reads on the hand-made set of `analysis_world`: theme counts by helix and by partner (two coders'
codes combined by union, an interview once per theme), filters, and the one rule that shows a quote."""

from __future__ import annotations

import pytest

from smartcluster.stakeholders.selectors import analysis as selectors
from smartcluster.stakeholders.tests.analysis_world import build_analysis_world

pytestmark = pytest.mark.django_db


def _cells(heat_map: selectors.HeatMap, code: str) -> dict[str, tuple[int, int]]:
    row = next(row for row in heat_map.rows() if row["theme"].code == code)
    return {key: (interviews, answers) for key, interviews, answers in row["cells"]}


def test_heat_map_by_helix_counts_each_interview_once_per_theme_and_answers_coded_by_either_coder() -> None:
    built = build_analysis_world()
    maps = selectors.analysis_heat_maps(project=built.world.project, codebook=built.codebook)
    assert _cells(maps["helix"], "green-business") == {"business": (2, 3), "academia": (1, 1),
                                                       "government": (0, 0), "civil_society": (0, 0)}
    assert _cells(maps["helix"], "sustainability-green-circular")["business"] == (1, 1)  # one coder of two
    assert _cells(maps["helix"], "digitalisation")["business"] == (1, 1)
    assert _cells(maps["helix"], "financing-resources")["business"] == (0, 0)
    assert maps["helix"].column_interviews == [2, 1, 0, 0]


def test_heat_map_by_partner_counts_the_interviews_of_each_partner() -> None:
    built = build_analysis_world()
    maps = selectors.analysis_heat_maps(project=built.world.project, codebook=built.codebook)
    partner_a, partner_b = str(built.world.partner_a.pk), str(built.partner_b.pk)
    assert [label for _key, label in maps["partner"].columns] == ["Agency A", "Authority B"]
    assert _cells(maps["partner"], "green-business") == {partner_a: (2, 3), partner_b: (1, 1)}
    assert _cells(maps["partner"], "barriers-university-sme") == {partner_a: (1, 1), partner_b: (0, 0)}


def test_filters_narrow_the_counts_to_a_helix_an_organisation_type_or_a_partner() -> None:
    built = build_analysis_world()
    project, codebook = built.world.project, built.codebook
    academia = selectors.analysis_heat_maps(project=project, codebook=codebook,
                                            filters=selectors.AnalysisFilters(helix="academia"))
    assert _cells(academia["helix"], "green-business")["business"] == (0, 0)
    assert _cells(academia["helix"], "green-business")["academia"] == (1, 1)
    smes = selectors.analysis_heat_maps(project=project, codebook=codebook,
                                        filters=selectors.AnalysisFilters(organisation_type="sme"))
    assert _cells(smes["helix"], "green-business")["academia"] == (0, 0)
    only_b = selectors.analysis_heat_maps(project=project, codebook=codebook,
                                          filters=selectors.AnalysisFilters(partner_id=built.partner_b.pk))
    assert [key for key, _label in only_b["partner"].columns] == [str(built.partner_b.pk)]
    assert _cells(only_b["helix"], "green-business")["business"] == (1, 1)


def test_another_partner_reads_a_quote_pseudonymised_by_type_and_nuts2_region_with_names_blanked() -> None:
    built = build_analysis_world()
    theme = built.codebook.themes.get(code="green-business")
    reader = selectors.analysis_reader(user=built.world.users["editor_b"])
    quotes = selectors.analysis_quote_list(reader=reader, project=built.world.project, theme=theme)
    attributions = sorted(quote.attribution for quote in quotes)
    assert attributions == ["Beta Foods", "SME, EL64", "SME, EL64"]  # Patras gave no consent: not shown
    shown = " ".join(f"{quote.text} {quote.attribution}" for quote in quotes if not quote.named)
    for secret in ("Alpha Robotics", "Maria", "Papadopoulou", "maria@alpha.example", "Patras"):
        assert secret not in shown
    assert "[organisation] we want" in shown and "[interviewee] says" in shown and "([e-mail])" in shown


def test_the_owning_partner_reads_its_quotes_named_even_without_consent_and_others_only_with_consent() -> None:
    built = build_analysis_world()
    theme = built.codebook.themes.get(code="green-business")
    reader = selectors.analysis_reader(user=built.world.users["viewer"])
    quotes = selectors.analysis_quote_list(reader=reader, project=built.world.project, theme=theme)
    assert quotes[0].coders == 2  # the answer both coders agree on comes first
    named = {(quote.attribution, quote.consent_to_quote) for quote in quotes if quote.named}
    assert named == {("Alpha Robotics", True), ("University of Patras", False)}
    assert [quote.attribution for quote in quotes if not quote.named] == ["SME, region not recorded"]


def test_the_shared_reader_of_the_synthesis_sees_no_name_and_no_quote_without_consent() -> None:
    built = build_analysis_world()
    synthesis = selectors.analysis_synthesis(project=built.world.project, codebook=built.codebook)
    topics = next(themes for group, _label, themes in synthesis["groups"] if group == "topic")
    assert [line.theme.code for line in topics[:2]] == ["green-business", "barriers-university-sme"]
    green = topics[0]
    assert (green.interviews, green.answers, green.partners, green.by_helix) == (3, 4, 2, [2, 1, 0, 0])
    assert {quote.attribution for quote in green.quotes} == {"SME, EL64", "SME, region not recorded"}
    assert not any(quote.named for line in topics for quote in line.quotes)
    assert len({quote.partner for quote in green.quotes[:2]}) == 2  # the selection spans the partners


def test_anonymous_users_and_outsiders_read_no_project_analysis() -> None:
    from django.contrib.auth.models import AnonymousUser

    from smartcluster.organisations.tests.factories import make_user

    built = build_analysis_world()
    assert not selectors.analysis_project_list(user=AnonymousUser()).exists()
    assert not selectors.analysis_project_list(user=make_user("outsider")).exists()
    assert list(selectors.analysis_project_list(user=built.world.users["administrator"])) == [built.world.project]
