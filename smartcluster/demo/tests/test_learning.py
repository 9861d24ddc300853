"""The demo's interregional learning: practices of every status, Murcia's peer review with peers from several
countries and recommendations (one accepted), transfers; loaded once, put back by --demo, removed with the demo."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from smartcluster.demo import learning_content
from smartcluster.learning.choices import PracticeStatus, RecommendationResponse
from smartcluster.learning.models import (
    GoodPractice,
    PeerReview,
    PeerReviewParticipant,
    PracticeStatusChange,
    PracticeTransfer,
    Recommendation,
)
from smartcluster.learning.selectors import peer_review_country_check
from smartcluster.learning.tests.test_reports_docx import docx_text
from smartcluster.reports.tests.readable import docx_problems

pytestmark = pytest.mark.django_db
MODELS = (GoodPractice, PracticeStatusChange, PeerReview, PeerReviewParticipant, Recommendation, PracticeTransfer)


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def test_the_demo_loads_the_learning_records_once_and_a_reload_adds_nothing(setup: Callable) -> None:
    output = setup().output
    loaded = counts()

    again = setup("--demo").output

    assert counts() == loaded
    assert "Left out" not in output and "Left out" not in again
    assert loaded["GoodPractice"] == len(learning_content.PRACTICES) == 8
    assert loaded["PracticeTransfer"] == len(learning_content.TRANSFERS)
    assert loaded["Recommendation"] == len(learning_content.RECOMMENDATIONS)


def test_the_demo_practices_cover_every_status_and_a_lesson_from_failure(setup: Callable) -> None:
    setup()

    statuses = list(GoodPractice.objects.values_list("status", flat=True))
    assert {status: statuses.count(status) for status in set(statuses)} == {
        PracticeStatus.PROJECT_APPROVED: 5, PracticeStatus.EXPERT_VALIDATED: 1, PracticeStatus.SUBMITTED: 1,
        PracticeStatus.DECLINED: 1}
    unsuccessful = GoodPractice.objects.get(is_successful=False)
    assert unsuccessful.is_published and unsuccessful.difficulties_and_lessons
    validated = GoodPractice.objects.get(status=PracticeStatus.EXPERT_VALIDATED)
    assert list(validated.status_changes.values_list("to_status", flat=True)) == [
        PracticeStatus.SUBMITTED, PracticeStatus.PROJECT_APPROVED, PracticeStatus.EXPERT_VALIDATED]


def test_the_demo_peer_review_has_peers_of_several_countries_and_an_accepted_recommendation(setup: Callable) -> None:
    setup()

    review = PeerReview.objects.get()
    assert review.event.title == "Peer review and study visit in Murcia"
    check = peer_review_country_check(peer_review=review)
    assert (check.peer_countries, check.warning) == (["DE", "EL", "HR"], "")
    accepted = Recommendation.objects.get(response=RecommendationResponse.ACCEPTED)
    assert accepted.responded_by is not None and accepted.practices.exists()


def test_the_public_good_practice_report_of_the_demo_reads_well_and_shows_approved_practices_only(
        setup: Callable) -> None:
    setup()
    project = GoodPractice.objects.first().partner.project

    response = Client().get(reverse("learning:report_project_docx", args=[project.pk]))

    assert docx_problems(response.content, "good-practices.docx") == []
    text = docx_text(response.content)
    assert "Digital innovation hub vouchers for SMEs" in text and "Shared data platform" in text
    assert "Cross-border digital mentoring" not in text and "Value-chain brokerage" not in text
    assert "pilot three-year agreements" in text  # the accepted recommendation's reason


def test_removing_the_demo_removes_its_learning_records(setup: Callable) -> None:
    setup()

    setup("--remove-demo")

    assert set(counts().values()) == {0}
