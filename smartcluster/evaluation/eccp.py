"""The ECCP minimum criteria for a cluster organisation's profile, each met or not met with the reason.

Source: methods/evaluation.md §1 "ECCP profile validation" [V] (clustercollaboration.eu, "register your
profile"): management ≥ 0.5 FTE; an English website showing activity; ≥ 15 committed members; ≥ 2 member types
(triple helix) or visible work with public bodies. Only the presence of a website address is checked here; that
it is in English and shows activity is for the reviewer to confirm.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlparse

MINIMUM_MANAGEMENT_FTE = 0.5  # ECCP [V]
MINIMUM_COMMITTED_MEMBERS = 15  # ECCP [V]
MINIMUM_MEMBER_TYPES = 2  # ECCP [V]


@dataclass(frozen=True)
class CriterionCheck:
    """One criterion: `code` is a stable key of the reason the app translates, `reason` its English text."""

    key: str
    met: bool
    code: str
    reason: str
    value: float | str | None = None
    required: float | None = None


def _at_least(key: str, value: float | None, required: float, what: str) -> CriterionCheck:
    shown = f"{value:g}" if value is not None else None
    if value is None:
        return CriterionCheck(key, False, "not_recorded", f"{what}: not recorded; at least {required:g} required",
                              None, required)
    if value < required:
        return CriterionCheck(key, False, "below_minimum",
                              f"{what}: {shown}; at least {required:g} required", value, required)
    return CriterionCheck(key, True, "met", f"{what}: {shown} (at least {required:g} required)", value, required)


def _member_types(types: int | Mapping[str, int] | None, works_with_public_bodies: bool) -> CriterionCheck:
    count = sum(1 for n in types.values() if n and n > 0) if isinstance(types, Mapping) else types
    check = _at_least("member_types", None if count is None else float(count), MINIMUM_MEMBER_TYPES,
                      "member types")
    if not check.met and works_with_public_bodies:
        return CriterionCheck("member_types", True, "public_bodies",
                              "fewer than 2 member types, but visible work with public bodies", check.value,
                              check.required)
    return check


def _website(address: str | None) -> CriterionCheck:
    text = (address or "").strip()
    if not text:
        return CriterionCheck("website", False, "not_recorded", "no website given")
    parts = urlparse(text)
    if parts.scheme in ("http", "https") and "." in parts.netloc:
        return CriterionCheck("website", True, "met", f"website {text}", text)
    return CriterionCheck("website", False, "not_a_web_address", f"'{text}' is not a web address (http/https)",
                          text)


def eccp_minimum_criteria(*, management_fte: float | None, committed_members: int | None,
                          member_types: int | Mapping[str, int] | None, website: str | None,
                          works_with_public_bodies: bool = False) -> tuple[CriterionCheck, ...]:
    """The four ECCP minimum criteria, in the order the ECCP lists them; `member_types` is a count or the
    member counts by type (types with members are counted)."""
    return (
        _at_least("management_fte", management_fte, MINIMUM_MANAGEMENT_FTE, "cluster-management FTE"),
        _website(website),
        _at_least("committed_members", committed_members, MINIMUM_COMMITTED_MEMBERS, "committed members"),
        _member_types(member_types, works_with_public_bodies),
    )


def eccp_minimum_met(checks: tuple[CriterionCheck, ...]) -> bool:
    """All minimum criteria met."""
    return all(check.met for check in checks)
