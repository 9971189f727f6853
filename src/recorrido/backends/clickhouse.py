"""ClickHouse through chdb, an embedded ClickHouse: no server needed.

Expressions are compiled with Ibis's ClickHouse compiler and the SQL runs in a chdb session
(Ibis's own ClickHouse backend needs a server). Registered tables are ``Memory`` tables whose
columns are all ``Nullable``, so window functions such as ``lagInFrame`` return NULL past the
edge of a partition, as other engines do, instead of the type's default value. Timestamps are
``DateTime64(6, 'UTC')`` and the session time zone is UTC.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import ibis
import ibis.expr.datatypes as dt
import ibis.expr.operations as ops
import pyarrow as pa
import sqlglot as sg
from ibis.backends.sql.datatypes import ClickHouseType

from .base import conform, require

__all__ = ["SESSION_SETTINGS", "ClickHouseBackend", "column_type"]

SESSION_SETTINGS: Mapping[str, str] = {
    "session_timezone": "UTC",  # naive timestamps and literals are read as UTC
    "join_use_nulls": "1",  # outer joins fill NULL, not the type's default value
}
"""ClickHouse settings of every chdb session, for SQL semantics shared with other engines."""


def column_type(dtype: dt.DataType) -> str:
    """The ClickHouse type of a registered column: nullable, microsecond UTC timestamps."""
    if dtype.is_timestamp():
        dtype = dtype.copy(scale=6, timezone="UTC")
    return str(ClickHouseType.to_string(dtype.copy(nullable=True)))


def _quoted(name: str) -> str:
    return str(sg.to_identifier(name, quoted=True).sql("clickhouse"))


class ClickHouseBackend:
    """Runs expressions as ClickHouse SQL in an in-memory chdb session."""

    name = "clickhouse"

    def __init__(self) -> None:
        chdb = require("chdb", package="chDB", extra="clickhouse")
        self._conn: Any = chdb.connect(":memory:")
        for key, value in SESSION_SETTINGS.items():
            self._conn.query(f"SET {key} = '{value}'")

    def register(self, name: str, table: pa.Table) -> ibis.Table:
        """Load ``table`` as the ``Memory`` table ``name``; the expression is unbound."""
        schema = ibis.Schema.from_pyarrow(table.schema)
        columns = ", ".join(f"{_quoted(col)} {column_type(typ)}" for col, typ in schema.items())
        self._conn.query(f"DROP TABLE IF EXISTS {_quoted(name)}")
        self._conn.query(f"CREATE TABLE {_quoted(name)} ({columns}) ENGINE = Memory")
        sink = pa.BufferOutputStream()
        with pa.ipc.new_stream(sink, table.schema) as writer:
            writer.write_table(table)
        with self._conn.send_insert(f"INSERT INTO {_quoted(name)}", "ArrowStream") as insert:
            insert.append(sink.getvalue().to_pybytes())
            insert.finish()
        return ibis.table(schema, name=name)

    def to_arrow(self, expr: ibis.Table) -> pa.Table:
        for memtable in expr.op().find(ops.InMemoryTable):
            self.register(memtable.name, memtable.data.to_pyarrow(memtable.schema))
        result = self._conn.query(self.to_sql(expr), "ArrowTable")
        return conform(result, expr.schema())

    def to_sql(self, expr: ibis.Table) -> str:
        return str(ibis.to_sql(expr, dialect="clickhouse"))

    def close(self) -> None:
        self._conn.close()
