"""Writes: scoring frozen at submission, stages, and every refusal leaving nothing stored."""

from __future__ import annotations

import copy
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.utils import timezone

from smartcluster.maturity import selectors, services
from smartcluster.maturity.models import (
    Assessment,
    AssessmentStatus,
    Campaign,
    Questionnaire,
    QuestionnaireStatus,
    SupportKind,
    SupportOffer,
)
from smartcluster.maturity.packaged import packaged_definition
from smartcluster.maturity.services import AssessmentRefused

pytestmark = pytest.mark.django_db


def _campaign(cluster, questionnaire, manager, **dates):
    return services.campaign_create(user=manager, organisation=cluster, questionnaire=questionnaire,
                                    name="Robotics check-up", opens_at=dates.get("opens_at", timezone.now()
                                                                                  - timedelta(days=1)),
                                    closes_at=dates.get("closes_at"))


def _draft(questionnaire, regions, sectors, *, campaign=None, name="Acme Tools"):
    draft = services.assessment_start(questionnaire=questionnaire, campaign=campaign, respondent_hash="h")
    return services.assessment_profile_save(assessment=draft, user=None, organisation_name=name, size_class="micro",
                                            nace=sectors["C"], region=regions["LT01"])


def test_submission_freezes_scores_level_rules_and_version(submitted, questionnaire):
    assessment = submitted("Acme Tools", k=3)
    assert assessment.status == AssessmentStatus.SUBMITTED and assessment.stage == 0
    assert set(assessment.dimension_scores) == {"strategy", "readiness", "human", "data", "automation", "green"}
    assert 0 < assessment.overall < 100 and assessment.level
    assert assessment.scoring_rules == {"row_ticks": "best_column", "negative_option": "zero"}
    assert assessment.questionnaire_checksum == questionnaire.checksum


def test_the_profile_creates_an_unpublished_organisation_or_matches_one_by_name(questionnaire, regions, sectors):
    first = _draft(questionnaire, regions, sectors, name="Acme Tools")
    second = _draft(questionnaire, regions, sectors, name="  ACME tools ")
    assert first.organisation_id == second.organisation_id
    assert first.organisation.is_published is False


def test_double_submission_is_refused_and_changes_nothing(submitted):
    assessment = submitted("Acme Tools")
    before = Assessment.objects.get(pk=assessment.pk)
    with pytest.raises(AssessmentRefused, match="already submitted"):
        services.assessment_submit(assessment=assessment, questionnaire_code=assessment.questionnaire.code)
    after = Assessment.objects.get(pk=assessment.pk)
    assert (after.overall, after.submitted_at, after.stage) == (before.overall, before.submitted_at, before.stage)
    assert Assessment.objects.count() == 1


def test_forged_answer_option_is_refused_and_nothing_is_stored(questionnaire, regions, sectors):
    draft = _draft(questionnaire, regions, sectors)
    services.assessment_answers_save(assessment=draft, answers={"q2": ["needs"]}, step=2)
    with pytest.raises(AssessmentRefused, match="q3: an answer that is not offered"):
        services.assessment_answers_save(assessment=draft, answers={"q3": ["cloud", "free-money"],
                                                                    "q2": ["needs", "it"]}, step=3)
    assert Assessment.objects.get(pk=draft.pk).answers == {"q2": ["needs"]}


def test_a_tampered_questionnaire_version_is_refused_at_submission(questionnaire, regions, sectors):
    draft = _draft(questionnaire, regions, sectors)
    with pytest.raises(AssessmentRefused, match="dma-sme-v0"):
        services.assessment_submit(assessment=draft, questionnaire_code="dma-sme-v0")
    assert Assessment.objects.get(pk=draft.pk).status == AssessmentStatus.DRAFT


