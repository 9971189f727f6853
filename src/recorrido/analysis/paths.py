"""Paths: the label sequences units follow, as fixed-length step columns.

A unit's *steps* are its events in journey order ``(ts, seq, label)`` with NULL labels read as
``"(unmapped)"`` and events without a unit dropped. A path of ``N`` steps is ``N`` columns
``step_1 … step_N`` built with positions (``row_number``) and conditional aggregation, never
with string aggregation, so it runs unchanged on every backend. A NULL step means "no event
there" (the journey is shorter than ``N``); a path of fewer than ``N`` steps is still a path.
Exact definitions: ``docs/analytics.md#paths``.
"""

from __future__ import annotations

from dataclasses import dataclass

import ibis

from ..errors import UsageError, did_you_mean
from .order import journey_order
from .touchpoints import UNMAPPED

__all__ = ["OTHER", "collapse_repeats", "journey_steps", "path_flows", "top_paths"]

OTHER = "(other)"
"""The label that replaces rare labels when ``min_share`` is given."""

_NO_STRING = ibis.null().cast("string")


def collapse_repeats(events: ibis.Table) -> ibis.Table:
    """``events`` without the events whose label equals the previous event's label in the unit.

    Order is ``(ts, seq, label)``; NULL labels compare as ``"(unmapped)"`` (two NULLs in a row
    are a repeat) and are kept as NULL. The first event of each run is kept. Events without a
    unit belong to no journey and are dropped.
    """
    t = events.filter(events.unit.notnull())
    t = t.mutate(_label=t.label.fill_null(UNMAPPED))
    order = ibis.window(group_by=t.unit, order_by=journey_order(t, t._label))
    # The previous label is read only where a previous event exists (`_index > 0`): engines
    # disagree on what `lag` returns before the first row (NULL or the type's default).
    t = t.mutate(_index=ibis.row_number().over(order), _previous=t._label.lag().over(order))
    kept = t.filter((t._index == 0) | (t._previous != t._label))
    return kept.drop("_label", "_index", "_previous")


def journey_steps(events: ibis.Table, *, collapse: bool = False) -> ibis.Table:
    """Events with a unit, ``label`` filled with ``"(unmapped)"`` and ``position`` 1, 2, … in
    journey order ``(ts, seq, label)``; with ``collapse``, consecutive repeats dropped first."""
    t = events.filter(events.unit.notnull())
    t = t.mutate(label=t.label.fill_null(UNMAPPED))
    if collapse:
        t = collapse_repeats(t)
    order = ibis.window(group_by=t.unit, order_by=journey_order(t, t.label))
    return t.mutate(position=ibis.row_number().over(order) + 1)


def top_paths(
    events: ibis.Table,
    *,
    length: int,
    start: str | None = None,
    end: str | None = None,
    before: str | None = None,
    after_last: str | None = None,
    collapse: bool = True,
    min_share: float | None = None,
    group_by: str | None = None,
) -> ibis.Table:
    """Units per distinct path: ``[group_by], step_1 … step_N, count, share``.

    One path per unit: its first ``length`` steps; from its first ``start``; the ``length``
    steps ending at its first ``end`` (with ``start``: at the first ``end`` after that
    ``start``); the ``length`` steps before its first ``before``; the ``length`` steps after
    its last ``after_last``. ``share`` is ``count`` over the units with a path (in the same
    ``group_by`` group). Most frequent first.
    """
    spec = _PathSpec(length, start, end, before, after_last, collapse, min_share)
    spec.check(events, group_by)
    rows = _path_rows(events, spec, group_by)
    unit_paths = _pivot(rows, length, ["_group"] if group_by else [])
    if group_by:
        unit_paths = unit_paths.rename({group_by: "_group"})
    keys = [*([group_by] if group_by else []), *_step_names(length)]
    counted = unit_paths.group_by(keys).aggregate(count=unit_paths.unit.count().cast("int64"))
    total = counted["count"].sum().over(group_by=[group_by] if group_by else None)
    counted = counted.mutate(share=counted["count"].cast("float64") / total.cast("float64"))
    order = [ibis.desc("count"), *[ibis.asc(key, nulls_first=True) for key in keys]]
    return counted.select(*keys, "count", "share").order_by(order)


def path_flows(
    events: ibis.Table,
    *,
    length: int,
    start: str | None = None,
    end: str | None = None,
    before: str | None = None,
    after_last: str | None = None,
    collapse: bool = True,
    min_share: float | None = None,
) -> ibis.Table:
    """Sankey links of the paths of :func:`top_paths`: ``position, source, target, count``.

    ``count`` units have ``source`` at step ``position`` and ``target`` at step
    ``position + 1`` (``position`` = 1 … ``length − 1``; NULL steps make no link).
    """
    spec = _PathSpec(length, start, end, before, after_last, collapse, min_share)
    spec.check(events, None)
    rows = _path_rows(events, spec, None)
    rows = rows.filter((rows._k >= 1) & (rows._k <= length))
    a = rows.select(_unit=rows.unit, position=rows._k, source=rows.label)
    b = rows.select(_unit2=rows.unit, _k2=rows._k, target=rows.label)
    links = a.join(b, (a._unit == b._unit2) & (b._k2 == a.position + 1))
    flows = links.group_by("position", "source", "target").aggregate(
        count=links._unit.count().cast("int64")
    )
    flows = flows.mutate(position=flows.position.cast("int64"))
    return flows.order_by(["position", ibis.desc("count"), "source", "target"])


