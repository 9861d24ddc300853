"""The atlas's results from the mapping engine, over every year of a dataset at once (no Django).

One call gives the region x category x year table (employment, LQ, stars per criterion, completeness) on ONE
NUTS version for the whole series, the employment covered per region and year, and the regions left out because
their code cannot be carried to that version: `smartcluster.mapping.pipeline.map_tables`, the pipeline behind
`smartcluster map` too. This module adds what the atlas needs around it: parameters, per-page splits of a result,
the datasets it can map and the NACE-sections taxonomy.

Any stored dataset holding employment by region x NACE industry can be mapped (`mappable_datasets`): Eurostat's
SBS series, `nama_10r_3empers` at its own (section) level, national files, firm microdata aggregated to region x
class (rolled up to divisions). `series_join` joins the two SBS series where they meet, marking the break.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from functools import cached_property, lru_cache

import pandas as pd

from smartcluster.mapping import Taxonomy, builtin_taxonomy, relatedness
from smartcluster.mapping.frames import MappingInputError
from smartcluster.mapping.pipeline import (
    MEASURES,
    at_industry_level,
    map_tables,
    measure_rows,
    one_version,
    read_inputs,
)
from smartcluster.mapping.taxonomies import nace_sections
from smartcluster.sources.nuts_versions import recode

ENGINE_VERSION = "2"
SECTIONS = "nace_sections"
TAXONOMIES = ("cluster_categories", "smart_industry_40", "eurostat_hightech_manufacturing", "eurostat_kis",
              SECTIONS)
REFERENCES = ("all", "country")
# Employment measures a dataset may hold, preferred first (firm microdata has employees only).
EMPLOYMENT_MEASURES = ("persons_employed", "employees")
# A year covers the taxonomy's industries for a region when the region has known values for at least this share
# of the taxonomy's codes at the mapping level; a dataset-year is full when most of its regions are covered.
INDUSTRY_COVERAGE = 0.5
REGION_COVERAGE = 0.5
# Eurostat's SBS series: the 2008-2020 one and its successor from reference year 2021 (a break in series, `b`).
SERIES_SUCCESSORS = {"sbs_r_nuts06_r2": "sbs_r_nuts2021"}
BREAK_FLAG = "b"


@dataclass(frozen=True)
class Params:
    """What a result depends on besides the data: dataset, taxonomy, NUTS level, LQ/star reference, division rule,
    and the dataset's employment measure and NACE level (from `mappable_datasets`)."""

    dataset: str
    taxonomy: str = "cluster_categories"
    nuts_level: int = 2
    reference: str = "all"
    method: str = "majority"
    measure: str = MEASURES["employment"]
    industry_level: int = 2

    def as_dict(self) -> dict:
        return asdict(self)


@lru_cache(maxsize=8)
def taxonomy_named(name: str) -> Taxonomy:
    """A shipped taxonomy, or NACE sections as their own categories (for data published by section only)."""
    if name != SECTIONS:
        return builtin_taxonomy(name)
    sections = nace_sections()
    table = pd.DataFrame({"industry": sections["section"], "category": sections["section"],
                          "category_name": sections["name"], "order": range(len(sections))})
    return Taxonomy(SECTIONS, "NACE Rev. 2", "Eurostat, NACE Rev. 2 sections", "each section is its own category",
                    table, level=1)


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


def atlas_result(store: object, params: Params) -> Result:
    """Stars, LQs and employment of every region x category x year of `params.dataset` on its newest NUTS version."""
    inputs = read_inputs(store, params.dataset, nuts_level=params.nuts_level, measure=params.measure)
    taxonomy = taxonomy_named(params.taxonomy)
    result = map_tables(inputs, taxonomy, level=params.industry_level, method=params.method,
                        reference=params.reference)
    return Result(table=result.table, totals=result.totals, nuts_version=result.nuts_version,
                  left_out=result.left_out, taxonomy_label=taxonomy.label())


def division_employment(store: object, params: Params, version: int) -> pd.DataFrame:
    """Employment per region x NACE code of the dataset's mapping level x year on `version` (the relatedness
    input: divisions, or sections for data published by section)."""
    rows = measure_rows(store, params.dataset, params.measure, params.nuts_level)
    rows, _ = one_version(at_industry_level(rows, params.industry_level), version)
    return rows[rows["industry_level"] == params.industry_level][["region", "industry", "year", "value"]]


def relatedness_cells(divisions: pd.DataFrame, year: int) -> tuple[pd.DataFrame, dict]:
    """RCA, M and density of every region x division in `year`, with the count of unknown cells it rests on."""
    rows = divisions[divisions["year"] == year]
    if rows.empty:
        raise MappingInputError(f"no division employment in {year}")
    result = relatedness(rows, year=None)
    return result.cells, result.summary


@dataclass(frozen=True)
class MappableDataset:
    """A stored dataset holding employment by region x NACE industry, and how the atlas maps it."""

    dataset: str
    measure: str
    nuts_level: int
    industry_level: int
    years: tuple[int, ...]
    regions: int
    full_years: tuple[int, ...]  # years covering the taxonomy's industries for most regions
    manufacturing_only: bool
    provenance: dict = field(default_factory=dict, compare=False, hash=False)

    def params(self, *, taxonomy: str = "cluster_categories", reference: str = "all") -> Params:
        """The engine parameters of this dataset (section-level data only maps on NACE sections)."""
        taxonomy = SECTIONS if self.industry_level == 1 else taxonomy
        return Params(dataset=self.dataset, taxonomy=taxonomy, reference=reference, nuts_level=self.nuts_level,
                      measure=self.measure, industry_level=self.industry_level)

    @property
    def taxonomies(self) -> tuple[str, ...]:
        return (SECTIONS,) if self.industry_level == 1 else TAXONOMIES


