"""The one statistics-store → mapping-table pipeline, used by `smartcluster map` and the atlas (no Django).

`read_inputs` is the only step touching the store; every other function takes DataFrames and returns DataFrames:
rows at one NACE level, carried to one NUTS version, summed into a taxonomy's categories, rated (LQ, stars) and
laid out as the documented map table (`MAP_COLUMNS`). `map_tables` rates every year given at once (the atlas);
`year_table` is one year of it with the CLI's choices (latest year, growth period, one region or category).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import pandas as pd

from smartcluster.mapping.frames import MappingInputError
from smartcluster.mapping.location_quotient import covered_employment
from smartcluster.mapping.stars import Reference, star_ratings
from smartcluster.mapping.taxonomies import Taxonomy, category_employment, roll_up
from smartcluster.sources.nuts_versions import on_version

MAP_COLUMNS = ["region", "nuts_version", "year", "category", "category_name", "employment", "establishments",
               "lq", "size_star", "specialisation_star", "focus_star", "productivity_star", "dynamism_star", "stars",
               "completeness", "reference", "taxonomy"]
MEASURES = {"employment": "persons_employed", "wages": "wages_and_salaries", "establishments": "local_units"}
ROW_COLUMNS = ["region", "nuts_version", "industry", "industry_level", "year", "value", "flags"]


@dataclass(frozen=True)
class Inputs:
    """The stored rows a map table is computed from (ROW_COLUMNS each) and what they are, for messages."""

    dataset: str
    nuts_level: int
    employment: pd.DataFrame = field(repr=False)
    wages: pd.DataFrame = field(repr=False)
    establishments: pd.DataFrame = field(repr=False)
    measure: str = MEASURES["employment"]

    def in_years(self, years: list[int]) -> Inputs:
        """The same inputs restricted to `years`."""
        def kept(rows: pd.DataFrame) -> pd.DataFrame:
            return rows[rows["year"].isin(years)]
        return replace(self, employment=kept(self.employment), wages=kept(self.wages),
                       establishments=kept(self.establishments))


@dataclass(frozen=True)
class MapTables:
    """Rated rows (MAP_COLUMNS) of every year given, employment covered per region and year, the NUTS version they
    are on and, per year, the region codes that could not be carried to it."""

    table: pd.DataFrame
    totals: pd.DataFrame
    nuts_version: int
    left_out: dict[int, list[str]]


def measure_rows(store: object, dataset: str, measure: str, nuts_level: int) -> pd.DataFrame:
    """One measure of a stored dataset at a NUTS level (ROW_COLUMNS), without extra-regio codes (…Z)."""
    rows = store.observations(dataset, measure, nuts_level=nuts_level)
    return rows.loc[~rows["region"].str.endswith("Z"), ROW_COLUMNS]


def read_inputs(store: object, dataset: str, *, nuts_level: int = 2,
                measure: str = MEASURES["employment"]) -> Inputs:
    """Employment (`measure`), wages and establishments of `dataset` from the statistics store; refused when the
    store holds no known employment value for it."""
    employment = measure_rows(store, dataset, measure, nuts_level)
    if employment["value"].notna().sum() == 0:
        raise MappingInputError(f"the statistics store has no {measure} of {dataset} at NUTS level {nuts_level}: "
                                "import the dataset first")
    return Inputs(dataset=dataset, nuts_level=nuts_level, employment=employment, measure=measure,
                  wages=measure_rows(store, dataset, MEASURES["wages"], nuts_level),
                  establishments=measure_rows(store, dataset, MEASURES["establishments"], nuts_level))


def at_industry_level(rows: pd.DataFrame, level: int) -> pd.DataFrame:
    """Rows at NACE `level` and the section rows (the completeness bounds); codes published only finer (firm
    microdata by class) summed up to `level` first; aggregates such as B-E (level 0) dropped."""
    if not (rows["industry_level"] == level).any() and (rows["industry_level"] > level).any():
        finer = rows[rows["industry_level"] > level].drop(columns=["industry_level", "flags"])
        rolled = roll_up(finer, level).drop(columns="unknown_cells")
        rows = pd.concat([rows[rows["industry_level"] <= level], rolled.assign(industry_level=level, flags="")],
                         ignore_index=True)
    return rows[rows["industry_level"].isin({1, level})]


def one_version(rows: pd.DataFrame, version: int) -> tuple[pd.DataFrame, dict[int, list[str]]]:
    """Rows carried to `version` where the recoding is one-to-one (never stitched otherwise) and, per year, the
    region codes that could not be carried; a row published in `version` wins over a recoded one."""
    moved = on_version(rows.assign(native=rows["nuts_version"] == version), version)
    kept = (moved[moved["nuts_version"] == version]
            .sort_values(["native", "value"], ascending=[False, True], na_position="last")
            .drop_duplicates(["region", "year", "industry"]).drop(columns="native"))
    stranded = moved[moved["nuts_version"] != version]
    left_out = {int(year): sorted(set(group["region"])) for year, group in stranded.groupby("year")}
    return kept, left_out


def category_measure(rows: pd.DataFrame, taxonomy: Taxonomy, *, version: int, level: int = 2,
                     method: str = "majority", class_weights: pd.DataFrame | None = None) -> pd.DataFrame | None:
    """A measure (wages, establishments) summed into categories on `version`, only where every cell is known;
    None when there are no rows."""
    rows = at_industry_level(rows, level)
    if rows.empty:
        return None
    rows, _ = one_version(rows, version)
    summed = category_employment(rows.drop(columns="nuts_version"), taxonomy, level=level, method=method,
                                 class_weights=class_weights)
    return summed[summed["unknown_cells"] == 0]


def map_tables(inputs: Inputs, taxonomy: Taxonomy, *, version: int | None = None, level: int = 2,
               method: str = "majority", class_weights: pd.DataFrame | None = None, reference: Reference = "all",
               growth_period: tuple[int, int] | None = None) -> MapTables:
    """Employment, establishments, LQ and stars of every region x category x year of `inputs` on one NUTS version
    (default: the newest in the rows), at NACE `level`; stars are rated per year among that year's regions."""
    employment = at_industry_level(inputs.employment, level)
    version = version if version is not None else int(employment["nuts_version"].max())
    employment, left_out = one_version(employment, version)
    if employment.empty:
        raise MappingInputError(f"{inputs.dataset} has no regions of NUTS version {version}")
    categories = category_employment(employment, taxonomy, level=level, method=method, class_weights=class_weights)
    if categories.empty:
        raise MappingInputError(f"{inputs.dataset} holds no industry of the taxonomy {taxonomy.name} at NACE "
                                f"level {level}")
    by_category = {"taxonomy": taxonomy, "version": version, "level": level, "method": method,
                   "class_weights": class_weights}
    totals = covered_employment(employment, level=level)
    rated = star_ratings(categories, totals, reference=reference, wages=category_measure(inputs.wages, **by_category),
                         growth_period=growth_period)
    rated = rated.rename(columns={"value": "employment", "known_share": "completeness"})
    units = category_measure(inputs.establishments, **by_category)
    if units is not None:
        rated = rated.merge(units.rename(columns={"value": "establishments"})[
            ["region", "year", "category", "establishments"]], on=["region", "year", "category"], how="left")
    rated["taxonomy"] = taxonomy.label()
    return MapTables(table=rated.reindex(columns=MAP_COLUMNS).reset_index(drop=True),
                     totals=totals.rename(columns={"value": "employment_covered"}).reset_index(drop=True),
                     nuts_version=version, left_out=left_out)


