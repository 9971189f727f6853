"""Benchmark: funnel, transition graph and top paths on 1M / 10M / 30M events.

For each size it writes a journey-events Parquet file (users with ~50 events each, 20
distinct events, realistic order: most users progress through a product flow with loops and
drop-offs) and a DuckDB database with the same events as a table, then times, from each, in
separate fresh processes that report their own peak memory:

- ``recorrido``: the engine's Ibis expressions on DuckDB, reading the file or the table;
- ``floor``: minimal hand-written DuckDB SQL of the same three operations.

Prints a table with the ratio and writes it to ``docs/benchmarks.md``. Usage:
``python bench/analytics.py [--sizes 1000000,10000000,30000000]``; ``BENCH_MEMORY=2.5GB``
sets DuckDB's memory limit (default 3GB, Recorrido's default) for both.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / "data"
DOC = ROOT / "docs" / "benchmarks.md"
BEGIN, END = "<!-- analytics:begin -->", "<!-- analytics:end -->"
LABELS = [
    "ad_click", "home", "search", "category", "product", "reviews", "size_guide", "wishlist",
    "cart", "checkout", "shipping", "payment", "purchase", "support", "faq", "account",
    "newsletter", "blog", "store_locator", "logout",
]  # fmt: skip
FUNNEL = ["home", "category", "product", "cart", "checkout", "payment", "purchase"]


def make_events(path: Path, rows: int) -> None:
    """Synthetic journeys: each unit walks a product flow with random detours, 50 events."""
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    labels = "[" + ", ".join(f"'{label}'" for label in LABELS) + "]"
    duckdb.sql(
        f"""
        COPY (
          WITH base AS (
            SELECT i, i // 50 AS u, i % 50 AS k, CAST(hash(i) % 1000003 AS BIGINT) AS h
            FROM range({rows}) t(i)
          )
          SELECT 'u' || CAST(u AS VARCHAR) AS unit,
                 'u' || CAST(u AS VARCHAR) AS person,
                 TIMESTAMP '2026-01-01' + to_seconds(u % 100000 * 60 + k * 45 + (h % 30)::BIGINT)
                   AS ts,
                 i AS seq,
                 CASE WHEN h % 10 < 6 THEN {labels}[1 + (k // 4 + u % 3) % 13]
                      ELSE {labels}[1 + h % 20] END AS label,
                 CAST(NULL AS VARCHAR) AS event,
                 ['web', 'app', 'store'][1 + u % 3] AS channel,
                 CAST(NULL AS DOUBLE) AS value,
                 CAST(NULL AS VARCHAR) AS properties
          FROM base
        ) TO '{path}' (FORMAT PARQUET)
        """
    )


FLOOR_SQL = {
    # Reach only: the greedy chain from each unit's first step-1 event, counts per step. It
    # computes less than the engine's funnel (no time to convert), shown for reference.
    "funnel_reach": """
        WITH p AS (SELECT unit, label, row_number() OVER (PARTITION BY unit ORDER BY ts, seq) AS pos
                   FROM {source} WHERE label IN ({funnel_list})),
        {steps}
        SELECT {counts}
    """,
    "transitions": """
        SELECT source, target, count(*) AS n, count(DISTINCT unit) AS units FROM (
          SELECT unit, label AS source,
                 lead(label) OVER (PARTITION BY unit ORDER BY ts, seq) AS target
          FROM {source}) WHERE target IS NOT NULL GROUP BY ALL
    """,
    "paths": """
        SELECT s1, s2, s3, count(*) AS n FROM (
          SELECT unit, max(CASE WHEN pos = 1 THEN label END) AS s1,
                 max(CASE WHEN pos = 2 THEN label END) AS s2,
                 max(CASE WHEN pos = 3 THEN label END) AS s3
          FROM (SELECT unit, label,
                       row_number() OVER (PARTITION BY unit ORDER BY ts, seq) AS pos
                FROM {source}) WHERE pos <= 3 GROUP BY unit)
        GROUP BY ALL ORDER BY n DESC LIMIT 20
    """,
}


def funnel_sql(source: str) -> str:
    """The same numbers as the engine's funnel, hand-written: per step the units reached and
    the median and p90 time to convert, from the latest start of the chains that end at the
    unit's first end of the step (``docs/analytics.md``).

    ``c<i>``: for each start (a step-1 time), the first step-``i`` event after its chain's
    end, keeping per event its latest start and per start its first event. Without a window
    the first end of a unit is its earliest row and its latest start the smallest one.
    """
    cases = " ".join(f"WHEN '{label}' THEN {i}" for i, label in enumerate(FUNNEL))
    labels = ", ".join(f"'{label}'" for label in FUNNEL)
    ctes = [
        f"p AS (SELECT unit, ts, CASE label {cases} END AS k, row_number() OVER "
        f"(PARTITION BY unit ORDER BY ts, seq, label) AS pos FROM {source} "
        f"WHERE label IN ({labels}))",
        "c0 AS (SELECT unit, ts AS w, min(pos) AS p, min(ts) AS ts FROM p WHERE k = 0 "
        "GROUP BY unit, ts)",
    ]
    for i in range(1, len(FUNNEL)):
        ctes.append(
            f"d{i} AS (SELECT c.unit, e.pos, max(c.w) AS w, max(e.ts) AS ts FROM c{i - 1} c "
            f"JOIN p e ON e.unit = c.unit AND e.k = {i} AND c.p < e.pos GROUP BY c.unit, e.pos)"
        )
        ctes.append(
            f"c{i} AS (SELECT unit, w, min(pos) AS p, min(ts) AS ts FROM d{i} GROUP BY unit, w)"
        )
    per_step = " UNION ALL ".join(
        f"SELECT unit, {i} AS j, epoch_us(min(ts)) - epoch_us(min(w)) AS d FROM c{i} GROUP BY unit"
        for i in range(len(FUNNEL))
    )
    ctes.append(f"r AS ({per_step})")
    return (
        "WITH " + ",\n".join(ctes) + "\nSELECT j, count(*) AS n, quantile_disc(d, 0.5) AS "
        "median, quantile_disc(d, 0.9) AS p90 FROM r GROUP BY j ORDER BY j"
    )


def floor_sql(name: str, source: str) -> str:
    """The hand-written SQL of ``name`` reading ``source`` (a table name or a table function)."""
    if name == "funnel":
        return funnel_sql(source)
    steps = []
    for index, label in enumerate(FUNNEL, start=1):
        if index == 1:
            steps.append(f"s1 AS (SELECT unit, min(pos) AS p FROM p WHERE label = '{label}' "
                         "GROUP BY unit)")  # fmt: skip
        else:
            steps.append(
                f"s{index} AS (SELECT p.unit, min(p.pos) AS p FROM p JOIN s{index - 1} s "
                f"ON p.unit = s.unit AND p.pos > s.p WHERE p.label = '{label}' GROUP BY p.unit)"
            )
    counts = ", ".join(f"(SELECT count(*) FROM s{i})" for i in range(1, len(FUNNEL) + 1))
    funnel_list = ", ".join(f"'{label}'" for label in FUNNEL)
    return FLOOR_SQL[name].format(
        source=source, steps=",\n".join(steps), counts=counts, funnel_list=funnel_list
    )


CHILD = r"""
import json, os, resource, sys, time
import duckdb, ibis
engine, name, path, kind = sys.argv[1:5]
config = {"memory_limit": os.environ.get("BENCH_MEMORY", "3GB")}
sys.path.insert(0, sys.argv[5])
from analytics import floor_sql, recorrido_expr
from recorrido.analysis.frame import JOURNEY_EVENTS
import recorrido.analysis
if kind == "store":
    con = duckdb.connect(path, read_only=True, config=config)
    source = "journey_events"
else:
    con = duckdb.connect(config=config)
    source = f"read_parquet('{path}')"
start = time.perf_counter()
if engine == "floor":
    rows = len(con.sql(floor_sql(name, source)).fetchall())
else:
    backend = ibis.duckdb.from_connection(con)
    table = backend.table(source) if kind == "store" else backend.read_parquet(path)
    events = table.cast(JOURNEY_EVENTS)
    rows = backend.to_pyarrow(recorrido_expr(name, events)).num_rows
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "peak_mib": peak, "rows": rows}))
"""


def make_store(path: Path, parquet: Path) -> None:
    """A DuckDB database holding the same events as a table (``journey_events``)."""
    if path.exists():
        return
    with duckdb.connect(path) as con:
        con.execute(f"CREATE TABLE journey_events AS SELECT * FROM read_parquet('{parquet}')")


def recorrido_expr(name: str, events: object) -> object:
    """The engine's expression for one of the three operations."""
    from recorrido.analysis.funnel import FunnelSpec, funnel_units
    from recorrido.analysis.funnel_summary import funnel_steps
    from recorrido.analysis.paths import top_paths
    from recorrido.analysis.transitions import transitions

    if name == "funnel":
        spec = FunnelSpec(steps=tuple(FUNNEL))
        return funnel_steps(funnel_units(events, spec), spec)
    if name == "transitions":
        return transitions(events, units_are_people=True)  # as Journey, unit = person
    return top_paths(events, length=3, collapse=False)


