"""`manage.py run_jobs`: the worker for SMARTCLUSTER_JOBS_RUNNER=queue (and a way to finish stuck jobs).

Start as many as needed, on as many machines as share the database: each job is taken by one worker at a time, and
a job whose worker died is taken again once its lease runs out (see smartcluster/jobs/services.py).
"""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import close_old_connections

from smartcluster.jobs.registry import KINDS, kinds_discover
from smartcluster.jobs.services import job_run_queued


class Command(BaseCommand):
    help = "Run queued background jobs; with --forever keep polling for new ones."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--forever", action="store_true", help="Poll every --interval seconds.")
        parser.add_argument("--interval", type=float, default=2.0)
        parser.add_argument("--kinds", default="", help="Comma-separated job kinds this worker takes (default: all), "
                            "e.g. matchmaking.schedule on a machine without the statistics store.")

    def handle(self, *args: object, **options: object) -> None:
        kinds_discover()
        kinds = [kind.strip() for kind in str(options["kinds"]).split(",") if kind.strip()] or None
        unknown = sorted(set(kinds or ()) - set(KINDS))
        if unknown:
            raise CommandError(f"unknown job kind(s) {', '.join(unknown)}; known: {', '.join(sorted(KINDS))}")
        while True:
            ran = job_run_queued(kinds=kinds)
            if ran:
                self.stdout.write(f"{ran} job(s) run")
            if not options["forever"]:
                return
            time.sleep(options["interval"])
            close_old_connections()  # a long-running worker must not keep a connection the server dropped
