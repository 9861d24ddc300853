"""Enumerations of the regions app that other apps may use (forms, model fields) without its models."""

from __future__ import annotations

from django.db import models


class NutsVersion(models.IntegerChoices):
    V2003 = 2003, "NUTS 2003"
    V2006 = 2006, "NUTS 2006"
    V2010 = 2010, "NUTS 2010"
    V2013 = 2013, "NUTS 2013"
    V2016 = 2016, "NUTS 2016"
    V2021 = 2021, "NUTS 2021"
    V2024 = 2024, "NUTS 2024"
