"""The designed journey against reality: stage moves and fitness to the buyer journey.

Both read journey events whose ``label`` is at the level of the designed order (stages, or
the touchpoints of the buyer journey) and take that order as a list of labels.

**Moves.** A unit's labelled events (``label`` in the order, NULLs and other labels dropped)
are ordered by ``(ts, seq)`` and consecutive repeats collapsed. Each consecutive pair
``a → b`` with designed positions ``i → j`` is a *forward* move when ``j = i + 1``, a *skip*
when ``j > i + 1`` (``j − i − 1`` steps skipped), a *backward* move when ``j < i``. A move is a
*revisit* (a loop) when the unit had already been at ``b`` before ``a``.

**Fitness.** For each designed step ``s_j`` (``j = 1…k``) take the unit's first event at it
(by ``(ts, seq)``). A step is *done* when that event exists, and *in order* when it is done
and comes after the first events of every done step designed before it. ``fitness`` = in-order
steps / ``k``; ``missed`` = steps never done; ``out_of_order`` = done − in order.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import ibis

__all__ = ["journey_fitness", "move_counts", "stage_moves", "step_coverage"]


def _ordered(events: Any, order: Sequence[str]) -> Any:
    """Events at a designed label, with its 1-based designed position, repeats collapsed."""
    position = ibis.cases(*[(events.label == name, index) for index, name in enumerate(order, 1)])
    placed = events.filter(events.label.isin(list(order))).mutate(position=position)
    window = ibis.window(group_by=placed.unit, order_by=[placed.ts, placed.seq])
    placed = placed.mutate(_previous=placed.label.lag().over(window))
    return placed.filter(placed._previous.isnull() | (placed._previous != placed.label)).drop(
        "_previous"
    )


def stage_moves(events: Any, order: Sequence[str]) -> Any:
    """One row per unit and move: ``unit``, ``source``, ``target``, ``kind``, ``skipped``,
    ``revisit`` (see the module docstring)."""
    steps = _ordered(events, order)
    window = ibis.window(group_by=steps.unit, order_by=[steps.ts, steps.seq])
    steps = steps.mutate(
        _index=ibis.row_number().over(window),
        _source=steps.label.lag().over(window),
        _from=steps.position.lag().over(window),
    )
    first_visit = ibis.window(group_by=[steps.unit, steps.label])
    steps = steps.mutate(_first=steps._index.min().over(first_visit))
    moves = steps.filter(steps._source.notnull())
    gap = moves.position - moves._from
    kind = ibis.cases((gap == 1, "forward"), (gap > 1, "skip"), else_="backward")
    return moves.select(
        "unit",
        source=moves._source,
        target=moves.label,
        kind=kind,
        skipped=(gap > 1).ifelse(gap - 1, 0),
        revisit=moves._first < moves._index,
    )


def journey_fitness(events: Any, order: Sequence[str]) -> Any:
    """One row per unit with a designed step: ``done``, ``in_order``, ``missed``,
    ``out_of_order``, ``fitness`` (see the module docstring)."""
    steps = _ordered(events, order)
    window = ibis.window(group_by=steps.unit, order_by=[steps.ts, steps.seq])
    steps = steps.mutate(_index=ibis.row_number().over(window))
    first = steps.group_by(["unit", "position"]).aggregate(first=steps._index.min() + 1)
    earlier = ibis.window(group_by=first.unit, order_by=first.position, rows=(None, -1))
    # positions start at 1, so "no earlier step" may be 0: ClickHouse gives 0, not NULL,
    # for an aggregate over an empty window frame
    first = first.mutate(_before=first.first.max().over(earlier).fill_null(0))
    in_order = first.first > first._before
    k = len(order)
    per_unit = first.group_by("unit").aggregate(
        done=first.count(), in_order=in_order.ifelse(1, 0).sum()
    )
    return per_unit.mutate(
        missed=k - per_unit.done,
        out_of_order=per_unit.done - per_unit.in_order,
        fitness=per_unit.in_order.cast("float64") / k,
    )


def move_counts(moves: Any) -> Any:
    """Moves grouped by ``source``, ``target``, ``kind``: ``count`` and distinct ``units``."""
    return moves.group_by(["source", "target", "kind"]).aggregate(
        count=moves.count(), units=moves.unit.nunique(), revisits=moves.revisit.ifelse(1, 0).sum()
    )


def step_coverage(events: Any, order: Sequence[str]) -> Any:
    """Per designed step: ``units`` that reached it at least once (any order)."""
    steps = _ordered(events, order)
    return steps.group_by(["label", "position"]).aggregate(units=steps.unit.nunique())
