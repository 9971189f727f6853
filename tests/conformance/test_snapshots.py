"""The SQL every analytic compiles to, per dialect, kept as readable snapshot files.

A change to an analytic's query shows up as a diff of these files; regenerate them with
``RECORRIDO_UPDATE_SNAPSHOTS=1 python -m pytest tests/conformance/test_snapshots.py``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from recorrido.analysis.frame import journey_events_table
from recorrido.analysis.funnel import Exclusion, FunnelSpec, funnel_steps, funnel_units
from recorrido.analysis.lifecycle import lifecycle
from recorrido.analysis.paths import path_flows, top_paths
from recorrido.analysis.repeat import repeat_purchases
from recorrido.analysis.retention import retention
from recorrido.analysis.transitions import starts_and_ends, transitions
from recorrido.analysis.variants import variants

from .harness import assert_sql_snapshot

WEEK = 7 * 86_400_000_000
STEPS = ("product_view", "add_to_cart", "checkout_started", "order_completed")
ORDERED = FunnelSpec(steps=STEPS, window_us=86_400_000_000)
EXCLUDING = FunnelSpec(steps=STEPS, exclusions=(Exclusion("support_chat", 1, 2),))
ANALYTICS: dict[str, Callable[[Any], Any]] = {
    "funnel_ordered_window": lambda t: funnel_steps(funnel_units(t, ORDERED), ORDERED),
    "funnel_strict": lambda t: funnel_units(t, FunnelSpec(steps=STEPS, mode="strict")),
    "funnel_any": lambda t: funnel_units(t, FunnelSpec(steps=STEPS, mode="any")),
    "funnel_exclusion": lambda t: funnel_units(t, EXCLUDING),
    "transitions": transitions,
    "starts_and_ends": starts_and_ends,
    "top_paths": lambda t: top_paths(t, length=3),
    "path_flows": lambda t: path_flows(t, length=3),
    "variants": lambda t: variants(t, max_length=5),
    "retention_weekly": lambda t: retention(t, period_us=WEEK, periods=4),
    "repeat_purchases": lambda t: repeat_purchases(t, purchase_label="order_completed"),
    "lifecycle_weekly": lambda t: lifecycle(t, period_us=WEEK, origin=dt.datetime(2026, 1, 5)),
}


@pytest.mark.parametrize("name", sorted(ANALYTICS))
def test_sql_snapshot(name: str) -> None:
    assert_sql_snapshot(name, ANALYTICS[name](journey_events_table()))
