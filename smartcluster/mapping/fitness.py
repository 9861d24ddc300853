"""Fitness-complexity (Tacchella, Cristelli, Caldarelli, Gabrielli & Pietronero 2012, Sci. Rep. 2:723).

Defaults and iteration as in the R package economiccomplexity (complexity_measures / fitness method):
20 iterations, extremality 1, both vectors start at 1 and are divided by their mean at every step.
"""

from __future__ import annotations

import numpy as np


def fitness_complexity(mcp: np.ndarray, *, iterations: int = 20, extremality: float = 1.0) -> tuple[np.ndarray, np.ndarray]:
    """Fitness of regions (rows) and complexity of industries (columns) of a binary M; NaN for empty rows/columns.

    F_r(n) = sum_c M_rc Q_c(n-1); Q_c(n) = 1 / (sum_r M_rc (1 / F_r(n-1))^e)^(1/e); each then divided by its mean
    (Tacchella et al. 2012, eq. 1; economiccomplexity's generalisation with extremality e).

    >>> fitness_complexity(np.array([[1.0, 1.0], [1.0, 0.0]]))
    """
    if iterations < 2:
        raise ValueError("fitness-complexity needs at least 2 iterations")
    rows, cols = mcp.sum(axis=1) > 0, mcp.sum(axis=0) > 0
    m = mcp[rows][:, cols]
    fit = np.ones(m.shape[0])
    complexity = np.ones(m.shape[1])
    for _ in range(iterations - 1):
        new_fit = m @ complexity
        new_fit /= new_fit.mean()
        new_complexity = 1.0 / (m.T @ (1.0 / fit) ** extremality) ** (1.0 / extremality)
        new_complexity /= new_complexity.mean()
        fit, complexity = new_fit, new_complexity
    full_fit = np.full(mcp.shape[0], np.nan)
    full_complexity = np.full(mcp.shape[1], np.nan)
    full_fit[rows], full_complexity[cols] = fit, complexity
    return full_fit, full_complexity
