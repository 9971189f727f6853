"""``connect(url)``: a backend from a short URL."""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

from recorrido.errors import UsageError, did_you_mean

from .base import Backend
from .clickhouse import ClickHouseBackend, Server
from .duckdb import DuckDBBackend
from .pyspark import PySparkBackend

__all__ = ["SCHEMES", "connect", "parse_clickhouse_url"]

SCHEMES = ("duckdb", "pyspark", "clickhouse", "chdb")
"""The URL schemes :func:`connect` knows."""

_FORMS = (
    "duckdb, duckdb:///path/to/file.duckdb, pyspark, clickhouse (embedded chdb) "
    "or clickhouse://user:password@host:9000/database"
)


def connect(url: str | None = None) -> Backend:
    """The backend named by ``url``.

    ``None`` or ``"duckdb"``: DuckDB in memory; ``"duckdb:///path.duckdb"``: a DuckDB file;
    ``"pyspark"``: the active Spark session, else a Spark Connect session when ``SPARK_REMOTE``
    is set, else a local one; ``"clickhouse"`` or ``"chdb"``: an embedded ClickHouse;
    ``"clickhouse://user:password@host:port/database"``: an embedded ClickHouse that reads the
    server's tables. Optional engines raise :class:`~recorrido.errors.UsageError` with the
    ``pip install`` that adds them.
    """
    scheme, _, rest = (url or "duckdb").partition("://")
    if scheme == "duckdb":
        return DuckDBBackend.open(rest or None)
    if scheme == "clickhouse" and rest:
        return ClickHouseBackend(parse_clickhouse_url(str(url)))
    if rest and scheme in SCHEMES:
        raise UsageError(
            f"backend URL '{url}': '{scheme}' takes no address, use '{scheme}' "
            "(for a Spark cluster, set SPARK_REMOTE or pass its session to PySparkBackend)",
            code="backend_unknown",
        )
    if scheme == "pyspark":
        return PySparkBackend()
    if scheme in ("clickhouse", "chdb"):
        return ClickHouseBackend()
    raise UsageError(
        f"unknown backend URL '{url}'{did_you_mean(scheme, SCHEMES)}; use {_FORMS}",
        code="backend_unknown",
    )


def parse_clickhouse_url(url: str) -> Server:
    """The server of ``clickhouse://[user[:password]@]host[:port][/database]``."""
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        port = -1
    if not parts.hostname or port == -1 or parts.query or parts.fragment:
        raise UsageError(
            f"backend URL '{url}' is not clickhouse://user:password@host:port/database "
            "(user, password, port and database may be left out)",
            code="backend_unknown",
        )
    database = parts.path.strip("/")
    return Server(
        host=parts.hostname,
        port=port or 9000,
        database=unquote(database) if database else "default",
        user=unquote(parts.username) if parts.username else "default",
        password=unquote(parts.password) if parts.password else "",
    )
