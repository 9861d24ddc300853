"""Anonymised distributions of maturity scores, with a minimum group size and complementary suppression.

Pure pandas (no Django). Input: one row per firm (`respondent`), group columns and score columns. Groups are
only those the platform defines (scope × NUTS 0/1/2 region × NACE section × size band), never free prefixes.
Shown per group: firm count, mean, quartiles and median per score, share per level — never a minimum, a maximum
or any single firm's value (they expose one firm). A group of fewer than `min_size` firms is suppressed ([OURS]
5, no official cell size found, ../shared/methods/maturity.md section 5), and so is any group that could be
subtracted from another group in any answer (`suppressed_keys`: decided once for all groups, so separate
answers agree; complementary suppression as in statistical disclosure control: Hundepool et al., *Statistical
Disclosure Control*, Wiley 2012, ch. 4.2).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Hashable, Mapping, Sequence

import pandas as pd

TOTAL = "__all__"
NOT_STATED = "__none__"
STATS = ("mean", "q1", "median", "q3")


Scope = Hashable  # None: every respondent; otherwise a campaign organiser's or a campaign's key
GroupKey = tuple[Scope, str | None, str | None, str | None]  # (scope, region, sector, size_class); None: any
NUTS_LENGTHS = (2, 3, 4)  # NUTS 0, 1, 2 codes: the country's two letters, then one character per level


def _stated(value: object) -> str:
    return value if isinstance(value, str) and value else NOT_STATED


def region_levels(code: object) -> list[str]:
    """The NUTS 0, 1 and 2 codes a region code lies in (`EL61` → EL, EL6, EL61), or ``NOT_STATED``."""
    if not isinstance(code, str) or not code:
        return [NOT_STATED]
    return [code[:length] for length in NUTS_LENGTHS if len(code) >= length]


def group_members(frames: Mapping[Scope, pd.DataFrame]) -> dict[GroupKey, frozenset]:
    """Every group the platform defines, with its respondents: each scope's firms (one row per firm, columns
    respondent, region, sector, size_class) × any or one NUTS 0/1/2 region × any or one sector × any or one
    size band."""
    collected: dict[GroupKey, set] = defaultdict(set)
    for scope, frame in frames.items():
        for respondent, region, sector, size in frame[["respondent", "region", "sector", "size_class"]].itertuples(
                index=False):
            for region_key in (None, *region_levels(region)):
                for sector_key in (None, _stated(sector)):
                    for size_key in (None, _stated(size)):
                        collected[(scope, region_key, sector_key, size_key)].add(respondent)
    return {key: frozenset(firms) for key, firms in collected.items()}


def _region_parent(code: str) -> str | None:
    return None if code == NOT_STATED or len(code) <= NUTS_LENGTHS[0] else code[:-1]


def _parents(key: GroupKey, scope_parent: Mapping[Scope, Scope]) -> list[GroupKey]:
    """The groups one step coarser: the scope's parent, the region's parent NUTS level, any sector, any size."""
    scope, region, sector, size = key
    parents = []
    if scope is not None:
        parents.append((scope_parent.get(scope), region, sector, size))
    if region is not None:
        parents.append((scope, _region_parent(region), sector, size))
    if sector is not None:
        parents.append((scope, region, None, size))
    if size is not None:
        parents.append((scope, region, sector, None))
    return parents


def _partitions(members: Mapping[GroupKey, frozenset]) -> list[tuple[GroupKey, list[GroupKey]]]:
    """Each group split by sector, by size band, and by each finer NUTS level (firms in one part each)."""
    parts: dict[tuple[GroupKey, Hashable], list[GroupKey]] = defaultdict(list)
    for key in members:
        scope, region, sector, size = key
        if sector is not None:
            parts[((scope, region, None, size), "sector")].append(key)
        if size is not None:
            parts[((scope, region, sector, None), "size_class")].append(key)
        if region == NOT_STATED:
            for length in NUTS_LENGTHS:
                parts[((scope, None, sector, size), length)].append(key)
        elif region is not None:
            for ancestor in (None, *(region[:length] for length in NUTS_LENGTHS if length < len(region))):
                parts[((scope, ancestor, sector, size), len(region))].append(key)
    ordered = sorted(parts.items(), key=lambda item: str(item[0]))  # a fixed order: the same groups hidden each time
    return [(parent, children) for (parent, _split), children in ordered]


def suppressed_keys(members: Mapping[GroupKey, frozenset], *, min_size: int,
                    scope_parent: Mapping[Scope, Scope] | None = None) -> set[GroupKey]:
    """The groups never shown, in any answer, so that no answer can be subtracted from another:

    1. a group of fewer than `min_size` firms;
    2. both groups of a parent–child pair (one step coarser in one dimension), each of `min_size` firms or more,
       that differ by 1 to `min_size` − 1 firms — two shown nested groups then differ by 0 or ≥ `min_size`
       firms, since a chain of parent–child steps, all at least as large as the smaller one, joins them;
    3. every group with the same firms as a hidden one (same figures);
    4. in each split of a group (by sector, size band, finer NUTS level): while the firms outside its shown parts
       number 1 to `min_size` − 1 (shown group) or 0 (hidden group, else it could be summed up), the smallest
       shown part too."""
    scope_parent = scope_parent or {}
    hidden = {key for key, firms in members.items() if len(firms) < min_size}
    for key, firms in members.items():
        for parent in _parents(key, scope_parent):
            others = members.get(parent, frozenset())
            # A group under the minimum is hidden by rule 1 and cannot be subtracted; rule 4 keeps it underivable.
            large = min(len(firms), len(others)) >= min_size
            if large and (0 < len(others - firms) < min_size or 0 < len(firms - others) < min_size):
                hidden |= {key, parent} & members.keys()
    alike: dict[frozenset, list[GroupKey]] = defaultdict(list)
    for key, firms in members.items():
        alike[firms].append(key)
    partitions = _partitions(members)
    changed = True
    while changed:
        changed = False
        for keys in alike.values():
            if any(key in hidden for key in keys) and not all(key in hidden for key in keys):
                hidden.update(keys)
                changed = True
        for parent, children in partitions:
            shown = [child for child in children if child not in hidden]
            if not shown:
                continue
            rest = len(members[parent]) - sum(len(members[child]) for child in shown)
            if (rest == 0) if parent in hidden else (0 < rest < min_size):
                hidden.add(min(shown, key=lambda child: (len(members[child]), str(child))))
                changed = True
    return hidden


def _stats(frame: pd.DataFrame, values: Sequence[str], categories: str | None,
           category_keys: Sequence[str]) -> dict[str, float]:
    row: dict[str, float] = {}
    for column in values:
        series = frame[column].dropna().astype(float)
        row[f"{column}_mean"] = series.mean()
        row[f"{column}_q1"] = series.quantile(0.25)
        row[f"{column}_median"] = series.median()
        row[f"{column}_q3"] = series.quantile(0.75)
    if categories is not None:
        shares = frame[categories].value_counts(normalize=True)
        row.update({f"share_{key}": float(shares.get(key, 0.0)) for key in category_keys})
    return row


def groups_table(results: pd.DataFrame, members: Mapping[Hashable, frozenset], *, values: Sequence[str],
                 hidden: Collection[Hashable], categories: str | None = None,
                 category_keys: Sequence[str] = ()) -> pd.DataFrame:
    """One row per group of firms (`members`: group → respondent ids, groups may overlap) with `n` and
    statistics; `hidden` rows (see `suppressed_keys`) have `suppressed` True and every figure NaN."""
    if results["respondent"].duplicated().any():
        raise ValueError("one row per firm expected: a firm appears twice in the results")
    rows = []
    for key, firms in members.items():
        row: dict[str, object] = {"group": key, "suppressed": key in hidden, "n": float("nan")}
        if key not in hidden:
            row["n"] = len(firms)
            row.update(_stats(results[results["respondent"].isin(firms)], values, categories, category_keys))
        rows.append(row)
    columns = ["group", "n", "suppressed"] + [f"{v}_{s}" for v in values for s in STATS]
    columns += [f"share_{key}" for key in category_keys] if categories is not None else []
    return pd.DataFrame(rows, columns=columns)


def progress_frame(earlier: pd.DataFrame, later: pd.DataFrame, *, values: Sequence[str]) -> pd.DataFrame:
    """Per firm present at both stages: later minus earlier score per column (same questionnaire version only;
    the caller selects both stages from one version)."""
    both = earlier.merge(later, on="respondent", suffixes=("_before", "_after"))
    out = both[["respondent"]].copy()
    for column in values:
        out[column] = both[f"{column}_after"] - both[f"{column}_before"]
    for column in earlier.columns:
        if column not in values and column != "respondent" and f"{column}_after" in both:
            out[column] = both[f"{column}_after"]
    return out
