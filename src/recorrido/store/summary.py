"""What a store holds: counts, time range, channels, and how well the map covers the events."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import ibis

from ..analysis.personas import assign_personas
from ..analysis.touchpoints import assign_touchpoints
from ..map.models import JourneyMap
from .identity import ANONYMOUS_PREFIX, journey_events
from .store import Store

__all__ = ["StoreSummary", "summarize"]


@dataclass
class StoreSummary:
    """The figures ``recorrido info`` prints; ``to_dict`` gives them as JSON-ready data."""

    path: str
    schema_version: int
    events: int
    feedback: int
    people: int
    identities: int
    journeys: int = 0
    anonymous_journeys: int = 0
    first_event: dt.datetime | None = None
    last_event: dt.datetime | None = None
    channels: list[tuple[str, int]] = field(default_factory=list)
    top_events: list[tuple[str, int]] = field(default_factory=list)
    feedback_metrics: list[tuple[str, int]] = field(default_factory=list)
    ingestions: list[dict[str, Any]] = field(default_factory=list)
    mapped_events: int | None = None
    unmapped: list[tuple[str, int]] = field(default_factory=list)
    touchpoints: list[tuple[str, int]] = field(default_factory=list)
    personas: list[tuple[str, int]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        def pairs(items: list[tuple[str, int]]) -> list[dict[str, Any]]:
            return [{"name": name, "count": count} for name, count in items]

        return {
            "store": self.path,
            "schema_version": self.schema_version,
            "counts": {
                "events": self.events,
                "feedback": self.feedback,
                "people": self.people,
                "identities": self.identities,
                "journeys": self.journeys,
                "anonymous_journeys": self.anonymous_journeys,
            },
            "first_event": self.first_event.isoformat() + "Z" if self.first_event else None,
            "last_event": self.last_event.isoformat() + "Z" if self.last_event else None,
            "channels": pairs(self.channels),
            "top_events": pairs(self.top_events),
            "feedback_metrics": pairs(self.feedback_metrics),
            "mapped_events": self.mapped_events,
            "unmapped_events": pairs(self.unmapped),
            "touchpoints": pairs(self.touchpoints),
            "personas": pairs(self.personas),
            "ingestions": self.ingestions,
            "notes": self.notes,
        }


def _counts(table: Any, column: Any, limit: int | None = None) -> list[tuple[str, int]]:
    grouped = table.group_by(label=column.fill_null("(none)")).aggregate(n=table.count())
    ordered = grouped.order_by([ibis.desc("n"), "label"])
    frame = (ordered.limit(limit) if limit else ordered).to_pyarrow().to_pylist()
    return [(str(row["label"]), int(row["n"])) for row in frame]


def summarize(store: Store, journey: JourneyMap | None = None, *, top: int = 10) -> StoreSummary:
    """Summarise the store; with a map, also touchpoint coverage and personas."""
    events = store.table("events")
    summary = StoreSummary(
        path=str(store.path),
        schema_version=store.schema_version() or 0,
        events=store.count("events"),
        feedback=store.count("feedback"),
        people=store.count("people"),
        identities=store.count("identities"),
    )
    if summary.events:
        stitched = journey_events(events, store.table("identities"))
        span = events.aggregate(first=events.ts.min(), last=events.ts.max()).to_pyarrow()
        summary.first_event = span["first"][0].as_py()
        summary.last_event = span["last"][0].as_py()
        people = stitched.aggregate(
            journeys=stitched.person.nunique(),
            anonymous=stitched.person.startswith(ANONYMOUS_PREFIX)
            .ifelse(stitched.person, ibis.null().cast("string"))
            .nunique(),
        ).to_pyarrow()
        summary.journeys = int(people["journeys"][0].as_py())
        summary.anonymous_journeys = int(people["anonymous"][0].as_py())
        summary.channels = _counts(events, events.channel)
        summary.top_events = _counts(events, events.event, top)
    feedback = store.table("feedback")
    if summary.feedback:
        summary.feedback_metrics = _counts(feedback, feedback.metric)
    log = store.table("ingestions").order_by("ingestion_id").to_pyarrow().to_pylist()
    summary.ingestions = [
        {
            key: (value.isoformat() if isinstance(value, dt.datetime) else value)
            for key, value in row.items()
            if key
            in (
                "ingestion_id",
                "kind",
                "source_file",
                "finished_at",
                "accepted",
                "duplicates",
                "rejected",
            )
        }
        for row in log
    ]
    if journey is not None:
        _map_coverage(store, journey, summary, top)
    return summary


def _map_coverage(store: Store, journey: JourneyMap, summary: StoreSummary, top: int) -> None:
    if summary.events:
        placed = assign_touchpoints(store.table("events"), journey)
        unmapped = placed.filter(placed.touchpoint.isnull())
        summary.unmapped = _counts(unmapped, unmapped.event, top)
        summary.mapped_events = summary.events - int(unmapped.count().execute())
        volumes = dict(_counts(placed.filter(placed.touchpoint.notnull()), placed.touchpoint))
        summary.touchpoints = [(tp.id, volumes.get(tp.id, 0)) for tp in journey.touchpoints]
        silent = [tp.id for tp in journey.touchpoints if not volumes.get(tp.id)]
        if silent:
            summary.notes.append(
                f"touchpoints that match no event: {', '.join(silent)} (check their match rules)"
            )
    if summary.people and journey.personas:
        people = assign_personas(store.table("people"), journey)
        counts = dict(_counts(people, people.persona))
        summary.personas = [(p.id, counts.get(p.id, 0)) for p in journey.personas]
        summary.personas.append(("(no persona)", counts.get("(none)", 0)))
