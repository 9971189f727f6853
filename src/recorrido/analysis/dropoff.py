"""Drop-off after each place of the journey: who passed there, who was lost, where they went.

Both functions read journey events (see :mod:`.frame`) with a boolean column ``converts``
(the event is a conversion, e.g. the map's ``online_order`` touchpoint). ``label`` is the
place (a touchpoint or a stage); events without a label or a person are ignored.

- a person's *first visit* to a place is their earliest event there by ``(ts, seq)``;
- the person is *lost* there when they have no conversion event at or after that first
  visit (``(ts, seq)`` not earlier than the visit's);
- where a lost person *went next*: the place of their first event after that visit, in
  journey order ``(ts, seq, label)``, at another place.

See ``docs/analytics.md``, section *Pain points*.
"""

from __future__ import annotations

import ibis

from .order import first_rows, journey_order

__all__ = ["END", "dropoff", "lost_next", "reach", "visits_with_loss"]

END = "(end)"
"""The next place of a lost person who has no later event at another place."""


def _placed(events: ibis.Table) -> ibis.Table:
    return events.filter(events.label.notnull() & events.person.notnull())


def _first_visits(events: ibis.Table) -> ibis.Table:
    return first_rows(_placed(events), ["person", "label"], {"_ts": "ts", "_seq": "seq"})


def visits_with_loss(events: ibis.Table) -> ibis.Table:
    """One row per person's first visit to a place: ``person``, ``label``, ``_ts``, ``_seq``
    and ``lost``; :func:`dropoff` and :func:`lost_next` both read them, so a caller running
    both may compute them once and pass them as ``visits``."""
    firsts = _first_visits(events)
    placed = _placed(events)
    buys = placed.filter(placed.converts)
    latest = ibis.window(group_by=buys.person, order_by=[ibis.desc(buys.ts), ibis.desc(buys.seq)])
    buys = buys.mutate(_rank=ibis.row_number().over(latest))
    last = buys.filter(buys._rank == 0).select(_p=buys.person, _c_ts=buys.ts, _c_seq=buys.seq)
    joined = firsts.left_join(last, firsts.person == last._p)
    reached = (joined._c_ts > joined._ts) | (
        (joined._c_ts == joined._ts) & (joined._c_seq >= joined._seq)
    )
    return joined.select("person", "label", "_ts", "_seq", lost=~reached.fill_null(False))


def reach(events: ibis.Table) -> ibis.Table:
    """Per place: ``people``, the distinct people with an event there (the ``people`` of
    :func:`dropoff`, without finding their first visits). Rows come unordered."""
    placed = _placed(events)
    return placed.group_by("label").aggregate(people=placed.person.nunique().cast("int64"))


def dropoff(events: ibis.Table, visits: ibis.Table | None = None) -> ibis.Table:
    """Per place: ``people`` (distinct people with an event there) and ``lost`` (of them,
    those with no conversion at or after their first visit). Rows come unordered."""
    visits = visits_with_loss(events) if visits is None else visits
    return visits.group_by("label").aggregate(
        people=visits.count().cast("int64"),
        lost=ibis.ifelse(visits.lost, 1, 0).sum().cast("int64"),
    )


def lost_next(events: ibis.Table, visits: ibis.Table | None = None) -> ibis.Table:
    """Per place and ``next`` place: how many of the people lost there went next to it: the
    place of their first event after the first visit, in journey order ``(ts, seq, label)``,
    that is at another place (:data:`END` when none). Columns ``label``, ``next``,
    ``people``; rows come unordered.

    Linear in the events: the person's events are cut into runs of one place (window
    functions; a run is numbered by its first event's position), and the next place of a
    first visit is the place of the run after the visit's run."""
    visits = visits_with_loss(events) if visits is None else visits
    lost = visits.filter(visits.lost).select(_l_person="person", _l_label="label")
    placed = _placed(events)
    journey = journey_order(placed, placed.label)
    order = ibis.window(group_by=placed.person, order_by=journey)
    # Row numbers, not NULL lags, mark a person's first event (ClickHouse lags default to '').
    marked = placed.mutate(_i=ibis.row_number().over(order), _before=placed.label.lag().over(order))
    starts = (marked._i == 0) | (marked.label != marked._before)
    runs = marked.filter(starts).select("person", "label", _run=marked._i)
    following = ibis.window(group_by=runs.person, order_by=runs._run)
    runs = runs.mutate(
        _next=runs.label.lead().over(following), _last=runs._run.max().over(group_by=runs.person)
    )
    # a place's first visit opens the first run of that place
    first = runs.group_by(["person", "label"]).aggregate(_run=runs._run.min())
    first = first.join(runs, ["person", "label", "_run"])
    nexts = first.select(
        _f_person="person",
        _f_label="label",
        next=ibis.ifelse(first._run == first._last, ibis.literal(END), first._next),
    )
    chosen = lost.join(nexts, [lost._l_person == nexts._f_person, lost._l_label == nexts._f_label])
    chosen = chosen.select(label=chosen._l_label, next=chosen.next)
    return chosen.group_by(["label", "next"]).aggregate(people=chosen.count().cast("int64"))
