"""Reads of the atlas: region, category and comparison figures from the cached engine results, region names,
peer groups, boundaries and the generated summaries. Every figure comes from `engine.atlas_result` unchanged."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from pathlib import PurePath

import numpy as np
import pandas as pd
from django.utils.translation import gettext as _

from smartcluster.atlas import cache
from smartcluster.atlas.engine import (
    REFERENCES,
    SERIES_SUCCESSORS,
    MappableDataset,
    Params,
    Result,
    default_dataset,
    division_employment,
    mappable_datasets,
    relatedness_cells,
    series_join,
    taxonomy_named,
)
from smartcluster.atlas.models import Focus
from smartcluster.mapping import Taxonomy, emerging_strengths, related_industries
from smartcluster.mapping.frames import MappingInputError
from smartcluster.regions.selectors import region_boundaries, region_names
from smartcluster.reports.tables import number_text
from smartcluster.statistics import StatisticsStore

STAR_COLUMNS = ["size_star", "specialisation_star", "focus_star", "productivity_star"]
SUMMARY_CATEGORIES = 3
TREND_CATEGORIES = 5
MIN_YEAR_COVERAGE = 0.8


class AtlasNotFound(Exception):
    """A region, category or year the data does not hold; `available` says what exists."""

    def __init__(self, message: str, available: list[str]) -> None:
        super().__init__(message)
        self.message = message
        self.available = available


class AtlasUnavailable(Exception):
    """The statistics store lacks what the atlas needs; the message says what, never where the store lives."""


@dataclass(frozen=True)
class Selection:
    """The parameters and the year a page shows."""

    params: Params
    year: int


def taxonomy_get(*, name: str) -> Taxonomy:
    """A shipped taxonomy, read once per process (the files only change with a release)."""
    return taxonomy_named(name)


def statistics_store() -> StatisticsStore:
    return StatisticsStore()


_listing_memo: dict[tuple, pd.DataFrame] = {}


def datasets_listing() -> pd.DataFrame:
    """The store's dataset listing, re-read only when the store file changed (the listing scans every row)."""
    store = statistics_store()
    stamp = (str(store.path), store.path.stat().st_mtime, store.path.stat().st_size) if store.path.exists() else ()
    if stamp not in _listing_memo:
        _listing_memo.clear()
        _listing_memo[stamp] = store.datasets()
    return _listing_memo[stamp]


def datasets_mappable() -> list[MappableDataset]:
    """The stored datasets holding employment by region x NACE industry, with their provenance (computed once per
    store contents, see `cache.catalogue_cached`)."""
    listing = datasets_listing()
    provenance = {row["dataset"]: row for row in listing.to_dict(orient="records")}

    def compute() -> list[dict]:
        return [{**asdict(entry), "provenance": {}} for entry in mappable_datasets(statistics_store())]

    entries = cache.catalogue_cached(store_contents(), compute)
    return [MappableDataset(**{**entry, "years": tuple(entry["years"]), "full_years": tuple(entry["full_years"]),
                               "provenance": provenance.get(entry["dataset"], {})}) for entry in entries]


def dataset_chosen(*, name: str | None) -> MappableDataset:
    """The dataset a page shows: `name` when it is a mappable stored dataset, the default when empty;
    AtlasNotFound listing the datasets otherwise, AtlasUnavailable when there is none."""
    datasets = datasets_mappable()
    if not datasets:
        raise AtlasUnavailable(_("No statistics loaded yet: the statistics store holds no employment by region "
                                 "and industry."))
    if not name:
        return default_dataset(datasets)
    for entry in datasets:
        if entry.dataset == name:
            return entry
    raise AtlasNotFound(_("There is no dataset %(name)s with employment by region and industry.") % {"name": name},
                        [entry.dataset for entry in datasets])


def atlas_params(*, dataset: MappableDataset, taxonomy: str = "cluster_categories",
                 reference: str = "all") -> Params:
    """Parameters checked against what the atlas offers for the dataset (unknown values fall back to defaults)."""
    taxonomy = taxonomy if taxonomy in dataset.taxonomies else dataset.taxonomies[0]
    return dataset.params(taxonomy=taxonomy, reference=reference if reference in REFERENCES else "all")


