"""Funnels: which units go through an ordered list of steps, how far, and how fast.

A funnel is a :class:`FunnelSpec` (the steps and how they must follow each other) read from the
journey events (:mod:`recorrido.analysis.frame`). :func:`funnel_units` gives one row per unit
that entered the funnel (how far it got and when it reached each step);
:func:`~recorrido.analysis.funnel_summary.funnel_steps` turns those rows into the step table.
The exact definitions are in ``docs/analytics.md`` (section *Funnels*); in short:

* a unit's events are ordered by ``(ts, seq)``; a *chain* is a sequence of its events, one per
  step, strictly increasing in that order (so one event never serves two steps of a chain);
* ``ordered``: other events may lie between the chain's events; ``strict``: each chain event
  is the event directly after the previous one; ``any``: a set of events, one per step, in any
  order;
* a chain fits the window when its last event is at most ``window_us`` microseconds after its
  first; every event of the entry step may start a chain;
* a unit reaches step ``j`` when some valid chain ends at step ``j``; the step's time is that
  of the first event (journey order) ending such a chain, and its time to convert is measured
  from the latest start among the valid chains ending at that event.

For the ordered mode, each unit's step events are numbered once in journey order and one
grouped join per step carries, for every step event, the latest start of a valid chain ending
there (``max`` over the unit's earlier chain ends), which decides reachability exactly because
the latest start gives the shortest span. The strict and any modes use window functions over
each unit's ordered events.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Literal, get_args

import ibis

from ..errors import UsageError, did_you_mean
from .funnel_summary import funnel_steps, step_columns
from .order import carried, journey_order, position

__all__ = ["MODES", "Exclusion", "FunnelSpec", "funnel_steps", "funnel_units", "hold_value"]

Mode = Literal["ordered", "strict", "any"]
MODES: tuple[str, ...] = get_args(Mode)
"""The step-order modes, default first."""

_EVENT_COLUMNS = ("unit", "ts", "seq", "label")
_HOLD_KEY = re.compile(r"[A-Za-z0-9_-]+")
_RESERVED = ("unit", "entry", "reached")


@dataclass(frozen=True)
class Exclusion:
    """Chains with an event labelled ``label`` strictly between their step-``after`` event
    and their step-``before`` event do not count (steps are 0-based indexes into
    ``FunnelSpec.steps``)."""

    label: str
    after: int
    before: int


@dataclass(frozen=True)
class FunnelSpec:
    """What a funnel measures; validated on construction (:class:`UsageError` otherwise).

    ``steps`` are labels (the ``label`` column); ``optional`` and the indexes of each
    :class:`Exclusion` are 0-based positions in ``steps``. ``hold`` names a key of the
    ``properties`` JSON whose value (a string or an integer, compared as text) must be the
    same on every event of a chain.
    """

    steps: tuple[str, ...]
    mode: Mode = "ordered"
    window_us: int | None = None
    open: bool = False
    optional: frozenset[int] = frozenset()
    exclusions: tuple[Exclusion, ...] = ()
    hold: str | None = None

    def __post_init__(self) -> None:
        # Accept any iterable for the collections; store the declared immutable types.
        object.__setattr__(self, "steps", tuple(self.steps))
        object.__setattr__(self, "optional", frozenset(self.optional))
        object.__setattr__(self, "exclusions", tuple(self.exclusions))
        for rule in _RULES:
            rule(self)


def _fail(code: str, message: str) -> UsageError:
    return UsageError(f"funnel: {message}", code=code)


def _check_steps(spec: FunnelSpec) -> None:
    if len(spec.steps) < 2:
        raise _fail(
            "funnel_steps",
            f"a funnel needs at least 2 steps, got {len(spec.steps)} ({list(spec.steps)}); "
            "add the step the units should reach",
        )
    for index, step in enumerate(spec.steps):
        if not isinstance(step, str) or not step:
            raise _fail("funnel_steps", f"step {index} must be a non-empty label, got {step!r}")


def _check_mode(spec: FunnelSpec) -> None:
    if spec.mode not in MODES:
        raise _fail("funnel_mode", f"unknown mode {spec.mode!r}{did_you_mean(spec.mode, MODES)}")
    if spec.mode == "any":
        repeated = sorted({s for s in spec.steps if spec.steps.count(s) > 1})
        if repeated:
            raise _fail(
                "funnel_any_labels",
                f"mode 'any' needs distinct step labels, but {repeated} repeat; "
                "use mode 'ordered' for funnels that revisit a step",
            )
        if spec.open:
            raise _fail(
                "funnel_open_any",
                "an open funnel enters at a step and goes on in order, which mode 'any' "
                "has not; use open=False or mode 'ordered'",
            )


def _check_window(spec: FunnelSpec) -> None:
    window = spec.window_us
    if window is None:
        return
    if isinstance(window, bool) or not isinstance(window, int) or window <= 0:
        raise _fail(
            "funnel_window",
            f"window_us must be a positive number of microseconds or None, got {window!r} "
            "(one day is 86_400_000_000)",
        )


def _check_optional(spec: FunnelSpec) -> None:
    last = len(spec.steps) - 1
    for index in sorted(spec.optional, key=repr):
        if isinstance(index, bool) or not isinstance(index, int) or not 0 < index < last:
            raise _fail(
                "funnel_optional",
                f"optional step {index!r} must be a 0-based index between 1 and {last - 1} "
                "(the first and last steps cannot be optional)",
            )


def _check_exclusions(spec: FunnelSpec) -> None:
    last = len(spec.steps) - 1
    for exclusion in spec.exclusions:
        if not isinstance(exclusion, Exclusion):
            raise _fail("funnel_exclusion", f"{exclusion!r} is not an Exclusion")
        where = (
            f"exclusion {exclusion.label!r} (after={exclusion.after}, before={exclusion.before})"
        )
        if spec.mode != "ordered":
            raise _fail(
                "funnel_exclusion",
                f"{where}: exclusions need mode 'ordered' (in mode {spec.mode!r} nothing "
                "lies between two steps of a chain)",
            )
        if not isinstance(exclusion.label, str) or not exclusion.label:
            raise _fail("funnel_exclusion", f"{where}: the label must be a non-empty string")
        if not 0 <= exclusion.after < exclusion.before <= last:
            raise _fail(
                "funnel_exclusion",
                f"{where}: need 0 <= after < before <= {last} (0-based step indexes)",
            )
        if {exclusion.after, exclusion.before} & spec.optional:
            raise _fail("funnel_exclusion", f"{where}: after and before cannot be optional steps")
        if exclusion.label in spec.steps[exclusion.after : exclusion.before + 1]:
            raise _fail(
                "funnel_exclusion",
                f"{where}: the label is one of the steps it spans, so every chain would "
                "be excluded",
            )


def _check_hold(spec: FunnelSpec) -> None:
    hold = spec.hold
    if hold is not None and (not isinstance(hold, str) or not _HOLD_KEY.fullmatch(hold)):
        raise _fail(
            "funnel_hold",
            f"hold must name a properties key made of letters, digits, '_' or '-', got {hold!r}",
        )


_RULES: tuple[Callable[[FunnelSpec], None], ...] = (
    _check_steps,
    _check_mode,
    _check_window,
    _check_optional,
    _check_exclusions,
    _check_hold,
)


def _check_events(events: Any, spec: FunnelSpec, breakdown: str | None) -> None:
    columns = list(events.columns)
    needed = [*_EVENT_COLUMNS, *(["properties"] if spec.hold is not None else [])]
    for name in needed:
        if name not in columns:
            raise UsageError(
                f"funnel: the events have no column '{name}'{did_you_mean(name, columns)}; "
                "funnels read journey events (recorrido.analysis.frame)",
                code="funnel_events",
            )
    if breakdown is None:
        return
    if breakdown not in columns:
        raise UsageError(
            f"funnel: breakdown column '{breakdown}' is not in the events"
            f"{did_you_mean(breakdown, columns)}; add it to the events first",
            code="funnel_breakdown",
        )
    if breakdown in _RESERVED or breakdown in step_columns(spec):
        raise UsageError(
            f"funnel: breakdown column '{breakdown}' clashes with an output column; "
            "rename it before calling",
            code="funnel_breakdown",
        )


def _no_time(ev: Any) -> Any:
    """A NULL of the events' timestamp type."""
    return ibis.null(ev.ts.type().copy(nullable=True))


