"""Who should meet whom: ranked match suggestions with a short reason each. Plain data in and out; no Django.

Score of a pair (methods file "Suggestions"; b2match / Grip practice: complementarity before similarity):

    score = 0.4 · structure + 0.6 · text                                  (Weights, documented defaults)
    text      = max TF-IDF cosine over the COMPLEMENTARY opportunity pairs of the two profiles:
                offer ↔ request (either direction) and partnership ↔ partnership; 0 without such a pair
    structure = mean of Jaccard(sectors), Jaccard(technologies) and type complementarity (1 when the two
                organisation types form a complementary pair, e.g. SME ↔ research organisation)

NACE sector codes are expanded to their ancestors ("C28.41" → C, C28, C28.4, C28.41) so related sectors
overlap partly; technologies compare case-insensitively. TF-IDF is fitted locally on the texts given (title,
description and keywords of each opportunity), so nothing leaves the machine.
Organiser rules drop a pair outright: same organisation, pairs who met before, forbidden type pairs.

Example::

    profiles = [Profile(id=1, name="Acme", organisation=10, organisation_type="sme",
                        opportunities=(Opportunity("request", "predictive maintenance sensors"),)), ...]
    suggest_matches(profiles, top=20)   # {1: [Suggestion(profile=1, other=7, score=0.71, reason=(Reason(...),)), ...]}

Reasons are codes with parameters (`Reason("their_offer", {"theirs": …, "yours": …})`), put into words by the
caller in the reader's language.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse

OFFER, REQUEST, PARTNERSHIP = "offer", "request", "partnership"
KINDS = (OFFER, REQUEST, PARTNERSHIP)
COMPLEMENT = {OFFER: REQUEST, REQUEST: OFFER, PARTNERSHIP: PARTNERSHIP}
DEFAULT_COMPLEMENTARY_TYPES = frozenset(
    frozenset(pair)
    for pair in [("sme", "university"), ("sme", "research"), ("large_company", "university"),
                 ("large_company", "research"), ("sme", "large_company")]
)
BLOCK = 256  # profiles per block: bounds memory to a few tens of MB for thousands of profiles
# Reason codes, and the parameters each carries.
THEIR_OFFER = "their_offer"  # theirs, yours: opportunity titles
YOUR_OFFER = "your_offer"  # yours, theirs
BOTH_SEEK_PARTNERS = "both_seek_partners"  # yours, theirs
SHARED_TECHNOLOGIES = "shared_technologies"  # technologies: up to three, comma-separated
SHARED_SECTORS = "shared_sectors"  # sectors: up to three NACE codes, comma-separated
COMPLEMENTARY_TYPES = "complementary_types"  # yours, theirs: organisation type codes
OVERALL_PROFILE = "overall_profile"
REASON_CODES = (THEIR_OFFER, YOUR_OFFER, BOTH_SEEK_PARTNERS, SHARED_TECHNOLOGIES, SHARED_SECTORS,
                COMPLEMENTARY_TYPES, OVERALL_PROFILE)


@dataclass(frozen=True)
class Opportunity:
    """An offer, request or partnership search of a participant."""

    kind: str
    title: str
    description: str = ""
    keywords: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return " ".join([self.title, self.description, *self.keywords])


@dataclass(frozen=True)
class Profile:
    """A participant's public profile; `sectors` are NACE codes, `technologies` free tags."""

    id: Hashable
    name: str
    organisation: Hashable | None = None
    organisation_type: str = ""
    sectors: frozenset[str] = frozenset()
    technologies: frozenset[str] = frozenset()
    opportunities: tuple[Opportunity, ...] = ()


@dataclass(frozen=True)
class Rules:
    """Organiser rules: pairs never suggested, and which organisation types complement each other."""

    exclude_same_organisation: bool = True
    met_before: frozenset[frozenset[Hashable]] = frozenset()
    forbidden_type_pairs: frozenset[frozenset[str]] = frozenset()
    complementary_types: frozenset[frozenset[str]] = DEFAULT_COMPLEMENTARY_TYPES


@dataclass(frozen=True)
class Weights:
    """Blend of the score (methods file: structure 0.4 / text 0.6)."""

    structure: float = 0.4
    text: float = 0.6


