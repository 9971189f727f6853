"""Measure the comment analysis against comments labelled by people.

A labelled file is a CSV with the columns ``id, language, text, sentiment, themes``
(``themes`` separated by ``;``; ``sentiment`` empty for comments in other languages, which
only test language detection). :func:`evaluate` runs :func:`~.analyse.analyse_text` on each
and scores it per labelled language.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from ...errors import UsageError, did_you_mean
from .analyse import analyse_text
from .language import LANGUAGES
from .sentiment import LABELS
from .themes import THEMES

__all__ = ["LabelledComment", "Scores", "evaluate", "load_labelled", "macro_f1"]

COLUMNS = ("id", "language", "text", "sentiment", "themes")


class LabelledComment(NamedTuple):
    """A comment with the language, sentiment and themes a person gave it."""

    id: str
    language: str
    text: str
    sentiment: str
    themes: tuple[str, ...]


@dataclass(frozen=True)
class Scores:
    """How the analysis did on the comments labelled with one language."""

    language: str
    comments: int
    language_accuracy: float
    sentiment_accuracy: float | None = None
    sentiment_macro_f1: float | None = None
    f1_by_label: dict[str, float] = field(default_factory=dict)
    theme_precision: float | None = None
    theme_recall: float | None = None


def load_labelled(path: str | Path) -> list[LabelledComment]:
    """The labelled comments of a CSV file, checked: a bad label names its row and value."""
    source = Path(path)
    with source.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        lacking = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
        if lacking:
            raise UsageError(
                f"{source}: missing column(s) {', '.join(lacking)}; expected {', '.join(COLUMNS)}",
                code="usage_missing_columns",
            )
        rows = [_checked(source, number, row) for number, row in enumerate(reader, start=2)]
    return rows


def _checked(source: Path, line: int, row: dict[str, str]) -> LabelledComment:
    themes = tuple(t.strip() for t in row["themes"].split(";") if t.strip())
    checks: list[tuple[str, Sequence[str], Sequence[str]]] = [
        ("language", [row["language"]], LANGUAGES),
        ("sentiment", [row["sentiment"]] if row["sentiment"] else [], LABELS),
        ("themes", themes, THEMES),
    ]
    for name, values, valid in checks:
        for value in values:
            if value not in valid:
                raise UsageError(
                    f"{source}:{line}: {name} '{value}' is not valid" + did_you_mean(value, valid),
                    code="usage_bad_label",
                )
    return LabelledComment(row["id"], row["language"], row["text"], row["sentiment"], themes)


def macro_f1(
    gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str]
) -> tuple[float, dict[str, float]]:
    """The mean of the per-label F1 scores (a label never given nor predicted scores 0),
    and the per-label scores."""
    scores: dict[str, float] = {}
    for label in labels:
        hits = sum(g == label and p == label for g, p in zip(gold, predicted, strict=True))
        given = sum(p == label for p in predicted)
        actual = sum(g == label for g in gold)
        precision = hits / given if given else 0.0
        recall = hits / actual if actual else 0.0
        total = precision + recall
        scores[label] = 2 * precision * recall / total if total else 0.0
    return sum(scores.values()) / len(labels), scores


def evaluate(comments: Iterable[LabelledComment]) -> dict[str, Scores]:
    """Scores per labelled language (``es``, ``en``, ``other``), in that order."""
    groups: dict[str, list[LabelledComment]] = {}
    for comment in comments:
        groups.setdefault(comment.language, []).append(comment)
    return {
        language: _scores(language, groups[language])
        for language in LANGUAGES
        if language in groups
    }


def _scores(language: str, comments: list[LabelledComment]) -> Scores:
    results = [analyse_text(c.text) for c in comments]
    right = sum(r.language == c.language for r, c in zip(results, comments, strict=True))
    rated = [(c, r) for c, r in zip(comments, results, strict=True) if c.sentiment]
    if not rated:
        return Scores(language, len(comments), right / len(comments))
    gold = [c.sentiment for c, _ in rated]
    predicted = [r.sentiment for _, r in rated]
    macro, by_label = macro_f1(gold, predicted, LABELS)
    found = sum(len(set(r.themes) & set(c.themes)) for c, r in rated)
    given = sum(len(r.themes) for _, r in rated)
    labelled = sum(len(c.themes) for c, _ in rated)
    return Scores(
        language=language,
        comments=len(comments),
        language_accuracy=right / len(comments),
        sentiment_accuracy=sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold),
        sentiment_macro_f1=macro,
        f1_by_label=by_label,
        theme_precision=found / given if given else None,
        theme_recall=found / labelled if labelled else None,
    )
