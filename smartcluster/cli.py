"""`smartcluster …`: the command line for setup, serving and the long jobs (imports, mapping, scheduling).

Bad input ends with one clear line on stderr and a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from smartcluster.mapping.cli import map_command, relatedness_command
from smartcluster.sources.cli import COMMANDS as statistics_commands
from smartcluster.sources.cli import import_group


def _django() -> None:
    """Configure Django for the commands that need the platform (the library commands do not)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "smartcluster.site.settings")
    import django

    django.setup()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """smartcluster: cluster mapping and cluster policy platform."""


@main.command()
@click.option("--empty", is_flag=True, help="Do not load the demo partnership; on the first setup of a data "
              "directory this means for good (load it later with --demo).")
@click.option("--demo", is_flag=True, help="Load the demo partnership again: deleted demo records come back, "
              "changed ones get their demo values.")
@click.option("--remove-demo", is_flag=True, help="Remove every demo record; records you made stay.")
@click.option("--offline", is_flag=True, help="Load the reference data from the bundled starter pack, without "
              "trying the official sources.")
def setup(empty: bool, offline: bool, demo: bool, remove_demo: bool) -> None:
    """Create the stores under the data directory, migrate, load reference data (the official sources, else the
    bundled starter pack), the starter statistics, the maturity questionnaire and the demo; safe to repeat."""
    if empty + demo + remove_demo > 1:
        raise click.UsageError("choose one of --empty, --demo and --remove-demo")
    _django()
    from django.core.management import CommandError, call_command

    call_command("migrate", interactive=False, verbosity=0)
    _static_collected()
    try:
        call_command("load_reference", skip_loaded=True, starter_pack="only" if offline else "fallback")
    except CommandError as error:
        # Only a damaged installation gets here (the pack is bundled); the pages that need regions say so.
        click.secho(f"warning: {error}", fg="yellow", err=True)
    _starter_statistics_load()
    call_command("maturity_load_questionnaire", "dma-sme-v1", publish=True, first_load_only=True)
    call_command("ensure_admin")
    _demo_setup(empty=empty, demo=demo, remove_demo=remove_demo)


def _static_collected() -> None:
    """collectstatic when the static sources, the storage or the collected folder changed since the last setup: its
    post-processing hashes and compresses every file again each time (about 10 s of a re-run that has nothing to do)."""
    from django.conf import settings
    from django.core.management import call_command

    stamp = Path(settings.DATA_DIR) / "static.collected"
    if stamp.exists() and stamp.read_text(encoding="utf-8") == _static_fingerprint():
        return
    call_command("collectstatic", interactive=False, verbosity=0)
    stamp.write_text(_static_fingerprint(), encoding="utf-8")


def _static_fingerprint() -> str:
    """A digest of the storage and of each source and collected file's path, size and modification time."""
    import hashlib

    from django.conf import settings
    from django.contrib.staticfiles.finders import get_finders

    entries = [repr(settings.STORAGES["staticfiles"])]
    for finder in get_finders():
        for path, storage in finder.list(["CVS", ".*", "*~"]):  # collectstatic's default ignore patterns
            found = os.stat(storage.path(path))
            entries.append(f"{storage.path(path)}|{found.st_size}|{found.st_mtime_ns}")
    for collected in Path(settings.STATIC_ROOT).rglob("*"):  # a collected file removed or changed: collect again
        found = collected.stat()
        entries.append(f"collected {collected}|{found.st_size}|{found.st_mtime_ns}")
    return hashlib.sha256("\n".join(sorted(entries)).encode()).hexdigest()


def _demo_setup(*, empty: bool, demo: bool, remove_demo: bool) -> None:
    """The demo is loaded by the first setup of a database only (so what an administrator deleted or renamed stays
    so), on purpose with --demo, and removed with --remove-demo; the database remembers what was decided."""
    from django.core.exceptions import PermissionDenied, ValidationError
    from django.core.management import call_command
    from django.db import IntegrityError

    from smartcluster.demo.loader import refusal_reason
    from smartcluster.demo.services import demo_first_setup

    if remove_demo:
        call_command("remove_demo")
    elif demo or demo_first_setup(empty=empty):
        try:
            call_command("load_demo")
        except (ValidationError, PermissionDenied, IntegrityError) as error:
            # The platform works without its sample content: say so, and start anyway (the load left nothing).
            click.secho(f"warning: the demo was not loaded ({refusal_reason(error)}); `smartcluster setup --demo` tries again.",
                        fg="yellow", err=True)
    else:
        click.echo("Demo: decided at the first setup, left as it is (`smartcluster setup --demo` loads it again).")


def _starter_statistics_load() -> None:
    """The starter pack's statistics into a store that lacks them (an import since is kept), mapping results ready."""
    from smartcluster.starter_pack import StarterPackDamaged, manifest, statistics_load
    from smartcluster.statistics import StatisticsStore

    try:
        entries = manifest()["statistics"]
        loaded = statistics_load(StatisticsStore())
    except StarterPackDamaged as error:
        raise click.ClickException(f"{error} (no starter statistics were written)") from None
    for dataset in loaded:
        entry = entries[dataset]
        years = sorted({str(entry["years"][0]), str(entry["years"][-1])})
        click.echo(f"{dataset}: starter statistics loaded ({entry['source_label']}, extracted {entry['extracted_at']}, "
                   f"years {'-'.join(years)}); `{entry['refresh']}` refreshes them")
        _mapping_refreshed(dataset)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--workers", default=2, show_default=True, type=int, help="Processes (one per core is a good start).")
@click.option("--threads", default=8, show_default=True, type=int, help="Threads per process.")
def serve(host: str, port: int, workers: int, threads: int) -> None:
    """Serve the platform with gunicorn."""
    click.echo(f"smartcluster is serving at http://{host}:{port}/ (Ctrl+C to stop)")
    os.execvp(
        sys.executable,
        [sys.executable, "-m", "gunicorn", "smartcluster.site.wsgi:application", "--bind", f"{host}:{port}",
         "--workers", str(workers), "--threads", str(threads), "--access-logfile", "-"],
    )


@import_group.result_callback()
def _mapping_refreshed(dataset: str | None) -> None:
    """After an import, the platform's mapping pages drop what they cached for the dataset and compute its results
    now, as the import wizard's job does, so that their first view is fast (a few seconds more for the import)."""
    if not dataset:
        return
    _django()
    from smartcluster.atlas.services import dataset_refreshed

    warmed = dataset_refreshed(dataset)
    click.echo(f"{dataset}: mapping results computed ({', '.join(warmed)})" if warmed
               else f"{dataset}: nothing for the mapping pages (no persons employed by NUTS 2 region)")


main.add_command(map_command)
main.add_command(relatedness_command)
for _command in statistics_commands:
    main.add_command(_command)

if __name__ == "__main__":
    main()
