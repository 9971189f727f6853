"""Ingest survey answers (NPS, CSAT, CES, ratings) into the store.

Two layouts are read: *long* (a ``metric`` column and a ``score`` column, one answer per
row) and *wide* (columns named ``nps``, ``csat``, ``ces`` or ``rating``, one response per
row, each non-empty score becoming an answer; the comment goes with the first of them).
An answer is identified by (response id, metric); without a response id column, by a hash
of its content and occurrence, as for events.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb

from ..errors import IngestError, did_you_mean
from ..map.models import JourneyMap
from ..store import Store
from ..store.sql import ident, literal
from .columns import normalise
from .pipeline import (
    IngestReport,
    Progress,
    Staged,
    properties_sql,
    run_ingestion,
    scalar,
    text_of,
)
from .timestamps import TimeRule, plan_time

__all__ = ["METRICS", "Scale", "ingest_feedback", "parse_scale"]


@dataclass(frozen=True)
class Scale:
    """The range of a metric's scores, inclusive."""

    low: float
    high: float

    def __str__(self) -> str:
        return f"{self.low:g}–{self.high:g}"


METRICS: dict[str, Scale] = {
    "nps": Scale(0, 10),
    "csat": Scale(1, 5),
    "ces": Scale(1, 7),
    "rating": Scale(1, 5),
}
"""Each metric and its default scale (``--scale rating=1-10`` changes one)."""


def parse_scale(item: str) -> tuple[str, Scale]:
    """``"rating=1-10"`` → ``("rating", Scale(1, 10))``."""
    metric, _, span = item.partition("=")
    low, sep, high = span.replace("–", "-").partition("-")
    try:
        if metric not in METRICS or not sep:
            raise ValueError
        scale = Scale(float(low), float(high))
    except ValueError:
        raise IngestError(
            f"--scale {item!r}: expected METRIC=LOW-HIGH with METRIC one of "
            f"{', '.join(METRICS)}, e.g. rating=1-10",
            code="usage_scale",
        ) from None
    if scale.low >= scale.high:
        raise IngestError(f"--scale {item!r}: LOW must be below HIGH", code="usage_scale")
    return metric, scale


def ingest_feedback(
    store: Store,
    path: str | Path,
    *,
    journey: JourneyMap | None = None,
    columns: Sequence[str] = (),
    scales: Mapping[str, Scale] | None = None,
    timezone: str = "UTC",
    timezone_explicit: bool = False,
    time_format: str | None = None,
    rejected_path: Path | None = None,
    max_rejected: float = 0.5,
    progress: Progress | None = None,
) -> IngestReport:
    """Store the survey answers of ``path``; with ``journey``, check touchpoints and stages."""
    source = Path(path)
    all_scales = {**METRICS, **(scales or {})}

    rule = TimeRule(timezone, timezone_explicit, time_format)

    def check(
        con: duckdb.DuckDBPyConnection, staged: Staged, roles: dict[str, str], report: IngestReport
    ) -> None:
        wide = [c for c in staged.columns if normalise(c) in METRICS and c not in roles.values()]
        if not wide and not {"metric", "score"} <= roles.keys():
            raise IngestError(
                f"{source}: no score found: give 'metric' and 'score' columns (one answer per "
                "row) or columns named nps, csat, ces or rating; the file has: "
                f"{', '.join(staged.columns)}",
                code="column_missing",
            )
        report.columns |= {normalise(c): c for c in wide}
        used = set(report.columns.values())
        report.properties = [c for c in staged.columns if c not in used]
        when = plan_time(con, roles["time"], rule, source=str(source))
        report.time = when.describe()
        answers = _answers_sql(roles, wide, staged.types, report.properties)
        _check(con, answers, when.sql("ts_value"), all_scales, journey)
        report.rows_read = scalar(con, "SELECT count(*) FROM __parsed")
        if wide:
            report.notes.append(
                f"{report.rows_read:,} answers from {staged.rows:,} responses "
                f"(score columns: {', '.join(wide)})"
            )

    return run_ingestion(
        store.connection,
        source,
        "feedback",
        check=check,
        save=_store,
        overrides=columns,
        timezone=timezone,
        rejected_path=rejected_path,
        max_rejected=max_rejected,
        progress=progress,
    )


