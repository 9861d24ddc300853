"""Cluster-organisation evaluation, no Django: criteria sets as data (`criteria`), indicator values
(`indicators`), scores (`scoring`), peer groups and benchmarking (`peers`, `benchmarking`), the ECCP minimum
criteria (`eccp`), member counts (`membership`) and funding structures (`funding`). Refusals are
`EvaluationError` (field, code, English). Verified vs ours: README.md here, ../shared/methods/evaluation.md §1."""

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
from smartcluster.evaluation.indicators import (
    criteria_inputs,
    evaluation_progress,
    indicator_values,
    inputs_problems,
)
from smartcluster.evaluation.membership import MemberType, member_counts_checked, membership_inputs
from smartcluster.evaluation.peers import PeerGroup, peer_group_from_inputs
from smartcluster.evaluation.scoring import (
    EvaluationResult,
    Status,
    evaluation_result_from_dict,
    evaluation_score,
)

__all__ = [
    "Benchmark", "CriteriaSet", "CriterionCheck", "DependencyTrend", "EvaluationError", "EvaluationResult",
    "FundingFigures", "FundingYear", "IndicatorPosition", "MemberType", "PeerGroup", "Shown", "Source",
    "Status", "benchmark", "criteria_inputs", "criteria_set_from_mapping", "criteria_set_from_yaml",
    "default_criteria_set", "eccp_minimum_criteria", "eccp_minimum_met", "evaluation_progress",
    "evaluation_result_from_dict", "evaluation_score", "funding_figures", "funding_frame", "funding_inputs",
    "indicator_values", "inputs_problems", "member_counts_checked", "membership_inputs",
    "packaged_criteria_text", "peer_group_from_inputs", "public_dependency_trend", "source_shares_checked",
]
