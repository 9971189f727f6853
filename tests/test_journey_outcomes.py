"""Paths split by a funnel's outcome: converted vs dropped, and where dropped units went."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from recorrido import Journey, UsageError
from recorrido.cli import run
from tests.conftest import journeys_for

JOURNEYS = {
    "ana": ["home", "view", "cart", "buy"],
    "bea": ["view", "cart", "buy", "faq"],
    "luis": ["view", "cart", "faq", "home"],
    "eva": ["view", "cart", "home"],
    "teo": ["view", "faq"],
    "sol": ["home", "faq"],  # never enters the funnel: in neither group
}
FUNNEL = ["view", "cart", "buy"]


@pytest.fixture
def events(tmp_path: Path) -> Path:
    path = tmp_path / "events.csv"
    rows = journeys_for(JOURNEYS)
    path.write_text(
        "user_id,timestamp,event\n"
        + "".join(f"{r['user_id']},{r['timestamp']},{r['event']}\n" for r in rows),
        encoding="utf-8",
    )
    return path


def _paths(result: dict[str, list[dict[str, object]]]) -> set[tuple[object, ...]]:
    return {(p["outcome"], tuple(p["path"]), p["count"]) for p in result["paths"]}  # type: ignore[arg-type]


def test_paths_of_converted_and_dropped_units(events: Path) -> None:
    with Journey(events) as journey:
        result = journey.paths(funnel=FUNNEL, length=2, collapse=False).to_dict()
    assert _paths(result) == {
        ("converted", ("home", "view"), 1),
        ("converted", ("view", "cart"), 1),
        ("dropped", ("view", "cart"), 2),
        ("dropped", ("view", "faq"), 1),
    }
    shares = {p["outcome"]: 0.0 for p in result["paths"]}
    for p in result["paths"]:
        shares[p["outcome"]] += p["share"]
    assert shares == {"converted": pytest.approx(1.0), "dropped": pytest.approx(1.0)}


def test_where_units_that_dropped_at_a_step_went_next(events: Path) -> None:
    with Journey(events) as journey:
        at_buy = journey.paths(funnel=FUNNEL, dropped_at=3, length=2, collapse=False)
        at_cart = journey.paths(funnel=FUNNEL, dropped_at=2, length=1, collapse=False)
    # luis and eva reached cart, not buy: the steps after their last cart
    assert _paths(at_buy.to_dict()) == {
        ("dropped at buy", ("faq", "home"), 1),
        ("dropped at buy", ("home",), 1),
    }
    # teo viewed and never added to cart
    assert _paths(at_cart.to_dict()) == {("dropped at cart", ("faq",), 1)}


def test_top_is_per_outcome(events: Path) -> None:
    with Journey(events) as journey:
        rows = journey.paths(funnel=FUNNEL, length=2, collapse=False, top=1).rows()
    assert sorted((r["outcome"], r["count"]) for r in rows) == [("converted", 1), ("dropped", 2)]


def test_bad_outcome_requests_are_clear(events: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Journey(events) as journey:
        with pytest.raises(UsageError, match="dropped_at needs funnel"):
            journey.paths(dropped_at=2)
        with pytest.raises(UsageError, match="choose a step from 2 to 3"):
            journey.paths(funnel=FUNNEL, dropped_at=4)
        with pytest.raises(UsageError, match="at least 2 steps"):
            journey.paths(funnel=["view"])
        with pytest.raises(UsageError, match="leave out start"):
            journey.paths(funnel=FUNNEL, dropped_at=2, after_last="view")
        with pytest.raises(UsageError, match="did you mean 'cart'"):
            journey.paths(funnel=["view", "carrt"])
    code = run(["paths", str(events), "--funnel", "view,cart,buy", "--dropped-at", "3", "--json"])
    document = json.loads(capsys.readouterr().out)
    assert code == 0 and {p["outcome"] for p in document["paths"]} == {"dropped at buy"}
    code = run(["paths", str(events), "--funnel", "view,cart,buy", "--dropped-at", "9"])
    assert code == 2 and "choose a step from 2 to 3" in capsys.readouterr().err


def test_the_documented_example(tmp_path: Path) -> None:
    """docs/analytics.md, Paths, converted vs dropped."""
    path = tmp_path / "doc.csv"
    rows = journeys_for(
        {
            "ana": ["ad_click", "view", "view", "cart"],
            "bo": ["view", "cart"],
            "cy": ["view"],
            "di": ["ad_click", "view", "cart", "purchase"],
        }
    )
    path.write_text(
        "user_id,timestamp,event\n"
        + "".join(f"{r['user_id']},{r['timestamp']},{r['event']}\n" for r in rows),
        encoding="utf-8",
    )
    funnel = ["view", "cart", "purchase"]
    with Journey(path) as journey:
        split = journey.paths(funnel=funnel, length=2).to_dict()
        dropped = journey.paths(funnel=funnel, length=2, dropped_at=3).to_dict()
    assert _paths(split) == {
        ("converted", ("ad_click", "view"), 1),
        ("dropped", ("ad_click", "view"), 1),
        ("dropped", ("view", "cart"), 1),
        ("dropped", ("view",), 1),
    }
    assert _paths(dropped) == {("dropped at purchase", (), 2)}


def test_flows_of_the_listed_paths(events: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Journey(events) as journey:
        dropped = journey.paths(funnel=FUNNEL, dropped_at=3, length=2, collapse=False, flows=True)
        everyone = journey.paths(length=2, collapse=False, flows=True).to_dict()
    assert dropped.to_dict()["flows"] == [
        {"position": 1, "source": "faq", "target": "home", "count": 1}
    ]
    first_links = {(f["source"], f["target"]): f["count"] for f in everyone["flows"]}
    # bea, luis, eva: view → cart; ana: home → view; teo: view → faq; sol: home → faq
    assert first_links == {
        ("view", "cart"): 3,
        ("home", "view"): 1,
        ("view", "faq"): 1,
        ("home", "faq"): 1,
    }
    assert "flows" not in journey_without_flows(events)
    code = run(["paths", str(events), "--flows", "--length", "2"])
    assert code == 0 and "flows (Sankey links)" in capsys.readouterr().out


def journey_without_flows(events: Path) -> dict[str, object]:
    with Journey(events) as journey:
        return journey.paths(length=2).to_dict()
