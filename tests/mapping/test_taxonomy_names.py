"""The shipped taxonomies' category names in every partner language: whole, and only for categories that exist."""

from __future__ import annotations

import pytest
from django.conf import settings

from smartcluster.atlas.engine import taxonomy_named
from smartcluster.mapping.taxonomies import (
    NAMED,
    builtin_taxonomy,
    nace_sections,
    translated_category_names,
    translated_taxonomy_rule,
)

PARTNER_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "en"]


def _english(taxonomy: str) -> dict[str, str]:
    if taxonomy == "nace_sections":
        sections = nace_sections()
        return dict(zip(sections["section"], sections["name"], strict=True))
    table = builtin_taxonomy(taxonomy).table
    return dict(zip(table["category"], table["category_name"], strict=False))


@pytest.mark.parametrize("language", PARTNER_LANGUAGES)
@pytest.mark.parametrize("taxonomy", NAMED)
def test_every_category_of_a_shipped_taxonomy_is_named_in_every_partner_language(taxonomy: str,
                                                                                 language: str) -> None:
    english, names = _english(taxonomy), translated_category_names(taxonomy, language)
    assert set(names) == set(english)
    assert all(name.strip() for name in names.values())
    assert [key for key, name in names.items() if name == english[key]] == []


@pytest.mark.parametrize("language", PARTNER_LANGUAGES)
def test_every_shipped_taxonomy_states_its_rule_in_every_partner_language(language: str) -> None:
    rules = {taxonomy: translated_taxonomy_rule(taxonomy, language) for taxonomy in NAMED}
    assert [taxonomy for taxonomy, rule in rules.items() if not rule.strip()] == []
    assert [taxonomy for taxonomy, rule in rules.items() if rule == taxonomy_named(taxonomy).rule] == []


def test_a_regional_language_code_reads_its_language_and_english_keeps_the_shipped_names() -> None:
    assert translated_category_names("cluster_categories", "de-AT")["4"] == "Automobilindustrie"
    assert translated_category_names("cluster_categories", "en") == {}
    assert translated_category_names("my_own_taxonomy", "el") == {}
