"""Routes of the map: who took them (their steps in order) and who converted afterwards."""

from __future__ import annotations

import datetime as dt
from typing import Any

import ibis
import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.analysis.test_fitness import CON, START, by_key, journeys
from tests.reference.routes import reference_route_totals, reference_route_units

from recorrido.analysis.frame import JOURNEY_EVENTS
from recorrido.analysis.routes import route_totals, route_units

DIRECT = ["home", "cart", "order"]


def run(build: Any, rows: list[dict[str, object]]) -> list[dict[str, object]]:
    table = ibis.memtable(pa.Table.from_pylist(rows, schema=JOURNEY_EVENTS.to_pyarrow()))
    return by_key(CON.to_pyarrow(build(table)).to_pylist())


def minute(n: int) -> dt.datetime:
    return START + dt.timedelta(minutes=n)


def test_the_route_s_steps_in_order_with_other_events_between() -> None:
    rows = journeys(
        {
            "ana": ["home", "cart", "order"],
            "eva": ["home", "blog", "cart", "blog", "order", "chat"],
            "luis": ["cart", "home", "order"],  # cart before home: not this route
            "rio": ["home", "cart", "home", "cart"],  # no order
        }
    )
    assert run(lambda t: route_units(t, DIRECT), rows) == [
        {"unit": "ana", "started": minute(0), "completed": minute(2)},
        {"unit": "eva", "started": minute(0), "completed": minute(4)},
    ]


def test_one_event_never_serves_two_steps() -> None:
    rows = journeys({"ana": ["home", "cart"], "eva": ["home", "home"], "sol": ["home"]})
    assert [r["unit"] for r in run(lambda t: route_units(t, ["home", "home"]), rows)] == ["eva"]


def test_converted_means_a_conversion_at_or_after_completing_the_route() -> None:
    rows = journeys(
        {
            "ana": ["order", "chat"],  # took the support route after ordering: not converted
            "eva": ["order", "chat", "order"],  # ordered again after the chat
            "luz": ["chat", "order"],  # never took the route
        }
    )
    route = ["order", "chat"]

    def totals(table: Any) -> Any:
        return route_totals(route_units(table, route), table.filter(table.label == "order"))

    assert run(totals, rows) == [{"units": 2, "converted": 1}]
    assert reference_route_totals(rows, route, "order") == {"units": 2, "converted": 1}
    ends_at_conversion = ["chat", "order"]
    assert run(
        lambda t: route_totals(route_units(t, ends_at_conversion), t.filter(t.label == "order")),
        rows,
    ) == [{"units": 2, "converted": 2}]
    assert run(lambda t: route_totals(route_units(t, route), None), rows) == [
        {"units": 2, "converted": None}
    ]


def test_no_unit_took_the_route() -> None:
    rows = journeys({"ana": ["home"]})
    assert run(lambda t: route_units(t, DIRECT), rows) == []
    units = lambda t: route_totals(route_units(t, DIRECT), t.filter(t.label == "order"))  # noqa: E731
    assert run(units, rows) == [{"units": 0, "converted": 0}]


streams = st.dictionaries(
    st.sampled_from(["u1", "u2", "u3"]),
    st.lists(st.sampled_from(["home", "cart", "order", "blog", None]), max_size=10),
    max_size=3,
)
routes = st.lists(st.sampled_from(["home", "cart", "order"]), min_size=2, max_size=3)


@settings(max_examples=40, deadline=None)
@given(spec=streams, same_time=st.booleans(), steps=routes)
def test_duckdb_equals_the_reference(
    spec: dict[str, list[str | None]], same_time: bool, steps: list[str]
) -> None:
    rows = journeys(spec, same_time=same_time)
    assert run(lambda t: route_units(t, steps), rows) == by_key(reference_route_units(rows, steps))

    def totals(table: Any) -> Any:
        return route_totals(route_units(table, steps), table.filter(table.label == "order"))

    assert run(totals, rows) == [reference_route_totals(rows, steps, "order")]

    def from_latest(table: Any) -> Any:  # as Journey.routes passes them: the latest per unit
        orders = table.filter(table.label == "order")
        latest = orders.group_by("unit").aggregate(ts=orders.ts.max())
        return route_totals(route_units(table, steps), latest)

    assert run(from_latest, rows) == [reference_route_totals(rows, steps, "order")]
