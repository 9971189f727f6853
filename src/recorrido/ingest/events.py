"""Ingest a file of behavioural events into the store.

Every event gets an id: the file's id column, or an md5 of its content (person, anonymous
id, session, UTC time, event, channel, value, properties) and its occurrence number among
identical rows of the file, so ingesting the same file twice stores nothing new, and a file
with more rows added later stores only those rows. Events get ingestion sequence numbers
above every stored one, increasing in file order: the tie-breaker for equal timestamps.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import duckdb

from ..store import Store
from ..store.sql import ident
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

__all__ = ["ingest_events"]

_TIME_HINT = "use ISO 8601 such as 2026-03-01T10:00:00+01:00, epoch seconds, or pass --time-format"


def ingest_events(
    store: Store,
    path: str | Path,
    *,
    columns: Sequence[str] = (),
    timezone: str = "UTC",
    timezone_explicit: bool = False,
    time_format: str | None = None,
    rejected_path: Path | None = None,
    max_rejected: float = 0.5,
    progress: Progress | None = None,
) -> IngestReport:
    """Store the events of ``path``; see the module docstring for ids and order."""
    source = Path(path)

    rule = TimeRule(timezone, timezone_explicit, time_format)

    def check(
        con: duckdb.DuckDBPyConnection, staged: Staged, roles: dict[str, str], report: IngestReport
    ) -> None:
        report.properties = [c for c in staged.columns if c not in roles.values()]
        when = plan_time(con, roles["time"], rule, source=str(source))
        report.time = when.describe()
        _parse(con, roles, staged.types, report.properties, when.sql(ident(roles["time"])))

    return run_ingestion(
        store.connection,
        source,
        "events",
        check=check,
        save=_store,
        overrides=columns,
        timezone=timezone,
        rejected_path=rejected_path,
        max_rejected=max_rejected,
        progress=progress,
    )


def _parse(
    con: duckdb.DuckDBPyConnection,
    roles: dict[str, str],
    types: dict[str, str],
    properties: list[str],
    time_sql: str,
) -> None:
    def text(role: str) -> str:
        return text_of(roles[role], types) if role in roles else "CAST(NULL AS VARCHAR)"

    value_text = text("value")
    value = (
        f"TRY_CAST(CASE WHEN regexp_matches({value_text}, '^-?[0-9]+,[0-9]+$') "
        f"THEN replace({value_text}, ',', '.') ELSE {value_text} END AS DOUBLE)"
    )
    parsed = f"""
        SELECT __row,
               {text("person")} AS person_id,
               {text("anonymous_id")} AS anonymous_id,
               {text("session")} AS session_id,
               {text("time")} AS ts_raw,
               CAST({time_sql} AS TIMESTAMP) AS ts,
               {text("event")} AS event,
               {text("channel")} AS channel,
               {value_text} AS value_raw,
               {value} AS value,
               {properties_sql(properties, types)} AS properties,
               {text("event_id")} AS given_id
        FROM __rawv
    """
    checked = f"""
        CREATE TEMP TABLE __checked AS
        WITH p AS ({parsed}),
        ranked AS (
            SELECT *,
                   md5(CAST(json_array(person_id, anonymous_id, session_id,
                                       strftime(ts, '%Y-%m-%dT%H:%M:%S.%f'), event, channel,
                                       value, properties) AS VARCHAR)) AS content_hash,
                   CASE WHEN given_id IS NULL THEN NULL ELSE
                       min(__row) OVER (PARTITION BY given_id) END AS first_row
            FROM p
        )
        SELECT *,
               coalesce(given_id, md5(content_hash || '#' || CAST(row_number() OVER (
                   PARTITION BY content_hash ORDER BY __row) AS VARCHAR))) AS event_id,
               CASE
                 WHEN person_id IS NULL AND anonymous_id IS NULL
                   THEN 'no person: the person and anonymous id are both empty'
                 WHEN ts_raw IS NULL THEN 'time is empty'
                 WHEN ts IS NULL
                   THEN 'time ''' || ts_raw || ''' is not a recognised timestamp; {_TIME_HINT}'
                 WHEN year(ts) < 1970 OR year(ts) > 2200
                   THEN 'time ''' || ts_raw || ''' is out of range (years 1970 to 2200)'
                 WHEN event IS NULL THEN 'event name is empty'
                 WHEN value_raw IS NOT NULL AND value IS NULL
                   THEN 'value ''' || value_raw || ''' is not a number'
                 WHEN first_row IS NOT NULL AND first_row <> __row
                   THEN 'duplicate event id ''' || given_id || ''' (first at row '
                        || CAST(first_row AS VARCHAR) || ')'
               END AS __reason
        FROM ranked
    """
    con.execute(checked)


def _store(con: duckdb.DuckDBPyConnection, report: IngestReport, source_file: str) -> None:
    valid = scalar(con, "SELECT count(*) FROM __checked WHERE __reason IS NULL")
    base = scalar(con, "SELECT coalesce(max(seq), 0) FROM events")
    # seq = base + row in file: increasing in file order (gaps where rows were not stored)
    con.execute(
        """
        INSERT INTO events
        SELECT c.event_id, c.person_id, c.anonymous_id, c.session_id, c.ts, c.event,
               c.channel, c.value, c.properties, ?, c.__row, ? + c.__row, ?
        FROM __checked c
        WHERE c.__reason IS NULL
          AND NOT EXISTS (SELECT 1 FROM events e WHERE e.event_id = c.event_id)
        """,
        [source_file, base, report.ingestion_id],
    )
    report.accepted = scalar(
        con, "SELECT count(*) FROM events WHERE ingestion_id = ?", [report.ingestion_id]
    )
    report.duplicates = valid - report.accepted
    con.execute(
        """
        INSERT INTO identities
        SELECT n.anonymous_id, n.person_id, n.first_seen, n.seq, ?
        FROM (SELECT anonymous_id, person_id, min(ts) AS first_seen, min(seq) AS seq
              FROM events
              WHERE ingestion_id = ? AND anonymous_id IS NOT NULL AND person_id IS NOT NULL
              GROUP BY anonymous_id, person_id) n
        WHERE NOT EXISTS (SELECT 1 FROM identities i
                          WHERE i.anonymous_id = n.anonymous_id AND i.person_id = n.person_id)
        """,
        [report.ingestion_id, report.ingestion_id],
    )
