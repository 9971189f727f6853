"""Variants: the distinct step sequences of units, with how many units follow each.

String aggregation is not portable (NULL handling and ordering differ per engine), so a
variant is at most ``max_length`` step columns ``step_1 … step_L``, built like the paths of
:mod:`.paths`. Sequences of at most ``L`` steps are exact variants; a longer sequence is kept
as its first ``L`` steps with ``truncated`` true, and all longer sequences sharing those steps
count as one truncated variant. Exact definitions: ``docs/analytics.md#variants``.
"""

from __future__ import annotations

import ibis

from ..errors import UsageError
from .paths import _pivot, _step_names, journey_steps

__all__ = ["variants"]


def variants(events: ibis.Table, *, max_length: int = 20, collapse: bool = True) -> ibis.Table:
    """``step_1 … step_L, truncated, count, share``: units per distinct sequence (consecutive
    repeats collapsed unless ``collapse=False``); most frequent first."""
    if isinstance(max_length, bool) or not isinstance(max_length, int) or max_length < 1:
        raise UsageError(
            f"max_length {max_length!r}: use a whole number of steps, 1 or more",
            code="usage_variant_length",
        )
    steps = journey_steps(events, collapse=collapse)
    steps = steps.mutate(
        truncated=steps.position.max().over(group_by=steps.unit) > max_length, _k=steps.position
    )
    rows = steps.filter(steps.position <= max_length).select("unit", "truncated", "_k", "label")
    per_unit = _pivot(rows, max_length, ["truncated"])
    keys = [*_step_names(max_length), "truncated"]
    counted = per_unit.group_by(keys).aggregate(count=per_unit.unit.count().cast("int64"))
    total = counted["count"].sum().over()
    counted = counted.mutate(share=counted["count"].cast("float64") / total.cast("float64"))
    order = [ibis.desc("count"), *[ibis.asc(key, nulls_first=True) for key in keys]]
    return counted.order_by(order)
