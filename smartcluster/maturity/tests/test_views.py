"""Pages, exports and API: the anonymous flow, refusals, and the minimum group size on every answer."""

from __future__ import annotations

import io
import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from docx import Document
from openpyxl import load_workbook

from smartcluster.maturity import services
from smartcluster.maturity.models import Assessment, AssessmentStatus, Campaign

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaign(cluster, questionnaire, cluster_manager) -> Campaign:
    return services.campaign_create(user=cluster_manager, organisation=cluster, questionnaire=questionnaire,
                                    name="Robotics check-up", opens_at=timezone.now() - timedelta(days=1),
                                    invited=20)


@pytest.fixture
def manager_client(cluster_manager) -> Client:
    client = Client()
    client.force_login(cluster_manager)
    return client


def _respondents(submitted, campaign, count, start=0, **profile):
    return [submitted(f"Firm {i}", k=i % 6, campaign=campaign, **profile) for i in range(start, start + count)]


def _take(client: Client, campaign: Campaign, regions, sectors, *, name: str = "Acme Tools") -> Assessment:
    response = client.post(reverse("maturity:campaign_entry", args=[campaign.token]))
    assert response.status_code == 302
    assessment = Assessment.objects.latest("started_at")
    step = reverse("maturity:step", args=[assessment.public_id, 0])
    response = client.post(step, {"organisation_name": name, "size_class": "micro", "nace": sectors["C"].pk,
                                  "region": regions["LT01"].pk, "action": "next"})
    assert response.status_code == 302, response.content.decode()[:2000]
    for number in range(1, 7):
        url = reverse("maturity:step", args=[assessment.public_id, number])
        page = client.get(url)
        assert page.status_code == 200
        data = {"action": "next"}
        for field in re.findall(r'name="(q\d+[^"]*)" value="([^"]+)"', page.content.decode()):
            name, value = field
            if not name.endswith("__na") and value not in ("na",):
                data.setdefault(name, value)
        assert client.post(url, data).status_code == 302
    return assessment


def test_anonymous_respondent_takes_the_assessment_from_a_campaign_link_and_sees_the_report(
        client, campaign, regions, sectors):
    assessment = _take(client, campaign, regions, sectors)
    review = reverse("maturity:review", args=[assessment.public_id])
    response = client.post(review, {"questionnaire": "dma-sme-v1"})
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.SUBMITTED and assessment.campaign == campaign
    report = client.get(reverse("maturity:report", args=[assessment.public_id])).content.decode()
    assert 'id="radar-data"' in report and '"type": "scatterpolar"' in report
    assert "Your level:" in report and "Your next steps" in report
    assert 'id="score-table"' in report


def test_the_draft_survives_a_new_session_through_the_browser_cookie(client, campaign, regions, sectors):
    client.post(reverse("maturity:campaign_entry", args=[campaign.token]))
    assessment = Assessment.objects.get()
    morsel = client.cookies["smartcluster_maturity"]
    assert morsel["httponly"] and int(morsel["max-age"]) >= 180 * 24 * 3600  # outlives the browser session
    cookie = morsel.value
    assert Assessment.objects.get().respondent_hash != cookie  # only a hash of the key is stored
    fresh = Client()  # the browser was closed: a new session, the long-lived cookie kept
    fresh.cookies["smartcluster_maturity"] = cookie
    entry = fresh.get(reverse("maturity:campaign_entry", args=[campaign.token])).content.decode()
    assert "Resume your draft" in entry
    response = fresh.post(reverse("maturity:campaign_entry", args=[campaign.token]))
    assert response["Location"] == reverse("maturity:step", args=[assessment.public_id, 0])
    assert Assessment.objects.count() == 1


def test_a_forged_option_in_the_form_is_refused_with_a_message_and_nothing_stored(client, campaign, regions,
                                                                                   sectors):
    assessment = _take(client, campaign, regions, sectors)
    before = Assessment.objects.get(pk=assessment.pk).answers
    response = client.post(reverse("maturity:step", args=[assessment.public_id, 1]),
                           {"q2": ["needs", "bribe"], "action": "next"})
    assert response.status_code == 400
    assert "Nothing was saved" in response.content.decode()
    assert Assessment.objects.get(pk=assessment.pk).answers == before


def test_a_tampered_version_and_a_double_submission_are_refused_with_a_message(client, campaign, regions, sectors):
    assessment = _take(client, campaign, regions, sectors)
    review = reverse("maturity:review", args=[assessment.public_id])
    response = client.post(review, {"questionnaire": "dma-sme-v9"})
    assert response.status_code == 409 and "dma-sme-v9" in response.content.decode()
    assert Assessment.objects.get(pk=assessment.pk).status == AssessmentStatus.DRAFT
    assert client.post(review, {"questionnaire": "dma-sme-v1"}).status_code == 302
    stored = Assessment.objects.get(pk=assessment.pk)
    again = services.AssessmentRefused
    with pytest.raises(again):
        services.assessment_submit(assessment=stored, questionnaire_code="dma-sme-v1")
    assert Assessment.objects.get(pk=assessment.pk).submitted_at == stored.submitted_at


