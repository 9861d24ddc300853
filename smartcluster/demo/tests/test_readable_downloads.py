"""The cluster and project-life downloads, on the demo's records, read well (the rules of
reports/tests/test_readable_exports.py): no sheet name cut mid-word, no raw snake_case header, no True/False cell."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from smartcluster.clusters.models import ClusterProfile, Mission
from smartcluster.demo.selectors import demo_record_get
from smartcluster.events.models import Registration
from smartcluster.reports.tests.readable import docx_problems, xlsx_problems

pytestmark = pytest.mark.django_db


def _client(username: str) -> Client:
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


def _problems(client: Client, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200, url
    check = docx_problems if url.endswith(".docx") or url.endswith("docx") else xlsx_problems
    return check(response.content, url)


def test_the_cluster_and_event_downloads_of_the_demo_read_well(setup: Callable) -> None:
    setup()
    thessaly = ClusterProfile.objects.get(organisation__name="Thessaly Smart Manufacturing Cluster")
    mission = Mission.objects.get()
    kick_off, brainstorm = demo_record_get(key="event:kick-off"), demo_record_get(key="event:brainstorm-thessaly")
    attendee = Registration.objects.filter(event=kick_off, attended=True).first()
    lead, thessaly_officer = _client("demo-lead-lt"), _client("demo-thessaly")
    problems = [
        *_problems(Client(), reverse("clusters:skills_export", args=[thessaly.pk])),
        *_problems(Client(), reverse("clusters:skills_region_export") + "?region=EL61"),
        *_problems(Client(), reverse("clusters:mission_export_xlsx", args=[mission.pk])),
        *_problems(Client(), reverse("clusters:mission_export_docx", args=[mission.pk])),
        *_problems(lead, reverse("events:attendance_xlsx", args=[kick_off.pk])),
        *_problems(lead, reverse("events:feedback_xlsx", args=[kick_off.pk])),
        *_problems(lead, reverse("events:certificate", args=[attendee.pk])),
        *_problems(Client(), reverse("events:certificate_by_token", args=[attendee.token])),
        *_problems(lead, reverse("events:report_docx", args=[kick_off.pk])),
        *_problems(thessaly_officer, reverse("events:brainstorm_result_download", args=[brainstorm.pk, "xlsx"])),
        *_problems(thessaly_officer, reverse("events:brainstorm_result_download", args=[brainstorm.pk, "docx"])),
        *_problems(thessaly_officer, reverse("events:communication_export_xlsx", args=[kick_off.project_id])),
    ]
    assert problems == []
