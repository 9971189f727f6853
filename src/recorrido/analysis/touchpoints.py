"""Place events on the map: each event gets the touchpoint (and stage) whose rule it matches.

A touchpoint matches an event when the event's name is one of its ``match.event`` names, its
channel is one of ``match.channel`` (when given) and its ``where`` rule holds. The map's
validation guarantees at most one touchpoint matches; events matching none are *unmapped*
(``touchpoint`` and ``stage`` are NULL).
"""

from __future__ import annotations

from typing import Any

import ibis

from ..map.models import JourneyMap, Touchpoint
from ..map.rule_compile import compile_rule
from ..map.rules import parse_rule
from ..map.validate import EVENT_FIELDS

__all__ = ["UNMAPPED", "assign_touchpoints", "touchpoint_predicate"]

UNMAPPED = "(unmapped)"
"""How reports name events that match no touchpoint."""


def touchpoint_predicate(events: Any, touchpoint: Touchpoint) -> Any:
    """An Ibis predicate over ``events`` true where the event belongs to ``touchpoint``."""
    match = touchpoint.match
    predicate = events.event.isin(match.event)
    if match.channel is not None:
        predicate &= events.channel.isin(match.channel).fill_null(False)
    if match.where is not None:
        rule = parse_rule(match.where)
        predicate &= compile_rule(rule, events, EVENT_FIELDS, json_columns=("properties",))
    return predicate


def assign_touchpoints(events: Any, journey: JourneyMap) -> Any:
    """``events`` with ``touchpoint`` and ``stage`` columns (NULL where unmapped)."""
    if not journey.touchpoints:
        null = ibis.null().cast("string")
        return events.mutate(touchpoint=null, stage=null)
    branches = [(touchpoint_predicate(events, tp), tp.id) for tp in journey.touchpoints]
    placed = events.mutate(touchpoint=ibis.cases(*branches, else_=ibis.null().cast("string")))
    # the stage from the touchpoint found, not from the rules again (half the work)
    stage_of = [(placed.touchpoint == tp.id, tp.stage) for tp in journey.touchpoints]
    return placed.mutate(stage=ibis.cases(*stage_of, else_=ibis.null().cast("string")))
