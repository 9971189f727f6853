"""Drop-off and where the lost went next, on every backend against the plain-Python
reference, and their SQL snapshots."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

import ibis
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recorrido.analysis.dropoff import END, dropoff, lost_next, reach
from recorrido.analysis.frame import journey_events_table
from tests.reference import dropoff as ref
from tests.reference.paths import START, event_row

from .harness import assert_sql_snapshot, normalise, run_on

Build = Callable[[ibis.Table], ibis.Table]
Row = dict[str, Any]
ANALYTICS: dict[str, tuple[Build, Callable[[Sequence[Row]], list[Row]]]] = {
    "dropoff": (dropoff, ref.dropoff),
    "lost_next": (lost_next, ref.lost_next),
    "reach": (reach, ref.reach),
}
CONVERSIONS = ("buy", "order")


def at(minutes: float) -> dt.datetime:
    return START + dt.timedelta(minutes=minutes)


def ev(person: str | None, label: str | None, minutes: float, seq: int) -> Row:
    """An event of ``person`` (also its unit) at ``label``, ``minutes`` after START."""
    return event_row(person, label, at(minutes), seq)


def converting(labels: Sequence[str], analytic: Build) -> Build:
    """``analytic`` over the events, ``converts`` set on those at one of ``labels``."""
    return lambda t: analytic(t.mutate(converts=t.label.isin(list(labels))))


def flagged(rows: Sequence[Row], labels: Sequence[str]) -> list[Row]:
    """``rows`` with ``converts`` as the backends compute it, for the reference."""
    return [{**r, "converts": None if r["label"] is None else r["label"] in labels} for r in rows]


WORLD = [
    # bea: three places at one ts, seq orders them (not the label): cart, home, help.
    ev("bea", "home", 0, 12), ev("bea", "cart", 0, 11), ev("bea", "help", 0, 13),
    # cy: buys at the ts of the home visit but before it (lower seq): lost at home only.
    ev("cy", "cart", 10, 21), ev("cy", "buy", 20, 22), ev("cy", "home", 20, 23),
    # dan: the only event after the first cart visit is at the cart again: (end).
    # The help event has no person: ignored, so it is not dan's next place after the cart.
    ev("dan", "home", 0, 31), ev("dan", "cart", 1, 32), ev("dan", "cart", 2, 33),
    {**ev("dan", "help", 1.5, 34), "person": None},
    # eva: a repeat cart visit is skipped: cart → home, then home → cart.
    ev("eva", "cart", 0, 41), ev("eva", "cart", 1, 42), ev("eva", "home", 2, 43),
    ev("eva", "cart", 3, 44),
    # fay: an unlabelled event between home and cart is ignored.
    ev("fay", "home", 0, 51), ev("fay", None, 1, 52), ev("fay", "cart", 2, 53),
    # No person at all: ignored (not one more visit of home, nor a buyer).
    ev(None, "home", 0, 61), ev(None, "buy", 1, 62),
    # gus: several conversions (buy, order, buy again): lost only at help, after the last.
    ev("gus", "buy", 0, 71), ev("gus", "home", 1, 72), ev("gus", "order", 2, 73),
    ev("gus", "cart", 3, 74), ev("gus", "buy", 4, 75), ev("gus", "help", 5, 76),
    # hal: the first home visit came before the purchase: home is not lost, cart is.
    ev("hal", "home", 0, 81), ev("hal", "buy", 1, 82), ev("hal", "home", 2, 83),
    ev("hal", "cart", 3, 84),
    # ivy: converts with an order first, then is lost at cart (→ home) and home (→ end).
    ev("ivy", "order", 0, 91), ev("ivy", "cart", 1, 92), ev("ivy", "home", 2, 93),
    # jo: cart and help at the same (ts, seq): the label orders them (cart, then help), so
    # jo goes from cart to help, and from help to (end).
    ev("jo", "home", 0, 101), ev("jo", "help", 1, 102), ev("jo", "cart", 1, 102),
]  # fmt: skip

EXPECTED = {
    "dropoff": [
        {"label": "buy", "people": 3, "lost": 0},  # cy, gus, hal
        {"label": "cart", "people": 9, "lost": 7},  # saved: cy, gus
        {"label": "help", "people": 3, "lost": 3},  # bea, gus, jo
        {"label": "home", "people": 9, "lost": 7},  # saved: gus, hal
        {"label": "order", "people": 2, "lost": 0},  # gus, ivy
    ],
    "reach": [
        {"label": "buy", "people": 3},
        {"label": "cart", "people": 9},
        {"label": "help", "people": 3},
        {"label": "home", "people": 9},
        {"label": "order", "people": 2},
    ],
    "lost_next": [
        {"label": "cart", "next": END, "people": 3},  # dan, fay, hal
        {"label": "cart", "next": "help", "people": 1},  # jo
        {"label": "cart", "next": "home", "people": 3},  # bea, eva, ivy
        {"label": "help", "next": END, "people": 3},  # bea, gus, jo
        {"label": "home", "next": END, "people": 2},  # cy, ivy
        {"label": "home", "next": "cart", "people": 4},  # dan, eva, fay, jo
        {"label": "home", "next": "help", "people": 1},  # bea
    ],
}


@pytest.mark.parametrize("name", sorted(ANALYTICS))
def test_the_reference_agrees_with_the_hand_written_answers(name: str) -> None:
    reference = ANALYTICS[name][1]
    assert normalise(reference(flagged(WORLD, CONVERSIONS))) == normalise(EXPECTED[name])


@pytest.mark.parametrize("name", sorted(ANALYTICS))
def test_hand_written_journeys(backend: str, name: str) -> None:
    got = run_on(backend, converting(CONVERSIONS, ANALYTICS[name][0]), WORLD)
    assert got == normalise(EXPECTED[name])


PEOPLE = {"ana": "ana", "ana#2": "ana", "bo": "bo", "cy": "cy", "zed": None}
"""Units: two sessions of one person, single-session people and one without a person."""


@st.composite
def journeys(draw: st.DrawFn) -> tuple[list[Row], list[str]]:
    """Small journeys with equal timestamps and seqs, NULL labels and persons, and the
    labels that convert."""
    event = st.tuples(
        st.sampled_from(sorted(PEOPLE)),
        st.sampled_from(["a", "b", "buy", None]),
        st.sampled_from([0, 0, 1, 2]),
        st.integers(0, 3),
    )
    rows = [
        {**ev(unit, label, minutes, seq), "person": PEOPLE[unit]}
        for unit, label, minutes, seq in draw(st.lists(event, min_size=1, max_size=14))
    ]
    return rows, draw(st.sampled_from([["buy"], ["buy", "a"]]))


@settings(
    max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(world=journeys())
def test_generated_journeys(backend: str, world: tuple[list[Row], list[str]]) -> None:
    rows, labels = world
    for analytic, reference in ANALYTICS.values():
        got = run_on(backend, converting(labels, analytic), rows)
        assert got == normalise(reference(flagged(rows, labels)))


@pytest.mark.parametrize("name", sorted(ANALYTICS))
def test_empty_input(backend: str, name: str) -> None:
    assert run_on(backend, converting(CONVERSIONS, ANALYTICS[name][0]), []) == []


@pytest.mark.parametrize("name", sorted(ANALYTICS))
def test_sql_snapshot(name: str) -> None:
    analytic = converting(["order_completed"], ANALYTICS[name][0])
    assert_sql_snapshot(name, analytic(journey_events_table()))