def _answers_sql(
    roles: dict[str, str], wide: list[str], types: dict[str, str], properties: list[str]
) -> str:
    """One row per answer: the long layout as is, the wide one unpivoted."""

    def text(role: str) -> str:
        return text_of(roles[role], types) if role in roles else "CAST(NULL AS VARCHAR)"

    time_column = ident(roles["time"])
    common = f"""__row, {text("response_id")} AS given_id, {text("person")} AS person_id,
        {time_column} AS ts_value, {text("time")} AS ts_raw,
        {text("touchpoint")} AS touchpoint, {text("stage")} AS stage,
        {text("scale")} AS scale_raw, {text("language")} AS language,
        {properties_sql(properties, types)} AS properties"""
    if not wide:
        return f"""SELECT {common}, lower({text("metric")}) AS metric,
                   {text("score")} AS score_raw, {text("comment")} AS comment FROM __rawv"""
    parts = []
    for index, column in enumerate(wide):
        earlier = [text_of(c, types) for c in wide[:index]]
        first = " AND ".join(f"{e} IS NULL" for e in earlier) or "TRUE"
        parts.append(
            f"""SELECT {common}, {literal(normalise(column))} AS metric,
                {text_of(column, types)} AS score_raw,
                CASE WHEN {first} THEN {text("comment")} END AS comment
                FROM __rawv WHERE {text_of(column, types)} IS NOT NULL"""
        )
    return " UNION ALL ".join(parts)


def _check(
    con: duckdb.DuckDBPyConnection,
    answers: str,
    time_sql: str,
    scales: Mapping[str, Scale],
    journey: JourneyMap | None,
) -> None:
    con.execute(f"CREATE TEMP TABLE __parsed AS {answers}")
    metric_reason = _unknown_values(con, "metric", list(scales), "metric")
    scale_cases = " ".join(f"WHEN metric = {literal(m)} THEN {s.low} " for m, s in scales.items())
    high_cases = " ".join(f"WHEN metric = {literal(m)} THEN {s.high} " for m, s in scales.items())
    reasons = [
        "WHEN ts_raw IS NULL THEN 'time is empty'",
        "WHEN ts IS NULL THEN 'time ''' || ts_raw || ''' is not a recognised timestamp'",
        "WHEN metric IS NULL THEN 'metric is empty'",
        metric_reason,
        "WHEN score_raw IS NULL THEN 'score is empty'",
        "WHEN score IS NULL THEN 'score ''' || score_raw || ''' is not a number'",
        "WHEN scale_low IS NULL THEN 'scale ''' || scale_raw || ''' is not LOW-HIGH, e.g. 1-5'",
        "WHEN score < scale_low OR score > scale_high THEN 'score ' || score_raw || "
        f"' is outside the ' || metric || ' scale ' || {_number('scale_low')} || '–' || "
        f"{_number('scale_high')}",
        "WHEN first_row IS NOT NULL AND first_row <> __row THEN 'duplicate response id ''' || "
        "given_id || ''' for ' || metric || ' (first at row ' || CAST(first_row AS VARCHAR) || ')'",
    ]
    if journey is not None:
        touchpoints = [tp.id for tp in journey.touchpoints]
        reasons.append(_unknown_values(con, "touchpoint", touchpoints, "touchpoint"))
        reasons.append(_unknown_values(con, "stage", journey.stage_ids(), "stage"))
    scale_split = "regexp_extract(scale_raw, '^\\s*(-?[0-9.]+)\\s*[-–]\\s*(-?[0-9.]+)\\s*$', {})"
    con.execute(
        f"""
        CREATE TEMP TABLE __checked AS
        WITH p AS (
            SELECT *, CAST({time_sql} AS TIMESTAMP) AS ts,
                   TRY_CAST(replace(score_raw, ',', '.') AS DOUBLE) AS score,
                   CASE WHEN scale_raw IS NULL THEN CASE {scale_cases} END
                        ELSE TRY_CAST(NULLIF({scale_split.format(1)}, '') AS DOUBLE) END
                       AS scale_low,
                   CASE WHEN scale_raw IS NULL THEN CASE {high_cases} END
                        ELSE TRY_CAST(NULLIF({scale_split.format(2)}, '') AS DOUBLE) END
                       AS scale_high
            FROM __parsed
        ), ranked AS (
            SELECT *,
                   md5(CAST(json_array(person_id, strftime(ts, '%Y-%m-%dT%H:%M:%S.%f'),
                       touchpoint, stage, metric, score, comment) AS VARCHAR)) AS content_hash,
                   CASE WHEN given_id IS NULL THEN NULL ELSE
                       min(__row) OVER (PARTITION BY given_id, metric) END AS first_row
            FROM p
        )
        SELECT *,
               coalesce(given_id, md5(content_hash || '#' || CAST(row_number() OVER (
                   PARTITION BY content_hash ORDER BY __row) AS VARCHAR))) AS response_id,
               CASE {" ".join(r for r in reasons if r)} END AS __reason
        FROM ranked
        """
    )


