"""Command-line imports and listings of the statistics store: `import eurostat|file|firms`, `datasets`, `export`.

Heavy modules load inside the commands so that `smartcluster --help` stays fast. Bad input ends with one line
on stderr (the full problem report goes to a file named there) and exit code 1; nothing is written.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import click

EXPORT_FORMATS = ("csv", "xlsx", "parquet")
EXCEL_MAX_ROWS = 1_048_575


def _years(text: str | None) -> list[int] | None:
    """`2010-2015`, `2010,2012` or a mix, as a list of years."""
    if not text:
        return None
    years: list[int] = []
    try:
        for part in text.split(","):
            first, _, last = part.strip().partition("-")
            years += list(range(int(first), int(last or first) + 1))
    except ValueError:
        raise click.BadParameter(f"{text!r} is not a list of years like 2010-2015 or 2010,2012") from None
    return years


def _pairs(text: str | None, what: str) -> dict[str, str]:
    """`a=b,c=d` or a JSON/YAML file holding such a mapping."""
    if not text:
        return {}
    path = Path(text)
    if path.is_file():
        import yaml

        loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(loaded, dict):
            raise click.BadParameter(f"{path} does not hold a {what} (name: value pairs)")
        return {str(k): str(v) for k, v in loaded.items()}
    pairs = [item.split("=", 1) for item in text.split(",") if item.strip()]
    if any(len(pair) != 2 for pair in pairs):
        raise click.BadParameter(f"{text!r} is not a {what} like region=NUTS,industry=NACE (or a YAML/JSON file)")
    return {key.strip(): value.strip() for key, value in pairs}


def _reported(command: Callable) -> Callable:
    """Turn bad input into one line on stderr and exit code 1 (the full report saved to a file); no traceback."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        from smartcluster.sources.validation import InvalidInput

        try:
            return command(*args, **kwargs)
        except InvalidInput as error:
            report = _save_report(error.report())
            raise click.ClickException(f"{error.summary()} — nothing was written; every problem: {report}") from None
        except (OSError, ValueError, KeyError) as error:
            message = error.args[0] if isinstance(error, KeyError) and error.args else error
            raise click.ClickException(str(message)) from None

    return wrapper


def _save_report(text: str) -> Path:
    """Write a problem report under the data directory and return its path."""
    from smartcluster import config

    folder = config.data_dir() / "reports"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"import-problems-{datetime.now(UTC):%Y%m%dT%H%M%S%f}.txt"
    path.write_text(text + "\n", encoding="utf-8")
    return path


def _store():
    from smartcluster.statistics import StatisticsStore

    return StatisticsStore()


def _done(dataset: str, frame) -> str:
    """Say what was stored; returns the dataset's name (for what runs after an import, see `smartcluster.cli`)."""
    click.echo(f"{dataset}: {len(frame):,} observations stored "
               f"({frame['value'].notna().mean():.0%} with a value).")
    return dataset


@click.group(name="import")
def import_group() -> None:
    """Import statistics into the store (a re-import replaces the dataset atomically)."""


@import_group.command(name="eurostat")
@click.argument("dataset")
@click.option("--years", help="Years to keep, e.g. 2010-2015 or 2012,2014 (default: all).")
@click.option("--format", "fmt", type=click.Choice(["tsv", "sdmx-csv"]), default="tsv", show_default=True)
@click.option("--base-url", help="Dissemination API base URL (default: SMARTCLUSTER_EUROSTAT_BASE_URL or Eurostat).")
@_reported
def import_eurostat(dataset: str, years: str | None, fmt: str, base_url: str | None) -> str:
    """Fetch DATASET (e.g. sbs_r_nuts06_r2) from Eurostat's dissemination API and store it."""
    from smartcluster.sources import eurostat

    frame = eurostat.import_dataset(_store(), dataset, years=_years(years), fmt=fmt, base_url=base_url,
                                    progress=True)
    return _done(dataset, frame)


@import_group.command(name="file")
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--mapping", help="Column mapping: region=NUTS,industry=NACE,… or a YAML/JSON file.")
@click.option("--set", "constants", help="Values for columns the file lacks: measure=persons_employed,unit=number.")
@click.option("--classification", default="NACE_R2", show_default=True,
              help="NACE_R2, NAICS or the name of your own code list.")
