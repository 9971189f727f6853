"""The command line as a new user meets it: exit codes, one-line errors, the tour."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.conftest import journeys_for

from recorrido.cli import run
from recorrido.cli.reference import render

ROOT = Path(__file__).resolve().parents[2]


def call(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = run(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = call(capsys, "--version")
    assert code == 0 and out.startswith("recorrido 0.")


def test_the_five_minute_tour(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], write_csv: object
) -> None:
    project = tmp_path / "mi-tienda"
    code, out, _ = call(capsys, "init", str(project), "--template", "seven-stages", "--lang", "es")
    assert code == 0 and (project / "journey.yaml").is_file()
    assert (project / "recorrido.toml").is_file()
    code, out, _ = call(capsys, "validate", str(project / "journey.yaml"))
    assert code == 0 and "valid — 7 stages, 8 touchpoints" in out

    events = tmp_path / "ventas.csv"
    rows = journeys_for({"ana": ["ad_click", "product_view", "purchase", "page_scroll"]})
    events.write_text(
        "user_id,timestamp,event\n"
        + "".join(f"{r['user_id']},{r['timestamp']},{r['event']}\n" for r in rows),
        encoding="utf-8",
    )
    store = str(project / "recorrido.duckdb")
    code, out, _ = call(capsys, "ingest", "events", str(events), "--store", store)
    assert code == 0
    assert "person=user_id, time=timestamp, event=event" in out
    assert "4 rows read, 4 stored, 0 already in the store, 0 rejected" in out
    code, out, _ = call(capsys, "ingest", "events", str(events), "--store", store)
    assert "0 stored, 4 already in the store" in out
    assert "ingested before (ingestion #1)" in out

    code, out, _ = call(capsys, "info", "--store", store, "--json")
    assert code == 0
    summary = json.loads(out)
    assert summary["counts"]["events"] == 4
    assert summary["mapped_events"] == 3
    assert summary["unmapped_events"] == [{"name": "page_scroll", "count": 1}]
    assert summary["first_event"] == "2026-03-01T10:00:00Z"
    code, out, _ = call(capsys, "info", "--store", store)
    assert code == 0 and "most frequent unmapped events" in out and "page_scroll" in out


def test_schema_is_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = call(capsys, "schema")
    document = json.loads(out)
    assert code == 0
    assert {"version", "meta", "stages", "touchpoints", "buyer_journey"} <= set(
        document["properties"]
    )
    assert document["additionalProperties"] is False


def test_invalid_map_prints_each_problem_on_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    call(capsys, "init", str(tmp_path), "--lang", "en")
    path = tmp_path / "journey.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("stage: awareness", "stage: awarenes").replace(
            "channel: blog", "channel: blg"
        ),
        encoding="utf-8",
    )
    code, out, err = call(capsys, "validate", str(path))
    lines = err.strip().splitlines()
    assert code == 2 and out == ""
    assert len(lines) == 2
    assert all(line.startswith(f"error: {path}:") for line in lines)
    assert "did you mean 'awareness'" in lines[0] or "did you mean 'awareness'" in lines[1]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ingest", "events", "missing.csv"], "missing.csv: file not found"),
        (["info", "--store", "nowhere.duckdb"], "store not found"),
        (["init", "x", "--template", "aidda"], "unknown template 'aidda'; did you mean 'aida'?"),
        (["validate", "nope.yaml"], "nope.yaml: file not found"),
    ],
)
def test_input_errors_exit_2_with_one_line(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = call(capsys, *args)
    assert code == 2
    assert len(err.strip().splitlines()) == 1
    assert err.startswith("error: ") and message in err
    assert "Traceback" not in err


def test_debug_shows_the_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = call(capsys, "--debug", "ingest", "events", str(tmp_path / "x.csv"))
    assert code == 2 and "Traceback" in err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = call(capsys, "ingets")
    assert code == 2 and "No such command" in err


def test_a_failed_first_ingestion_leaves_no_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "e.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    store = tmp_path / "new.duckdb"
    code, _, err = call(capsys, "ingest", "events", str(bad), "--store", str(store))
    assert code == 2 and "no column found" in err
    assert not store.exists()


def test_store_from_the_environment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("RECORRIDO_STORE", str(tmp_path / "env.duckdb"))
    (tmp_path / "e.csv").write_text("user_id,ts,event\nana,2026-03-01,x\n", encoding="utf-8")
    code, _, _ = call(capsys, "ingest", "events", "e.csv")
    assert code == 0 and (tmp_path / "env.duckdb").is_file()


def test_cli_reference_is_current() -> None:
    documented = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert documented == render(), "docs/cli.md is stale: run `make docs`"


def test_validate_against_a_store_checks_declared_attributes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    call(capsys, "init", str(tmp_path), "--lang", "en")
    people = tmp_path / "people.csv"
    people.write_text("customer_id,segment\nana,premium\n", encoding="utf-8")
    store = str(tmp_path / "recorrido.duckdb")
    assert call(capsys, "ingest", "people", str(people), "--store", store)[0] == 0
    code, _, err = call(capsys, "validate", str(tmp_path / "journey.yaml"), "--store", store)
    assert code == 2
    assert "declares person attribute 'lifetime_value'" in err
    people.write_text("customer_id,segment,lifetime_value\nana,premium,10\n", encoding="utf-8")
    call(capsys, "ingest", "people", str(people), "--store", store)
    code, out, _ = call(capsys, "validate", str(tmp_path / "journey.yaml"), "--store", store)
    assert code == 0 and "valid" in out
