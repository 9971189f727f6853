"""analyse_comments over a column, and the per-theme summary."""

from __future__ import annotations

import ibis
import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import given
from hypothesis import strategies as st

from recorrido.errors import UsageError
from recorrido.voice.text import ANALYSIS_COLUMNS, THEMES, analyse_comments, theme_summary
from recorrido.voice.text.analyse import analyse_text


def feedback(comments: list[str | None], languages: list[str | None] | None = None) -> pa.Table:
    columns: dict[str, list[object]] = {
        "response_id": [f"r{i}" for i in range(len(comments))],
        "comment": list(comments),
    }
    if languages is not None:
        columns["language"] = list(languages)
    return pa.table(columns)


def test_adds_the_analysis_columns() -> None:
    table = feedback(["El envío llegó roto", "Great coffee, lovely staff", None, "  "])
    result = analyse_comments(table)
    assert result.column_names == ["response_id", "comment", *ANALYSIS_COLUMNS]
    rows = result.to_pylist()
    assert [r["language"] for r in rows] == ["es", "en", None, None]
    assert [r["sentiment"] for r in rows] == ["negative", "positive", None, None]
    assert rows[0]["themes"] == ["delivery"]
    assert rows[1]["themes"] == ["staff_manners", "product_quality"]
    assert rows[2]["themes"] == rows[3]["themes"] == []
    assert rows[2]["sentiment_score"] is None and rows[2]["language_confidence"] is None
    assert result.schema.field("themes").type == pa.list_(pa.string())
    assert result.schema.field("sentiment_score").type == pa.float64()


def test_declared_language_settles_texts_too_short_to_tell() -> None:
    table = feedback(["Genial", "Genial", "Le café était froid et cher"], ["es", None, "es"])
    rows = analyse_comments(table).to_pylist()
    assert (rows[0]["language"], rows[0]["language_confidence"]) == ("es", 0.5)
    assert rows[1]["language"] == "other"
    assert rows[2]["language"] == "other"  # a confident guess wins over the survey's language


def test_replaces_columns_of_the_same_name() -> None:
    table = feedback(["Muy buena atención"], ["es"]).append_column("sentiment", pa.array(["x"]))
    result = analyse_comments(table)
    assert result.column_names.count("sentiment") == 1
    assert result.column("sentiment").to_pylist() == ["positive"]


_TEXTS = st.sampled_from(
    [None, "", "  ", "Genial", "Muy lento el pago", "Great coffee, lovely staff", "ok", "Awful"]
)
_DECLARED = st.sampled_from([None, "es", "es-ES", "English", "fr", ""])


