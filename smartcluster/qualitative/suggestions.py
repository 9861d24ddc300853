"""Code suggestions from an answer's text, offline: TF-IDF vectors of the themes (name, description and the answers
already coded with each theme) and of the answer, ranked by cosine similarity. No remote service, no model file.

Reference: Salton, G. & Buckley, C. (1988). Term-weighting approaches in automatic text retrieval. Information
Processing & Management 24(5), 513–523 (tf-idf weights and the cosine measure).

>>> suggester = ThemeSuggester({"green": "Green energy, emissions", "digital": "Software, data, robots"})
>>> suggester.suggest("We cut our emissions with solar energy")[0][0]
'green'
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion
from sklearn.preprocessing import normalize

__all__ = ["EXAMPLE_WEIGHT", "ThemeSuggester", "precision_at_k"]

# Share of a theme's score given by its coded examples: on the labelled set (tests/data/labelled_answers.yaml,
# 5-fold) 0.2 keeps precision@3 of the descriptions alone, more lowers it (few examples per theme are noisy).
EXAMPLE_WEIGHT = 0.2


def _vectorizer() -> FeatureUnion:
    """Words (without English stop words) and character n-grams inside words, so that "digital" meets
    "digitalisation" and "universities" meets "university" without a stemmer."""
    return FeatureUnion([
        ("words", TfidfVectorizer(stop_words="english", sublinear_tf=True, ngram_range=(1, 2))),
        ("characters", TfidfVectorizer(analyzer="char_wb", ngram_range=(4, 5), sublinear_tf=True)),
    ])


class ThemeSuggester:
    """Ranks the themes of a codebook for a text.

    `themes` maps each theme code to its text (name and description); `examples` maps theme codes to the texts of
    answers already coded with them. A theme's score is the cosine similarity of the text to the theme's text,
    mixed with its similarity to the centroid of the theme's examples when it has some (weight EXAMPLE_WEIGHT).
    """

    def __init__(self, themes: Mapping[str, str], examples: Mapping[str, Sequence[str]] | None = None) -> None:
        self.codes = list(themes)
        examples = {code: list(texts) for code, texts in (examples or {}).items() if code in themes and texts}
        self._vectorizer = _vectorizer()
        if not self.codes:
            return
        owners = [self.codes.index(code) for code, texts in examples.items() for _ in texts]
        texts = [themes[code] for code in self.codes] + [text for texts in examples.values() for text in texts]
        # One pass over every text (a transform call costs more than its texts); each half of the union is
        # l2-normalised, the sum is normalised again.
        vectors = normalize(self._vectorizer.fit_transform(texts))
        count = len(self.codes)
        self._themes = vectors[:count]
        membership = sparse.csr_matrix((np.ones(len(owners)), (owners, range(len(owners)))),
                                       shape=(count, len(owners)))
        self._centroids = normalize(membership @ vectors[count:])
        self._weights = np.where(np.asarray(membership.sum(axis=1)).ravel() > 0, EXAMPLE_WEIGHT, 0.0)

    def suggest(self, text: str, *, limit: int | None = 3) -> list[tuple[str, float]]:
        """The themes most similar to `text`, best first, as (code, score in (0, 1]); themes with nothing in common
        with the text are left out."""
        if not self.codes or not text.strip():
            return []
        query = normalize(self._vectorizer.transform([text])).T
        scores = ((1 - self._weights) * (self._themes @ query).toarray().ravel()
                  + self._weights * (self._centroids @ query).toarray().ravel())
        order = sorted(range(len(self.codes)), key=lambda index: (-scores[index], index))
        ranked = [(self.codes[index], float(scores[index])) for index in order if scores[index] > 1e-12]
        return ranked if limit is None else ranked[:limit]


def precision_at_k(ranked: Sequence[str], relevant: Collection[str], k: int = 3) -> float:
    """Precision at k: the share of the first k ranked codes that are relevant (missing ranks count as misses).

    >>> precision_at_k(["a", "b", "c"], {"a", "c"})
    0.6666666666666666
    """
    return sum(code in relevant for code in ranked[:k]) / k
