"""Skills pages: the cluster's page and forms (CSRF enforced, managers of the cluster only), the region view, the
XLSX export, and the members' skills survey end to end through the maturity app's campaign pages."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from smartcluster.clusters import selectors, services
from smartcluster.clusters.models import SkillNeed
from smartcluster.clusters.tests.test_skills_services import (
    SKILL_URI,
    Clusters,
    build_clusters,
    clusters_dump,
)
from smartcluster.maturity import services as maturity_services
from smartcluster.maturity.models import Assessment, Campaign, Questionnaire

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> Clusters:
    return build_clusters()


def csrf_client(user: Any = None) -> Client:
    """A browser: CSRF enforced, logged in as `user`, holding the CSRF cookie a first page view sets."""
    client = Client(enforce_csrf_checks=True, HTTP_REFERER="https://testserver/")
    if user is not None:
        client.force_login(user)
    client.get(reverse("clusters:skills_region"), secure=True)
    return client


def post(client: Client, url: str, data: dict[str, Any] | None = None) -> Any:
    return client.post(url, {**(data or {}), "csrfmiddlewaretoken": client.cookies["csrftoken"].value}, secure=True)


NEED = {"kind": "skill", "label": "Data analysis", "esco_uri": "", "urgency": "high", "people": "40", "year": "2025",
        "notes": ""}


def test_the_manager_adds_a_need_through_the_form_and_sees_it_unmatched(world: Clusters) -> None:
    client = csrf_client(world.users["manager_t"])
    response = post(client, reverse("clusters:skill_need_create", args=[world.thessaly.pk]), NEED)
    assert response.status_code == 302 and SkillNeed.objects.get().label == "Data analysis"
    page = client.get(reverse("clusters:skills", args=[world.thessaly.pk]), secure=True).content.decode()
    assert "No offer yet" in page and "Add a skills need" in page


def test_a_bad_esco_uri_is_shown_under_its_field_and_nothing_saved(world: Clusters) -> None:
    client = csrf_client(world.users["manager_t"])
    response = post(client, reverse("clusters:skill_need_create", args=[world.thessaly.pk]),
                    {**NEED, "esco_uri": "https://example.org/skill/1"})
    assert response.status_code == 400 and "is not an ESCO URI" in response.content.decode()
    assert not SkillNeed.objects.exists()


def test_posts_without_the_csrf_token_are_refused(world: Clusters) -> None:
    client = csrf_client(world.users["manager_t"])
    response = client.post(reverse("clusters:skill_need_create", args=[world.thessaly.pk]), NEED, secure=True)
    assert response.status_code == 403 and not SkillNeed.objects.exists()


@pytest.mark.parametrize("role", ["manager_m", "viewer_t"])
def test_another_clusters_manager_or_a_viewer_changes_nothing(world: Clusters, role: str) -> None:
    need = services.skill_need_load(profile=world.thessaly, label="Welding", year=2025, people=5)
    before = clusters_dump()
    client = csrf_client(world.users[role])
    assert post(client, reverse("clusters:skill_need_create", args=[world.thessaly.pk]), NEED).status_code == 403
    assert post(client, reverse("clusters:skill_need_edit", args=[need.pk]), NEED).status_code == 403
    assert post(client, reverse("clusters:skill_need_delete", args=[need.pk])).status_code == 403
    assert post(client, reverse("clusters:training_offer_create", args=[world.thessaly.pk]),
                {"provider": "cluster", "title": "x"}).status_code == 403
    assert post(client, reverse("clusters:skills_survey_start", args=[world.thessaly.pk])).status_code == 403
    assert clusters_dump() == before and not Campaign.objects.exists()
    page = client.get(reverse("clusters:skills", args=[world.thessaly.pk]), secure=True).content.decode()
    assert "Add a skills need" not in page and "Skills survey of the members" not in page


def test_anonymous_visitors_read_the_page_but_are_sent_to_log_in_for_forms(world: Clusters) -> None:
    services.skill_need_load(profile=world.thessaly, label="Welding", year=2025, people=5)
    client = csrf_client()
    assert "Welding" in client.get(reverse("clusters:skills", args=[world.thessaly.pk]), secure=True).content.decode()
    response = post(client, reverse("clusters:skill_need_create", args=[world.thessaly.pk]), NEED)
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_the_region_view_refuses_a_code_that_is_no_nuts_region(world: Clusters) -> None:
    services.skill_need_load(profile=world.murcia, label="Welding", year=2025, people=7)
    services.skill_need_load(profile=world.thessaly, label="Robotics", year=2025, people=3)
    client = Client()
    page = client.get(reverse("clusters:skills_region"), {"region": "ES6"}, secure=True).content.decode()
    assert "Welding" in page and "Robotics" not in page
    refused = client.get(reverse("clusters:skills_region"), {"region": "E"}, secure=True)
    assert refused.status_code == 400 and "is not the code of a NUTS region" in refused.content.decode()


def test_the_xlsx_export_lists_unmatched_needs_first(world: Clusters) -> None:
    services.skill_need_load(profile=world.thessaly, label="Welding", year=2025, people=5, urgency="low")
    services.skill_need_load(profile=world.thessaly, label="Data analysis", year=2025, people=9, esco_uri=SKILL_URI)
    services.training_offer_load(profile=world.thessaly, title="Analytics course", provider="cluster",
                                 esco_uri=SKILL_URI)
    response = Client().get(reverse("clusters:skills_export", args=[world.thessaly.pk]), secure=True)
    sheet = load_workbook(io.BytesIO(response.content))["Needs × offers"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][1] == "Welding" and rows[1][7] == "No"
    assert rows[2][1] == "Data analysis" and rows[2][8] == "same ESCO URI" and rows[2][9] == "Analytics course"
    region = Client().get(reverse("clusters:skills_region_export"), {"region": "EL"}, secure=True)
    assert region.status_code == 200 and region["Content-Disposition"].endswith('skills-el.xlsx"')


def _answer_survey(client: Client, token: str, name: str) -> None:
    """One member answers the survey through the maturity pages: the campaign link, profile, 3 steps, submit."""
    entry = reverse("maturity:campaign_entry", args=[token])
    assert "invites you to answer “Skills survey for cluster members”" in client.get(entry, secure=True).content.decode()
    started = post(client, entry)
    assert started.status_code == 302, started.content[:300]
    public_id = Assessment.objects.order_by("-pk").first().public_id
    step = reverse("maturity:step", args=[public_id, 0])
    assert post(client, step, {"organisation_name": name, "size_class": "small", "action": "next"}).status_code == 302
    answers = {1: {"s1__data": "missing", "s1__automation": "partly", "s1__programming": "covered",
                   "s1__cybersecurity": "missing", "s1__ai": "na"},
               2: {"s2__energy": "missing", "s2__circular": "partly", "s2__reporting": "covered"},
               3: {"s3": ["plan", "courses"]}}
    for number, data in answers.items():
        response = post(client, reverse("maturity:step", args=[public_id, number]), {**data, "action": "next"})
        assert response.status_code == 302, response.content[:500]
    review = reverse("maturity:review", args=[public_id])
    submitted = post(client, review, {"questionnaire": "skills-survey-v1"})
    assert submitted.status_code == 302
    report = client.get(submitted["Location"], secure=True).content.decode()
    assert f"Skills survey for cluster members: {name}" in report and "Some skills gaps" in report


def test_the_skills_survey_runs_on_the_maturity_campaigns_and_is_summarised_per_cluster(world: Clusters) -> None:
    manager = csrf_client(world.users["manager_t"])
    response = post(manager, reverse("clusters:skills_survey_start", args=[world.thessaly.pk]), {"invited": "12"})
    assert response.status_code == 302
    campaign = Campaign.objects.get()
    assert (campaign.organisation, campaign.questionnaire.code, campaign.invited) == (
        world.thessaly.organisation, "skills-survey-v1", 12)
    assert Questionnaire.objects.get(code="skills-survey-v1").status == "published"
    _answer_survey(csrf_client(), campaign.token, "Member One")
    page = manager.get(reverse("clusters:skills", args=[world.thessaly.pk]), secure=True).content.decode()
    assert "Not enough answers yet" in page  # one member: its answers are not shown
    for number in range(2, 6):  # four more members, answered through the same services as the pages
        assessment = maturity_services.assessment_start(questionnaire=campaign.questionnaire, campaign=campaign,
                                                        respondent_hash=f"member-{number}")
        maturity_services.assessment_profile_save(assessment=assessment, user=None, size_class="small", nace=None,
                                                  region=None, organisation_name=f"Member {number}")
        maturity_services.assessment_answers_save(assessment=assessment, step=4, answers={
            "s1": {"data": "covered"}, "s2": {"energy": "missing"}, "s3": ["inhouse"]})
        maturity_services.assessment_submit(assessment=assessment, questionnaire_code="skills-survey-v1")
    summary = selectors.skills_survey_summary(profile=world.thessaly, user=world.users["manager_t"])
    counts = summary.results[0][1]
    lines = {(line.question[:20], line.row): dict(line.counts) for line in counts.lines}
    assert counts.respondents == 5
    assert lines[("How well does your s", "Data collection and analysis")]["Missing: we need it"] == 1
    assert lines[("How well does your s", "Data collection and analysis")]["Covered"] == 4
    assert lines[("How well does your s", "Energy efficiency and energy management")]["Missing: we need it"] == 5
    assert lines[("How do you train you", "")]["In-house training"] == 4
    page = manager.get(reverse("clusters:skills", args=[world.thessaly.pk]), secure=True).content.decode()
    assert "5 members answered." in page
    assert selectors.skills_survey_summary(profile=world.thessaly, user=world.users["manager_m"]) is None


def test_a_retired_skills_survey_is_not_restarted_behind_the_administrators_back(world: Clusters) -> None:
    manager = csrf_client(world.users["manager_t"])
    post(manager, reverse("clusters:skills_survey_start", args=[world.thessaly.pk]))
    Questionnaire.objects.filter(code="skills-survey-v1").update(status="retired")
    response = post(manager, reverse("clusters:skills_survey_start", args=[world.thessaly.pk]))
    assert response.status_code == 302 and Campaign.objects.count() == 1
    page = manager.get(response["Location"], secure=True).content.decode()
    assert "No version of the skills survey is published" in page
