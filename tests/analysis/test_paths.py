"""Top paths, Sankey flows, variants and the collapse of consecutive repeats."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

import ibis
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.reference import paths as ref
from tests.reference.paths import START, event_row, journey_rows

from recorrido.analysis.frame import JOURNEY_EVENTS
from recorrido.analysis.paths import OTHER, collapse_repeats, path_flows, top_paths
from recorrido.analysis.variants import variants
from recorrido.errors import UsageError

CON = ibis.duckdb.connect()
SCHEMA = JOURNEY_EVENTS.to_pyarrow().append(pa.field("converted", pa.bool_()))

Build = Callable[[ibis.Table], ibis.Table]


def table(rows: Sequence[dict[str, Any]]) -> ibis.Table:
    rows = [{"converted": None, **r} for r in rows]
    return ibis.memtable(pa.Table.from_pylist(rows, schema=SCHEMA))


def run(build: Build, rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    return CON.to_pyarrow(build(table(rows))).to_pylist()


def paths(
    rows: Sequence[dict[str, Any]], **options: Any
) -> list[tuple[tuple[str | None, ...], int]]:
    """``top_paths`` as ``[((step_1, …), count), …]`` in the order returned."""
    result = run(lambda t: top_paths(t, **options), rows)
    return [(tuple(v for k, v in r.items() if k.startswith("step_")), r["count"]) for r in result]


SHOP = {
    "ana": ["ad_click", "view", "view", "cart"],
    "bo": ["view", "cart"],
    "cy": ["view"],
    "di": ["ad_click", "view", "cart", "purchase"],
}


def test_first_steps_collapse_repeats_and_pad_short_journeys_with_null() -> None:
    rows = journey_rows(SHOP)
    result = run(lambda t: top_paths(t, length=3), rows)
    assert result == [
        {"step_1": "ad_click", "step_2": "view", "step_3": "cart", "count": 2, "share": 0.5},
        {"step_1": "view", "step_2": None, "step_3": None, "count": 1, "share": 0.25},
        {"step_1": "view", "step_2": "cart", "step_3": None, "count": 1, "share": 0.25},
    ]
    assert paths(rows, length=3, collapse=False) == [
        (("ad_click", "view", "cart"), 1),
        (("ad_click", "view", "view"), 1),
        (("view", None, None), 1),
        (("view", "cart", None), 1),
    ]


def test_equal_timestamps_are_ordered_by_seq_then_label() -> None:
    rows = [
        event_row("ana", "ad_click", START, 3),
        event_row("ana", "view", START, 1),
        event_row("ana", "cart", START, 2),
        # Same ts and seq: the label breaks the tie.
        event_row("bo", "view", START, 7),
        event_row("bo", "cart", START, 7),
    ]
    assert paths(rows, length=3) == [
        (("cart", "view", None), 1),
        (("view", "cart", "ad_click"), 1),
    ]


def test_unmapped_events_are_a_step_and_events_without_a_unit_are_dropped() -> None:
    rows = [*journey_rows({"ana": [None, None, "view"]}), event_row(None, "cart", START, 9)]
    assert paths(rows, length=2) == [(("(unmapped)", "view"), 1)]


def test_one_event_units_and_empty_input() -> None:
    assert paths(journey_rows({"ana": ["view"]}), length=2) == [(("view", None), 1)]
    for build in (
        lambda t: top_paths(t, length=2),
        lambda t: path_flows(t, length=2),
        lambda t: variants(t, max_length=2),
        collapse_repeats,
    ):
        assert run(build, []) == []


SEARCH = {
    "ana": ["home", "search", "view", "search", "cart"],
    "bo": ["search", "cart"],
    "cy": ["home", "view"],
    "di": ["cart", "view"],
    "ed": ["search", "view"],
    "fa": ["cart", "search"],
}


def test_start_takes_the_steps_from_the_first_occurrence() -> None:
    assert paths(journey_rows(SEARCH), length=3, start="search") == [
        (("search", None, None), 1),  # fa
        (("search", "cart", None), 1),  # bo
        (("search", "view", None), 1),  # ed
        (("search", "view", "search"), 1),  # ana
    ]


def test_end_takes_the_steps_up_to_the_first_occurrence_right_aligned() -> None:
    assert paths(journey_rows(SEARCH), length=3, end="cart") == [
        ((None, None, "cart"), 2),  # di, fa
        ((None, "search", "cart"), 1),  # bo
        (("view", "search", "cart"), 1),  # ana: its first cart
    ]


def test_before_takes_the_steps_before_the_first_occurrence_excluding_it() -> None:
    assert paths(journey_rows(SEARCH), length=2, before="cart") == [
        ((None, None), 2),  # di and fa start at cart: the empty path
        ((None, "search"), 1),  # bo
        (("view", "search"), 1),  # ana
    ]


def test_after_last_shows_where_dropped_units_went_next() -> None:
    rows = journey_rows(
        {
            "ana": ["view", "cart", "view", "cart", "home", "search"],
            "bo": ["view", "cart", "purchase"],
            "cy": ["view", "cart"],
            "di": ["view"],
        }
    )

    def dropped_at_cart(t: ibis.Table) -> ibis.Table:
        bought = t.filter(t.label == "purchase").select(_unit="unit").distinct()
        dropped = t.anti_join(bought, t.unit == bought._unit)
        return top_paths(dropped, length=2, after_last="cart")

    assert [
        (tuple(v for k, v in r.items() if k.startswith("step_")), r["count"])
        for r in run(dropped_at_cart, rows)
    ] == [
        ((None, None), 1),  # cy left after the cart
        (("home", "search"), 1),  # ana, after her last cart
    ]


def test_start_and_end_take_the_steps_between_them() -> None:
    rows = journey_rows(SEARCH)
    # ed never reaches cart and fa's only cart is before its search: no path.
    assert paths(rows, length=4, start="search", end="cart") == [
        (("search", "cart", None, None), 1),
        (("search", "view", "search", "cart"), 1),
    ]
    # Longer segments are cut to their first `length` steps (step_N is then not `end`).
    assert paths(rows, length=3, start="search", end="cart") == [
        (("search", "cart", None), 1),
        (("search", "view", "search"), 1),
    ]
    # The end is the first one after the start, so start == end is a loop back to it.
    assert paths(rows, length=4, start="search", end="search") == [
        (("search", "view", "search", None), 1)
    ]


RARE = {"u1": ["a", "b", "c"], "u2": ["a", "b", "d"], "u3": ["a", "b", "c"], "u4": ["a", "e"]}


def test_rare_labels_become_other_by_their_share_of_path_steps() -> None:
    # Steps: a ×4, b ×3, c ×2, d ×1, e ×1 of 11. Below 10 % (1.1 steps): d and e.
    assert paths(journey_rows(RARE), length=3, min_share=0.1) == [
        (("a", "b", "c"), 2),
        (("a", OTHER, None), 1),  # "(other)" sorts before letters
        (("a", "b", OTHER), 1),
    ]
    assert paths(journey_rows(RARE), length=3, min_share=0.2) == [
        (("a", "b", OTHER), 3),
        (("a", OTHER, None), 1),
    ]


def test_group_by_a_flag_compares_converted_and_dropped_units() -> None:
    rows = journey_rows(
        {
            "ana": ["view", "cart", "purchase"],
            "bo": ["view", "cart"],
            "cy": ["view", "cart", "purchase"],
            "di": ["view", None],
        }
    )

    def build(t: ibis.Table) -> ibis.Table:
        # The flag is true on the purchase only: a unit's group is its largest value.
        return top_paths(t.mutate(converted=t.label == "purchase"), length=2, group_by="converted")

    assert run(build, rows) == [
        {"converted": True, "step_1": "view", "step_2": "cart", "count": 2, "share": 1.0},
        {"converted": False, "step_1": "view", "step_2": "(unmapped)", "count": 1, "share": 0.5},
        {"converted": False, "step_1": "view", "step_2": "cart", "count": 1, "share": 0.5},
    ]


def test_flows_link_consecutive_steps_for_a_sankey() -> None:
    assert run(lambda t: path_flows(t, length=3), journey_rows(SHOP)) == [
        {"position": 1, "source": "ad_click", "target": "view", "count": 2},
        {"position": 1, "source": "view", "target": "cart", "count": 1},
        {"position": 2, "source": "view", "target": "cart", "count": 2},
    ]
    # Right-aligned paths: the NULL steps of short journeys make no link.
    assert run(lambda t: path_flows(t, length=3, end="cart"), journey_rows(SEARCH)) == [
        {"position": 1, "source": "view", "target": "search", "count": 1},
        {"position": 2, "source": "search", "target": "cart", "count": 2},
    ]


def test_collapse_repeats_keeps_the_first_of_each_run_and_null_labels() -> None:
    rows = [
        *journey_rows({"ana": ["a", None, None, "a", "a", "b"]}),
        event_row(None, "a", START, 99),
    ]
    kept = run(collapse_repeats, rows)
    assert [(r["seq"], r["label"]) for r in sorted(kept, key=lambda r: r["seq"])] == [
        (1, "a"),
        (2, None),
        (4, "a"),
        (6, "b"),
    ]
    assert list(kept[0]) == [*SCHEMA.names]


def test_variants_are_exact_up_to_max_length_then_truncated() -> None:
    rows = journey_rows(
        {
            "ana": ["a", "b", "b", "c"],
            "bo": ["a", "b", "c"],
            "cy": ["a", "b", "c", "d", "e"],
            "di": ["a", "b", "c", "d", "f"],
            "ed": ["a"],
        }
    )
    result = run(lambda t: variants(t, max_length=3), rows)
    assert [
        (r["step_1"], r["step_2"], r["step_3"], r["truncated"], r["count"], r["share"])
        for r in result
    ] == [
        ("a", "b", "c", False, 2, 0.4),
        ("a", "b", "c", True, 2, 0.4),
        ("a", None, None, False, 1, 0.2),
    ]
    uncollapsed = run(lambda t: variants(t, max_length=4, collapse=False), rows)
    assert [(r["step_3"], r["step_4"], r["truncated"], r["count"]) for r in uncollapsed] == [
        ("c", "d", True, 2),
        (None, None, False, 1),
        ("b", "c", False, 1),
        ("c", None, False, 1),
    ]


@pytest.mark.parametrize(
    ("options", "code"),
    [
        ({"length": 0}, "usage_path_length"),
        ({"length": 2, "start": "a", "before": "b"}, "usage_path_anchors"),
        ({"length": 2, "end": "a", "after_last": "b"}, "usage_path_anchors"),
        ({"length": 2, "min_share": 1.5}, "usage_min_share"),
        ({"length": 2, "group_by": "convertd"}, "usage_unknown_column"),
        ({"length": 2, "group_by": "share"}, "usage_unknown_column"),
    ],
)
def test_bad_options_are_usage_errors(options: dict[str, Any], code: str) -> None:
    with pytest.raises(UsageError) as raised:
        top_paths(table([]), **options)
    assert raised.value.code == code
    with pytest.raises(UsageError, match="did you mean 'converted'"):
        top_paths(table([]), length=2, group_by="convertd")
    with pytest.raises(UsageError, match="max_length 0"):
        variants(table([]), max_length=0)


# -- against the reference ------------------------------------------------------------------

ANCHORS = st.sampled_from(
    [
        {},
        {"start": "a"},
        {"end": "b"},
        {"before": "c"},
        {"after_last": "a"},
        {"start": "a", "end": "b"},
        {"start": "b", "end": "b"},
    ]
)
OPTIONS = st.fixed_dictionaries(
    {"length": st.integers(1, 4), "collapse": st.booleans()},
    optional={"min_share": st.sampled_from([0.1, 0.25, 0.3]), "group_by": st.just("converted")},
)


@settings(max_examples=40, deadline=None)
@given(rows=ref.event_streams(), anchors=ANCHORS, options=OPTIONS)
def test_top_paths_match_the_reference(
    rows: list[dict[str, Any]], anchors: dict[str, str], options: dict[str, Any]
) -> None:
    assert run(lambda t: top_paths(t, **anchors, **options), rows) == ref.top_paths(
        rows, **anchors, **options
    )


@settings(max_examples=25, deadline=None)
@given(rows=ref.event_streams(), anchors=ANCHORS, options=OPTIONS)
def test_path_flows_match_the_reference(
    rows: list[dict[str, Any]], anchors: dict[str, str], options: dict[str, Any]
) -> None:
    options.pop("group_by", None)
    assert run(lambda t: path_flows(t, **anchors, **options), rows) == ref.path_flows(
        rows, **anchors, **options
    )


@settings(max_examples=25, deadline=None)
@given(rows=ref.event_streams(), max_length=st.integers(1, 4), collapse=st.booleans())
def test_variants_match_the_reference(
    rows: list[dict[str, Any]], max_length: int, collapse: bool
) -> None:
    assert run(lambda t: variants(t, max_length=max_length, collapse=collapse), rows) == (
        ref.variants(rows, max_length=max_length, collapse=collapse)
    )


def test_durations_do_not_matter_to_paths() -> None:
    """Paths read only the order: one event a day apart or a microsecond apart is alike."""
    slow = journey_rows({"ana": ["a", "b"]}, step=dt.timedelta(days=1))
    fast = journey_rows({"ana": ["a", "b"]}, step=dt.timedelta(microseconds=1))
    assert paths(slow, length=2) == paths(fast, length=2) == [(("a", "b"), 1)]
