"""Agreement between two coders: Cohen's κ and the percentage agreement, per code and overall.

Only the units coded by BOTH coders count (a unit one coder has not coded is no disagreement). Multi-label coding
(a unit may receive several codes, or none) is read as one binary decision per unit and code: applied or not.

- per code: κ and % agreement over that code's decisions, one per unit coded by both;
- overall: κ and % agreement over the POOLED binary decisions, every unit × code pair of the codebook (units coded
  by both × codes), as if each pair were one item rated "applied"/"not applied".

Reference: Cohen, J. (1960). A coefficient of agreement for nominal scales. Educational and Psychological
Measurement 20(1), 37–46.

>>> round(cohen_kappa(["y", "y", "n", "n", "y"], ["y", "n", "n", "n", "y"]), 3)
0.615
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Hashable, Mapping, Sequence
from dataclasses import dataclass

__all__ = ["Agreement", "CodingAgreement", "agreement_of", "coding_agreement", "cohen_kappa",
           "observed_agreement"]


@dataclass(frozen=True)
class Agreement:
    """Agreement over `decisions` paired ratings: `observed` share in [0, 1], `kappa` (None when undefined)."""

    decisions: int
    observed: float | None
    kappa: float | None

    @property
    def percent(self) -> float | None:
        """The percentage agreement (0–100)."""
        return None if self.observed is None else 100 * self.observed


@dataclass(frozen=True)
class CodingAgreement:
    """Agreement of two coders on the `units` both coded: per code (in the codebook's order) and overall."""

    units: int
    per_code: dict[str, Agreement]
    overall: Agreement


def _paired(first: Sequence[Hashable], second: Sequence[Hashable]) -> None:
    if len(first) != len(second):
        raise ValueError(f"the two codings rate {len(first)} and {len(second)} items: they must rate the same items")


def observed_agreement(first: Sequence[Hashable], second: Sequence[Hashable]) -> float | None:
    """The share of items rated alike (None for no item)."""
    _paired(first, second)
    if not first:
        return None
    return sum(a == b for a, b in zip(first, second, strict=True)) / len(first)


def cohen_kappa(first: Sequence[Hashable], second: Sequence[Hashable]) -> float | None:
    """Cohen's κ of two raters over the same items (nominal categories).

    Returns None when undefined: no item, or chance agreement p_e = 1 (both raters gave every item the same single
    category, so p_o = 1 too and κ = 0/0; the percentage agreement, 100 %, is the meaningful figure then).
    """
    p_o = observed_agreement(first, second)
    if p_o is None:
        return None
    count = len(first)
    first_counts, second_counts = Counter(first), Counter(second)
    p_e = sum(first_counts[category] * second_counts[category] for category in first_counts) / count**2
    if p_e >= 1.0:
        return None
    return (p_o - p_e) / (1 - p_e)  # Cohen 1960: κ = (p_o − p_e) / (1 − p_e)


def agreement_of(first: Sequence[Hashable], second: Sequence[Hashable]) -> Agreement:
    """κ and the observed agreement of two raters over the same items."""
    return Agreement(len(first), observed_agreement(first, second), cohen_kappa(first, second))


def coding_agreement(first: Mapping[Hashable, Collection[str]], second: Mapping[Hashable, Collection[str]],
                     codes: Sequence[str]) -> CodingAgreement:
    """Agreement of two coders: `first` and `second` map each unit a coder coded to the codes applied (possibly
    none); `codes` is the codebook. Only units in both mappings count; overall pools every unit × code decision.

    >>> result = coding_agreement({1: {"a"}, 2: set(), 3: {"b"}}, {1: {"a"}, 2: {"b"}, 4: {"a"}}, ["a", "b"])
    >>> result.units, result.per_code["a"].percent, result.overall.decisions
    (2, 100.0, 4)
    """
    units = sorted((set(first) & set(second)), key=repr)
    decisions = {code: ([code in first[unit] for unit in units], [code in second[unit] for unit in units])
                 for code in codes}
    per_code = {code: agreement_of(*pair) for code, pair in decisions.items()}
    pooled_first = [value for pair in decisions.values() for value in pair[0]]
    pooled_second = [value for pair in decisions.values() for value in pair[1]]
    return CodingAgreement(len(units), per_code, agreement_of(pooled_first, pooled_second))
