"""One cluster-year reported in full, scored by hand in test_scoring.py."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture
def cluster_inputs() -> dict[str, Any]:
    return {
        "members": 40, "members_previous": 36, "sme_members": 18, "business_members": 30, "members_retained": 30,
        "member_types": 3, "management_fte": 2.0, "strategy": "yes", "revenue": 800_000, "public_grants": 480_000,
        "core_funding": 120_000, "annual_cost": 750_000, "contracted_next_12_months": 600_000,
        "contracted_next_36_months": 700_000, "members_using_services": 26, "collaborative_projects": 4,
        "funds_raised": 250_000, "satisfaction": 3.8, "label": "none", "eccp_profile": "yes",
        # international_agreements not reported
    }