def _later(a: Any, b: Any) -> Any:
    """The later of two nullable timestamps (NULL only when both are)."""
    return ibis.greatest(a.coalesce(b), b.coalesce(a))


def hold_value(properties: Any, key: str) -> Any:
    """The value of ``key`` in the ``properties`` JSON text, as text: a string's characters as
    written (escapes kept) or an integer's digits; NULL when absent, empty or of another type.

    A regular expression (not JSON functions, which ibis 12 cannot compile for ClickHouse
    and runs as a Python UDF on Spark) finds the first ``"key":`` in the text, so keys of
    nested objects are not told apart from top-level ones.
    """
    pattern = rf'"{key}"\s*:\s*(?:"((?:[^"\\]|\\.)*)"|(-?[0-9]+)\s*[,}}])'
    present = properties.fill_null("")  # ClickHouse cannot cast a NULL to a plain String
    text = present.re_extract(pattern, 1).nullif("")
    return text.coalesce(present.re_extract(pattern, 2).nullif(""))


def funnel_units(
    events: ibis.Table, spec: FunnelSpec, *, breakdown: str | None = None
) -> ibis.Table:
    """One row per unit that entered the funnel: how far it got and when.

    Columns: ``unit``; the ``breakdown`` column (its value on the unit's first event of its
    entry step) when asked; ``entry`` (1-based step where the unit entered: always 1 for
    closed funnels); ``reached`` (1-based furthest step reached); ``step_<j>_ts`` (when step
    ``j`` was first reached, NULL if never) and ``step_<j>_seconds`` (time to convert: from
    the start of the chain that reached step ``j`` then; NULL if not reached or ``j`` is the
    entry step), for ``j`` = 1 … number of steps.
    """
    _check_events(events, spec, breakdown)
    steps = spec.steps
    if spec.mode != "strict":
        # Only step and exclusion events matter when other events may lie in between: a
        # plain filter on the label first, which engines push down into the scan.
        wanted = sorted({*steps, *(x.label for x in spec.exclusions)})
        events = events.filter(events.unit.notnull() & events.label.isin(wanted))
    columns: dict[str, Any] = {
        "unit": events.unit,
        "ts": events.ts,
        "seq": events.seq,
        "label": events.label,
    }
    columns.update({name: events[name] for name in carried(events)})
    if breakdown is not None:
        columns["_f_bd"] = events[breakdown]
    # `_f_step` is the label when the event may be a step of a chain, NULL otherwise.
    step_label = events.label
    if spec.hold is not None:
        columns["_f_hold"] = hold_value(events.properties, spec.hold)
        step_label = ibis.ifelse(columns["_f_hold"].notnull(), events.label, ibis.null("string"))
    if spec.mode != "strict" and spec.hold is None and not spec.exclusions:
        columns["_f_step"] = events.label  # the filter above kept step events only
    else:
        columns["_f_step"] = ibis.ifelse(step_label.isin(steps), step_label, ibis.null("string"))
    ev = events.select(**columns)
    if spec.mode == "strict":
        ev = ev.filter(ev.unit.notnull())
    elif spec.hold is not None:
        relevant = ev._f_step.notnull()
        if spec.exclusions:
            relevant |= ev.label.isin([x.label for x in spec.exclusions])
        ev = ev.filter(relevant)
    keys = ["unit", *(["_f_hold"] if spec.hold is not None else [])]
    if spec.open:
        first_index = ibis.cases(*((ev._f_step == s, i) for i, s in enumerate(steps)))
        ev = ev.mutate(_f_entry=first_index.min().over(ibis.window(group_by=ev.unit)))
    else:
        ev = ev.mutate(_f_entry=ibis.literal(0, "int64"))
    builders: dict[str, Callable[[Any, FunnelSpec, list[str]], Any]] = {
        "ordered": _ordered_starts,
        "strict": _strict_starts,
        "any": _any_starts,
    }
    ev = builders[spec.mode](ev, spec, keys)
    if spec.mode != "ordered":  # the ordered rows are step events already
        ev = ev.filter(ev._f_step.notnull())
    return _per_unit(ev, spec, breakdown)


