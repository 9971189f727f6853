"""``recorrido comments SOURCE``: survey comments by theme and sentiment, offline."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import typer
from rich.table import Table
from rich.text import Text

from ..errors import UsageError, did_you_mean
from ..source import open_source
from ..store import Store
from ..voice.text import LABELS, LANGUAGES, THEMES, analyse_comments, theme_summary
from .app import app, err
from .context import out, settings

__all__: list[str] = []

_COLUMNS = ("response_id", "ts", "touchpoint", "stage", "metric", "score", "comment", "language")


@app.command()
def comments(
    source: Path | None = typer.Argument(
        None,
        help="A store (.duckdb) or a feedback file (CSV/TSV, Parquet, JSON Lines) read "
        "directly [default: the configured store].",
    ),
    touchpoint: str | None = typer.Option(None, "--touchpoint", help="Only this touchpoint."),
    stage: str | None = typer.Option(None, "--stage", help="Only this stage."),
    sentiment: str | None = typer.Option(
        None, "--sentiment", help="Only comments with this sentiment: negative, neutral, positive."
    ),
    theme: str | None = typer.Option(
        None, "--theme", help=f"Only comments about this theme: {', '.join(THEMES)}."
    ),
    language: str | None = typer.Option(
        None, "--language", help="Only comments in this language: es, en or other."
    ),
    column: list[str] = typer.Option(
        [],
        "--column",
        "-c",
        help="For a feedback file: say which column plays a role, ROLE=COLUMN (repeatable).",
    ),
    top: int = typer.Option(
        20, "--top", min=0, help="How many matching comments to list, newest first (0: all)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Comments of survey answers: language, sentiment and themes, summarised by theme."""
    _check_choice("--sentiment", sentiment, LABELS)
    _check_choice("--theme", theme, THEMES)
    _check_choice("--language", language, LANGUAGES)
    path = source or settings().store
    with _feedback(path, column) as feedback:
        answers = _answers(feedback, path, touchpoint, stage)
    written = pc.fill_null(pc.utf8_trim_whitespace(answers.column("comment")), "")
    has_text = pc.not_equal(written, "")
    skipped = answers.num_rows - pc.sum(has_text).as_py() if answers.num_rows else 0
    analysed = analyse_comments(answers.filter(has_text))
    matched = _matching(analysed, sentiment, theme, language)
    summary = theme_summary(matched)
    listed = _newest(matched, top)
    counts = {
        "matched": matched.num_rows,
        "unthemed": sum(not found for found in matched.column("themes").to_pylist()),
        "skipped_empty": skipped,
    }
    if as_json:
        document = {
            "themes": summary.to_pylist(),
            "comments": [_comment(row) for row in listed],
            **counts,
        }
        typer.echo(json.dumps(document, indent=2, ensure_ascii=False, default=str))
        return
    _print(summary, listed, counts)


def _check_choice(option: str, value: str | None, valid: tuple[str, ...]) -> None:
    if value is not None and value not in valid:
        raise UsageError(
            f"{option} '{value}' is not valid" + did_you_mean(value, valid),
            code="usage_bad_option",
        )


@contextmanager
def _feedback(path: Path, columns: list[str]) -> Iterator[Store]:
    """A store opened read-only, or a feedback file loaded into a temporary store (deleted on
    exit; rejected rows go to ``FILE.rejected.csv`` as with ``recorrido ingest feedback``)."""
    if not path.exists() and path.suffix != ".duckdb":
        raise UsageError(
            f"{path}: file not found; give a store (.duckdb) or a feedback file (CSV, Parquet)",
            code="usage_file_not_found",
        )
    if path.is_dir():
        raise UsageError(f"{path}: is a directory; give a feedback file", code="usage_bad_file")
    zone = settings().timezone
    opened = open_source(
        path,
        columns=tuple(columns),
        kind="feedback",
        timezone=zone or "UTC",
        timezone_explicit=zone is not None,
        memory_limit=settings().memory_limit,
    )
    with opened as source:
        report = source.report
        if report is not None and report.rejected:
            err.print(
                f"warning: {report.rejected:,} rows of {path} rejected; reasons in "
                f"{report.rejected_file}",
                markup=False,
            )
        yield source.store


