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
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion

__all__ = ["ThemeSuggester", "precision_at_k"]


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
    answers already coded with them, which are added to the theme's document.
    """

    def __init__(self, themes: Mapping[str, str], examples: Mapping[str, Sequence[str]] | None = None) -> None:
        self.codes = list(themes)
        documents = [" ".join([themes[code], *(examples or {}).get(code, ())]) for code in self.codes]
        self._vectorizer = _vectorizer()
        # Each part of the union is l2-normalised; the sum of the two halves is normalised again below.
        self._themes = self._normalised(self._vectorizer.fit_transform(documents)) if documents else None

    @staticmethod
    def _normalised(matrix: np.ndarray) -> np.ndarray:
        dense = np.asarray(matrix.todense() if hasattr(matrix, "todense") else matrix, dtype=float)
        norms = np.linalg.norm(dense, axis=1, keepdims=True)
        return np.divide(dense, norms, out=np.zeros_like(dense), where=norms > 0)

    def suggest(self, text: str, *, limit: int | None = 3) -> list[tuple[str, float]]:
        """The themes most similar to `text`, best first, as (code, cosine similarity in (0, 1]); themes with
        nothing in common with the text are left out."""
        if self._themes is None or not text.strip():
            return []
        query = self._normalised(self._vectorizer.transform([text]))[0]
        scores = self._themes @ query
        ranked = sorted(((code, float(score)) for code, score in zip(self.codes, scores, strict=True) if score > 0),
                        key=lambda item: (-item[1], self.codes.index(item[0])))
        return ranked if limit is None else ranked[:limit]


def precision_at_k(ranked: Sequence[str], relevant: Collection[str], k: int = 3) -> float:
    """Precision at k: the share of the first k ranked codes that are relevant (missing ranks count as misses).

    >>> precision_at_k(["a", "b", "c"], {"a", "c"})
    0.6666666666666666
    """
    return sum(code in relevant for code in ranked[:k]) / k