@dataclass(frozen=True)
class Reason:
    """One part of why a pair is suggested: a code (above) and its parameters."""

    code: str
    params: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Suggestion:
    """`other` suggested to `profile`, with the parts of the score and the reasons."""

    profile: Hashable
    other: Hashable
    score: float
    text: float
    structure: float
    reason: tuple[Reason, ...] = field(compare=False)


def nace_ancestors(code: str) -> set[str]:
    """A NACE code and its ancestors: 'C28.41' → {'C', 'C28', 'C28.4', 'C28.41'}; '28.41' → {'28', '28.4', '28.41'}."""
    code = code.strip().upper()
    letter = code[:1] if code[:1].isalpha() else ""
    digits = code[len(letter):].replace(".", "")
    found = {letter} if letter else set()
    for length in range(2, len(digits) + 1):
        part = digits[:length]
        found.add(letter + (part if length <= 2 else part[:2] + "." + part[2:]))
    return found or {code}


def _binary(rows: Sequence[Iterable[str]]) -> sparse.csr_array:
    vocabulary: dict[str, int] = {}
    indices, pointers = [], [0]
    for row in rows:
        for item in sorted(set(row)):
            indices.append(vocabulary.setdefault(item, len(vocabulary)))
        pointers.append(len(indices))
    data = np.ones(len(indices), dtype=np.float32)
    return sparse.csr_array((data, indices, pointers), shape=(len(rows), max(len(vocabulary), 1)))


def _jaccard(matrix: sparse.csr_array, block: slice) -> np.ndarray:
    """Jaccard index of the block's rows against all rows (0 when both sets are empty)."""
    inter = (matrix[block] @ matrix.T).toarray()
    sizes = np.asarray(matrix.sum(axis=1)).ravel()
    union = sizes[block, None] + sizes[None, :] - inter
    return np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)


class _Texts:
    """TF-IDF vectors of all opportunities, grouped by kind and owner for the complementary products."""

    def __init__(self, profiles: Sequence[Profile]) -> None:
        self.owners: dict[str, np.ndarray] = {}
        self.vectors: dict[str, sparse.csr_array] = {}
        self.items: dict[str, list[Opportunity]] = {}
        texts, kinds, owners = [], [], []
        for k, profile in enumerate(profiles):
            for opportunity in profile.opportunities:
                if opportunity.kind not in KINDS:
                    raise ValueError(f"profile {profile.id!r}: opportunity kind {opportunity.kind!r} is not one of {KINDS}")
                texts.append(opportunity.text)
                kinds.append(opportunity.kind)
                owners.append(k)
                self.items.setdefault(opportunity.kind, []).append(opportunity)
        matrix = self._fit(texts)
        kinds_array, owners_array = np.array(kinds), np.array(owners, dtype=np.int64)
        for kind in KINDS:
            rows = np.flatnonzero(kinds_array == kind)
            self.owners[kind] = owners_array[rows]
            self.vectors[kind] = sparse.csr_array(matrix[rows]) if len(rows) else None
        self.n_profiles = len(profiles)

    @staticmethod
    def _fit(texts: list[str]) -> sparse.csr_array:
        if not any(t.strip() for t in texts):
            return sparse.csr_array((len(texts), 1), dtype=np.float32)
        # Imported here: scikit-learn takes about a second to import, and every web process imports this module.
        from sklearn.feature_extraction.text import TfidfVectorizer

        vectorizer = TfidfVectorizer(sublinear_tf=True, ngram_range=(1, 2), stop_words="english", dtype=np.float32)
        try:
            return sparse.csr_array(vectorizer.fit_transform(texts))
        except ValueError:  # only stop words: no vocabulary
            return sparse.csr_array((len(texts), 1), dtype=np.float32)

    def block_scores(self, block: slice) -> np.ndarray:
        """Best complementary cosine between each profile of the block and every profile."""
        out = np.zeros((block.stop - block.start, self.n_profiles), dtype=np.float32)
        for kind in KINDS:
            other = COMPLEMENT[kind]
            if self.vectors[kind] is None or self.vectors[other] is None:
                continue
            mine = np.flatnonzero((self.owners[kind] >= block.start) & (self.owners[kind] < block.stop))
            if not len(mine):
                continue
            cosine = (self.vectors[kind][mine] @ self.vectors[other].T).toarray()
            by_profile = _group_max(cosine, self.owners[other], self.n_profiles, axis=1)
            rows = _group_max(by_profile, self.owners[kind][mine] - block.start, block.stop - block.start, axis=0)
            np.maximum(out, rows, out=out)
        return out


