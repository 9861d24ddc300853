"""The signed-in user's own notifications over the API (mounted at /api/notifications/); anyone else's is a 404."""


import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate  # settings.NINJA_PAGINATION_CLASS: one checked pagination

from smartcluster.notifications import selectors
from smartcluster.notifications.models import Notification

router = Router(tags=["notifications"])


class NotificationOut(Schema):
    id: int
    kind: str
    subject: str
    body: str
    url: str
    topic: str
    topic_key: str
    created_at: dt.datetime
    read_at: dt.datetime | None


class NotificationFilters(Schema):
    unread: bool | None = Field(None, description="true: unread only; false: read only")


@router.get("/", response=list[NotificationOut], summary="My notifications, newest first")
@paginate(page_size=50)
def notification_list(request: HttpRequest, filters: Query[NotificationFilters]) -> Any:
    return selectors.notification_list_for_user(user=request.user, unread=filters.unread)


@router.get("/{notification_id}", response=NotificationOut, summary="One of my notifications")
def notification_detail(request: HttpRequest, notification_id: int) -> Notification:
    return selectors.notification_get_for_user(user=request.user, pk=notification_id)
