"""The ECCP minimum criteria: each met or not met, with the reason a cluster manager reads."""

from __future__ import annotations

from typing import Any

from smartcluster.evaluation.eccp import eccp_minimum_criteria, eccp_minimum_met

COMPLETE: dict[str, Any] = {"management_fte": 1.5, "committed_members": 15, "member_types": {"sme": 12, "research": 3},
                            "website": "https://cluster.example.eu"}


def _checks(**changes: Any) -> dict[str, Any]:
    return {check.key: check for check in eccp_minimum_criteria(**{**COMPLETE, **changes})}


def test_a_cluster_meeting_all_four_passes() -> None:
    checks = eccp_minimum_criteria(**COMPLETE)
    assert [check.key for check in checks] == ["management_fte", "website", "committed_members", "member_types"]
    assert eccp_minimum_met(checks)


def test_14_members_fail_15_committed_members_with_that_reason() -> None:
    checks = _checks(committed_members=14)
    check = checks["committed_members"]
    assert (check.met, check.code, check.reason) == (False, "below_minimum", "committed members: 14; at least 15 required")
    assert not eccp_minimum_met(tuple(checks.values()))


def test_less_than_half_an_fte_of_management_fails() -> None:
    check = _checks(management_fte=0.4)["management_fte"]
    assert not check.met and check.reason == "cluster-management FTE: 0.4; at least 0.5 required"


def test_only_member_types_with_members_count() -> None:
    check = _checks(member_types={"sme": 20, "research": 0})["member_types"]
    assert not check.met and check.value == 1


def test_visible_work_with_public_bodies_replaces_a_second_member_type() -> None:
    check = _checks(member_types=1, works_with_public_bodies=True)["member_types"]
    assert check.met and check.code == "public_bodies"


def test_a_missing_or_malformed_website_fails_with_its_reason() -> None:
    assert _checks(website="")["website"].code == "not_recorded"
    assert _checks(website="cluster dot eu")["website"].code == "not_a_web_address"


def test_an_unrecorded_figure_fails_as_not_recorded() -> None:
    check = _checks(management_fte=None)["management_fte"]
    assert not check.met and check.code == "not_recorded"