def _group_max(values: np.ndarray, owners: np.ndarray, size: int, *, axis: int) -> np.ndarray:
    """Maximum of the rows (axis 0) or columns (axis 1) sharing an owner; owners are sorted ascending."""
    starts = np.flatnonzero(np.r_[True, owners[1:] != owners[:-1]])
    reduced = np.maximum.reduceat(values, starts, axis=axis)
    shape = (size, values.shape[1]) if axis == 0 else (values.shape[0], size)
    out = np.zeros(shape, dtype=np.float32)
    if axis == 0:
        out[owners[starts], :] = reduced
    else:
        out[:, owners[starts]] = reduced
    return out


def _excluded(profiles: Sequence[Profile], block: slice, rules: Rules) -> np.ndarray:
    """True where the organiser's rules forbid the pair (and on the diagonal)."""
    rows = range(block.start, block.stop)
    mask = np.zeros((len(rows), len(profiles)), dtype=bool)
    mask[np.arange(len(rows)), np.array(rows)] = True
    if rules.exclude_same_organisation:
        organisations = np.array([hash(p.organisation) if p.organisation is not None else 0 for p in profiles])
        has = np.array([p.organisation is not None for p in profiles])
        mask |= (organisations[block, None] == organisations[None, :]) & has[block, None] & has[None, :]
    if rules.forbidden_type_pairs:
        types = [p.organisation_type for p in profiles]
        for r, k in enumerate(rows):
            mask[r] |= np.array([frozenset((types[k], t)) in rules.forbidden_type_pairs for t in types])
    index = {p.id: k for k, p in enumerate(profiles)}
    for pair in rules.met_before:
        ids = [index[i] for i in pair if i in index]
        if len(ids) == 2:
            for mine, theirs in (ids, ids[::-1]):
                if block.start <= mine < block.stop:
                    mask[mine - block.start, theirs] = True
    return mask


def _type_complementarity(profiles: Sequence[Profile], rules: Rules) -> np.ndarray:
    types = sorted({p.organisation_type for p in profiles})
    code = {t: k for k, t in enumerate(types)}
    table = np.array([[frozenset((s, t)) in rules.complementary_types and s != t for t in types] for s in types],
                     dtype=np.float32).reshape(len(types), len(types))
    codes = np.array([code[p.organisation_type] for p in profiles])
    return table, codes


def suggest_matches(
    profiles: Sequence[Profile], *, top: int = 20, rules: Rules | None = None, weights: Weights | None = None,
) -> dict[Hashable, list[Suggestion]]:
    """For every profile, its `top` best partners (score > 0), best first, each with a reason."""
    rules, weights = rules or Rules(), weights or Weights()
    ids = [p.id for p in profiles]
    if len(set(ids)) != len(ids):
        raise ValueError("profile ids must be unique")
    texts = _Texts(profiles)
    facts = [_facts(p) for p in profiles]
    sectors = _binary([f.sectors for f in facts])
    technologies = _binary([f.technologies for f in facts])
    type_table, type_codes = _type_complementarity(profiles, rules)
    result: dict[Hashable, list[Suggestion]] = {}
    for start in range(0, len(profiles), BLOCK):
        block = slice(start, min(start + BLOCK, len(profiles)))
        text = texts.block_scores(block)
        structure = (_jaccard(sectors, block) + _jaccard(technologies, block)
                     + type_table[type_codes[block]][:, type_codes]) / 3
        score = weights.structure * structure + weights.text * text
        score[_excluded(profiles, block, rules)] = 0
        for row, k in enumerate(range(block.start, block.stop)):
            best = _top(score[row], top)
            parts = zip(best, *(np.round(m[row, best].astype(np.float64), 4).tolist() for m in (score, text, structure)),
                        strict=True)
            result[ids[k]] = [
                Suggestion(ids[k], ids[j], total, similar, shared,
                           match_reason(profiles[k], profiles[j], rules, text=similar, facts=(facts[k], facts[j])))
                for j, total, similar, shared in parts
            ]
    return result


