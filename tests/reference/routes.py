"""Reference: who took a route and who converted, written for clarity."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

Row = Mapping[str, object]


def reference_route_units(rows: Sequence[Row], steps: Sequence[str]) -> list[dict[str, object]]:
    """Units whose events contain ``steps`` in order: ``unit``, ``started``, ``completed``.

    ``started`` is the unit's first event at the first step; ``completed`` the earliest time
    at which some chain of its events, one per step in strictly increasing journey order,
    ends (the greedy chain, matching each step at the earliest possible event, ends first).
    """
    by_unit: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        if row["unit"] is not None and row["label"] is not None:
            by_unit[str(row["unit"])].append(row)
    out = []
    for unit, events in by_unit.items():
        events.sort(key=lambda r: (r["ts"], r["seq"], r["label"]))
        matched = 0
        completed = None
        for event in events:
            if event["label"] == steps[matched]:
                matched += 1
                if matched == len(steps):
                    completed = event["ts"]
                    break
        if completed is not None:
            started = next(e["ts"] for e in events if e["label"] == steps[0])
            out.append({"unit": unit, "started": started, "completed": completed})
    return out


def reference_route_totals(
    rows: Sequence[Row], steps: Sequence[str], conversion: str | None
) -> dict[str, object]:
    """``units`` that took the route; ``converted``: those with an event at ``conversion``
    at or after the time they completed it (None without a conversion)."""
    units = reference_route_units(rows, steps)
    if conversion is None:
        return {"units": len(units), "converted": None}
    converted = sum(
        1
        for unit in units
        if any(
            row["unit"] == unit["unit"]
            and row["label"] == conversion
            and row["ts"] >= unit["completed"]  # type: ignore[operator]
            for row in rows
        )
    )
    return {"units": len(units), "converted": converted}
