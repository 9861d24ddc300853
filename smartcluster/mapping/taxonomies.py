"""Taxonomies over NACE Rev. 2: the hierarchy roll-up, cluster categories, Eurostat and Smart Industry 4.0 groupings.

Industry codes use Eurostat's notation: section `C`, division `C10`, group `C101`, class `C1011`
(level 1 section, 2 division, 3 group, 4 class). Each taxonomy carries its name, version, source and rule (see taxonomies/README.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

from smartcluster.mapping.frames import MappingInputError, key_columns, require_columns

DATA = files("smartcluster.mapping") / "taxonomies"
LEVELS = {1: "section", 2: "division", 3: "group", 4: "class"}


def _per_distinct(codes: pd.Series, function: callable) -> pd.Series:
    """`function` of each code, computed once per distinct code (string methods on 10^5 rows are slow)."""
    positions, distinct = pd.factorize(codes.astype(str))
    results = np.array([function(code) for code in distinct], dtype=object)
    return pd.Series(results[positions] if len(distinct) else [], index=codes.index)


def industry_level(codes: pd.Series) -> pd.Series:
    """NACE level of Eurostat-notation codes: 1 section, 2 division, 3 group, 4 class."""
    return _per_distinct(codes, lambda code: max(len(code) - 1, 1)).astype(int)


def truncate_to_level(codes: pd.Series, level: int) -> pd.Series:
    """The ancestor of each code at `level` (codes already coarser stay as they are)."""
    end = 1 if level == 1 else level + 1
    return _per_distinct(codes, lambda code: code[:end])


@lru_cache(maxsize=1)
def nace_sections() -> pd.DataFrame:
    """NACE Rev. 2 sections with their division ranges (package data)."""
    return pd.read_csv(DATA / "nace_sections.csv", dtype={"section": str})


def section_of_division(division: int) -> str:
    """Section letter of a 2-digit NACE division number (e.g. 26 -> 'C')."""
    sections = nace_sections()
    match = sections[(sections["first_division"] <= division) & (sections["last_division"] >= division)]
    if match.empty:
        raise MappingInputError(f"{division:02d} is not a NACE Rev. 2 division")
    return str(match["section"].iloc[0])


def roll_up(frame: pd.DataFrame, level: int, *, industry: str = "industry", value: str = "value") -> pd.DataFrame:
    """Sum finer NACE codes to `level`; unknown (NaN) cells are skipped and counted in `unknown_cells`.

    >>> roll_up(pd.DataFrame({"region": ["X", "X"], "industry": ["C1011", "C1012"], "value": [2.0, 3.0]}), 2)
    """
    require_columns(frame, [industry, value], "roll_up input")
    finer = frame[industry_level(frame[industry]) > level]
    keys = [c for c in frame.columns if c not in (industry, value, "industry_level", "flags", "measure_unit")]
    rolled = finer.assign(**{industry: truncate_to_level(finer[industry], level)})
    grouped = rolled.groupby([*keys, industry], dropna=False)[value]
    out = grouped.sum(min_count=1).to_frame(value)
    out["unknown_cells"] = grouped.apply(lambda s: int(s.isna().sum()))
    return out.reset_index()


@dataclass(frozen=True)
class Taxonomy:
    """A grouping of NACE codes into categories: `table` has industry, category, category_name, order.

    `level` is the NACE level the taxonomy is defined at: finer codes of a coarser-defined taxonomy (J58.2 in a
    division-level one) are not carried up to their parent, they stay unmapped at the coarser level.
    """

    name: str
    version: str
    source: str
    rule: str
    table: pd.DataFrame = field(repr=False)
    level: int = 4

    def at_level(self, level: int, *, method: str = "majority",
                 class_weights: pd.DataFrame | None = None) -> pd.DataFrame:
        """Industry -> category weights at NACE `level` (columns industry, category, category_name, weight[, country]).

        Finer codes are carried up by `method`: "majority" gives a coarser code the category holding most of its
        finer codes (ties: lower `order`, i.e. traded before local for cluster categories); "apportion" splits it by
        `class_weights` (columns industry, value[, country]: national employment of the finer codes).
        """
        table = self.table.assign(level=industry_level(self.table["industry"]))
        exact = table[table["level"] == level].assign(weight=1.0)
        finer = table[table["level"] > level]
        if finer.empty or self.level <= level:
            carried = exact.iloc[0:0]
        elif method == "majority":
            carried = _majority(finer, level)
        elif method == "apportion":
            carried = _apportion(finer, level, class_weights)
        else:
            raise MappingInputError(f"unknown division method {method!r}: use 'majority' or 'apportion'")
        carried = carried[~carried["industry"].isin(exact["industry"])]
        columns = ["industry", "category", "category_name", "weight", "order"]
        if "country" in carried.columns:
            columns.append("country")
        return pd.concat([exact, carried], ignore_index=True).reindex(columns=columns)

    def unmapped_at_level(self, level: int) -> list[str]:
        """Codes finer than `level` that data at `level` cannot separate (e.g. J582 with division data)."""
        if self.level > level:
            return []
        codes = self.table["industry"]
        return sorted(codes[industry_level(codes) > level].tolist())

    def label(self) -> str:
        """'name version' as printed in results."""
        return f"{self.name} {self.version}"


def _majority(finer: pd.DataFrame, level: int) -> pd.DataFrame:
    counted = (finer.assign(parent=truncate_to_level(finer["industry"], level))
               .groupby(["parent", "category", "category_name", "order"], as_index=False).size())
    best = counted.sort_values(["parent", "size", "order"], ascending=[True, False, True]).drop_duplicates("parent")
    return best.rename(columns={"parent": "industry"}).assign(weight=1.0).drop(columns="size")


def _apportion(finer: pd.DataFrame, level: int, class_weights: pd.DataFrame | None) -> pd.DataFrame:
    if class_weights is None:
        raise MappingInputError("apportioning needs class_weights: national employment of the finer NACE codes")
    require_columns(class_weights, ["industry", "value"], "class_weights")
    by = ["country"] if "country" in class_weights.columns else []
    weights = class_weights.assign(parent=truncate_to_level(class_weights["industry"], level))
    weights = weights[industry_level(weights["industry"]) > level]
    weights["share"] = weights["value"] / weights.groupby([*by, "parent"])["value"].transform("sum")
    joined = weights.merge(finer[["industry", "category", "category_name", "order"]], on="industry")
    # a category whose class shares are all unknown gets an unknown weight, not 0
    shares = (joined.groupby([*by, "parent", "category", "category_name", "order"])["share"].sum(min_count=1)
              .reset_index())
    return shares.rename(columns={"parent": "industry", "share": "weight"})


def _from_categories(name: str, version: str, source: str, rule: str, categories: dict,
                     level: int | None = None) -> Taxonomy:
    rows = [
        {"industry": str(code).replace(".", ""), "category": str(key),
         "category_name": str(spec.get("name", key)), "order": order}
        for order, (key, spec) in enumerate(categories.items())
        for code in spec["industries"]
    ]
    table = pd.DataFrame(rows, columns=["industry", "category", "category_name", "order"])
    duplicated = table[table["industry"].duplicated()]["industry"].tolist()
    if duplicated:
        raise MappingInputError(f"taxonomy {name}: code(s) {', '.join(duplicated)} are in more than one category")
    native = level if level is not None else int(industry_level(table["industry"]).max()) if len(table) else 2
    return Taxonomy(name, version, source, rule, table, native)


def load_taxonomy(path: str | Path, *, name: str | None = None, version: str = "user") -> Taxonomy:
    """Read a user taxonomy from YAML (name, version, source, rule, categories) or CSV (industry, category[, category_name]).

    >>> load_taxonomy("my_clusters.csv", version="2026-01").label()
    """
    path = Path(path)
    if not path.is_file():
        raise MappingInputError(f"taxonomy file {path} does not exist")
    if path.suffix.lower() in (".yaml", ".yml"):
        try:
            spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as error:
            raise MappingInputError(f"taxonomy file {path} is not valid YAML: {error}") from error
        if not isinstance(spec, dict) or not isinstance(spec.get("categories"), dict):
            raise MappingInputError(f"taxonomy file {path} needs a 'categories' mapping")
        return _from_categories(spec.get("name", name or path.stem), str(spec.get("version", version)),
                                spec.get("source", str(path)), spec.get("rule", ""), spec["categories"],
                                spec.get("level"))
    table = pd.read_csv(path, dtype=str)
    require_columns(table, ["industry", "category"], f"taxonomy file {path}")
    categories: dict[str, dict] = {}
    for row in table.itertuples():
        spec = categories.setdefault(row.category, {"name": getattr(row, "category_name", row.category),
                                                    "industries": []})
        spec["industries"].append(row.industry)
    return _from_categories(name or path.stem, version, str(path), "user-supplied table", categories)


def builtin_taxonomy(name: str) -> Taxonomy:
    """One of the shipped taxonomies: cluster_categories, eurostat_hightech_manufacturing, eurostat_kis, smart_industry_40."""
    if name == "cluster_categories":
        return cluster_categories()
    path = Path(str(DATA / f"{name}.yaml"))
    if not path.is_file():
        raise MappingInputError(f"unknown taxonomy {name!r}: use one of {', '.join(BUILTIN)} or a file path")
    return load_taxonomy(path)


def cluster_categories() -> Taxonomy:
    """NACE class -> US benchmark cluster category, derived by scripts/derive_cluster_categories.py."""
    table = pd.read_csv(DATA / "cluster_categories_nace.csv", dtype={"industry": str, "nace": str})
    table = pd.DataFrame({
        "industry": table["industry"], "category": table["cluster_code"].astype(str),
        "category_name": table["cluster_name"], "order": table["cluster_code"].astype(int),
    })
    return Taxonomy(
        "cluster_categories", "DPS2016-NAICS2017-NACE2",
        "US benchmark cluster definitions (Delgado, Porter & Stern 2016) through the NAICS 2017 -> NACE Rev. 2 "
        "correspondence (Eurostat)",
        "a NACE class takes the cluster most of its corresponding NAICS codes belong to; ties: traded before "
        "local, then the lower cluster code", table, level=4)


BUILTIN = ("cluster_categories", "eurostat_hightech_manufacturing", "eurostat_kis", "smart_industry_40")
NAMED = (*BUILTIN, "nace_sections")  # the taxonomies whose category names are shipped in taxonomies/names/
RULES = "rules"  # the key of the taxonomies' rules in a names file


@lru_cache(maxsize=16)
def _names_file(language: str) -> dict[str, dict[str, str]]:
    path = Path(str(DATA / "names" / f"{language}.yaml"))
    if not path.is_file():
        return {}
    try:
        names = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise MappingInputError(f"taxonomies/names/{path.name} is not valid YAML: {error}") from error
    if not isinstance(names, dict) or not all(isinstance(n, dict) for n in names.values()):
        raise MappingInputError(f"taxonomies/names/{path.name}: expected {{taxonomy: {{category: name}}}}")
    return {str(t): {str(k): str(v) for k, v in n.items()} for t, n in names.items()}


def translated_category_names(taxonomy: str, language: str) -> dict[str, str]:
    """The shipped names of a taxonomy's categories in `language` ("el", "de-at" reads "de"), by category key;
    empty for English, a user taxonomy or a language without names (callers keep the English names)."""
    return {} if taxonomy == RULES else _names_file(language.split("-")[0].lower()).get(taxonomy, {})


def translated_taxonomy_rule(taxonomy: str, language: str) -> str:
    """A shipped taxonomy's rule in `language`, as readers see it (empty where not shipped: keep the English)."""
    return _names_file(language.split("-")[0].lower()).get(RULES, {}).get(taxonomy, "")


