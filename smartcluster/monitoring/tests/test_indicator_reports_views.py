"""The indicators' planning, reporting and review pages through forms with CSRF: the lead adds the seven verified
indicators in one click and sets the targets of a row per partner; partner A's editor creates the semester's
draft, fills a value with its evidence document and submits it once confirmed; the lead reviews it; the evidence
document is downloaded by the project's readers only. Refusals are shown next to their field and save nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from smartcluster.monitoring.choices import IndicatorMeasure
from smartcluster.monitoring.models import IndicatorValue, ProgressReport
from smartcluster.monitoring.tests.world import (
    PDF,
    build_monitoring_world,
    make_indicator,
    make_progress_report,
    monitoring_dump,
    post,
    signed_in,
)
from smartcluster.site.tests.test_site import unlabelled_controls

pytestmark = pytest.mark.django_db


def test_the_lead_adds_the_seven_verified_indicators_in_one_click() -> None:
    mw = build_monitoring_world()
    url = reverse("monitoring:indicator_plan", args=[mw.project.pk])
    client = signed_in(mw.users["editor_lead"], url)
    assert post(client, url, {"action": "defaults"}).status_code == 302
    assert sorted(mw.project.indicators.values_list("code", flat=True)) == sorted(
        ["RCO83", "RCO84", "RCO87", "RCO116", "RCR79", "RCR84", "RCR104"])
    assert "Add the seven verified" not in client.get(url).content.decode()


def test_the_lead_defines_a_custom_indicator_and_a_duplicate_is_refused_next_to_its_field() -> None:
    mw = build_monitoring_world()
    url = reverse("monitoring:indicator_plan", args=[mw.project.pk])
    client = signed_in(mw.users["editor_lead"], url)
    data = {"action": "custom", "custom-name": "Peer reviews held", "custom-unit": "peer reviews",
            "custom-kind": "output"}
    assert post(client, url, data).status_code == 302
    before = monitoring_dump()
    again = post(client, url, data)
    assert again.status_code == 400 and 'role="alert"' in again.content.decode()
    assert monitoring_dump() == before


def test_the_lead_sets_the_targets_of_every_partner_in_one_form() -> None:
    mw = build_monitoring_world()
    indicator = make_indicator(mw)
    url = reverse("monitoring:indicator_plan", args=[mw.project.pk])
    client = signed_in(mw.users["editor_lead"], url)
    answer = post(client, url, {"action": "targets", "indicator": indicator.pk,
                                f"targets-target_{mw.partner_a.pk}": "2", f"targets-target_{mw.partner_b.pk}": "3",
                                f"targets-target_{mw.lead.pk}": "", "targets-target_project": ""})
    assert answer.status_code == 302
    assert {t.partner_id: t.value for t in indicator.targets.all()} == {mw.partner_a.pk: 2, mw.partner_b.pk: 3}
    before = monitoring_dump()
    bad = post(client, url, {"action": "targets", "indicator": indicator.pk, f"targets-target_{mw.partner_a.pk}": "-4"})
    assert bad.status_code == 400 and monitoring_dump() == before


def test_a_partners_editor_may_not_open_the_plan() -> None:
    mw = build_monitoring_world()
    client = signed_in(mw.users["editor_a"], reverse("monitoring:indicator_reporting_projects"))
    assert client.get(reverse("monitoring:indicator_plan", args=[mw.project.pk])).status_code == 403


def _report_page(mw, report):
    url = reverse("monitoring:progress_report_page", args=[report.pk])
    return url, signed_in(mw.users["editor_a"], url)


def test_partner_as_editor_creates_fills_with_evidence_and_submits_the_report() -> None:
    mw = build_monitoring_world()
    indicator = make_indicator(mw)
    measured = make_indicator(mw, code="RCO83", name="Action plans", unit="plans",
                              measure=IndicatorMeasure.ACTION_PLANS_DEVELOPED)
    listing = reverse("monitoring:progress_report_list", args=[mw.project.pk, mw.partner_a.pk])
    client = signed_in(mw.users["editor_a"], listing)
    assert post(client, listing, {"semester": "3"}).status_code == 302
    report = ProgressReport.objects.get(partner=mw.partner_a, semester=3)
    url = reverse("monitoring:progress_report_page", args=[report.pk])
    page = client.get(url).content.decode()
    assert "Counted from the records" in page and f'name="i{measured.pk}-value"' not in page
    token = client.cookies["csrftoken"].value
    answer = client.post(url, {"csrfmiddlewaretoken": token, "indicator": indicator.pk, f"i{indicator.pk}-value": "2",
                               f"i{indicator.pk}-evidence_type": "Signed agreement",
                               f"i{indicator.pk}-evidence_issuer": "Sterea Ellada region",
                               f"i{indicator.pk}-evidence_file": SimpleUploadedFile("a.pdf", PDF)})
    assert answer.status_code == 302
    value = IndicatorValue.objects.get(report=report, indicator=indicator)
    assert (value.value, value.evidence_issuer, value.evidence_file.read()) == (Decimal(2), "Sterea Ellada region", PDF)
    submit = reverse("monitoring:progress_report_submit_page", args=[report.pk])
    post(client, submit, {})
    report.refresh_from_db()
    assert report.status == "draft"  # not confirmed
    post(client, submit, {"submit-confirm": "on"})
    report.refresh_from_db()
    assert report.status == "submitted"
    final = client.get(url).content.decode()
    assert "Sterea Ellada region" in final and "Submit the report" not in final and f'i{indicator.pk}-value' not in final


def test_a_bad_value_is_shown_next_to_its_field_and_nothing_is_saved() -> None:
    mw = build_monitoring_world()
    indicator = make_indicator(mw)
    report = make_progress_report(mw.partner_a)
    url, client = _report_page(mw, report)
    before = monitoring_dump()
    answer = client.post(url, {"csrfmiddlewaretoken": client.cookies["csrftoken"].value, "indicator": indicator.pk,
                               f"i{indicator.pk}-value": "1",
                               f"i{indicator.pk}-evidence_file": SimpleUploadedFile("a.pdf", b"not a pdf at all")})
    assert answer.status_code == 400 and "is not a PDF" in answer.content.decode()
    assert monitoring_dump() == before


def test_the_lead_accepts_and_rejects_in_the_review_queue() -> None:
    mw = build_monitoring_world()
    indicator = make_indicator(mw)
    value = make_progress_report(mw.partner_a, submitted=True, values={indicator: 2}).values.get()
    queue = reverse("monitoring:indicator_review_queue", args=[mw.project.pk])
    client = signed_in(mw.users["editor_lead"], queue)
    review = reverse("monitoring:indicator_value_review", args=[value.pk])
    before = monitoring_dump()
    post(client, review, {"decision": "rejected", "comment": ""})
    assert monitoring_dump() == before
    post(client, review, {"decision": "rejected", "comment": "No signature."})
    value.refresh_from_db()
    assert (value.review, value.review_comment) == ("rejected", "No signature.")
    assert "No signature." in client.get(queue).content.decode()


@pytest.mark.parametrize(("role", "status"), [("viewer", 200), ("editor_b", 200), ("outsider", 404)])
def test_the_evidence_document_is_downloaded_by_the_projects_readers_only(role: str, status: int) -> None:
    mw = build_monitoring_world()
    indicator = make_indicator(mw)
    report = make_progress_report(mw.partner_a)
    value = IndicatorValue(report=report, indicator=indicator, value=1)
    value.evidence_file.save("x.pdf", SimpleUploadedFile("x.pdf", PDF))
    client = signed_in(mw.users[role], reverse("monitoring:indicator_reporting_projects"))
    answer = client.get(reverse("monitoring:indicator_evidence", args=[value.pk]))
    assert answer.status_code == status
    if status == 200:
        assert b"".join(answer.streaming_content) == PDF and "attachment" in answer["Content-Disposition"]


def test_emptying_every_target_removes_them_and_an_unknown_indicator_changes_nothing() -> None:
    mw = build_monitoring_world()
    indicator = make_indicator(mw)
    indicator.targets.create(partner=mw.partner_a, value=2)
    url = reverse("monitoring:indicator_plan", args=[mw.project.pk])
    client = signed_in(mw.users["editor_lead"], url)
    before = monitoring_dump()
    assert post(client, url, {"action": "targets", "indicator": "99999999999"}).status_code == 400
    assert monitoring_dump() == before
    assert post(client, url, {"action": "targets", "indicator": indicator.pk}).status_code == 302
    assert not indicator.targets.exists()


def test_a_submitted_report_refuses_a_new_value_and_says_it_is_final() -> None:
    mw = build_monitoring_world()
    indicator = make_indicator(mw)
    report = make_progress_report(mw.partner_a, submitted=True, values={indicator: 1})
    url, client = _report_page(mw, report)
    before = monitoring_dump()
    answer = post(client, url, {"indicator": indicator.pk, f"i{indicator.pk}-value": "5"})
    assert answer.status_code == 302 and monitoring_dump() == before
    assert "can no longer change" in client.get(url).content.decode()


def test_every_form_control_of_the_plan_report_and_review_pages_has_a_label() -> None:
    mw = build_monitoring_world()
    indicator = make_indicator(mw)
    draft = make_progress_report(mw.partner_a, semester=3)
    make_progress_report(mw.partner_a, submitted=True, values={indicator: 1})
    client = signed_in(mw.users["administrator"], reverse("monitoring:indicator_reporting_projects"))
    for url in (reverse("monitoring:indicator_plan", args=[mw.project.pk]),
                reverse("monitoring:progress_report_list", args=[mw.project.pk, mw.partner_a.pk]),
                reverse("monitoring:progress_report_page", args=[draft.pk]),
                reverse("monitoring:indicator_review_queue", args=[mw.project.pk])):
        page = client.get(url)
        assert page.status_code == 200 and unlabelled_controls(page.content.decode()) == [], url


def test_htmx_swaps_the_reviewed_value_in_place_and_shows_a_refusal_there() -> None:
    mw = build_monitoring_world()
    value = make_progress_report(mw.partner_a, submitted=True, values={make_indicator(mw): 2}).values.get()
    client = signed_in(mw.users["editor_lead"], reverse("monitoring:indicator_review_queue", args=[mw.project.pk]))
    url = reverse("monitoring:indicator_value_review", args=[value.pk])
    token = client.cookies["csrftoken"].value
    before = monitoring_dump()
    refused = client.post(url, {"csrfmiddlewaretoken": token, "decision": "rejected", "comment": "  "},
                          headers={"HX-Request": "true"}).content.decode()
    assert refused.startswith('<section') and 'role="alert"' in refused and "Say in the comment why" in refused
    assert monitoring_dump() == before
    accepted = client.post(url, {"csrfmiddlewaretoken": token, "decision": "accepted"},
                           headers={"HX-Request": "true"}).content.decode()
    assert "The review was saved." in accepted and "Accepted" in accepted
    value.refresh_from_db()
    assert value.review == "accepted"