def _top(scores: np.ndarray, top: int) -> list[int]:
    """Indices of the highest positive scores, best first (ties by index)."""
    positive = np.flatnonzero(scores > 0)
    if len(positive) > top:
        positive = positive[np.argpartition(-scores[positive], top - 1)[:top]]
    return sorted(positive.tolist(), key=lambda j: (-scores[j], j))


@dataclass(frozen=True)
class _Facts:
    """What a reason is made of, computed once per profile."""

    words: tuple[frozenset[str], ...]  # per opportunity
    technologies: frozenset[str]
    sectors: frozenset[str]  # with NACE ancestors


def _facts(profile: Profile) -> _Facts:
    return _Facts(
        words=tuple(_words(o.text) for o in profile.opportunities),
        technologies=frozenset(t.strip().lower() for t in profile.technologies),
        sectors=frozenset().union(*map(nace_ancestors, profile.sectors)) if profile.sectors else frozenset(),
    )


def _words(text: str) -> frozenset[str]:
    stop_words = _stop_words()
    return frozenset(w for w in re.findall(r"\w+", text.lower()) if len(w) > 2 and w not in stop_words)


@functools.cache
def _stop_words() -> frozenset[str]:
    """scikit-learn's English stop words (the ones its TF-IDF drops), imported on first use."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)


def _best_opportunity_pair(mine: Profile, theirs: Profile, facts: tuple[_Facts, _Facts]) -> tuple[int, int] | None:
    """The complementary pair of opportunities (indices) with the most words in common, for the reason."""
    best, best_overlap = None, 0.0
    for i, a in enumerate(mine.opportunities):
        for j, b in enumerate(theirs.opportunities):
            if COMPLEMENT.get(a.kind) != b.kind:
                continue
            words_a, words_b = facts[0].words[i], facts[1].words[j]
            overlap = len(words_a & words_b) / (len(words_a | words_b) or 1)
            if overlap > best_overlap:
                best, best_overlap = (i, j), overlap
    return best


def match_reason(
    mine: Profile, theirs: Profile, rules: Rules | None = None, *, text: float = 1.0,
    facts: tuple[_Facts, _Facts] | None = None,
) -> tuple[Reason, ...]:
    """Why `theirs` is suggested to `mine`, from `mine`'s point of view (`text`: their text score)."""
    rules = rules or Rules()
    facts = facts or (_facts(mine), _facts(theirs))
    parts = []
    pair = _best_opportunity_pair(mine, theirs, facts) if text > 0 else None
    if pair is not None:
        own, other = mine.opportunities[pair[0]], theirs.opportunities[pair[1]]
        code = {REQUEST: THEIR_OFFER, OFFER: YOUR_OFFER}.get(own.kind, BOTH_SEEK_PARTNERS)
        parts.append(Reason(code, {"yours": own.title, "theirs": other.title}))
    shared_tech = sorted(facts[0].technologies & facts[1].technologies)
    if shared_tech:
        parts.append(Reason(SHARED_TECHNOLOGIES, {"technologies": ", ".join(shared_tech[:3])}))
    common = facts[0].sectors & facts[1].sectors
    # The most specific NACE codes both fall under (e.g. C28.4 for C28.41 and C28.49).
    closest = sorted(c for c in common if not any(o != c and o.startswith(c) for o in common))
    if closest:
        parts.append(Reason(SHARED_SECTORS, {"sectors": ", ".join(closest[:3])}))
    if frozenset((mine.organisation_type, theirs.organisation_type)) in rules.complementary_types:
        parts.append(Reason(COMPLEMENTARY_TYPES, {"yours": mine.organisation_type, "theirs": theirs.organisation_type}))
    return tuple(parts) or (Reason(OVERALL_PROFILE),)
