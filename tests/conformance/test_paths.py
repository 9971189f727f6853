"""Transitions, paths, flows and variants agree with the reference on every backend."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

import ibis
import pytest

from recorrido.analysis.frame import JOURNEY_EVENTS
from recorrido.analysis.paths import collapse_repeats, path_flows, top_paths
from recorrido.analysis.transitions import starts_and_ends, transitions
from recorrido.analysis.variants import variants
from tests.conformance.harness import normalise, run_on
from tests.reference import paths as ref
from tests.reference.paths import START, event_row, journey_rows

WITH_FLAG = ibis.schema({**dict(JOURNEY_EVENTS.items()), "converted": "boolean"})


def at(seconds: float) -> dt.datetime:
    return START + dt.timedelta(seconds=seconds)


SHOP = journey_rows(
    {
        "ana": ["ad_click", "view", "view", "cart"],
        "bo": ["view", "cart"],
        "cy": ["view"],
        "di": ["ad_click", "view", "cart", None],
    }
)
SEARCH = journey_rows(
    {
        "ana": ["home", "search", "view", "search", "cart"],
        "bo": ["search", "cart"],
        "cy": ["home", "view"],
        "di": ["cart", "view"],
        "ed": ["search", "view"],
        "fa": ["cart", "search"],
    }
)
TIMED = [
    event_row("ana#1", "view", at(0), 1, person="ana"),
    event_row("ana#1", "cart", at(60), 2, person="ana"),
    event_row("ana#1", "view", at(180), 3, person="ana"),
    event_row("ana#1", "cart", at(210.5), 4, person="ana"),
    event_row("ana#2", "view", at(7200), 5, person="ana"),
    event_row("ana#2", "cart", at(7200.000001), 6, person="ana"),
    event_row("zed", "view", at(0), 7, person=None),
    event_row("zed", "view", at(0), 8, person=None),
    event_row("zed", "home", at(5), 9, person=None),
    event_row(None, "home", at(5), 10),
    # Equal timestamps: seq orders them, then the label.
    event_row("tie", "view", at(0), 12),
    event_row("tie", "cart", at(0), 11),
    event_row("tie", "home", at(0), 11),
]
RARE = journey_rows(
    {"u1": ["a", "b", "c"], "u2": ["a", "b", "d"], "u3": ["a", "b", "c"], "u4": ["a", "e"]}
)
LONG = journey_rows(
    {
        "ana": ["a", "b", "b", "c"],
        "bo": ["a", "b", "c"],
        "cy": ["a", "b", "c", "d", "e"],
        "di": ["a", "b", "c", "d", "f"],
        "ed": [None],
    }
)
FLAGGED = [
    {**row, "converted": row["label"] == "purchase" if row["label"] else None}
    for row in journey_rows(
        {
            "ana": ["view", "cart", "purchase"],
            "bo": ["view", "cart"],
            "cy": ["view", "cart", "purchase"],
            "di": ["view", None],
        }
    )
]

Build = Callable[[ibis.Table], ibis.Table]
Reference = Callable[[Sequence[dict[str, Any]]], list[dict[str, Any]]]


def paths_case(rows: list[dict[str, Any]], **options: Any) -> tuple[Any, Build, Reference]:
    return (
        rows,
        lambda t: top_paths(t, **options),
        lambda r: ref.top_paths(r, **options),
    )


CASES: dict[str, tuple[list[dict[str, Any]], Build, Reference]] = {
    "transitions": (TIMED, transitions, ref.transitions),
    "transitions_collapsed": (
        TIMED,
        lambda t: transitions(t, collapse=True),
        lambda r: ref.transitions(r, collapse=True),
    ),
    "transitions_counts": (
        TIMED,
        lambda t: transitions(t, collapse=True, durations=False),
        lambda r: [
            {**e, "median_seconds": None, "p95_seconds": None}
            for e in ref.transitions(r, collapse=True)
        ],
    ),
    "starts_and_ends": (TIMED, starts_and_ends, ref.starts_and_ends),
    "paths_first": paths_case(SHOP, length=3),
    "paths_first_uncollapsed": paths_case(SHOP, length=3, collapse=False),
    "paths_ties": paths_case(TIMED, length=3),
    "paths_start": paths_case(SEARCH, length=3, start="search"),
    "paths_end": paths_case(SEARCH, length=3, end="cart"),
    "paths_before": paths_case(SEARCH, length=2, before="cart"),
    "paths_after_last": paths_case(SEARCH, length=2, after_last="search"),
    "paths_between": paths_case(SEARCH, length=3, start="search", end="cart"),
    "paths_loop": paths_case(SEARCH, length=4, start="search", end="search"),
    "paths_rare": paths_case(RARE, length=3, min_share=0.1),
    "flows": (
        SHOP,
        lambda t: path_flows(t, length=3),
        lambda r: ref.path_flows(r, length=3),
    ),
    "flows_end": (
        SEARCH,
        lambda t: path_flows(t, length=3, end="cart", min_share=0.2),
        lambda r: ref.path_flows(r, length=3, end="cart", min_share=0.2),
    ),
    "variants": (
        LONG,
        lambda t: variants(t, max_length=3),
        lambda r: ref.variants(r, max_length=3),
    ),
    "variants_uncollapsed": (
        LONG,
        lambda t: variants(t, max_length=4, collapse=False),
        lambda r: ref.variants(r, max_length=4, collapse=False),
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_matches_the_reference(backend: str, case: str) -> None:
    rows, build, reference = CASES[case]
    expected = normalise(reference(rows))
    assert expected, "a case with an empty answer proves little"
    assert run_on(backend, build, rows) == expected


def test_group_by_a_flag(backend: str) -> None:
    options: dict[str, Any] = {"length": 2, "group_by": "converted"}
    got = run_on(backend, lambda t: top_paths(t, **options), FLAGGED, schema=WITH_FLAG)
    assert got == normalise(ref.top_paths(FLAGGED, **options))


def test_collapse_repeats(backend: str) -> None:
    rows = [
        *journey_rows({"ana": ["a", None, None, "a", "a", "b"]}),
        event_row(None, "a", START, 9),
    ]
    got = run_on(backend, lambda t: collapse_repeats(t).select("unit", "seq", "label"), rows)
    assert got == [
        {"unit": "ana", "seq": 1, "label": "a"},
        {"unit": "ana", "seq": 2, "label": None},
        {"unit": "ana", "seq": 4, "label": "a"},
        {"unit": "ana", "seq": 6, "label": "b"},
    ]


EMPTY: dict[str, Build] = {
    "transitions": transitions,
    "starts_and_ends": starts_and_ends,
    "paths": lambda t: top_paths(t, length=2, start="a", min_share=0.1),
    "flows": lambda t: path_flows(t, length=2),
    "variants": lambda t: variants(t, max_length=2),
}


@pytest.mark.parametrize("analytic", list(EMPTY))
def test_empty_input(backend: str, analytic: str) -> None:
    assert run_on(backend, EMPTY[analytic], []) == []
