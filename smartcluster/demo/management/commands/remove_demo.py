"""`manage.py remove_demo`: delete every demo record; records users made stay untouched."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from smartcluster.demo.services import demo_remove


class Command(BaseCommand):
    help = "Remove every record the demo created (and their parts); records users made are never touched."

    def handle(self, *args: Any, **options: Any) -> None:
        report = demo_remove()
        self.stdout.write(_("Demo removed: %(count)d rows deleted.") % {"count": report.total})
        if report.kept:
            self.stdout.write(_("Kept, because records that are not demo content depend on them:"))
            for reason in report.kept:
                self.stdout.write(f"  {reason}")
