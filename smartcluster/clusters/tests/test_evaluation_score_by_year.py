"""A cluster's overall evaluation score by data year (the monitoring's impact series): accepted and published
evaluations only; one accepted but not published is counted, never shown."""

from __future__ import annotations

import pytest

from smartcluster.clusters.models import Evaluation, EvaluationStatus
from smartcluster.clusters.selectors import evaluation_score_by_year
from smartcluster.clusters.tests.evaluation_world import GOOD_INPUTS, accepted_peer, build_evaluation_world

pytestmark = pytest.mark.django_db


def _scored(evaluation: Evaluation, percent: float) -> Evaluation:
    Evaluation.objects.filter(pk=evaluation.pk).update(result={**evaluation.result, "percent": percent})
    return evaluation


def test_the_score_series_holds_accepted_published_evaluations_by_data_year():
    world = build_evaluation_world()
    first = _scored(accepted_peer("Larissa Food", world.regions["EL61"], world.criteria, GOOD_INPUTS, 2022), 62.5)
    profile = first.profile
    for year, percent, published in [(2024, 81.25, True), (2023, 70.0, False)]:
        evaluation = Evaluation.objects.create(profile=profile, criteria=world.criteria, data_year=year,
                                               inputs=GOOD_INPUTS, status=EvaluationStatus.ACCEPTED,
                                               result=first.result, is_published=published)
        _scored(evaluation, percent)
    Evaluation.objects.create(profile=profile, criteria=world.criteria, data_year=2025, inputs=GOOD_INPUTS,
                              status=EvaluationStatus.SUBMITTED)
    scores = evaluation_score_by_year(profile=profile)
    assert scores.points == [(2022, 62.5), (2024, 81.25)]
    assert scores.unpublished == 1
    assert evaluation_score_by_year(profile=world.cluster).points == []
