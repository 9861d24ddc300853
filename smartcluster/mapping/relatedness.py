"""Relatedness and economic complexity with the definitions of the Harvard Growth Lab's `ecomplexity` 0.5.3.

RCA, M, diversity, ubiquity, co-location proximity, density, ECI/PCI, complexity outlook index and gain
(Hidalgo et al. 2007 "The Product Space"; Hausmann, Hidalgo et al. 2014 "The Atlas of Economic Complexity"), and,
on request, fitness-complexity (smartcluster.mapping.fitness). Methods: methods/cluster-mapping.md "Relatedness".
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from threadpoolctl import threadpool_limits

from smartcluster.mapping.fitness import fitness_complexity
from smartcluster.mapping.frames import MappingInputError, require_columns

# below this many cells BLAS threads cost more than they give (eigh ~100x, a 4M-cell run 2x slower on a busy 2-core box)
SINGLE_THREAD_CELLS = 2_000_000
CELL_COLUMNS = ["value", "known", "rca", "mcp", "diversity", "ubiquity", "density", "eci", "pci", "coi", "cog"]


@dataclass
class RelatednessResult:
    """`cells`: one row per [year,] region x industry of the full matrix; `proximity`: all ordered industry pairs."""

    cells: pd.DataFrame
    proximity: pd.DataFrame
    summary: dict = field(default_factory=dict)


@dataclass
class Matrices:
    """The measures of one year as arrays (rows: regions, columns: industries)."""

    rca: np.ndarray
    mcp: np.ndarray
    diversity: np.ndarray
    ubiquity: np.ndarray
    proximity: np.ndarray
    density: np.ndarray
    eci: np.ndarray
    pci: np.ndarray
    coi: np.ndarray
    cog: np.ndarray


def complexity_matrices(values: np.ndarray, *, mcp_threshold: float = 1.0) -> Matrices:
    """All measures for a regions x industries matrix without all-zero rows or columns (as ecomplexity drops them)."""
    # RCA = (x_rc / x_r) / (x_c / x) (Balassa 1965; ecomplexity ComplexityData.calculate_rca)
    with np.errstate(divide="ignore", invalid="ignore"):
        rca = (values / values.sum(axis=1, keepdims=True)) / (values.sum(axis=0, keepdims=True) / values.sum())
    mcp = (np.nan_to_num(rca) >= mcp_threshold).astype(float)
    diversity = mcp.sum(axis=1)
    ubiquity = mcp.sum(axis=0)
    proximity = co_location_proximity(mcp, ubiquity)
    # density_rc = sum_d M_rd phi_dc / sum_d phi_dc (Hidalgo et al. 2007; ecomplexity calc_density)
    density = mcp @ (proximity.T / proximity.sum(axis=1)[np.newaxis, :])
    kc, kp = eci_pci_raw(mcp, diversity, ubiquity)
    # COI = sum_p density (1 - M) PCI; COG = (1 - M) * ((1 - M) @ (phi * PCI / sum phi)) (Hausmann et al. 2014)
    coi = ((density * (1 - mcp)) * kp[np.newaxis, :]).sum(axis=1)
    cog = (1 - mcp) * ((1 - mcp) @ (proximity * (kp / proximity.sum(axis=1))[:, np.newaxis]))
    # normalised as ecomplexity does (after its Stata package): PCI and COG in units of the ECI's spread;
    # when the ECI is undefined (a degenerate M, e.g. equal diversities) everything stays NaN, without warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        eci_mean, eci_std = np.nanmean(kc), np.nanstd(kc)
        return Matrices(rca, mcp, diversity, ubiquity, proximity, density,
                        eci=(kc - eci_mean) / eci_std, pci=(kp - eci_mean) / eci_std,
                        coi=(coi - np.nanmean(coi)) / np.nanstd(coi), cog=cog / eci_std)


def co_location_proximity(mcp: np.ndarray, ubiquity: np.ndarray) -> np.ndarray:
    """phi_cd = sum_r M_rc M_rd / max(u_c, u_d), diagonal 1 (Hidalgo et al. 2007)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        phi = (mcp.T @ mcp) / ubiquity[np.newaxis, :]
    return np.minimum(phi, phi.T)


