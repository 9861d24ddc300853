"""Coding pages posted like a browser with CSRF enforced: the index and coding page, saving a coding (htmx and
plain), accepting a suggestion, the agreement page, codebook pages, downloads and import; refusals change nothing."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from smartcluster.events.tests.participation_factories import browser, send
from smartcluster.stakeholders.choices import CodeSource
from smartcluster.stakeholders.models import AnswerCoding, AppliedCode, Codebook
from smartcluster.stakeholders.services import answer_coding_load
from smartcluster.stakeholders.tests.coding_world import build_coding_world, coding_dump

pytestmark = pytest.mark.django_db


@pytest.fixture
def coding():
    return build_coding_world()


def test_the_index_lists_the_partners_interviews_with_a_link_to_code_them(coding):
    page = browser(coding.world.users["viewer"]).get(reverse("stakeholders:coding_index"), secure=True)
    html = page.content.decode()
    assert reverse("stakeholders:interview_code", args=[coding.interview.pk]) in html
    assert reverse("stakeholders:interview_code", args=[coding.other_interview.pk]) not in html


def test_the_coding_page_shows_answers_themes_and_scored_suggestions_without_storing_them(coding):
    page = browser(coding.world.users["editor_a"]).get(
        reverse("stakeholders:interview_code", args=[coding.interview.pk]), secure=True)
    html = page.content.decode()
    assert page.status_code == 200
    assert coding.answers[2].text in html and 'name="themes" value="digitalisation"' in html
    assert "score 0." in html and reverse("stakeholders:answer_suggestion_accept", args=[coding.answers[2].pk]) in html
    assert not AnswerCoding.objects.exists()


def test_saving_a_coding_through_the_page_needs_the_csrf_token(coding):
    client = browser(coding.world.users["editor_a"])
    url = reverse("stakeholders:answer_code", args=[coding.answers[2].pk])
    before = coding_dump()
    assert send(client, url, {"themes": ["digitalisation"]}, token=False).status_code == 403
    assert coding_dump() == before
    response = send(client, url, {"themes": ["digitalisation", "support-known"]})
    assert response.status_code == 302 and response["Location"].endswith(f"#answer-{coding.answers[2].pk}")
    assert sorted(AppliedCode.objects.values_list("theme__code", flat=True)) == ["digitalisation", "support-known"]


def test_saving_with_no_theme_records_the_unit_and_htmx_gets_the_answer_back(coding):
    client = browser(coding.world.users["editor_a"])
    response = send(client, reverse("stakeholders:answer_code", args=[coding.answers[3].pk]), {},
                    headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert f'id="answer-{coding.answers[3].pk}"' in response.content.decode()
    assert AnswerCoding.objects.filter(answer=coding.answers[3], coder=coding.world.users["editor_a"]).exists()
    assert not AppliedCode.objects.exists()


def test_accepting_a_suggestion_stores_it_with_its_score(coding):
    client = browser(coding.world.users["editor_a"])
    response = send(client, reverse("stakeholders:answer_suggestion_accept", args=[coding.answers[2].pk]),
                    {"theme": "digitalisation"}, headers={"HX-Request": "true"})
    assert response.status_code == 200 and "accepted suggestion, score 0." in response.content.decode()
    applied = AppliedCode.objects.get()
    assert applied.source == CodeSource.SUGGESTION and 0 < applied.suggestion_score <= 1


def test_a_forged_suggestion_is_refused_and_nothing_is_stored(coding):
    client = browser(coding.world.users["editor_a"])
    before = coding_dump()
    response = send(client, reverse("stakeholders:answer_suggestion_accept", args=[coding.answers[2].pk]),
                    {"theme": "unknown-theme"}, headers={"HX-Request": "true"})
    assert response.status_code == 400 and 'role="alert"' in response.content.decode()
    assert coding_dump() == before


@pytest.mark.parametrize("role", ["editor_b", "anonymous"])
def test_another_partner_gets_404_and_changes_nothing(coding, role):
    client = browser(None if role == "anonymous" else coding.world.users[role])
    before = coding_dump()
    page = client.get(reverse("stakeholders:interview_code", args=[coding.interview.pk]), secure=True)
    saved = send(client, reverse("stakeholders:answer_code", args=[coding.answers[2].pk]), {"themes": ["digitalisation"]})
    accepted = send(client, reverse("stakeholders:answer_suggestion_accept", args=[coding.answers[2].pk]),
                    {"theme": "digitalisation"})
    expected = 302 if role == "anonymous" else 404  # anonymous: to the login page
    assert (page.status_code, saved.status_code, accepted.status_code) == (expected, expected, expected)
    assert coding_dump() == before


def test_the_other_coders_codes_appear_only_once_the_user_has_coded(coding):
    answer_coding_load(answer=coding.answers[2], coder=coding.coder_b, themes=["financing-resources"])
    client = browser(coding.world.users["editor_a"])
    url = reverse("stakeholders:interview_code", args=[coding.interview.pk])
    assert "coder_b coded" not in client.get(url, secure=True).content.decode()
    send(client, reverse("stakeholders:answer_code", args=[coding.answers[2].pk]), {"themes": ["digitalisation"]})
    assert "coder_b coded: Financing and resources" in client.get(url, secure=True).content.decode()


def test_the_agreement_page_shows_kappa_per_theme_and_overall_with_the_units_both_coded(coding):
    editor = coding.world.users["editor_a"]
    answer_coding_load(answer=coding.answers[2], coder=editor, themes=["digitalisation"])
    answer_coding_load(answer=coding.answers[3], coder=editor, themes=["green-business"])
    answer_coding_load(answer=coding.answers[2], coder=coding.coder_b, themes=["digitalisation"])
    answer_coding_load(answer=coding.answers[3], coder=coding.coder_b, themes=["sustainability-green-circular"])
    answer_coding_load(answer=coding.answers[4], coder=coding.coder_b, themes=[])  # coded by one only: left out
    query = {"partner": coding.world.partner_a.pk, "codebook": coding.interview.guide.codebook_id,
             "first": editor.pk, "second": coding.coder_b.pk}
    page = browser(editor).get(reverse("stakeholders:coding_agreement"), query, secure=True)
    html = page.content.decode()
    assert page.status_code == 200
    assert "2 answers coded by both." in html
    assert "<td>1.00</td>" in html  # digitalisation: both applied it to one unit, neither to the other
    assert "Overall (pooled answer × theme decisions)" in html and "<td>40</td>" in html  # 2 units × 20 themes


def test_the_agreement_page_is_404_to_someone_who_codes_no_interview(coding):
    client = browser(coding.world.users["editor_b"])
    partner_b_interviews = coding.other_interview
    partner_b_interviews.delete()
    assert client.get(reverse("stakeholders:coding_agreement"), secure=True).status_code == 404


def test_codebook_pages_and_downloads_are_public(coding):
    codebook = coding.interview.guide.codebook
    client = browser()
    assert codebook.name in client.get(reverse("stakeholders:codebook_list"), secure=True).content.decode()
    detail = client.get(reverse("stakeholders:codebook_detail", args=[codebook.pk]), secure=True).content.decode()
    assert "Barriers to universities collaborating with SMEs" in detail and "Interview topic" in detail
    csv = client.get(reverse("stakeholders:codebook_csv", args=[codebook.pk]), secure=True)
    assert csv["Content-Type"].startswith("text/csv") and csv.content.startswith(b"code,name,group,description\n")
    qdc = client.get(reverse("stakeholders:codebook_qdc", args=[codebook.pk]), secure=True)
    assert b"urn:QDA-XML:codebook:1.0" in qdc.content and ".qdc" in qdc["Content-Disposition"]


@pytest.mark.parametrize("kind", ["csv", "qdc"])
def test_an_administrator_imports_an_exported_file_as_the_next_version(coding, kind):
    codebook = coding.interview.guide.codebook
    client = browser(coding.world.users["administrator"])
    exported = client.get(reverse(f"stakeholders:codebook_{kind}", args=[codebook.pk]), secure=True).content
    url = reverse("stakeholders:codebook_import", args=[codebook.pk])
    response = send(client, url, {"file": SimpleUploadedFile(f"edited.{kind}", exported)})
    imported = Codebook.objects.get(name=codebook.name, version=codebook.version + 1)
    assert response.status_code == 302 and response["Location"].endswith(
        reverse("stakeholders:codebook_detail", args=[imported.pk]))
    assert list(imported.themes.values_list("code", "name", "group", "description")) == list(
        codebook.themes.values_list("code", "name", "group", "description"))


def test_a_bad_codebook_file_is_refused_naming_the_problem_and_nothing_is_saved(coding):
    codebook = coding.interview.guide.codebook
    client = browser(coding.world.users["administrator"])
    before = coding_dump()
    upload = SimpleUploadedFile("mine.csv", b"code,name,group\nok,Fine,need\nbad code,Bad,need\n")
    response = send(client, reverse("stakeholders:codebook_import", args=[codebook.pk]), {"file": upload})
    assert response.status_code == 400
    assert "mine.csv:3 [code]: code &#x27;bad code&#x27;" in response.content.decode()
    assert coding_dump() == before


def test_only_administrators_import_a_codebook(coding):
    codebook = coding.interview.guide.codebook
    client = browser(coding.world.users["editor_a"])
    before = coding_dump()
    upload = SimpleUploadedFile("mine.csv", b"code,name,group\nok,Fine,need\n")
    assert send(client, reverse("stakeholders:codebook_import", args=[codebook.pk]), {"file": upload}).status_code == 403
    assert coding_dump() == before


def test_the_interview_page_links_to_its_coding_page(coding):
    page = browser(coding.world.users["viewer"]).get(
        reverse("stakeholders:interview_detail", args=[coding.interview.pk]), secure=True)
    assert reverse("stakeholders:interview_code", args=[coding.interview.pk]) in page.content.decode()
