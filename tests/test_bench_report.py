"""The report benchmark's building blocks: a chunked sample-world store and its doc section.

``bench/report.py`` simulates large worlds in chunks and ingests them into one store; the
chunks must not share people (ids are prefixed per chunk, in every file alike) and the store
must hold exactly what the chunks wrote. Its doc writer must touch only its own section.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import duckdb
import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def bench() -> Iterator[ModuleType]:
    spec = importlib.util.spec_from_file_location("bench_report", ROOT / "bench" / "report.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_report"] = module
    spec.loader.exec_module(module)
    yield module
    del sys.modules["bench_report"]


@pytest.fixture(scope="module")
def chunked(bench: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    store = tmp_path_factory.mktemp("report") / "report-300.duckdb"
    return store, bench.build_store(store, 300, most=100)


def test_split_makes_even_chunks_of_at_most_the_size(bench: ModuleType) -> None:
    assert bench.split(300, 100) == [100, 100, 100]
    assert bench.split(301, 100) == [76, 75, 75, 75]
    assert bench.split(5000) == [5000]
    assert bench.people_for(190_000) == 5000  # the sample world of `recorrido sample`
    assert bench.split(bench.people_for(10_000_000)) == [23924] * 5 + [23923] * 6  # 263,158 people


def test_chunks_have_their_own_seed_and_prefix(chunked: tuple[Path, Any]) -> None:
    store, build = chunked
    assert [(c.seed, c.prefix, c.people) for c in build.chunks] == [
        (7, "g0-", 100),
        (8, "g1-", 100),
        (9, "g2-", 100),
    ]
    assert store.is_file()
    assert not store.with_name(store.name + ".building").exists()
    assert [p.name for p in store.parent.iterdir()] == [store.name]  # chunk files removed


def test_store_counts_add_up_across_chunks(bench: ModuleType, chunked: tuple[Path, Any]) -> None:
    store, build = chunked
    chunks = build.chunks
    assert all(c.events > 0 and c.known > 0 and c.answers > 0 for c in chunks)
    assert bench.count_store(store) == {
        "events": sum(c.events for c in chunks),
        "people": sum(c.known for c in chunks),
        "answers": sum(c.answers for c in chunks),
    }
    with duckdb.connect(str(store), read_only=True) as con:
        per_chunk = con.sql(
            "SELECT split_part(person_id, '-', 1) AS g, count(*) FROM people GROUP BY g ORDER BY g"
        ).fetchall()
    assert per_chunk == [(f"g{i}", c.known) for i, c in enumerate(chunks)]


def test_person_ids_are_unique_across_chunks_and_consistent(
    chunked: tuple[Path, Any],
) -> None:
    store, _ = chunked
    with duckdb.connect(str(store), read_only=True) as con:

        def one(sql: str) -> int:
            row = con.sql(sql).fetchone()
            assert row is not None
            return int(row[0])

        # The simulator restarts customer numbers in each chunk: without prefixes the
        # chunks would share c000001…; with them every known person is distinct.
        assert one("SELECT count(DISTINCT substr(person_id, 4)) < count(*) FROM people")
        assert one("SELECT count(*) = count(DISTINCT person_id) FROM people")
        for table, column in (
            ("events", "person_id"),
            ("events", "anonymous_id"),
            ("events", "session_id"),
            ("feedback", "response_id"),
            ("feedback", "person_id"),
            ("identities", "anonymous_id"),
        ):
            assert (
                one(
                    f"SELECT count(*) FROM {table} WHERE {column} IS NOT NULL "
                    f"AND NOT regexp_matches({column}, '^g[0-2]-')"
                )
                == 0
            ), (table, column)
        # Every person in the events and the answers is a known person of the same chunk.
        assert (
            one(
                "SELECT count(*) FROM (SELECT person_id FROM events UNION SELECT person_id "
                "FROM feedback) x WHERE person_id IS NOT NULL "
                "AND person_id NOT IN (SELECT person_id FROM people)"
            )
            == 0
        )
        # An anonymous id is stitched to a person of its own chunk only.
        assert (
            one(
                "SELECT count(*) FROM identities "
                "WHERE split_part(anonymous_id, '-', 1) <> split_part(person_id, '-', 1)"
            )
            == 0
        )
        orders = 'SELECT count(*) FROM events WHERE regexp_matches(properties, \'"order_id":"{}\')'
        assert one(orders.format("g[0-2]-[ot]")) > 0
        assert one(orders.format("[^g]")) == 0


def test_prefixed_keeps_nulls(bench: ModuleType) -> None:
    import pyarrow as pa

    table = pa.table({"user_id": ["c1", None], "event": ["home", "cart"]})
    assert bench.prefixed(table, ["user_id"], "g3-").to_pylist() == [
        {"user_id": "g3-c1", "event": "home"},
        {"user_id": None, "event": "cart"},
    ]
    assert bench.prefixed(table, ["user_id"], "") is table


def test_measure_reports_the_childs_peak_memory(bench: ModuleType) -> None:
    # a large measuring process (pytest after many tests, a benchmark holding data) must not
    # count in the child's peak: Linux keeps the forking process's high-water mark across exec
    held = bytearray(800 * 2**20)
    held[::4096] = b"\x01" * len(held[::4096])
    run = bench.measure([sys.executable, "-c", "x = bytearray(300 * 2**20); print('ok')"])
    del held
    assert run.returncode == 0
    assert run.output.strip() == "ok"
    assert 300 < run.peak_mib < 600
    failed = bench.measure([sys.executable, "-c", "raise SystemExit(3)"])
    assert failed.returncode == 3


def test_doc_writer_replaces_only_its_section(bench: ModuleType, tmp_path: Path) -> None:
    original = (ROOT / "docs" / "benchmarks.md").read_text(encoding="utf-8")
    doc = tmp_path / "benchmarks.md"
    doc.write_text(original, encoding="utf-8")
    rows = [
        {
            "events": 190_000, "simulated": 5000, "people": 2100, "answers": 4000,
            "seconds": 3.25, "peak_mib": 512.0, "html_mib": 5.75, "plotly_mib": 4.6,
            "gzip_mib": 1.5,
        }
    ]  # fmt: skip
    block = bench.section(rows, None)
    assert (
        "| 190,000 | 5,000 | 2,100 | 4,000 | 3.2 s | 512 MiB | 5.75 MiB | 4.60 MiB (80%) | 1.50 MiB |"
        in (block)
    )
    written = bench.replace_section(doc.read_text(encoding="utf-8"), block)
    head, _, rest = original.partition(bench.BEGIN)
    tail = rest.partition(bench.END)[2]
    assert written == head + block + tail
    assert written.count(bench.BEGIN) == written.count(bench.END) == 1
    for marker in ("<!-- ingest:end -->", "<!-- analytics:end -->", "<!-- comments:end -->"):
        assert written.count(marker) == 1
    assert bench.replace_section(written, block) == written  # idempotent
    appended = bench.replace_section("# Benchmarks\n\nOther text.\n", block)
    assert appended == "# Benchmarks\n\nOther text.\n\n## Report\n\n" + bench.INTRO + "\n" + (
        block + "\n"
    )
