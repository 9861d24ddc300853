"""Cluster mapping results over the API (mounted at /api/atlas/), readable by anyone like the pages: region x
category x year with measures and stars, of any stored dataset holding employment by region x NACE industry
(`dataset`; the default as on the pages), always naming the dataset and its vintage."""

import math

import pandas as pd
from django.http import HttpRequest
from ninja import Query, Router, Schema
from ninja.errors import HttpError

from smartcluster.accounts.auth import READ_AUTH
from smartcluster.atlas import selectors

router = Router(tags=["cluster mapping"])
MAX_ROWS = 20_000

class ResultFilters(Schema):
    dataset: str | None = None
    region: str | None = None
    category: str | None = None
    year: int | None = None
    taxonomy: str = "cluster_categories"
    reference: str = "all"

class ResultRow(Schema):
    region: str
    nuts_version: int
    year: int
    category: str
    category_name: str
    employment: float | None
    establishments: float | None
    lq: float | None
    size_star: bool | None
    specialisation_star: bool | None
    focus_star: bool | None
    productivity_star: bool | None
    stars: int | None
    completeness: float | None
    reference: str
    taxonomy: str

class ResultPage(Schema):
    dataset: str
    vintage: str
    source: str
    refresh: str
    datasets: list[str]
    nuts_version: int
    years: list[int]
    left_out: list[str]
    note: str
    rows: list[ResultRow]

def _plain(value: object) -> object:
    """JSON-safe: unknown numbers and flags as null."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    return value

@router.get("/results", response=ResultPage, auth=READ_AUTH,
            summary="Region x cluster category results (LQ, stars) for one year")
def results(request: HttpRequest, filters: Query[ResultFilters]) -> dict:
    """Rows of the engine's table; an unknown region, category or year answers 404 listing what exists."""
    try:
        dataset = selectors.dataset_chosen(name=filters.dataset)
        params = selectors.atlas_params(dataset=dataset, taxonomy=filters.taxonomy, reference=filters.reference)
        result = selectors.atlas_result_get(params=params)
        year = selectors.year_checked(result=result, year=filters.year)
        rows = selectors.year_table(result=result, year=year)
        if filters.region:
            rows = rows[rows["region"] == selectors.region_checked(result=result, code=filters.region, year=year)]
        if filters.category:
            rows = rows[rows["category"] == selectors.category_checked(result=result, category=filters.category)]
    except selectors.AtlasNotFound as error:
        raise HttpError(404, f"{error.message} Available: {', '.join(error.available[:400])}") from error
    except selectors.AtlasUnavailable as error:
        raise HttpError(503, str(error)) from error
    if len(rows) > MAX_ROWS:
        raise HttpError(400, f"{len(rows)} rows: filter by region or category")
    records = [{key: _plain(value) for key, value in record.items()} for record in rows.to_dict(orient="records")]
    vintage = selectors.dataset_vintage(dataset=dataset)
    return {"dataset": dataset.dataset, "vintage": vintage["label"], "source": vintage["source"],
            "refresh": vintage["refresh"], "datasets": [entry["dataset"] for entry in selectors.datasets_offered()],
            "nuts_version": result.nuts_version, "years": result.years, "left_out": result.left_out.get(year, []),
            "note": _note(params), "rows": records}


def _note(params: selectors.Params) -> str:
    """What the employment of the rows covers."""
    if (selectors.eurostat_code(dataset=params.dataset) or "").startswith("sbs_"):
        return "SBS employment is employment covered: NACE sections B-N and division S95."
    return f"Employment covered: the industries the dataset holds at NACE level {params.industry_level}."
