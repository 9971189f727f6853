"""Place survey answers on the map: the touchpoint, stage and channel each answer is about.

The link rule, in order (see ``docs/analytics.md``, *Experience*):

1. an answer that names a touchpoint keeps it; its stage and channel are the touchpoint's
   in the map (a stage the answer also names is ignored). ``link = "touchpoint"``, or
   ``"unknown_touchpoint"`` when the map has no such touchpoint: the answer keeps the name,
   has no channel, and its stage is the one it names, if any;
2. else an answer that names a stage keeps it (no touchpoint, no channel):
   ``"stage"``, or ``"unknown_stage"`` when the map has no such stage;
3. else an answer with a person is attached to the touchpoint that person touched last at or
   before the answer's time (the latest touchpoint event by ``(ts, seq)`` with
   ``ts <= answer ts``): ``"last_touch"``;
4. else it stays unlinked: ``"unlinked"`` (no touchpoint, stage or channel).

``known_person`` says whether the answer's person has any journey event at all. Nothing is
dropped: reports count every kind.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import ibis
import ibis.expr.datatypes as dt

from ..map.models import JourneyMap

__all__ = [
    "FEEDBACK",
    "LINK_KINDS",
    "UNLINKED",
    "MapPlaces",
    "feedback_table",
    "link_feedback",
]

UNLINKED = "(unlinked)"
"""How reports name answers without a touchpoint (or stage, or channel)."""

LINK_KINDS: tuple[str, ...] = (
    "touchpoint",
    "unknown_touchpoint",
    "stage",
    "unknown_stage",
    "last_touch",
    "unlinked",
)
"""How an answer was placed, in the order the rule tries them."""

FEEDBACK = ibis.schema(
    {
        "response_id": dt.String(nullable=True),
        "person_id": dt.String(nullable=True),
        "ts": dt.Timestamp(nullable=False),
        "seq": dt.Int64(nullable=False),
        "touchpoint": dt.String(nullable=True),
        "stage": dt.String(nullable=True),
        "metric": dt.String(nullable=True),
        "score": dt.Float64(nullable=True),
        "scale_min": dt.Float64(nullable=True),
        "scale_max": dt.Float64(nullable=True),
    }
)
"""The columns of the store's ``feedback`` table the experience analytics read; ``seq``
(the ingestion sequence number) identifies an answer."""


@dataclass(frozen=True)
class MapPlaces:
    """What the link rule needs from the map: stages in order, each touchpoint's stage and
    channel, and each stage's designed emotion (``scenarios[stage].emotion``)."""

    stages: tuple[str, ...]
    stage_of: Mapping[str, str]
    channel_of: Mapping[str, str]
    designed: Mapping[str, int | None]

    @classmethod
    def of(cls, journey: JourneyMap) -> MapPlaces:
        return cls(
            stages=tuple(journey.stage_ids()),
            stage_of={tp.id: tp.stage for tp in journey.touchpoints},
            channel_of={tp.id: tp.channel for tp in journey.touchpoints},
            designed={
                stage: (scenario.emotion if (scenario := journey.scenarios.get(stage)) else None)
                for stage in journey.stage_ids()
            },
        )


def feedback_table(name: str = "feedback") -> ibis.Table:
    """An unbound Ibis table with the :data:`FEEDBACK` columns, for building expressions."""
    return ibis.table(FEEDBACK, name=name)


def _lookup(column: ibis.Value, mapping: Mapping[str, str]) -> ibis.Value:
    null = ibis.null().cast("string")
    if not mapping:
        return null
    return column.substitute(dict(mapping), else_=null)


def _isin(column: ibis.Value, values: Sequence[str]) -> ibis.Value:
    return column.isin(list(values)) if values else ibis.literal(False)


def link_feedback(feedback: ibis.Table, events: ibis.Table, places: MapPlaces) -> ibis.Table:
    """One row per answer of ``feedback`` placed on the map.

    ``events`` are journey events at touchpoint level (``label`` = touchpoint, NULL for events
    the map does not place; see :mod:`.frame`). Columns: ``seq``, ``response_id``, ``person``,
    ``ts``, ``metric``, ``score``, ``scale_min``, ``scale_max``, ``touchpoint``, ``stage``,
    ``channel``, ``link`` (one of :data:`LINK_KINDS`) and ``known_person``.
    """
    answers = feedback.select(
        "seq",
        "response_id",
        "ts",
        "metric",
        "score",
        "scale_min",
        "scale_max",
        person=feedback.person_id,
        _named_tp=feedback.touchpoint,
        _named_stage=feedback.stage,
    )
    asking = answers.filter(
        answers._named_tp.isnull() & answers._named_stage.isnull() & answers.person.notnull()
    ).select(_a_seq="seq", _a_person="person", _a_ts="ts")
    touches = events.filter(events.label.notnull() & events.person.notnull())
    touches = touches.select(_t_person="person", _t_ts="ts", _t_seq="seq", _t_label="label")
    before = asking.join(
        touches, [asking._a_person == touches._t_person, touches._t_ts <= asking._a_ts]
    )
    latest = ibis.window(
        group_by=before._a_seq, order_by=[ibis.desc(before._t_ts), ibis.desc(before._t_seq)]
    )
    ranked = before.mutate(_rank=ibis.row_number().over(latest))
    last = ranked.filter(ranked._rank == 0).select("_a_seq", _last=ranked._t_label)

    people = events.filter(events.person.notnull()).select(_k_person="person").distinct()
    people = people.mutate(_known=ibis.literal(1))

    joined = answers.left_join(last, answers.seq == last._a_seq)
    joined = joined.left_join(people, joined.person == people._k_person)

    named_known = _isin(joined._named_tp, list(places.stage_of))
    stage_known = _isin(joined._named_stage, places.stages)
    link = ibis.cases(
        (joined._named_tp.notnull() & named_known, "touchpoint"),
        (joined._named_tp.notnull(), "unknown_touchpoint"),
        (joined._named_stage.notnull() & stage_known, "stage"),
        (joined._named_stage.notnull(), "unknown_stage"),
        (joined._last.notnull(), "last_touch"),
        else_="unlinked",
    )
    touchpoint = ibis.coalesce(joined._named_tp, joined._last)
    stage = ibis.coalesce(_lookup(touchpoint, places.stage_of), joined._named_stage)
    return joined.select(
        "seq",
        "response_id",
        "person",
        "ts",
        "metric",
        "score",
        "scale_min",
        "scale_max",
        touchpoint=touchpoint,
        stage=stage,
        channel=_lookup(touchpoint, places.channel_of),
        link=link,
        # ClickHouse reads an unmatched column as NULL here (join_use_nulls = 1)
        known_person=joined._known.fill_null(0) == 1,
    )
