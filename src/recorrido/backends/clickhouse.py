"""ClickHouse through chdb, an embedded ClickHouse: no server needed, or a server's tables.

Expressions are compiled with Ibis's ClickHouse compiler and the SQL runs in a chdb session
(Ibis's own ClickHouse backend needs a server). Registered tables are ``Memory`` tables whose
columns are all ``Nullable``, so window functions such as ``lagInFrame`` return NULL past the
edge of a partition, as other engines do, instead of the type's default value. Timestamps are
``DateTime64(6, 'UTC')`` and the session time zone is UTC.

With a :class:`Server` (``clickhouse://user:password@host:9000/database``), :meth:`table`
reads a server's table through ClickHouse's ``remote()`` table function (native protocol),
and the queries run in the chdb session.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import ibis
import ibis.expr.datatypes as dt
import ibis.expr.operations as ops
import pyarrow as pa
import sqlglot as sg
import sqlglot.expressions as sge
from ibis.backends.sql.datatypes import ClickHouseType

from recorrido.errors import UsageError

from .base import conform, require, unknown_table

__all__ = ["SESSION_SETTINGS", "ClickHouseBackend", "Server", "column_type"]

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


def _call(function: str, *args: str) -> str:
    """A ClickHouse function call with string literal arguments."""
    return str(
        sge.Anonymous(this=function, expressions=[sge.convert(a) for a in args]).sql("clickhouse")
    )


@dataclass(frozen=True)
class Server:
    """A ClickHouse server, reached with its native protocol (port 9000 unless told)."""

    host: str
    port: int = 9000
    database: str = "default"
    user: str = "default"
    password: str = ""

    def remote(self, table: str, database: str | None = None) -> str:
        """The ``remote(…)`` table function reading ``table`` on this server."""
        address = f"{self.host}:{self.port}"
        return _call("remote", address, database or self.database, table, self.user, self.password)


class ClickHouseBackend:
    """Runs expressions as ClickHouse SQL in an in-memory chdb session."""

    name = "clickhouse"

    def __init__(self, server: Server | None = None) -> None:
        chdb = require("chdb", package="chDB", extra="clickhouse")
        self.server = server
        """Where :meth:`table` reads from: a server, else the chdb session itself."""
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

    def table(self, name: str) -> ibis.Table:
        """The table ``name``: on the server (as a view over ``remote()``), else in the session."""
        if self.server is None:
            known = self._names("SELECT name FROM system.tables WHERE database = currentDatabase()")
            if name not in known:
                raise unknown_table(name, known, "the chdb session (read a Parquet file instead)")
            return self._view_table(name)
        server = self.server
        tables = server.remote("tables", "system")
        where = sge.EQ(this=sg.column("database"), expression=sge.convert(server.database))
        try:
            known = self._names(f"SELECT name FROM {tables} WHERE {where.sql('clickhouse')}")
        except Exception as error:  # chdb raises a bare RuntimeError
            reason = (
                str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
            )
            raise UsageError(
                f"cannot reach ClickHouse at {server.host}:{server.port} "
                f"(database {server.database}): {reason}",
                code="backend_unreachable",
            ) from error
        if name not in known:
            raise unknown_table(name, known, f"ClickHouse database '{server.database}'")
        self._conn.query(
            f"CREATE OR REPLACE VIEW {_quoted(name)} AS SELECT * FROM {server.remote(name)}"
        )
        return self._view_table(name)

    def read_parquet(self, path: str, name: str) -> ibis.Table:
        """A view ``name`` over ``file()``: the file, or every ``*.parquet`` under a directory."""
        target = Path(path).resolve()
        pattern = str(target / "**" / "*.parquet") if target.is_dir() else str(target)
        source = _call("file", pattern, "Parquet")
        self._conn.query(f"CREATE OR REPLACE VIEW {_quoted(name)} AS SELECT * FROM {source}")
        return self._view_table(name)

    def _names(self, sql: str) -> list[str]:
        return [str(n) for n in self._conn.query(sql, "ArrowTable").column(0).to_pylist()]

    def _view_table(self, name: str) -> ibis.Table:
        described = self._conn.query(f"DESCRIBE TABLE {_quoted(name)}", "ArrowTable")
        names, types = (described.column(c).to_pylist() for c in ("name", "type"))
        schema = ibis.schema(dict(zip(names, map(ClickHouseType.from_string, types), strict=True)))
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
