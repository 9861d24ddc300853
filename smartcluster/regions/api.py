"""JSON API of NUTS regions (mounted at /api/regions/), readable by anyone."""

from django.db.models import BooleanField, ExpressionWrapper, Q
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate  # settings.NINJA_PAGINATION_CLASS: one checked pagination

from smartcluster.accounts.auth import READ_AUTH
from smartcluster.regions import selectors
from smartcluster.regions.models import Region

router = Router(tags=["regions"])


class RegionOut(Schema):
    code: str
    version: int
    level: int
    country: str
    name: str
    name_latn: str
    parent: str | None = Field(None, description="NUTS code of the parent (same version)")
    has_boundary: bool

    @staticmethod
    def resolve_parent(obj: Region) -> str | None:
        return obj.parent.code if obj.parent_id else None

    @staticmethod
    def resolve_has_boundary(obj: Region) -> bool:
        # Lists annotate has_boundary so that the deferred geometry is never loaded; a detail has the geometry.
        annotated = getattr(obj, "has_boundary", None)
        return obj.boundary is not None if annotated is None else bool(annotated)


class RegionDetailOut(RegionOut):
    versions: list[int] = Field(..., description="NUTS versions (loaded here) in which the code exists")
    children: list[str] = Field(..., description="Codes one level below, same version")
    source: str
    boundary: dict | None = Field(None, description="GeoJSON geometry, only with ?geometry=true")

    @staticmethod
    def resolve_versions(obj: Region) -> list[int]:
        return selectors.region_versions(code=obj.code)

    @staticmethod
    def resolve_children(obj: Region) -> list[str]:
        return [child.code for child in selectors.region_children(region=obj)]

    @staticmethod
    def resolve_boundary(obj: Region, context: dict) -> dict | None:
        return obj.boundary if context["request"].GET.get("geometry") in {"true", "1", "yes"} else None


class RegionFilters(Schema):
    q: str = Field("", description="Code prefix or part of the name")
    code: str = Field("", description="Code prefix, e.g. EL6")
    level: int | None = Field(None, ge=0, le=3)
    version: int | None = Field(None, description="NUTS version, e.g. 2021")
    country: str = Field("", max_length=2, description="Two-letter country code, e.g. EL")


@router.get("/", response=list[RegionOut], auth=READ_AUTH)
@paginate(page_size=100)
def region_list(request: HttpRequest, filters: Query[RegionFilters]):  # noqa: ANN201 - paginated queryset
    regions = selectors.region_list(query=filters.q, code_prefix=filters.code, level=filters.level,
                                    version=filters.version, country=filters.country)
    return regions.select_related("parent").defer("boundary", "parent__boundary").annotate(
        has_boundary=ExpressionWrapper(Q(boundary__isnull=False), output_field=BooleanField())
    )


@router.get("/{code}/{version}", response=RegionDetailOut, auth=READ_AUTH)
def region_detail(request: HttpRequest, code: str, version: int, geometry: bool = False) -> Region:
    """One region; its boundary (GeoJSON geometry) only when asked with `?geometry=true`."""
    try:
        return selectors.region_get(code=code, version=version)
    except Region.DoesNotExist:
        raise HttpError(404, f"NUTS {version} has no region {code.upper()}") from None
