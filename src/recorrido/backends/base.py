"""The one interface every backend implements, and the helpers the backends share.

A backend runs Ibis expressions written once (see :mod:`recorrido.analysis`): it loads Arrow
tables under a name, opens the tables and Parquet files it can reach, executes expressions and
shows the SQL it sends. Whatever the engine,
results come back as Arrow tables typed by the expression's schema, with timestamps as naive
UTC microseconds.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Protocol, runtime_checkable

import ibis
import pyarrow as pa
from ibis.formats.pyarrow import PyArrowData

from recorrido.errors import UsageError, did_you_mean

__all__ = ["Backend", "conform", "require", "unknown_table"]


@runtime_checkable
class Backend(Protocol):
    """Where expressions run: DuckDB, PySpark or ClickHouse (chdb)."""

    name: str
    """The backend's name in :func:`recorrido.backends.connect` URLs."""

    def register(self, name: str, table: pa.Table) -> ibis.Table:
        """Load ``table`` as the table ``name`` (replacing it) and return an expression on it."""
        ...

    def table(self, name: str) -> ibis.Table:
        """The existing table or view ``name``; an unknown name raises ``UsageError``."""
        ...

    def read_parquet(self, path: str, name: str) -> ibis.Table:
        """A Parquet file, or a directory of them, read where the backend runs, as ``name``."""
        ...

    def to_arrow(self, expr: ibis.Table) -> pa.Table:
        """Execute ``expr``: an Arrow table typed by ``expr.schema()``, naive UTC timestamps."""
        ...

    def to_sql(self, expr: ibis.Table) -> str:
        """The SQL ``expr`` compiles to, in this backend's dialect."""
        ...

    def close(self) -> None:
        """Release what the backend opened (never a connection or session it was given)."""
        ...


def require(module: str, *, package: str, extra: str) -> ModuleType:
    """Import an optional ``module``, or say which extra installs it."""
    try:
        return importlib.import_module(module)
    except ImportError as error:
        raise UsageError(
            f"{package} is not installed: pip install 'recorrido[{extra}]'",
            code="backend_not_installed",
        ) from error


def unknown_table(name: str, known: list[str], where: str) -> UsageError:
    """The error for a table ``name`` that ``where`` does not have, naming the closest."""
    return UsageError(
        f"no table '{name}' in {where}{did_you_mean(name, known)}",
        code="backend_unknown_table",
    )


def conform(table: pa.Table, schema: ibis.Schema) -> pa.Table:
    """``table`` cast to the Arrow types of ``schema``.

    Engines differ in what they hand back (``UInt8`` booleans, ``UInt64`` counts, time-zone
    aware timestamps); casting to the expression's schema makes results identical. A
    time-zone-aware timestamp cast to a naive one keeps its UTC wall-clock time.
    """
    if table.num_columns == 0 and len(schema) > 0:  # chdb returns no columns for no rows
        return schema.to_pyarrow().empty_table()
    return PyArrowData.convert_table(table, schema)
