"""`manage.py matchmaking_remind`: remind participants of meetings about to start (run it from cron every few
minutes)."""

from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand, CommandParser

from smartcluster.matchmaking.services import meeting_reminders_send


class Command(BaseCommand):
    help = "Send a reminder (inbox and e-mail) for every scheduled meeting that starts within --minutes."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--minutes", type=int, default=30, help="How far ahead to remind (default 30).")

    def handle(self, *args: object, **options: object) -> None:
        count = meeting_reminders_send(ahead=dt.timedelta(minutes=options["minutes"]))
        self.stdout.write(f"{count} meeting(s) reminded")
