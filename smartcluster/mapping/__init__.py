"""Cluster mapping measures on tidy pandas DataFrames (no Django): taxonomies, LQ, growth, stars, US rules,
relatedness and complexity, fitness, related industries. Methods and sources: shared/methods/cluster-mapping.md.

>>> from smartcluster.mapping import location_quotients, star_ratings, relatedness, us_cluster_strength
"""

from smartcluster.mapping.fitness import fitness_complexity
from smartcluster.mapping.frames import MappingInputError, on_single_nuts_version
from smartcluster.mapping.growth import cagr, growth
from smartcluster.mapping.location_quotient import covered_employment, location_quotients
from smartcluster.mapping.related_industries import emerging_strengths, related_industries
from smartcluster.mapping.relatedness import RelatednessResult, complexity_matrices, relatedness
from smartcluster.mapping.stars import StarThresholds, star_ratings
from smartcluster.mapping.taxonomies import (
    Taxonomy,
    builtin_taxonomy,
    category_employment,
    cluster_categories,
    load_taxonomy,
    roll_up,
)
from smartcluster.mapping.us_cluster import (
    naics_to_clusters,
    read_cluster_inputs,
    read_national_totals,
    us_cluster_strength,
)

__all__ = [
    "MappingInputError", "RelatednessResult", "StarThresholds", "Taxonomy", "builtin_taxonomy", "cagr",
    "category_employment", "cluster_categories", "complexity_matrices", "covered_employment",
    "emerging_strengths", "fitness_complexity", "growth", "load_taxonomy", "location_quotients",
    "naics_to_clusters", "on_single_nuts_version", "read_cluster_inputs", "read_national_totals", "related_industries", "relatedness",
    "roll_up", "star_ratings", "us_cluster_strength",
]