def eci_pci_raw(mcp: np.ndarray, diversity: np.ndarray, ubiquity: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """ECI/PCI before normalisation: the second eigenvector of M~pp, sign fixed so ECI correlates with diversity.

    M~pp = U^-1 M' K^-1 M is similar to the symmetric U^-1/2 M' K^-1 M U^-1/2, so a symmetric eigensolver gives
    the same eigenvector (up to scale, which the normalisation removes) faster and without complex round-off.
    Regions with diversity 0 and industries with ubiquity 0 get NaN, as in ecomplexity.
    """
    rows, cols = diversity > 0, ubiquity > 0
    eci = np.full(mcp.shape[0], np.nan)
    pci = np.full(mcp.shape[1], np.nan)
    if rows.sum() < 2 or cols.sum() < 2:
        return eci, pci
    m = mcp[rows][:, cols]
    k, u = diversity[rows], ubiquity[cols]
    root_u = 1.0 / np.sqrt(u)
    symmetric = (m * root_u[np.newaxis, :]).T @ ((m / k[:, np.newaxis]) * root_u[np.newaxis, :])
    _, vectors = np.linalg.eigh(symmetric)
    kp = vectors[:, -2] * root_u
    kc = (m / k[:, np.newaxis]) @ kp
    with np.errstate(divide="ignore", invalid="ignore"):
        sign = np.sign(np.corrcoef(k, kc)[0, 1])
    eci[rows], pci[cols] = sign * kc, sign * kp
    return eci, pci


def relatedness(frame: pd.DataFrame, *, region: str = "region", industry: str = "industry", value: str = "value",
                year: str | None = "year", mcp_threshold: float = 1.0, fitness: bool = False) -> RelatednessResult:
    """RCA, M, diversity, ubiquity, proximity, density, ECI, PCI, COI, COG (and fitness, complexity) per year.

    Cells absent from the input are 0, as in ecomplexity. Unknown values (NaN, e.g. Eurostat ':') also enter the
    sums as 0 but keep `value` NaN and `known = False`, and `summary` says how many cells the result rests on.
    Regions/industries whose total is 0 keep their rows with NaN measures.

    >>> out = relatedness(sbs_2014, year=None); out.cells.nlargest(5, "density")
    """
    require_columns(frame, [region, industry, value, *([year] if year else [])], "relatedness input")
    numbers = pd.to_numeric(frame[value], errors="coerce").to_numpy(dtype=float)
    if (numbers < 0).any():
        raise MappingInputError(f"column {value} has negative values; relatedness needs non-negative amounts")
    # integer codes once for all years; each year's matrix is filled from them with numpy only
    region_codes, regions = _text_codes(frame[region])
    industry_codes, industries = _text_codes(frame[industry])
    year_codes, years = pd.factorize(frame[year] if year else pd.Series(np.zeros(len(frame), int)), sort=True)
    duplicate = MappingInputError(f"several rows share one {region} x {industry}{' x ' + year if year else ''}")
    lead = ["year"] if year else []
    measures = [c for c in CELL_COLUMNS if c != "known"] + (["fitness", "complexity"] if fitness else [])
    rows_of_year = [np.flatnonzero(year_codes == index) for index in range(len(years))]
    # each year's full matrix (present regions x present industries) goes straight into one preallocated table,
    # so memory holds about one copy of the result, not one per year plus the stacked one
    sizes = [np.count_nonzero(np.bincount(region_codes[rows])) * np.count_nonzero(np.bincount(industry_codes[rows]))
             for rows in rows_of_year]
    table = _CellTable(sum(sizes), measures)
    proximities = []
    with threadpool_limits(limits=1 if len(regions) * len(industries) < SINGLE_THREAD_CELLS else None):
        for rows in rows_of_year:
            block = _one_year(region_codes[rows], industry_codes[rows], numbers[rows], mcp_threshold, fitness)
            if block is None:
                raise duplicate
            table.append(block[0])
            proximities.append(block[1])
    del region_codes, industry_codes, year_codes, numbers, rows_of_year  # the input's copies: free before output
    cells = table.frame(years if year else None, sizes, regions, industries)
    proximity = _stacked(proximities, years, industries, industries, ("industry_1", "industry_2"),
                         ["proximity"], lead)
    summary = {"cells": len(cells), "unknown_cells": int((~cells["known"]).sum()), "mcp_threshold": mcp_threshold}
    return RelatednessResult(cells, proximity, summary)


class _CellTable:
    """The region x industry rows of all years, filled year by year into column-major arrays."""

    def __init__(self, length: int, measures: list[str]) -> None:
        self.measures = measures
        # column-major, so each measure is one contiguous run that becomes the frame's block without another copy
        self.numbers = np.empty((length, len(measures)), order="F")
        self.first = np.empty(length, dtype=np.int32)
        self.second = np.empty(length, dtype=np.int32)
        self.known = np.empty(length, dtype=bool)
        self.offset = 0

    def append(self, block: dict[str, np.ndarray]) -> None:
        end = self.offset + len(block["_first"])
        for column, name in enumerate(self.measures):
            self.numbers[self.offset:end, column] = block[name]
        self.first[self.offset:end], self.second[self.offset:end] = block["_first"], block["_second"]
        self.known[self.offset:end] = block["known"]
        self.offset = end

    def frame(self, years: pd.Index | None, sizes: list[int], regions: pd.Index, industries: pd.Index) -> pd.DataFrame:
        """The long frame: [year,] region, industry, value, known, measures; names merged back from the codes."""
        frame = pd.DataFrame(self.numbers, columns=self.measures, copy=False)
        frame.insert(1, "known", self.known)
        frame.insert(0, "industry", np.asarray(industries.take(self.second), dtype=object))
        del self.second
        frame.insert(0, "region", np.asarray(regions.take(self.first), dtype=object))
        del self.first
        if years is not None:
            frame.insert(0, "year", np.repeat(np.asarray(years), sizes))
        return frame


def _stacked(blocks: list[dict[str, np.ndarray]], years: pd.Index, first: pd.Index, second: pd.Index,
             names: tuple[str, str], measures: list[str], lead: list[str]) -> pd.DataFrame:
    """One long frame from per-year column arrays (codes in `_first`/`_second`), copying each value once."""
    lengths = [len(block["_first"]) for block in blocks]
    # column-major, so each measure is one contiguous run that becomes the frame's block without another copy
    numbers = np.empty((sum(lengths), len(measures)), order="F")
    offset = 0
    for block, length in zip(blocks, lengths, strict=True):
        for column, name in enumerate(measures):
            # each year's array is released once copied, so memory holds about one copy of the result, not two
            numbers[offset:offset + length, column] = block.pop(name)
        offset += length
    frame = pd.DataFrame(numbers, columns=measures, copy=False)
    frame.insert(0, names[1], np.asarray(second, dtype=object)[np.concatenate([b["_second"] for b in blocks])])
    frame.insert(0, names[0], np.asarray(first, dtype=object)[np.concatenate([b["_first"] for b in blocks])])
    if lead:
        frame.insert(0, "year", np.repeat(np.asarray(years), lengths))
    return frame


def _text_codes(column: pd.Series) -> tuple[np.ndarray, pd.Index]:
    """Integer codes of a column's values as text, numbered in text order; the text conversion runs on the
    distinct values only (converting every row of a long table cost more than the measures)."""
    codes, distinct = pd.factorize(column)
    if (codes < 0).any():  # missing codes read as their own text ("None", "nan"): convert every row
        return pd.factorize(column.astype(str), sort=True)
    ordered, names = pd.factorize(pd.Index(distinct).astype(str), sort=True)
    return ordered[codes], names


def _present(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct codes (ascending) and each code's position among them, in linear time."""
    seen = np.bincount(codes) > 0
    return np.flatnonzero(seen), (np.cumsum(seen) - 1)[codes]


def _one_year(region_codes: np.ndarray, industry_codes: np.ndarray, amounts: np.ndarray, mcp_threshold: float,
              fitness: bool) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]] | None:
    """Column arrays of the full matrix of the regions and industries present this year, and of the proximity;
    None when two rows fall on one cell."""
    present_regions, rows_at = _present(region_codes)
    present_industries, cols_at = _present(industry_codes)
    if np.bincount(rows_at * len(present_industries) + cols_at).max() > 1:
        return None
    values = np.zeros((len(present_regions), len(present_industries)))
    known = np.ones_like(values, dtype=bool)
    values[rows_at, cols_at] = np.nan_to_num(amounts)
    known[rows_at, cols_at] = ~np.isnan(amounts)
    keep_rows, keep_cols = values.sum(axis=1) > 0, values.sum(axis=0) > 0
    matrices = complexity_matrices(values[keep_rows][:, keep_cols], mcp_threshold=mcp_threshold)
    # the sums read unknown cells as 0 (as ecomplexity); the output shows them as unknown, not as 0
    columns = {"value": np.where(known, values, np.nan), "known": known}
    full = np.full(values.shape, np.nan)
    for name in ("rca", "mcp", "density", "cog"):
        grid = full.copy()
        grid[np.ix_(keep_rows, keep_cols)] = getattr(matrices, name)
        columns[name] = grid
    per_region = {name: getattr(matrices, name) for name in ("diversity", "eci", "coi")}
    per_industry = {name: getattr(matrices, name) for name in ("ubiquity", "pci")}
    if fitness:
        per_region["fitness"], per_industry["complexity"] = fitness_complexity(matrices.mcp)
    for name, vector in per_region.items():
        columns[name] = _broadcast(vector, keep_rows, keep_cols, axis=0)
    for name, vector in per_industry.items():
        columns[name] = _broadcast(vector, keep_cols, keep_rows, axis=1)
    n_regions, n_industries = values.shape
    cells = {"_first": np.repeat(present_regions, n_industries), "_second": np.tile(present_industries, n_regions),
             **{name: grid.ravel() for name, grid in columns.items()}}
    kept = present_industries[keep_cols]
    proximity = {"_first": np.repeat(kept, len(kept)), "_second": np.tile(kept, len(kept)),
                 "proximity": matrices.proximity.ravel()}
    return cells, proximity


def _broadcast(vector: np.ndarray, keep: np.ndarray, keep_other: np.ndarray, axis: int) -> np.ndarray:
    """A per-region (axis 0) or per-industry (axis 1) vector spread over the full grid; NaN on dropped rows/columns."""
    full = np.full(len(keep), np.nan)
    full[keep] = vector
    other = np.where(keep_other, 1.0, np.nan)
    return full[:, np.newaxis] * other[np.newaxis, :] if axis == 0 else other[:, np.newaxis] * full[np.newaxis, :]