def measure(engine: str, name: str, path: Path, kind: str) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, engine, name, str(path), kind, str(Path(__file__).parent)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        raise SystemExit(f"{engine} {name} failed:\n{done.stderr}")
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000000,10000000,30000000")
    args = parser.parse_args()
    results = []
    for rows in [int(s) for s in args.sizes.split(",")]:
        parquet = DATA / f"journeys-{rows}.parquet"
        make_events(parquet, rows)
        store = DATA / f"journeys-{rows}.duckdb"
        make_store(store, parquet)
        for kind, path in (("parquet", parquet), ("store", store)):
            for name in ("funnel", "transitions", "paths"):
                floor = measure("floor", name, path, kind)
                ours = measure("recorrido", name, path, kind)
                compared = [(name, floor)]
                if name == "funnel":
                    compared.append(("funnel_reach", measure("floor", "funnel_reach", path, kind)))
                for label, base in compared:
                    ratio = ours["seconds"] / base["seconds"]
                    results.append((rows, kind, label, ours, base, ratio))
                    report(rows, kind, label, ours, base, ratio)
    write_doc(results)


def report(
    rows: int, kind: str, label: str, ours: dict[str, float], base: dict[str, float], ratio: float
) -> None:
    print(f"{rows:>11,} {kind:8} {label:12} recorrido {ours['seconds']:7.1f} s "
          f"{ours['peak_mib']:6.0f} MiB | floor {base['seconds']:7.1f} s "
          f"{base['peak_mib']:6.0f} MiB | ratio {ratio:4.2f}", flush=True)  # fmt: skip


