"""The benchmark's hand-written funnel computes the same numbers as the engine.

``docs/benchmarks.md`` compares the engine's funnel with hand-written SQL said to compute the
same per-step counts and time-to-convert quantiles; this checks it on a small log made by
the benchmark's own generator.
"""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb
import ibis

from recorrido.analysis.frame import JOURNEY_EVENTS

BENCH = Path(__file__).resolve().parents[1] / "bench"


def test_funnel_floor_matches_engine(tmp_path: Path) -> None:
    sys.path.insert(0, str(BENCH))
    try:
        import analytics
    finally:
        sys.path.remove(str(BENCH))
    path = tmp_path / "events.parquet"
    analytics.make_events(path, 50_000)
    con = duckdb.connect()
    floor = con.sql(analytics.floor_sql("funnel", f"read_parquet('{path}')")).fetchall()
    backend = ibis.duckdb.from_connection(con)
    events = backend.read_parquet(path).cast(JOURNEY_EVENTS)
    steps = backend.to_pyarrow(analytics.recorrido_expr("funnel", events)).to_pylist()
    engine = [
        (
            row["step"] - 1,
            row["count"],
            # The floor's first step has a time of 0; the engine has none for the entry step.
            0 if row["median_seconds"] is None else round(row["median_seconds"] * 1_000_000),
            0 if row["p90_seconds"] is None else round(row["p90_seconds"] * 1_000_000),
        )
        for row in steps
    ]
    assert floor == engine
    assert engine[-1][1] > 0  # the generated journeys reach the last step
