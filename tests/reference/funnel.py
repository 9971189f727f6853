"""Funnels in plain Python, written for clarity: enumerate every chain (small inputs only).

The definitions are those of ``docs/analytics.md`` (section *Funnels*). This module also
holds the journey builder and the hand-written golden cases shared by the DuckDB tests
(``tests/analysis/test_funnel.py``) and the backend conformance suite.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from recorrido.analysis.funnel import Exclusion, FunnelSpec

__all__ = ["CASES", "Case", "journey_rows", "reference_funnel"]

Row = dict[str, Any]
START = dt.datetime(2026, 3, 1, 10, 0, 0)


# --- building journeys -------------------------------------------------------------------


def journey_rows(
    journeys: Mapping[str, Sequence[str | tuple[Any, ...]]],
    *,
    start: dt.datetime = START,
    step_seconds: int = 60,
) -> list[Row]:
    """``{"ana": ["ad_click", "purchase"]}`` → journey-event rows, one minute apart.

    An event may be ``(label, seconds)`` (an explicit time after ``start``) or
    ``(label, seconds, extra)`` where ``extra`` sets ``channel`` or ``properties`` (a dict,
    stored as JSON text). ``seq`` follows the order written, across all journeys.
    """
    rows: list[Row] = []
    for unit, events in journeys.items():
        for index, event in enumerate(events):
            if isinstance(event, str):
                label, seconds, extra = event, index * step_seconds, {}
            else:
                label, seconds, extra = (*event, {})[:3]
            properties = extra.get("properties")
            rows.append(
                {
                    "unit": unit,
                    "person": unit,
                    "ts": start + dt.timedelta(seconds=seconds),
                    "seq": len(rows) + 1,
                    "label": label,
                    "event": label,
                    "channel": extra.get("channel", "web"),
                    "value": None,
                    "properties": None if properties is None else json.dumps(properties),
                }
            )
    return rows


# --- the reference -----------------------------------------------------------------------


def _hold_value(row: Row, key: str | None) -> str | None:
    if key is None:
        return ""
    if row["properties"] is None:
        return None
    value = json.loads(row["properties"]).get(key)
    if isinstance(value, str):
        return value or None
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None


def _patterns(spec: FunnelSpec, entry: int, step: int) -> Iterator[tuple[int, ...]]:
    """Step sequences from ``entry`` to ``step`` holding every required step between."""
    middle = range(entry + 1, step)
    free = [s for s in middle if s in spec.optional]
    for size in range(len(free) + 1):
        for skipped in itertools.combinations(free, size):
            inner = tuple(s for s in middle if s not in skipped)
            yield (entry, *inner, step) if step > entry else (entry,)


def _fits(spec: FunnelSpec, events: list[Row], chain: Sequence[int], steps: Sequence[int]) -> bool:
    """An ordered/strict chain (positions ``chain`` for steps ``steps``) obeys the window,
    the strict adjacency and the exclusions."""
    first, last = events[chain[0]], events[chain[-1]]
    if spec.window_us is not None and _us(last["ts"] - first["ts"]) > spec.window_us:
        return False
    if spec.mode == "strict" and any(b != a + 1 for a, b in itertools.pairwise(chain)):
        return False
    at = dict(zip(steps, chain, strict=True))
    for exclusion in spec.exclusions:
        if exclusion.before not in at or exclusion.before == steps[0]:
            continue
        begin = at[max(exclusion.after, steps[0])]
        between = events[begin + 1 : at[exclusion.before]]
        if any(e["label"] == exclusion.label for e in between):
            return False
    return True


def _us(delta: dt.timedelta) -> int:
    return delta // dt.timedelta(microseconds=1)


def _ordered_chains(
    spec: FunnelSpec, events: list[Row], usable: list[bool], entry: int, target: int
) -> Iterator[tuple[int, dt.datetime]]:
    """(position of the last event, start time) of every valid chain ending at step
    ``target``."""
    steps = spec.steps
    for pattern in _patterns(spec, entry, target):
        # Exclusions bind only when the chain reaches their `before` step.
        active = FunnelSpec(
            spec.steps,
            mode=spec.mode,
            window_us=spec.window_us,
            open=spec.open,
            optional=spec.optional,
            exclusions=tuple(x for x in spec.exclusions if x.before <= target),
        )
        candidates = [
            [p for p, e in enumerate(events) if usable[p] and e["label"] == steps[s]]
            for s in pattern
        ]
        for chain in itertools.product(*candidates):
            if any(b <= a for a, b in itertools.pairwise(chain)):
                continue
            holds = {events[p]["_hold"] for p in chain}
            if len(holds) == 1 and _fits(active, events, chain, pattern):
                yield chain[-1], events[chain[0]]["ts"]


def _any_sets(
    spec: FunnelSpec, events: list[Row], usable: list[bool], target: int
) -> Iterator[tuple[int, dt.datetime]]:
    """(position of the last event, start time) of every valid set of events covering the
    steps up to ``target``."""
    needed = [q for q in range(target + 1) if q == target or q not in spec.optional]
    candidates = [
        [p for p, e in enumerate(events) if usable[p] and e["label"] == spec.steps[q]]
        for q in needed
    ]
    for chosen in itertools.product(*candidates):
        if len({events[p]["_hold"] for p in chosen}) != 1:
            continue
        end, begin = max(chosen), min(events[p]["ts"] for p in chosen)
        if spec.window_us is None or _us(events[end]["ts"] - begin) <= spec.window_us:
            yield end, begin


def _unit_row(spec: FunnelSpec, unit: Any, events: list[Row], breakdown: str | None) -> Row | None:
    steps = spec.steps
    usable = [e["label"] in steps and e["_hold"] is not None for e in events]
    indexes = [steps.index(e["label"]) for p, e in enumerate(events) if usable[p]]
    if spec.open:
        if not indexes:
            return None
        entry = min(indexes)
    elif 0 in indexes:
        entry = 0
    else:
        return None
    row: Row = {"unit": unit}
    if breakdown is not None:
        first = next(e for p, e in enumerate(events) if usable[p] and e["label"] == steps[entry])
        row[breakdown] = first[breakdown]
    times: list[dt.datetime | None] = []
    seconds: list[float | None] = []
    for target in range(len(steps)):
        if target < entry:
            found = []
        elif spec.mode == "any":
            found = list(_any_sets(spec, events, usable, target))
        else:
            found = list(_ordered_chains(spec, events, usable, entry, target))
        if not found:
            times.append(None)
            seconds.append(None)
            continue
        # The first event in journey order that ends a valid chain; its latest start.
        end = min(e for e, _ in found)
        begin = max(b for e, b in found if e == end)
        times.append(events[end]["ts"])
        seconds.append(_us(events[end]["ts"] - begin) / 1_000_000 if target > entry else None)
    row["entry"] = entry + 1
    row["reached"] = max(j + 1 for j, t in enumerate(times) if t is not None)
    for j, t in enumerate(times):
        row[f"step_{j + 1}_ts"] = t
    for j, s in enumerate(seconds):
        row[f"step_{j + 1}_seconds"] = s
    return row


def _rank(values: list[float], numerator: int, denominator: int) -> float | None:
    """Nearest-rank quantile: the value of rank ceil(n * numerator / denominator)."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[-(-len(ordered) * numerator // denominator) - 1]