def category_employment(frame: pd.DataFrame, taxonomy: Taxonomy, *, level: int = 2, method: str = "majority",
                        class_weights: pd.DataFrame | None = None) -> pd.DataFrame:
    """Sum employment (column `value`) of the codes at `level` into the taxonomy's categories per region and year.

    Unknown cells (NaN) are skipped, never read as 0: `unknown_cells` counts them and `known_share` is the known
    employment over known + an upper bound of the unknown (the residual of each section total, when the input has
    section rows), so it is a lower bound of the true known share. Columns: region, [nuts_version,] year,
    category, category_name, value, cells, unknown_cells, known_share, taxonomy, taxonomy_version.
    """
    require_columns(frame, ["region", "industry", "year", "value"], "employment input")
    keys = key_columns(frame, "region", "year")
    # integer ids for region x year (x NUTS version), industry and section: every join and group runs on integers
    cell = frame.groupby(keys, sort=False, dropna=False).ngroup().to_numpy()
    positions, distinct = pd.factorize(frame["industry"])
    distinct = pd.Index(distinct.astype(str))
    levels = industry_level(pd.Series(distinct)).to_numpy()[positions]
    sections = pd.factorize(truncate_to_level(pd.Series(distinct), 1))[0][positions]
    values = frame["value"].to_numpy(dtype=float)
    mapping = taxonomy.at_level(level, method=method, class_weights=class_weights)
    mapping = mapping.assign(code=distinct.get_indexer(mapping["industry"]))
    at_level = levels == level
    codes = pd.DataFrame({"cell": cell[at_level], "section": sections[at_level], "value": values[at_level],
                          "code": positions[at_level]})
    if "country" in mapping.columns and mapping["country"].notna().any():
        codes["country"] = _per_distinct(frame["region"], lambda code: code[:2]).to_numpy()[at_level]
        joined = codes.merge(mapping.drop(columns="industry"), on=["code", "country"], how="inner")
    else:
        joined = codes.merge(mapping.drop(columns=["industry", "country"], errors="ignore"), on="code", how="inner")
    joined["weighted"] = joined["value"] * joined["weight"]
    joined["unknown"] = joined["value"].isna()
    residual = _section_residuals(cell, sections, values, levels, level)
    joined["bound"] = (residual.reindex(pd.MultiIndex.from_arrays([joined["cell"], joined["section"]])).to_numpy()
                       * joined["weight"].to_numpy())
    grouped = joined.groupby(["cell", "order"])
    out = grouped.agg(cells=("code", "size"), unknown_cells=("unknown", "sum"))
    # a category whose cells are all unknown is unknown, not 0 (pandas sums an all-NaN group to 0 by default)
    out["value"] = grouped["weighted"].sum(min_count=1)
    out["bound"] = _category_bounds(joined[joined["unknown"]]).reindex(out.index)
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(out["unknown_cells"] == 0, 1.0, out["value"] / (out["value"] + out["bound"]))
    out["known_share"] = np.where(out["value"].isna(), 0.0, share)
    out = out.drop(columns="bound").reset_index()
    first = ~pd.Series(cell).duplicated().to_numpy()
    key_rows = frame.loc[first, keys].set_axis(cell[first])
    names = mapping.drop_duplicates("order").set_index("order")[["category", "category_name"]]
    out = pd.concat([key_rows.reindex(out["cell"]).reset_index(drop=True),
                     names.reindex(out["order"]).reset_index(drop=True),
                     out[["value", "cells", "unknown_cells", "known_share"]]], axis=1)
    out = out.assign(taxonomy=taxonomy.name, taxonomy_version=taxonomy.version)
    return out.sort_values(keys, kind="stable").reset_index(drop=True)


