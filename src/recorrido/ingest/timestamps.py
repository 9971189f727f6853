"""Decide how a file's time column is read, and turn it into UTC.

Recognised: ISO 8601 with or without offset (``2026-03-01T10:00:00+01:00``, ``…Z``,
``2026-03-01 10:00``), dates, epoch seconds / milliseconds / microseconds (detected from
their size), typed Parquet timestamps, or an explicit ``--time-format`` (strptime codes).
Naive times are read in the given zone. A file that mixes times with and without an
offset is refused unless the zone was given explicitly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import duckdb

from ..errors import IngestError
from ..store.sql import first, ident, literal

__all__ = ["TimeParse", "TimeRule", "plan_time"]

_OFFSET = r"([zZ]|[+-][0-9]{2}(:?[0-9]{2})?)$"
_NUMBER = r"^\s*-?[0-9]+(\.[0-9]+)?\s*$"

Mode = Literal["typed_tz", "typed_naive", "epoch", "text", "format"]


@dataclass(frozen=True)
class TimeParse:
    """How one column becomes a UTC ``TIMESTAMP``."""

    column: str
    mode: Mode
    zone: str
    unit_seconds: float = 1.0
    time_format: str | None = None

    def describe(self) -> str:
        if self.mode == "epoch":
            unit = {1.0: "seconds", 1e-3: "milliseconds", 1e-6: "microseconds"}[self.unit_seconds]
            return f"epoch {unit}"
        if self.mode == "typed_tz":
            return "timestamps with time zone"
        if self.mode == "format":
            return f"format {self.time_format!r}, naive times in {self.zone}"
        return f"ISO 8601, naive times in {self.zone}"

    def sql(self, expression: str) -> str:
        """SQL turning ``expression`` (this column) into a UTC TIMESTAMP, NULL if unparseable."""
        zone = literal(self.zone)
        if self.mode == "typed_tz":
            return f"({expression} AT TIME ZONE 'UTC')"
        if self.mode == "typed_naive":
            return f"(timezone({zone}, CAST({expression} AS TIMESTAMP)) AT TIME ZONE 'UTC')"
        if self.mode == "epoch":
            micros = (
                f"TRY_CAST(TRY_CAST({expression} AS DOUBLE) * {self.unit_seconds * 1e6} AS BIGINT)"
            )
            return f"make_timestamp({micros})"
        text = f"trim(CAST({expression} AS VARCHAR))"
        if self.mode == "format":
            fmt = literal(self.time_format or "")
            if "%z" in (self.time_format or "") or "%Z" in (self.time_format or ""):
                return f"(CAST(try_strptime({text}, {fmt}) AS TIMESTAMPTZ) AT TIME ZONE 'UTC')"
            return f"(timezone({zone}, try_strptime({text}, {fmt})) AT TIME ZONE 'UTC')"
        return (
            f"(CASE WHEN regexp_matches({text}, '{_OFFSET}') "
            f"THEN TRY_CAST({text} AS TIMESTAMPTZ) "
            f"ELSE timezone({zone}, TRY_CAST({text} AS TIMESTAMP)) END AT TIME ZONE 'UTC')"
        )


@dataclass(frozen=True)
class TimeRule:
    """What the user said about times: the zone of naive ones (explicit or a default) and an
    optional strptime format."""

    zone: str = "UTC"
    zone_explicit: bool = False
    time_format: str | None = None


def plan_time(
    con: duckdb.DuckDBPyConnection, column: str, rule: TimeRule, *, source: str
) -> TimeParse:
    """Inspect ``column`` of the staged file (the view ``__rawv``) and choose how to read it."""
    table = "__rawv"
    zone, zone_explicit, time_format = rule.zone, rule.zone_explicit, rule.time_format
    kind = first(
        con.execute(
            "SELECT data_type FROM information_schema.columns "
            "WHERE table_name = ? AND column_name = ?",
            [table, column],
        ).fetchall()
    )
    data_type = str(kind[0]).upper() if kind else "VARCHAR"
    if time_format:
        return TimeParse(column, "format", zone, time_format=time_format)
    if data_type.startswith("TIMESTAMP WITH TIME ZONE"):
        return TimeParse(column, "typed_tz", zone)
    if data_type.startswith(("TIMESTAMP", "DATE")):
        return TimeParse(column, "typed_naive", zone)
    col = ident(column)
    text = f"trim(CAST({col} AS VARCHAR))"
    numeric_type = data_type in {"BIGINT", "INTEGER", "DOUBLE", "FLOAT", "HUGEINT", "UBIGINT"}
    stats = first(
        con.execute(
            f"""
        SELECT count({col}),
               count(*) FILTER (WHERE regexp_matches({text}, '{_NUMBER}')),
               count(*) FILTER (WHERE regexp_matches({text}, '{_OFFSET}')
                                  AND NOT regexp_matches({text}, '{_NUMBER}')),
               median(abs(TRY_CAST({text} AS DOUBLE)))
        FROM {ident(table)}
        """
        ).fetchall()
    )
    assert stats is not None
    present, numeric, with_offset, magnitude = stats
    if numeric_type or (present and numeric == present):
        size = float(magnitude or 0)
        unit = 1.0 if size < 1e11 else (1e-3 if size < 1e14 else 1e-6)
        return TimeParse(column, "epoch", zone, unit_seconds=unit)
    naive = present - with_offset - numeric
    if with_offset and naive and not zone_explicit:
        examples = con.execute(
            f"""
            (SELECT __row, {text} FROM {ident(table)}
              WHERE regexp_matches({text}, '{_OFFSET}') ORDER BY __row LIMIT 2)
            UNION ALL
            (SELECT __row, {text} FROM {ident(table)}
              WHERE {col} IS NOT NULL AND NOT regexp_matches({text}, '{_OFFSET}')
              ORDER BY __row LIMIT 2)
            """
        ).fetchall()
        shown = ", ".join(f"row {row}: {value!r}" for row, value in examples)
        raise IngestError(
            f"{source}: column '{column}' mixes times with a UTC offset ({with_offset} rows) and "
            f"without one ({naive} rows), e.g. {shown}; add offsets to every time, or pass "
            f"--timezone to read the naive ones in that zone",
            code="time_mixed_zones",
        )
    return TimeParse(column, "text", zone)
