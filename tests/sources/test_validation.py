"""Problem reports: where and what, every problem, a bounded listing."""

from __future__ import annotations

import pandas as pd

from smartcluster.sources import validation
from smartcluster.sources.validation import InvalidInput, Problem


def test_problem_names_file_line_and_column() -> None:
    assert str(Problem("a.csv", 4, "value", "not a number: 'x'")) == "a.csv:4 [value]: not a number: 'x'"
    assert str(Problem("a.gz", None, None, "truncated")) == "a.gz: truncated"


def test_summary_is_one_line_and_report_lists_each_problem_up_to_a_bound() -> None:
    problems = [Problem("a.csv", i, "value", "bad") for i in range(2, 2 + validation.MAX_LISTED + 5)]
    error = InvalidInput(problems)
    assert error.summary() == f"{len(problems)} problem(s) in the input: a.csv:2 [value]: bad (and {len(problems) - 1} more)"
    lines = error.report().splitlines()
    assert len(lines) == validation.MAX_LISTED + 1 and lines[-1] == "… and 5 more problems"


def test_observation_problems_each_listed() -> None:
    frame = pd.DataFrame({
        "region": ["DE11", "DE11", "QQ11", "LT01", "DE12"], "nuts_version": [2016, 2016, None, 2013, 2016],
        "industry": ["C", "C", "C", "C", "C"], "classification": "NACE_R2", "year": [2019] * 5,
        "measure": ["employees", "employees", "employees", "employees", "value_added"], "unit": "",
        "value": [1.0, 2.0, 3.0, 4.0, -5.0]})
    line = pd.Series([2, 3, 4, 5, 6])
    columns = {name: pd.Series(name, index=frame.index) for name in ("region", "industry", "value")}
    problems = validation.observation_problems(frame, file="f", line=line, columns=columns)
    assert [str(p) for p in problems] == [
        "f:4 [region]: unknown NUTS region code 'QQ11'",
        "f:5 [region]: region LT01 does not exist in NUTS 2013",
        "f:3 [value]: duplicate key: DE11 C 2019 employees appears on an earlier line too",
    ]  # a negative value added is allowed (it happens); a negative count is not:
    frame.loc[0, "value"] = -1.0
    problems = validation.observation_problems(frame, file="f", line=line, columns=columns)
    assert "f:2 [value]: negative value -1 for employees" in [str(p) for p in problems]
