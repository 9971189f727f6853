"""``--backend``: the analytics commands on a table or Parquet file of another engine."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from recorrido.backends.clickhouse import Server
from recorrido.backends.connect import parse_clickhouse_url
from recorrido.cli import run
from recorrido.errors import UsageError
from tests.conformance.harness import backend_for

T0 = dt.datetime(2026, 3, 1, 9)
MAP = """\
version: 1
meta: {name: Shop}
stages:
  - {id: consider, name: Consider}
  - {id: buy, name: Buy}
channels:
  - {id: web, name: Web, type: website}
touchpoints:
  - {id: pricing, name: Pricing, channel: web, stage: consider,
     match: {event: page_view, where: 'properties.page == "pricing"'}}
  - {id: pro_order, name: Pro order, channel: web, stage: buy,
     match: {event: purchase, where: 'properties.plan == "pro" and properties.qty >= 2'}}
buyer_journey: {steps: [consider, buy], conversion: pro_order}
"""
# The store's events columns: ana buys pro (2 seats) after pricing; luis buys pro for one
# seat; eva is anonymous and only looks at pricing; bo buys basic.
EVENTS = [
    ("ana", None, "page_view", {"page": "pricing"}),
    ("ana", None, "purchase", {"plan": "pro", "qty": 2}),
    ("luis", None, "page_view", {"page": "pricing"}),
    ("luis", None, "purchase", {"plan": "pro", "qty": 1}),
    (None, "c1", "page_view", {"page": "pricing", "note": 'say "hi"'}),
    ("bo", None, "page_view", {"page": "pricing"}),
    ("bo", None, "purchase", {"plan": "basic", "qty": 5.0}),
]


@pytest.fixture(scope="module")
def parquet(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("lake")
    rows = [
        {
            "person_id": person,
            "anonymous_id": anonymous,
            "session_id": None,
            "ts": T0 + dt.timedelta(minutes=i),
            "seq": i + 1,
            "event": name,
            "channel": "web",
            "value": None,
            "properties": json.dumps(properties),
        }
        for i, (person, anonymous, name, properties) in enumerate(EVENTS)
    ]
    schema = pa.schema(
        [
            ("person_id", pa.string()),
            ("anonymous_id", pa.string()),
            ("session_id", pa.string()),
            ("ts", pa.timestamp("us")),
            ("seq", pa.int64()),
            ("event", pa.string()),
            ("channel", pa.string()),
            ("value", pa.float64()),
            ("properties", pa.string()),
        ]
    )
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), folder / "events.parquet")
    (folder / "journey.yaml").write_text(MAP, encoding="utf-8")
    return folder / "events.parquet"


def funnel_json(capsys: pytest.CaptureFixture[str], parquet: Path, backend: str) -> object:
    argv = ["funnel", str(parquet), "--level", "touchpoint", "--steps", "pricing,pro_order"]
    code = run([*argv, "--backend", backend, "--json"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return json.loads(captured.out)


@pytest.mark.slow  # Spark and chdb read Parquet and plan touchpoint rules: about a minute
def test_the_funnel_is_the_same_on_every_backend(
    capsys: pytest.CaptureFixture[str], parquet: Path
) -> None:
    on_duckdb = funnel_json(capsys, parquet, "duckdb")
    assert [step["count"] for step in on_duckdb["steps"]] == [4, 1]  # type: ignore[index]
    assert funnel_json(capsys, parquet, "clickhouse") == on_duckdb
    backend_for("pyspark")  # the shared session: the command borrows it and leaves it running
    assert funnel_json(capsys, parquet, "pyspark") == on_duckdb


def test_a_duckdb_table_and_its_identities(
    capsys: pytest.CaptureFixture[str], parquet: Path, tmp_path: Path
) -> None:
    import duckdb

    database = tmp_path / "lake.duckdb"
    with duckdb.connect(str(database)) as con:
        con.execute(f"CREATE TABLE events AS SELECT * FROM read_parquet('{parquet}')")
        con.execute(
            "CREATE TABLE identities AS SELECT 'c1' AS anonymous_id, 'ana' AS person_id, "
            "TIMESTAMP '2026-01-01' AS first_seen, 0::BIGINT AS seq"
        )
    code = run(["transitions", "events", "--backend", f"duckdb://{database}", "--json"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    edges = json.loads(captured.out)["edges"]
    # c1 is ana's device: her journey is page_view, page_view, purchase (by time)
    pairs = {(e["source"], e["target"]): e["count"] for e in edges}
    assert pairs == {("page_view", "purchase"): 3, ("purchase", "page_view"): 1}


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--backend", "duckdb", "evnts"], "no table 'evnts' in the DuckDB database"),
        (["--backend", "spark", "events"], "did you mean 'pyspark'? (valid: chdb, clickhouse"),
        (["--backend", "duckdb"], "--backend needs SOURCE"),
        (["--backend", "clickhouse://localhost:1/shop", "events"], "cannot reach ClickHouse"),
    ],
)
def test_bad_backends_and_tables_are_one_line(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code = run(["paths", *argv])
    err = capsys.readouterr().err
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1


def test_a_table_missing_columns_names_them(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "few.parquet"
    pq.write_table(pa.table({"person_id": ["a"], "event": ["x"], "ts": [T0]}), path)
    code = run(["paths", str(path), "--backend", "duckdb"])
    err = capsys.readouterr().err
    assert code == 2
    assert "lacks the columns anonymous_id, session_id, seq, channel, value, properties" in err


def test_an_unknown_table_names_the_closest(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import duckdb

    database = tmp_path / "t.duckdb"
    with duckdb.connect(str(database)) as con:
        con.execute("CREATE TABLE journey_events (x INTEGER)")
    code = run(["paths", "journey_event", "--backend", f"duckdb://{database}"])
    err = capsys.readouterr().err
    assert code == 2 and "did you mean 'journey_events'?" in err


@pytest.mark.parametrize(
    ("module", "backend", "hint"),
    [
        ("pyspark.sql", "pyspark", "pip install 'recorrido[spark]'"),
        ("chdb", "clickhouse", "pip install 'recorrido[clickhouse]'"),
    ],
)
def test_a_missing_extra_says_what_to_install(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    module: str,
    backend: str,
    hint: str,
) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # import now raises ImportError
    code = run(["paths", "events", "--backend", backend])
    err = capsys.readouterr().err
    assert code == 2 and hint in err


@pytest.mark.parametrize(
    ("url", "server"),
    [
        ("clickhouse://ch.internal", Server("ch.internal")),
        ("clickhouse://ana:s%40cret@ch:9440/shop", Server("ch", 9440, "shop", "ana", "s@cret")),
        ("clickhouse://ana@ch/", Server("ch", 9000, "default", "ana", "")),
    ],
)
def test_clickhouse_server_urls(url: str, server: Server) -> None:
    assert parse_clickhouse_url(url) == server


@pytest.mark.parametrize(
    "url", ["clickhouse://:9000/db", "clickhouse://ch:port", "clickhouse://ch?x=1"]
)
def test_bad_clickhouse_urls_show_the_form(url: str) -> None:
    with pytest.raises(UsageError, match="clickhouse://user:password@host:port/database"):
        parse_clickhouse_url(url)