def _ratio(top: int, bottom: int) -> float | None:
    return top / bottom if bottom else None


def _step_rows(spec: FunnelSpec, units: list[Row], breakdown: str | None) -> list[Row]:
    groups: dict[Any, list[Row]] = {}
    for unit in units:
        groups.setdefault(unit[breakdown] if breakdown else None, []).append(unit)
    rows = []
    for value, members in groups.items():
        first = sum(u["step_1_ts"] is not None for u in members)
        for i, label in enumerate(spec.steps):
            earlier = [s for s in range(i) if s not in spec.optional]
            previous = earlier[-1] if earlier else i
            count = sum(u[f"step_{i + 1}_ts"] is not None for u in members)
            before = sum(u[f"step_{previous + 1}_ts"] is not None for u in members)
            durations = [
                u[f"step_{i + 1}_seconds"]
                for u in members
                if u[f"step_{i + 1}_seconds"] is not None
            ]
            row: Row = {breakdown: value} if breakdown else {}
            row |= {
                "step": i + 1,
                "name": label,
                "count": count,
                "conversion": _ratio(count, first),
                "step_conversion": 1.0 if i == 0 else _ratio(count, before),
                "drop_off": before - count,
                "drop_off_rate": 0.0 if i == 0 else _ratio(before - count, before),
                "median_seconds": _rank(durations, 1, 2),
                "p90_seconds": _rank(durations, 9, 10),
            }
            rows.append(row)
    return rows


def reference_funnel(
    rows: Sequence[Mapping[str, Any]], spec: FunnelSpec, breakdown: str | None = None
) -> tuple[list[Row], list[Row]]:
    """(per-unit rows, per-step rows) of ``funnel_units`` and ``funnel_steps``."""
    journeys: dict[Any, list[Row]] = {}
    for source in rows:
        if source["unit"] is None:
            continue  # no journey
        row = dict(source)
        row["_hold"] = _hold_value(row, spec.hold)
        journeys.setdefault(row["unit"], []).append(row)
    units = []
    for unit, events in journeys.items():
        events.sort(key=lambda e: (e["ts"], e["seq"], e["label"] is None, e["label"] or ""))
        made = _unit_row(spec, unit, events, breakdown)
        if made is not None:
            units.append(made)
    return units, _step_rows(spec, units, breakdown)


