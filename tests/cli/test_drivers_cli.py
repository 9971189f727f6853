"""``recorrido drivers``: table, JSON, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.conftest import sample_store

from recorrido.cli import run


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_store(tmp_path_factory.mktemp("altura"), people=800, seed=3)


def test_json_lists_every_tested_driver_and_the_matrix(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["drivers", str(store), "--outcome", "churn", "--json"]) == 0
    body = json.loads(capsys.readouterr().out)
    assert body["outcome"] == "churn" and body["population"] > 0
    assert 0 <= body["overall"] <= 100
    row = body["drivers"][0]
    keys = {"driver", "kind", "place", "label", "exposed", "baseline", "effect", "ci95", "q_value"}
    assert keys <= set(row)
    assert {m["place"] for m in body["matrix"]} >= {"cafe_centro", "checkout"}


def test_table_with_kinds_and_top(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["drivers", str(store), "--kinds", "bad_score,contact", "--top", "4"]) == 0
    out = capsys.readouterr().out
    assert "drivers of nps" in out and "priority matrix" in out
    assert "associations, not proof of cause" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--outcome", "nsp"], "did you mean 'nps'"),
        (["--kinds", "contacts"], "did you mean 'contact'"),
        (["--purchases", "cafe_center"], "cafe_centro"),
        (["--outcome", "churn", "--churn-days", "9999"], "churn horizon"),
    ],
)
def test_bad_options_exit_2_with_one_line(
    store: Path, args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["drivers", str(store), *args]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
