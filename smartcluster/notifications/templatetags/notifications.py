"""`{% notification_badge %}`: the header's link to the inbox with the signed-in user's unread count."""

from __future__ import annotations

from typing import Any

from django import template

from smartcluster.notifications.selectors import notification_unread_count

register = template.Library()


@register.inclusion_tag("notifications/_badge.html", takes_context=True)
def notification_badge(context: dict[str, Any]) -> dict[str, Any]:
    return {"unread": notification_unread_count(user=context["user"])}
