"""The import wizard runs as a job: a bad file is reported line by line and nothing is imported; a good one is
stored and invalidates the cached results it touches. The API serves the engine's rows and 404s naming what exists."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from smartcluster.atlas import cache
from smartcluster.atlas.engine import Params, atlas_result
from smartcluster.atlas.tests.conftest import SBS
from smartcluster.jobs.models import Job, JobStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client: object, settings: object) -> object:
    settings.SMARTCLUSTER_JOBS_RUNNER = "inline"
    client.force_login(get_user_model().objects.create_superuser("admin", "a@example.org", "pw"))
    return client


def _upload(admin_client: object, name: str, text: str, dataset: str) -> Job:
    response = admin_client.post(reverse("atlas:data_import"), {
        "source": "file", "dataset": dataset, "classification": "NACE_R2", "measure": "", "unit": "",
        "file": SimpleUploadedFile(name, text.encode(), content_type="text/csv")})
    assert response.status_code == 302, response.content.decode()[:2000]
    return Job.objects.latest("id")


def test_a_file_with_wrong_columns_is_reported_and_nothing_is_imported(admin_client: object,
                                                                       sbs_store: object) -> None:
    before = sbs_store.datasets()["dataset"].tolist()
    job = _upload(admin_client, "wrong.csv", "nuts;nace;yr;val\nEL61;C10;2014;5\n", "wrong_columns")
    assert job.status == JobStatus.FAILED
    assert "missing column(s) region, industry, year, measure, value" in job.problems[0]["message"]
    assert job.problems[0]["line"] == 1
    assert sbs_store.datasets()["dataset"].tolist() == before
    page = admin_client.get(reverse("jobs:detail", args=[job.pk])).content.decode()
    assert "nothing was imported" in page and "missing column" in page


def test_unknown_codes_and_text_in_numbers_are_each_listed_with_line_and_column(admin_client: object,
                                                                               sbs_store: object) -> None:
    text = ("region,industry,year,measure,value\n"
            "EL61,C10,2014,persons_employed,1200\n"
            "XX99,C10,2014,persons_employed,300\n"
            "EL61,Z99,2014,persons_employed,40\n"
            "EL61,C11,2014,persons_employed,many\n")
    job = _upload(admin_client, "bad.csv", text, "bad_codes")
    assert job.status == JobStatus.FAILED
    found = {(p["line"], p["column"]) for p in job.problems}
    assert {(3, "region"), (4, "industry"), (5, "value")} <= found
    messages = " ".join(p["message"] for p in job.problems)
    assert "XX99" in messages and "Z99" in messages and "many" in messages
    assert "bad_codes" not in sbs_store.datasets()["dataset"].tolist()


def test_a_good_file_is_stored_and_the_cache_of_that_dataset_is_refreshed(admin_client: object,
                                                                          sbs_store: object) -> None:
    text = ("region,industry,year,measure,value\n"
            "EL61,C10,2014,persons_employed,1200\nEL61,C,2014,persons_employed,5000\n"
            "EL30,C10,2014,persons_employed,900\nEL30,C,2014,persons_employed,8000\n")
    stale = cache.cache_folder() / "regional_upload" / "stale-result"
    stale.mkdir(parents=True)
    job = _upload(admin_client, "good.csv", text, "regional_upload")
    assert job.status == JobStatus.DONE, job.problems or job.error
    assert job.result["observations"] == 4
    assert not stale.exists()
    stored = sbs_store.observations("regional_upload")
    assert sorted(stored["value"].tolist()) == [900.0, 1200.0, 5000.0, 8000.0]
    assert not list(Path(cache.cache_folder()).glob("**/*.tmp"))


def test_only_administrators_may_import(client: object, sbs_store: object) -> None:
    client.force_login(get_user_model().objects.create_user("viewer", password="pw"))
    response = client.post(reverse("atlas:data_import"), {"source": "eurostat", "dataset_code": "sbs_r_nuts06_r2"})
    assert response.status_code == 403 and not Job.objects.exists()


def test_the_eurostat_wizard_imports_a_dataset_by_code(admin_client: object, sbs_store: object,
                                                       eurostat_base_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SMARTCLUSTER_EUROSTAT_BASE_URL", eurostat_base_url)
    response = admin_client.post(reverse("atlas:data_import"),
                                 {"source": "eurostat", "dataset_code": "sbs_r_nuts06_r2", "years": ""})
    job = Job.objects.latest("id")
    assert response.status_code == 302 and job.status == JobStatus.DONE, job.error
    assert job.result["warmed"] == ["cluster_categories", "smart_industry_40"]
    page = admin_client.get(reverse("atlas:data")).content.decode()
    assert "sbs_r_nuts06_r2" in page and "sha256:" in page


def test_the_api_serves_the_engine_rows_of_a_region_to_anyone(client: object, sbs_store: object) -> None:
    engine = atlas_result(sbs_store, Params(dataset=SBS))
    body = client.get("/api/atlas/results", {"region": "EL61", "year": 2014}).json()
    expected = engine.table[(engine.table["region"] == "EL61") & (engine.table["year"] == 2014)]
    assert len(body["rows"]) == len(expected) and body["nuts_version"] == engine.nuts_version
    by_category = {row["category"]: row for row in body["rows"]}
    for row in expected.itertuples():
        assert by_category[row.category]["stars"] == (None if pd.isna(row.stars) else row.stars)
        assert by_category[row.category]["lq"] == pytest.approx(row.lq, nan_ok=True) or row.lq != row.lq
    missing = client.get("/api/atlas/results", {"region": "XX99", "year": 2014})
    assert missing.status_code == 404 and "EL61" in missing.json()["detail"]
    assert "2008" in client.get("/api/atlas/results", {"year": 1990}).json()["detail"]
    schema = client.get("/api/openapi.json").json()
    assert "/api/atlas/results" in schema["paths"]


def test_an_invalid_wizard_form_names_the_field_and_starts_nothing(admin_client: object, sbs_store: object) -> None:
    response = admin_client.post(reverse("atlas:data_import"), {"source": "eurostat", "dataset_code": "sbs; rm -rf",
                                                                "years": "2010-x"})
    page = response.content.decode()
    assert response.status_code == 400 and not Job.objects.exists()
    assert "letters, digits and underscores" in page and "Write years like 2010-2015" in page


def test_the_job_api_reports_an_import_to_its_starter(admin_client: object, sbs_store: object) -> None:
    job = _upload(admin_client, "wrong.csv", "nuts;nace\nEL61;C10\n", "wrong_again")
    body = admin_client.get(f"/api/jobs/{job.pk}").json()
    assert body["status"] == "failed" and body["problems"][0]["line"] == 1