# Eurostat datasets the atlas names by their series; any other Eurostat code is named by its code.
EUROSTAT_SERIES = {"sbs_r_nuts06_r2": "Eurostat SBS", "sbs_r_nuts2021": "Eurostat SBS",
                   "nama_10r_3empers": "Eurostat regional accounts"}
UPLOAD_PREFIX = re.compile(r"^[0-9a-f]{32}-")
# A file path (absolute, home-relative, Windows, or relative without spaces), as opposed to an address or a text.
FILE_PATH = re.compile(r"^(/|~|[A-Za-z]:[\\/]|(?![a-z][a-z0-9+.-]*://)[^\s]+$)")


def eurostat_code(*, dataset: MappableDataset | str, source: str = "") -> str | None:
    """The Eurostat dataset code a stored dataset came from (its name or its source address), None for files."""
    from smartcluster.sources.eurostat import SPECS

    name = dataset if isinstance(dataset, str) else dataset.dataset
    source = source or ("" if isinstance(dataset, str) else str(dataset.provenance.get("source", "")))
    known = {*SPECS, *EUROSTAT_SERIES}
    if name in known:
        return name
    match = re.search(r"/data/([A-Za-z0-9_]+)", source) if source.startswith(("http://", "https://")) else None
    if match:
        return match.group(1).lower()
    return next((code for code in sorted(known, key=len, reverse=True) if name.startswith(code)), None)


def source_shown(source: str) -> str:
    """A dataset's source as shown to users: a web address or a description as it is, a file by its name only
    (never the server's path; an upload's storage prefix dropped)."""
    source = str(source or "")
    if not FILE_PATH.match(source):
        return source
    return UPLOAD_PREFIX.sub("", PurePath(source.replace("\\", "/")).name)


def dataset_vintage(*, dataset: MappableDataset) -> dict[str, str]:
    """What the page says about its data: a label ("Eurostat SBS, extracted 2017, years 2008–2015"), the source
    as shown, and how to refresh it."""
    provenance = dataset.provenance
    code = eurostat_code(dataset=dataset)
    source = source_shown(str(provenance.get("source", "")))
    if code:
        origin = EUROSTAT_SERIES.get(code, f"Eurostat {code}")
        refresh = _("To refresh it from the official source when online, an administrator imports the Eurostat "
                    "code %(code)s again on Mapping → Data status (or runs smartcluster import eurostat "
                    "%(code)s).") % {"code": code}
    else:
        origin = _("file %(name)s") % {"name": source or dataset.dataset}
        refresh = _("Refresh it by uploading a new version of the file under the dataset name %(dataset)s "
                    "(Mapping → Data status).") % {"dataset": dataset.dataset}
    extracted = str(provenance.get("extracted_at") or provenance.get("dataset_version") or "")[:4]
    years = (f"{dataset.years[0]}–{dataset.years[-1]}" if len(dataset.years) > 1 else str(dataset.years[0]))
    parts = [origin]
    if extracted.isdigit():
        parts.append(_("extracted %(year)s") % {"year": extracted})
    parts.append(_("years %(years)s") % {"years": years})
    if dataset.manufacturing_only:
        parts.append(_("manufacturing only"))
    return {"dataset": dataset.dataset, "label": ", ".join(parts), "source": source, "refresh": refresh,
            "eurostat_code": code or ""}


def datasets_offered() -> list[dict[str, str]]:
    """The mappable datasets as choices: name, label with vintage, and whether it is the default."""
    datasets = datasets_mappable()
    default = default_dataset(datasets)
    return [{"dataset": entry.dataset, "label": dataset_vintage(dataset=entry)["label"],
             "default": entry == default} for entry in datasets]


def store_contents() -> list[tuple[str, str]]:
    """(dataset, checksum) of every stored dataset: pages offer the others and join a second SBS series, so a
    cached page depends on all of them."""
    listing = datasets_listing()
    return list(zip(listing["dataset"], listing["checksum"], strict=True))


