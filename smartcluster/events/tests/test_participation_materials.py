"""Event materials: the type read from the content (a renamed executable is refused), the size limit from
SMARTCLUSTER_MATERIAL_MAX_BYTES, files under MEDIA_ROOT downloaded only through the permission-checked view
(private ones 404 for an anonymous user and for another partner's editor)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from smartcluster.events import services
from smartcluster.events.choices import MaterialKind
from smartcluster.events.models import Material
from smartcluster.events.tests.participation_factories import (
    browser,
    build_world,
    make_event,
    participation_dump,
    send,
)
from smartcluster.reports.documents import WordDocument

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(17)
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(20)
ELF = b"\x7fELF\x02\x01\x01\x00" + bytes(8) + b"\x02\x00\x3e\x00" + bytes(44)  # an x86-64 Linux executable header
PE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + bytes(46) + b"\x80\x00\x00\x00" + bytes(64) + (
    b"PE\x00\x00\x4c\x01")  # a DOS stub whose e_lfanew points at the "PE\0\0" header of a Windows executable


def odf_bytes(mimetype: str = "application/vnd.oasis.opendocument.presentation") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), mimetype)  # first and stored, as ODF requires
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


def plain_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("setup.exe", ELF)
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def upload(world: object, payload: bytes, name: str, *, user: str = "editor_a", published: bool = False,
           event: object = None) -> Material:
    return services.material_upload(user=world.users[user], event=event or make_event(world),
                                    kind=MaterialKind.DOCUMENT, title="Slides", is_published=published,
                                    file=SimpleUploadedFile(name, payload, content_type="application/pdf"))


@pytest.mark.parametrize(("payload", "name", "content_type"), [
    (PDF, "agenda.pdf", "application/pdf"),
    (PNG, "photo.png", "image/png"),
    (JPEG, "photo.jpeg", "image/jpeg"),
    (WordDocument("Minutes").to_bytes(), "minutes.bin",
     "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    (odf_bytes(), "slides.odp", "application/vnd.oasis.opendocument.presentation"),
])
def test_accepted_files_are_typed_by_their_content_and_stored_under_media_root(
        payload: bytes, name: str, content_type: str, media: Path) -> None:
    world = build_world()
    material = upload(world, payload, name)
    assert material.content_type == content_type and material.size == len(payload)
    stored = Path(material.file.path)
    assert stored.is_relative_to(media) and stored.read_bytes() == payload


@pytest.mark.parametrize(("payload", "name"), [
    (ELF, "report.pdf"), (PE, "report.pdf"), (PE, "photo.png"), (plain_zip(), "slides.pptx"),
    (odf_bytes("application/x-msdownload"), "slides.odp"), (b"<html><script>alert(1)</script>", "page.pdf"),
])
def test_a_renamed_executable_or_any_other_content_is_refused_whatever_its_name(
        payload: bytes, name: str, media: Path) -> None:
    world = build_world()
    event = make_event(world)
    before = participation_dump()
    with pytest.raises(ValidationError) as refused:
        upload(world, payload, name, event=event)
    assert "file" in refused.value.message_dict and name in refused.value.message_dict["file"][0]
    assert participation_dump() == before and not any(media.rglob("*.*"))


def test_the_size_limit_comes_from_the_configuration(monkeypatch: pytest.MonkeyPatch) -> None:
    world = build_world()
    monkeypatch.setenv("SMARTCLUSTER_MATERIAL_MAX_BYTES", str(len(PDF) - 1))
    with pytest.raises(ValidationError) as refused:
        upload(world, PDF, "agenda.pdf")
    assert "at most" in refused.value.message_dict["file"][0] and not Material.objects.exists()
    monkeypatch.setenv("SMARTCLUSTER_MATERIAL_MAX_BYTES", str(len(PDF)))
    assert upload(world, PDF, "agenda.pdf").size == len(PDF)


def test_only_the_hosts_editors_upload() -> None:
    world = build_world()
    with pytest.raises(PermissionDenied):
        upload(world, PDF, "agenda.pdf", user="editor_b")
    assert not Material.objects.exists()


def test_a_private_material_is_404_for_an_anonymous_user_and_another_partners_editor() -> None:
    world = build_world()
    event = make_event(world)
    private = upload(world, PDF, "budget.pdf", event=event)
    public = upload(world, PNG, "photo.png", event=event, published=True)
    url = reverse("events:material_download", args=[private.pk])
    assert browser().get(url, secure=True).status_code == 404
    assert browser(world.users["editor_b"]).get(url, secure=True).status_code == 404
    for role in ("viewer", "editor_a", "administrator"):
        response = browser(world.users[role]).get(url, secure=True)
        assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    shown = browser().get(reverse("events:material_download", args=[public.pk]), secure=True)
    assert shown["Content-Type"] == "image/png" and "attachment" in shown["Content-Disposition"]
    listed = browser().get(reverse("events:materials", args=[event.pk]), secure=True).content.decode()
    assert "budget" not in listed.lower() and reverse("events:material_download", args=[public.pk]) in listed
    assert private.file.url not in listed


def test_materials_of_an_internal_event_stay_with_the_partnership_even_when_marked_public() -> None:
    world = build_world()
    event = make_event(world, is_published=False)
    material = upload(world, PDF, "notes.pdf", event=event, published=True)
    assert browser().get(reverse("events:material_download", args=[material.pk]), secure=True).status_code == 404


def test_the_host_uploads_through_the_page_with_csrf_and_another_partner_cannot(media: Path) -> None:
    world = build_world()
    event = make_event(world)
    url = reverse("events:materials", args=[event.pk])
    data = {"kind": MaterialKind.PRESENTATION, "title": "Opening", "is_published": "on"}
    before = participation_dump()
    assert send(browser(world.users["editor_b"]), url, {
        **data, "file": SimpleUploadedFile("a.pdf", PDF)}).status_code == 403
    refused = send(browser(world.users["editor_a"]), url, {**data, "file": SimpleUploadedFile("evil.pdf", ELF)})
    assert refused.status_code == 400 and "evil.pdf" in refused.content.decode()
    assert participation_dump() == before
    assert send(browser(world.users["editor_a"]), url, {**data, "file": SimpleUploadedFile("a.pdf", PDF)},
                ).status_code == 302
    material = Material.objects.get()
    assert material.title == "Opening" and material.is_published
    assert send(browser(world.users["editor_b"]), reverse("events:material_delete", args=[material.pk])
                ).status_code == 403
    assert Material.objects.exists()


def test_a_title_with_quotes_and_line_breaks_downloads_under_a_safe_name() -> None:
    world = build_world()
    material = services.material_upload(user=world.users["editor_a"], event=make_event(world),
                                        kind=MaterialKind.PHOTO, title='Team "photo"\r\nSet-Cookie: x=1',
                                        file=SimpleUploadedFile("p.png", PNG), is_published=True)
    response = browser().get(reverse("events:material_download", args=[material.pk]), secure=True)
    assert response.status_code == 200 and "Set-Cookie" not in response.headers
    assert response["Content-Disposition"] == 'attachment; filename="team-photo-set-cookie-x1.png"'
