"""The steps every ingestion shares: stage the file, reject bad rows, store atomically, log.

A file is read into a temporary DuckDB table (``__raw``, row numbers from file order), parsed
into ``__checked`` where each row has a NULL ``__reason`` or the reason it is rejected, and then
stored in one transaction together with its line in the ``ingestions`` log. Rejected rows are
written to ``<file>.rejected.csv`` with their row number and reason.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from .._version import __version__
from ..errors import IngestError
from ..store.sql import first, ident, literal
from .columns import detect_roles, parse_overrides
from .formats import FileFormat, detect_format, reader_sql

__all__ = ["IngestReport", "Progress", "Staged", "run_ingestion", "stage_file", "text_of"]

Progress = Callable[[str, float], None]
"""Called with a step's description and its completion in percent (0–100)."""


@dataclass
class IngestReport:
    """What one ingestion did."""

    kind: str
    source: Path
    file_format: str
    rows_read: int = 0
    accepted: int = 0
    duplicates: int = 0
    rejected: int = 0
    rejected_file: Path | None = None
    columns: dict[str, str] = field(default_factory=dict)
    properties: list[str] = field(default_factory=list)
    time: str | None = None
    ingestion_id: int | None = None
    previous_ingestion: int | None = None
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        """One line: the counts."""
        return (
            f"{self.source.name}: {self.rows_read:,} rows read, {self.accepted:,} stored, "
            f"{self.duplicates:,} already in the store, {self.rejected:,} rejected"
        )


@dataclass(frozen=True)
class Staged:
    """A file staged in the temporary table ``__raw`` (with ``__row``)."""

    path: Path
    file_format: FileFormat
    columns: list[str]
    types: dict[str, str]
    rows: int
    sha256: str
    size: int


def file_digest(path: Path) -> str:
    """SHA-256 of the file's bytes, read in blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@contextmanager
def watch(con: duckdb.DuckDBPyConnection, step: str, progress: Progress | None) -> Iterator[None]:
    """Report DuckDB's progress on the running statement to ``progress`` from a thread."""
    if progress is None:
        yield
        return
    done = threading.Event()

    def poll() -> None:
        while not done.wait(0.2):
            try:
                value = float(con.query_progress())
            except duckdb.Error:
                continue
            if value >= 0:
                progress(step, min(value, 100.0))

    thread = threading.Thread(target=poll, daemon=True)
    progress(step, 0.0)
    thread.start()
    try:
        yield
    finally:
        done.set()
        thread.join()
        progress(step, 100.0)


def stage_file(
    con: duckdb.DuckDBPyConnection, path: Path, progress: Progress | None = None
) -> Staged:
    """Read ``path`` into the temporary table ``__raw``; refuse empty or unreadable files."""
    file_format = detect_format(path)
    reader = reader_sql(path, file_format)
    con.execute("DROP TABLE IF EXISTS __raw")
    try:
        with watch(con, f"reading {path.name}", progress):
            con.execute(f"CREATE TEMP TABLE __raw AS SELECT * FROM {reader}")
    except duckdb.Error as error:
        message = str(error).splitlines()[0]
        raise IngestError(
            f"{path}: cannot read it as {file_format.describe()}: {message}",
            code="file_unreadable",
        ) from None
    described = con.execute("DESCRIBE __raw").fetchall()
    columns = [str(row[0]) for row in described]
    types = {str(row[0]): str(row[1]) for row in described}
    rows = scalar(con, "SELECT count(*) FROM __raw")
    if rows == 0:
        raise IngestError(
            f"{path}: header only, no data rows (columns: {', '.join(columns)})",
            code="file_empty",
        )
    con.execute("CREATE OR REPLACE TEMP VIEW __rawv AS SELECT rowid + 1 AS __row, * FROM __raw")
    return Staged(path, file_format, columns, types, rows, file_digest(path), path.stat().st_size)


def text_of(column: str, types: dict[str, str]) -> str:
    """SQL for a column's value as trimmed text, NULL when empty."""
    col = ident(column)
    kind = types.get(column, "VARCHAR").upper()
    if kind == "JSON":
        return f"NULLIF(trim(json_extract_string({col}, '$')), '')"
    if kind == "VARCHAR":
        return f"NULLIF(trim({col}), '')"
    return f"CAST({col} AS VARCHAR)"


def properties_sql(columns: Sequence[str], types: dict[str, str]) -> str:
    """SQL for a JSON object of ``columns`` (NULL when there are none)."""
    if not columns:
        return "CAST(NULL AS VARCHAR)"
    pairs = []
    for column in columns:
        kind = types.get(column, "VARCHAR").upper()
        value = text_of(column, types) if kind == "VARCHAR" else ident(column)
        pairs.append(f"{literal(column)}, {value}")
    return f"CAST(json_object({', '.join(pairs)}) AS VARCHAR)"


def reject(
    con: duckdb.DuckDBPyConnection, staged: Staged, report: IngestReport, rejected_path: Path | None
) -> None:
    """Count the rows of ``__checked`` with a reason and write them out with the raw row."""
    report.rejected = scalar(con, "SELECT count(*) FROM __checked WHERE __reason IS NOT NULL")
    if not report.rejected:
        return
    target = rejected_path or staged.path.with_name(staged.path.name + ".rejected.csv")
    raw = ", ".join(f"CAST(r.{ident(c)} AS VARCHAR) AS {ident(c)}" for c in staged.columns)
    try:
        con.execute(
            f"""COPY (SELECT c.__row AS "row", c.__reason AS reason, {raw}
                      FROM (SELECT DISTINCT __row, __reason FROM __checked
                            WHERE __reason IS NOT NULL) c
                      JOIN __rawv r USING (__row) ORDER BY c.__row)
                TO {literal(str(target))} (HEADER, DELIMITER ',')"""
        )
    except duckdb.Error as error:
        raise IngestError(
            f"{target}: cannot write the rejected rows there ({error}); pass --rejected PATH",
            code="rejected_unwritable",
        ) from None
    report.rejected_file = target


