"""Anonymised distributions of maturity scores, with a minimum group size and complementary suppression.

Pure pandas (no Django). Input: one row per firm (`respondent`), a group column and score columns. Shown per
group: firm count, mean, quartiles and median per score, share per level — never a minimum, a maximum or any
single firm's value (they expose one firm). A group of fewer than `min_size` firms is suppressed ([OURS] 5, no
official cell size found, ../shared/methods/maturity.md section 5), and so is any group whose firms could be
told apart by subtracting shown groups within the same answer (complementary suppression, as in statistical
disclosure control: Hundepool et al., *Statistical Disclosure Control*, Wiley 2012, ch. 4.2).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence

import pandas as pd

TOTAL = "__all__"
NOT_STATED = "__none__"
STATS = ("mean", "q1", "median", "q3")


def _smallest_shown(children: Sequence[Hashable], members: Mapping[Hashable, frozenset],
                    suppressed: set[Hashable]) -> Hashable | None:
    shown = [child for child in children if child not in suppressed]
    return min(shown, key=lambda child: (len(members[child]), str(child))) if shown else None


def suppressed_groups(members: Mapping[Hashable, frozenset], *, min_size: int,
                      partitions: Iterable[tuple[Hashable, Sequence[Hashable]]] = ()) -> set[Hashable]:
    """Groups to hide: those under `min_size` firms; in a partition of a shown parent, more children until the
    hidden ones hold 0 or ≥ `min_size` firms; a shown subgroup whose difference to a shown group is under
    `min_size` firms."""
    partitions = list(partitions)
    suppressed = {key for key, firms in members.items() if len(firms) < min_size}
    changed = True
    while changed:
        changed = False
        for parent, children in partitions:
            if parent in suppressed:
                newly = set(children) - suppressed
            else:
                hidden = sum(len(members[child]) for child in children if child in suppressed)
                pick = _smallest_shown(children, members, suppressed) if 0 < hidden < min_size else None
                newly = set() if pick is None else {pick}
            suppressed |= newly
            changed |= bool(newly)
        shown = [key for key in members if key not in suppressed]
        for big in shown:
            for small in shown:
                gap = len(members[big] - members[small])
                if small != big and members[small] < members[big] and 0 < gap < min_size and small not in suppressed:
                    suppressed.add(small)
                    changed = True
    return suppressed


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
                 categories: str | None = None, category_keys: Sequence[str] = (), min_size: int = 5,
                 partitions: Iterable[tuple[Hashable, Sequence[Hashable]]] = ()) -> pd.DataFrame:
    """One row per group of firms (`members`: group → respondent ids, groups may overlap) with `n` and
    statistics; suppressed rows have `suppressed` True and every figure NaN."""
    if results["respondent"].duplicated().any():
        raise ValueError("one row per firm expected: a firm appears twice in the results")
    hidden = suppressed_groups(members, min_size=min_size, partitions=partitions)
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


def distribution_table(results: pd.DataFrame, *, values: Sequence[str], by: str | None = None,
                       categories: str | None = None, category_keys: Sequence[str] = (),
                       min_size: int = 5) -> pd.DataFrame:
    """One row for all firms (group ``TOTAL``) and, with `by`, one per value of that column (``NOT_STATED`` for
    blanks): the breakdown is a partition of the total, so complementary suppression applies to it."""
    members: dict[Hashable, frozenset] = {TOTAL: frozenset(results["respondent"])}
    children: list[Hashable] = []
    if by is not None:
        keys = results[by].astype(object).where(results[by].notna() & (results[by] != ""), NOT_STATED)
        for key, part in results.groupby(keys, sort=True):
            members[key] = frozenset(part["respondent"])
            children.append(key)
    return groups_table(results, members, values=values, categories=categories, category_keys=category_keys,
                        min_size=min_size, partitions=[(TOTAL, children)] if children else [])


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
