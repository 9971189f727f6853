"""Transitions: the directly-follows graph of labels, and where journeys start and end.

Steps are those of :func:`~.paths.journey_steps`: events with a unit, in journey order
``(ts, seq, label)``, NULL labels read as ``"(unmapped)"``. A *transition* is a pair of
consecutive steps of one unit. Durations are ``delta(unit="microsecond")`` between the two
steps' ``ts``. Quantiles are *nearest-rank* over the edge's durations sorted ascending: the
``q``-quantile of ``n`` durations is the ``⌈q·n⌉``-th (so the median of an even count is the
lower middle value). They are computed with window functions and integer arithmetic, so
every backend returns the same numbers. Exact definitions: ``docs/analytics.md#transitions``.
"""

from __future__ import annotations

import ibis

from .order import journey_order
from .paths import collapse_repeats, journey_steps
from .touchpoints import UNMAPPED

__all__ = ["starts_and_ends", "transitions"]

_US_PER_SECOND = 1_000_000


def transitions(
    events: ibis.Table,
    *,
    collapse: bool = False,
    units_are_people: bool = False,
    durations: bool = True,
) -> ibis.Table:
    """One row per edge: ``source, target, count, units, people, share_out, median_seconds,
    p95_seconds``; most transitions first.

    ``count`` transitions ``source → target``; ``units`` and ``people`` that made at least one
    (people: distinct non-NULL ``person``); ``share_out`` = ``count`` over all transitions
    leaving ``source``. With ``collapse``, consecutive repeats are dropped first (durations
    then run from the first event of one run to the first event of the next). Pass
    ``units_are_people`` when each unit is one person (the unit of analysis is the person):
    ``people`` is then ``units`` and the second distinct count is saved. Without
    ``durations``, ``median_seconds`` and ``p95_seconds`` are NULL and not computed (a
    grouping by every distinct duration less, for a caller that only needs the counts).
    """
    steps = events.filter(events.unit.notnull())
    # Empty labels read as "(unmapped)" like NULL ones.
    steps = steps.mutate(label=steps.label.nullif("").fill_null(UNMAPPED))
    # Labels become small integers numbered in label order (so ordering by the code is
    # ordering by the label): the pairs, which both aggregations below read, take half the
    # memory. Code 0 means "no next step" (`lead` past the last row is NULL, or 0 on
    # ClickHouse). Collapsing keeps every label, so the codes come from the steps before it:
    # the engine would otherwise run the collapsing window twice, once for each reader.
    codes = steps.select("label").distinct()
    codes = codes.mutate(_code=(ibis.row_number().over(order_by=codes.label) + 1).cast("int32"))
    # Collapsed, without durations: a move between two runs of one label is a pair of
    # consecutive steps with different labels, so the pairs of the steps as they are give
    # the counts, without a collapsing window pass first.
    between_runs = collapse and not durations
    if collapse and not between_runs:
        steps = collapse_repeats(steps)
    steps = steps.join(codes, "label")
    # One window pass: the next step's code and time, in journey order (the order of
    # `journey_steps`).
    order = ibis.window(group_by=steps.unit, order_by=journey_order(steps, steps._code))
    pairs = steps.select(
        "unit",
        *([] if units_are_people else ["person"]),
        _source=steps._code,
        _target=steps._code.lead().over(order).fill_null(0),
        _us=steps.ts.lead().over(order).delta(steps.ts, unit="microsecond").cast("int64"),
    )
    pairs = pairs.filter(pairs._target != 0)
    if between_runs:
        pairs = pairs.filter(pairs._target != pairs._source)
    edge = ["_source", "_target"]
    units = pairs.unit.nunique().cast("int64")
    edges = pairs.group_by(edge).aggregate(
        count=pairs.unit.count().cast("int64"),
        units=units,
        people=units if units_are_people else pairs.person.nunique().cast("int64"),
    )
    if not durations:
        none = ibis.null("int64")
        edges = edges.mutate(_median=none, _p95=none)
        return _named_edges(edges, codes)
    # Nearest-rank quantiles from the edge's distinct durations and their counts: the
    # durations of rank `before + 1 … through` all equal `_us`, so the q-quantile (rank
    # ⌈q·n⌉) is the `_us` whose `before < ⌈q·n⌉ <= through`.
    spread = pairs.group_by([*edge, "_us"]).aggregate(_k=pairs.unit.count())
    running = ibis.window(group_by=edge, order_by=spread._us, rows=(None, 0))
    spread = spread.mutate(
        _through=spread._k.sum().over(running), _n=spread._k.sum().over(group_by=edge)
    )
    through, n = spread._through, spread._n
    before = through - spread._k
    at_median = (2 * before < n) & (n <= 2 * through)
    at_p95 = (100 * before < 95 * n) & (95 * n <= 100 * through)
    quantiles = spread.group_by(edge).aggregate(
        _median=ibis.cases((at_median, spread._us)).max(),
        _p95=ibis.cases((at_p95, spread._us)).max(),
    )
    return _named_edges(edges.join(quantiles, edge), codes)


def _named_edges(edges: ibis.Table, codes: ibis.Table) -> ibis.Table:
    """The edges with their labels for codes, shares out of the source and durations in
    seconds, most transitions first."""
    sources = codes.select(_source=codes._code, source=codes.label)
    targets = codes.select(_target=codes._code, target=codes.label)
    edges = edges.join(sources, "_source").join(targets, "_target")
    out_of_source = edges["count"].sum().over(group_by=edges.source)
    edges = edges.select(
        "source",
        "target",
        "count",
        "units",
        "people",
        share_out=edges["count"].cast("float64") / out_of_source.cast("float64"),
        median_seconds=edges._median.cast("float64") / _US_PER_SECOND,
        p95_seconds=edges._p95.cast("float64") / _US_PER_SECOND,
    )
    return edges.order_by([ibis.desc("count"), "source", "target"])


def starts_and_ends(events: ibis.Table) -> ibis.Table:
    """``label, units, starts, ends``, one row per label with a step: the units with a step
    there, and those whose first (last) step has the label."""
    steps = journey_steps(events)
    # each unit's first and last label by position: a grouping, not a second window
    per_unit = steps.group_by("unit").aggregate(
        _first=steps.label.argmin(steps.position), _last=steps.label.argmax(steps.position)
    )
    one, zero = ibis.literal(1, "int64"), ibis.literal(0, "int64")
    both = ibis.union(
        per_unit.select(label=per_unit._first, _s=one, _e=zero),
        per_unit.select(label=per_unit._last, _s=zero, _e=one),
        distinct=False,
    )
    counts = both.group_by("label").aggregate(
        _starts=both._s.sum().cast("int64"), _ends=both._e.sum().cast("int64")
    )
    counts = counts.rename(_label="label")
    reach = steps.group_by("label").aggregate(units=steps.unit.nunique().cast("int64"))
    joined = reach.left_join(counts, reach.label == counts._label)
    return joined.select(
        "label",
        "units",
        starts=joined._starts.fill_null(0),
        ends=joined._ends.fill_null(0),
    ).order_by("label")