def test_a_closed_campaign_refuses_new_answers_with_a_message(client, campaign, regions, sectors):
    assessment = _take(client, campaign, regions, sectors)
    Campaign.objects.filter(pk=campaign.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    response = client.post(reverse("maturity:review", args=[assessment.public_id]), {"questionnaire": "dma-sme-v1"})
    assert response.status_code == 409 and "closed" in response.content.decode()
    assert Assessment.objects.get(pk=assessment.pk).status == AssessmentStatus.DRAFT


def test_one_firms_report_is_hidden_from_other_browsers_and_from_the_campaign_organiser(
        submitted, campaign, manager_client):
    assessment = submitted("Acme Tools", campaign=campaign)
    url = reverse("maturity:report", args=[assessment.public_id])
    assert Client().get(url).status_code == 404
    assert manager_client.get(url).status_code == 404
    api = reverse("api:assessment_detail", args=[assessment.public_id])
    assert manager_client.get(api).status_code == 404


def test_print_view_and_docx_report(client, campaign, regions, sectors):
    assessment = _take(client, campaign, regions, sectors)
    client.post(reverse("maturity:review", args=[assessment.public_id]), {"questionnaire": "dma-sme-v1"})
    printed = client.get(reverse("maturity:report_print", args=[assessment.public_id])).content.decode()
    assert "maturity/print.css" in printed and "Your next steps" in printed
    response = client.get(reverse("maturity:report_docx", args=[assessment.public_id]))
    document = Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    assessment.refresh_from_db()
    assert f"{round(assessment.overall, 1)} of 100" in text and "What to do next" in text
    assert len(document.inline_shapes) == 1  # the radar chart
    assert document.tables[0].rows[1].cells[0].text == "1. Digital business strategy"


def test_campaign_page_shows_counts_and_hides_results_below_five_respondents(submitted, campaign, manager_client):
    _respondents(submitted, campaign, 4)
    page = manager_client.get(reverse("maturity:campaign_detail", args=[campaign.pk])).content.decode()
    assert re.search(r"<dt>Invited</dt><dd>20</dd>", page) and re.search(r"<dt>Completed</dt><dd>4</dd>", page)
    assert "Suppressed: fewer than 5" in page and 'id="median-data"' not in page


def test_campaign_page_shows_results_from_five_respondents(submitted, campaign, manager_client):
    _respondents(submitted, campaign, 5)
    page = manager_client.get(reverse("maturity:campaign_detail", args=[campaign.pk])).content.decode()
    assert "Suppressed" not in page.split("Progress from T0 to T1")[0]
    assert 'id="median-data"' in page


def test_campaign_results_are_403_for_another_partner(campaign, client, other_manager):
    client.force_login(other_manager)
    assert client.get(reverse("maturity:campaign_detail", args=[campaign.pk])).status_code == 403
    assert client.get(reverse("maturity:campaign_export", args=[campaign.pk])).status_code == 403
    response = client.post(reverse("maturity:campaign_edit", args=[campaign.pk]), {"name": "Hijacked"})
    assert response.status_code == 403
    assert Campaign.objects.get(pk=campaign.pk).name == "Robotics check-up"


def _sheet_rows(response) -> list[tuple]:
    """The distribution table from its header row on (whatever title rows the sheet starts with)."""
    workbook = load_workbook(io.BytesIO(response.content))
    rows = list(workbook["Distribution"].iter_rows(values_only=True))
    return rows[next(index for index, row in enumerate(rows) if row and row[0] == "Group"):]


def test_xlsx_export_suppresses_groups_below_five_and_holds_no_single_firm(submitted, campaign, manager_client):
    _respondents(submitted, campaign, 4)
    rows = _sheet_rows(manager_client.get(reverse("maturity:campaign_export", args=[campaign.pk])))
    assert rows[1][:2] == ("All organisations selected", "suppressed")
    assert all(value is None for value in rows[1][2:])
    assert len(rows) == 2  # a header and the suppressed total: no row per firm


def test_xlsx_export_from_five_with_complementary_suppression(submitted, campaign, manager_client):
    _respondents(submitted, campaign, 6, size_class="small")
    _respondents(submitted, campaign, 5, size_class="medium", start=20)
    submitted("Lonely Micro", campaign=campaign, size_class="micro")
    response = manager_client.get(reverse("maturity:campaign_export", args=[campaign.pk]) + "?by=size_class")
    rows = {row[0]: row for row in _sheet_rows(response)[1:]}
    assert rows["All organisations selected"][1] == 12
    assert rows["Micro (1–9 persons)"][1] == "suppressed"
    # total − small − medium would expose the lonely micro firm, so the smaller of the two is suppressed too
    assert rows["Medium (50–249)"][1] == "suppressed"
    assert rows["Small (10–49)"][1] == 6


def test_aggregates_page_applies_the_threshold_and_complementary_suppression(submitted, campaign, manager_client):
    _respondents(submitted, campaign, 5, size_class="small")
    submitted("Lonely Micro", campaign=campaign, size_class="micro")
    page = manager_client.get(reverse("maturity:aggregates") + "?by=size_class").content.decode()
    # Before: the total of six was shown, and minus "?size_class=small" (five) it gave the lonely micro firm.
    assert page.split("Progress from T0 to T1")[0].count("Suppressed: fewer than 5") == 3
    assert ">6</td>" not in page and ">5</td>" not in page


def test_aggregates_page_is_for_editors_only(client, db):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.create_user(username="nobody", password="pw-for-tests-1"))
    assert client.get(reverse("maturity:aggregates")).status_code == 403


