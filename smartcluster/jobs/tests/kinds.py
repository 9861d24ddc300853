"""Job kinds for the claim and worker tests: every run leaves rows in a table of its own, so a test counts runs
made by any process (the pytest process or `run_jobs` workers started by the tests)."""

from __future__ import annotations

import os
import time
from collections.abc import Callable

from django.db import connection

from smartcluster.jobs.registry import register

RUNS_TABLE = "jobs_test_run"


def runs_table_create() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TABLE {RUNS_TABLE} (token varchar(40) NOT NULL, phase varchar(10) NOT NULL, "
                       "pid integer NOT NULL)")


def runs_table_drop() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {RUNS_TABLE}")


def runs() -> list[tuple[str, str, int]]:
    """Every recorded (token, phase, process id), in no particular order."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT token, phase, pid FROM {RUNS_TABLE}")
        return [tuple(row) for row in cursor.fetchall()]


def _record(token: str, phase: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {RUNS_TABLE} (token, phase, pid) VALUES (%s, %s, %s)",
                       [token, phase, os.getpid()])


@register("test.record")
def record(params: dict, progress: Callable[[int, str], None]) -> dict:
    """Record the run's start, work `seconds` without reporting progress (only the lease renewals keep it), record
    its end."""
    _record(params["token"], "start")
    time.sleep(float(params.get("seconds", 0)))
    _record(params["token"], "end")
    return {"pid": os.getpid()}


@register("test.rendezvous")
def rendezvous(params: dict, progress: Callable[[int, str], None]) -> dict:
    """Wait until `parties` rendezvous runs have started: each worker holds one, so all are up before other jobs."""
    _record("rendezvous", "start")
    deadline = time.monotonic() + 120
    while sum(token == "rendezvous" for token, _phase, _pid in runs()) < params["parties"]:
        if time.monotonic() > deadline:
            raise TimeoutError("the other workers never took a rendezvous job")
        time.sleep(0.05)
    return {}
