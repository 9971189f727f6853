"""``recorrido kpis``: status table, JSON, opportunities, and bad input."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from tests.voice.monitor.shop import write_shop

import recorrido.cli.kpis  # noqa: F401  (registers the command)
from recorrido.cli import run
from recorrido.cli.context import out


@pytest.fixture(autouse=True)
def wide(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tables at 200 columns, so that cells are not cut."""
    monkeypatch.setattr(out, "width", 200)


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_shop(tmp_path_factory.mktemp("shop"))


def call(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = run(["kpis", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def as_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    code, out, err = call(capsys, *args, "--json")
    assert code == 0, err
    document: dict[str, Any] = json.loads(out)
    return document


def test_status_as_json(shop: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # the data ends on 2026-04-10: the last 35 days are 03-07 … 04-10, the 35 before 01-31 …
    document = as_json(capsys, str(shop), "--days", "35")
    kpis = {row["kpi"]: row for row in document["kpis"]}
    assert list(kpis)[:2] == ["conv", "drop"] and document["days"] == 35
    rev = kpis["rev"]
    assert rev["current"]["start"] == "2026-03-07T00:00:00"
    assert rev["current"]["end"] == "2026-04-11T00:00:00"
    # hu 1000 (03-08), gil 40 (03-10), ana 15 (03-20); before: ana 30 + 10, di 20
    assert (rev["current"]["value"], rev["previous"]["value"], rev["change"]) == (
        1055.0,
        60.0,
        995.0,
    )
    assert rev["met"] is True and rev["comparison"] is None and len(rev["trend"]) == 8
    assert kpis["calls"]["current"]["reason"].startswith("'call' is not a step")
    reasons = {(alert["kpi"], alert["reason"]) for alert in document["alerts"]}
    assert ("aov", "target_not_met") not in reasons  # mean order 1055 / 3 now
    assert all(kpi != "rev" for kpi, _ in reasons)  # met and up
    assert ("ces_support", "target_not_met") not in reasons  # no answer: no value


def test_status_table(shop: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = call(capsys, "--store", str(shop), "--days", "35")
    assert code == 0, err
    assert "KPIs: last 35 days" in out and "Conversión" in out
    assert "1,055.00 EUR" in out and "≥ 50.00 EUR" in out
    assert "note: calls: 'call' is not a step of the buyer journey" in out


def test_opportunities(shop: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = as_json(capsys, str(shop), "--opportunities", "--days", "7")
    (effect,) = document["opportunities"]
    assert effect["opportunity"] == "faster_pay" and effect["kpi"] == "aov"
    assert (effect["before"]["value"], effect["after"]["value"]) == (20.0, 40.0)
    assert (effect["verdict"], effect["verdict_es"]) == ("no clear change", "sin cambio claro")
    assert document["skipped"] == ["opportunity 'idea_only' has no changed_on or kpi: not measured"]
    code, out, _ = call(capsys, str(shop), "--opportunities", "--days", "7")
    assert code == 0
    assert "faster_pay" in out and "sin cambio claro" in out
    assert "note: opportunity 'idea_only' has no changed_on or kpi" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--days", "0"], "--days 0: give a whole number of days, 1 or more"),
        (["--drop-threshold", "0"], "--drop-threshold 0.0: give a share above 0"),
        (["--days", "many"], "Invalid value for '--days'"),
        (["--colour"], "No such option: --colour"),
    ],
)
def test_bad_options(
    shop: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, _, err = call(capsys, str(shop), *args)
    assert code == 2 and message in err


def test_two_stores_no_map_and_no_kpis(
    shop: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = call(capsys, str(shop), "--store", str(tmp_path / "other.duckdb"))
    assert code == 2 and "name two stores" in err
    bare = write_shop(tmp_path / "bare", kpis=False)
    code, _, err = call(capsys, str(bare))
    assert code == 2 and "error: the journey map has no kpis" in err
    (tmp_path / "bare" / "journey.yaml").unlink()
    code, _, err = call(capsys, str(bare))
    assert code == 2 and "pass --map journey.yaml" in err
