"""Schema 2 adds the closed loop's tables; a store written at schema 1 upgrades in place."""

from __future__ import annotations

from pathlib import Path

import duckdb

from recorrido.store import Store
from recorrido.store.schema import MIGRATIONS, SCHEMA_VERSION
from recorrido.voice.alerts import open_cases

from .helpers import loop_map

LOOP_TABLES = ("cases", "case_events", "outbox")


def v1_store(path: Path) -> None:
    """A store as Recorrido wrote it at schema 1, with an event and two feedback answers."""
    with duckdb.connect(str(path)) as con:
        for statement in MIGRATIONS[0]:
            con.execute(statement)
        con.executemany(
            "INSERT INTO recorrido_meta VALUES (?, ?)",
            [
                ["format", "recorrido-store"],
                ["schema_version", "1"],
                ["created_at", "2026-01-05T08:00:00"],
                ["written_by", "0.1.0"],
            ],
        )
        con.execute(
            "INSERT INTO events VALUES ('e1', 'ana', NULL, NULL, TIMESTAMP '2026-01-05 09:00:00', "
            "'purchase', 'web', 25.0, '{}', 'ventas.csv', 1, 1, 1)"
        )
        con.execute(
            "INSERT INTO feedback VALUES "
            "('r1', 'ana', TIMESTAMP '2026-01-06 10:00:00', 'order_placed', NULL, 'nps', 3, 0, "
            "10, 'lento', 'es', NULL, 'encuesta.csv', 1, 1, 2), "
            "('r2', 'bea', TIMESTAMP '2026-01-06 11:00:00', NULL, NULL, 'nps', 10, 0, 10, NULL, "
            "NULL, NULL, 'encuesta.csv', 2, 2, 2)"
        )


def tables(store: Store) -> set[str]:
    rows = store.connection.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
    ).fetchall()
    return {row[0] for row in rows}


def test_schema_version_is_two() -> None:
    assert SCHEMA_VERSION == 2


def test_a_v1_store_gets_the_loop_tables_and_keeps_its_data(tmp_path: Path) -> None:
    path = tmp_path / "recorrido.duckdb"
    v1_store(path)
    with Store.open(path) as store:
        assert store.schema_version() == 2
        assert set(LOOP_TABLES) <= tables(store)
        assert all(store.count(name) == 0 for name in LOOP_TABLES)
        assert (store.count("events"), store.count("feedback")) == (1, 2)
        meta = dict(store.connection.execute("SELECT key, value FROM recorrido_meta").fetchall())
        assert meta["created_at"] == "2026-01-05T08:00:00"  # kept
        assert meta["schema_version"] == "2"
        run = open_cases(store, loop_map())
        assert [(r.rule_id, r.opened) for r in run.rules] == [
            ("detractor", 1),
            ("promoter", 1),
            ("checkout_bad", 0),
        ]
    with Store.open(path, read_only=True) as store:  # migrated for good
        assert store.count("cases") == 2


def test_a_v1_store_opened_read_only_is_read_as_it_is(tmp_path: Path) -> None:
    # Analytics open stores read-only: an older store still answers them, unchanged.
    path = tmp_path / "recorrido.duckdb"
    v1_store(path)
    with Store.open(path, read_only=True) as store:
        assert store.schema_version() == 1
        assert (store.count("events"), store.count("feedback")) == (1, 2)
        assert not set(LOOP_TABLES) & tables(store)
    with Store.open(path) as store:  # writable: migrated
        assert store.schema_version() == 2


def test_a_new_store_has_every_table(store: Store) -> None:
    assert set(LOOP_TABLES) <= tables(store)
    assert store.count("outbox") == 0
