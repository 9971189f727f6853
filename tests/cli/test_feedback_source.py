"""SOURCE given as a feedback file, read directly: experience, pain points and comments work on
it without a store; which kind of file it is comes from its columns."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from recorrido.cli import run
from recorrido.datasets import generate, write
from recorrido.source import file_kind


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("altura")
    write(generate(people=600, seed=4), folder)
    return folder


def test_file_kind_reads_the_columns(files: Path, tmp_path: Path) -> None:
    assert file_kind(files / "feedback.csv") == "feedback"
    assert file_kind(files / "events.parquet") == "events"
    odd = tmp_path / "odd.csv"
    odd.write_text("when,who\n2026-01-01,ana\n", encoding="utf-8")
    assert file_kind(odd) == "events"  # ingestion then says the event column is missing
    assert file_kind(tmp_path / "missing.csv") == "events"


def test_experience_of_a_feedback_file(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["experience", str(files / "feedback.csv"), "--map", str(files / "journey.yaml")]
    assert run([*args, "--by", "touchpoint", "--json"]) == 0
    body = json.loads(capsys.readouterr().out)
    rows = {row["group"]: row for row in body["rows"]}
    assert rows["checkout"]["csat_n"] > 0 and rows["online_order"]["nps_n"] > 0
    assert any("feedback file" in warning for warning in body["warnings"])
    assert run([*args, "--emotion"]) == 0
    assert "designed" in capsys.readouterr().out


def test_pain_points_of_a_feedback_file(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["painpoints", str(files / "feedback.csv"), "--map", str(files / "journey.yaml")]
    assert run([*args, "--json"]) == 0
    body = json.loads(capsys.readouterr().out)
    first = body["painpoints"][0]
    assert first["touchpoint"] == "checkout" and first["drop_rate"] is None
    assert first["people"] > 0 and first["dissatisfied"] > 0.3
    assert any("survey answers only" in warning for warning in body["warnings"])
    assert run([*args, "--level", "stage"]) == 0


def test_an_events_file_still_needs_a_store_for_experience(
    files: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["experience", str(files / "events.parquet"), "--map", str(files / "journey.yaml")]
    assert run(args) == 2
    assert "events file" in capsys.readouterr().err


def test_a_feedback_file_with_bad_rows_keeps_the_good_ones(
    files: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (files / "feedback.csv").read_text(encoding="utf-8").splitlines()
    header, good = text[0], text[1:40]
    columns = header.split(",")
    broken = good[0].split(",")
    broken[columns.index("score")] = "14"
    broken[columns.index("metric")] = "nps"
    path = tmp_path / "answers.csv"
    path.write_text("\n".join([header, *good, ",".join(broken)]) + "\n", encoding="utf-8")
    assert run(["experience", str(path), "--map", str(files / "journey.yaml"), "--json"]) == 0
    captured = capsys.readouterr()
    body = json.loads(captured.out)
    assert body["answers"]["answers"] == 39  # the out-of-scale row was rejected at ingestion
    rejected = tmp_path / "answers.csv.rejected.csv"
    assert rejected.is_file() and "1 rows of" in captured.err and str(rejected) in captured.err