def _section_residuals(cell: np.ndarray, sections: np.ndarray, values: np.ndarray, levels: np.ndarray,
                       level: int) -> pd.Series:
    """Per region x year and section: the section total minus its known codes at `level` (an upper bound of the
    unknown ones; NaN when the section total itself is unknown)."""
    fine = levels == level
    known = pd.Series(values[fine]).groupby([cell[fine], sections[fine]]).sum()
    top = levels == 1
    totals = pd.Series(values[top], index=pd.MultiIndex.from_arrays([cell[top], sections[top]]))
    totals = totals[~totals.index.duplicated()]
    return (totals - known.reindex(totals.index).fillna(0)).clip(lower=0)


def _category_bounds(unknown: pd.DataFrame) -> pd.Series:
    """Upper bound of a category's unknown employment: per section the largest residual share, summed over sections."""
    # unknown codes of one section share that section's residual, so it is counted once, not once per code
    cells = unknown.assign(missing=unknown["bound"].isna())
    per_section = cells.groupby(["cell", "order", "section"]).agg(bound=("bound", "max"), missing=("missing", "any"))
    per_section["bound"] = per_section["bound"].mask(per_section["missing"])
    summed = per_section.groupby(["cell", "order"]).agg(bound=("bound", "sum"), missing=("missing", "any"))
    return summed["bound"].mask(summed["missing"])
