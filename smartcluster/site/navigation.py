"""The main navigation: one entry per installed domain app that declares one."""

from __future__ import annotations

from django.apps import apps
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse


def navigation(request: HttpRequest) -> dict[str, list[dict[str, str]]]:
    """Context processor: sections from each AppConfig's `navigation = (label, url_name, order)`."""
    sections = []
    for config in apps.get_app_configs():
        entry = getattr(config, "navigation", None)
        if entry is None:
            continue
        label, url_name, order = entry
        try:
            url = reverse(url_name)
        except NoReverseMatch:
            continue
        sections.append({"label": label, "url": url, "order": order,
                         "active": request.path.startswith(url) and url != "/"})
    sections.sort(key=lambda section: section["order"])
    return {"navigation_sections": sections}
