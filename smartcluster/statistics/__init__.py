"""The statistics store (DuckDB): observations by region, industry, year and measure, with flags and provenance."""

from smartcluster.statistics.store import StatisticsStore

__all__ = ["StatisticsStore"]
