"""Pain points: the drop-off per place on small journeys, and the sample world's planted
truths (the web checkout first, the centro café above the other cafés)."""

from __future__ import annotations

from collections.abc import Iterator

import ibis
import pytest

from recorrido import Journey
from recorrido._painpoints import _comments, painpoints, severity
from recorrido.analysis.dropoff import END, dropoff, lost_next
from tests.conftest import sample_store


def _events(journeys: dict[str, list[str]], conversion: str = "buy") -> ibis.Table:
    rows = [
        {"person": p, "ts": f"2026-03-01 10:{i:02d}:00", "seq": n * 100 + i, "label": step}
        for n, (p, steps) in enumerate(journeys.items())
        for i, step in enumerate(steps)
    ]
    table = ibis.memtable(rows).mutate(ts=ibis._.ts.cast("timestamp"))
    return table.mutate(converts=table.label == conversion)


def test_dropoff_counts_people_lost_after_their_first_visit() -> None:
    events = _events(
        {
            "ana": ["home", "cart", "buy"],
            "bea": ["home", "cart", "home"],  # never buys: lost at home and cart
            "carl": ["buy", "cart"],  # bought before the cart: lost at cart
        }
    )
    rows = {r["label"]: (r["people"], r["lost"]) for r in dropoff(events).to_pyarrow().to_pylist()}
    assert rows == {"home": (2, 1), "cart": (3, 2), "buy": (2, 0)}


def test_lost_next_is_the_next_other_place_or_the_end() -> None:
    events = _events({"bea": ["home", "home", "cart"], "dan": ["cart"]})
    rows = {
        (r["label"], r["next"]): r["people"] for r in lost_next(events).to_pyarrow().to_pylist()
    }
    assert rows == {("home", "cart"): 1, ("cart", END): 2}


def test_severity_renormalises_over_the_signals_present() -> None:
    assert severity({"drop": 0.5, "dissatisfied": None, "negative": None}) == 0.5
    assert severity({"drop": None, "dissatisfied": 0.2, "negative": 0.4}) == pytest.approx(0.3)
    assert severity({"drop": None, "dissatisfied": None, "negative": None}) is None


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Journey]:
    folder = tmp_path_factory.mktemp("altura")
    path = sample_store(folder, people=1500, seed=11)
    with Journey(path) as journey:
        yield journey


def test_the_checkout_is_the_worst_touchpoint(world: Journey) -> None:
    ranked = painpoints(world, {}).to_dict()["painpoints"]
    assert ranked[0]["touchpoint"] == "checkout"
    checkout = ranked[0]
    assert 0.38 <= checkout["drop_rate"] <= 0.52
    assert checkout["value_lost"] > 0
    assert len(checkout["evidence"]["negative_comments"]) == 3
    order = [r["touchpoint"] for r in ranked]
    assert order.index("cafe_centro") < min(order.index("cafe_norte"), order.index("cafe_playa"))


def test_stages_rank_the_purchase_first(world: Journey) -> None:
    ranked = painpoints(world, {"level": "stage", "top": 2}).to_dict()["painpoints"]
    assert ranked[0]["stage"] == "purchase"
    assert len(ranked) == 2


def test_a_places_comments_count_every_answer_holding_them() -> None:
    """Each distinct comment is analysed once and weighs as many answers as hold it."""
    entry = {
        "comments": [
            ("Muy lento el pago, horrible", "es", 3),  # negative: waiting time
            ("El pago tardó muchísimo y el personal fue grosero", "es", 1),  # + staff manners
            ("Great coffee, lovely staff", "en", 2),  # positive: not counted as negative
            ("Awful, rude staff", "en", 1),  # negative: staff manners
        ]
    }
    _comments(entry, min_sample=5)
    assert entry["comments"] == 7 and entry["negative_n"] == 5
    assert entry["themes"] == [
        {"theme": "waiting_time", "comments": 4},
        {"theme": "staff_manners", "comments": 2},
    ]
    # the most negative first, each text once
    assert entry["quotes"] == [
        "Awful, rude staff",
        "Muy lento el pago, horrible",
        "El pago tardó muchísimo y el personal fue grosero",
    ]
    empty: dict[str, object] = {"comments": []}
    _comments(empty, min_sample=5)
    assert empty == {"comments": 0, "negative_n": 0, "themes": [], "quotes": []}
