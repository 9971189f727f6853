"""Comments grouped by theme: how many, how negative, and the comments that show it best."""

from __future__ import annotations

from collections import Counter

import pyarrow as pa

from ...errors import UsageError
from .sentiment import LABELS, Label
from .themes import THEMES
from .tokens import fold

__all__ = ["SUMMARY_SCHEMA", "theme_summary"]

SUMMARY_SCHEMA = pa.schema(
    [
        ("theme", pa.string()),
        ("comments", pa.int64()),
        ("negative", pa.int64()),
        ("neutral", pa.int64()),
        ("positive", pa.int64()),
        ("share_negative", pa.float64()),
        ("mean_score", pa.float64()),
        ("representative", pa.list_(pa.string())),
    ]
)
"""The columns of :func:`theme_summary`."""

_TIE_ORDER: dict[Label, int] = {"negative": 0, "positive": 1, "neutral": 2}


def theme_summary(analysed: pa.Table, *, column: str = "comment", top: int = 3) -> pa.Table:
    """One row per theme found in ``analysed`` (the output of
    :func:`~.analyse.analyse_comments`): comments, counts per sentiment, share negative and
    mean score, and up to ``top`` representative comments.

    Rows are ordered by comments (most first), then by the order of
    :data:`~.themes.THEMES`. A theme's representative comments carry its most frequent
    sentiment (ties: negative, positive, neutral) and are the strongest of them (largest
    ``|score|``, then shortest, then alphabetical), each distinct text once.
    """
    missing = [
        c
        for c in (column, "sentiment", "sentiment_score", "themes")
        if c not in analysed.column_names
    ]
    if missing:
        raise UsageError(
            f"theme_summary needs the columns of analyse_comments; missing: {', '.join(missing)}",
            code="usage_missing_columns",
        )
    members: dict[str, list[tuple[str, Label, float]]] = {theme: [] for theme in THEMES}
    for text, label, score, found in zip(
        analysed.column(column).to_pylist(),
        analysed.column("sentiment").to_pylist(),
        analysed.column("sentiment_score").to_pylist(),
        analysed.column("themes").to_pylist(),
        strict=True,
    ):
        if label is None:
            continue
        for theme in found or ():
            members.setdefault(theme, []).append((str(text), label, float(score)))
    rank: dict[str, int] = {theme: i for i, theme in enumerate(THEMES)}
    order = sorted(
        (theme for theme, found in members.items() if found),
        key=lambda theme: (-len(members[theme]), rank.get(theme, len(rank)), theme),
    )
    rows = [_row(theme, members[theme], top) for theme in order]
    return pa.Table.from_pylist(rows, schema=SUMMARY_SCHEMA)


def _row(theme: str, found: list[tuple[str, Label, float]], top: int) -> dict[str, object]:
    counts = Counter(label for _, label, _ in found)
    dominant = min(LABELS, key=lambda label: (-counts[label], _TIE_ORDER[label]))
    candidates = sorted(
        ((text, score) for text, label, score in found if label == dominant),
        key=lambda item: (-abs(item[1]), len(item[0]), item[0]),
    )
    representative: list[str] = []
    shown: set[str] = set()
    for text, _ in candidates:
        if len(representative) >= top:
            break
        key = " ".join(fold(text).split())
        if key not in shown:
            shown.add(key)
            representative.append(text)
    return {
        "theme": theme,
        "comments": len(found),
        "negative": counts["negative"],
        "neutral": counts["neutral"],
        "positive": counts["positive"],
        "share_negative": counts["negative"] / len(found),
        "mean_score": round(sum(score for _, _, score in found) / len(found), 4),
        "representative": representative,
    }