def _order(ev: Any) -> list[Any]:
    """A unit's events in journey order; the label settles equal (ts, seq) on every engine."""
    return journey_order(ev, ev.label)


def _seed(ev: Any, step: int, label: str) -> Any:
    """The event's time where it starts a chain at ``step`` (the unit's entry step)."""
    return ibis.ifelse((ev._f_step == label) & (ev._f_entry == step), ev.ts, _no_time(ev))


def _ordered_starts(ev: Any, spec: FunnelSpec, keys: list[str]) -> Any:
    """The step events with ``_f_a<i>``: the latest start of a valid chain ending at the event
    as step ``i``, as a long table (one row per step event with its seeds, plus one row per
    step ``i`` event that ends a chain with a predecessor, ``_f_a<i>`` set on that row only).

    ``a_i(e) = max(c_{i-1}(e'))`` over the unit's events ``e'`` strictly before ``e``, where
    ``c_i`` is ``a_i`` or, for an optional step, the better of ``a_i`` and ``c_{i-1}``
    (the step skipped). Events are numbered once (their :func:`~.order.position`) and each
    step is a join of the step's events with the events carrying ``c_{i-1}`` on the unit and
    an earlier position, grouped by event: only step events take part, so this is much
    cheaper than a running ``max`` over every event per step. An exclusion (after, before)
    forbids its label between the chain's events of the two steps: those links are only
    taken inside one *segment* (the events between two consecutive excluded events), so the
    join also matches the segment counter. The reach of step ``i`` only obeys exclusions whose
    ``before`` <= ``i``, so each needed subset of exclusions gets its own table (memoised by
    step and subset).
    """
    steps, exclusions = spec.steps, spec.exclusions
    labels = sorted({x.label for x in exclusions})
    segment = {label: f"_f_x{n}" for n, label in enumerate(labels)}
    # `_f_k`: the step label as a small integer (its first index in the steps), so that the
    # many per-step filters below compare integers. `_f_l`: the exclusion label's rank, for
    # the segment counters.
    code = {label: steps.index(label) for label in steps}
    rank = {label: n for n, label in enumerate(labels)}
    ev = ev.mutate(
        _f_k=ibis.cases(*((ev._f_step == label, k) for label, k in code.items())),
        **(
            {"_f_l": ibis.cases(*((ev.label == label, n) for label, n in rank.items()))}
            if labels
            else {}
        ),
    )
    # Ordering by the label itself (the tie-breaker of journey order) sorts faster than by
    # a computed rank: engines compare short strings only where (ts, seq) tie.
    order = journey_order(ev, ev.label)
    running = ibis.window(group_by=ev.unit, order_by=order, rows=(None, 0))
    segments = list(segment.values())
    # What the rows of `_per_unit` need besides the position.
    attributes = [
        *keys,
        "ts",
        *(["_f_bd"] if "_f_bd" in ev.columns else []),
        *(["_f_entry"] if spec.open else []),  # closed funnels: a constant, added at the end
    ]
    # One select with the window, so that the table every step reads holds these columns
    # only (engines materialise it once).
    ev = ev.select(
        *attributes,
        "_f_k",
        _f_pos=position(ev, order),
        **{
            column: ibis.ifelse(ev._f_l == rank[label], 1, 0).sum().over(running)
            for label, column in segment.items()
        },
    )
    if segments:  # exclusion events are needed for the segments only
        ev = ev.filter(ev._f_k.notnull())

    def relevant(subset: Iterable[int], step: int) -> frozenset[int]:
        return frozenset(n for n in subset if exclusions[n].after < step)

    need_a: list[set[frozenset[int]]] = [set() for _ in steps]
    need_c: list[set[frozenset[int]]] = [set() for _ in steps]

    def want_c(step: int, subset: frozenset[int]) -> None:
        subset = relevant(subset, step)
        if subset not in need_c[step]:
            need_c[step].add(subset)
            want_a(step, subset)
            if step in spec.optional:
                want_c(step - 1, subset)

    def want_a(step: int, subset: frozenset[int]) -> None:
        subset = relevant(subset, step)
        if subset not in need_a[step]:
            need_a[step].add(subset)
            if step > 0:
                want_c(step - 1, subset)

    targets = [
        relevant((n for n, x in enumerate(exclusions) if x.before <= i), i)
        for i in range(len(steps))
    ]
    for step, subset in enumerate(targets):
        want_a(step, subset)

    carried = [*keys, *segments, "_f_pos"]
    # Events that start a chain at step `i` (the unit's entry step).
    seeded = range(len(steps)) if spec.open else range(1)
    starts = {
        i: (ev._f_k == code[steps[i]]) & (ev._f_entry == i) if spec.open else ev._f_k == 0
        for i in seeded
    }

    def seeds(step: int) -> Any:
        return ev.filter(starts[step]).select(*carried, _f_v=ev.ts)

    chains: dict[tuple[int, frozenset[int]], Any] = {}  # ends of chains: rows of c_i
    ends: dict[tuple[int, frozenset[int]], Any] = {}  # step events with a_i from a join
    one_per_start: set[tuple[int, frozenset[int]]] = set()  # chains that are just ends
    for step in range(len(steps)):
        if step > 0:
            at_step = ev.filter(ev._f_k == code[steps[step]])
            for subset in need_a[step]:
                covering = sorted(
                    {segment[exclusions[n].label] for n in subset if step <= exclusions[n].before}
                )
                previous = (step - 1, relevant(subset, step - 1))
                before = chains[previous]
                # Each start matters once, from its earliest position: max(w : p < pos)
                # = max(w : min p of w < pos), over far fewer rows (many step events share
                # their latest start). The ends of a step are one row per start already.
                if previous in one_per_start and covering == segments:
                    before = before.select(*keys, *covering, _f_w=before._f_v, _f_p=before._f_pos)
                else:
                    before = before.group_by(
                        [*keys, *covering, before._f_v.name("_f_w")]
                    ).aggregate(_f_p=before._f_pos.min())
                linked = at_step.join(before, [*keys, *covering])
                linked = linked.filter(linked._f_p < linked._f_pos)
                # One row per event; its other columns are the same on all its rows (the
                # breakdown value is read from the seeds only).
                group = [*keys, "_f_pos"]
                end = linked.group_by(group).aggregate(
                    _f_v=linked._f_w.max(),
                    **{
                        c: linked[c].max()
                        for c in [*attributes, *segments]
                        if c not in group and c != "_f_bd"
                    },
                )
                # Of the events that end chains with the same latest start (in the same
                # segments), the first dominates the others: as early, as short, and the
                # start the next step reads from it is the same. Keep it only.
                same = [*keys, *segments, "_f_v"]
                ends[step, subset] = end.group_by(same).aggregate(
                    **{c: end[c].min() for c in end.columns if c not in same}
                )
        for subset in need_c[step]:
            parts = []
            if step in seeded:
                parts.append(seeds(step))
            if step > 0:
                parts.append(ends[step, subset].select(*carried, "_f_v"))
            if step in spec.optional:
                parts.append(chains[step - 1, relevant(subset, step - 1)])
            chains[step, subset] = _union(parts)
            if len(parts) == 1 and step > 0:
                one_per_start.add((step, subset))

    none = _no_time(ev)
    # Events that start no chain add nothing: every unit in the funnel has a seeded event
    # (an event of its entry step), which is also where its breakdown value is read.
    ev = ev.filter(ibis.or_(*starts.values()))
    constant = {} if spec.open else {"_f_entry": ibis.literal(0, "int64")}
    rows = [
        ev.select(
            *attributes,
            "_f_pos",
            **constant,
            _f_step=ibis.cases(*((ev._f_k == k, label) for label, k in code.items())),
            **{
                f"_f_a{i}": ibis.ifelse(starts[i], ev.ts, none) if i in seeded else none
                for i in range(len(steps))
            },
        )
    ]
    for step in range(1, len(steps)):
        linked = ends[step, targets[step]]
        rows.append(
            linked.select(
                *(c for c in attributes if c != "_f_bd"),
                "_f_pos",
                **constant,
                **({"_f_bd": ibis.null(ev._f_bd.type())} if "_f_bd" in attributes else {}),
                _f_step=ibis.literal(steps[step], "string"),
                **{f"_f_a{i}": linked._f_v if i == step else none for i in range(len(steps))},
            )
        )
    return _union(rows)


