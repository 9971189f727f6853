"""First- and last-touch channels of a funnel's units on DuckDB: hand-written journeys, bad
input, and a property test against the plain-Python reference (tests/reference/)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import ibis
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from tests.analysis.test_funnel import event_streams, ordered, specs
from tests.reference.funnel import journey_rows, reference_funnel
from tests.reference.funnel_extras import reference_touches

from recorrido.analysis.attribution import funnel_touches
from recorrido.analysis.frame import JOURNEY_EVENTS
from recorrido.analysis.funnel import FunnelSpec, funnel_steps, funnel_units
from recorrido.errors import UsageError

ARROW_SCHEMA = JOURNEY_EVENTS.to_pyarrow()
VIEW_CART_BUY = FunnelSpec(("view", "cart", "purchase"))


def no(label: str, seconds: int) -> tuple[str, int, dict[str, Any]]:
    """An event without a channel."""
    return (label, seconds, {"channel": None})


def on(label: str, seconds: int, channel: str) -> tuple[str, int, dict[str, Any]]:
    return (label, seconds, {"channel": channel})


# ana: first touch the ad; the purchase has no channel, so her last touch before converting
# is the email. ben: his only channel comes after his furthest step (cart). cris: no channel
# at all. dani: a chat in the same second as her cart, ingested after it, still counts.
# eva never viewed: not in the closed funnel.
JOURNEYS = {
    "ana": [
        on("ad_click", 0, "ads"),
        on("view", 60, "web"),
        on("cart", 120, "web"),
        on("email_open", 180, "email"),
        no("purchase", 240),
        on("review", 300, "store"),
    ],
    "ben": [no("view", 0), no("cart", 60), on("social_post", 300, "social")],
    "cris": [no("view", 0)],
    "dani": [on("view", 0, "search"), no("cart", 60), on("chat", 60, "phone")],
    "eva": [on("cart", 0, "web")],
}


@pytest.fixture(scope="module")
def con() -> Any:
    return ibis.duckdb.connect()


def table(rows: Sequence[dict[str, Any]]) -> ibis.Table:
    return ibis.memtable(pa.Table.from_pylist(list(rows), schema=ARROW_SCHEMA))


def touches(con: Any, rows: Sequence[dict[str, Any]], spec: FunnelSpec) -> list[dict[str, Any]]:
    events = table(rows)
    return ordered(
        con.to_pyarrow(funnel_touches(events, funnel_units(events, spec), spec)).to_pylist(),
        ["unit"],
    )


def test_first_and_last_touch_of_hand_written_journeys(con: Any) -> None:
    got = {
        u["unit"]: (u["first_touch"], u["last_touch"])
        for u in touches(con, journey_rows(JOURNEYS), VIEW_CART_BUY)
    }
    assert got == {
        "ana": ("ads", "email"),
        "ben": ("social", "(none)"),
        "cris": ("(none)", "(none)"),
        "dani": ("search", "phone"),
    }


@pytest.mark.parametrize(
    ("touch", "counts"),
    [
        (
            "first_touch",
            {"(none)": [1, 0, 0], "ads": [1, 1, 1], "search": [1, 1, 0], "social": [1, 1, 0]},
        ),
        ("last_touch", {"(none)": [2, 1, 0], "email": [1, 1, 1], "phone": [1, 1, 0]}),
    ],
)
def test_step_counts_by_touch(con: Any, touch: str, counts: dict[str, list[int]]) -> None:
    events = table(journey_rows(JOURNEYS))
    units = funnel_touches(events, funnel_units(events, VIEW_CART_BUY), VIEW_CART_BUY)
    steps = con.to_pyarrow(funnel_steps(units, VIEW_CART_BUY, breakdown=touch)).to_pylist()
    got: dict[str, list[int]] = {}
    for row in steps:
        got.setdefault(row[touch], []).append(row["count"])
    assert got == counts


def test_open_funnel_last_touch_is_read_at_the_furthest_step(con: Any) -> None:
    # kike enters the open funnel at cart and converts; his touch after the purchase is not
    # his last touch.
    rows = journey_rows(
        {"kike": [on("cart", 0, "app"), on("purchase", 60, "web"), on("survey", 120, "email")]}
    )
    spec = FunnelSpec(("view", "cart", "purchase"), open=True)
    assert [(u["first_touch"], u["last_touch"]) for u in touches(con, rows, spec)] == [
        ("app", "web")
    ]


def test_no_units_no_rows(con: Any) -> None:
    assert touches(con, journey_rows({"eva": ["cart"]}), VIEW_CART_BUY) == []


def test_bad_input_is_refused() -> None:
    events = ibis.table(JOURNEY_EVENTS, name="journey_events")
    units = funnel_units(events, VIEW_CART_BUY)
    with pytest.raises(
        UsageError, match=r"no column 'channel'.*read the channel of every event"
    ) as raised:
        funnel_touches(events.drop("channel"), units, VIEW_CART_BUY)
    assert raised.value.code == "funnel_touch_events"
    with pytest.raises(UsageError, match="no column 'step_3_ts'"):
        funnel_touches(events, funnel_units(events, FunnelSpec(("view", "cart"))), VIEW_CART_BUY)
    with pytest.raises(UsageError, match="already has a column 'first_touch'"):
        funnel_touches(events, units.mutate(first_touch=units.unit), VIEW_CART_BUY)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=event_streams(), spec=specs())
def test_touches_match_the_reference(
    con: Any, rows: list[dict[str, Any]], spec: FunnelSpec
) -> None:
    units, _ = reference_funnel(rows, spec)
    assert touches(con, rows, spec) == ordered(reference_touches(rows, units), ["unit"])
