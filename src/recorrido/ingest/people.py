"""Ingest a people file: one row per person, the other columns are their attributes.

Attributes become columns of the ``people`` table, named in normalised form
(``"Lifetime Value"`` → ``lifetime_value``) so persona rules can use them. A new attribute's
type is inferred from the file (number, boolean, timestamp, else string); a known attribute
keeps its type and values that do not fit it are rejected. A person already in the store is
updated: the file's attributes overwrite theirs, attributes absent from the file are kept.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import duckdb

from ..errors import IngestError
from ..store import Store
from ..store.sql import first, ident, literal
from .columns import normalise
from .pipeline import (
    IngestReport,
    Progress,
    Staged,
    run_ingestion,
    scalar,
    text_of,
)

__all__ = ["ingest_people"]

_RESERVED = {"person_id", "updated_at", "ingestion_id"}
_DECLARED = {
    "string": "VARCHAR",
    "number": "DOUBLE",
    "boolean": "BOOLEAN",
    "timestamp": "TIMESTAMP",
}
_BOOLEAN = "('true', 'false', 'yes', 'no', 'si', 'sí', 't', 'f')"


def ingest_people(
    store: Store,
    path: str | Path,
    *,
    columns: Sequence[str] = (),
    declared: Mapping[str, str] | None = None,
    rejected_path: Path | None = None,
    max_rejected: float = 0.5,
    progress: Progress | None = None,
) -> IngestReport:
    """Insert or update the people of ``path``.

    ``declared`` maps attribute names to the types a journey map declares for them
    (string, number, boolean, timestamp); they win over inference for new attributes.
    """
    source = Path(path)
    kinds: dict[str, str] = {}
    existing: dict[str, str] = {}

    def check(
        con: duckdb.DuckDBPyConnection, staged: Staged, roles: dict[str, str], report: IngestReport
    ) -> None:
        attributes = _attributes(staged.columns, roles["person"], str(source))
        report.properties = list(attributes.values())
        existing.update(_people_columns(con))
        wanted = {n: _DECLARED[t] for n, t in (declared or {}).items() if t in _DECLARED}
        for column, name in attributes.items():
            kinds[name] = (
                existing.get(name) or wanted.get(name) or _infer(con, column, staged.types)
            )
        report.notes.append(
            "attributes: " + ", ".join(f"{n} ({k.lower()})" for n, k in kinds.items())
        )
        _check(con, roles["person"], attributes, kinds, staged.types)

    def save(con: duckdb.DuckDBPyConnection, report: IngestReport, _source: str) -> None:
        for name, kind in kinds.items():
            if name not in existing:
                con.execute(f"ALTER TABLE people ADD COLUMN {ident(name)} {kind}")
        _store(con, report, list(kinds))

    return run_ingestion(
        store.connection,
        source,
        "people",
        check=check,
        save=save,
        overrides=columns,
        rejected_path=rejected_path,
        max_rejected=max_rejected,
        progress=progress,
    )


def _attributes(columns: Sequence[str], person: str, source: str) -> dict[str, str]:
    """File column → attribute name, refusing names that collide."""
    names: dict[str, str] = {}
    for column in columns:
        if column == person:
            continue
        name = normalise(column) or "attribute"
        if name[0].isdigit():
            name = "a_" + name
        if name in _RESERVED:
            raise IngestError(
                f"{source}: column '{column}' is reserved for Recorrido; rename it",
                code="column_reserved",
            )
        if name in names.values():
            other = next(c for c, n in names.items() if n == name)
            raise IngestError(
                f"{source}: columns '{other}' and '{column}' both become attribute '{name}'; "
                "rename one of them",
                code="column_collision",
            )
        names[column] = name
    return names


def _people_columns(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    rows = con.execute("DESCRIBE people").fetchall()
    return {str(r[0]): str(r[1]) for r in rows if str(r[0]) not in _RESERVED}


def _infer(con: duckdb.DuckDBPyConnection, column: str, types: dict[str, str]) -> str:
    """DOUBLE, BOOLEAN, TIMESTAMP or VARCHAR, whichever every non-empty value fits."""
    kind = types.get(column, "VARCHAR").upper()
    if kind in {"BIGINT", "INTEGER", "DOUBLE", "FLOAT", "DECIMAL", "HUGEINT", "SMALLINT"}:
        return "DOUBLE"
    if kind == "BOOLEAN":
        return "BOOLEAN"
    if kind.startswith(("TIMESTAMP", "DATE")):
        return "TIMESTAMP"
    text = text_of(column, types)
    fits = first(
        con.execute(
            f"""SELECT count({text}),
                   count(TRY_CAST({text} AS DOUBLE)),
                   count(*) FILTER (WHERE lower({text}) IN {_BOOLEAN}),
                   count(*) FILTER (WHERE regexp_matches({text}, '^[0-9]{{4}}-[0-9]{{2}}-')
                                      AND TRY_CAST({text} AS TIMESTAMP) IS NOT NULL)
            FROM __rawv"""
        ).fetchall()
    )
    assert fits is not None
    present, numbers, booleans, stamps = fits
    if present and numbers == present:
        return "DOUBLE"
    if present and booleans == present:
        return "BOOLEAN"
    if present and stamps == present:
        return "TIMESTAMP"
    return "VARCHAR"


def _cast(text: str, kind: str) -> str:
    if kind == "BOOLEAN":
        return (
            f"CASE WHEN lower({text}) IN ('true', 'yes', 'si', 'sí', 't') THEN TRUE "
            f"WHEN lower({text}) IN ('false', 'no', 'f') THEN FALSE END"
        )
    return f"TRY_CAST({text} AS {kind})"


def _check(
    con: duckdb.DuckDBPyConnection,
    person: str,
    attributes: dict[str, str],
    kinds: dict[str, str],
    types: dict[str, str],
) -> None:
    values = []
    reasons = []
    for column, name in attributes.items():
        text = text_of(column, types)
        kind = kinds[name]
        values.append(f"{_cast(text, kind)} AS {ident(name)}")
        if kind != "VARCHAR":
            label = {"DOUBLE": "a number", "BOOLEAN": "true/false", "TIMESTAMP": "a date"}
            reasons.append(
                f"WHEN {text} IS NOT NULL AND {_cast(text, kind)} IS NULL THEN "
                f"{literal(f'{column}: ')} || {literal(chr(39))} || {text} || "
                f"{literal(chr(39) + ' is not ' + label.get(kind, kind.lower()))}"
            )
    person_text = text_of(person, types)
    selected = ", ".join(values)
    con.execute(
        f"""
        CREATE TEMP TABLE __checked AS
        SELECT __row, {person_text} AS person_id{", " + selected if selected else ""},
               CASE WHEN {person_text} IS NULL THEN 'person id is empty'
                    WHEN min(__row) OVER (PARTITION BY {person_text}) <> __row
                      THEN 'duplicate person id ''' || {person_text} || ''' (first at row '
                           || CAST(min(__row) OVER (PARTITION BY {person_text}) AS VARCHAR) || ')'
                    {" ".join(reasons)}
               END AS __reason
        FROM __rawv
        """
    )


def _store(con: duckdb.DuckDBPyConnection, report: IngestReport, names: list[str]) -> None:
    valid = scalar(con, "SELECT count(*) FROM __checked WHERE __reason IS NULL")
    new = scalar(
        con,
        """SELECT count(*) FROM __checked c WHERE __reason IS NULL
           AND NOT EXISTS (SELECT 1 FROM people p WHERE p.person_id = c.person_id)""",
    )
    cols = "".join(f", {ident(n)}" for n in names)
    updates = ", ".join(
        [f"{ident(n)} = excluded.{ident(n)}" for n in names]
        + ["updated_at = excluded.updated_at", "ingestion_id = excluded.ingestion_id"]
    )
    con.execute(
        f"""
        INSERT INTO people (person_id, updated_at, ingestion_id{cols})
        SELECT person_id, CAST(now() AT TIME ZONE 'UTC' AS TIMESTAMP), ?{cols}
        FROM __checked WHERE __reason IS NULL
        ON CONFLICT (person_id) DO UPDATE SET {updates}
        """,
        [report.ingestion_id],
    )
    report.accepted = new
    report.duplicates = valid - new
    if report.duplicates:
        report.notes.append(f"{report.duplicates:,} people already in the store were updated")