def _union(parts: list[Any]) -> Any:
    """``UNION ALL`` of tables with the same columns (nullability aligned on the first)."""
    schema = parts[0].schema()
    aligned = [part if part.schema() == schema else part.cast(schema) for part in parts]
    return aligned[0] if len(aligned) == 1 else ibis.union(*aligned, distinct=False)


def _strict_patterns(spec: FunnelSpec, step: int) -> list[tuple[int, ...]]:
    """Step sequences of a strict chain ending at ``step``, shortest first.

    A sequence starts at its entry step (0 for closed funnels), ends at ``step`` and holds
    every required step between; optional ones may be left out.
    """
    entries = range(step + 1) if spec.open else range(1)
    found: list[tuple[int, ...]] = []
    for entry in entries:
        middle = range(entry + 1, step)
        free = [s for s in middle if s in spec.optional]
        for mask in range(1 << len(free)):
            skipped = {s for bit, s in enumerate(free) if mask >> bit & 1}
            inner = tuple(s for s in middle if s not in skipped)
            found.append((entry, *inner, step) if step > entry else (entry,))
    return sorted(found, key=len)


def _strict_starts(ev: Any, spec: FunnelSpec, keys: list[str]) -> Any:
    """Add ``_f_a<i>`` for strict funnels from the labels (and times) of the events just
    before: a chain whose steps are ``p_0 … p_L`` ends at an event when the ``m``-th
    previous event has label ``p_{L-m}``. The shortest matching pattern starts latest."""
    steps = spec.steps
    hold = spec.hold is not None
    longest = max(len(p) for i in range(len(steps)) for p in _strict_patterns(spec, i))
    order = _order(ev)
    window = ibis.window(group_by=ev.unit, order_by=order)
    lags: dict[str, Any] = {"_f_pos": position(ev, order)}
    for back in range(1, longest):
        lags[f"_f_l{back}"] = ev._f_step.lag(back).over(window)
        lags[f"_f_t{back}"] = ev.ts.lag(back).over(window)
        if hold:
            lags[f"_f_h{back}"] = ev._f_hold.lag(back).over(window)
    ev = ev.mutate(**lags)

    def matches(pattern: tuple[int, ...]) -> Any:
        last = len(pattern) - 1
        condition = (ev._f_step == steps[pattern[-1]]) & (ev._f_entry == pattern[0])
        for back in range(1, last + 1):
            condition &= ev[f"_f_l{back}"] == steps[pattern[last - back]]
            if hold:
                condition &= ev[f"_f_h{back}"] == ev._f_hold
        return condition

    starts = {}
    for i in range(len(steps)):
        branches = [
            (matches(p), ev[f"_f_t{len(p) - 1}"] if len(p) > 1 else ev.ts)
            for p in _strict_patterns(spec, i)
        ]
        starts[f"_f_a{i}"] = ibis.cases(*branches, else_=_no_time(ev))
    return ev.mutate(**starts).drop(*(c for c in lags if c != "_f_pos"))


