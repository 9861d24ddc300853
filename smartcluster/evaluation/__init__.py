"""Cluster-organisation evaluation, no Django: criteria sets as data (`criteria`), indicator values
(`indicators`), scores (`scoring`), peer groups and benchmarking (`peers`, `benchmarking`), the ECCP minimum
criteria (`eccp`) and funding structures (`funding`). Refusals are `EvaluationError` (field, code, English).
What is verified and what is ours: README.md here and ../shared/methods/evaluation.md §1."""

from smartcluster.evaluation.benchmarking import Benchmark, IndicatorPosition, Shown, benchmark
from smartcluster.evaluation.criteria import (
    CriteriaSet,
    criteria_set_from_mapping,
    criteria_set_from_yaml,
    default_criteria_set,
    packaged_criteria_text,
)
from smartcluster.evaluation.eccp import CriterionCheck, eccp_minimum_criteria, eccp_minimum_met
from smartcluster.evaluation.errors import EvaluationError
from smartcluster.evaluation.funding import (
    DependencyTrend,
    FundingFigures,
    FundingYear,
    Source,
    funding_figures,
    funding_frame,
    funding_inputs,
    public_dependency_trend,
    source_shares_checked,
)
from smartcluster.evaluation.indicators import indicator_values
from smartcluster.evaluation.peers import PeerGroup, peer_group_from_inputs
from smartcluster.evaluation.scoring import (
    EvaluationResult,
    Status,
    evaluation_result_from_dict,
    evaluation_score,
)

__all__ = [
    "Benchmark", "CriteriaSet", "CriterionCheck", "DependencyTrend", "EvaluationError", "EvaluationResult",
    "FundingFigures", "FundingYear", "IndicatorPosition", "PeerGroup", "Shown", "Source", "Status", "benchmark",
    "criteria_set_from_mapping", "criteria_set_from_yaml", "default_criteria_set", "eccp_minimum_criteria",
    "eccp_minimum_met", "evaluation_result_from_dict", "evaluation_score", "funding_figures", "funding_frame",
    "funding_inputs", "indicator_values", "packaged_criteria_text", "peer_group_from_inputs",
    "public_dependency_trend", "source_shares_checked",
]