def test_api_aggregates_apply_the_threshold(submitted, campaign, manager_client):
    _respondents(submitted, campaign, 4)
    url = reverse("api:aggregates") + f"?campaign={campaign.pk}"
    body = manager_client.get(url).json()
    assert body["groups"][0]["suppressed"] is True and body["groups"][0]["scores"] == {}
    assert body["groups"][0]["organisations"] is None
    submitted("Firm 99", campaign=campaign)
    body = manager_client.get(url).json()
    assert body["groups"][0]["organisations"] == 5
    assert set(body["groups"][0]["scores"]["overall"]) == {"mean", "q1", "median", "q3"}


def test_api_aggregates_of_another_partners_campaign_are_403(campaign, client, other_manager):
    client.force_login(other_manager)
    assert client.get(reverse("api:aggregates") + f"?campaign={campaign.pk}").status_code == 403


def test_api_gives_the_respondent_its_own_result(client, campaign, regions, sectors):
    assessment = _take(client, campaign, regions, sectors)
    client.post(reverse("maturity:review", args=[assessment.public_id]), {"questionnaire": "dma-sme-v1"})
    body = client.get(reverse("api:assessment_detail", args=[assessment.public_id])).json()
    assessment.refresh_from_db()
    assert body["overall"] == pytest.approx(assessment.overall) and body["stage"] == "T0"
    assert [d["key"] for d in body["dimensions"]][:2] == ["strategy", "readiness"]


def test_report_peer_comparison_appears_only_for_groups_of_five(submitted, campaign, client):
    mine = submitted("Acme Tools", respondent="mine")
    client.cookies["smartcluster_maturity"] = "mine"
    page = client.get(reverse("maturity:report", args=[mine.public_id])).content.decode()
    assert page.count("Not enough answers yet") == 4  # all, size, sector, region
    _respondents(submitted, None, 4)
    page = client.get(reverse("maturity:report", args=[mine.public_id])).content.decode()
    assert page.count("Not enough answers yet") == 0


def test_aggregates_export_applies_the_threshold(submitted, campaign, manager_client):
    _respondents(submitted, campaign, 4)
    rows = _sheet_rows(manager_client.get(reverse("maturity:aggregates_export")))
    assert rows[1][1] == "suppressed" and len(rows) == 2
    submitted("Firm 99", campaign=campaign)
    rows = _sheet_rows(manager_client.get(reverse("maturity:aggregates_export")))
    assert rows[1][1] == 5
    assert not any("min" in str(cell).lower() or "max" in str(cell).lower() for cell in rows[0])


def test_api_lists_questionnaire_versions(client, questionnaire):
    body = client.get(reverse("api:questionnaire_list")).json()
    assert [q["code"] for q in body] == ["dma-sme-v1"]


def test_home_explains_the_six_areas_and_lists_the_browsers_drafts(client, campaign, regions, sectors):
    page = client.get(reverse("maturity:home")).content.decode()
    assert "Green digitalisation" in page and "Start the self-assessment" in page
    client.post(reverse("maturity:campaign_entry", args=[campaign.token]))
    page = client.get(reverse("maturity:home")).content.decode()
    assert "Your assessments" in page and "Continue" in page


def test_a_campaign_not_yet_open_refuses_to_start(client, cluster, questionnaire, cluster_manager):
    later = services.campaign_create(user=cluster_manager, organisation=cluster, questionnaire=questionnaire,
                                     name="Next year", opens_at=timezone.now() + timedelta(days=30))
    assert "not open for answers" in client.get(reverse("maturity:campaign_entry", args=[later.token])).content.decode()
    response = client.post(reverse("maturity:campaign_entry", args=[later.token]))
    assert response.status_code == 409 and "has not opened yet" in response.content.decode()
    assert not Assessment.objects.exists()


def test_aggregates_and_campaigns_ask_anonymous_visitors_to_log_in(client):
    for name in ("maturity:aggregates", "maturity:campaign_list", "maturity:campaign_create"):
        response = client.get(reverse(name))
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
