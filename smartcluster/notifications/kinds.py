"""Kinds of notification a user may choose e-mail for: a code -> label table filled by the apps that send them."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.module_loading import autodiscover_modules

KINDS: dict[str, str | Promise] = {}


def kind_register(kind: str, label: str | Promise) -> str:
    """Name a kind for the preferences page; returns the code, so a sender keeps it as its constant."""
    KINDS[kind] = label
    return kind


def kinds_discover() -> dict[str, str | Promise]:
    """Every registered kind: apps register theirs in their `services` modules, imported here if not yet."""
    autodiscover_modules("services")
    return KINDS
