"""Funnels on DuckDB: hand-written journeys, spec validation, and a property test against
the plain-Python reference (tests/reference/funnel.py)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

import ibis
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.reference.funnel import CASES, START, Case, journey_rows, reference_funnel

from recorrido.analysis.frame import JOURNEY_EVENTS
from recorrido.analysis.funnel import Exclusion, FunnelSpec, funnel_steps, funnel_units
from recorrido.errors import UsageError

ARROW_SCHEMA = JOURNEY_EVENTS.to_pyarrow()


@pytest.fixture(scope="module")
def con() -> Any:
    return ibis.duckdb.connect()


def ordered(rows: Sequence[dict[str, Any]], keys: Sequence[str]) -> list[dict[str, Any]]:
    return sorted(rows, key=lambda r: tuple((r[k] is None, r[k] or 0) for k in keys))


def run(
    con: Any, rows: Sequence[dict[str, Any]], spec: FunnelSpec, breakdown: str | None = None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    events = ibis.memtable(pa.Table.from_pylist(list(rows), schema=ARROW_SCHEMA))
    units = funnel_units(events, spec, breakdown=breakdown)
    steps = funnel_steps(units, spec, breakdown=breakdown)
    keys = [breakdown] if breakdown else []
    return (
        ordered(con.to_pyarrow(units).to_pylist(), ["unit"]),
        ordered(con.to_pyarrow(steps).to_pylist(), [*keys, "step"]),
    )


def expected_of(case: Case) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    units, steps = reference_funnel(case.rows, case.spec, case.breakdown)
    keys = [case.breakdown] if case.breakdown else []
    return ordered(units, ["unit"]), ordered(steps, [*keys, "step"])


def check_hand_expectations(case: Case, units: list[dict[str, Any]], steps: list[dict[str, Any]]):
    assert {u["unit"]: u["reached"] for u in units} == case.reached
    if case.breakdown is None:
        assert [s["count"] for s in steps] == list(case.counts)
    else:
        got: dict[Any, list[int]] = {}
        for s in steps:
            got.setdefault(s[case.breakdown], []).append(s["count"])
        assert got == case.counts
    by_unit = {u["unit"]: u for u in units}
    for unit, times in case.seconds.items():
        for step, seconds in times.items():
            assert by_unit[unit][f"step_{step}_seconds"] == seconds, (unit, step)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hand_written_journeys(con: Any, case: Case) -> None:
    units, steps = run(con, case.rows, case.spec, case.breakdown)
    check_hand_expectations(case, units, steps)
    assert (units, steps) == expected_of(case)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_reference_agrees_with_the_hand_expectations(case: Case) -> None:
    units, steps = expected_of(case)
    check_hand_expectations(case, units, steps)


def test_step_table_numbers(con: Any) -> None:
    journeys = {
        "ana": ["view", "cart", "purchase"],
        "ben": ["view", "cart"],
        "cris": ["view"],
        "dani": ["view", "cart", "purchase"],
        "eva": ["cart"],
    }
    _, steps = run(con, journey_rows(journeys), FunnelSpec(("view", "cart", "purchase")))
    assert [(s["name"], s["count"], s["drop_off"]) for s in steps] == [
        ("view", 4, 0),
        ("cart", 3, 1),
        ("purchase", 2, 1),
    ]
    assert [s["conversion"] for s in steps] == [1.0, 0.75, 0.5]
    assert [s["step_conversion"] for s in steps] == [1.0, 0.75, 2 / 3]
    assert [s["drop_off_rate"] for s in steps] == [0.0, 0.25, 1 / 3]
    assert [s["median_seconds"] for s in steps] == [None, 60.0, 120.0]


def test_nearest_rank_quantiles(con: Any) -> None:
    # Ten units reach cart 1..10 minutes after their view: lower median 5 min, p90 9 min.
    journeys = {f"u{n}": [("view", 0), ("cart", 60 * n)] for n in range(1, 11)}
    _, steps = run(con, journey_rows(journeys), FunnelSpec(("view", "cart")))
    assert (steps[1]["median_seconds"], steps[1]["p90_seconds"]) == (300.0, 540.0)


def test_units_dropped_at_a_step_come_from_the_unit_table(con: Any) -> None:
    units, _ = run(con, CASES[1].rows, FunnelSpec(("view", "cart", "purchase")))
    assert [u["unit"] for u in units if u["reached"] == 1] == ["ben"]


@pytest.mark.parametrize(
    ("arguments", "code", "words"),
    [
        ({"steps": ("view",)}, "funnel_steps", "at least 2 steps"),
        ({"steps": ("view", "")}, "funnel_steps", "non-empty"),
        ({"mode": "strcit"}, "funnel_mode", "did you mean 'strict'"),
        ({"window_us": 0}, "funnel_window", "positive"),
        ({"window_us": -5}, "funnel_window", "positive"),
        ({"optional": frozenset({0})}, "funnel_optional", "first and last"),
        ({"optional": frozenset({2})}, "funnel_optional", "first and last"),
        ({"steps": ("view", "cart", "view"), "mode": "any"}, "funnel_any_labels", "distinct"),
        ({"mode": "any", "open": True}, "funnel_open_any", "open"),
        ({"exclusions": (Exclusion("remove", 2, 1),)}, "funnel_exclusion", "after < before"),
        ({"exclusions": (Exclusion("remove", 0, 3),)}, "funnel_exclusion", "after < before"),
        ({"exclusions": (Exclusion("cart", 0, 2),)}, "funnel_exclusion", "one of the steps"),
        (
            {"exclusions": (Exclusion("remove", 0, 1),), "mode": "strict"},
            "funnel_exclusion",
            "mode 'ordered'",
        ),
        (
            {"exclusions": (Exclusion("remove", 1, 2),), "optional": frozenset({1})},
            "funnel_exclusion",
            "optional",
        ),
        ({"hold": ""}, "funnel_hold", "properties key"),
        ({"hold": 'a"b'}, "funnel_hold", "letters, digits"),
    ],
)
def test_invalid_specs_are_refused(arguments: dict[str, Any], code: str, words: str) -> None:
    fields: dict[str, Any] = {"steps": ("view", "cart", "purchase"), **arguments}
    with pytest.raises(UsageError) as raised:
        FunnelSpec(**fields)
    assert raised.value.code == code
    assert words in str(raised.value)


def test_bad_breakdown_and_events_are_refused() -> None:
    events = ibis.table(JOURNEY_EVENTS, name="journey_events")
    spec = FunnelSpec(("view", "cart"))
    with pytest.raises(UsageError, match="did you mean 'channel'"):
        funnel_units(events, spec, breakdown="chanel")
    with pytest.raises(UsageError, match="clashes"):
        funnel_units(events.mutate(reached=1), spec, breakdown="reached")
    with pytest.raises(UsageError, match="no column 'seq'"):
        funnel_units(events.drop("seq"), spec)
    with pytest.raises(UsageError, match="no column 'step_3_ts'"):
        funnel_steps(funnel_units(events, spec), FunnelSpec(("view", "cart", "buy")))


# --- property test against the reference --------------------------------------------------

LABELS = ("a", "b", "c", "x")


@st.composite
def event_streams(draw: st.DrawFn) -> list[dict[str, Any]]:
    """A few units, few labels, many equal timestamps, distinct seq in shuffled order."""
    events = draw(
        st.lists(
            st.tuples(
                st.sampled_from(("u1", "u2", "u3", None)),
                st.sampled_from((*LABELS, None)),
                st.integers(0, 4),
                st.sampled_from((None, "p", "q")),
                st.sampled_from(("web", "ads", None)),
            ),
            max_size=14,
        )
    )
    seqs = draw(st.permutations(range(len(events))))
    return [
        {
            "unit": unit,
            "person": unit,
            "ts": START + dt.timedelta(minutes=minute),
            "seq": seq,
            "label": label,
            "event": label,
            "channel": channel,
            "value": None,
            "properties": None if product is None else json.dumps({"product": product}),
        }
        for (unit, label, minute, product, channel), seq in zip(events, seqs, strict=True)
    ]


@st.composite
def specs(draw: st.DrawFn) -> FunnelSpec:
    mode = draw(st.sampled_from(("ordered", "strict", "any")))
    size = draw(st.integers(2, 4))
    if mode == "any":
        steps = tuple(draw(st.permutations(("a", "b", "c", "x")))[:size])
    else:
        steps = tuple(
            draw(st.lists(st.sampled_from(("a", "b", "c")), min_size=size, max_size=size))
        )
    optional = frozenset(draw(st.sets(st.integers(1, size - 2))) if size > 2 else ())
    exclusions: tuple[Exclusion, ...] = ()
    if mode == "ordered" and draw(st.booleans()):
        required = [i for i in range(size) if i not in optional]
        after, before = sorted(
            draw(st.lists(st.sampled_from(required), min_size=2, max_size=2, unique=True))
        )
        label = draw(st.sampled_from([x for x in LABELS if x not in steps[after : before + 1]]))
        exclusions = (Exclusion(label, after, before),)
    return FunnelSpec(
        steps,
        mode=mode,
        window_us=draw(st.sampled_from((None, 60_000_000, 120_000_000, 90_000_000))),
        open=mode != "any" and draw(st.booleans()),
        optional=optional,
        exclusions=exclusions,
        hold=draw(st.sampled_from((None, None, "product"))),
    )


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=event_streams(), spec=specs(), breakdown=st.sampled_from((None, "channel")))
def test_funnel_matches_the_reference(
    con: Any, rows: list[dict[str, Any]], spec: FunnelSpec, breakdown: str | None
) -> None:
    keys = [breakdown] if breakdown else []
    units, steps = reference_funnel(rows, spec, breakdown)
    assert run(con, rows, spec, breakdown) == (
        ordered(units, ["unit"]),
        ordered(steps, [*keys, "step"]),
    )
