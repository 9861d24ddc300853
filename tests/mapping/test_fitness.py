"""Fitness-complexity (Tacchella et al. 2012) with economiccomplexity's defaults."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from smartcluster.mapping.fitness import fitness_complexity
from smartcluster.mapping.relatedness import relatedness


def test_two_iterations_by_hand() -> None:
    mcp = np.array([[1.0, 1.0], [1.0, 0.0]])
    fit, complexity = fitness_complexity(mcp, iterations=2)
    # F = M @ 1 = (2, 1) / mean 1.5 -> (4/3, 2/3); Q = 1 / (M' @ 1/1) = (1/2, 1) / mean 0.75 -> (2/3, 4/3)
    np.testing.assert_allclose(fit, [4 / 3, 2 / 3])
    np.testing.assert_allclose(complexity, [2 / 3, 4 / 3])


def test_nested_matrix_ranks_the_diversified_region_first_and_empty_rows_are_nan() -> None:
    mcp = np.array([[1, 1, 1], [1, 1, 0], [1, 0, 0], [0, 0, 0]], dtype=float)
    fit, complexity = fitness_complexity(mcp)
    assert fit[0] > fit[1] > fit[2] and np.isnan(fit[3])
    assert complexity[2] > complexity[1] > complexity[0]
    assert np.nanmean(fit) == pytest.approx(1.0)
    with pytest.raises(ValueError, match="at least 2"):
        fitness_complexity(mcp, iterations=1)


def test_real_sbs_fitness_correlates_with_diversity(sbs_nuts2_employment: pd.DataFrame) -> None:
    rows = sbs_nuts2_employment[(sbs_nuts2_employment["industry"].str.len() == 3)
                                & (sbs_nuts2_employment["year"] == 2014)]
    cells = relatedness(rows, year=None, fitness=True).cells.dropna(subset=["fitness"])
    regions = cells.drop_duplicates("region")
    assert regions["fitness"].corr(regions["diversity"], method="spearman") > 0.5
