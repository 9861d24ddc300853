"""What attacker tests share: the CSRF token a page's form carries, as a browser would send it back."""

from __future__ import annotations

import re


def form_token(page: str) -> str:
    """The CSRF token of the (first) form on a page; fails the test when the page has none."""
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert match, "no CSRF token in the form"
    return match.group(1)
