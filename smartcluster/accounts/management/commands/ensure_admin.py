"""`manage.py ensure_admin`: a first administrator when there is none, and how to log in."""

from __future__ import annotations

import secrets
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from smartcluster.config import env_text


class Command(BaseCommand):
    help = ("Create a first administrator if no superuser exists: username from SMARTCLUSTER_ADMIN_USERNAME "
            "(default admin), password from SMARTCLUSTER_ADMIN_PASSWORD or a random one printed once.")

    def handle(self, *args: Any, **options: Any) -> None:
        users = get_user_model()
        if users.objects.filter(is_superuser=True).exists():
            self.stdout.write("An administrator exists already: log in with your account at /accounts/login/.")
            return
        username = env_text("SMARTCLUSTER_ADMIN_USERNAME", "admin")
        password = env_text("SMARTCLUSTER_ADMIN_PASSWORD") or None  # set but empty: a random one, shown
        if users.objects.filter(username=username).exists():
            self.stderr.write(f"A user named {username!r} exists but is no administrator: set "
                              "SMARTCLUSTER_ADMIN_USERNAME to another name, or make that user a superuser "
                              "(manage.py changepassword / the admin).")
            return
        shown = password is None
        password = password or secrets.token_urlsafe(12)
        users.objects.create_superuser(username=username, email="", password=password)
        self.stdout.write(f"Created the administrator {username!r}. Log in at /accounts/login/ with")
        self.stdout.write(f"  username: {username}")
        self.stdout.write(f"  password: {password}" if shown else "  password: the value of SMARTCLUSTER_ADMIN_PASSWORD")
        if shown:
            self.stdout.write("This password is shown only now: change it after logging in (/admin/password_change/).")
