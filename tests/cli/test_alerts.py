"""``recorrido alerts``: open cases from survey answers, follow them up, deliver webhooks."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.voice.loop.helpers import (
    DETRACTOR,
    PROMOTER,
    SECRET,
    SECRET_ENV,
    Receiver,
    loop_map,
    write_map,
)

import recorrido.cli.alerts  # noqa: F401 - registers the command
from recorrido.cli import run

SURVEY = [
    {"response_id": "r1", "customer_id": "ana", "submitted_at": "2026-03-01T10:00:00Z",
     "touchpoint": "order_placed", "nps": 3, "csat": 2, "comment": "Tardó [dos] semanas"},
    {"response_id": "r2", "customer_id": "bea", "submitted_at": "2026-03-01T11:00:00Z",
     "touchpoint": "order_placed", "nps": 10, "csat": 5, "comment": None},
    {"response_id": "r3", "customer_id": "cai", "submitted_at": "2026-03-01T12:00:00Z",
     "touchpoint": "product_view", "nps": 6, "csat": None, "comment": "caro"},
]  # fmt: skip


def call(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = run(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def project(
    tmp_path: Path,
    write_csv: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[str, str]:
    """A store with the survey ingested and a map with alert rules: (store, map)."""
    monkeypatch.chdir(tmp_path)
    store = str(tmp_path / "recorrido.duckdb")
    journey = write_map(tmp_path / "mapa.yaml", loop_map([DETRACTOR, PROMOTER]))
    survey = write_csv("encuesta.csv", SURVEY)
    code, _, err = call(capsys, "ingest", "feedback", str(survey), "--store", store, "-q")
    assert code == 0, err
    return store, str(journey)


def test_run_opens_cases_once(project: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    store, journey = project
    code, out, _ = call(capsys, "alerts", "run", "--store", store, "--map", journey)
    assert code == 0
    assert "3 responses evaluated; 3 new cases" in out
    lines = [[w for w in line.split() if w != "│"] for line in out.splitlines()]
    assert ["detractor", "case", "2", "2", "2"] in lines
    assert ["promoter", "advocacy", "1", "1", "0"] in lines
    code, out, _ = call(capsys, "alerts", "run", "--store", store, "--map", journey, "--json")
    assert code == 0
    assert json.loads(out) == {
        "responses": 3,
        "opened": 0,
        "rules": [
            {"rule_id": "detractor", "action": "case", "opened": 0, "total": 2, "messages": 0},
            {"rule_id": "promoter", "action": "advocacy", "opened": 0, "total": 1, "messages": 0},
        ],
    }


def test_follow_a_case_up(project: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    store, journey = project
    call(capsys, "alerts", "run", "--store", store, "--map", journey)
    code, out, _ = call(capsys, "alerts", "list", "--store", store, "--rule", "detractor", "--json")
    listed = json.loads(out)
    assert [(c["case_id"], c["response_id"], c["score"]) for c in listed] == [
        ("detractor-2", "r3", 6.0),
        ("detractor-1", "r1", 3.0),
    ]
    code, out, _ = call(capsys, "alerts", "list", "--store", store, "--status", "open")
    assert code == 0 and "detractor-1" in out and "promoter-1" in out

    code, out, _ = call(
        capsys, "alerts", "assign", "detractor-1", "luis", "--by", "marta", "-s", store
    )
    assert (code, out.strip()) == (0, "detractor-1 assigned to luis (open)")
    code, out, _ = call(
        capsys,
        "alerts",
        "progress",
        "detractor-1",
        "--note",
        "llamada",
        "--by",
        "luis",
        "-s",
        store,
    )
    assert (code, out.strip()) == (0, "detractor-1 is in progress")
    code, _, err = call(
        capsys,
        "alerts",
        "resolve",
        "detractor-1",
        "--root-cause",
        " ",
        "--action",
        "x",
        "-s",
        store,
    )
    assert code == 2
    assert err.strip() == "error: the root cause (--root-cause) is required and cannot be empty"
    code, out, _ = call(
        capsys, "alerts", "resolve", "detractor-1", "--root-cause", "retraso del transportista",
        "--action", "reembolso", "--by", "luis", "-s", store, "--json",
    )  # fmt: skip
    assert code == 0 and json.loads(out)["status"] == "resolved"
    code, _, err = call(capsys, "alerts", "assign", "detractor-1", "ana", "-s", store)
    assert code == 2
    assert "case detractor-1 is resolved; it cannot be assigned (reopen it first" in err
    code, out, _ = call(capsys, "alerts", "reopen", "detractor-1", "--by", "marta", "-s", store)
    assert (code, out.strip()) == (0, "detractor-1 reopened")

    code, out, _ = call(capsys, "alerts", "show", "detractor-1", "-s", store, "--map", journey)
    assert code == 0
    assert "detractor-1 · open · case" in out
    assert "rule: detractor: nps <= 6" in out
    assert "comment: Tardó [dos] semanas" in out  # user text is not read as markup
    for kind in ("opened", "assigned", "progress", "resolved", "reopened"):
        assert kind in out
    assert "webhook deliveries" in out and "pending" in out
    code, out, _ = call(capsys, "alerts", "show", "detractor-1", "-s", store, "--json")
    shown = json.loads(out)
    assert [e["kind"] for e in shown["history"]] == [
        "opened", "assigned", "progress", "resolved", "reopened"
    ]  # fmt: skip
    assert [(d["webhook_id"], d["status"]) for d in shown["deliveries"]] == [("crm", "pending")]


def test_an_unknown_case_suggests_the_closest(
    project: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    store, journey = project
    call(capsys, "alerts", "run", "--store", store, "--map", journey)
    code, out, err = call(capsys, "alerts", "show", "detracter-1", "-s", store)
    assert code == 2 and out == ""
    assert err.strip().startswith("error: unknown case 'detracter-1'; closest: detractor-1")


def test_run_needs_the_map(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = call(capsys, "alerts", "run", "--store", str(tmp_path / "x.duckdb"))
    assert code == 2 and "needs the journey map" in err and "--map" in err


def test_deliver(
    project: tuple[str, str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    store, _ = project
    monkeypatch.delenv(SECRET_ENV, raising=False)
    with Receiver() as receiver:
        journey = str(write_map(tmp_path / "mapa.yaml", loop_map([DETRACTOR], url=receiver.url)))
        call(capsys, "alerts", "run", "--store", store, "--map", journey)
        code, _, err = call(capsys, "alerts", "deliver", "--store", store, "--map", journey)
        assert code == 2
        assert f"environment variable {SECRET_ENV} is not set" in err
        monkeypatch.setenv(SECRET_ENV, SECRET)
        code, out, _ = call(capsys, "alerts", "deliver", "-s", store, "-m", journey, "--once")
        assert code == 0
        assert "delivered 2 · failed 0 · retries scheduled 0 · still pending 0" in out
        assert "outbox: 0 pending, 2 delivered, 0 failed" in out
        code, out, _ = call(capsys, "alerts", "deliver", "-s", store, "-m", journey, "--json")
    report = json.loads(out)
    assert (report["delivered"], report["outbox"]["delivered"]) == (0, 2)
    assert len(receiver.acknowledged()) == 2 and all(r.signed for r in receiver.received)


def test_run_with_a_context_file(
    project: tuple[str, str],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    write_csv: Callable[..., Path],
) -> None:
    store, _ = project
    rule = {"id": "trato", "when": 'sentiment == "negative" and theme == "staff"'}
    journey = str(write_map(tmp_path / "trato.yaml", loop_map([rule])))
    context = write_csv(
        "context.csv",
        [
            {"response_id": "r1", "sentiment": "negative", "theme": "staff"},
            {"response_id": "r3", "sentiment": "negative", "theme": "price"},
        ],
    )
    args = ("alerts", "run", "-s", store, "-m", journey, "--context", str(context), "--json")
    code, out, _ = call(capsys, *args)
    assert code == 0 and json.loads(out)["opened"] == 1
    code, out, _ = call(capsys, "alerts", "list", "-s", store, "--json")
    assert [c["response_id"] for c in json.loads(out)] == ["r1"]
    code, _, err = call(capsys, "alerts", "run", "-s", store, "-m", journey, "--context", "no.csv")
    assert code == 2 and "no.csv: context file not found" in err