@click.option("--dataset", help="Dataset name (default: the file name).")
@_reported
def import_file(path: str, mapping: str | None, constants: str | None, classification: str,
                dataset: str | None) -> str:
    """Import a CSV or Excel file in the long or wide layout (see the README)."""
    from tqdm import tqdm

    from smartcluster.sources import files

    with tqdm(total=1, desc="read, check, store", disable=None):
        frame = files.import_file(_store(), path, dataset=dataset, mapping=_pairs(mapping, "column mapping"),
                                  constants=_pairs(constants, "list of values"), classification=classification)
    return _done(dataset or Path(path).name.split(".")[0], frame)


@import_group.command(name="firms")
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--engine", type=click.Choice(["duckdb", "spark"]), default="duckdb", show_default=True)
@click.option("--mapping", help="Column mapping: firm_id=ID,nuts3=NUTS,… or a YAML/JSON file.")
@click.option("--postcodes", type=click.Path(dir_okay=False), help="CSV of postcode,nuts3 for firms with a postcode.")
@click.option("--industry-level", type=click.IntRange(1, 4), default=4, show_default=True)
@click.option("--nuts-level", type=click.IntRange(0, 3), default=3, show_default=True)
@click.option("--threshold", type=click.IntRange(1), help="Disclosure threshold (default: setting, 3).")
@click.option("--dataset", help="Dataset name (default: the file name).")
@_reported
def import_firms(path: str, engine: str, mapping: str | None, postcodes: str | None, industry_level: int,
                 nuts_level: int, threshold: int | None, dataset: str | None) -> str:
    """Aggregate firm records (CSV or Parquet) to region × industry × year and store them."""
    import pandas as pd
    from tqdm import tqdm

    from smartcluster import config
    from smartcluster.sources import firms, guards

    table = pd.read_csv(guards.text_lines(Path(postcodes).read_bytes(), file=postcodes), dtype=str) if postcodes else None
    threshold = threshold if threshold is not None else config.disclosure_threshold()
    con = firms.connect(engine, spark_master=config.spark_master())
    with tqdm(total=1, desc=f"aggregate on {engine}", disable=None):
        frame, report = firms.import_firms(_store(), path, dataset=dataset, engine=engine, con=con,
                                           mapping=_pairs(mapping, "column mapping"), postcodes=table,
                                           industry_level=industry_level, nuts_level=nuts_level, threshold=threshold)
    for line in report.lines():
        click.echo(line)
    return _done(dataset or Path(path).name.split(".")[0], frame)


@click.command(name="datasets")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@_reported
def datasets(as_json: bool) -> None:
    """List the datasets in the statistics store: years, regions, industries, completeness, provenance."""
    listing = _store().datasets()
    if as_json:
        click.echo(json.dumps(listing.to_dict(orient="records"), default=str, indent=2))
        return
    if listing.empty:
        click.echo("The statistics store is empty (smartcluster import …).")
        return
    shown = listing.assign(
        years=listing["years"].map(lambda y: f"{min(y)}–{max(y)}" if y else ""),
        completeness=listing["completeness"].map(lambda c: f"{c:.0%}"),
        checksum=listing["checksum"].str.slice(0, 19))
    click.echo(shown.to_string(index=False))


@click.command(name="export")
@click.argument("dataset")
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="csv", show_default=True)
@click.option("--output", type=click.Path(dir_okay=False), help="File to write (default: DATASET.FORMAT here).")
@_reported
def export(dataset: str, fmt: str, output: str | None) -> None:
    """Write a dataset's observations (with flags) to CSV, Excel or Parquet."""
    store = _store()
    store.provenance(dataset)  # an unknown dataset fails here with a clear message
    frame = store.observations(dataset)
    target = Path(output or f"{dataset}.{fmt}")
    if fmt == "csv":
        frame.to_csv(target, index=False)
    elif fmt == "parquet":
        frame.to_parquet(target, index=False)
    elif len(frame) > EXCEL_MAX_ROWS:
        raise ValueError(f"{dataset} has {len(frame):,} rows, more than an Excel sheet holds; use csv or parquet")
    else:
        frame.to_excel(target, index=False)
    click.echo(f"{dataset}: {len(frame):,} observations written to {target}")


COMMANDS = (import_group, datasets, export)
