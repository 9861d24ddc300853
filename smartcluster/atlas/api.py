"""Cluster mapping results over the API (mounted at /api/atlas/), readable by anyone like the pages: region x
category x year with measures and stars."""

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
    params = selectors.atlas_params(taxonomy=filters.taxonomy, reference=filters.reference)
    try:
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
    return {"nuts_version": result.nuts_version, "years": result.years, "left_out": result.left_out.get(year, []),
            "note": "SBS employment is employment covered: NACE sections B-N and division S95.", "rows": records}
