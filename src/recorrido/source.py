"""Where analytics read from: a store, an events or feedback file read directly (nothing is
kept), or an events table on a backend.

A file is ingested with the same column detection and time rules as ``recorrido ingest
events`` (or ``feedback``) into a temporary store that is deleted when the source closes; its
rejected rows are written to ``FILE.rejected.csv`` as ingestion does, so none is lost
silently. :func:`file_kind` tells which of the two a file holds: a column for the event name
makes it events; else a metric or score column makes it survey answers.

On a backend (:func:`open_events`), the source is a table there or a Parquet file (or
directory) read there, holding either the journey-events columns
(:data:`~recorrido.analysis.frame.JOURNEY_EVENTS`) or the store's ``events`` columns
(:data:`STORE_EVENT_COLUMNS`); the latter are stitched with the backend's ``identities`` table
when it has one, else person ids are taken as they are.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from pathlib import Path
from typing import Any, Literal

import duckdb
import ibis

from ._closing import Closing
from .analysis.frame import JOURNEY_EVENTS
from .backends import Backend
from .errors import RecorridoError, UsageError
from .ingest.columns import ROLES, normalise
from .ingest.events import ingest_events
from .ingest.feedback import ingest_feedback
from .ingest.formats import detect_format, reader_sql
from .ingest.pipeline import IngestReport
from .store import Store
from .store.store import looks_like_duckdb

__all__ = [
    "STORE_EVENT_COLUMNS",
    "Source",
    "events_columns",
    "file_kind",
    "no_identities",
    "open_events",
    "open_source",
]

STORE_EVENT_COLUMNS = (
    "person_id",
    "anonymous_id",
    "session_id",
    "ts",
    "seq",
    "event",
    "channel",
    "value",
    "properties",
)
"""The columns of the store's ``events`` table that journeys are built from."""


FileKind = Literal["events", "feedback"]


class Source(Closing):
    """An open store, and the temporary folder to delete with it (for files read directly),
    with the ``kind`` of that file."""

    def __init__(
        self,
        store: Store,
        temporary: Path | None = None,
        report: IngestReport | None = None,
        kind: FileKind | None = None,
    ) -> None:
        self.store = store
        self.temporary = temporary
        self.report = report
        self.kind = kind

    def close(self) -> None:
        self.store.close()
        if self.temporary is not None:
            shutil.rmtree(self.temporary, ignore_errors=True)


def open_source(
    source: str | Path,
    *,
    columns: tuple[str, ...] = (),
    timezone: str = "UTC",
    timezone_explicit: bool = False,
    memory_limit: str = "3GB",
    kind: FileKind | None = None,
) -> Source:
    """A store file opened read-only, or an events or feedback file (``kind``, by default
    :func:`file_kind`) loaded into a temporary store."""
    path = Path(source)
    if path.suffix == ".duckdb" or (path.is_file() and looks_like_duckdb(path)):
        return Source(Store.open(path, read_only=True, memory_limit=memory_limit))
    kind = kind or file_kind(path)
    ingest = ingest_events if kind == "events" else ingest_feedback
    folder = Path(tempfile.mkdtemp(prefix="recorrido-"))
    try:
        store = Store.open(folder / "source.duckdb", create=True, memory_limit=memory_limit)
        report = ingest(
            store,
            path,
            columns=columns,
            timezone=timezone,
            timezone_explicit=timezone_explicit,
        )
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return Source(store, folder, report, kind)


def file_kind(path: Path) -> FileKind:
    """``events`` when a column of the file can name the event (the candidates of
    ``recorrido ingest events``), else ``feedback`` when one can hold a survey metric or score,
    else ``events`` (whose ingestion then says which column is missing). Files that cannot be
    read are ``events`` too, so ingestion reports why."""
    try:
        sql = reader_sql(path, detect_format(path))
        with duckdb.connect() as con:
            names = [str(row[0]) for row in con.execute(f"DESCRIBE SELECT * FROM {sql}").fetchall()]
    except (duckdb.Error, OSError, RecorridoError):
        return "events"
    found = {normalise(name) for name in names}

    def has(kind: str, role: str) -> bool:
        return any(normalise(c) in found for c in ROLES[kind][role])

    if has("events", "event"):
        return "events"
    return "feedback" if has("feedback", "metric") or has("feedback", "score") else "events"


def _is_path(source: str) -> bool:
    return Path(source).exists() or source.endswith(".parquet") or any(c in source for c in "/\\")


def open_events(backend: Backend, source: str) -> tuple[Any, Any]:
    """The events ``source`` names on ``backend``, and the identities to stitch them with.

    ``source`` is a Parquet file or directory (a path, ``s3://…``) read by the backend, else a
    table name. Returns ``(events, None)`` for journey events, ``(events, identities)`` for
    store events (``identities``: the backend's ``identities`` table, else
    :func:`no_identities`).
    """
    from_file = _is_path(source)
    if from_file:
        events = backend.read_parquet(source, "recorrido_events")
    else:
        events = backend.table(source)
    if events_columns(events, source) == "journey":
        return events, None
    identities = no_identities(events)
    if not from_file:
        with contextlib.suppress(UsageError):  # no identities table: ids as they are
            identities = backend.table("identities")
    return events, identities


def events_columns(events: Any, source: str) -> str:
    """``"journey"`` or ``"store"``: which events ``events`` holds; else a ``UsageError``
    naming the columns it lacks."""
    columns = set(events.columns)
    missing = {
        kind: [c for c in names if c not in columns]
        for kind, names in (("journey", JOURNEY_EVENTS.names), ("store", STORE_EVENT_COLUMNS))
    }
    for kind, lacking in missing.items():
        if not lacking:
            return kind
    kind = min(missing, key=lambda k: len(missing[k]))
    described = "journey events" if kind == "journey" else "the store's events"
    raise UsageError(
        f"'{source}' lacks the columns {', '.join(missing[kind])} of {described} "
        f"(it has: {', '.join(events.columns)})",
        code="usage_missing_columns",
    )


def no_identities(events: Any) -> Any:
    """An empty identities table: every event's person is its ``person_id`` (or ``anon:…``)."""
    empty = events.filter(ibis.literal(False))
    return empty.select(
        anonymous_id=empty.anonymous_id,
        person_id=empty.person_id,
        first_seen=empty.ts,
        seq=empty.seq,
    )
