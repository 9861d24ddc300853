from django import template

from smartcluster.organisations.models import HelixRole

register = template.Library()


@register.filter
def helix_role_label(organisation: object) -> str:
    """The translated name of an organisation's triple-helix role."""
    return HelixRole(organisation.helix_role).label
