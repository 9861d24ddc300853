"""The indicators' reporting services: a value's evidence document (checked by its content, nothing stored on a
refusal), the targets of a row per partner set at once, and the lead's review of submitted values (a rejection
needs a comment; drafts are not reviewed); every refusal names its field and leaves the database unchanged."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from smartcluster.monitoring import services
from smartcluster.monitoring.models import IndicatorValue
from smartcluster.monitoring.tests.world import (
    PDF,
    build_monitoring_world,
    make_indicator,
    make_progress_report,
    monitoring_dump,
)

pytestmark = pytest.mark.django_db


def _pdf() -> SimpleUploadedFile:
    return SimpleUploadedFile("certificate.pdf", PDF, content_type="application/pdf")


def _stored(media: Path) -> list[Path]:
    return [path for path in media.rglob("*") if path.is_file()]


def test_a_value_keeps_its_evidence_document_under_a_random_name(media: Path) -> None:
    mw = build_monitoring_world()
    indicator, report = make_indicator(mw), make_progress_report(mw.partner_a)
    value = services.progress_report_value_set(user=mw.users["editor_a"], report=report, indicator=indicator,
                                               value="2", evidence_type="Certificate", evidence_issuer="Ministry",
                                               evidence_file=_pdf())
    assert value.evidence_file.name.endswith(".pdf") and "certificate" not in value.evidence_file.name
    assert value.evidence_file.read() == PDF and len(_stored(media)) == 1


def test_a_document_that_is_not_what_it_claims_is_refused_and_nothing_is_stored(media: Path) -> None:
    mw = build_monitoring_world()
    indicator, report = make_indicator(mw), make_progress_report(mw.partner_a)
    before = monitoring_dump()
    fake = SimpleUploadedFile("evil.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    with pytest.raises(ValidationError) as refusal:
        services.progress_report_value_set(user=mw.users["editor_a"], report=report, indicator=indicator, value=1,
                                           evidence_file=fake)
    assert "evidence_file" in refusal.value.message_dict
    assert monitoring_dump() == before and _stored(media) == []


def test_another_partners_editor_cannot_upload_evidence_and_nothing_is_stored(media: Path) -> None:
    mw = build_monitoring_world()
    indicator, report = make_indicator(mw), make_progress_report(mw.partner_a)
    before = monitoring_dump()
    with pytest.raises(PermissionDenied):
        services.progress_report_value_set(user=mw.users["editor_b"], report=report, indicator=indicator, value=1,
                                           evidence_file=_pdf())
    assert monitoring_dump() == before and _stored(media) == []


def test_the_targets_of_every_partner_and_the_project_are_set_and_an_empty_one_removed() -> None:
    mw = build_monitoring_world()
    indicator = make_indicator(mw)
    lead = mw.users["editor_lead"]
    services.indicator_targets_set(user=lead, indicator=indicator,
                                   targets={mw.partner_a: "2", mw.partner_b: "3", None: "6"})
    services.indicator_targets_set(user=lead, indicator=indicator, targets={mw.partner_b: "", None: "5"})
    assert {t.partner_id: t.value for t in indicator.targets.all()} == {mw.partner_a.pk: 2, None: 5}


def test_a_bad_target_names_its_row_and_keeps_every_target() -> None:
    mw = build_monitoring_world()
    indicator = make_indicator(mw)
    lead = mw.users["editor_lead"]
    services.indicator_targets_set(user=lead, indicator=indicator, targets={mw.partner_a: "2"})
    before = monitoring_dump()
    with pytest.raises(ValidationError) as refusal:
        services.indicator_targets_set(user=lead, indicator=indicator, targets={mw.partner_a: "", mw.partner_b: "-1"})
    assert list(refusal.value.message_dict) == [f"target_{mw.partner_b.pk}"]
    assert monitoring_dump() == before


def test_a_partners_editor_cannot_set_targets() -> None:
    mw = build_monitoring_world()
    indicator = make_indicator(mw)
    before = monitoring_dump()
    with pytest.raises(PermissionDenied):
        services.indicator_targets_set(user=mw.users["editor_a"], indicator=indicator, targets={mw.partner_a: "9"})
    assert monitoring_dump() == before


def _submitted_value(mw) -> IndicatorValue:
    indicator = make_indicator(mw)
    return make_progress_report(mw.partner_a, submitted=True, values={indicator: 2}).values.get()


def test_the_lead_accepts_a_submitted_value_and_is_recorded_as_its_reviewer() -> None:
    mw = build_monitoring_world()
    value = services.indicator_value_review(user=mw.users["editor_lead"], value=_submitted_value(mw),
                                            decision="accepted")
    value.refresh_from_db()
    assert (value.review, value.reviewed_by, value.reviewed_at is not None) == (
        "accepted", mw.users["editor_lead"], True)


def test_a_rejection_keeps_the_reviewers_comment_apart_from_the_partners() -> None:
    mw = build_monitoring_world()
    value = _submitted_value(mw)
    IndicatorValue.objects.filter(pk=value.pk).update(comment="Signed by the mayor.")
    services.indicator_value_review(user=mw.users["administrator"], value=value, decision="rejected",
                                    comment="The certificate is not signed.")
    value.refresh_from_db()
    assert (value.review, value.review_comment, value.comment, value.value) == (
        "rejected", "The certificate is not signed.", "Signed by the mayor.", Decimal(2))


@pytest.mark.parametrize(("decision", "comment", "field"), [
    ("rejected", "  ", "comment"), ("rejected", "Bad\x00", "comment"), ("pending", "", "decision"),
    ("maybe", "", "decision")])
def test_a_bad_review_names_its_field_and_changes_nothing(decision: str, comment: str, field: str) -> None:
    mw = build_monitoring_world()
    value = _submitted_value(mw)
    before = monitoring_dump()
    with pytest.raises(ValidationError) as refusal:
        services.indicator_value_review(user=mw.users["editor_lead"], value=value, decision=decision,
                                        comment=comment)
    assert list(refusal.value.message_dict) == [field]
    assert monitoring_dump() == before


def test_a_draft_reports_value_is_not_reviewed() -> None:
    mw = build_monitoring_world()
    value = make_progress_report(mw.partner_a, values={make_indicator(mw): 2}).values.get()
    before = monitoring_dump()
    with pytest.raises(ValidationError) as refusal:
        services.indicator_value_review(user=mw.users["editor_lead"], value=value, decision="accepted")
    assert list(refusal.value.message_dict) == ["report"]
    assert monitoring_dump() == before


@pytest.mark.parametrize("role", ["editor_a", "editor_b", "viewer", "outsider"])
def test_only_the_lead_and_administrators_review(role: str) -> None:
    mw = build_monitoring_world()
    value = _submitted_value(mw)
    before = monitoring_dump()
    with pytest.raises(PermissionDenied):
        services.indicator_value_review(user=mw.users[role], value=value, decision="accepted")
    assert monitoring_dump() == before


def test_a_new_document_replaces_the_values_old_one(media: Path) -> None:
    mw = build_monitoring_world()
    indicator, report = make_indicator(mw), make_progress_report(mw.partner_a)
    editor = mw.users["editor_a"]
    first = services.progress_report_value_set(user=editor, report=report, indicator=indicator, value=1,
                                               evidence_file=_pdf()).evidence_file.name
    second = services.progress_report_value_set(user=editor, report=report, indicator=indicator, value=1,
                                                evidence_file=_pdf()).evidence_file.name
    assert first != second and [path.name for path in _stored(media)] == [Path(second).name]


def test_a_nul_character_in_the_evidence_is_refused_naming_its_field() -> None:
    mw = build_monitoring_world()
    indicator, report = make_indicator(mw), make_progress_report(mw.partner_a)
    before = monitoring_dump()
    with pytest.raises(ValidationError) as refusal:
        services.progress_report_value_set(user=mw.users["editor_a"], report=report, indicator=indicator, value=1,
                                           evidence_issuer="Min\x00istry")
    assert list(refusal.value.message_dict) == ["evidence_issuer"]
    assert monitoring_dump() == before
