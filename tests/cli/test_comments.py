"""``recorrido comments``: survey comments by theme and sentiment, from a store or a file."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

import recorrido.cli.comments  # noqa: F401 - registers the command
from recorrido.cli import run
from recorrido.store import Store

WriteCsv = Callable[..., Path]

ANSWERS = [
    # response, minute, touchpoint, stage, metric, score, comment
    ("r1", 0, "cafe", "purchase", "nps", 2, "Cuarenta minutos de cola para un café. Fatal."),
    ("r2", 1, "cafe", "purchase", "nps", 9, "El camarero fue encantador"),
    ("r3", 2, "web", "purchase", "csat", 1, "The checkout page crashed twice when I paid"),
    ("r4", 3, "web", "purchase", "csat", 5, ""),
    ("r5", 4, "delivery", "post_purchase", "nps", 3, "El paquete llegó roto y tarde"),
    ("r6", 5, "delivery", "post_purchase", "nps", 10, None),
    ("r7", 6, "cafe", "purchase", "nps", 6, "Pedí un cortado."),
]


def call(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = run(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def feedback_file(write_csv: WriteCsv) -> Path:
    rows = [
        {
            "response_id": response,
            "customer_id": f"p{i}",
            "submitted_at": f"2026-03-01T10:{minute:02d}:00Z",
            "touchpoint": touchpoint,
            "stage": stage,
            "metric": metric,
            "score": score,
            "comment": comment,
        }
        for i, (response, minute, touchpoint, stage, metric, score, comment) in enumerate(ANSWERS)
    ]
    return write_csv("answers.csv", rows)


@pytest.fixture
def store(feedback_file: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = feedback_file.with_name("recorrido.duckdb")
    code, _, _ = call(capsys, "ingest", "feedback", str(feedback_file), "--store", str(path), "-q")
    assert code == 0
    return path


def test_summary_and_comments_from_a_store(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = call(capsys, "comments", str(store))
    assert code == 0, err
    assert "5 comments (2 answers without a comment skipped)" in out
    assert "by theme" in out and "waiting_time" in out and "delivery" in out
    assert "comments (all)" in out
    lines = out.splitlines()
    newest = next(i for i, line in enumerate(lines) if "cortado" in line)
    oldest = next(i for i, line in enumerate(lines) if "Cuarenta" in line)
    assert newest < oldest  # newest first
    assert "2026-03-01 10:00" in out and "nps 2" in out


def test_json(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = call(capsys, "comments", str(store), "--json")
    document = json.loads(out)
    assert code == 0
    assert set(document) == {"themes", "comments", "matched", "unthemed", "skipped_empty"}
    assert (document["matched"], document["skipped_empty"]) == (5, 2)
    by_id = {c["response_id"]: c for c in document["comments"]}
    assert [c["response_id"] for c in document["comments"]] == ["r7", "r5", "r3", "r2", "r1"]
    assert by_id["r1"]["sentiment"] == "negative" and by_id["r1"]["themes"] == ["waiting_time"]
    assert by_id["r2"]["sentiment"] == "positive" and by_id["r2"]["themes"] == ["staff_manners"]
    assert by_id["r3"]["language"] == "en" and by_id["r3"]["themes"] == ["website"]
    assert by_id["r5"]["themes"] == ["delivery"] and by_id["r5"]["sentiment"] == "negative"
    assert by_id["r7"]["sentiment"] == "neutral" and by_id["r7"]["themes"] == ["product_quality"]
    assert by_id["r1"] | {"sentiment_score": None, "language_confidence": None} == {
        "response_id": "r1",
        "time": "2026-03-01T10:00:00Z",
        "touchpoint": "cafe",
        "stage": "purchase",
        "metric": "nps",
        "score": 2.0,
        "language": "es",
        "language_confidence": None,
        "sentiment": "negative",
        "sentiment_score": None,
        "themes": ["waiting_time"],
        "text": "Cuarenta minutos de cola para un café. Fatal.",
    }
    themes = {t["theme"]: t for t in document["themes"]}
    assert set(themes) == {
        "waiting_time",
        "staff_manners",
        "delivery",
        "product_quality",
        "website",
    }
    assert themes["delivery"]["comments"] == 1 and themes["delivery"]["share_negative"] == 1.0
    assert themes["delivery"]["representative"] == ["El paquete llegó roto y tarde"]


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (["--sentiment", "negative"], ["r5", "r3", "r1"]),
        (["--theme", "delivery"], ["r5"]),
        (["--language", "en"], ["r3"]),
        (["--touchpoint", "cafe"], ["r7", "r2", "r1"]),
        (["--stage", "post_purchase"], ["r5"]),
        (["--touchpoint", "cafe", "--sentiment", "positive"], ["r2"]),
        (["--top", "2"], ["r7", "r5"]),
    ],
)
def test_filters(
    store: Path, capsys: pytest.CaptureFixture[str], options: list[str], expected: list[str]
) -> None:
    code, out, _ = call(capsys, "comments", str(store), *options, "--json")
    assert code == 0
    assert [c["response_id"] for c in json.loads(out)["comments"]] == expected


def test_a_feedback_file_read_directly(
    feedback_file: Path, store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, from_store, _ = call(capsys, "comments", str(store), "--json")
    code, from_file, err = call(capsys, "comments", str(feedback_file), "--json")
    assert code == 0, err
    assert json.loads(from_file) == json.loads(from_store)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            ["--sentiment", "negativ"],
            "--sentiment 'negativ' is not valid; did you mean 'negative'?",
        ),
        (["--theme", "prices"], "--theme 'prices' is not valid; did you mean 'price'?"),
        (["--language", "fr"], "--language 'fr' is not valid"),
        (
            ["--touchpoint", "caffe"],
            "--touchpoint 'caffe': no feedback answer has this touchpoint; did you mean 'cafe'?",
        ),
    ],
)
def test_bad_options(
    store: Path, capsys: pytest.CaptureFixture[str], options: list[str], message: str
) -> None:
    code, out, err = call(capsys, "comments", str(store), *options)
    assert code == 2 and not out
    assert err.startswith("error: ") and message in err
    assert len(err.strip().splitlines()) == 1


def test_missing_file_and_store_without_feedback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = call(capsys, "comments", str(tmp_path / "nothing.csv"))
    assert code == 2 and "nothing.csv: file not found" in err
    code, _, err = call(capsys, "comments", str(tmp_path / "nothing.duckdb"))
    assert code == 2 and "store not found" in err
    empty = tmp_path / "empty.duckdb"
    Store.open(empty, create=True).close()
    code, _, err = call(capsys, "comments", str(empty))
    assert code == 2
    assert "no feedback in the store; ingest survey answers first" in err
    assert len(err.strip().splitlines()) == 1


def test_a_file_that_is_not_feedback(
    write_csv: WriteCsv, capsys: pytest.CaptureFixture[str]
) -> None:
    events = write_csv("events.csv", [{"user": "ana", "timestamp": "2026-03-01T10:00:00Z"}])
    code, _, err = call(capsys, "comments", str(events))
    assert code == 2 and "no score found" in err


def test_only_empty_comments(write_csv: WriteCsv, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_csv(
        "quiet.csv",
        [{"cliente": "ana", "submitted_at": "2026-03-01T10:00", "nps": 8, "comment": " "}],
    )
    code, out, _ = call(capsys, "comments", str(path), "--column", "person=cliente")
    assert code == 0 and out.strip() == "0 comments (1 answers without a comment skipped)"
