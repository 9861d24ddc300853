"""Interviews writes: permission check, validation, then save. Also stores the packaged default codebook and guide."""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml
from django.db import transaction

__all__ = ["guide_default_store"]

DEFAULT_CODEBOOK = "codebook-v1.yaml"
DEFAULT_GUIDE = "guide-v1.yaml"


def _packaged(name: str) -> dict[str, Any]:
    return yaml.safe_load(resources.files("smartcluster.stakeholders").joinpath("data", name).read_text("utf-8"))


def guide_default_store(codebook_model: Any, theme_model: Any, guide_model: Any, question_model: Any) -> Any:
    """The packaged default guide with its codebook, stored once (idempotent); takes the model classes so that the
    data migration can pass its historical ones."""
    book, guide = _packaged(DEFAULT_CODEBOOK), _packaged(DEFAULT_GUIDE)
    with transaction.atomic():
        codebook, created = codebook_model.objects.get_or_create(
            name=book["name"], version=book["version"], defaults={"description": book["description"]})
        if created:
            theme_model.objects.bulk_create(
                theme_model(codebook=codebook, position=position, **theme)
                for position, theme in enumerate(book["themes"], start=1))
        stored = guide_model.objects.filter(name=guide["name"], version=guide["version"]).first()
        if stored is not None:
            return stored
        stored = guide_model.objects.create(name=guide["name"], version=guide["version"], codebook=codebook,
                                            introduction=guide["introduction"])
        themes = {theme.code: theme for theme in theme_model.objects.filter(codebook=codebook)}
        for number, question in enumerate(guide["questions"], start=1):
            row = question_model.objects.create(guide=stored, number=number, text=question["text"])
            row.themes.set([themes[code] for code in question["themes"]])
        return stored