def datasets_status() -> pd.DataFrame:
    """The store's datasets as the data status page lists them: provenance with the source as shown (never a
    server path), and for the mappable ones their vintage, how to refresh them and whether they are the default."""
    listing = datasets_listing().copy()
    mappable = {entry.dataset: entry for entry in datasets_mappable()}
    default = default_dataset(list(mappable.values()))
    vintages = {name: dataset_vintage(dataset=entry) for name, entry in mappable.items()}
    listing["source"] = listing["source"].map(source_shown)
    listing["mapping"] = listing["dataset"].map(lambda name: name in mappable)
    listing["default"] = listing["dataset"].map(lambda name: default is not None and name == default.dataset)
    listing["vintage"] = listing["dataset"].map(lambda name: vintages[name]["label"] if name in vintages else "")
    listing["refresh"] = listing["dataset"].map(lambda name: vintages[name]["refresh"] if name in vintages else "")
    return listing


def atlas_result_get(*, params: Params) -> Result:
    """The cached engine result; AtlasUnavailable (saying what is missing, never where) when it cannot be had."""
    store = statistics_store()
    try:
        return cache.result_cached(store, params)
    except (KeyError, MappingInputError) as error:
        raise AtlasUnavailable(_("The dataset %(dataset)s cannot be mapped with %(taxonomy)s: it holds no "
                                 "employment of the taxonomy's industries by NUTS %(level)s region.") % {
            "dataset": params.dataset, "taxonomy": params.taxonomy, "level": params.nuts_level}) from error


def year_default(*, result: Result) -> int:
    """The latest year with employment data for most regions (2015 is sparse in the SBS file)."""
    counts = pd.Series({year: result.year_totals(year)["region"].nunique() for year in result.years})
    full = counts[counts >= MIN_YEAR_COVERAGE * counts.max()]
    return int(full.index.max())


def year_checked(*, result: Result, year: int | None) -> int:
    """`year` when the data has it (default: `year_default`); AtlasNotFound listing the years otherwise."""
    if year is None:
        return year_default(result=result)
    if year not in result.years:
        raise AtlasNotFound(_("There are no data for the year %(year)s.") % {"year": year},
                            [str(y) for y in result.years])
    return year


def region_checked(*, result: Result, code: str, year: int) -> str:
    """The upper-case code when the year's data hold it; AtlasNotFound listing the regions otherwise."""
    code = code.upper()
    present = set(result.year_totals(year)["region"])
    if code not in present:
        raise AtlasNotFound(_("Region %(code)s has no data in %(year)s (NUTS %(version)s).")
                            % {"code": code, "year": year, "version": result.nuts_version},
                            sorted(present))
    return code


def region_label(*, code: str, version: int) -> str:
    """'EL61 Thessalia' (the code alone when no name is loaded)."""
    return f"{code} {region_names(codes=[code], version=version)[code]}".strip()


def focus_for(*, user: object) -> Focus | None:
    """The region focus of the user's (first) organisation, if it set one."""
    if not getattr(user, "is_authenticated", False):
        return None
    return (Focus.objects.filter(organisation__memberships__user=user).order_by("organisation__name").first())


def year_table(*, result: Result, year: int) -> pd.DataFrame:
    """The region x category rows of one year."""
    return result.year_rows(year)


def _with_names(frame: pd.DataFrame, version: int, column: str = "region") -> pd.DataFrame:
    names = region_names(codes=set(frame[column]), version=version)
    return frame.assign(name=frame[column].map(names))


def region_categories(*, result: Result, code: str, year: int) -> pd.DataFrame:
    """The region's categories ranked by LQ (unknown last) with stars per criterion."""
    rows = result.region_rows(code)
    rows = rows[rows["year"] == year]
    return rows.sort_values(["lq", "employment"], ascending=[False, False], na_position="last").reset_index(drop=True)


def region_totals(*, result: Result, code: str) -> pd.DataFrame:
    """Employment covered by year for one region."""
    return result.region_totals(code).sort_values("year").reset_index(drop=True)


def region_rank(*, result: Result, code: str, year: int, members: list[str] | None = None) -> tuple[int, int]:
    """(rank by employment covered, number of regions) among `members` (all regions of the year when None)."""
    totals = result.year_totals(year)
    if members is not None:
        totals = totals[totals["region"].isin(members)]
    ordered = totals.sort_values("employment_covered", ascending=False)["region"].tolist()
    return (ordered.index(code) + 1 if code in ordered else 0), len(ordered)