# --- golden cases ------------------------------------------------------------------------

MINUTE = 60_000_000
VIEW_CART_BUY = ("view", "cart", "purchase")


@dataclass(frozen=True)
class Case:
    """A hand-written funnel: journeys, spec and the expected result, worked out by hand.

    ``counts`` are the step counts (per breakdown value when ``breakdown`` is set);
    ``reached`` the units' ``reached`` (units absent did not enter); ``seconds`` some
    expected ``step_<j>_seconds`` as ``{unit: {j: seconds}}``.
    """

    name: str
    journeys: Mapping[str, Sequence[str | tuple[Any, ...]]]
    spec: FunnelSpec
    counts: Sequence[int] | Mapping[Any, Sequence[int]]
    reached: Mapping[str, int]
    breakdown: str | None = None
    seconds: Mapping[str, Mapping[int, float | None]] = field(default_factory=dict)

    @property
    def rows(self) -> list[Row]:
        return journey_rows(self.journeys)


CASES = [
    Case(
        "ordered with other events between",
        {"ana": ["ad_click", "view", "search", "cart", "faq", "purchase"]},
        FunnelSpec(VIEW_CART_BUY),
        counts=[1, 1, 1],
        reached={"ana": 3},
        seconds={"ana": {1: None, 2: 120.0, 3: 240.0}},
    ),
    Case(
        "steps out of order",
        {"ben": ["cart", "view", "purchase"], "ana": ["view", "cart", "purchase"]},
        FunnelSpec(VIEW_CART_BUY),
        counts=[2, 1, 1],
        reached={"ben": 1, "ana": 3},
    ),
    Case(
        "strict order breaks on an event between",
        {"ana": ["view", "cart", "purchase"], "ben": ["view", "search", "cart", "purchase"]},
        FunnelSpec(VIEW_CART_BUY, mode="strict"),
        counts=[2, 1, 1],
        reached={"ana": 3, "ben": 1},
    ),
    Case(
        "any order",
        {"cris": ["purchase", "cart", "view"], "ben": ["cart", "view"]},
        FunnelSpec(VIEW_CART_BUY, mode="any"),
        counts=[2, 2, 1],
        reached={"cris": 3, "ben": 2},
        seconds={"cris": {2: 60.0, 3: 120.0}},
    ),
    Case(
        "equal times: the first end in journey order decides the start",
        # The carts at 10 s come in the order written (seq): the first ends only the chain
        # from the view at 0 s; the later view at 10 s starts a chain for the second cart.
        {"ana": [("view", 0), ("cart", 10), ("view", 10), ("cart", 10)]},
        FunnelSpec(("view", "cart")),
        counts=[1, 1],
        reached={"ana": 2},
        seconds={"ana": {2: 10.0}},
    ),
    Case(
        "equal times in any order: the set that ends first in journey order",
        # {view 0 s, cart} ends at the cart; {view 10 s, cart} ends later, at that view.
        {"ana": [("view", 0), ("cart", 10), ("view", 10)]},
        FunnelSpec(("view", "cart"), mode="any"),
        counts=[1, 1],
        reached={"ana": 2},
        seconds={"ana": {2: 10.0}},
    ),
    Case(
        "window: a later step-1 event starts the chain",
        {
            "dani": [("view", 0), ("view", 1800), ("cart", 2100), ("purchase", 2280)],
            "eva": [("view", 0), ("cart", 1200)],
        },
        FunnelSpec(VIEW_CART_BUY, window_us=10 * MINUTE),
        counts=[2, 1, 1],
        reached={"dani": 3, "eva": 1},
        seconds={"dani": {2: 300.0, 3: 480.0}},
    ),
    Case(
        "equal timestamps follow seq",
        {
            "fede": [("view", 0), ("cart", 0), ("purchase", 0)],
            "gabi": [("cart", 0), ("view", 0), ("purchase", 0)],
        },
        FunnelSpec(VIEW_CART_BUY),
        counts=[2, 1, 1],
        reached={"fede": 3, "gabi": 1},
        seconds={"fede": {2: 0.0, 3: 0.0}},
    ),
    Case(
        "a label in two steps",
        {
            "hugo": ["view", "cart"],
            "ines": ["view", "cart", "view"],
            "juan": ["view", "view", "cart"],
        },
        FunnelSpec(("view", "cart", "view")),
        counts=[3, 3, 1],
        reached={"hugo": 2, "ines": 3, "juan": 2},
        seconds={"ines": {3: 120.0}, "juan": {2: 60.0}},
    ),
    Case(
        "closed funnel: enter at step 1 only",
        {"kike": ["cart", "purchase"], "ana": ["view", "purchase"]},
        FunnelSpec(VIEW_CART_BUY),
        counts=[1, 0, 0],
        reached={"ana": 1},
    ),
    Case(
        "open funnel: enter at the lowest step done",
        {"kike": ["cart", "purchase"], "ana": ["view", "purchase"], "lu": ["purchase", "cart"]},
        FunnelSpec(VIEW_CART_BUY, open=True),
        counts=[1, 2, 1],
        reached={"kike": 3, "ana": 1, "lu": 2},
        seconds={"kike": {2: None, 3: 60.0}},
    ),
    Case(
        "optional step skipped",
        {"lola": ["view", "cart"], "mario": ["view", "coupon", "cart"]},
        FunnelSpec(("view", "coupon", "cart"), optional=frozenset({1})),
        counts=[2, 1, 2],
        reached={"lola": 3, "mario": 3},
    ),
    Case(
        "exclusion between two steps",
        {
            "nora": ["view", "cart", "remove", "purchase"],
            "oscar": ["view", "cart", "remove", "cart", "purchase"],
            "pia": ["view", "remove", "cart", "purchase"],
        },
        FunnelSpec(VIEW_CART_BUY, exclusions=(Exclusion("remove", 1, 2),)),
        counts=[3, 3, 2],
        reached={"nora": 2, "oscar": 3, "pia": 3},
        seconds={"oscar": {3: 240.0}},
    ),
    Case(
        "breakdown by the channel of the first step-1 event",
        {
            "ana": [("view", 0, {"channel": "ads"}), ("view", 60, {"channel": "web"}), "cart"],
            "ben": [("view", 0, {"channel": "web"}), ("cart", 60, {"channel": "ads"})],
            "cris": [("view", 0, {"channel": "web"})],
        },
        FunnelSpec(("view", "cart")),
        breakdown="channel",
        counts={"ads": [1, 1], "web": [2, 1]},
        reached={"ana": 2, "ben": 2, "cris": 1},
    ),
    Case(
        "one-event units",
        {"pablo": ["view"], "quim": ["purchase"], "rita": ["faq"]},
        FunnelSpec(VIEW_CART_BUY),
        counts=[1, 0, 0],
        reached={"pablo": 1},
    ),
    Case(
        "no input",
        {},
        FunnelSpec(VIEW_CART_BUY),
        counts=[],
        reached={},
    ),
    Case(
        "a step no event matches",
        {"ana": ["view", "cart", "purchase"]},
        FunnelSpec(("view", "teleport", "purchase")),
        counts=[1, 0, 0],
        reached={"ana": 1},
    ),
    Case(
        "strict open funnel with a window and an optional step",
        {
            "ana": ["view", "cart", "purchase"],
            "ben": [("cart", 0), ("purchase", 600)],
            "cris": ["view", "coupon", "search", "cart"],
        },
        FunnelSpec(
            ("view", "coupon", "cart", "purchase"),
            mode="strict",
            open=True,
            window_us=5 * MINUTE,
            optional=frozenset({1}),
        ),
        counts=[2, 1, 2, 1],
        reached={"ana": 4, "ben": 3, "cris": 2},
        seconds={"ana": {2: None, 3: 60.0, 4: 120.0}},
    ),
    Case(
        "any order within a window, with an optional step",
        {
            "dani": ["purchase", "view", "cart"],
            "eva": [("view", 0), ("cart", 60), ("purchase", 1200)],
        },
        FunnelSpec(
            ("view", "coupon", "cart", "purchase"),
            mode="any",
            window_us=10 * MINUTE,
            optional=frozenset({1}),
        ),
        counts=[2, 0, 2, 1],
        reached={"dani": 4, "eva": 3},
        seconds={"dani": {3: 60.0, 4: 120.0}},
    ),
    Case(
        "hold the product across steps",
        {
            "sara": [
                ("view", 0, {"properties": {"product": "p1"}}),
                ("view", 60, {"properties": {"product": "p2"}}),
                ("cart", 120, {"properties": {"product": "p2"}}),
                ("purchase", 180, {"properties": {"product": "p1"}}),
            ],
            "tomas": [
                ("view", 0, {"properties": {"product": 7}}),
                ("cart", 60, {"properties": {"product": 7}}),
                ("purchase", 120),
            ],
        },
        FunnelSpec(VIEW_CART_BUY, hold="product"),
        counts=[2, 2, 0],
        reached={"sara": 2, "tomas": 2},
        seconds={"sara": {2: 60.0}},
    ),
]
