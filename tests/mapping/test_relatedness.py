"""Relatedness and complexity: hand example, ecomplexity 0.5.3 equality on the real SBS, unknown cells."""

from __future__ import annotations

import contextlib
import io
import warnings

import numpy as np
import pandas as pd
import pytest

from smartcluster.mapping.frames import MappingInputError
from smartcluster.mapping.relatedness import complexity_matrices, relatedness

# regions r1..r3 x industries a, b, c
TOY = np.array([[10.0, 0.0, 5.0], [0.0, 8.0, 4.0], [6.0, 6.0, 0.0]])


def test_rca_m_proximity_density_by_hand() -> None:
    m = complexity_matrices(TOY)
    # totals: rows 15, 12, 12; columns 16, 14, 9; all 39. RCA(r1, a) = (10/15) / (16/39) = 1.625
    assert m.rca[0, 0] == pytest.approx((10 / 15) / (16 / 39))
    assert m.mcp.tolist() == [[1, 0, 1], [0, 1, 1], [1, 1, 0]]
    assert m.diversity.tolist() == [2, 2, 2] and m.ubiquity.tolist() == [2, 2, 2]
    # phi(a, c) = regions with both (r1) / max(2, 2) = 0.5; diagonal 1
    assert m.proximity[0, 2] == 0.5 and m.proximity[1, 1] == 1.0
    # density(r1, b) = (M_r1a phi_ab + M_r1c phi_cb) / (phi_ab + phi_bb + phi_cb) = (0.5 + 0.5) / 2
    assert m.density[0, 1] == pytest.approx(0.5)


def test_eci_sign_follows_diversity() -> None:
    values = np.array([[5, 5, 5, 5], [5, 5, 5, 0], [5, 5, 0, 0], [5, 0, 0, 0]], dtype=float) + 0.1
    m = complexity_matrices(values, mcp_threshold=0.9)
    assert np.corrcoef(m.diversity, m.eci)[0, 1] > 0


def test_long_output_keeps_unknown_cells_flagged_and_zero_regions_as_nan() -> None:
    frame = pd.DataFrame({"region": ["r1", "r1", "r2", "r2", "r3", "r3", "r4"],
                          "industry": ["a", "b", "a", "b", "a", "b", "a"],
                          "value": [10.0, np.nan, 3.0, 7.0, 5.0, 5.0, 0.0]})
    out = relatedness(frame, year=None)
    cells = out.cells.set_index(["region", "industry"])
    assert not cells.loc[("r1", "b"), "known"] and out.summary["unknown_cells"] == 1
    assert np.isnan(cells.loc[("r1", "b"), "value"]) and cells.loc[("r1", "b"), "mcp"] == 0.0
    assert np.isnan(cells.loc[("r4", "a"), "rca"]) and np.isnan(cells.loc[("r4", "b"), "ubiquity"])
    assert len(out.proximity) == 4


def test_bad_input_is_named() -> None:
    with pytest.raises(MappingInputError, match="negative"):
        relatedness(pd.DataFrame({"region": ["a"], "industry": ["x"], "value": [-1.0]}), year=None)
    with pytest.raises(MappingInputError, match="several rows"):
        relatedness(pd.DataFrame({"region": ["a", "a"], "industry": ["x", "x"], "value": [1.0, 2.0]}), year=None)


def test_equal_to_ecomplexity_on_the_real_sbs(sbs_nuts2_employment: pd.DataFrame) -> None:
    ecomplexity = pytest.importorskip("ecomplexity", reason="ecomplexity (benchmark-only) is not installed")
    rows = sbs_nuts2_employment[(sbs_nuts2_employment["industry"].str.len() == 3)
                                & sbs_nuts2_employment["year"].isin([2013, 2014])]
    ours = relatedness(rows).cells
    with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
        warnings.simplefilter("ignore")
        theirs = ecomplexity.ecomplexity(rows.fillna({"value": 0}), {"time": "year", "loc": "region",
                                                                    "prod": "industry", "val": "value"},
                                         check_logsupermodularity=False)
    both = ours.merge(theirs, on=["year", "region", "industry"], suffixes=("", "_theirs"))
    assert len(both) == len(ours) == len(theirs)
    for column in ["rca", "mcp", "diversity", "ubiquity", "density", "coi", "cog"]:
        np.testing.assert_allclose(both[column], both[f"{column}_theirs"], atol=1e-9, equal_nan=True)
    for column in ["eci", "pci"]:
        difference = min(np.nanmax(np.abs(both[column] - both[f"{column}_theirs"])),
                         np.nanmax(np.abs(both[column] + both[f"{column}_theirs"])))
        assert difference < 1e-6


def test_real_sbs_2014_rests_on_the_known_cells_and_keeps_the_definitions(sbs_nuts2_employment: pd.DataFrame) -> None:
    rows = sbs_nuts2_employment[(sbs_nuts2_employment["industry"].str.len() == 3)
                                & (sbs_nuts2_employment["year"] == 2014)]
    out = relatedness(rows, year=None)
    # the methods file: about 22 % of 2014 NUTS 2 x division employment cells are unknown
    assert 0.15 < out.summary["unknown_cells"] / out.summary["cells"] < 0.30
    phi = out.proximity.pivot(index="industry_1", columns="industry_2", values="proximity").to_numpy()
    np.testing.assert_allclose(phi, phi.T)
    assert np.allclose(np.diag(phi), 1.0) and out.cells["density"].dropna().between(0, 1).all()
    c10 = out.cells[(out.cells["region"] == "EL61") & (out.cells["industry"] == "C10")].iloc[0]
    known = rows.dropna(subset=["value"])
    region_total = known[known["region"] == "EL61"]["value"].sum()
    assert c10["rca"] == pytest.approx((6387 / region_total) / (known[known["industry"] == "C10"]["value"].sum()
                                                                  / known["value"].sum()))