def peer_table(*, result: Result, year: int, members: list[str]) -> pd.DataFrame:
    """Peers side by side: employment covered, starred categories and the best category by LQ."""
    totals = result.year_totals(year)
    totals = totals[totals["region"].isin(members)]
    rows = year_table(result=result, year=year)
    rows = rows[rows["region"].isin(members)]
    starred = rows[rows["stars"] > 0].groupby("region")["category"].count().rename("starred_categories")
    best = rows.sort_values("lq", ascending=False).drop_duplicates("region").set_index("region")
    table = totals.set_index("region")[["employment_covered"]].join(starred).join(
        best[["category_name", "lq"]].rename(columns={"category_name": "top_category", "lq": "top_lq"}))
    table["starred_categories"] = table["starred_categories"].fillna(0).astype(int)
    table = table.sort_values("employment_covered", ascending=False).reset_index()
    table.insert(0, "rank", range(1, len(table) + 1))
    return _with_names(table, result.nuts_version)


def region_summary(*, name: str, code: str, year: int, categories: pd.DataFrame, totals: pd.DataFrame,
                   rank: tuple[int, int], country_rank: tuple[int, int], level: int, sbs: bool = True) -> str:
    """A few sentences on the region built from its figures (`sbs`: the data are Eurostat's SBS, which covers
    NACE B–N and S95)."""
    sentences = []
    now = totals[totals["year"] == year]
    if not now.empty:
        text = (_("In %(year)s, %(name)s (%(code)s) had %(employment)s persons employed in the industries SBS "
                  "covers (NACE B–N and S95), rank %(rank)s of %(regions)s NUTS %(level)s regions and %(crank)s of "
                  "%(cregions)s in its country.") if sbs else
                _("In %(year)s, %(name)s (%(code)s) had %(employment)s persons employed in the industries the "
                  "dataset holds, rank %(rank)s of %(regions)s NUTS %(level)s regions and %(crank)s of "
                  "%(cregions)s in its country."))
        sentences.append(text % {
            "year": year, "name": name, "code": code, "employment": number_text(now["employment_covered"].iloc[0]),
            "rank": rank[0], "regions": rank[1], "level": level, "crank": country_rank[0],
            "cregions": country_rank[1]})
    specialised = categories[categories["lq"] >= 1].head(SUMMARY_CATEGORIES)
    if specialised.empty:
        sentences.append(_("It has no cluster category with a location quotient of 1 or more."))
    else:
        parts = [_("%(category)s (LQ %(lq).1f, %(stars)s of 3 stars)") % {
            "category": row.category_name, "lq": row.lq, "stars": int(row.stars)}
            for row in specialised.itertuples()]
        listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + _(" and ") + parts[-1]
        sentences.append(_("It is most specialised in %(list)s.") % {"list": listed})
    starred = int((categories["stars"] > 0).sum())
    sentences.append(_("%(starred)s of its %(count)s categories earn at least one star.") % {
        "starred": starred, "count": len(categories)})
    known = totals.dropna(subset=["employment_covered"])
    first = known[known["year"] < year].head(1)
    if not first.empty and not now.empty:
        change = now["employment_covered"].iloc[0] / first["employment_covered"].iloc[0] - 1
        sentences.append(_("Its employment covered changed by %(change)+.1f %% since %(start)s.") % {
            "change": 100 * change, "start": int(first["year"].iloc[0])})
    return " ".join(sentences)


def region_emerging(*, result: Result, code: str, year: int) -> pd.DataFrame:
    """Categories whose LQ rose through 1 between the first year with data and `year`."""
    start = min(result.years)
    if start >= year:
        return pd.DataFrame(columns=["category", "category_name", "lq_start", "lq_end", "lq_change"])
    rising = emerging_strengths(result.region_rows(code), start, year)
    names = category_names(result=result)
    return rising.assign(category_name=rising["category"].map(names), period=f"{start}-{year}")


