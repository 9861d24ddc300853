"""Participation admin: a registration added gets its token and attendance stays with invited or registered
people; a material uploaded in the admin is typed by its content like one uploaded on the site."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from smartcluster.events.models import Material, Registration
from smartcluster.events.tests.participation_factories import build_world, make_event, make_person, register
from smartcluster.events.tests.test_participation_materials import ELF, PDF

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client: Any) -> Any:
    client.force_login(get_user_model().objects.create_superuser("root", "root@example.org", "pw-for-tests-1"))
    return client


def test_a_registration_added_in_the_admin_gets_a_token_and_attendance_needs_an_invitation(
        admin_client: Any) -> None:
    world = build_world()
    event, person = make_event(world), make_person("Adam")
    url = reverse("admin:events_registration_add")
    data = {"event": event.pk, "person": person.pk, "group": "external", "status": "declined", "attended": "on",
            "dietary_needs": "", "accessibility_needs": ""}
    refused = admin_client.post(url, data, secure=True)
    assert refused.status_code == 200 and "only for invited or registered" in refused.content.decode()
    assert not Registration.objects.exists()
    assert admin_client.post(url, {**data, "status": "invited"}, secure=True).status_code == 302
    assert len(Registration.objects.get().token) == 43


def test_a_material_added_in_the_admin_is_typed_by_content(admin_client: Any, settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path
    world = build_world()
    event = make_event(world)
    url = reverse("admin:events_material_add")
    data = {"event": event.pk, "kind": "document", "title": "Agenda"}
    refused = admin_client.post(url, {**data, "file": SimpleUploadedFile("agenda.pdf", ELF)}, secure=True)
    assert refused.status_code == 200 and "whatever its name says" in refused.content.decode()
    assert not Material.objects.exists()
    assert admin_client.post(url, {**data, "file": SimpleUploadedFile("agenda.exe", PDF)}, secure=True
                             ).status_code == 302
    material = Material.objects.get()
    assert (material.content_type, material.size) == ("application/pdf", len(PDF))
    assert material.file.name.endswith(".pdf") and Path(material.file.path).read_bytes() == PDF


def test_the_admin_lists_open(admin_client: Any) -> None:
    world = build_world()
    register(make_event(world), make_person("Lia"))
    for name in ("registration", "feedbackresponse", "material"):
        assert admin_client.get(reverse(f"admin:events_{name}_changelist"), secure=True).status_code == 200
