"""Fixtures for the importer tests: a store in a temp folder, the real Eurostat files served like the API, Spark."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from smartcluster.statistics import StatisticsStore


def root_conftest(config: pytest.Config):
    """The repository's root conftest module (its `require`), found among the loaded plugins: importing it by name
    would pick this file, which shares the module name."""
    root = str(Path(config.rootpath) / "conftest.py")
    return next(p for p in config.pluginmanager.get_plugins() if getattr(p, "__file__", None) == root)


@pytest.fixture
def store(tmp_path: Path) -> StatisticsStore:
    """An empty statistics store in its own file."""
    return StatisticsStore(tmp_path / "statistics.duckdb")


def file_digest(path: Path) -> str:
    """SHA-256 of a file's bytes (to prove a store was left byte-for-byte unchanged)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="session")
def eurostat_api(shared_data: Path, local_http_server, tmp_path_factory) -> str:
    """Base URL of 127.0.0.1 serving the real files at the dissemination API's paths (symlinks, no copies)."""
    folder = tmp_path_factory.mktemp("eurostat-api")
    data = folder / "sdmx" / "2.1" / "data"
    data.mkdir(parents=True)
    files = {
        "sbs_r_nuts06_r2": "eurostat-sbs-regional/sbs_r_nuts06_r2.tsv.gz",
        "sbs_7countries": "fixture-7-countries/sbs_r_nuts06_r2_7countries.tsv.gz",
        "lfst_r_lfe2en2": "eurostat-lfs-regional/lfst_r_lfe2en2.tsv.gz",
        "nama_10r_2gdp": "eurostat-lfs-regional/nama_10r_2gdp.tsv.gz",
        "nama_10r_3empers": "eurostat-api-format/nama_10r_3empers_sample.tsv",
    }
    for name, relative in files.items():
        (data / name).symlink_to(shared_data / relative)
    return local_http_server(folder)


@pytest.fixture(scope="session")
def spark(request: pytest.FixtureRequest) -> Iterator[object]:
    """One small local Spark session for the whole test session (2 cores, few shuffle partitions)."""
    root_conftest(request.config).require(shutil.which("java") is not None,
                                          "Java runtime not found (Spark tests need one: apt-get install default-jre)")
    from pyspark.sql import SparkSession

    session = (SparkSession.builder.master("local[2]").appName("smartcluster-tests")
               .config("spark.sql.shuffle.partitions", "2").config("spark.default.parallelism", "2")
               .config("spark.ui.enabled", "false").config("spark.sql.session.timeZone", "UTC")
               .config("spark.driver.memory", "1g").getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
