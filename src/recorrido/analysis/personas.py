"""Assign people to buyer personas: the first persona (in map order) whose rule matches."""

from __future__ import annotations

from typing import Any

import ibis

from ..errors import StoreError, did_you_mean
from ..map.models import JourneyMap
from ..map.rule_compile import compile_rule
from ..map.rules import parse_rule
from ..map.validate import person_fields

__all__ = ["UNASSIGNED", "assign_personas"]

UNASSIGNED = "(no persona)"
"""How reports name people no persona rule matches."""


def assign_personas(people: Any, journey: JourneyMap) -> Any:
    """``people`` with a ``persona`` column (NULL where no rule matches)."""
    fields = person_fields(journey)
    columns = set(people.columns)
    for name in fields:
        if name not in columns:
            raise StoreError(
                f"the map declares person attribute '{name}' but the people table has no such "
                f"column{did_you_mean(name, columns)}; ingest a people file that has it",
                code="attribute_missing",
            )
    branches = [
        (compile_rule(parse_rule(p.assign), people, fields), p.id)
        for p in journey.personas
        if p.assign is not None
    ]
    if not branches:
        return people.mutate(persona=ibis.null().cast("string"))
    return people.mutate(persona=ibis.cases(*branches, else_=ibis.null().cast("string")))
