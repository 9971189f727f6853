"""The one table every journey analytic reads: *journey events*.

One row per event, already placed on the map and stitched to its person:

| column | type | meaning |
|---|---|---|
| ``unit`` | string | the unit of analysis: the person, or a session key (``person#n``) |
| ``person`` | string | the stitched person (``anon:<id>`` for never-identified visitors) |
| ``ts`` | timestamp | UTC time, microsecond precision |
| ``seq`` | int64 | ingestion order: the tie-breaker for equal ``ts`` |
| ``label`` | string | the steps of the analysis: event name, touchpoint or stage |
| ``event`` | string | the event name |
| ``channel`` | string | the event's channel (nullable) |
| ``value`` | float64 | the event's value (nullable) |
| ``properties`` | string | JSON object text of the other columns (nullable) |

Events of a unit are ordered by ``(ts, seq)``; analytics never rely on any other order.
Durations are computed with ``delta(unit="microsecond")`` and windows are fixed lengths
in microseconds.
"""

from __future__ import annotations

import ibis
import ibis.expr.datatypes as dt

__all__ = ["JOURNEY_EVENTS", "journey_events_table"]

JOURNEY_EVENTS = ibis.schema(
    {
        "unit": dt.String(nullable=True),
        "person": dt.String(nullable=True),
        "ts": dt.Timestamp(nullable=False),
        "seq": dt.Int64(nullable=False),
        "label": dt.String(nullable=True),
        "event": dt.String(nullable=True),
        "channel": dt.String(nullable=True),
        "value": dt.Float64(nullable=True),
        "properties": dt.String(nullable=True),
    }
)
"""The schema of journey events (see the module docstring)."""


def journey_events_table(name: str = "journey_events") -> ibis.Table:
    """An unbound Ibis table with the journey-events schema, for building expressions."""
    return ibis.table(JOURNEY_EVENTS, name=name)
