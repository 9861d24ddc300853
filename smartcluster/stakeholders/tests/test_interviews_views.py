"""Interviews pages: who reads which partner's interviews, the forms posted with CSRF enforced, the export."""

from __future__ import annotations

import io

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from smartcluster.events.tests.participation_factories import browser, send
from smartcluster.organisations.models import Organisation
from smartcluster.reports.tests.readable import xlsx_problems
from smartcluster.stakeholders.models import Interview, InterviewGuide, Stakeholder
from smartcluster.stakeholders.tests.interviews_factories import build_interview_world, interviews_dump

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup():
    return build_interview_world()


def _page(user, url: str) -> tuple[int, str]:
    client = Client()
    if user is not None:
        client.force_login(user)
    response = client.get(url, secure=True)
    return response.status_code, response.content.decode()


def test_interview_index_lists_only_the_readers_own_partners_with_what_is_missing(setup) -> None:
    status, page = _page(setup.users["viewer"], reverse("stakeholders:interview_index"))
    assert status == 200
    assert "Agency A" in page and "Authority B" not in page
    assert "1 more SME" in page and "2 more universities" in page
    assert "Agency A" not in _page(None, reverse("stakeholders:interview_index"))[1]


def test_the_project_quota_shows_every_partners_counts_but_no_interviewee(setup) -> None:
    url = reverse("stakeholders:interview_quota", args=[setup.world.project.pk])
    status, page = _page(setup.users["editor_b"], url)
    assert status == 200
    row = page.split("Agency A", 1)[1].split("</tr>", 1)[0]
    assert "<td>1 / 2</td>" in row and "Solar SME" not in page and "Ivo" not in page
    assert _page(None, url)[0] == 404


@pytest.mark.parametrize("name", ["interview_detail", "interview_edit"])
def test_an_interview_is_404_for_another_partner_and_anonymous(setup, name: str) -> None:
    url = reverse(f"stakeholders:{name}", args=[setup.interview.pk])
    assert _page(setup.users["editor_b"], url)[0] == 404
    assert _page(None, url)[0] in (302, 404)  # the edit page first asks to sign in
    assert _page(setup.users["editor_a"], url)[0] == 200


def test_a_partners_list_and_export_are_404_for_another_partner(setup) -> None:
    for name in ("interview_list", "interview_xlsx"):
        url = reverse(f"stakeholders:{name}", args=[setup.world.partner_a.pk])
        assert _page(setup.users["editor_b"], url)[0] == 404
        assert _page(None, url)[0] == 404


def test_the_detail_shows_each_question_with_its_themes_and_answer(setup) -> None:
    status, page = _page(setup.users["viewer"], reverse("stakeholders:interview_detail", args=[setup.interview.pk]))
    assert "Universities answer too slowly." in page and "Barriers" in page
    assert page.count("Not answered.") == 6
    assert "Edit" not in page.split("<h2>", 1)[0].split("</dl>", 1)[1]  # a viewer does not change it


def test_the_workbook_holds_interviews_answers_and_quota_and_reads_well(setup) -> None:
    client = Client()
    client.force_login(setup.users["viewer"])
    response = client.get(reverse("stakeholders:interview_xlsx", args=[setup.world.partner_a.pk]), secure=True)
    assert response.status_code == 200
    assert xlsx_problems(response.content, "interviews.xlsx") == []
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Interviews", "Answers", "Quota"]
    answers = list(workbook["Answers"].iter_rows(min_row=2, values_only=True))
    assert [(row[2], row[5]) for row in answers] == [(1, "Energy prices hit us hard."),
                                                      (4, "Universities answer too slowly.")]
    quota = list(workbook["Quota"].iter_rows(min_row=2, values_only=True))
    assert quota[0] == ("SMEs", 1, 2, "1 more SME")


def _form_data(setup, **change) -> dict:
    return {"organisation": setup.university.pk, "interviewer": setup.interviewer.pk, "held_on": "2026-02-10",
            "mode": "in_person", "consent_to_quote": "on", "answer_4": "We train their students.",
            "guide": setup.guide.pk, **change}


def test_recording_an_interview_with_csrf_offers_the_registry_first_and_saves_the_answers(setup) -> None:
    Stakeholder.objects.create(partner=setup.world.partner_a, organisation=setup.university)
    client = browser(setup.users["editor_a"])
    url = reverse("stakeholders:interview_create", args=[setup.world.partner_a.pk])
    page = client.get(url, secure=True).content.decode()
    assert page.index("Tech University") < page.index("Other organisations")
    assert "Separate from the person&#x27;s consent to be listed" in page
    assert client.post(url, _form_data(setup), secure=True).status_code == 403  # no CSRF token
    response = send(client, url, _form_data(setup))
    interview = Interview.objects.exclude(pk=setup.interview.pk).get()
    assert response.status_code == 302 and response["Location"].endswith(f"/interviews/{interview.pk}/")
    assert interview.organisation == setup.university and interview.consent_to_quote
    assert [(a.question.number, a.text) for a in interview.answers.all()] == [(4, "We train their students.")]


