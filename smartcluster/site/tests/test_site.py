"""The platform as a whole: production checks, migrations, API docs without CDN, languages, labelled forms."""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
from html.parser import HTMLParser
from io import StringIO
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from smartcluster.organisations.tests.factories import make_user

REPOSITORY = Path(__file__).resolve().parents[3]
LANGUAGE_CODES = ["en", "lt", "el", "es", "de", "hu", "hr"]


def test_deploy_check_with_production_settings_reports_nothing(tmp_path: Path) -> None:
    # The test run's own switch for Playwright (conftest) is no production setting.
    environment = {
        **{name: value for name, value in os.environ.items() if name != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "SMARTCLUSTER_DATA_DIR": str(tmp_path),
        "SMARTCLUSTER_SECRET_KEY": secrets.token_urlsafe(60),
        "SMARTCLUSTER_ALLOWED_HOSTS": "smartcluster.example.eu",
        "SMARTCLUSTER_HTTPS": "1",
        "SMARTCLUSTER_DEBUG": "0",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=REPOSITORY, env=environment, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.django_db
def test_models_and_migrations_agree() -> None:
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=StringIO())
    except SystemExit as exit_:
        pytest.fail(f"models changed without a migration (makemigrations exited {exit_.code})")


@pytest.mark.django_db
def test_api_docs_are_served_from_local_static_files_without_cdn() -> None:
    response = Client().get("/api/docs", secure=True)
    assert response.status_code == 200
    page = response.content.decode()
    assert "swagger-ui-bundle.js" in page
    external = re.findall(r"""(?:src|href)=["'](https?:)?//""", page)
    assert external == [], page
    assert "cdn" not in page.lower()


@pytest.mark.django_db
def test_language_switcher_offers_every_partner_language_and_switches() -> None:
    client = Client()
    home = client.get(reverse("home"), secure=True).content.decode()
    offered = re.findall(r'<option value="([a-z]{2})"', home)
    assert offered == LANGUAGE_CODES
    response = client.post(reverse("set_language"), {"language": "de", "next": "/organisations/"}, secure=True)
    assert response.status_code == 302 and response["Location"] == "/organisations/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "de"
    assert '<html lang="de">' in client.get(reverse("home"), secure=True).content.decode()


PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}")


def catalogue(code: str) -> polib.POFile:
    return polib.pofile(str(Path(settings.LOCALE_PATHS[0]) / code / "LC_MESSAGES" / "django.po"))


def translations(entries: list) -> dict[tuple[str | None, str], tuple[str, ...]]:
    """(context, msgid) → the translation(s) of PO or MO entries."""
    return {(entry.msgctxt, entry.msgid): tuple(entry.msgstr_plural[k] for k in sorted(entry.msgstr_plural))
            if entry.msgid_plural else (entry.msgstr,) for entry in entries}


@pytest.mark.parametrize("code", LANGUAGE_CODES[1:])
def test_every_partner_language_is_translated_whole_with_its_placeholders(code: str) -> None:
    po = catalogue(code)
    assert len(po) > 900  # every string of the platform, refreshed by makemessages
    assert po.untranslated_entries() == [] and po.fuzzy_entries() == []
    for entry in po:
        expected = sorted(PLACEHOLDER.findall(entry.msgid_plural or entry.msgid))
        for text in (entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]):
            assert sorted(PLACEHOLDER.findall(text)) == expected, (entry.msgid, text)


@pytest.mark.parametrize("code", LANGUAGE_CODES[1:])
def test_compiled_catalogues_hold_exactly_the_translations_of_their_sources(code: str) -> None:
    po = catalogue(code)
    mo_path = Path(po.fpath).with_suffix(".mo")
    assert mo_path.is_file(), f"{mo_path} missing: run python scripts/compile_messages.py"
    compiled = translations(list(polib.mofile(str(mo_path))))
    assert compiled == translations(po.translated_entries()), "run python scripts/compile_messages.py"


@pytest.mark.django_db
@pytest.mark.parametrize("code", LANGUAGE_CODES[1:])
def test_pages_are_served_in_the_language_chosen(code: str) -> None:
    client = Client()
    client.post(reverse("set_language"), {"language": code, "next": "/"}, secure=True)
    page = client.get(reverse("home"), secure=True).content.decode()
    label = catalogue(code).find("Organisations").msgstr
    assert label != "Organisations" and f">{label}<" in page


class FormControls(HTMLParser):
    """Collects form controls and the ids that labels point at."""

    def __init__(self) -> None:
        super().__init__()
        self.controls: list[dict[str, str | None]] = []
        self.labelled: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "label" and attributes.get("for"):
            self.labelled.add(attributes["for"])
        if tag in {"input", "select", "textarea"} and attributes.get("type") not in {"hidden", "submit", "button"}:
            self.controls.append(attributes)


def unlabelled_controls(page: str) -> list[dict[str, str | None]]:
    parser = FormControls()
    parser.feed(page)
    return [c for c in parser.controls if c.get("id") not in parser.labelled and not c.get("aria-label")]


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", ["home", "login", "organisations:list", "organisations:create",
                                      "organisations:projects", "accounts:tokens"])
def test_every_form_control_has_a_label(url_name: str) -> None:
    client = Client()
    client.force_login(make_user("admin", is_superuser=True))
    response = client.get(reverse(url_name), secure=True)
    assert response.status_code == 200
    assert unlabelled_controls(response.content.decode()) == []


@pytest.mark.django_db
def test_login_page_logs_in_and_returns_to_the_page_asked_for() -> None:
    user = make_user("officer")
    user.set_password("a long passphrase for tests")
    user.save()
    client = Client()
    response = client.post(reverse("login"), {"username": "officer", "password": "a long passphrase for tests",
                                              "next": reverse("accounts:tokens")}, secure=True)
    assert response.status_code == 302 and response["Location"] == reverse("accounts:tokens")
    wrong = Client().post(reverse("login"), {"username": "officer", "password": "wrong"}, secure=True)
    assert "did not match" in wrong.content.decode()