def mappable_datasets(store: object, provenance: dict[str, dict] | None = None, *,
                      dataset: str | None = None) -> list[MappableDataset]:
    """Every stored dataset (or only `dataset`) with employment by NUTS region x NACE industry, in name order;
    `provenance` (dataset -> record) is attached when given."""
    found: list[MappableDataset] = []
    for measure in EMPLOYMENT_MEASURES:
        rows = store.observations(dataset, measure)
        rows = rows[rows["value"].notna() & (rows["nuts_level"] >= 1) & (rows["classification"] == "NACE_R2")
                    & ~rows["region"].str.endswith("Z")]
        for name, part in rows.groupby("dataset", sort=True):
            if any(entry.dataset == name for entry in found):
                continue  # persons employed already found for it
            entry = _mappable(str(name), measure, part, (provenance or {}).get(str(name), {}))
            if entry is not None:
                found.append(entry)
    return sorted(found, key=lambda entry: entry.dataset)


def _mappable(dataset: str, measure: str, rows: pd.DataFrame, provenance: dict) -> MappableDataset | None:
    """How one dataset's employment rows are mapped; None when they hold no NACE section or finer code."""
    levels = rows.groupby("nuts_level")["region"].nunique()
    nuts_level = 2 if 2 in levels.index else int(levels.idxmax())
    rows = rows[rows["nuts_level"] == nuts_level]
    industry_level = 2 if (rows["industry_level"] >= 2).any() else 1 if (rows["industry_level"] == 1).any() else 0
    if industry_level == 0:
        return None
    rows = at_industry_level(rows, industry_level)
    coded = rows[rows["industry_level"] == industry_level]
    taxonomy = taxonomy_named(SECTIONS if industry_level == 1 else "cluster_categories")
    wanted = set(taxonomy.at_level(industry_level)["industry"])
    held = coded[coded["industry"].isin(wanted)].groupby(["year", "region"])["industry"].nunique()
    covered = (held >= INDUSTRY_COVERAGE * len(wanted)).groupby(level="year").sum()
    regions = coded.groupby("year")["region"].nunique()
    full = covered[covered >= REGION_COVERAGE * regions.max()].index
    return MappableDataset(
        dataset=dataset, measure=measure, nuts_level=nuts_level, industry_level=industry_level,
        years=tuple(int(y) for y in sorted(regions.index)), regions=int(coded["region"].nunique()),
        full_years=tuple(int(y) for y in sorted(full)),
        manufacturing_only=bool((coded["industry"].str[0] == "C").all()), provenance=provenance)


def default_dataset(datasets: list[MappableDataset]) -> MappableDataset | None:
    """The dataset with the most recent year covering the taxonomy's industries for most regions (ties: more
    regions); where none covers them, the one with the most recent year."""
    full = [entry for entry in datasets if entry.full_years]
    if full:
        return max(full, key=lambda entry: (entry.full_years[-1], entry.regions, entry.dataset))
    return max(datasets, key=lambda entry: (entry.years[-1], entry.regions, entry.dataset), default=None)


def series_join(older: pd.DataFrame, newer: pd.DataFrame, *, version: int, value: str = "employment"
                ) -> tuple[pd.DataFrame, list[str]]:
    """Two series of one measure joined on NUTS `version` where they meet (SBS 2008-2020 -> 2021+).

    `older` and `newer` have region, nuts_version, year, `value` (and any other key columns, e.g. category). Older
    rows are carried to `version` only where every recoding step is one-to-one (`nuts_versions.recode`); a region
    whose boundary changed is not joined and is returned in the list instead. The newer series' first year carries
    Eurostat's flag `b` (break in series); where both series hold a year, the newer one is kept.
    Columns: the inputs' plus `series` ("older"/"newer") and `flags`.
    """
    pairs = older[["region", "nuts_version"]].drop_duplicates()
    target = {(code, int(v)): recode(code, int(v), version) for code, v in pairs.itertuples(index=False)}
    carried = older.assign(region=[target[(code, int(v))] for code, v in zip(older["region"], older["nuts_version"],
                                                                                strict=True)])
    not_joined = sorted({code for (code, _v), new in target.items() if new is None})
    carried = carried.dropna(subset=["region"]).assign(nuts_version=version, series="older")
    newer = newer[newer["nuts_version"] == version].assign(series="newer")
    first_new = int(newer["year"].min()) if not newer.empty else None
    carried = carried[carried["year"] < first_new] if first_new is not None else carried
    joined = pd.concat([carried, newer], ignore_index=True)
    joined["flags"] = [BREAK_FLAG if series == "newer" and year == first_new else ""
                       for series, year in zip(joined["series"], joined["year"], strict=True)]
    return joined.sort_values([*(c for c in ("region", "category") if c in joined), "year"]).reset_index(
        drop=True), not_joined
