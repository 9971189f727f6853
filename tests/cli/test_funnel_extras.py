"""``recorrido funnel`` with --breakdown first_touch|last_touch, --trend and --histogram:
the JSON documents, the text output and the one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from recorrido import Journey
from recorrido.cli import run

# ana: ad (ads) → view → cart (web) → buy the next day, by email. ben: view and cart on the
# web the next day, no buy. cris: a view without a channel.
EVENTS = """user_id,timestamp,event,channel
ana,2026-03-02T10:00:00Z,ad_click,ads
ana,2026-03-02T10:01:00Z,view,web
ana,2026-03-02T10:03:00Z,cart,web
ana,2026-03-03T09:00:00Z,buy,email
ben,2026-03-03T10:00:00Z,view,web
ben,2026-03-03T10:00:30Z,cart,web
cris,2026-03-03T11:00:00Z,view,
"""


@pytest.fixture
def events(tmp_path: Path) -> Path:
    path = tmp_path / "events.csv"
    path.write_text(EVENTS, encoding="utf-8")
    return path


def funnel_json(capsys: pytest.CaptureFixture[str], events: Path, *args: str) -> dict:
    code = run(["funnel", str(events), "--steps", "view,cart,buy", "--json", *args])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    document: dict = json.loads(captured.out)
    return document


def test_default_output_is_only_the_steps(capsys: pytest.CaptureFixture[str], events: Path) -> None:
    document = funnel_json(capsys, events)
    assert set(document) == {"steps", "request", "warnings"}
    assert [s["count"] for s in document["steps"]] == [3, 2, 1]


def test_first_and_last_touch(capsys: pytest.CaptureFixture[str], events: Path) -> None:
    first = funnel_json(capsys, events, "--breakdown", "first_touch")["steps"]
    assert {(s["first_touch"], s["name"]): s["count"] for s in first} == {
        ("(none)", "view"): 1,
        ("(none)", "cart"): 0,
        ("(none)", "buy"): 0,
        ("ads", "view"): 1,
        ("ads", "cart"): 1,
        ("ads", "buy"): 1,
        ("web", "view"): 1,
        ("web", "cart"): 1,
        ("web", "buy"): 0,
    }
    last = funnel_json(capsys, events, "--breakdown", "last_touch")["steps"]
    assert {s["last_touch"] for s in last} == {"(none)", "email", "web"}


def test_trend_and_comparison(capsys: pytest.CaptureFixture[str], events: Path) -> None:
    document = funnel_json(capsys, events, "--trend", "day")
    assert set(document) == {"steps", "trend", "comparison", "request", "warnings"}
    assert [(r["period"], r["entered"], r["converted"]) for r in document["trend"]] == [
        ("2026-03-02T00:00:00", 1, 1),
        ("2026-03-03T00:00:00", 2, 0),
    ]
    comparison = document["comparison"]
    assert comparison["latest"]["period"] == "2026-03-03T00:00:00"
    assert comparison["latest"]["conversion"] == 0.0
    assert comparison["previous"]["conversion"] == 1.0
    assert comparison["difference_pp"] == -100.0
    assert comparison["partial"] is True  # the data end at 11:00 on 03-03
    assert comparison["p_value"] == pytest.approx(0.0833, abs=1e-4)
    assert comparison["significant"] is False


def test_histogram(capsys: pytest.CaptureFixture[str], events: Path) -> None:
    document = funnel_json(capsys, events, "--histogram")
    assert set(document) == {"steps", "histogram", "request", "warnings"}
    found = {(r["step"], r["bin"]): r["count"] for r in document["histogram"] if r["count"]}
    # To cart: ben 30 s, ana 2 min; to buy: ana 22 h 59 min after her view.
    assert found == {(2, "<1m"): 1, (2, "1-5m"): 1, (3, "4-24h"): 1}
    assert len(document["histogram"]) == 2 * 11


def test_text_output_says_whether_the_change_is_significant(
    capsys: pytest.CaptureFixture[str], events: Path
) -> None:
    code = run(["funnel", str(events), "--steps", "view,cart,buy", "--trend", "day", "--histogram"])
    out = capsys.readouterr().out
    assert code == 0
    assert "conversion by period of entry" in out and "time to convert" in out
    assert "the change is not significant at the 5% level" in out
    assert "partial" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--trend", "month"], "trend 'month': use day or week; trend periods have fixed lengths"),
        (["--breakdown", "first_tuch"], "use channel, first_touch, last_touch, persona"),
        (["--dropped", "2", "--histogram"], "--dropped lists units"),
    ],
)
def test_bad_options_are_one_line_errors(
    capsys: pytest.CaptureFixture[str], events: Path, args: list[str], message: str
) -> None:
    code = run(["funnel", str(events), "--steps", "view,cart,buy", *args])
    err = capsys.readouterr().err
    assert code == 2 and message in err
    assert len(err.strip().splitlines()) == 1


def test_python_api_and_open_funnel_histogram_warning(events: Path) -> None:
    with Journey(events) as journey:
        result = journey.funnel(["view", "cart", "buy"], open=True, histogram=True)
        plain = journey.funnel(["view", "cart", "buy"])
    assert set(result.extra) == {"histogram"}
    assert result.warnings and "open funnel: the histogram counts" in result.warnings[0]
    assert plain.extra == {} and set(plain.to_dict()) == {"steps", "request", "warnings"}
