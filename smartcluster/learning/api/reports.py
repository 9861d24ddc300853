"""Good-practice reports API (/api/learning/reports/): the reports the caller may read, and each report's content
(the same records as the print view and the DOCX: practices with topics and journeys, peer reviews with
recommendations and responses)."""

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from ninja import Router, Schema
from ninja.pagination import paginate

from smartcluster.accounts.auth import READ_AUTH
from smartcluster.learning.selectors import reports as selectors
from smartcluster.learning.selectors.reports import LearningReport

router = Router()


class LearningReportLink(Schema):
    kind: str
    id: int
    title: str
    page: str
    docx: str


class LearningReportCount(Schema):
    label: str
    count: int


class LearningReportTransfer(Schema):
    partner: str
    regions: list[str]
    stage: str
    stage_on: dt.date


class LearningReportPractice(Schema):
    id: int
    title: str
    status: str
    is_successful: bool
    topics: list[str]
    fields: dict[str, str]
    transfers: list[LearningReportTransfer]


class LearningReportRecommendation(Schema):
    id: int
    text: str
    author: str
    practice_ids: list[int]
    response: str
    response_reason: str


class LearningReportReview(Schema):
    id: int
    event_id: int
    event: str
    policy_challenge: str
    countries: list[str]
    recommendations: list[LearningReportRecommendation]


class LearningReportOut(Schema):
    title: str
    project_id: int
    event_id: int | None = None
    generated_on: dt.date
    counts: list[LearningReportCount]
    practices: list[LearningReportPractice]
    reviews: list[LearningReportReview]


def _content(report: LearningReport) -> dict[str, Any]:
    return {
        "title": report.title, "project_id": report.project.pk,
        "event_id": report.event.pk if report.event else None, "generated_on": report.generated_on,
        "counts": [{"label": label, "count": count} for label, count in report.counts],
        "practices": [{
            "id": item.practice.pk, "title": item.practice.title, "status": item.practice.status,
            "is_successful": item.practice.is_successful, "topics": item.topics, "fields": dict(item.fields),
            "transfers": [{"partner": t.partner.organisation.name, "stage": t.stage, "stage_on": t.stage_on,
                           "regions": [region.code for region in t.partner.regions.all()]}
                          for t in item.journey.transfers]} for item in report.practices],
        "reviews": [{
            "id": item.review.pk, "event_id": item.review.event_id, "event": item.review.event.title,
            "policy_challenge": item.review.policy_challenge, "countries": item.countries,
            "recommendations": [{"id": rec.pk, "text": rec.text, "author": rec.author.organisation.name,
                                 "practice_ids": [p.pk for p in rec.report_practices], "response": rec.response,
                                 "response_reason": rec.response_reason} for rec in item.recommendations]}
            for item in report.reviews],
    }


@router.get("/reports/", response=list[LearningReportLink], auth=READ_AUTH)
@paginate(page_size=50)
def report_list(request: HttpRequest) -> list[dict[str, Any]]:
    """The project and event reports the caller may read, with their page and DOCX addresses."""
    projects = [{"kind": "project", "id": project.pk, "title": project.acronym,
                 "page": reverse("learning:report_project", args=[project.pk]),
                 "docx": reverse("learning:report_project_docx", args=[project.pk])}
                for project in selectors.learning_report_project_list(user=request.user)]
    events = [{"kind": "event", "id": event.pk, "title": event.title,
               "page": reverse("learning:report_event", args=[event.pk]),
               "docx": reverse("learning:report_event_docx", args=[event.pk])}
              for event in selectors.learning_report_event_list(user=request.user)]
    return projects + events


@router.get("/reports/projects/{project_id}", response=LearningReportOut, auth=READ_AUTH)
def report_project(request: HttpRequest, project_id: int) -> dict[str, Any]:
    return _content(selectors.learning_report_for_project(user=request.user, project_id=project_id))


@router.get("/reports/events/{event_id}", response=LearningReportOut, auth=READ_AUTH)
def report_event(request: HttpRequest, event_id: int) -> dict[str, Any]:
    return _content(selectors.learning_report_for_event(user=request.user, event_id=event_id))
