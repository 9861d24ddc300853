"""Enumerations of the industries app that other apps may use (forms, model fields) without its models."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class NaceLevel(models.IntegerChoices):
    SECTION = 1, _("section")
    DIVISION = 2, _("division")
    GROUP = 3, _("group")
    CLASS = 4, _("class")
