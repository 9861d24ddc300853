"""Splitting Eurostat-style cells and completing observations."""

from __future__ import annotations

import numpy as np
import pandas as pd

from smartcluster.sources import tidy


def test_cells_split_into_value_and_flags() -> None:
    cells = tidy.split_cells(np.array(["123 ", "3.16 p", ": ", ": c", ":", "- ", "-0.5 ", "1e3", "abc", "", "12 bu"],
                                      dtype=object))
    assert cells["flags"].tolist() == ["", "p", ":", ":c", ":", "-", "", "", "", "", "bu"]
    assert cells["value"].fillna(-99).tolist() == [123.0, 3.16, -99, -99, -99, -99, -0.5, 1000.0, -99, -99, 12.0]
    assert tidy.not_numbers(cells).tolist() == [False] * 8 + [True, True, False]


def test_completion_adds_versions_and_levels() -> None:
    frame = pd.DataFrame({"region": ["LT00", "LT01"], "industry": ["C28", "B-E"], "year": [2014, 2018],
                          "measure": "employees", "value": [1.0, 2.0], "flags": "", "unit": ""})
    done = tidy.completed(frame, classification="NACE_R2")
    assert done[["nuts_version", "nuts_level", "industry_level", "classification"]].values.tolist() == [
        [2010, 2, 2, "NACE_R2"], [2016, 2, 0, "NACE_R2"]]
