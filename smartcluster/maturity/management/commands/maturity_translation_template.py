"""Print every text of a questionnaire version by path, as the skeleton of a translation to paste into its file."""

from __future__ import annotations

from typing import Any

import yaml
from django.core.management.base import BaseCommand, CommandError, CommandParser

from smartcluster.maturity.models import Questionnaire
from smartcluster.scoring.definition import text_paths


class Command(BaseCommand):
    help = "Print the texts of a questionnaire version as `translations: {<language>: {path: text}}` YAML."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("code", help="questionnaire version, e.g. dma-sme-v1")
        parser.add_argument("language", help="language code, e.g. lt")

    def handle(self, *args: Any, code: str, language: str, **options: Any) -> None:
        questionnaire = Questionnaire.objects.filter(code=code).first()
        if questionnaire is None:
            raise CommandError(f"no questionnaire version '{code}' (load it with maturity_load_questionnaire)")
        texts = text_paths(questionnaire.parsed("en"))
        self.stdout.write(yaml.safe_dump({"translations": {language: texts}}, allow_unicode=True, sort_keys=False))