def region_trends(*, result: Result, code: str, categories: list[str]) -> pd.DataFrame:
    """LQ and employment by year of the region's chosen categories."""
    rows = result.region_rows(code)
    rows = rows[rows["category"].isin(categories)]
    return rows[["year", "category", "category_name", "employment", "lq", "stars"]].sort_values(["category", "year"])


def category_names(*, result: Result) -> pd.Series:
    """Category name by category code, in the taxonomy's order (from the first year's rows)."""
    rows = result.year_rows(result.years[0])
    return rows.drop_duplicates("category").set_index("category")["category_name"]


def category_checked(*, result: Result, category: str) -> str:
    """The category when the taxonomy has it; AtlasNotFound listing the categories otherwise."""
    names = category_names(result=result)
    if category not in names.index:
        raise AtlasNotFound(_("The category %(category)s is not in %(taxonomy)s.")
                            % {"category": category, "taxonomy": result.taxonomy_label},
                            [f"{key} {value}" for key, value in names.items()])
    return category


def category_regions(*, result: Result, category: str, year: int) -> pd.DataFrame:
    """Every region's figures for one category, largest employment first, with names."""
    rows = year_table(result=result, year=year)
    rows = rows[rows["category"] == category].sort_values("employment", ascending=False, na_position="last")
    return _with_names(rows.reset_index(drop=True), result.nuts_version)


def categories_list(*, result: Result) -> pd.DataFrame:
    """The taxonomy's categories (code, name) in order."""
    return category_names(result=result).rename("category_name").rename_axis("category").reset_index()


def compare_table(*, result: Result, codes: list[str], year: int, top: int = 12) -> pd.DataFrame:
    """The regions' rows for the categories where any of them is most specialised (by highest LQ)."""
    rows = year_table(result=result, year=year)
    rows = rows[rows["region"].isin(codes)]
    ranked = rows.groupby("category")["lq"].max().sort_values(ascending=False).head(top).index
    chosen = rows[rows["category"].isin(ranked)]
    return _with_names(chosen.sort_values(["category", "region"]).reset_index(drop=True), result.nuts_version)


def portfolio_table(*, result: Result, code: str, year: int) -> pd.DataFrame:
    """Per category of the region: LQ, employment and the employment CAGR since the region's first year with data."""
    from smartcluster.mapping import growth

    rows = result.region_rows(code)
    known = result.region_totals(code).dropna(subset=["employment_covered"])
    start = int(known["year"].min()) if not known.empty else year
    now = rows[rows["year"] == year][["region", "category", "category_name", "employment", "lq", "stars"]]
    if start >= year:
        return now.assign(cagr=np.nan, period="")
    rates = growth(rows.rename(columns={"employment": "value"}), start, year)[["category", "cagr"]]
    return now.merge(rates, on="category", how="left").assign(period=f"{start}-{year}")


def region_related(*, params: Params, result: Result, code: str, year: int, top: int = 15) -> tuple[pd.DataFrame, dict]:
    """NACE divisions related to the region's strengths in which it is not yet specialised, by density."""
    store = statistics_store()

    def compute() -> pd.DataFrame:
        cells, summary = relatedness_cells(division_employment(store, params, result.nuts_version), year)
        return cells.assign(unknown_cells=summary["unknown_cells"], all_cells=summary["cells"])

    cells = cache.frame_cached(store, params, "relatedness", compute, year)
    summary = {"unknown_cells": int(cells["unknown_cells"].iloc[0]), "cells": int(cells["all_cells"].iloc[0])}
    ranked = related_industries(cells, code, top=top)
    return ranked[["rank", "industry", "density", "rca", "value"]], summary


def boundaries(*, codes: list[str], version: int) -> tuple[dict, dict[str, str], list[str]]:
    """GeoJSON of the codes' boundaries: the code's own in `version`, else (labelled) the same region in a newer
    version when the recoding proves it unchanged; returns the collection, the version drawn per code, the rest."""
    from smartcluster.sources.nuts_versions import recode

    shapes = region_boundaries(codes=codes)
    features, drawn, missing = [], {}, []
    for code in codes:
        versions = shapes.get(code, {})
        chosen = version if version in versions else next(
            (v for v in sorted(versions) if v > version and recode(code, version, v) == code), None)
        if chosen is None:
            missing.append(code)
            continue
        features.append({"type": "Feature", "id": code, "properties": {}, "geometry": versions[chosen]})
        drawn[code] = str(chosen)
    return {"type": "FeatureCollection", "features": features}, drawn, sorted(missing)


