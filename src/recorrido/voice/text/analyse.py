"""Analyse a column of comments: language, sentiment and themes per row, as Arrow columns.

Blank comments get nulls (and no themes). Each distinct text (with its declared language)
is analysed once per call, and its analysis given to every row that holds it.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import pyarrow as pa
import pyarrow.compute as pc

from ...errors import UsageError, did_you_mean
from .language import Language, language_guess
from .sentiment import Label, sentiment
from .themes import Theme, themes

__all__ = ["ANALYSIS_COLUMNS", "Analysis", "analyse_comments", "analyse_text", "declared_language"]

ANALYSIS_COLUMNS = ("language", "language_confidence", "sentiment", "sentiment_score", "themes")
"""The columns :func:`analyse_comments` adds (replacing any of the same name)."""

UNSURE = 0.5
"""Below this confidence an ``"other"`` guess yields to a declared ``es``/``en``."""


class Analysis(NamedTuple):
    """What the analysis says about one comment."""

    language: Language
    language_confidence: float
    sentiment: Label
    sentiment_score: float
    themes: list[Theme]


def analyse_text(text: str, declared: str | None = None) -> Analysis:
    """Language, sentiment and themes of one comment.

    ``declared`` is the language the survey recorded, if any: it is used when the text
    alone is too short to tell (an ``"other"`` guess below :data:`UNSURE`), never against a
    confident guess.
    """
    guess = language_guess(text)
    language, confidence = guess.language, guess.confidence
    stated = declared_language(declared)
    if language == "other" and confidence < UNSURE and stated is not None:
        language, confidence = stated, UNSURE
    polarity = sentiment(text, language)
    return Analysis(language, confidence, polarity.label, polarity.score, themes(text, language))


def declared_language(value: str | None) -> Language | None:
    """``"es"``, ``"en"`` from a survey's language code or name (``es-ES``, ``English``),
    else ``None``."""
    code = (value or "").strip().lower()
    if code[:2] == "es" or code.startswith(("spa", "cast")):
        return "es"
    if code[:2] == "en" or code.startswith(("eng", "ingl")):
        return "en"
    return None


def analyse_comments(
    table: Any, *, column: str = "comment", declared: str | None = "language"
) -> pa.Table:
    """``table`` (a pyarrow Table, a pandas DataFrame or an Ibis table) with the columns of
    :data:`ANALYSIS_COLUMNS` added for the text in ``column``.

    ``declared`` names a column holding the survey's language (the store's ``feedback`` has
    one); when absent it is not used. A blank comment gets nulls and an empty theme list.
    """
    arrow = _arrow(table)
    if column not in arrow.column_names:
        raise UsageError(
            f"no column '{column}' to analyse" + did_you_mean(column, arrow.column_names),
            code="usage_missing_columns",
        )
    # each distinct (text, declared language) is analysed once, then spread to its rows
    texts = _strings(arrow.column(column)).dictionary_encode()
    dictionary = texts.dictionary.to_pylist()
    keys = pc.multiply(pc.cast(texts.indices, pa.int64()), len(_LANGUAGE_CODES))
    if declared is not None and declared in arrow.column_names:
        stated = _strings(arrow.column(declared)).dictionary_encode()
        known = [_LANGUAGE_CODES[declared_language(v)] for v in stated.dictionary.to_pylist()]
        codes = pc.fill_null(pc.take(pa.array(known, pa.int64()), stated.indices), 0)
        keys = pc.add(keys, codes)
    found = keys.dictionary_encode()
    analyses: list[Analysis | None] = []
    for key in found.dictionary.to_pylist():
        text = dictionary[key // len(_LANGUAGE_CODES)]
        language = _LANGUAGES[key % len(_LANGUAGE_CODES)]
        analyses.append(analyse_text(text, language) if text.strip() else None)
    analyses.append(None)  # null texts
    rows = pc.fill_null(found.indices, len(analyses) - 1)
    kept = arrow.drop_columns([c for c in ANALYSIS_COLUMNS if c in arrow.column_names])
    distinct = {
        "language": pa.array([r.language if r else None for r in analyses], pa.string()),
        "language_confidence": pa.array(
            [r.language_confidence if r else None for r in analyses], pa.float64()
        ),
        "sentiment": pa.array([r.sentiment if r else None for r in analyses], pa.string()),
        "sentiment_score": pa.array(
            [r.sentiment_score if r else None for r in analyses], pa.float64()
        ),
        "themes": pa.array([list(r.themes) if r else [] for r in analyses], pa.list_(pa.string())),
    }
    columns = {name: values.take(rows) for name, values in distinct.items()}
    for name, values in columns.items():
        kept = kept.append_column(name, values)
    return kept


_LANGUAGES: tuple[str | None, ...] = (None, "es", "en")
_LANGUAGE_CODES = {language: code for code, language in enumerate(_LANGUAGES)}


def _strings(column: pa.ChunkedArray) -> pa.Array:
    """``column`` as one string array (other types as their ``str``, nulls kept)."""
    if pa.types.is_string(column.type) or pa.types.is_large_string(column.type):
        return pc.cast(column.combine_chunks(), pa.string())
    return pa.array([None if v is None else str(v) for v in column.to_pylist()], pa.string())


def _arrow(table: Any) -> pa.Table:
    if isinstance(table, pa.Table):
        return table
    if hasattr(table, "to_pyarrow"):  # an Ibis table expression
        return table.to_pyarrow()
    try:
        return pa.Table.from_pandas(table, preserve_index=False)
    except (TypeError, ValueError, AttributeError) as error:
        raise UsageError(
            f"cannot read comments from a {type(table).__name__}: pass a pyarrow Table, "
            "a pandas DataFrame or an Ibis table",
            code="usage_bad_table",
        ) from error
