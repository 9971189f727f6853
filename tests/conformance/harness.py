"""Run one Ibis expression on every backend and compare with a plain-Python reference.

``run_on(backend, build, rows)`` loads rows into a backend, runs ``build(table)`` there and
returns plain, sorted rows; ``assert_sql_snapshot(name, expr)`` keeps the SQL of every dialect
under ``snapshots/``. Backends are created once per test run (Spark starts in seconds, not
milliseconds) and closed by ``conftest.py`` at the end.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import os
import re
import sys
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import ibis
import pyarrow as pa
import pytest

from recorrido.analysis.frame import JOURNEY_EVENTS
from recorrido.backends import Backend, connect
from recorrido.backends.pyspark import PySparkBackend

__all__ = [
    "BACKENDS",
    "DIALECTS",
    "assert_sql_snapshot",
    "backend_for",
    "canonical_sql",
    "close_backends",
    "normalise",
    "on_backends",
    "run_on",
]

BACKENDS: tuple[str, ...] = ("duckdb", "pyspark", "clickhouse")
DIALECTS: Mapping[str, str] = {"duckdb": "duckdb", "pyspark": "spark", "clickhouse": "clickhouse"}
"""The SQL dialect of each backend, as named in snapshot files."""

SNAPSHOTS = Path(__file__).with_name("snapshots")
UPDATE_SNAPSHOTS = "RECORRIDO_UPDATE_SNAPSHOTS"
FOREIGN_ZONE = "Pacific/Chatham"
"""Engines start in this zone (UTC+12:45, with daylight saving): a missing UTC setting shows."""

_backends: dict[str, Backend] = {}

# Test modules import this file as ``tests.conformance.harness`` or, relatively, as
# ``conformance.harness``: both names must be this one module, so engines start only once.
for _alias in ("tests.conformance.harness", "conformance.harness"):
    sys.modules.setdefault(_alias, sys.modules[__name__])


@contextmanager
def _time_zone(zone: str) -> Iterator[None]:
    """``TZ`` set to ``zone`` while engines start: chdb and a JVM take their zone from it."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = zone
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time.tzset()


def backend_for(name: str) -> Backend:
    """The shared backend ``name``, its engine started under a non-UTC zone."""
    if name not in _backends:
        with _time_zone(FOREIGN_ZONE):
            backend = connect(name)
            if isinstance(backend, PySparkBackend):
                assert backend.session is not None  # start the JVM now, in that zone
        _backends[name] = backend
    return _backends[name]


def close_backends() -> None:
    """Close every shared backend."""
    while _backends:
        _backends.popitem()[1].close()


def run_on(
    backend: str,
    build: Callable[[ibis.Table], ibis.Table],
    rows: Sequence[Mapping[str, object]],
    *,
    schema: ibis.Schema = JOURNEY_EVENTS,
    name: str = "journey_events",
) -> list[dict[str, object]]:
    """Load ``rows`` as table ``name`` on ``backend``, run ``build`` on it, return its rows.

    Missing keys are NULL; ``ts`` values are naive UTC datetimes. ``build`` receives an
    unbound table with exactly ``schema``. The result is :func:`normalise`-d.
    """
    engine = backend_for(backend)
    engine.register(name, pa.Table.from_pylist(list(rows), schema=schema.to_pyarrow()))
    expr = build(ibis.table(schema, name=name))
    return normalise(engine.to_arrow(expr).to_pylist())


def _plain(value: object) -> object:
    if isinstance(value, float):
        return None if math.isnan(value) else value
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.astimezone(dt.UTC).replace(tzinfo=None)
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


def _sort_key(row: Mapping[str, object]) -> tuple[tuple[int, Any], ...]:
    return tuple((0, 0) if value is None else (1, value) for value in row.values())


def normalise(rows: Sequence[Mapping[str, object]]) -> list[dict[str, object]]:
    """Plain rows: naive UTC datetimes, NaN as None; sorted by every column, None first."""
    plain = [{key: _plain(value) for key, value in row.items()} for row in rows]
    return sorted(plain, key=_sort_key)


def on_backends(**gaps: str) -> pytest.MarkDecorator:
    """Parametrize ``backend`` over :data:`BACKENDS`; ``name="reason"`` marks a known gap.

    A gap is ``xfail(strict=True)``: the test must fail there, so a fixed gap is noticed.
    """
    unknown = set(gaps) - set(BACKENDS)
    assert not unknown, f"unknown backends {unknown}"
    params = [
        pytest.param(
            name,
            id=name,
            marks=[pytest.mark.xfail(strict=True, reason=gaps[name])] if name in gaps else [],
        )
        for name in BACKENDS
    ]
    return pytest.mark.parametrize("backend", params)


_NAME = r'"[^"]*"|`[^`]*`'
_DROPPED = re.compile(rf"\b(EXCLUDE|EXCEPT) \(((?:{_NAME})(?:, (?:{_NAME}))*)\)")


def canonical_sql(sql: str) -> str:
    """``sql`` with the column lists of ``EXCLUDE (…)``/``EXCEPT (…)`` sorted.

    Ibis keeps the columns of ``Table.drop`` in a frozenset, so their order in the SQL changes
    with ``PYTHONHASHSEED``; sorted, snapshots are the same in every run.
    """
    return _DROPPED.sub(lambda m: f"{m[1]} ({', '.join(sorted(re.findall(_NAME, m[2])))})", sql)


def assert_sql_snapshot(name: str, expr: ibis.Table) -> None:
    """Compare the SQL of ``expr`` in every dialect with ``snapshots/<name>.<dialect>.sql``.

    With ``RECORRIDO_UPDATE_SNAPSHOTS=1`` the files are (re)written instead.
    """
    update = os.environ.get(UPDATE_SNAPSHOTS) == "1"
    problems = []
    for backend, dialect in DIALECTS.items():
        sql = canonical_sql(backend_for(backend).to_sql(expr)).rstrip() + "\n"
        path = SNAPSHOTS / f"{name}.{dialect}.sql"
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(sql, encoding="utf-8")
        elif not path.exists():
            problems.append(f"{path.name} is missing: run with {UPDATE_SNAPSHOTS}=1")
        elif (stored := canonical_sql(path.read_text(encoding="utf-8"))) != sql:
            diff = difflib.unified_diff(
                stored.splitlines(keepends=True),
                sql.splitlines(keepends=True),
                fromfile=f"snapshots/{path.name}",
                tofile=f"{dialect} now",
            )
            problems.append("".join(diff))
    if problems:
        pytest.fail(
            "SQL differs from its snapshot (if intended, rerun with "
            f"{UPDATE_SNAPSHOTS}=1):\n" + "\n".join(problems),
            pytrace=False,
        )