def write_doc(
    results: list[tuple[int, str, str, dict[str, float], dict[str, float], float]],
) -> None:
    lines = [
        BEGIN,
        "",
        f"Machine: {os.cpu_count()} cores, {platform.machine()}, DuckDB {duckdb.__version__}; "
        f"measured {time.strftime('%Y-%m-%d')} with `bench/analytics.py`.",
        "",
        "| events | from | operation | Recorrido | peak | hand-written SQL | peak | ratio |",
        "|---:|---|---|---:|---:|---:|---:|---:|",
    ]
    for rows, kind, name, ours, floor, ratio in results:
        lines.append(
            f"| {rows:,} | {kind} | {name} | {ours['seconds']:.1f} s | "
            f"{ours['peak_mib']:,.0f} MiB | "
            f"{floor['seconds']:.1f} s | {floor['peak_mib']:,.0f} MiB | {ratio:.2f}× |"
        )
    lines += ["", END]
    block = "\n".join(lines)
    text = DOC.read_text(encoding="utf-8")
    if BEGIN in text:
        head, _, rest = text.partition(BEGIN)
        text = head + block + rest.partition(END)[2]
    else:
        text += "\n## Analytics\n\n" + ANALYTICS_INTRO + "\n" + block + "\n"
    DOC.write_text(text, encoding="utf-8")
    print(f"wrote {DOC}")


ANALYTICS_INTRO = """\
`bench/analytics.py` writes journey-events Parquet files (units of 50 events over 20 labels,
mostly walking a product flow with detours) and a DuckDB database holding the same events as
a table, and times three operations — a 7-step ordered funnel with time to convert, the
transition graph with counts, distinct units and duration quantiles, the top 3-step paths —
with Recorrido's Ibis expressions on DuckDB and with minimal hand-written DuckDB SQL (the
floor), from Parquet and from the database, each in a fresh process reporting its own peak
resident memory, with DuckDB's memory limit at 3GB (Recorrido's default). The funnel's floor
computes the same numbers as the engine (units per step, median and p90 time to convert from
the latest start, checked equal); the `funnel_reach` rows compare the same engine run with a
floor that only counts the units reaching each step (a greedy chain from the first step-1
event, no time to convert), a cheaper operation shown for reference. Target at 30M events:
Recorrido ≤ 1.5× the floor and ≤ 3 GiB.
"""


if __name__ == "__main__":
    main()