def latest_year(rows: pd.DataFrame) -> int:
    """The latest year with a known value."""
    return int(rows.dropna(subset=["value"])["year"].max())


def year_table(inputs: Inputs, taxonomy: Taxonomy, *, year: int | None = None, since: int | None = None,
               nuts_version: int | None = None, method: str = "majority", class_weights: pd.DataFrame | None = None,
               reference: Reference = "all", region: str | None = None, category: str | None = None) -> MapTables:
    """`map_tables` of one year (default: the latest with employment), its table narrowed to `region` or
    `category`; the dynamism star rates growth since `since`; NUTS version default: the newest in that year."""
    year = year if year is not None else latest_year(inputs.employment)
    inputs = inputs.in_years([y for y in (since, year) if y is not None])
    in_year = inputs.employment[inputs.employment["year"] == year]
    if in_year.empty:
        raise MappingInputError(f"no employment data for {year}")
    version = nuts_version if nuts_version is not None else int(in_year["nuts_version"].max())
    result = map_tables(inputs, taxonomy, version=version, method=method, class_weights=class_weights,
                        reference=reference, growth_period=(since, year) if since else None)
    totals = result.totals[result.totals["year"] == year]
    if totals.empty:
        raise MappingInputError(f"no regions of NUTS version {version} in {year}")
    if region and region not in set(totals["region"]):
        raise MappingInputError(f"region {region} has no employment data in {inputs.dataset} for {year} at NUTS "
                                f"level {inputs.nuts_level}")
    table = result.table[result.table["year"] == year]
    if category and category not in set(table["category"]):
        raise MappingInputError(f"category {category} is not in taxonomy {taxonomy.label()}")
    if region:
        table = table[table["region"] == region]
    if category:
        table = table[table["category"] == category]
    return replace(result, table=table.reset_index(drop=True), totals=totals.reset_index(drop=True))
