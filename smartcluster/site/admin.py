"""Admin settings shared by every app's admin."""

from django.db import models

# Web addresses typed without a scheme are read as https (Django 6's default; 5.2 warns until it is chosen).
HTTPS_URL_FIELDS = {models.URLField: {"assume_scheme": "https"}}