def _unknown_values(
    con: duckdb.DuckDBPyConnection, column: str, valid: list[str], what: str
) -> str:
    """A CASE branch rejecting values of ``column`` outside ``valid``, with a suggestion."""
    found = con.execute(
        f"SELECT DISTINCT {ident(column)} FROM __parsed WHERE {ident(column)} IS NOT NULL"
    ).fetchall()
    unknown = sorted(str(row[0]) for row in found if str(row[0]) not in valid)
    if not unknown:
        return ""
    branches = " ".join(
        f"WHEN {literal(value)} THEN "
        f"{literal(f'unknown {what} {value!r}' + did_you_mean(value, valid))}"
        for value in unknown[:500]
    )
    fallback = literal(f"unknown {what}{did_you_mean('', valid)}")
    return (
        f"WHEN {ident(column)} IS NOT NULL AND {ident(column)} NOT IN "
        f"(SELECT unnest({_list(valid)})) THEN CASE {ident(column)} {branches} ELSE {fallback} END"
    )


def _number(column: str) -> str:
    """SQL showing a DOUBLE column as ``10`` rather than ``10.0`` when it is whole."""
    return (
        f"CASE WHEN {column} = floor({column}) THEN CAST(CAST({column} AS BIGINT) AS VARCHAR) "
        f"ELSE CAST({column} AS VARCHAR) END"
    )


def _list(values: list[str]) -> str:
    return "[" + ", ".join(literal(v) for v in values) + "]::VARCHAR[]"


def _store(con: duckdb.DuckDBPyConnection, report: IngestReport, source_file: str) -> None:
    valid = scalar(con, "SELECT count(*) FROM __checked WHERE __reason IS NULL")
    con.execute(
        """
        INSERT INTO feedback
        SELECT c.response_id, c.person_id, c.ts, c.touchpoint, c.stage, c.metric, c.score,
               c.scale_low, c.scale_high, c.comment, c.language, c.properties, ?, c.__row,
               (SELECT coalesce(max(seq), 0) FROM feedback)
                   + row_number() OVER (ORDER BY c.__row, c.metric),
               ?
        FROM __checked c
        WHERE c.__reason IS NULL
          AND NOT EXISTS (SELECT 1 FROM feedback f
                          WHERE f.response_id = c.response_id AND f.metric = c.metric)
        """,
        [source_file, report.ingestion_id],
    )
    report.accepted = scalar(
        con, "SELECT count(*) FROM feedback WHERE ingestion_id = ?", [report.ingestion_id]
    )
    report.duplicates = valid - report.accepted
