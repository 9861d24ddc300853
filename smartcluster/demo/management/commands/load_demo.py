"""`manage.py load_demo`: load the demo partnership on purpose, or put back what was deleted or changed in it."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from smartcluster.demo.loader import demo_load


class Command(BaseCommand):
    help = ("Load the demo partnership (partners, firms, a B2B event, maturity assessments), marked as demo: "
            "demo records that were deleted are created again and changed ones get their demo values back.")

    def handle(self, *args: Any, **options: Any) -> None:
        report = demo_load()
        self.stdout.write(_("Demo loaded: %(created)d records created, %(restored)d put back (remove them all with "
                            "`smartcluster setup --remove-demo`).")
                          % {"created": len(report.created), "restored": len(report.restored)})
        for note in report.notes:
            self.stdout.write(f"  {note}")
