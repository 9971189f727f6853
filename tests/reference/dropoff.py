"""Reference: drop-off and where the lost went, written for clarity (docs/analytics.md,
*Pain points*).

Rows are journey events (plain dicts) with ``person``, ``ts``, ``seq``, ``label`` and a
``converts`` flag (None counts as not a conversion). Events without a person or a label are
ignored.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

END = "(end)"

Row = Mapping[str, Any]
When = tuple[Any, int]
"""An event's place in its person's order: ``(ts, seq)``."""


def placed_events(rows: Sequence[Row]) -> dict[str, list[Row]]:
    """Each person's events that have a label, in ``(ts, seq)`` order."""
    people: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        if row["person"] is not None and row["label"] is not None:
            people[row["person"]].append(row)
    for events in people.values():
        events.sort(key=lambda r: (r["ts"], r["seq"]))
    return dict(people)


def first_visits(events: Sequence[Row]) -> dict[str, When]:
    """Place → the ``(ts, seq)`` of the person's earliest event there."""
    visits: dict[str, When] = {}
    for event in events:
        when = (event["ts"], event["seq"])
        if event["label"] not in visits or when < visits[event["label"]]:
            visits[event["label"]] = when
    return visits


def is_lost(events: Sequence[Row], visit: When) -> bool:
    """True when no conversion event is at or after ``visit``."""
    return not any(e["converts"] and (e["ts"], e["seq"]) >= visit for e in events)


def next_place(events: Sequence[Row], place: str, visit: When) -> str:
    """The place of the first event after the visit somewhere else, in journey order
    ``(ts, seq, label)`` (the label breaks ties of ``(ts, seq)``)."""
    later = [
        (e["ts"], e["seq"], e["label"])
        for e in events
        if e["label"] != place and (e["ts"], e["seq"], e["label"]) > (*visit, place)
    ]
    return min(later)[2] if later else END


def reach(rows: Sequence[Row]) -> list[dict[str, Any]]:
    """Per place: the people with an event there."""
    people: dict[str, set[str]] = defaultdict(set)
    for person, events in placed_events(rows).items():
        for event in events:
            people[event["label"]].add(person)
    return [{"label": label, "people": len(who)} for label, who in people.items()]


def dropoff(rows: Sequence[Row]) -> list[dict[str, Any]]:
    """Per place: ``people`` who visited it and ``lost``, those of them never converting after."""
    people, lost = Counter[str](), Counter[str]()
    for events in placed_events(rows).values():
        for place, visit in first_visits(events).items():
            people[place] += 1
            lost[place] += is_lost(events, visit)
    return [{"label": p, "people": people[p], "lost": lost[p]} for p in sorted(people)]


def lost_next(rows: Sequence[Row]) -> list[dict[str, Any]]:
    """Per place and ``next`` place: how many of the people lost there went there next."""
    moves = Counter[tuple[str, str]]()
    for events in placed_events(rows).values():
        for place, visit in first_visits(events).items():
            if is_lost(events, visit):
                moves[(place, next_place(events, place, visit))] += 1
    return [{"label": p, "next": n, "people": k} for (p, n), k in sorted(moves.items())]
