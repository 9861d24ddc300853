"""Member counts by type (kept as a list or as counts, issue #16) → the figures the criteria set and the ECCP
check read: members, member types present, SME and business members (methods §1, Structure rows)."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any

from smartcluster.evaluation.errors import EvaluationError, unknown_keys_refused


class MemberType(StrEnum):
    """Member types of methods §1 ("by type: SME, large firm, research/education, public, other")."""

    SME = "sme"
    LARGE_FIRM = "large_firm"
    RESEARCH_EDUCATION = "research_education"
    PUBLIC = "public"
    OTHER = "other"


BUSINESS_TYPES = (MemberType.SME, MemberType.LARGE_FIRM)  # methods §1: SME share = SMEs / business members


def member_counts_checked(counts: Mapping[str, Any]) -> dict[str, int]:
    """Counts for every member type (0 where not given); an unknown type or a count that is not a whole
    number ≥ 0 is refused naming `member_counts.<type>`."""
    unknown_keys_refused(counts, MemberType, field="member_counts", code="unknown_member_type", what="member type")
    checked = {}
    for member_type in MemberType:
        count = counts.get(member_type.value) or 0
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            raise EvaluationError(f"member_counts.{member_type}", "not_a_count", f"'{count}' is not a count ≥ 0")
        checked[member_type.value] = count
    return checked


def membership_inputs(counts: Mapping[str, Any]) -> dict[str, int]:
    """members, member_types (types with ≥ 1 member), sme_members and business_members of one year."""
    checked = member_counts_checked(counts)
    return {"members": sum(checked.values()), "member_types": sum(1 for n in checked.values() if n > 0),
            "sme_members": checked[MemberType.SME], "business_members": sum(checked[t] for t in BUSINESS_TYPES)}
