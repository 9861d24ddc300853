"""`manage.py run_jobs` with the test job kinds registered: the worker process that test_workers.py starts.

Usage: python -m smartcluster.jobs.tests.worker [run_jobs options]
"""

from __future__ import annotations

import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "smartcluster.site.settings")
    import django
    from django.core.management import execute_from_command_line

    django.setup()
    import smartcluster.jobs.tests.kinds  # noqa: F401 - registers the test kinds in this process

    execute_from_command_line(["manage.py", "run_jobs", *sys.argv[1:]])
