"""Turn the store's events into *journey events* (see :mod:`.frame`).

Steps, each an Ibis expression: stitch identities (the event's person), place events on
the map (touchpoint and stage), choose the label vocabulary (event name, touchpoint or
stage), and choose the unit of analysis (the person, or a session).

Sessions: an event's session is ``person#s:<session_id>`` when the file gave a session id,
else ``person#g:<n>``, where ``n`` counts the gaps longer than ``session_gap_us`` between the
person's consecutive events (ordered by ``ts``, then ``seq``) before it.
"""

from __future__ import annotations

from typing import Any, Literal

import ibis

from ..map.models import JourneyMap
from ..store.identity import journey_events as stitch
from .frame import JOURNEY_EVENTS
from .order import carried
from .touchpoints import assign_touchpoints

__all__ = [
    "DEFAULT_SESSION_GAP_US",
    "PLACED_COLUMNS",
    "Level",
    "Unit",
    "label_events",
    "place_events",
    "prepare_events",
]

Level = Literal["event", "touchpoint", "stage"]
Unit = Literal["person", "session"]

DEFAULT_SESSION_GAP_US = 30 * 60 * 1_000_000
"""Sessions are cut at gaps longer than 30 minutes unless told otherwise."""

PLACED_COLUMNS = (
    "person", "session_id", "ts", "seq", "event", "channel", "value", "properties",
    "touchpoint", "stage",
)  # fmt: skip
"""The columns of placed events (:func:`place_events`)."""


def place_events(events: Any, identities: Any, journey: JourneyMap | None = None) -> Any:
    """The store's events stitched (``person``) and placed on the map (``touchpoint`` and
    ``stage``, NULL where unplaced): the costly part of :func:`prepare_events`, which a
    caller may compute once and pass to :func:`label_events` for every level."""
    stitched = stitch(events, identities)
    if journey is not None:
        placed = assign_touchpoints(stitched, journey)
    else:
        null = ibis.null().cast("string")
        placed = stitched.mutate(touchpoint=null, stage=null)
    return placed.select(*PLACED_COLUMNS)


def label_events(
    placed: Any,
    *,
    level: Level = "event",
    unit: Unit = "person",
    session_gap_us: int = DEFAULT_SESSION_GAP_US,
    stage: bool = False,
) -> Any:
    """Journey events (:data:`~.frame.JOURNEY_EVENTS`) from :func:`place_events`' rows
    (without ``properties`` when ``placed`` has none, with :data:`~.order.POSITION` when
    ``placed`` has it); with ``stage``, also the ``stage`` each event is placed at."""
    label = {"event": placed.event, "touchpoint": placed.touchpoint, "stage": placed.stage}[level]
    placed = placed.mutate(label=label)
    if unit == "person":
        placed = placed.mutate(unit=placed.person)
    else:
        placed = _sessions(placed, session_gap_us)
    names = [name for name in JOURNEY_EVENTS.names if name in placed.columns]
    kept = [*(["stage"] if stage else []), *carried(placed)]
    return placed.select(*names, *kept).cast({name: JOURNEY_EVENTS[name] for name in names})


def prepare_events(
    events: Any,
    identities: Any,
    journey: JourneyMap | None = None,
    *,
    level: Level = "event",
    unit: Unit = "person",
    session_gap_us: int = DEFAULT_SESSION_GAP_US,
) -> Any:
    """Journey events with the columns of :data:`~.frame.JOURNEY_EVENTS`."""
    return label_events(
        place_events(events, identities, journey),
        level=level,
        unit=unit,
        session_gap_us=session_gap_us,
    )


def _sessions(events: Any, gap_us: int) -> Any:
    order = ibis.window(group_by=events.person, order_by=[events.ts, events.seq])
    previous = events.ts.lag().over(order)
    gap = events.ts.delta(previous, unit="microsecond")
    starts = (previous.isnull() | (gap > gap_us)).ifelse(1, 0)
    numbered = events.mutate(_starts=starts)
    running = ibis.window(
        group_by=numbered.person, order_by=[numbered.ts, numbered.seq], rows=(None, 0)
    )
    numbered = numbered.mutate(_session=numbered._starts.sum().over(running))
    given = numbered.person + "#s:" + numbered.session_id
    cut = numbered.person + "#g:" + numbered._session.cast("string")
    return numbered.mutate(unit=ibis.coalesce(given, cut))
