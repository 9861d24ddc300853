"""Texts most alike a given text, offline: TF-IDF vectors compared by cosine similarity.

Salton & Buckley (1988), "Term-weighting approaches in automatic text retrieval": tf-idf weights, cosine of the
vectors. Word unigrams and bigrams with sublinear term frequency; English stop words dropped."""

from __future__ import annotations

from collections.abc import Sequence

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import linear_kernel

__all__ = ["similar_texts"]


def similar_texts(text: str, candidates: Sequence[str], *, limit: int = 5,
                  minimum: float = 0.0) -> list[tuple[int, float]]:
    """The indexes of the candidates most alike `text` with their cosine similarity (0–1), best first; candidates
    sharing no word (score ≤ `minimum`) are left out. Ties keep the candidates' order."""
    if not candidates or not text.strip():
        return []
    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True, ngram_range=(1, 2))
    try:
        matrix = vectorizer.fit_transform([text, *candidates])
    except ValueError:  # no word left after stop words: nothing to compare
        return []
    # The rows are L2-normalised, so the dot product is the cosine.
    scores = linear_kernel(matrix[0:1], matrix[1:]).ravel()
    ranked = sorted(range(len(candidates)), key=lambda index: (-scores[index], index))
    return [(index, float(scores[index])) for index in ranked[:limit] if scores[index] > minimum]
