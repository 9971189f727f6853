"""A report over part of a store: a period of days and one persona, in a temporary copy.

The store file is copied and what lies outside the scope is deleted from the copy, so every
analytic runs on it unchanged. Events and answers are kept
from ``start`` (00:00 UTC) to the end of ``end``; cases by the time of their response (KPI
cases by their window end). A persona keeps the people its ``assign`` rule gives, their
anonymous ids, events, answers and cases. The source store is only read.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyarrow as pa

from ..analysis.personas import assign_personas
from ..errors import UsageError, did_you_mean
from ..map.models import JourneyMap
from ..store import Store

__all__ = ["scoped_store"]


def _trim_period(store: Store, start: dt.date | None, end: dt.date | None) -> None:
    con = store.connection
    present = {
        str(row[0])
        for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()
    }
    low = dt.datetime.combine(start, dt.time()) if start else None
    high = dt.datetime.combine(end + dt.timedelta(days=1), dt.time()) if end else None
    for table, column in (("events", "ts"), ("feedback", "ts"), ("cases", "responded_at")):
        if table not in present:
            continue
        if low:
            con.execute(f"DELETE FROM {table} WHERE {column} < ?", [low])
        if high:
            con.execute(f"DELETE FROM {table} WHERE {column} >= ?", [high])
    for table in ("case_events", "outbox"):
        if table in present:
            con.execute(f"DELETE FROM {table} WHERE case_id NOT IN (SELECT case_id FROM cases)")


def _keep_persona(store: Store, journey_map: JourneyMap, persona: str) -> None:
    ids = [p.id for p in journey_map.personas]
    if persona not in ids:
        raise UsageError(
            f"persona '{persona}': not in the map's personas" + did_you_mean(persona, ids),
            code="usage_unknown_persona",
        )
    assigned = assign_personas(store.table("people"), journey_map)
    chosen = assigned.filter(assigned.persona == persona).select("person_id")
    keep = chosen.to_pyarrow()
    con = store.connection
    con.register("__keep", pa.table({"person_id": keep.column("person_id")}))
    try:
        kept = "(SELECT person_id FROM __keep)"
        anonymous = f"(SELECT anonymous_id FROM identities WHERE person_id IN {kept})"
        con.execute(
            f"DELETE FROM events WHERE NOT (coalesce(person_id IN {kept}, false) OR "
            f"coalesce(anonymous_id IN {anonymous}, false))"
        )
        for table in ("feedback", "cases"):
            con.execute(
                f"DELETE FROM {table} WHERE NOT coalesce(person_id IN {kept}, false)"
                + (" AND rule_id NOT LIKE 'kpi:%'" if table == "cases" else "")
            )
        con.execute(f"DELETE FROM identities WHERE person_id NOT IN {kept}")
        con.execute(f"DELETE FROM people WHERE person_id NOT IN {kept}")
        for table in ("case_events", "outbox"):
            con.execute(f"DELETE FROM {table} WHERE case_id NOT IN (SELECT case_id FROM cases)")
    finally:
        con.unregister("__keep")


@contextmanager
def scoped_store(
    path: Path,
    journey_map: JourneyMap,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    persona: str | None = None,
) -> Iterator[Path]:
    """A temporary store holding ``path``'s data from ``start`` to ``end`` (days, UTC) of
    ``persona`` (None: everyone); deleted on exit."""
    if start and end and end < start:
        raise UsageError(
            f"--to {end.isoformat()} is before --from {start.isoformat()}: swap them",
            code="usage_period",
        )
    folder = Path(tempfile.mkdtemp(prefix="recorrido-report-"))
    try:
        target = folder / "scoped.duckdb"
        shutil.copyfile(path, target)
        wal = path.with_name(path.name + ".wal")
        if wal.exists():
            shutil.copyfile(wal, target.with_name(target.name + ".wal"))
        with Store.open(target) as store:
            _trim_period(store, start, end)
            if persona is not None:
                _keep_persona(store, journey_map, persona)
        yield target
    finally:
        shutil.rmtree(folder, ignore_errors=True)
