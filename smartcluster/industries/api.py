"""JSON API of NACE Rev. 2 (mounted at /api/industries/), readable by anyone."""

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate  # settings.NINJA_PAGINATION_CLASS: one checked pagination

from smartcluster.accounts.auth import READ_AUTH
from smartcluster.industries import selectors
from smartcluster.industries.models import Industry

router = Router(tags=["industries"])


class IndustryOut(Schema):
    code: str = Field(..., examples=["26.11"])
    eurostat_code: str = Field(..., examples=["C2611"])
    level: int = Field(..., description="1 section, 2 division, 3 group, 4 class")
    section: str
    name: str
    parent: str | None = Field(None, description="Code of the parent item")

    @staticmethod
    def resolve_parent(obj: Industry) -> str | None:
        return obj.parent.code if obj.parent_id else None


class IndustryDetailOut(IndustryOut):
    includes: str
    excludes: str
    children: list[str] = Field(..., description="Codes one level below")

    @staticmethod
    def resolve_children(obj: Industry) -> list[str]:
        return [child.code for child in selectors.industry_children(industry=obj)]


class IndustryFilters(Schema):
    q: str = Field("", description="Code prefix or part of the name")
    code: str = Field("", description="Code prefix, official (26.1) or Eurostat (C261)")
    level: int | None = Field(None, ge=1, le=4)
    section: str = Field("", max_length=1, description="Section letter A-U")


@router.get("/", response=list[IndustryOut], auth=READ_AUTH)
@paginate(page_size=100)
def industry_list(request: HttpRequest, filters: Query[IndustryFilters]):  # noqa: ANN201 - paginated queryset
    return selectors.industry_list(query=filters.q, code_prefix=filters.code, level=filters.level,
                                   section=filters.section).select_related("parent")


@router.get("/{code}", response=IndustryDetailOut, auth=READ_AUTH)
def industry_detail(request: HttpRequest, code: str) -> Industry:
    """One NACE item by official (`26.11`) or Eurostat (`C2611`) code."""
    try:
        return selectors.industry_get(code=code)
    except Industry.DoesNotExist:
        raise HttpError(404, f"no NACE Rev. 2 item {code}") from None
