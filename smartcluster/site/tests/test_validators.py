"""The field validators every app shares."""

import pytest
from django.core.exceptions import ValidationError

from smartcluster.site.validators import nul_characters_refused


def test_a_nul_character_is_refused_naming_each_field_that_holds_one() -> None:
    with pytest.raises(ValidationError) as refusal:
        nul_characters_refused({"title": "Kick\x00off", "summary": "fine", "notes": "a\x00", "count": 3})
    assert sorted(refusal.value.message_dict) == ["notes", "title"]


def test_texts_without_a_nul_character_and_other_values_pass() -> None:
    nul_characters_refused({"title": "Kick-off", "count": 3, "when": None})