def _answers(store: Store, path: Path, touchpoint: str | None, stage: str | None) -> pa.Table:
    """The feedback answers (every column the command shows), checked and filtered."""
    feedback = store.table("feedback")
    if int(feedback.count().execute()) == 0:
        raise UsageError(
            f"{path}: no feedback in the store; ingest survey answers first: "
            f"recorrido ingest feedback FILE --store {path}",
            code="usage_no_feedback",
        )
    for column, value in (("touchpoint", touchpoint), ("stage", stage)):
        if value is None:
            continue
        values = feedback.select(column).distinct().to_pyarrow().column(column).to_pylist()
        known = [v for v in values if v]
        if value not in known:
            raise UsageError(
                f"--{column} '{value}': no feedback answer has this {column}"
                + did_you_mean(value, known),
                code="usage_unknown_value",
            )
        feedback = feedback.filter(feedback[column] == value)
    ordered = feedback.order_by([feedback.ts, feedback.seq]).select(*_COLUMNS)
    return ordered.to_pyarrow()


def _matching(
    analysed: pa.Table, sentiment: str | None, theme: str | None, language: str | None
) -> pa.Table:
    keep = pa.array([True] * analysed.num_rows, pa.bool_())
    if sentiment is not None:
        keep = pc.and_(keep, pc.equal(analysed.column("sentiment"), sentiment))
    if language is not None:
        keep = pc.and_(keep, pc.equal(analysed.column("language"), language))
    if theme is not None:
        themed = [theme in found for found in analysed.column("themes").to_pylist()]
        keep = pc.and_(keep, pa.array(themed, pa.bool_()))
    return analysed.filter(keep)


def _newest(matched: pa.Table, top: int) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = matched.to_pylist()[::-1]  # ordered by time and sequence
    return rows if top == 0 else rows[:top]


def _time(value: dt.datetime | None) -> str | None:
    return value.isoformat() + "Z" if value is not None else None


def _comment(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "response_id": row["response_id"],
        "time": _time(row["ts"]),
        "touchpoint": row["touchpoint"],
        "stage": row["stage"],
        "metric": row["metric"],
        "score": row["score"],
        "language": row["language"],
        "language_confidence": row["language_confidence"],
        "sentiment": row["sentiment"],
        "sentiment_score": row["sentiment_score"],
        "themes": row["themes"],
        "text": row["comment"],
    }


def _print(summary: pa.Table, listed: list[dict[str, Any]], counts: dict[str, int]) -> None:
    matched, skipped, unthemed = counts["matched"], counts["skipped_empty"], counts["unthemed"]
    without = f" ({skipped:,} answers without a comment skipped)" if skipped else ""
    out.print(f"{matched:,} comments{without}", markup=False)
    if not matched:
        return
    themes = Table(title="by theme", title_justify="left", show_edge=False)
    for column in ("theme", "comments", "negative", "mean score"):
        themes.add_column(column, justify="left" if column == "theme" else "right", no_wrap=True)
    for row in summary.to_pylist():
        themes.add_row(
            row["theme"],
            f"{row['comments']:,}",
            f"{row['share_negative']:.0%}",
            f"{row['mean_score']:+.2f}",
        )
    out.print(themes)
    if unthemed:
        out.print(f"{unthemed:,} comments match no theme", markup=False)
    shown = f"{len(listed):,} newest of {matched:,}" if len(listed) < matched else "all"
    table = Table(title=f"comments ({shown})", title_justify="left", show_edge=False)
    for column in ("time", "touchpoint", "score", "sentiment", "themes"):
        table.add_column(column, justify="right" if column == "score" else "left", no_wrap=True)
    table.add_column("comment", ratio=1, min_width=24)
    for row in listed:
        score = f"{row['metric']} {row['score']:g}" if row["score"] is not None else row["metric"]
        table.add_row(
            f"{row['ts']:%Y-%m-%d %H:%M}",
            Text(row["touchpoint"] or ""),
            Text(score),
            f"{row['sentiment']} {row['sentiment_score']:+.2f}",
            ", ".join(row["themes"]),
            Text(row["comment"]),
        )
    out.print(table)
