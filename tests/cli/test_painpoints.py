"""``recorrido painpoints``: table, JSON, bad input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import recorrido.cli.painpoints  # noqa: F401  (registers the command)
from recorrido.cli import run
from recorrido.datasets import generate, write
from recorrido.ingest import ingest_events
from recorrido.map import load_map
from recorrido.store import Store


@pytest.fixture(scope="module")
def events_only(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with events and no survey answers, its map beside it."""
    folder = tmp_path_factory.mktemp("altura")
    files = write(generate(people=300, seed=3), folder)
    with Store.open(folder / "recorrido.duckdb", create=True) as store:
        ingest_events(store, files.events, timezone=load_map(files.journey).meta.timezone)
    return folder / "recorrido.duckdb"


def test_json_ranks_on_drop_off_without_feedback(
    events_only: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["painpoints", str(events_only), "--json", "--top", "3"]) == 0
    body = json.loads(capsys.readouterr().out)
    assert len(body["painpoints"]) == 3
    first = body["painpoints"][0]
    assert {"touchpoint", "score", "people", "drop_rate", "value_lost", "evidence"} <= set(first)
    assert any("no survey answers" in w for w in body["warnings"])


def test_table_and_unknown_level(events_only: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["painpoints", str(events_only), "--level", "stage"]) == 0
    assert "pain points by stage" in capsys.readouterr().out
    assert run(["painpoints", str(events_only), "--level", "stages"]) == 2
    assert "stage" in capsys.readouterr().err


def test_empty_store_exits_2(
    events_only: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(events_only.parent / "journey.yaml", tmp_path / "journey.yaml")
    with Store.open(tmp_path / "recorrido.duckdb", create=True):
        pass
    assert run(["painpoints", str(tmp_path / "recorrido.duckdb")]) == 2
    assert "no events" in capsys.readouterr().err
