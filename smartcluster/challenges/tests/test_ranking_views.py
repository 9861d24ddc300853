"""Ranking pages and downloads: the organiser's ranking (raw and calibrated, the refusal, the tie-break rule), the
winners confirmed through the form with CSRF enforced, the public results, team feedback, statistics with offline
charts, and the XLSX and DOCX read back. A juror, even one of the jury, gets 404 on every organiser's page."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from smartcluster.challenges import services
from smartcluster.challenges.models import Award, Score
from smartcluster.challenges.tests.ranking_world import RankingWorld, build_ranking_world
from smartcluster.challenges.tests.world import challenges_dump, make_challenge, make_solver, make_team, post
from smartcluster.challenges.tests.world import signed_in as world_signed_in
from smartcluster.reports.tests.readable import docx_problems, xlsx_problems

pytestmark = pytest.mark.django_db


@pytest.fixture
def rw() -> RankingWorld:
    return build_ranking_world()


def signed_in(user: Any) -> Client:
    """A client with CSRF checks on, signed in (unless None), holding the CSRF cookie a page gave it."""
    return world_signed_in(user, reverse("challenges:statistics"))


def _docx_text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_the_organiser_sees_raw_and_calibrated_ranking_with_the_rule_and_the_refusal(rw: RankingWorld) -> None:
    page = signed_in(rw.users["editor_a"]).get(reverse("challenges:ranking", args=[rw.challenge.pk]))
    text = page.content.decode()
    assert page.status_code == 200
    assert 'id="tie-break"' in text and "declared order" in text
    assert 'id="calibration-refusal"' in text and "juror2 (3)" in text
    assert text.index("Alpha kit") < text.index("Beta kit") < text.index("Gamma kit")
    assert 'class="table-wrap"' in text


@pytest.mark.parametrize("route", ["challenges:ranking", "challenges:scores_xlsx"])
@pytest.mark.parametrize("role", ["editor_b", "viewer", "participant"])
def test_jurors_and_others_get_404_on_the_organisers_pages(rw: RankingWorld, route: str, role: str) -> None:
    """editor_b is a juror of the challenge who sent scores: still no ranking, no aggregate, no XLSX."""
    response = signed_in(rw.users[role]).get(reverse(route, args=[rw.challenge.pk]))
    assert response.status_code == 404 and b"4.15" not in response.content


def test_the_winners_are_confirmed_through_the_form_with_csrf(rw: RankingWorld) -> None:
    client = signed_in(rw.users["editor_a"])
    alpha = rw.teams["alpha"].submission
    url = reverse("challenges:results_confirm", args=[rw.challenge.pk])
    before = challenges_dump()
    refused = client.post(url, {f"place_{alpha.pk}": "1"})  # a cookie but no token
    assert refused.status_code == 403 and challenges_dump() == before
    response = post(client, url, {f"place_{alpha.pk}": "1", f"prize_{alpha.pk}": "Pilot contract"})
    assert response.status_code == 302 and response["Location"] == reverse("challenges:results",
                                                                            args=[rw.challenge.pk])
    assert Award.objects.get().prize == "Pilot contract"
    results = Client().get(response["Location"]).content.decode()
    assert "Pilot contract" in results and "3 submissions were received" in results


def test_a_confirmation_before_its_time_shows_the_reason_and_stores_nothing() -> None:
    rw = build_ranking_world(evaluation_ended=False, scored=False)
    client = signed_in(rw.users["editor_a"])
    alpha = rw.teams["alpha"].submission
    before = challenges_dump()
    response = post(client, reverse("challenges:results_confirm", args=[rw.challenge.pk]), {f"place_{alpha.pk}": "1"})
    assert response.status_code == 200 and "once the evaluation has ended" in response.content.decode()
    assert challenges_dump() == before


def test_a_juror_cannot_confirm_results(rw: RankingWorld) -> None:
    alpha = rw.teams["alpha"].submission
    before = challenges_dump()
    response = post(signed_in(rw.users["editor_b"]), reverse("challenges:results_confirm", args=[rw.challenge.pk]),
                    {f"place_{alpha.pk}": "1"})
    assert response.status_code == 404 and challenges_dump() == before


def test_results_and_feedback_are_hidden_until_published(rw: RankingWorld) -> None:
    alpha = rw.teams["alpha"]
    lead = alpha.members.get().user
    assert Client().get(reverse("challenges:results", args=[rw.challenge.pk])).status_code == 404
    assert Client().get(reverse("challenges:results_docx", args=[rw.challenge.pk])).status_code == 404
    assert signed_in(lead).get(reverse("challenges:team_feedback", args=[alpha.pk])).status_code == 404
    services.award_load(challenge=rw.challenge, submission=alpha.submission, place=1, prize="Mentoring")
    page = signed_in(lead).get(reverse("challenges:team_feedback", args=[alpha.pk])).content.decode()
    assert "Juror 1" in page and "Juror 3" in page and "Overall by juror2" in page
    assert "editor_b" not in page.replace("Overall by editor_b", "").replace("comment by editor_b", "")
    assert "Your rank: 1" in page
    other = rw.teams["beta"].members.get().user
    assert signed_in(other).get(reverse("challenges:team_feedback", args=[alpha.pk])).status_code == 404
    assert signed_in(rw.users["editor_b"]).get(reverse("challenges:team_feedback", args=[alpha.pk])).status_code == 404


def test_the_scores_xlsx_holds_every_sent_score_and_the_ranking(rw: RankingWorld) -> None:
    response = signed_in(rw.users["editor_a"]).get(reverse("challenges:scores_xlsx", args=[rw.challenge.pk]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert xlsx_problems(response.content, "scores") == []
    workbook = load_workbook(io.BytesIO(response.content))
    scores = [[c.value for c in row] for row in workbook.worksheets[0].iter_rows()]
    assert scores[0][:6] == ["Submission", "Team", "Juror", "Criterion", "Weight", "Score"]
    assert len(scores) == 1 + 3 * 3 * 3
    totals = {(row[1].value, row[2].value): row[3].value for row in workbook["Totals"].iter_rows(min_row=2)}
    assert len(totals) == 9 and totals[("Alpha", "juror2")] == 4.15  # (5·40 + 4·35 + 3·25) / 100
    ranking = [[c.value for c in row] for row in workbook["Ranking"].iter_rows()]
    assert ranking[1][:6] == [1, "No", "Alpha kit", "Alpha", 4.0, 3]


def test_the_results_docx_follows_the_scores(rw: RankingWorld) -> None:
    client = signed_in(rw.users["editor_a"])
    url = reverse("challenges:results_docx", args=[rw.challenge.pk])
    first = client.get(url).content
    assert docx_problems(first, "results") == []
    assert "Alpha kit" in _docx_text(first) and "declared order" in _docx_text(first)
    Score.objects.filter(assignment__submission__team__name="Gamma").update(value=5)
    second = _docx_text(client.get(url).content)
    assert second != _docx_text(first)
    assert second.index("Gamma kit") < second.index("Alpha kit")


def test_the_public_docx_names_the_winners_without_scores(rw: RankingWorld) -> None:
    services.award_load(challenge=rw.challenge, submission=rw.teams["beta"].submission, place=1, prize="Pilot")
    content = Client().get(reverse("challenges:results_docx", args=[rw.challenge.pk])).content
    assert docx_problems(content, "public results") == []
    text = _docx_text(content)
    assert "Beta kit" in text and "Pilot" in text and "Ranking" not in text


def test_statistics_draw_offline_charts_and_filter_by_challenge(rw: RankingWorld) -> None:
    """A draft is not counted; another challenge's filter shows none of these submissions."""
    make_team(rw.challenge, make_solver("drafter", "Draft Works"), rw.cw.world.org_b, submitted=False)
    other, _criteria = make_challenge(rw.cw.world.org_b, title="Another challenge")
    page = Client().get(reverse("challenges:statistics"), {"challenge": rw.challenge.pk}).content.decode()
    assert "vendor/plotly.min.js" in page and "data-figure" in page and "cdn.plot.ly" not in page
    assert "3 submissions (drafts not counted)" in page and "Business" in page
    assert "0 submissions" in Client().get(reverse("challenges:statistics"), {"challenge": other.pk}).content.decode()


def test_the_brief_links_the_organiser_to_the_ranking_and_everyone_to_published_results(rw: RankingWorld) -> None:
    detail = reverse("challenges:challenge_detail", args=[rw.challenge.pk])
    ranking, results = (reverse(name, args=[rw.challenge.pk]) for name in ("challenges:ranking", "challenges:results"))
    assert ranking in signed_in(rw.users["editor_a"]).get(detail).content.decode()
    assert ranking not in signed_in(rw.users["editor_b"]).get(detail).content.decode()
    assert results not in Client().get(detail).content.decode()
    services.award_load(challenge=rw.challenge, submission=rw.teams["alpha"].submission, place=1)
    assert results in Client().get(detail).content.decode()
