"""Suggestion reasons are put into words in the reader's language, organisation types included."""

from __future__ import annotations

from django.utils import translation

from smartcluster import suggestions
from smartcluster.matchmaking.reasons import PHRASES, reason_text
from smartcluster.suggestions import Reason

OFFER_AND_TYPES = (
    Reason(suggestions.THEIR_OFFER, {"theirs": "Cobot cells", "yours": "Cobot integration"}),
    Reason(suggestions.COMPLEMENTARY_TYPES, {"yours": "sme", "theirs": "university"}),
)


def test_every_reason_code_of_the_library_has_words() -> None:
    assert set(PHRASES) == set(suggestions.REASON_CODES)


def test_a_reason_names_both_opportunities_and_the_type_names_in_english() -> None:
    with translation.override("en"):
        assert reason_text(OFFER_AND_TYPES) == ("their offer “Cobot cells” matches your request “Cobot integration”; "
                                                "complementary types (SME and University)")


def test_the_organisation_types_of_a_reason_read_in_greek() -> None:
    with translation.override("el"):
        text = reason_text(OFFER_AND_TYPES[1:])
    assert "(ΜμΕ" in text and "Πανεπιστήμιο)" in text and "sme" not in text and "university" not in text
