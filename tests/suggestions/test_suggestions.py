"""Match suggestions: complementarity before similarity, organiser rules, hand-computed scores and reasons."""

from __future__ import annotations

import pytest

from smartcluster import suggestions
from smartcluster.suggestions import (
    Opportunity,
    Profile,
    Reason,
    Rules,
    matching,
    nace_ancestors,
    suggest_matches,
)

ANN = Profile(
    id="ann", name="Ann Robotics", organisation="o1", organisation_type="sme", sectors=frozenset({"C28.41"}),
    technologies=frozenset({"IoT", "Machine learning"}),
    opportunities=(Opportunity("request", "Predictive maintenance sensors", "vibration sensors for CNC machines",
                               ("condition monitoring",)),),
)
BEA = Profile(
    id="bea", name="Bea Institute", organisation="o2", organisation_type="research", sectors=frozenset({"C26.51"}),
    technologies=frozenset({"iot"}),
    opportunities=(Opportunity("offer", "Vibration sensors for predictive maintenance", "condition monitoring of machines"),),
)
CAL = Profile(
    id="cal", name="Cal Bakery", organisation="o3", organisation_type="sme", sectors=frozenset({"C10.71"}),
    opportunities=(Opportunity("offer", "Bakery packaging design", "sustainable packaging for bread"),),
)
DAN = Profile(  # Ann's colleague: same organisation, never suggested to her
    id="dan", name="Dan", organisation="o1", organisation_type="sme", sectors=frozenset({"C28.41"}),
    opportunities=(Opportunity("offer", "Predictive maintenance sensors", "vibration sensors"),),
)
EVE = Profile(  # asks for the same thing as Ann: similar, not complementary
    id="eve", name="Eve Motors", organisation="o4", organisation_type="large_company", sectors=frozenset({"C28.49"}),
    technologies=frozenset({"IoT"}),
    opportunities=(Opportunity("request", "Predictive maintenance sensors", "vibration sensors for CNC machines"),),
)
EVENT = [ANN, BEA, CAL, DAN, EVE]


def test_complementary_offer_ranks_first_and_the_reason_names_both_sides() -> None:
    ranked = suggest_matches(EVENT, top=5)["ann"]
    assert [s.other for s in ranked] == ["bea", "eve", "cal"]
    assert ranked[0].reason == (
        Reason(suggestions.THEIR_OFFER, {"theirs": "Vibration sensors for predictive maintenance",
                                         "yours": "Predictive maintenance sensors"}),
        Reason(suggestions.SHARED_TECHNOLOGIES, {"technologies": "iot"}),
        Reason(suggestions.SHARED_SECTORS, {"sectors": "C"}),
        Reason(suggestions.COMPLEMENTARY_TYPES, {"yours": "sme", "theirs": "research"}),
    )


def test_offering_side_reads_the_reason_from_its_own_point_of_view() -> None:
    first = suggest_matches(EVENT, top=1)["bea"][0]
    assert first.other == "ann"
    assert first.reason[0] == Reason(suggestions.YOUR_OFFER, {"yours": "Vibration sensors for predictive maintenance",
                                                              "theirs": "Predictive maintenance sensors"})


def test_structure_score_matches_a_hand_computed_blend() -> None:
    # Ann–Eve: both request, so text = 0. Sectors C28.41 vs C28.49 expand to {C, C28, C28.4, C28.41/49}: 3/5;
    # technologies {iot, machine learning} vs {iot}: 1/2; SME ↔ large company complementary: 1.
    eve = next(s for s in suggest_matches(EVENT)["ann"] if s.other == "eve")
    assert eve.text == 0
    assert eve.structure == pytest.approx((0.6 + 0.5 + 1) / 3, abs=1e-4)
    assert eve.score == pytest.approx(0.4 * 0.7, abs=1e-4)
    assert Reason(suggestions.SHARED_SECTORS, {"sectors": "C28.4"}) in eve.reason


def test_identical_offer_and_request_texts_score_full_text_similarity() -> None:
    seller = Profile(id=1, name="S", opportunities=(Opportunity("offer", "laser welding robots"),))
    buyer = Profile(id=2, name="B", opportunities=(Opportunity("request", "laser welding robots"),))
    (match,) = suggest_matches([seller, buyer])[1]
    assert match.text == pytest.approx(1.0, abs=1e-4) and match.structure == 0
    assert match.score == pytest.approx(0.6, abs=1e-4)


def test_scores_are_symmetric() -> None:
    result = suggest_matches(EVENT, top=5)
    for profile, ranked in result.items():
        for s in ranked:
            back = next(b for b in result[s.other] if b.other == profile)
            assert back.score == s.score


def test_organiser_rules_exclude_pairs() -> None:
    assert "dan" not in [s.other for s in suggest_matches(EVENT)["ann"]]
    assert "dan" in [s.other for s in suggest_matches(EVENT, rules=Rules(exclude_same_organisation=False))["ann"]]
    met = suggest_matches(EVENT, rules=Rules(met_before=frozenset({frozenset({"ann", "bea"})})))
    assert "bea" not in [s.other for s in met["ann"]] and "ann" not in [s.other for s in met["bea"]]
    forbidden = suggest_matches(EVENT, rules=Rules(forbidden_type_pairs=frozenset({frozenset({"sme", "research"})})))
    assert "bea" not in [s.other for s in forbidden["ann"]] and "bea" not in [s.other for s in forbidden["cal"]]


def test_block_boundaries_do_not_change_the_result(monkeypatch: pytest.MonkeyPatch) -> None:
    whole = suggest_matches(EVENT, top=5)
    monkeypatch.setattr(matching, "BLOCK", 2)
    assert suggest_matches(EVENT, top=5) == whole


def test_top_limits_the_list_and_zero_scores_are_left_out() -> None:
    loner = Profile(id="zed", name="Zed")
    result = suggest_matches([*EVENT, loner], top=2)
    assert all(len(ranked) <= 2 for ranked in result.values())
    assert result["zed"] == []


@pytest.mark.parametrize(
    ("code", "expected"),
    [("C28.41", {"C", "C28", "C28.4", "C28.41"}), ("28.41", {"28", "28.4", "28.41"}), ("c10", {"C", "C10"}),
     ("C", {"C"})],
)
def test_nace_codes_expand_to_their_ancestors(code: str, expected: set[str]) -> None:
    assert nace_ancestors(code) == expected


def test_bad_input_is_refused_with_a_message() -> None:
    with pytest.raises(ValueError, match="opportunity kind 'sell'"):
        suggest_matches([Profile(id=1, name="X", opportunities=(Opportunity("sell", "x"),))])
    with pytest.raises(ValueError, match="profile ids must be unique"):
        suggest_matches([ANN, ANN])
