"""Analysis pages on the hand-made set of `analysis_world`: the heat maps' tables, the quotes as each reader may
see them, the synthesis (print view and a readable DOCX without a name), bad filters answered in words."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from smartcluster.organisations.tests.factories import build_world
from smartcluster.reports.tests.readable import docx_problems
from smartcluster.stakeholders.tests.analysis_world import build_analysis_world

pytestmark = pytest.mark.django_db
NAMES = ("Alpha Robotics", "Maria", "Papadopoulou", "maria@alpha.example", "University of Patras")


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_analysis_index_lists_the_project_for_its_partners_and_nothing_for_anonymous_users() -> None:
    world = build_world()
    client = _client(world.users["editor_b"])
    page = client.get(reverse("stakeholders:analysis_index")).content.decode()
    assert "Clusters in Smart Industry" in page and "nothing coded yet" in page
    anonymous = Client().get(reverse("stakeholders:analysis_index")).content.decode()
    assert "Clusters in Smart Industry" not in anonymous


def test_analysis_index_names_the_themes_raised_in_the_most_interviews() -> None:
    built = build_analysis_world()
    page = _client(built.world.users["editor_b"]).get(reverse("stakeholders:analysis_index")).content.decode()
    assert "Green business applications (3); Sustainability, green and circular economy (1); Digitalisation (1)" in page


def test_the_heat_map_page_shows_another_partner_the_counts_by_helix_and_partner_and_no_name() -> None:
    built = build_analysis_world()
    page = _client(built.world.users["editor_b"]).get(
        reverse("stakeholders:analysis_project", args=[built.world.project.pk])).content.decode()
    assert 'data-theme="green-business" data-column="business">2 (3)</td>' in page
    assert 'data-theme="green-business" data-column="academia">1 (1)</td>' in page
    assert f'data-theme="green-business" data-column="{built.partner_b.pk}">1 (1)</td>' in page
    assert "vendor/plotly.min.js" in page and 'data-figure="' in page and "at least one of its coders" in page
    assert not any(name in page for name in NAMES)


def test_a_filter_narrows_the_heat_map_and_a_bad_one_is_named_in_words() -> None:
    built = build_analysis_world()
    client = _client(built.world.users["editor_a"])
    address = reverse("stakeholders:analysis_project", args=[built.world.project.pk])
    academia = client.get(address, {"helix": "academia"}).content.decode()
    assert 'data-theme="green-business" data-column="business">0 (0)</td>' in academia
    bad = client.get(address, {"helix": "martians"})
    assert bad.status_code == 200 and "Correct the filters above" in bad.content.decode()
    assert "martians is not one of the available choices" in bad.content.decode()


def test_quotes_show_another_partner_only_consented_pseudonymised_excerpts_and_the_owner_names() -> None:
    built = build_analysis_world()
    theme = built.codebook.themes.get(code="green-business")
    address = reverse("stakeholders:analysis_quotes", args=[built.world.project.pk])
    other = _client(built.world.users["editor_b"]).get(address, {"theme": theme.pk}).content.decode()
    assert other.count("SME, EL64") == 2 and "Beta Foods" in other  # Beta Foods: partner B's own interview
    assert not any(name in other for name in NAMES) and "circular materials" not in other  # Patras: no consent
    owner = _client(built.world.users["viewer"]).get(address, {"theme": theme.pk}).content.decode()
    assert "Alpha Robotics" in owner and "University of Patras" in owner and "no consent to be quoted" in owner
    assert "Beta Foods" not in owner and "SME, region not recorded" in owner


def test_every_theme_at_once_lists_a_few_quotes_per_theme_and_links_to_all(monkeypatch: Any) -> None:
    monkeypatch.setattr("smartcluster.stakeholders.views.analysis.QUOTES_PER_THEME_LISTED", 2)
    built = build_analysis_world()
    theme = built.codebook.themes.get(code="green-business")
    page = _client(built.world.users["viewer"]).get(
        reverse("stakeholders:analysis_quotes", args=[built.world.project.pk]), {"helix": "business"}).content.decode()
    green = page.split('id="quotes-green-business"', 1)[1].split("</section>", 1)[0]
    assert green.count("<blockquote") == 2 and f'?helix=business&amp;theme={theme.pk}">All 3 quotes' in green


def test_the_synthesis_print_view_and_docx_hold_no_name_even_for_the_owning_partner() -> None:
    from docx import Document

    built = build_analysis_world()
    client = _client(built.world.users["editor_a"])
    project = built.world.project.pk
    page = client.get(reverse("stakeholders:analysis_synthesis", args=[project])).content.decode()
    assert "@media print" in page and "SME, EL64" in page and not any(name in page for name in NAMES)
    response = client.get(reverse("stakeholders:analysis_synthesis_docx", args=[project]))
    assert response["Content-Disposition"] == 'attachment; filename="synthesis-csi.docx"'
    assert docx_problems(response.content, "synthesis.docx") == []
    document = Document(io.BytesIO(response.content))
    text = "\n".join([paragraph.text for paragraph in document.paragraphs]
                     + [cell.text for table in document.tables for row in table.rows for cell in row.cells])
    assert "SME, EL64" in text and "Green business applications" in text
    assert not any(name in text for name in NAMES) and "Beta Foods" not in text


@pytest.mark.parametrize("name", ["analysis_project", "analysis_quotes", "analysis_synthesis",
                                  "analysis_synthesis_docx"])
def test_pages_answer_404_to_outsiders_and_anonymous_users(name: str) -> None:
    from smartcluster.organisations.tests.factories import make_user

    built = build_analysis_world()
    address = reverse(f"stakeholders:{name}", args=[built.world.project.pk])
    assert Client().get(address).status_code == 404
    assert _client(make_user("outsider")).get(address).status_code == 404