# -- building blocks (shared with :mod:`.variants`) ----------------------------------------


def _step_names(length: int) -> list[str]:
    return [f"step_{k}" for k in range(1, length + 1)]


@dataclass(frozen=True)
class _PathSpec:
    """Which path of each unit to take (see :func:`top_paths`)."""

    length: int
    start: str | None = None
    end: str | None = None
    before: str | None = None
    after_last: str | None = None
    collapse: bool = True
    min_share: float | None = None

    def check(self, events: ibis.Table, group_by: str | None) -> None:
        """Raise :class:`UsageError` for options that make no path."""
        length = self.length
        if isinstance(length, bool) or not isinstance(length, int) or length < 1:
            raise UsageError(
                f"path length {length!r}: use a whole number of steps, 1 or more",
                code="usage_path_length",
            )
        alone = [name for name in ("before", "after_last") if getattr(self, name) is not None]
        given = alone + [name for name in ("start", "end") if getattr(self, name) is not None]
        if alone and len(given) > 1:
            raise UsageError(
                f"paths: `{alone[0]}` cannot be combined with {', '.join(given[1:])}; use "
                "`start` and `end` for the steps between two labels",
                code="usage_path_anchors",
            )
        if self.min_share is not None and not 0 <= self.min_share <= 1:
            raise UsageError(
                f"min_share {self.min_share!r}: use a share between 0 and 1, e.g. 0.01",
                code="usage_min_share",
            )
        if group_by is not None:
            reserved = {"unit", "count", "share", *_step_names(length)}
            if group_by not in events.columns or group_by in reserved:
                valid = [c for c in events.columns if c not in reserved]
                hint = did_you_mean(group_by, valid)
                raise UsageError(
                    f"group_by '{group_by}' is not a column of the events{hint}",
                    code="usage_unknown_column",
                )


def _path_rows(events: ibis.Table, spec: _PathSpec, group_by: str | None) -> ibis.Table:
    """One row per unit and path step: ``unit, [_group], _k, label``; steps have ``_k`` in
    1…N. With ``before`` / ``after_last`` the anchor event stays as a row with ``_k`` outside
    1…N, so a unit whose path is empty (nothing before / after the anchor) keeps its row."""
    if group_by is not None:
        # The unit's group: the largest value over all its events (before collapsing).
        events = events.mutate(_group=events[group_by].max().over(group_by=events.unit))
    s = journey_steps(events, collapse=spec.collapse)
    n = spec.length
    if spec.start is not None:
        s = s.mutate(_s=_first(s, spec.start))
        if spec.end is not None:
            later = ibis.cases(((s.label == spec.end) & (s.position > s._s), s.position)).min()
            s = s.mutate(_e=later.over(group_by=s.unit))
            s = s.filter(
                s._e.notnull()
                & (s.position >= s._s)
                & (s.position <= s._e)
                & (s.position < s._s + n)
            )
        else:
            s = s.filter(s._s.notnull() & (s.position >= s._s) & (s.position < s._s + n))
        s = s.mutate(_k=s.position - s._s + 1)
    elif spec.end is not None:
        s = s.mutate(_e=_first(s, spec.end))
        s = s.filter(s._e.notnull() & (s.position <= s._e) & (s.position > s._e - n))
        s = s.mutate(_k=s.position - s._e + n)
    elif spec.before is not None:
        s = s.mutate(_b=_first(s, spec.before))
        s = s.filter(s._b.notnull() & (s.position <= s._b) & (s.position >= s._b - n))
        s = s.mutate(_k=s.position - s._b + n + 1)
    elif spec.after_last is not None:
        last = ibis.cases((s.label == spec.after_last, s.position)).max()
        s = s.mutate(_a=last.over(group_by=s.unit))
        s = s.filter(s._a.notnull() & (s.position >= s._a) & (s.position <= s._a + n))
        s = s.mutate(_k=s.position - s._a)
    else:
        s = s.filter(s.position <= n).mutate(_k=s.position)
    rows = s.select("unit", *(["_group"] if group_by else []), "_k", "label")
    if spec.min_share is not None:
        rows = _group_rare(rows, n, spec.min_share)
    return rows


def _first(steps: ibis.Table, label: str) -> ibis.Column:
    """The position of the unit's first step at ``label`` (NULL when it has none)."""
    at = ibis.cases((steps.label == label, steps.position)).min()
    return at.over(group_by=steps.unit)


def _group_rare(rows: ibis.Table, length: int, min_share: float) -> ibis.Table:
    """Labels filling fewer than ``min_share`` × all path steps become :data:`OTHER`."""
    in_path = (rows._k >= 1) & (rows._k <= length)
    counts = rows.group_by(_l="label").aggregate(_n=in_path.ifelse(1, 0).sum().cast("int64"))
    total = counts._n.sum().over()
    rare = counts._n.cast("float64") < total.cast("float64") * min_share
    counts = counts.mutate(_rare=rare)
    joined = rows.join(counts, rows.label == counts._l)
    label = joined._rare.ifelse(OTHER, joined.label)
    return joined.mutate(label=label).drop("_l", "_n", "_rare")


def _pivot(rows: ibis.Table, length: int, extra: list[str]) -> ibis.Table:
    """``unit, _k, label`` rows → one row per unit with ``step_1 … step_N`` (NULL = no step)."""
    steps = {
        name: ibis.cases((rows._k == k, rows.label), else_=_NO_STRING).max()
        for k, name in enumerate(_step_names(length), start=1)
    }
    return rows.group_by(["unit", *extra]).aggregate(**steps)
