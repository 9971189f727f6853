"""Designed routes against reality: who took each route of the map, and who converted.

A route (``routes:`` in ``journey.yaml``) is a list of steps, all stages or all touchpoints.
A unit *takes* the route when its journey contains the steps in that order, other events
allowed in between: a chain of its events, one per step, strictly increasing in journey
order ``(ts, seq, label)`` (so one event never serves two steps). That is an ordered funnel
without a window that the unit completes, and it is computed as one
(:func:`~recorrido.analysis.funnel.funnel_units`). A unit that took the route *converted*
when it has an event at the conversion touchpoint at or after the moment (``ts``) it first
completed the route.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import ibis

from .funnel import FunnelSpec, funnel_units

__all__ = ["route_totals", "route_units"]


def route_units(events: Any, steps: Sequence[str]) -> Any:
    """One row per unit that took the route ``steps`` (labels of ``events``): ``unit``,
    ``started`` (its first event at the first step) and ``completed`` (when it first
    completed the route)."""
    spec = FunnelSpec(steps=tuple(steps))
    units = funnel_units(events, spec)
    last = len(spec.steps)
    done = units.filter(units.reached == last)
    return done.select("unit", started=done.step_1_ts, completed=done[f"step_{last}_ts"])


def route_totals(units: Any, conversions: Any | None) -> Any:
    """One row: ``units`` that took the route (rows of :func:`route_units`) and, when
    ``conversions`` (journey events at the conversion, or only each unit's latest: the same
    count) is given, ``converted``: those with a conversion event at or after their
    ``completed`` time (NULL without ``conversions``)."""
    if conversions is None:
        return units.aggregate(units=units.count(), converted=ibis.null("int64"))
    hits = units.join(conversions, units.unit == conversions.unit)
    hits = hits.filter(hits.ts >= hits.completed)
    converted = hits.select(_unit=hits.unit, _converted=ibis.literal(1, "int64")).distinct()
    joined = units.left_join(converted, units.unit == converted._unit)
    # no match: NULL (ClickHouse too, with join_use_nulls), summed as 0
    return joined.aggregate(
        units=joined.count(), converted=joined._converted.fill_null(0).sum().fill_null(0)
    )
