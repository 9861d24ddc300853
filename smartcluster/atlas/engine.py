"""The atlas's results from the mapping engine, over every year of a dataset at once (no Django).

One call gives the region x category x year table (employment, LQ, stars per criterion, completeness) on ONE
NUTS version for the whole series, the employment covered per region and year, and the regions left out because
their code cannot be carried to that version. Per year it equals `smartcluster.mapping.cli.map_table` with the
same `nuts_version` (the stars and LQs are computed per year by the same library functions).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from functools import cached_property

import pandas as pd

from smartcluster.mapping import (
    builtin_taxonomy,
    category_employment,
    covered_employment,
    relatedness,
    star_ratings,
)
from smartcluster.mapping.cli import MAP_COLUMNS
from smartcluster.mapping.frames import MappingInputError
from smartcluster.sources.nuts_versions import on_version

ENGINE_VERSION = "1"
DEFAULT_DATASET = "sbs_r_nuts06_r2"
TAXONOMIES = ("cluster_categories", "smart_industry_40", "eurostat_hightech_manufacturing", "eurostat_kis")
REFERENCES = ("all", "country")
MEASURES = {"employment": "persons_employed", "wages": "wages_and_salaries", "establishments": "local_units"}


@dataclass(frozen=True)
class Params:
    """What a result depends on besides the data: dataset, taxonomy, NUTS level, LQ/star reference, division rule."""

    dataset: str = DEFAULT_DATASET
    taxonomy: str = "cluster_categories"
    nuts_level: int = 2
    reference: str = "all"
    method: str = "majority"

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class Result:
    """All years of one dataset: the map table, employment covered per region and year, what was left out."""

    table: pd.DataFrame
    totals: pd.DataFrame
    nuts_version: int
    left_out: dict[int, list[str]] = field(default_factory=dict)
    taxonomy_label: str = ""

    def __post_init__(self) -> None:
        # Pages split these tables into hundreds of pieces, and pandas deep-copies attrs into every piece; what
        # the attrs held (thresholds, superseded codes) is no longer needed here.
        self.table.attrs, self.totals.attrs = {}, {}

    @cached_property
    def years(self) -> list[int]:
        return sorted(int(y) for y in self.totals["year"].unique())

    # Pages read one region's or one year's rows: split the tables once per result instead of scanning them per view.
    @cached_property
    def _table_by(self) -> dict[str, dict]:
        return {key: dict(tuple(self.table.groupby(key, sort=False))) for key in ("region", "year")}

    @cached_property
    def _totals_by(self) -> dict[str, dict]:
        return {key: dict(tuple(self.totals.groupby(key, sort=False))) for key in ("region", "year")}

    def region_rows(self, code: str) -> pd.DataFrame:
        """The region x category rows of one region, all years."""
        return self._table_by["region"].get(code, self.table.iloc[0:0])

    def year_rows(self, year: int) -> pd.DataFrame:
        """The region x category rows of one year."""
        return self._table_by["year"].get(year, self.table.iloc[0:0])

    def region_totals(self, code: str) -> pd.DataFrame:
        """Employment covered of one region by year."""
        return self._totals_by["region"].get(code, self.totals.iloc[0:0])

    def year_totals(self, year: int) -> pd.DataFrame:
        """Employment covered of every region in one year."""
        return self._totals_by["year"].get(year, self.totals.iloc[0:0])


def measure_rows(store: object, dataset: str, measure: str, nuts_level: int) -> pd.DataFrame:
    """One measure of a dataset at a NUTS level, without extra-regio codes."""
    rows = store.observations(dataset, measure, nuts_level=nuts_level)
    rows = rows[~rows["region"].str.endswith("Z")]
    return rows[["region", "nuts_version", "industry", "industry_level", "year", "value", "flags"]]


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


def atlas_result(store: object, params: Params) -> Result:
    """Stars, LQs and employment of every region x category x year of `params.dataset` on its newest NUTS version."""
    employment = measure_rows(store, params.dataset, MEASURES["employment"], params.nuts_level)
    if employment["value"].notna().sum() == 0:
        raise MappingInputError(f"the statistics store has no persons employed of {params.dataset} at NUTS level "
                                f"{params.nuts_level}: import the dataset first")
    version = int(employment["nuts_version"].max())
    employment, left_out = one_version(employment, version)
    taxonomy = builtin_taxonomy(params.taxonomy)
    categories = category_employment(employment, taxonomy, level=2, method=params.method)
    wages = _category_measure(store, params, taxonomy, version)
    totals = covered_employment(employment)
    rated = star_ratings(categories, totals, reference=params.reference, wages=wages)
    rated = rated.rename(columns={"value": "employment", "known_share": "completeness"})
    units = _category_measure(store, params, taxonomy, version, measure=MEASURES["establishments"])
    if units is not None:
        rated = rated.merge(units.rename(columns={"value": "establishments"})[
            ["region", "year", "category", "establishments"]], on=["region", "year", "category"], how="left")
    rated["taxonomy"] = taxonomy.label()
    table = rated.reindex(columns=MAP_COLUMNS).reset_index(drop=True)
    totals = totals.rename(columns={"value": "employment_covered"})
    return Result(table=table, totals=totals.reset_index(drop=True), nuts_version=version, left_out=left_out,
                  taxonomy_label=taxonomy.label())


def _category_measure(store: object, params: Params, taxonomy: object, version: int,
                      measure: str = MEASURES["wages"]) -> pd.DataFrame | None:
    """A measure summed into categories on `version`, only where every cell is known (as the CLI does)."""
    rows = measure_rows(store, params.dataset, measure, params.nuts_level)
    if rows.empty:
        return None
    rows, _ = one_version(rows, version)
    summed = category_employment(rows.drop(columns="nuts_version"), taxonomy, level=2, method=params.method)
    return summed[summed["unknown_cells"] == 0]


def division_employment(store: object, params: Params, version: int) -> pd.DataFrame:
    """Persons employed per region x NACE division x year on `version` (the relatedness input)."""
    rows = measure_rows(store, params.dataset, MEASURES["employment"], params.nuts_level)
    rows, _ = one_version(rows, version)
    return rows[rows["industry_level"] == 2][["region", "industry", "year", "value"]]


def relatedness_cells(divisions: pd.DataFrame, year: int) -> tuple[pd.DataFrame, dict]:
    """RCA, M and density of every region x division in `year`, with the count of unknown cells it rests on."""
    rows = divisions[divisions["year"] == year]
    if rows.empty:
        raise MappingInputError(f"no division employment in {year}")
    result = relatedness(rows, year=None)
    return result.cells, result.summary