def test_submission_after_the_campaign_closed_is_refused(questionnaire, regions, sectors, cluster, cluster_manager):
    campaign = _campaign(cluster, questionnaire, cluster_manager)
    draft = _draft(questionnaire, regions, sectors, campaign=campaign)
    Campaign.objects.filter(pk=campaign.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    draft.refresh_from_db()
    with pytest.raises(AssessmentRefused, match="closed"):
        services.assessment_submit(assessment=draft, questionnaire_code=questionnaire.code)
    assert Assessment.objects.get(pk=draft.pk).status == AssessmentStatus.DRAFT
    with pytest.raises(AssessmentRefused, match="closed"):
        services.assessment_start(questionnaire=questionnaire, campaign=draft.campaign, respondent_hash="x")
    assert Assessment.objects.count() == 1


def test_a_repeat_within_six_months_is_refused_and_later_becomes_t1(submitted, questionnaire):
    t0 = submitted("Acme Tools", k=2)
    with pytest.raises(AssessmentRefused, match="next one can be taken from"):
        submitted("Acme Tools", k=5)
    assert Assessment.objects.filter(status=AssessmentStatus.SUBMITTED).count() == 1
    Assessment.objects.filter(pk=t0.pk).update(submitted_at=timezone.now() - timedelta(days=200))
    t1 = submitted("Acme Tools", k=5, respondent="key-Acme Tools")
    assert t1.stage == 1
    previous = selectors.assessment_previous(assessment=t1, user=None, respondent_hash=t1.respondent_hash)
    assert previous.pk == t0.pk
    lines = selectors.assessment_report_lines(assessment=t1, previous=previous)
    assert all(line.change == pytest.approx(line.score - t0.dimension_scores[line.key]) for line in lines)


def test_progress_is_compared_only_within_the_same_questionnaire_version(submitted, questionnaire):
    t0 = submitted("Acme Tools", k=2)
    Assessment.objects.filter(pk=t0.pk).update(submitted_at=timezone.now() - timedelta(days=200))
    v2 = copy.deepcopy(packaged_definition("dma-sme-v1"))
    v2.update(code="dma-sme-v2", version=2)
    services.questionnaire_load(definition=v2, publish=True)
    assert Questionnaire.objects.get(code="dma-sme-v1").status == QuestionnaireStatus.RETIRED
    later = services.assessment_start(questionnaire=selectors.questionnaire_current(), respondent_hash=t0.respondent_hash)
    services.assessment_profile_save(assessment=later, user=None, organisation_name="Acme Tools", size_class="small",
                                     nace=None, region=None)
    t1 = services.assessment_submit(assessment=later, questionnaire_code="dma-sme-v2")
    assert t1.stage == 1
    assert selectors.assessment_previous(assessment=t1, user=None, respondent_hash=t0.respondent_hash) is None


def test_an_answered_questionnaire_version_never_changes_and_past_scores_stay(submitted, questionnaire):
    assessment = submitted("Acme Tools")
    changed = copy.deepcopy(questionnaire.definition)
    changed["scales"]["stage_0_5"][5]["points"] = 10
    with pytest.raises(ValidationError, match="cannot change"):
        services.questionnaire_load(definition=changed)
    questionnaire.refresh_from_db()
    questionnaire.definition = changed
    with pytest.raises(ValidationError):
        questionnaire.save()
    assert Questionnaire.objects.get(pk=questionnaire.pk).definition["scales"]["stage_0_5"][5]["points"] == 5
    assert Assessment.objects.get(pk=assessment.pk).overall == assessment.overall


def test_an_unanswered_version_can_still_be_corrected(questionnaire):
    changed = copy.deepcopy(questionnaire.definition)
    changed["title"] = "Corrected title"
    assert services.questionnaire_load(definition=changed).title == "Corrected title"


def test_a_cross_partner_campaign_is_refused_with_403_and_nothing_created(cluster, questionnaire, other_manager):
    with pytest.raises(PermissionDenied):
        _campaign(cluster, questionnaire, other_manager)
    assert not Campaign.objects.exists()


def test_a_cross_partner_campaign_change_is_refused_and_nothing_changes(cluster, questionnaire, cluster_manager,
                                                                       other_manager):
    campaign = _campaign(cluster, questionnaire, cluster_manager)
    with pytest.raises(PermissionDenied):
        services.campaign_update(user=other_manager, campaign=campaign, name="Hijacked")
    assert Campaign.objects.get(pk=campaign.pk).name == "Robotics check-up"


def test_a_campaign_that_closes_before_it_opens_is_refused(cluster, questionnaire, cluster_manager):
    with pytest.raises(ValidationError, match="closes after it opens"):
        _campaign(cluster, questionnaire, cluster_manager, closes_at=timezone.now() - timedelta(days=2))


def test_taking_the_assessment_for_an_organisation_one_does_not_edit_is_refused(questionnaire, cluster,
                                                                                other_manager):
    draft = services.assessment_start(questionnaire=questionnaire, respondent_hash="h", user=other_manager)
    with pytest.raises(PermissionDenied):
        services.assessment_profile_save(assessment=draft, user=other_manager, organisation=cluster,
                                         size_class="small", nace=None, region=None)
    assert Assessment.objects.get(pk=draft.pk).organisation_id is None


def test_load_command_loads_and_publishes_the_packaged_questionnaire(db):
    call_command("maturity_load_questionnaire", "--publish")
    assert Questionnaire.objects.get(code="dma-sme-v1").status == QuestionnaireStatus.PUBLISHED


def test_recommendations_name_weak_dimensions_next_steps_and_regional_support(submitted, regions):
    SupportOffer.objects.create(region=regions["LT"], kind=SupportKind.DIH, name="EDIH Lithuania",
                                dimensions="strategy,readiness,human,data,automation,green")
    SupportOffer.objects.create(region=regions["LT02"], kind=SupportKind.TRAINING, name="Elsewhere only")
    assessment = submitted("Acme Tools", k=1)
    recommendations = selectors.assessment_recommendations(assessment=assessment)
    assert recommendations and all(r.score < 50.5 for r in recommendations)
    first = recommendations[0]
    assert first.advice and first.next_steps
    assert [offer.name for offer in first.support] == ["EDIH Lithuania"]


def test_translation_template_lists_the_texts_to_translate(questionnaire, capsys):
    call_command("maturity_translation_template", "dma-sme-v1", "lt")
    out = capsys.readouterr().out
    assert out.startswith("translations:\n  lt:\n") and "q1.invested: Already invested" in out


def test_an_answered_version_can_still_be_translated(submitted, questionnaire):
    submitted("Acme Tools")
    translated = copy.deepcopy(questionnaire.definition)
    translated["translations"] = {"lt": {"strategy.title": "Skaitmeninė verslo strategija"}}
    services.questionnaire_load(definition=translated)
    assert Questionnaire.objects.get(pk=questionnaire.pk).parsed("lt").dimension("strategy").title == (
        "Skaitmeninė verslo strategija")
