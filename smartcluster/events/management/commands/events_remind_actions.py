"""`manage.py events_remind_actions`: remind the owners of open follow-up actions due soon or late (run it from
cron once a day)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from smartcluster.events.services import action_reminders_send


class Command(BaseCommand):
    help = "Send a reminder (inbox and e-mail) for every open event action due within --days or late, once each."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--days", type=int, default=3, help="How many days ahead to remind (default 3).")

    def handle(self, *args: object, **options: object) -> None:
        count = action_reminders_send(today=timezone.localdate(), ahead_days=options["days"])
        self.stdout.write(f"{count} action reminder(s) sent")
