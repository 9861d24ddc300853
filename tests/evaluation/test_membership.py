"""Member counts by type become the structure figures (members, types present, SME and business members)."""

from __future__ import annotations

import pytest

from smartcluster.evaluation.eccp import eccp_minimum_criteria
from smartcluster.evaluation.errors import EvaluationError
from smartcluster.evaluation.membership import membership_inputs


def test_counts_by_type_give_the_structure_figures() -> None:
    figures = membership_inputs({"sme": 12, "large_firm": 3, "research_education": 2, "public": 0})
    assert figures == {"members": 17, "member_types": 3, "sme_members": 12, "business_members": 15}


@pytest.mark.parametrize(("counts", "field", "code"), [
    ({"sme": 3, "startups": 2}, "member_counts.startups", "unknown_member_type"),
    ({"sme": -1}, "member_counts.sme", "not_a_count"),
    ({"public": 2.5}, "member_counts.public", "not_a_count"),
])
def test_a_bad_count_is_refused_naming_its_type(counts: dict[str, object], field: str, code: str) -> None:
    with pytest.raises(EvaluationError) as refusal:
        membership_inputs(counts)
    assert (refusal.value.field, refusal.value.code) == (field, code)


def test_the_same_counts_feed_the_eccp_check() -> None:
    figures = membership_inputs({"sme": 14})
    checks = {c.key: c for c in eccp_minimum_criteria(management_fte=1, committed_members=figures["members"],
                                                      member_types=figures["member_types"], website=None)}
    assert checks["committed_members"].reason == "committed members: 14; at least 15 required"
    assert checks["member_types"].reason == "member types: 1; at least 2 required"