def refuse_if_mostly_rejected(
    con: duckdb.DuckDBPyConnection, report: IngestReport, max_rejected: float
) -> None:
    """Stop (storing nothing) when too many rows were rejected: the file is likely misread."""
    if report.rejected == 0:
        return
    share = report.rejected / max(report.rows_read, 1)
    if report.rejected < report.rows_read and share <= max_rejected:
        return
    reasons = con.execute(
        """SELECT __reason, count(*) AS n, min(__row) FROM __checked
           WHERE __reason IS NOT NULL GROUP BY 1 ORDER BY n DESC, 3 LIMIT 3"""
    ).fetchall()
    shown = "; ".join(f"row {row}: {reason} ({n:,} rows)" for reason, n, row in reasons)
    raise IngestError(
        f"{report.source}: {report.rejected:,} of {report.rows_read:,} rows rejected "
        f"(more than {max_rejected:.0%}), nothing stored: {shown}; all reasons in "
        f"{report.rejected_file}",
        code="too_many_rejected",
    )


def previous_ingestion(con: duckdb.DuckDBPyConnection, kind: str, sha256: str) -> int | None:
    """The id of an earlier ingestion of a file with the same bytes, if any."""
    row = first(
        con.execute(
            "SELECT min(ingestion_id) FROM ingestions WHERE kind = ? AND file_sha256 = ?",
            [kind, sha256],
        ).fetchall()
    )
    return int(row[0]) if row and row[0] is not None else None


def scalar(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[object] = ()) -> int:
    """The first column of the first row of ``sql``, as an int (0 when NULL)."""
    row = first(con.execute(sql, list(params)).fetchall())
    return int(row[0]) if row and row[0] is not None else 0


def next_ingestion_id(con: duckdb.DuckDBPyConnection) -> int:
    row = first(con.execute("SELECT coalesce(max(ingestion_id), 0) + 1 FROM ingestions").fetchall())
    return int(row[0]) if row else 1


def log_ingestion(
    con: duckdb.DuckDBPyConnection,
    report: IngestReport,
    staged: Staged,
    started: dt.datetime,
    timezone: str | None,
) -> None:
    """Add the ingestion's line to the log (inside the caller's transaction)."""
    con.execute(
        "INSERT INTO ingestions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            report.ingestion_id,
            report.kind,
            str(staged.path.resolve()),
            staged.sha256,
            staged.size,
            started,
            _utc_now(),
            report.rows_read,
            report.accepted,
            report.duplicates,
            report.rejected,
            json.dumps(report.columns, sort_keys=True),
            timezone,
            __version__,
        ],
    )


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """All or nothing: commit on success, roll back on any error."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


Check = Callable[[duckdb.DuckDBPyConnection, Staged, dict[str, str], IngestReport], None]
"""Builds ``__checked`` from ``__rawv``: parsed rows, each with its ``__reason`` or NULL."""
Save = Callable[[duckdb.DuckDBPyConnection, IngestReport, str], None]
"""Stores the rows of ``__checked`` without a reason; sets ``accepted`` and ``duplicates``."""


def run_ingestion(
    store_connection: duckdb.DuckDBPyConnection,
    path: Path,
    kind: str,
    *,
    check: Check,
    save: Save,
    overrides: Sequence[str] = (),
    timezone: str | None = None,
    rejected_path: Path | None = None,
    max_rejected: float = 0.5,
    progress: Progress | None = None,
) -> IngestReport:
    """The steps every ingestion shares (see the module docstring), around ``check``/``save``."""
    con = store_connection
    started, clock = start_clock()
    try:
        staged = stage_file(con, path, progress)
        roles = detect_roles(
            staged.columns, kind, parse_overrides(overrides, kind), source=str(path)
        )
        report = IngestReport(kind, path, staged.file_format.describe(), staged.rows)
        report.columns = dict(roles)
        with watch(con, "checking rows", progress):
            check(con, staged, roles, report)
        reject(con, staged, report, rejected_path)
        refuse_if_mostly_rejected(con, report, max_rejected)
        report.previous_ingestion = previous_ingestion(con, kind, staged.sha256)
        with transaction(con):
            report.ingestion_id = next_ingestion_id(con)
            with watch(con, f"storing {kind}", progress):
                save(con, report, str(path.resolve()))
            log_ingestion(con, report, staged, started, timezone)
        report.seconds = time.perf_counter() - clock
        return report
    finally:
        cleanup(con)


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def start_clock() -> tuple[dt.datetime, float]:
    return _utc_now(), time.perf_counter()


def cleanup(con: duckdb.DuckDBPyConnection) -> None:
    """Drop the temporary tables of an ingestion."""
    for name in ("__checked", "__parsed"):
        con.execute(f"DROP TABLE IF EXISTS {name}")
    con.execute("DROP VIEW IF EXISTS __rawv")
    con.execute("DROP TABLE IF EXISTS __raw")