def test_a_new_organisation_and_person_are_created_through_the_organisations_services(setup) -> None:
    client = browser(setup.users["editor_a"])
    url = reverse("stakeholders:interview_create", args=[setup.world.partner_a.pk])
    response = send(client, url, _form_data(setup, organisation="", organisation_name="Green Cluster",
                                            organisation_type="cluster", person_name="Gia Green",
                                            person_email="gia@example.org"))
    assert response.status_code == 302
    created = Organisation.objects.get(name="Green Cluster")
    interview = Interview.objects.get(organisation=created)
    assert interview.person.name == "Gia Green" and interview.person.organisation == created
    assert not created.is_published


@pytest.mark.parametrize(("change", "message"), [
    ({"held_on": "2999-01-01"}, "cannot be dated in the future"),
    ({"answer_4": ""}, "Record at least one answer."),
    ({"organisation": "", "organisation_name": "New Org", "organisation_type": "sme", "answer_4": ""},
     "Record at least one answer."),
])
def test_a_refused_interview_shows_why_and_changes_nothing(setup, change: dict, message: str) -> None:
    client = browser(setup.users["editor_a"])
    before = interviews_dump()
    response = send(client, reverse("stakeholders:interview_create", args=[setup.world.partner_a.pk]),
                    _form_data(setup, **change))
    assert response.status_code == 400 and message in response.content.decode()
    assert interviews_dump() == before


def test_another_partners_editor_cannot_post_an_interview_for_partner_a(setup) -> None:
    client = browser(setup.users["editor_b"])
    before = interviews_dump()
    assert send(client, reverse("stakeholders:interview_create", args=[setup.world.partner_a.pk]),
                _form_data(setup)).status_code == 404
    assert send(client, reverse("stakeholders:interview_delete", args=[setup.interview.pk])).status_code == 404
    assert interviews_dump() == before


def test_editing_keeps_the_answers_in_place_and_deleting_removes_the_interview(setup) -> None:
    client = browser(setup.users["editor_a"])
    url = reverse("stakeholders:interview_edit", args=[setup.interview.pk])
    assert "Energy prices hit us hard." in client.get(url, secure=True).content.decode()
    data = {"organisation": setup.sme.pk, "person": setup.interviewee.pk, "interviewer": setup.interviewer.pk,
            "held_on": "2026-03-02", "mode": "online", "answer_1": "Prices fell.", "answer_4": ""}
    assert send(client, url, data).status_code == 302
    assert [a.text for a in setup.interview.answers.all()] == ["Prices fell."]
    assert send(client, reverse("stakeholders:interview_delete", args=[setup.interview.pk])).status_code == 302
    assert not Interview.objects.filter(pk=setup.interview.pk).exists()


def test_guides_are_public_and_a_used_version_refuses_changes_with_a_message(setup) -> None:
    status, page = _page(None, reverse("stakeholders:interview_guide_detail", args=[setup.guide.pk]))
    assert status == 200 and "Barriers" in page and "can no longer change" in page
    client = browser(setup.users["administrator"])
    question = setup.guide.questions.get(number=1)
    before = interviews_dump()
    response = send(client, reverse("stakeholders:interview_guide_question_delete", args=[question.pk]))
    assert response.status_code == 400 and "create a new version" in response.content.decode()
    response = send(client, reverse("stakeholders:interview_guide_question_edit", args=[question.pk]),
                    {"text": "Changed?", "number": "1"})
    assert response.status_code == 400 and "create a new version" in response.content.decode()
    assert interviews_dump() == before


def test_an_administrator_makes_a_new_version_and_edits_its_questions(setup) -> None:
    client = browser(setup.users["administrator"])
    response = send(client, reverse("stakeholders:interview_guide_new_version", args=[setup.guide.pk]))
    copy = InterviewGuide.objects.get(name=setup.guide.name, version=setup.guide.version + 1)
    assert response["Location"].endswith(f"/interviews/guides/{copy.pk}/")
    question = copy.questions.get(number=8)
    assert send(client, reverse("stakeholders:interview_guide_question_delete", args=[question.pk])).status_code == 302
    theme = copy.codebook.themes.get(code="green-business")
    response = send(client, reverse("stakeholders:interview_guide_question_add", args=[copy.pk]),
                    {"text": "What is green business for you?", "themes": [theme.pk]})
    assert response.status_code == 302
    added = copy.questions.get(number=8)
    assert added.text == "What is green business for you?" and list(added.themes.all()) == [theme]
    assert setup.guide.questions.count() == 8


def test_an_editor_may_not_make_a_guide_version(setup) -> None:
    client = browser(setup.users["editor_a"])
    before = interviews_dump()
    assert send(client, reverse("stakeholders:interview_guide_new_version", args=[setup.guide.pk])).status_code == 403
    assert interviews_dump() == before
