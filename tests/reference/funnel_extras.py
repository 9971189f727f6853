"""Reference: first/last touch, trend and time-to-convert histogram of a funnel, in plain
Python, written for clarity (docs/analytics.md, section *Funnels*).

Each function reads the per-unit rows of ``tests.reference.funnel.reference_funnel`` (or of
``funnel_units``) and, for the touches, the journey events.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from recorrido.analysis.funnel import FunnelSpec

__all__ = ["BINS", "reference_histogram", "reference_touches", "reference_trend"]

Row = dict[str, Any]

MINUTE, HOUR, DAY = 60, 3_600, 86_400
BINS: list[tuple[str, float, float | None]] = [
    ("<1m", 0, MINUTE),
    ("1-5m", MINUTE, 5 * MINUTE),
    ("5-15m", 5 * MINUTE, 15 * MINUTE),
    ("15-60m", 15 * MINUTE, HOUR),
    ("1-4h", HOUR, 4 * HOUR),
    ("4-24h", 4 * HOUR, DAY),
    ("1-3d", DAY, 3 * DAY),
    ("3-7d", 3 * DAY, 7 * DAY),
    ("7-14d", 7 * DAY, 14 * DAY),
    ("14-30d", 14 * DAY, 30 * DAY),
    (">=30d", 30 * DAY, None),
]
"""The histogram's bins, written out again (not imported) so that the test checks them."""

ORIGIN = dt.datetime(1970, 1, 5)


def _journey_order(event: Mapping[str, Any]) -> tuple[Any, ...]:
    return (event["ts"], event["seq"], event["label"] is None, event["label"] or "")


def reference_touches(events: Sequence[Mapping[str, Any]], units: Sequence[Row]) -> list[Row]:
    """``units`` with ``first_touch`` and ``last_touch`` added."""
    out = []
    for unit in units:
        mine = sorted(
            (e for e in events if e["unit"] == unit["unit"] and e["channel"] is not None),
            key=_journey_order,
        )
        reached_at = unit[f"step_{unit['reached']}_ts"]
        before = [e for e in mine if e["ts"] <= reached_at]
        out.append(
            {
                **unit,
                "first_touch": mine[0]["channel"] if mine else "(none)",
                "last_touch": before[-1]["channel"] if before else "(none)",
            }
        )
    return out


def reference_histogram(units: Sequence[Row], spec: FunnelSpec) -> list[Row]:
    """One row per step j >= 2 and bin: the units whose time to step j is in the bin."""
    rows = []
    for j in range(2, len(spec.steps) + 1):
        times = [u[f"step_{j}_seconds"] for u in units if u[f"step_{j}_seconds"] is not None]
        for name, low, high in BINS:
            inside = [t for t in times if t >= low and (high is None or t < high)]
            rows.append(
                {
                    "step": j,
                    "bin": name,
                    "from_seconds": float(low),
                    "to_seconds": None if high is None else float(high),
                    "count": len(inside),
                }
            )
    return rows


def reference_trend(
    units: Sequence[Row], spec: FunnelSpec, *, period_us: int, origin: dt.datetime = ORIGIN
) -> list[Row]:
    """One row per period of entry with units."""
    last = len(spec.steps)
    groups: dict[int, list[Row]] = {}
    for unit in units:
        entered_at = unit[f"step_{unit['entry']}_ts"]
        index = ((entered_at - origin) // dt.timedelta(microseconds=1)) // period_us
        groups.setdefault(index, []).append(unit)
    rows = []
    for index, members in groups.items():
        converted = sum(u[f"step_{last}_ts"] is not None for u in members)
        row: Row = {
            "period": origin + dt.timedelta(microseconds=index * period_us),
            "entered": len(members),
            "converted": converted,
            "conversion": converted / len(members),
        }
        for j in range(1, last + 1):
            row[f"step_{j}_count"] = sum(u[f"step_{j}_ts"] is not None for u in members)
        rows.append(row)
    return rows
