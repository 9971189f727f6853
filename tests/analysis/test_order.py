"""Journey order without the label: when ``seq`` never repeats (a store), every analysis that
sorts a unit's events gives the same result within ``unique_seq()`` as without it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ibis
import pyarrow as pa
import pytest
from hypothesis import given, settings
from tests.reference.paths import event_streams

from recorrido.analysis.attribution import funnel_touches
from recorrido.analysis.dropoff import lost_next
from recorrido.analysis.fitness import journey_deviations, journey_fitness, stage_moves
from recorrido.analysis.frame import JOURNEY_EVENTS
from recorrido.analysis.funnel import FunnelSpec, funnel_units
from recorrido.analysis.order import tie_breakers, unique_seq
from recorrido.analysis.paths import collapse_repeats, journey_steps, top_paths
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
    "lost_next": lambda t: lost_next(t.mutate(converts=t.converted.fill_null(False))),
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