def series_pair(*, dataset: MappableDataset) -> tuple[MappableDataset, MappableDataset] | None:
    """(older, newer) SBS series when `dataset` is one of the two and the other is stored too."""
    code = eurostat_code(dataset=dataset)
    for older_code, newer_code in SERIES_SUCCESSORS.items():
        if code not in (older_code, newer_code):
            continue
        wanted = newer_code if code == older_code else older_code
        other = next((entry for entry in datasets_mappable()
                      if entry.dataset != dataset.dataset and eurostat_code(dataset=entry) == wanted), None)
        if other is None:
            return None
        return (dataset, other) if code == older_code else (other, dataset)
    return None


def region_series(*, params: Params, dataset: MappableDataset, code: str, categories: list[str]
                  ) -> tuple[pd.DataFrame | None, str]:
    """Employment of the region's categories over both SBS series, joined on the newer series' NUTS version with
    the break marked (flag `b`); (None, why) when there is no second series or the region's boundary changed."""
    from smartcluster.sources.nuts_versions import recode

    pair = series_pair(dataset=dataset)
    if pair is None:
        return None, ""
    older, newer = (atlas_result_get(params=atlas_params(dataset=entry, taxonomy=params.taxonomy,
                                                         reference=params.reference)) for entry in pair)
    if pair[0].dataset == dataset.dataset:
        older_codes = [code]
        newer_code = recode(code, older.nuts_version, newer.nuts_version)
    else:
        newer_code = code
        older_codes = [c for c in older.totals["region"].unique()
                       if recode(c, older.nuts_version, newer.nuts_version) == code]
    columns = ["region", "nuts_version", "year", "category", "category_name", "employment"]
    old_rows = pd.concat([older.region_rows(c) for c in older_codes], ignore_index=True)[columns] \
        if older_codes else older.table.iloc[0:0][columns]
    new_rows = newer.region_rows(newer_code)[columns] if newer_code else newer.table.iloc[0:0][columns]
    joined, not_joined = series_join(old_rows, new_rows, version=newer.nuts_version)
    if newer_code is None or not older_codes or (set(older_codes) & set(not_joined)):
        return None, _("The two SBS series (%(older)s and %(newer)s) are not joined for %(code)s: its boundary "
                       "changed between NUTS %(from)s and %(to)s.") % {
            "older": pair[0].dataset, "newer": pair[1].dataset, "code": code, "from": older.nuts_version,
            "to": newer.nuts_version}
    joined = joined[joined["category"].isin(categories)]
    joined = joined.assign(dataset=joined["series"].map({"older": pair[0].dataset, "newer": pair[1].dataset}))
    return joined[["year", "region", "category", "category_name", "employment", "dataset", "flags"]], ""


def region_starred(*, result: Result, year: int) -> pd.DataFrame:
    """Every region of the year with its number of starred categories, its best category and its name."""
    rows = year_table(result=result, year=year)
    starred = rows.assign(starred=rows["stars"].fillna(0) > 0).groupby("region")["starred"].sum()
    frame = (result.year_totals(year)[["region"]].drop_duplicates()
             .assign(starred_categories=lambda f: f["region"].map(starred).fillna(0).astype(int)))
    return _with_names(frame.sort_values("region").reset_index(drop=True), result.nuts_version)


def strongest_pairs(*, result: Result, year: int, top: int = 15) -> pd.DataFrame:
    """The region x category pairs of the year with the most stars, then the most persons employed (as the
    European Cluster Panorama lists its leading clusters; an LQ ranking would favour tiny categories)."""
    rows = year_table(result=result, year=year).dropna(subset=["stars", "employment"])
    ranked = rows.sort_values(["stars", "employment"], ascending=False).head(top).reset_index(drop=True)
    ranked.insert(0, "rank", range(1, len(ranked) + 1))
    return _with_names(ranked, result.nuts_version)
