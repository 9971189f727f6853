"""Drop-off after each place of the journey: who passed there, who was lost, where they went.

Both functions read journey events (see :mod:`.frame`) with a boolean column ``converts``
(the event is a conversion, e.g. the map's ``online_order`` touchpoint). ``label`` is the
place (a touchpoint or a stage); events without a label or a person are ignored.

- a person's *first visit* to a place is their earliest event there by ``(ts, seq)``;
- the person is *lost* there when they have no conversion event at or after that first
  visit (``(ts, seq)`` not earlier than the visit's).

See ``docs/analytics.md``, section *Pain points*.
"""

from __future__ import annotations

import ibis

__all__ = ["END", "dropoff", "lost_next"]

END = "(end)"
"""The next place of a lost person who has no later event at another place."""


def _placed(events: ibis.Table) -> ibis.Table:
    return events.filter(events.label.notnull() & events.person.notnull())


def _first_visits(events: ibis.Table) -> ibis.Table:
    placed = _placed(events)
    first = ibis.window(group_by=[placed.person, placed.label], order_by=[placed.ts, placed.seq])
    ranked = placed.mutate(_rank=ibis.row_number().over(first))
    ranked = ranked.filter(ranked._rank == 0)
    return ranked.select("person", "label", _ts=ranked.ts, _seq=ranked.seq)


def _visits_with_loss(events: ibis.Table) -> ibis.Table:
    """One row per (person, place) first visit, with ``lost``."""
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


def dropoff(events: ibis.Table) -> ibis.Table:
    """Per place: ``people`` (distinct people with an event there) and ``lost`` (of them,
    those with no conversion at or after their first visit). Rows come unordered."""
    visits = _visits_with_loss(events)
    return visits.group_by("label").aggregate(
        people=visits.count().cast("int64"),
        lost=ibis.ifelse(visits.lost, 1, 0).sum().cast("int64"),
    )


def lost_next(events: ibis.Table) -> ibis.Table:
    """Per place and ``next`` place: how many of the people lost there went next to it (their
    earliest later event, by ``(ts, seq)``, at another place; :data:`END` when none).
    Columns ``label``, ``next``, ``people``; rows come unordered."""
    visits = _visits_with_loss(events)
    lost = visits.filter(visits.lost).drop("lost")
    placed = _placed(events)
    later = placed.select(_p=placed.person, _n_ts=placed.ts, _n_seq=placed.seq, _n=placed.label)
    after = (later._n_ts > lost._ts) | ((later._n_ts == lost._ts) & (later._n_seq > lost._seq))
    joined = lost.left_join(later, [lost.person == later._p, lost.label != later._n, after])
    soonest = ibis.window(
        group_by=[joined.person, joined.label], order_by=[joined._n_ts, joined._n_seq, joined._n]
    )
    ranked = joined.mutate(_rank=ibis.row_number().over(soonest))
    chosen = ranked.filter(ranked._rank == 0)
    chosen = chosen.mutate(next=chosen._n.fill_null(END))
    return chosen.group_by(["label", "next"]).aggregate(people=chosen.count().cast("int64"))