def _any_starts(ev: Any, spec: FunnelSpec, keys: list[str]) -> Any:
    """Add ``_f_a<i>`` for funnels in any order: at each event, the latest time of each step
    so far; a set covering the required steps up to ``i`` ends here and starts at the
    earliest of those times."""
    steps = spec.steps
    order = _order(ev)
    running = ibis.window(group_by=keys, order_by=order, rows=(None, 0))
    ev = ev.mutate(
        _f_pos=position(ev, order),
        **{
            f"_f_l{q}": ibis.ifelse(ev._f_step == label, ev.ts, _no_time(ev)).max().over(running)
            for q, label in enumerate(steps)
        },
    )
    starts = {}
    for i in range(len(steps)):
        latest = [ev[f"_f_l{q}"] for q in range(i + 1) if q == i or q not in spec.optional]
        complete = latest[0].notnull()
        for value in latest[1:]:
            complete &= value.notnull()
        earliest = ibis.least(*latest) if len(latest) > 1 else latest[0]
        starts[f"_f_a{i}"] = ibis.ifelse(complete, earliest, _no_time(ev))
    return ev.mutate(**starts).drop(*(f"_f_l{q}" for q in range(len(steps))))


def _per_unit(ev: Any, spec: FunnelSpec, breakdown: str | None) -> Any:
    """Collapse the rows into one per unit (see funnel_units), in one aggregation.

    Each row is an event with its position ``_f_pos`` in the unit's journey and, in
    ``_f_a<i>``, the latest start of the valid chains ending there as step ``i``. For each
    step, the unit's first such event in journey order decides: its time, and its start.
    In the ordered mode without a held property or exclusions, a later end never has an
    earlier latest start, so the start of the first valid end is also the smallest one
    (a plain ``min``, cheaper than ``argmin``).
    """
    count = len(spec.steps)
    monotone = spec.mode == "ordered" and spec.hold is None and not spec.exclusions
    valid = {}
    for i in range(count):
        start = ev[f"_f_a{i}"]
        valid[f"_f_v{i}"] = start.notnull()
        if spec.window_us is not None:
            span = ev.ts.delta(start, unit="microsecond")
            valid[f"_f_v{i}"] = start.notnull() & (span <= spec.window_us)
    ev = ev.mutate(**valid)
    metrics: dict[str, Any] = {"_f_entry": ev._f_entry.max()}
    for i in range(count):
        ok, start = ev[f"_f_v{i}"], ev[f"_f_a{i}"]
        metrics[f"_f_t{i}"] = ibis.ifelse(ok, ev.ts, _no_time(ev)).min()  # a nullable type
        metrics[f"_f_s{i}"] = start.min(where=ok) if monotone else start.argmin(ev._f_pos, where=ok)
    if breakdown is not None:
        entry_event = ibis.cases(
            *((ev._f_entry == i, ev._f_step == s) for i, s in enumerate(spec.steps)),
            else_=False,
        )
        metrics["_f_bd"] = ev._f_bd.argmin(ev._f_pos, where=entry_event)
    units = ev.group_by("unit").aggregate(**metrics)
    units = units.filter(units._f_entry.notnull() if spec.open else units._f_t0.notnull())
    reached = ibis.cases(
        *((units[f"_f_t{i}"].notnull(), i + 1) for i in reversed(range(count))),
        else_=ibis.null("int64"),
    )
    out: dict[str, Any] = {"unit": units.unit}
    if breakdown is not None:
        out[breakdown] = units._f_bd
    out["entry"] = (units._f_entry + 1).cast("int64")
    out["reached"] = reached.cast("int64")
    for i in range(count):
        out[f"step_{i + 1}_ts"] = units[f"_f_t{i}"]
    for i in range(count):
        span = units[f"_f_t{i}"].delta(units[f"_f_s{i}"], unit="microsecond")
        out[f"step_{i + 1}_seconds"] = ibis.ifelse(
            units._f_entry < i, span.cast("float64") / 1_000_000, ibis.null("float64")
        )
    return units.select(**out)
