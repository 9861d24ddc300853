"""The reasons of match suggestions in words, in the active language (the library gives codes and parameters)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from django.utils.translation import gettext as _

from smartcluster import suggestions
from smartcluster.organisations.choices import OrganisationType


def _type_name(code: str) -> str:
    """An organisation type by its name in the active language ("SME", "University")."""
    return str(OrganisationType(code).label) if code in OrganisationType.values else code


def _complementary_types(params: Mapping[str, str]) -> str:
    return _("complementary types (%(yours)s and %(theirs)s)") % {
        "yours": _type_name(params["yours"]), "theirs": _type_name(params["theirs"])}


PHRASES: dict[str, Callable[[Mapping[str, str]], str]] = {
    suggestions.THEIR_OFFER: lambda p: _("their offer “%(theirs)s” matches your request “%(yours)s”") % p,
    suggestions.YOUR_OFFER: lambda p: _("your offer “%(yours)s” answers their request “%(theirs)s”") % p,
    suggestions.BOTH_SEEK_PARTNERS: lambda p: _("both seek partners: “%(yours)s” and “%(theirs)s”") % p,
    suggestions.SHARED_TECHNOLOGIES: lambda p: _("shared technologies: %(technologies)s") % p,
    suggestions.SHARED_SECTORS: lambda p: _("sector %(sectors)s") % p,
    suggestions.COMPLEMENTARY_TYPES: _complementary_types,
    suggestions.OVERALL_PROFILE: lambda p: _("overall profile"),
}


def reason_text(reasons: Sequence[suggestions.Reason]) -> str:
    """The reasons of one suggestion as one line, e.g. "shared technologies: iot; complementary types (SME and
    University)"."""
    return "; ".join(PHRASES[reason.code](reason.params) for reason in reasons)
