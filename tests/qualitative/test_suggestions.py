"""Theme suggestions from text: the most similar theme first, scores in (0, 1], coded examples count, offline."""

from __future__ import annotations

import pytest

from smartcluster.qualitative.suggestions import ThemeSuggester, precision_at_k

THEMES = {
    "green": "Sustainability. Energy efficiency, emissions, recycling, circular economy.",
    "digital": "Digitalisation. Software, data, automation, robots, sensors.",
    "money": "Financing. Grants, loans, budget, membership fees.",
}


def test_the_most_similar_theme_comes_first_with_a_score_in_0_1():
    ranked = ThemeSuggester(THEMES).suggest("We installed sensors and automation software on the line.")
    assert ranked[0][0] == "digital"
    assert all(0 < score <= 1 for _, score in ranked)
    assert [score for _, score in ranked] == sorted((score for _, score in ranked), reverse=True)


def test_a_text_sharing_nothing_with_the_themes_gets_no_suggestion():
    assert ThemeSuggester(THEMES).suggest("zzz qqq") == []
    assert ThemeSuggester(THEMES).suggest("   ") == []


def test_coded_examples_pull_their_theme_up():
    text = "Our bakery oven wastes heat every night."
    plain = dict(ThemeSuggester(THEMES).suggest(text, limit=None))
    taught = dict(ThemeSuggester(THEMES, {"green": ["The oven wastes heat; we want a heat pump."]})
                  .suggest(text, limit=None))
    assert taught["green"] > plain.get("green", 0.0)


def test_limit_keeps_the_best():
    assert len(ThemeSuggester(THEMES).suggest("energy data grants", limit=2)) == 2


def test_an_empty_codebook_suggests_nothing():
    assert ThemeSuggester({}).suggest("anything") == []


def test_precision_at_k_counts_missing_ranks_as_misses():
    assert precision_at_k(["a"], {"a"}, 3) == pytest.approx(1 / 3)
    assert precision_at_k(["x", "a", "y", "b"], {"a", "b"}, 3) == pytest.approx(1 / 3)
