"""Journey order without the label: when ``seq`` never repeats (a store), every analysis that
sorts a unit's events gives the same result within ``unique_seq()`` as without it, and the
same again when the events carry their position (``Journey.cached()``'s file row)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ibis
import pyarrow as pa
import pytest
from hypothesis import given, settings
from tests.reference.paths import event_streams

from recorrido.analysis.attribution import funnel_touches
from recorrido.analysis.drivers import _visits
from recorrido.analysis.dropoff import dropoff, lost_next, visits_with_loss
from recorrido.analysis.fitness import (
    designed_steps,
    first_channels,
    journey_deviations,
    journey_fitness,
    stage_moves,
)
from recorrido.analysis.frame import JOURNEY_EVENTS
from recorrido.analysis.funnel import FunnelSpec, funnel_units
from recorrido.analysis.order import POSITION, first_rows, tie_breakers, unique_seq
from recorrido.analysis.paths import collapse_repeats, journey_steps, top_paths
from recorrido.analysis.repeat import repeat_purchases
from recorrido.analysis.retention import retention
from recorrido.analysis.transitions import transitions

CON = ibis.duckdb.connect()
SCHEMA = JOURNEY_EVENTS.to_pyarrow().append(pa.field("converted", pa.bool_()))
ORDER = ["a", "b", "c"]
TWO = FunnelSpec(steps=("a", "c"))


def _rows(table: pa.Table) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = table.to_pylist()
    return sorted(rows, key=lambda r: [(v is None, str(v)) for v in r.values()])


ANALYSES: dict[str, Callable[[Any], Any]] = {
    "funnel": lambda t: funnel_units(t, FunnelSpec(steps=("a", "b", "c"))),
    "funnel_open": lambda t: funnel_units(t, FunnelSpec(steps=("b", "c"), open=True)),
    "touches": lambda t: funnel_touches(t, funnel_units(t, TWO), TWO),
    "transitions": transitions,
    "collapsed": lambda t: transitions(t, collapse=True, durations=False),
    "repeats": collapse_repeats,
    "steps": journey_steps,
    "paths": lambda t: top_paths(t, length=3),
    "moves": lambda t: stage_moves(t, ORDER),
    "fitness": lambda t: journey_fitness(t, ORDER),
    "deviations": lambda t: journey_deviations(t, ORDER),
    "designed": lambda t: designed_steps(t, ORDER),
    "moves_designed": lambda t: stage_moves(designed_steps(t, ORDER), ORDER, collapsed=True),
    "fitness_designed": lambda t: journey_fitness(designed_steps(t, ORDER), ORDER, collapsed=True),
    "deviations_unexpected": lambda t: journey_deviations(t, ["a", "c"], unexpected=["b"]),
    "deviations_designed": lambda t: journey_deviations(
        t, ["a", "c"], unexpected=["b"], designed=designed_steps(t, ["a", "c"])
    ),
    "lost_next": lambda t: lost_next(t.mutate(converts=t.converted.fill_null(False))),
    "visits": lambda t: visits_with_loss(t.mutate(converts=t.converted.fill_null(False))),
    "dropoff": lambda t: dropoff(t.mutate(converts=t.converted.fill_null(False))),
    "first_channels": lambda t: first_channels(t, "(none)"),
    "drivers_contacts": lambda t: _visits(t)[0],
    "drivers_repeats": lambda t: _visits(t)[1],
    "drivers_waits": lambda t: _visits(t)[2],
    "repeat": lambda t: repeat_purchases(t, purchase_label="c"),
    "retention_by": lambda t: retention(
        t, period_us=60_000_000, periods=3, start_label="a", breakdown="channel"
    ),
    "retention_recurring_by": lambda t: retention(
        t, period_us=60_000_000, periods=3, mode="recurring", breakdown="channel"
    ),
    "first_rows": lambda t: first_rows(t.filter(t.unit.notnull()), ["unit"], {"x": "label"}),
}


def test_the_label_settles_ties_only_outside_unique_seq() -> None:
    assert tie_breakers("label") == ["label"]
    with unique_seq():
        assert tie_breakers("label", "code") == []
    assert tie_breakers("label") == ["label"]


@pytest.mark.parametrize("name", sorted(ANALYSES))
@settings(max_examples=20, deadline=None)
@given(rows=event_streams())
def test_without_the_label_when_seq_never_repeats(name: str, rows: list[dict[str, Any]]) -> None:
    # a store's seq: unique (equal timestamps stay, so (ts, seq) is what orders them),
    # numbered against the rows' order so that no engine finds it by reading them in turn
    rows = [{**row, "seq": len(rows) - index} for index, row in enumerate(rows)]
    table = ibis.memtable(pa.Table.from_pylist(rows, schema=SCHEMA))
    build = ANALYSES[name]
    expected = _rows(CON.to_pyarrow(build(table)))
    with unique_seq():
        got = _rows(CON.to_pyarrow(build(table)))
    assert got == expected


@pytest.mark.parametrize("name", sorted(ANALYSES))
@settings(max_examples=20, deadline=None)
@given(rows=event_streams())
def test_the_same_from_the_events_position(name: str, rows: list[dict[str, Any]]) -> None:
    # as in the cache: seq unique, and a position that grows with (ts, seq), sparse and not
    # starting at 0 (the cache's file holds other people's and unplaced events in between)
    rows = [{**row, "seq": len(rows) - index} for index, row in enumerate(rows)]
    ranked = sorted(range(len(rows)), key=lambda i: (rows[i]["ts"], rows[i]["seq"]))
    for rank, index in enumerate(ranked):
        rows[index][POSITION] = 5 + 3 * rank
    schema = SCHEMA.append(pa.field(POSITION, pa.int64()))
    positioned = ibis.memtable(pa.Table.from_pylist(rows, schema=schema))
    plain = ibis.memtable(pa.Table.from_pylist(rows, schema=schema)).drop(POSITION)
    build = ANALYSES[name]
    expected = _rows(CON.to_pyarrow(build(plain)))
    with unique_seq():
        got = _rows(CON.to_pyarrow(build(positioned)))
    # the analyses that give events back (collapsed repeats, steps) keep it as a column
    assert [{k: v for k, v in row.items() if k != POSITION} for row in got] == expected
