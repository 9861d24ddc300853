"""Load (and optionally publish) a questionnaire version from a YAML file or from the packaged ones."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from smartcluster.maturity import services
from smartcluster.maturity.models import Questionnaire
from smartcluster.maturity.packaged import packaged_definition
from smartcluster.scoring.definition import DefinitionError, definition_from_yaml


class Command(BaseCommand):
    help = "Load a maturity questionnaire version (default: the packaged dma-sme-v1) and optionally publish it."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("source", nargs="?", default="dma-sme-v1",
                            help="a packaged code (dma-sme-v1) or the path of a YAML file")
        parser.add_argument("--publish", action="store_true", help="make it the version new assessments use")
        parser.add_argument("--first-load-only", action="store_true",
                            help="do nothing when a version of its family is already loaded (what setup does: an "
                                 "administrator's unpublishing or replacing is kept)")

    def handle(self, *args: Any, source: str, publish: bool, first_load_only: bool, **options: Any) -> None:
        try:
            path = Path(source)
            definition = (definition_from_yaml(path.read_text(encoding="utf-8")) if path.suffix in {".yaml", ".yml"}
                          else packaged_definition(source))
            if first_load_only and Questionnaire.objects.filter(family=definition.get("family")).exists():
                # Translations shipped after the first load still reach it: they never change scores.
                added = services.questionnaire_translations_add(definition=definition)
                self.stdout.write(f"{definition.get('code')}: its family is already loaded, left as it is"
                                  + (" (translations added)" if added else ""))
                return
            questionnaire = services.questionnaire_load(definition=definition, publish=publish)
        except (DefinitionError, ValidationError, OSError) as error:
            raise CommandError(f"{source}: {error}") from error
        self.stdout.write(f"{questionnaire.code}: {questionnaire.get_status_display()}")
