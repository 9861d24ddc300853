"""Quality of the coding suggestions (smartcluster.qualitative.suggestions) on the labelled interview answers
kept in the tests (smartcluster/stakeholders/tests/data/labelled_answers.yaml, themes of the default codebook).

Precision@3 = share of the three suggested themes that are true codes, averaged over the answers, for
- descriptions: the themes' names and descriptions only (a codebook nobody has coded with yet);
- with examples: 5-fold cross-validation, the answers of the other folds serving as coded examples;
against two baselines in the same run: a random ranking (expected value, exact) and the three most frequent themes
of the training answers. The ceiling is what a perfect ranking reaches (answers have 1 to 3 true codes).
Usage: python benchmarks/coding_suggestions.py [--folds 5] -> benchmarks/results/coding_suggestions.json
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from collections import Counter
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from smartcluster.qualitative.suggestions import ThemeSuggester, precision_at_k  # noqa: E402

LABELLED = REPO / "smartcluster/stakeholders/tests/data/labelled_answers.yaml"
CODEBOOK = REPO / "smartcluster/stakeholders/data/codebook-v1.yaml"
RESULT = REPO / "benchmarks/results/coding_suggestions.json"
K = 3


def load() -> tuple[dict[str, str], list[dict]]:
    """The default codebook's themes (code → name and description) and the labelled answers."""
    book = yaml.safe_load(CODEBOOK.read_text("utf-8"))
    themes = {theme["code"]: f"{theme['name']}. {theme['description']}" for theme in book["themes"]}
    return themes, yaml.safe_load(LABELLED.read_text("utf-8"))["answers"]


def mean(values: list[float]) -> float:
    return sum(values) / len(values)


def folds_of(answers: list[dict], folds: int) -> list[tuple[list[dict], list[dict]]]:
    """(training, test) answers of each fold: every `folds`-th answer is in the same test fold."""
    return [([answer for index, answer in enumerate(answers) if index % folds != fold],
             [answer for index, answer in enumerate(answers) if index % folds == fold]) for fold in range(folds)]


def evaluate(themes: dict[str, str], answers: list[dict], folds: int) -> dict[str, float]:
    """Mean precision@3 of the suggestions, of both baselines, and the ceiling."""
    descriptions = ThemeSuggester(themes)
    cold = [precision_at_k([code for code, _ in descriptions.suggest(a["text"], limit=K)], set(a["themes"]), K)
            for a in answers]
    warm, frequent = [], []
    for training, test in folds_of(answers, folds):
        examples: dict[str, list[str]] = {}
        for answer in training:
            for code in answer["themes"]:
                examples.setdefault(code, []).append(answer["text"])
        suggester = ThemeSuggester(themes, examples)
        counts = Counter(code for answer in training for code in answer["themes"])
        most_frequent = sorted(themes, key=lambda code: (-counts[code], code))[:K]
        for answer in test:
            ranked = [code for code, _ in suggester.suggest(answer["text"], limit=K)]
            warm.append(precision_at_k(ranked, set(answer["themes"]), K))
            frequent.append(precision_at_k(most_frequent, set(answer["themes"]), K))
    # A random ranking of n themes puts each true code in the first K with probability K/n.
    random = mean([len(answer["themes"]) * (K / len(themes)) / K for answer in answers])
    ceiling = mean([min(K, len(answer["themes"])) / K for answer in answers])
    return {"descriptions": mean(cold), "with_examples": mean(warm), "random": random,
            "most_frequent": mean(frequent), "ceiling": ceiling}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    folds = parser.parse_args().folds
    themes, answers = load()
    started = time.perf_counter()
    scores = evaluate(themes, answers, folds)
    seconds = time.perf_counter() - started
    result = {
        "answers": len(answers), "themes": len(themes), "folds": folds, "k": K,
        "precision_at_3": {name: round(value, 4) for name, value in scores.items()},
        "ratio_to_random": round(scores["descriptions"] / scores["random"], 2),
        "ratio_to_most_frequent": round(scores["descriptions"] / scores["most_frequent"], 2),
        "ratio_with_examples_to_most_frequent": round(scores["with_examples"] / scores["most_frequent"], 2),
        "seconds": round(seconds, 2), "python": platform.python_version(), "machine": platform.machine(),
    }
    for name, value in scores.items():
        print(f"precision@3 {name:>14}: {value:.3f}")
    print(f"descriptions vs random: {result['ratio_to_random']}x, vs most frequent: "
          f"{result['ratio_to_most_frequent']}x; with examples vs most frequent: "
          f"{result['ratio_with_examples_to_most_frequent']}x ({len(answers)} answers, {seconds:.1f} s)")
    RESULT.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
