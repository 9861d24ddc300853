"""The first command on a machine that reaches no official source: `smartcluster setup` with every official base URL
on a closed port and a fresh data directory leaves a living platform (reference data, statistics with their
vintage, the published questionnaire), whose pages answer every role without a server error."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from click.testing import CliRunner
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import Client, override_settings
from django.utils import timezone

from smartcluster.accounts.models import Membership, MembershipRole
from smartcluster.cli import main
from smartcluster.industries.models import Industry
from smartcluster.matchmaking import services as matchmaking
from smartcluster.matchmaking.forms import RegistrationForm
from smartcluster.maturity.forms import region_choices, sector_choices
from smartcluster.maturity.models import Questionnaire, QuestionnaireStatus
from smartcluster.organisations.models import Organisation, OrganisationType
from smartcluster.regions.models import Region
from smartcluster.statistics import StatisticsStore

CLOSED = "http://127.0.0.1:9/"  # nothing listens on the discard port
URL_SETTINGS = {"NUTS_BASE_URL": "SMARTCLUSTER_NUTS_BASE_URL", "NUTS_HISTORY_BASE_URL": "SMARTCLUSTER_NUTS_HISTORY_BASE_URL",
                "NACE_BASE_URL": "SMARTCLUSTER_NACE_BASE_URL"}
ALLOWED = {200, 302, 403, 404}  # 302 to the login page, 403/404 where a role may not see a page (POST-only
# pages are left out: they answer 405 to a GET)
ROLES = ("anonymous", "participant", "partner_editor", "administrator")


def _setup(*arguments: str) -> tuple[object, float]:
    started = time.perf_counter()
    result = CliRunner().invoke(main, ["setup", *arguments])
    return result, time.perf_counter() - started


def _people() -> dict[str, object]:
    """A participant (no organisation), a partner editor with an open event, and an administrator."""
    users = get_user_model().objects
    editor = users.create_user("editor", password="a-long-test-password-42", email="editor@example.org")
    organisation = Organisation.objects.create(name="Thessaly Cluster", type=OrganisationType.CLUSTER)
    Membership.objects.create(user=editor, organisation=organisation, role=MembershipRole.PARTNER_EDITOR)
    now = timezone.now()
    event = matchmaking.event_create(
        user=editor, organiser=organisation, title="Smart Industry B2B", time_zone="Europe/Athens",
        registration_opens_at=now - dt.timedelta(days=1), registration_closes_at=now + dt.timedelta(days=10),
        requests_close_at=now + dt.timedelta(days=10), meeting_minutes=25, break_minutes=5, mode="online",
        table_count=5, max_meetings_per_participant=3, allowed_types=[], requires_acceptance=True,
        is_published=True)
    matchmaking.session_add(user=editor, event=event, date=dt.date(2030, 3, 14), starts=dt.time(9), ends=dt.time(11))
    return {"participant": users.create_user("sme", password="a-long-test-password-42", email="sme@example.org"),
            "partner_editor": editor, "event": event,
            "administrator": users.create_superuser("root", password="a-long-test-password-42",
                                                    email="root@example.org")}


@pytest.fixture(scope="module")
def first_run(django_db_setup: None, django_db_blocker: pytest.FixtureRequest,
              tmp_path_factory: pytest.TempPathFactory) -> Iterator[SimpleNamespace]:
    """`smartcluster setup --empty` (no demo) offline in a fresh data directory, then a second run; all rolled back."""
    data_dir = tmp_path_factory.mktemp("first-run-data")
    with (pytest.MonkeyPatch.context() as patch, django_db_blocker.unblock(),
          override_settings(**dict.fromkeys(URL_SETTINGS, CLOSED))):
        for variable in [*URL_SETTINGS.values(), "SMARTCLUSTER_EUROSTAT_BASE_URL"]:
            patch.setenv(variable, CLOSED)
        patch.setenv("SMARTCLUSTER_DATA_DIR", str(data_dir))
        with transaction.atomic():
            first, first_seconds = _setup("--empty")
            second, second_seconds = _setup("--empty")
            yield SimpleNamespace(first=first, second=second, first_seconds=first_seconds,
                                  second_seconds=second_seconds, data_dir=data_dir, **_people())
            transaction.set_rollback(True)


def test_setup_loads_the_starter_pack_saying_so_in_one_line(first_run: SimpleNamespace) -> None:
    assert first_run.first.exit_code == 0, first_run.first.output
    lines = first_run.first.output.splitlines()
    assert len([line for line in lines if line.startswith("Official reference sources not usable")]) == 1
    assert ("sbs_r_nuts06_r2: starter statistics loaded (Eurostat SBS, extracted 2017, years 2008-2015); "
            "`smartcluster import eurostat sbs_r_nuts06_r2` refreshes them") in lines
    assert "sbs_r_nuts06_r2: mapping results computed (cluster_categories, smart_industry_40)" in lines


def test_reference_data_statistics_and_the_questionnaire_are_there(first_run: SimpleNamespace) -> None:
    versions = set(Region.objects.values_list("version", flat=True))
    assert versions == {2006, 2010, 2013, 2016, 2021, 2024} and Industry.objects.count() == 996
    store = StatisticsStore(Path(first_run.data_dir) / "statistics.duckdb")
    assert set(store.datasets()["dataset"]) == {"sbs_r_nuts06_r2", "sbs_r_nuts2021"}
    assert store.provenance("sbs_r_nuts06_r2")["extracted_at"] == "2017"
    assert store.provenance("sbs_r_nuts2021")["extracted_at"] == "2025-02"
    assert Questionnaire.objects.get(code="dma-sme-v1").status == QuestionnaireStatus.PUBLISHED


def test_a_second_setup_changes_nothing_and_is_faster(first_run: SimpleNamespace) -> None:
    assert first_run.second.exit_code == 0, first_run.second.output
    output = first_run.second.output
    assert "NUTS 2024: already loaded, skipped" in output and "starter statistics loaded" not in output
    assert "dma-sme-v1: its family is already loaded, left as it is" in output
    assert "Official reference sources not usable" not in output  # nothing left to fetch, so nothing tried
    assert first_run.second_seconds < first_run.first_seconds
    assert Questionnaire.objects.count() == 1


def _client(first_run: SimpleNamespace, role: str) -> Client:
    client = Client(raise_request_exception=False)
    if role != "anonymous":
        client.force_login(getattr(first_run, role))
    return client


def _urls(event_id: int) -> list[str]:
    return [
        "/", "/mapping/", "/mapping/?dataset=sbs_r_nuts2021", "/mapping/regions/EL61/",
        "/mapping/regions/EL61/related/", "/mapping/regions/EL64/", "/mapping/regions/EL64/?dataset=sbs_r_nuts2021",
        "/mapping/regions/XX99/", "/mapping/categories/1/", "/mapping/categories/18/",
        "/mapping/compare/?regions=EL61,EL64,ES62", "/mapping/data/", "/mapping/my-regions/", "/api/atlas/results",
        "/regions/", "/regions/?q=Thessalia", "/regions/EL61/", "/regions/EL64/2021/", "/industries/",
        "/industries/28/", "/matchmaking/", "/matchmaking/new/", "/notifications/", "/notifications/preferences/",
        f"/matchmaking/{event_id}/",
        f"/matchmaking/{event_id}/register/", f"/matchmaking/{event_id}/participants/",
        f"/matchmaking/{event_id}/manage/", "/maturity/", "/maturity/campaigns/",
        "/maturity/results/",
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_every_page_answers_each_role_without_a_server_error(first_run: SimpleNamespace, role: str) -> None:
    client = _client(first_run, role)
    answers = {url: client.get(url).status_code for url in _urls(first_run.event.pk)}
    assert {url: status for url, status in answers.items() if status not in ALLOWED} == {}
    assert {answers[url] for url in ("/mapping/", "/mapping/regions/EL61/", "/mapping/categories/18/",
                                     "/mapping/compare/?regions=EL61,EL64,ES62", "/regions/", "/industries/",
                                     "/maturity/")} == {200}


@pytest.mark.django_db
def test_the_thessaly_profile_shows_its_name_and_stars(first_run: SimpleNamespace) -> None:
    html = _client(first_run, "anonymous").get("/mapping/regions/EL61/").content.decode()
    assert "Thessalia" in html and "Categories with stars" in html and "★" in html


@pytest.mark.django_db
def test_registration_accepts_thessaly_and_lists_nace_sectors(first_run: SimpleNamespace) -> None:
    divisions = Industry.objects.filter(level__lte=2)
    form = RegistrationForm(data={
        "organisation_name": "Larissa Robotics", "participant_type": OrganisationType.SME, "person_name": "Eleni",
        "email": "eleni@example.org", "country": "EL", "region_code": "el61", "time_zone": "Europe/Athens",
        "sectors": [divisions.get(code="28").pk], "consent_to_publish": "on"}, event=first_run.event)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["region_code"].code == "EL61" and form.fields["sectors"].queryset.count() == 109
    assert RegistrationForm(data={"region_code": "EL64", "country": "EL"}, event=first_run.event).fields[
        "sectors"].queryset.filter(code="C").exists()


@pytest.mark.django_db
def test_the_assessment_offers_nuts_2_regions_and_nace_sections(first_run: SimpleNamespace) -> None:
    regions = set(region_choices().queryset.values_list("code", flat=True))
    assert {"EL61", "EL64", "LT01", "ES62"} <= regions
    assert sector_choices().queryset.count() == 21