@given(st.lists(st.tuples(_TEXTS, _DECLARED), max_size=30), st.integers(1, 3))
def test_each_row_gets_its_own_texts_analysis(
    rows: list[tuple[str | None, str | None]], chunks: int
) -> None:
    """Analysing distinct texts once gives every row what analysing it alone gives, in
    order, whatever the duplicates, blanks, nulls, declared languages and chunking."""
    size = max(1, len(rows) // chunks)
    parts = [rows[i : i + size] for i in range(0, len(rows), size)] or [[]]
    table = pa.Table.from_batches(
        [
            pa.record_batch(
                [
                    pa.array([t for t, _ in part], pa.string()),
                    pa.array([d for _, d in part], pa.string()),
                ],
                names=["comment", "language"],
            )
            for part in parts
        ]
    )
    result = analyse_comments(table).to_pylist()
    expected = []
    for text, declared in rows:
        if text is None or not text.strip():
            expected.append((None, None, None, None, []))
        else:
            found = analyse_text(text, declared)
            expected.append(
                (found.language, found.language_confidence, found.sentiment,
                 found.sentiment_score, list(found.themes))
            )  # fmt: skip
    assert [tuple(r[c] for c in ANALYSIS_COLUMNS) for r in result] == expected
    assert [r["comment"] for r in result] == [t for t, _ in rows]


def test_pandas_and_ibis_tables() -> None:
    frame = pd.DataFrame({"comment": ["Awful service", "Servicio horrible"]})
    from_pandas = analyse_comments(frame)
    from_ibis = analyse_comments(ibis.memtable(frame))
    assert from_pandas.column("sentiment").to_pylist() == ["negative", "negative"]
    assert from_ibis.column("sentiment").to_pylist() == ["negative", "negative"]


def test_another_column_and_its_errors() -> None:
    table = pa.table({"texto": ["Todo perfecto"]})
    assert analyse_comments(table, column="texto").column("sentiment").to_pylist() == ["positive"]
    with pytest.raises(UsageError, match="no column 'coment' to analyse; did you mean 'comment'"):
        analyse_comments(feedback(["x"]), column="coment")
    with pytest.raises(UsageError, match="cannot read comments from a int"):
        analyse_comments(3)


Row = tuple[str, str | None, float | None, list[str]]


def analysed(rows: list[Row]) -> pa.Table:
    return pa.table(
        {
            "comment": [r[0] for r in rows],
            "sentiment": pa.array([r[1] for r in rows], pa.string()),
            "sentiment_score": pa.array([r[2] for r in rows], pa.float64()),
            "themes": pa.array([r[3] for r in rows], pa.list_(pa.string())),
        }
    )


def test_theme_summary_by_hand() -> None:
    table = analysed(
        [
            ("Cola eterna", "negative", -0.6, ["waiting_time"]),
            ("Cola eterna y camarero borde", "negative", -0.8, ["waiting_time", "staff_manners"]),
            ("cola  ETERNA", "negative", -0.6, ["waiting_time"]),  # same text: shown once
            ("Rápidos", "positive", 0.5, ["waiting_time"]),
            ("Camarero majo", "positive", 0.4, ["staff_manners"]),
            ("Sin tema", "neutral", 0.0, []),
            ("", None, None, []),
        ]
    )
    rows = theme_summary(table, top=2).to_pylist()
    assert rows == [
        {
            "theme": "waiting_time",
            "comments": 4,
            "negative": 3,
            "neutral": 0,
            "positive": 1,
            "share_negative": 0.75,
            "mean_score": -0.375,  # (-0.6 - 0.8 - 0.6 + 0.5) / 4
            "representative": ["Cola eterna y camarero borde", "Cola eterna"],
        },
        {
            "theme": "staff_manners",
            "comments": 2,
            "negative": 1,
            "neutral": 0,
            "positive": 1,
            "share_negative": 0.5,
            "mean_score": -0.2,
            # a tie between negative and positive: negative comments represent the theme
            "representative": ["Cola eterna y camarero borde"],
        },
    ]


def test_theme_summary_of_nothing_and_of_a_table_without_analysis() -> None:
    assert theme_summary(analysed([])).num_rows == 0
    with pytest.raises(UsageError, match="missing: sentiment, sentiment_score, themes"):
        theme_summary(pa.table({"comment": ["x"]}))


def reference(rows: list[Row]) -> list[tuple[object, ...]]:
    """Plain Python: per theme, comments, counts per label, share negative, mean score."""
    result = []
    for theme in THEMES:
        members = [r for r in rows if r[1] is not None and theme in r[3]]
        if members:
            labels = [r[1] for r in members]
            result.append(
                (
                    theme,
                    len(members),
                    labels.count("negative"),
                    labels.count("neutral"),
                    labels.count("positive"),
                    labels.count("negative") / len(members),
                    round(sum(r[2] or 0.0 for r in members) / len(members), 4),
                )
            )
    return sorted(result, key=lambda row: (-row[1], THEMES.index(row[0])))


_ROW = st.tuples(
    st.sampled_from(["a", "b", "c", "d"]),
    st.sampled_from(["negative", "neutral", "positive", None]),
    st.floats(-1, 1, allow_nan=False).map(lambda x: round(x, 3)),
    st.lists(st.sampled_from(THEMES), unique=True, max_size=3),
).map(lambda r: (r[0], r[1], None if r[1] is None else r[2], r[3]))


@given(st.lists(_ROW, max_size=25), st.integers(1, 4))
def test_theme_summary_matches_a_plain_python_reference(rows: list[Row], top: int) -> None:
    summary = theme_summary(analysed(rows), top=top).to_pylist()
    fields = (
        "theme",
        "comments",
        "negative",
        "neutral",
        "positive",
        "share_negative",
        "mean_score",
    )
    got = [tuple(s[field] for field in fields) for s in summary]
    expected = reference(rows)
    assert [g[:6] for g in got] == [e[:6] for e in expected]
    assert [g[6] for g in got] == pytest.approx([e[6] for e in expected], abs=1e-4)
    for row in summary:
        assert len(row["representative"]) <= top
        assert len(set(row["representative"])) == len(row["representative"])
