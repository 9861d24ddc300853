"""`manage.py load_reference`: NUTS regions and NACE Rev. 2 from the official sources (or a mirror), or from the
starter pack bundled with smartcluster when they fail or when asked; all or nothing."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from smartcluster.industries.services import industry_reference_load
from smartcluster.regions.services import DEFAULT_NUTS_VERSIONS, region_reference_load
from smartcluster.sources.reference import ReferenceDataError

STARTER_PACK_CHOICES = ("never", "fallback", "only")


def _versions(text: str) -> list[int]:
    try:
        return [int(part) for part in text.split(",") if part.strip()]
    except ValueError as error:
        raise CommandError(f"--nuts-versions: {text!r} is not a comma-separated list of years") from error


class Command(BaseCommand):
    help = "Load NUTS regions (GISCO, Eurostat NUTS history) and NACE Rev. 2 (Eurostat); safe to repeat."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--skip-loaded", action="store_true",
                            help="Skip each NUTS version and NACE when already in the database (fast second start).")
        parser.add_argument("--nuts-base-url", help="GISCO NUTS distribution or a mirror (setting NUTS_BASE_URL).")
        parser.add_argument("--nuts-history-base-url",
                            help="Folder of Eurostat's NUTS history workbooks or a mirror (NUTS_HISTORY_BASE_URL).")
        parser.add_argument("--nace-base-url", help="Folder holding Nace2_long.csv or a mirror (NACE_BASE_URL).")
        parser.add_argument("--nuts-versions", type=_versions, default=list(DEFAULT_NUTS_VERSIONS),
                            help="Comma-separated NUTS versions (default: %(default)s).")
        parser.add_argument("--starter-pack", choices=STARTER_PACK_CHOICES, default="never",
                            help="The starter pack bundled with smartcluster: never; as a fallback when the official "
                                 "sources fail; or only (no network). Default: %(default)s.")

    def handle(self, *args: object, **options: object) -> None:
        if options["starter_pack"] != "only":
            try:
                self._load(options, from_starter_pack=False)
                return
            except ReferenceDataError as error:
                if options["starter_pack"] == "never":
                    raise CommandError(f"reference data not loaded, database unchanged: {error}") from error
                self.stdout.write(self.style.WARNING(
                    f"Official reference sources not usable ({error}): loading the starter pack bundled with "
                    "smartcluster instead."))
        try:
            self._load(options, from_starter_pack=True)
        except ReferenceDataError as error:
            raise CommandError(f"reference data not loaded, database unchanged: {error}") from error

    def _load(self, options: dict, *, from_starter_pack: bool) -> None:
        def say(message: str) -> None:
            self.stdout.write(message)

        # One transaction around both loads: a failure in NACE also leaves the regions as they were.
        with transaction.atomic():
            region_reference_load(
                base_url=options["nuts_base_url"], history_base_url=options["nuts_history_base_url"],
                versions=options["nuts_versions"], skip_loaded=options["skip_loaded"], progress=say,
                from_starter_pack=from_starter_pack,
            )
            industry_reference_load(base_url=options["nace_base_url"], skip_loaded=options["skip_loaded"],
                                    progress=say, from_starter_pack=from_starter_pack)
        self.stdout.write(self.style.SUCCESS("Reference data ready (starter pack)." if from_starter_pack
                                             else "Reference data ready."))
