"""``connect(url)``: a backend from a short URL."""

from __future__ import annotations

from recorrido.errors import UsageError, did_you_mean

from .base import Backend
from .clickhouse import ClickHouseBackend
from .duckdb import DuckDBBackend
from .pyspark import PySparkBackend

__all__ = ["SCHEMES", "connect"]

SCHEMES = ("duckdb", "pyspark", "clickhouse", "chdb")
"""The URL schemes :func:`connect` knows."""


def connect(url: str | None = None) -> Backend:
    """The backend named by ``url``.

    ``None`` or ``"duckdb"``: DuckDB in memory; ``"duckdb:///path.duckdb"``: a DuckDB file;
    ``"pyspark"``: the active Spark session or a local one; ``"clickhouse"`` or ``"chdb"``:
    an embedded ClickHouse. Optional engines raise :class:`~recorrido.errors.UsageError` with
    the ``pip install`` that adds them.
    """
    scheme, _, rest = (url or "duckdb").partition("://")
    if scheme == "duckdb":
        return DuckDBBackend.open(rest or None)
    if rest and scheme in SCHEMES:
        raise UsageError(
            f"backend URL '{url}': '{scheme}' takes no address, use '{scheme}' "
            "(for a Spark cluster, pass its session to PySparkBackend)",
            code="backend_unknown",
        )
    if scheme == "pyspark":
        return PySparkBackend()
    if scheme in ("clickhouse", "chdb"):
        return ClickHouseBackend()
    raise UsageError(
        f"unknown backend URL '{url}'{did_you_mean(scheme, SCHEMES)}; "
        "a DuckDB file is duckdb:///path/to/file.duckdb",
        code="backend_unknown",
    )
