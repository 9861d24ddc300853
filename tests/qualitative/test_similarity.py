"""The offline text similarity (TF-IDF cosine) behind "similar practices"."""

from __future__ import annotations

from smartcluster.qualitative.similarity import similar_texts

ORIGINAL = ("Innovation vouchers let small manufacturers buy digital audits from cluster members. The regional "
            "agency pays seventy percent of an audit; the cluster matches firms with technology providers.")
NEAR_DUPLICATE = ("Innovation vouchers let small manufacturers buy digital audits from the cluster's members. The "
                  "regional agency pays 70 percent of each audit; the cluster matches companies with technology "
                  "providers.")
OTHERS = [
    "A summer school trains cluster managers in export marketing and trade fairs abroad.",
    "Small manufacturers share a testing laboratory for robotics run by the university.",
    "The regional agency funds cluster managers' travel to brokerage events with vouchers.",
]


def test_a_near_duplicate_ranks_first_with_a_high_score() -> None:
    ranked = similar_texts(ORIGINAL, [*OTHERS, NEAR_DUPLICATE])
    assert ranked[0][0] == len(OTHERS)
    assert ranked[0][1] > 0.5
    assert all(score < ranked[0][1] for _index, score in ranked[1:])


def test_scores_are_best_first_and_limited() -> None:
    ranked = similar_texts(ORIGINAL, [*OTHERS, NEAR_DUPLICATE], limit=2)
    assert len(ranked) == 2
    assert ranked[0][1] >= ranked[1][1]


def test_texts_sharing_no_word_are_left_out() -> None:
    assert similar_texts(ORIGINAL, ["Olive oil tasting in Crete."]) == []


def test_nothing_to_compare_gives_nothing() -> None:
    assert similar_texts(ORIGINAL, []) == []
    assert similar_texts("the and of", ["the of"]) == []
    assert similar_texts("", OTHERS) == []
