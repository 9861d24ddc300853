"""`smartcluster map …` and `smartcluster relatedness …`: cluster mapping from the statistics store or from files.

Bad input ends with one line naming what is wrong and a non-zero exit code (click's ClickException), never a
traceback. No Django here.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from pathlib import Path

import click
import pandas as pd

from smartcluster.mapping.frames import MappingInputError
from smartcluster.mapping.pipeline import read_inputs, year_table
from smartcluster.mapping.relatedness import relatedness
from smartcluster.mapping.taxonomies import BUILTIN, Taxonomy, builtin_taxonomy, load_taxonomy
from smartcluster.mapping.us_cluster import read_cluster_inputs, read_national_totals, us_cluster_strength

US_COLUMNS = ["region_type", "region_code", "region_name", "year", "cluster_code", "cluster_name", "traded", "emp",
              "est", "lq", "qualifying", "significant", "strong", "strong10", "emp_rank", "lq_rank", "emp_cagr"]
FLAG_COLUMNS = ["size_star", "specialisation_star", "focus_star", "productivity_star", "dynamism_star",
                "qualifying", "significant", "strong", "strong10"]


def one_line_errors(command: Callable) -> Callable:
    """Turn input errors into one clear line and exit code 1."""
    @wraps(command)
    def wrapper(*args: object, **kwargs: object) -> object:
        try:
            return command(*args, **kwargs)
        except (MappingInputError, FileNotFoundError, UnicodeDecodeError, pd.errors.ParserError,
                pd.errors.EmptyDataError) as error:
            raise click.ClickException(str(error).splitlines()[0] if str(error) else type(error).__name__) from None
    return wrapper


@click.command("map")
@click.option("--region", help="A NUTS code: print its categories ranked by LQ.")
@click.option("--category", help="A category code (e.g. cluster 18): rank all regions of --level.")
@click.option("--level", "nuts_level", default=2, show_default=True, type=int, help="NUTS level of the regions.")
@click.option("--year", type=int, help="Reference year (default: the latest with employment data).")
@click.option("--since", type=int, help="First year of the growth period for the dynamism star.")
@click.option("--taxonomy", default="cluster_categories", show_default=True,
              help=f"One of {', '.join(BUILTIN)}, or a CSV/YAML file.")
@click.option("--division-method", type=click.Choice(["majority", "apportion"]), default="majority",
              show_default=True, help="How classes reach divisions (apportion needs --class-weights).")
@click.option("--class-weights", type=click.Path(dir_okay=False), help="CSV: [country,] industry, value.")
@click.option("--reference", default="all", show_default=True,
              help="LQ and star reference: all, country, or a comma-separated peer group of regions.")
@click.option("--dataset", default="sbs_r_nuts06_r2", show_default=True, help="Dataset in the statistics store.")
@click.option("--nuts-version", type=int, help="Keep regions of this NUTS version (default: the year's newest).")
@click.option("--system", type=click.Choice(["eu", "us"]), default="eu", show_default=True,
              help="eu: Observatory stars from the store; us: USCMP rules on --regions/--national files.")
@click.option("--regions", "regions_file", type=click.Path(dir_okay=False), help="US cluster inputs (with --system us).")
@click.option("--national", "national_file", type=click.Path(dir_okay=False), help="US national totals (--system us).")
@click.option("--out", type=click.Path(dir_okay=False), help="Write all rows to CSV or XLSX.")
@click.option("--top", default=20, show_default=True, type=int, help="Rows to print.")
@one_line_errors
def map_command(region: str | None, category: str | None, nuts_level: int, year: int | None, since: int | None,
                taxonomy: str, division_method: str, class_weights: str | None, reference: str, dataset: str,
                nuts_version: int | None, system: str, regions_file: str | None, national_file: str | None,
                out: str | None, top: int) -> None:
    """Map clusters: stars and LQs per region x category (store), or the US Cluster Mapping rules (files)."""
    if out and Path(out).suffix.lower() not in (".csv", ".xlsx"):
        raise MappingInputError(f"--out {out}: use a .csv or .xlsx file name")
    if system == "us":
        if not regions_file or not national_file or not out:
            raise MappingInputError("--system us needs --regions FILE, --national FILE and --out FILE")
        result = us_cluster_strength(read_cluster_inputs(regions_file), read_national_totals(national_file))
        table = result.reindex(columns=[c for c in US_COLUMNS if c in result.columns])
        _write(table, out)
        click.echo(f"{len(table)} region x cluster rows -> {out}")
        return
    if not region and not category:
        raise MappingInputError("give --region CODE or --category CODE")
    chosen = builtin_taxonomy(taxonomy) if taxonomy in BUILTIN else load_taxonomy(taxonomy)
    weights = pd.read_csv(class_weights, dtype={"industry": str, "country": str}) if class_weights else None
    unmapped = chosen.unmapped_at_level(2)
    if unmapped:
        click.echo(f"{chosen.label()}: {', '.join(unmapped)} cannot be separated at division level (left out)",
                   err=True)
    table = map_table(dataset=dataset, nuts_level=nuts_level, year=year, since=since, taxonomy=chosen,
                      method=division_method, class_weights=weights, reference=_reference(reference),
                      nuts_version=nuts_version, region=region, category=category)
    if out:
        _write(table, out)
    shown = table.sort_values("lq" if region else "employment", ascending=False).head(top)
    click.echo(shown.to_string(index=False, columns=["region", "category", "category_name", "employment", "lq",
                                                     "stars", "completeness"], float_format=lambda v: f"{v:.3f}"))
    if out:
        click.echo(f"{len(table)} rows -> {out}")


def map_table(*, dataset: str, nuts_level: int, year: int | None, since: int | None, taxonomy: Taxonomy,
              method: str, class_weights: pd.DataFrame | None, reference: str | list[str],
              nuts_version: int | None, region: str | None, category: str | None) -> pd.DataFrame:
    """The documented map table (MAP_COLUMNS) for one year, from the statistics store; says on stderr which
    regions could not be carried to the NUTS version."""
    from smartcluster.statistics import StatisticsStore

    inputs = read_inputs(StatisticsStore(), dataset, nuts_level=nuts_level)
    result = year_table(inputs, taxonomy, year=year, since=since, nuts_version=nuts_version, method=method,
                        class_weights=class_weights, reference=reference, region=region, category=category)
    left_out = sorted({code for codes in result.left_out.values() for code in codes})
    if left_out:
        click.echo(f"NUTS {result.nuts_version}: {len(left_out)} region(s) not expressible in this version left out "
                   f"({', '.join(left_out[:8])}{' …' if len(left_out) > 8 else ''}); choose with --nuts-version",
                   err=True)
    return result.table


def _reference(text: str) -> str | list[str]:
    return text if text in ("all", "country") else [code.strip() for code in text.split(",") if code.strip()]


def _write(table: pd.DataFrame, out: str) -> None:
    """CSV or XLSX by extension; flags as true/false, empty where not applicable."""
    table = table.copy()
    for column in FLAG_COLUMNS:
        if column in table.columns:
            table[column] = table[column].map(lambda v: "" if pd.isna(v) else ("true" if v else "false"))
    path = Path(out)
    if path.suffix.lower() == ".xlsx":
        table.to_excel(path, index=False)
    elif path.suffix.lower() == ".csv":
        table.to_csv(path, index=False)
    else:
        raise MappingInputError(f"--out {out}: use a .csv or .xlsx file name")


@click.command("relatedness")
@click.argument("input_csv", type=click.Path(dir_okay=False))
@click.option("--region", "region_column", required=True, help="Column with the region codes.")
@click.option("--industry", "industry_column", required=True, help="Column with the industry codes.")
@click.option("--value", "value_column", required=True, help="Column with the amounts (e.g. employment).")
@click.option("--year", "year_column", help="Column with the year (one matrix per year).")
@click.option("--fitness", is_flag=True, help="Add fitness (regions) and complexity (industries).")
@click.option("--mcp-threshold", default=1.0, show_default=True, type=float, help="M = 1 where RCA >= this.")
@click.option("--out", required=True, type=click.Path(file_okay=False), help="Folder for relatedness.csv, proximity.csv.")
@one_line_errors
def relatedness_command(input_csv: str, region_column: str, industry_column: str, value_column: str,
                        year_column: str | None, fitness: bool, mcp_threshold: float, out: str) -> None:
    """RCA, M, diversity, ubiquity, density, ECI, PCI, COI, COG (ecomplexity definitions) of a long table."""
    if not Path(input_csv).is_file():
        raise MappingInputError(f"{input_csv} does not exist")
    frame = pd.read_csv(input_csv, dtype={region_column: str, industry_column: str})
    if value_column in frame.columns and not pd.api.types.is_numeric_dtype(frame[value_column]):
        bad = frame[value_column][pd.to_numeric(frame[value_column], errors="coerce").isna()
                                  & frame[value_column].notna()]
        if not bad.empty:
            raise MappingInputError(f"column {value_column} has non-numeric values, e.g. {bad.iloc[0]!r}")
    result = relatedness(frame, region=region_column, industry=industry_column, value=value_column,
                         year=year_column, mcp_threshold=mcp_threshold, fitness=fitness)
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    result.cells.drop(columns="known").to_csv(folder / "relatedness.csv", index=False)
    result.proximity.to_csv(folder / "proximity.csv", index=False)
    click.echo(f"{len(result.cells)} cells ({result.summary['unknown_cells']} unknown, counted as 0) -> "
               f"{folder / 'relatedness.csv'}; {len(result.proximity)} pairs -> {folder / 'proximity.csv'}")
