"""Benchmark: ingest 1M and 10M events from Parquet and CSV; time and peak memory.

Each run is a separate ``recorrido ingest events`` process into a new store, so the peak
resident memory (the process's ``ru_maxrss``) covers Python, DuckDB and everything else.
Prints a table and writes ``docs/benchmarks.md``. Usage: ``python bench/ingest.py [--sizes
1000000,10000000] [--formats parquet,csv]``.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / "data"
DOC = ROOT / "docs" / "benchmarks.md"
MARK_BEGIN = "<!-- ingest:begin -->"
MARK_END = "<!-- ingest:end -->"


def make_events(path: Path, rows: int) -> None:
    """A synthetic event file: 200k people, ISO UTC times, 8 event names, 3 properties."""
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    kind = "FORMAT PARQUET" if path.suffix == ".parquet" else "FORMAT CSV, HEADER"
    duckdb.sql(
        f"""
        COPY (
          SELECT 'c' || lpad(CAST(hash(i // 40) % 200000 AS VARCHAR), 6, '0') AS user_id,
                 CASE WHEN i % 7 = 0 THEN 'a' || CAST(i // 70 AS VARCHAR) END AS anonymous_id,
                 strftime(TIMESTAMP '2026-01-01' + to_seconds(i * 1.5), '%Y-%m-%dT%H:%M:%SZ')
                   AS timestamp,
                 ['page_view', 'product_view', 'add_to_cart', 'checkout', 'purchase',
                  'ad_click', 'support_chat', 'newsletter_open'][1 + i % 8] AS event,
                 ['web', 'app', 'store', 'email'][1 + i % 4] AS channel,
                 CASE WHEN i % 8 = 4 THEN round(5 + (i % 97) * 0.5, 2) END AS value,
                 '/p/' || CAST(i % 500 AS VARCHAR) AS page,
                 ['centro', 'norte', 'playa'][1 + i % 3] AS store,
                 'sku' || CAST(i % 120 AS VARCHAR) AS product
          FROM range({rows}) t(i)
        ) TO '{path}' ({kind})
        """
    )


# Runs in a fresh interpreter, which reports its own peak resident memory when done.
CHILD = """
import resource, sys
from recorrido.cli import run
code = run(["ingest", "events", sys.argv[1], "--store", sys.argv[2], "--quiet"])
print("PEAK_KIB", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
sys.exit(code)
"""


def run_ingest(source: Path, store: Path, memory_limit: str) -> tuple[float, float, str]:
    """Seconds, peak RSS in MiB, and the command's summary line."""
    shutil.rmtree(store.parent, ignore_errors=True)
    store.parent.mkdir(parents=True)
    command = [sys.executable, "-c", CHILD, str(source), str(store)]
    start = time.perf_counter()
    env = {**os.environ, "RECORRIDO_MEMORY_LIMIT": memory_limit}
    done = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"ingest failed: {done.stderr}")
    lines = done.stdout.strip().splitlines()
    peak = int(lines[-1].split()[1]) / 1024
    return seconds, peak, lines[-2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000000,10000000")
    parser.add_argument("--formats", default="parquet,csv")
    parser.add_argument(
        "--low-memory", default="1GB", help="Also ingest the largest Parquet file with this limit."
    )
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    formats = args.formats.split(",")
    runs = [(rows, fmt, "4GB") for rows in sizes for fmt in formats]
    if args.low_memory and "parquet" in formats:
        runs.append((max(sizes), "parquet", args.low_memory))
    results = []
    for rows, fmt, limit in runs:
        source = DATA / f"events-{rows}.{fmt}"
        make_events(source, rows)
        size_mb = source.stat().st_size / 2**20
        seconds, peak, line = run_ingest(source, DATA / "store" / "recorrido.duckdb", limit)
        results.append((rows, fmt, limit, size_mb, seconds, rows / seconds, peak, line))
        print(
            f"{rows:>11,} {fmt:8} {limit:>5} {size_mb:8.1f} MiB {seconds:8.1f} s "
            f"{rows / seconds:>12,.0f} rows/s {peak:8.0f} MiB peak"
        )
    write_doc(results)


def write_doc(results: list[tuple[int, str, str, float, float, float, float, str]]) -> None:
    lines = [
        MARK_BEGIN,
        "",
        f"Machine: {os.cpu_count()} cores, {platform.machine()}, Python "
        f"{platform.python_version()}, DuckDB {duckdb.__version__}; "
        f"measured {time.strftime('%Y-%m-%d')} with `make bench` (`bench/ingest.py`).",
        "",
        "| rows | format | memory_limit | file size | time | rows/s | peak memory (RSS) |",
        "|---:|---|---:|---:|---:|---:|---:|",
    ]
    for rows, fmt, limit, size_mb, seconds, rate, peak, _ in results:
        lines.append(
            f"| {rows:,} | {fmt} | {limit} | {size_mb:.0f} MiB | {seconds:.1f} s | {rate:,.0f} | "
            f"{peak:,.0f} MiB |"
        )
    lines += ["", MARK_END]
    block = "\n".join(lines)
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Benchmarks\n\n"
    if MARK_BEGIN in text:
        head, _, rest = text.partition(MARK_BEGIN)
        _, _, tail = rest.partition(MARK_END)
        text = head + block + tail
    else:
        text += "\n## Ingestion\n\n" + block + "\n"
    DOC.write_text(text, encoding="utf-8")
    print(f"wrote {DOC}")


if __name__ == "__main__":
    main()
