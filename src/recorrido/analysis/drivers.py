"""Key drivers: which experiences go with a worse overall NPS, conversion or churn.

The unit is the person. Three tables feed :mod:`recorrido._drivers`:

- :func:`person_outcomes`: per person, their latest valid NPS answer and their first and last
  purchase;
- :func:`driver_exposures`: per person and *driver*, the first time the person met it. Drivers
  come from survey answers (``bad_score``: a CSAT 1–2, CES 5–7 or rating in the bottom
  quarter of its scale at a place) and from journey events (``contact``: any event at a
  touchpoint; ``repeat``: a second event there; ``long_wait``: the first event there came
  after a gap, since the person's previous placed event, longer than the touchpoint's
  nearest-rank 90th percentile gap). Comment drivers (negative comments, their themes) are
  made in Python and given in the same shape;
- :func:`driver_counts` and :func:`outcome_totals`: the people per outcome in every driver
  and every baseline (:data:`BASES`: the people at the same place who did not meet the
  driver, e.g. those who answered there without a bad score), so the unexposed are the
  difference. A person counts as exposed only when the exposure
  came first: at or before their latest NPS answer (same survey included); before their
  first conversion, for conversion; before the churn horizon, for churn.

:func:`place_correlations` gives the priority matrix: per place, the mean satisfaction of its
answers (performance) and the correlation of a person's satisfaction there with the outcome
(importance). Exact definitions: ``docs/analytics.md``, *Key drivers*.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import ibis
import ibis.expr.datatypes as dt

from .correlation import pearson
from .feedback_scores import mean_where
from .order import journey_order

__all__ = [
    "ANY_PLACE",
    "BASES",
    "BASE_KINDS",
    "DRIVER_KINDS",
    "EXPOSURES",
    "MIN_WAITS",
    "OUTCOMES",
    "base_of",
    "driver_counts",
    "driver_exposures",
    "outcome_totals",
    "person_outcomes",
    "place_correlations",
]

OUTCOMES: tuple[str, ...] = ("nps", "conversion", "churn")
DRIVER_KINDS: tuple[str, ...] = (
    "bad_score",
    "negative_comment",
    "negative_theme",
    "contact",
    "repeat",
    "long_wait",
)
BASE_KINDS: tuple[str, ...] = ("answered", "commented")
"""Exposure kinds that only serve as baselines: a valid CSAT, CES or rating answer at a place;
a comment at a place (``commented:(any)``: any comment)."""
ANY_PLACE = "(any)"
BASES: dict[str, str | None] = {
    "bad_score": "answered",
    "negative_comment": "commented",
    "negative_theme": "commented",
    "contact": None,
    "repeat": "contact",
    "long_wait": "contact",
}
"""Each driver kind's baseline: the people at the same place who did not meet the driver
(``negative_theme``: every commenter; ``None``: everyone)."""


def base_of(kind: str, place: str) -> str | None:
    """The baseline group of driver ``kind:place`` (None: every person of the outcome)."""
    base = BASES[kind]
    if base is None:
        return None
    return f"{base}:{ANY_PLACE if kind == 'negative_theme' else place}"


MIN_WAITS = 10
"""A touchpoint needs this many first-visit gaps before any of them counts as a long wait."""

EXPOSURES = ibis.schema(
    {
        "person": dt.String(nullable=True),
        "driver": dt.String(nullable=True),
        "kind": dt.String(nullable=True),
        "place": dt.String(nullable=True),
        "ts": dt.Timestamp(scale=6, nullable=True),
    }
)
"""The schema of :func:`driver_exposures` (and of comment exposures made elsewhere)."""


def _valid(answers: ibis.Table) -> ibis.Table:
    return answers.filter(answers.problem.isnull() & answers.person.notnull())


def person_outcomes(
    events: ibis.Table,
    answers: ibis.Table,
    purchases: Sequence[str],
    conversions: Sequence[str],
) -> ibis.Table:
    """One row per person with a placed event or a valid NPS answer: ``person``, ``nps`` (the
    score of their latest valid NPS answer by ``(ts, seq)``, NULL without one), ``nps_ts``,
    ``first_buy`` and ``last_buy`` (their first and last event at a ``purchases``
    touchpoint), ``converted_at`` (their first event at a ``conversions`` touchpoint); NULL
    without one."""
    placed = events.filter(events.person.notnull() & events.label.notnull())
    converts = ibis.cases((placed.label.isin(list(conversions)), placed.ts))
    buying = placed.label.isin(list(purchases))
    bought = placed.group_by("person").aggregate(
        first_buy=ibis.cases((buying, placed.ts)).min(),
        last_buy=ibis.cases((buying, placed.ts)).max(),
        converted_at=converts.min(),
    )
    bought = bought.rename(_b_person="person")
    valid = _valid(answers)
    nps = valid.filter(valid.metric == "nps")
    latest = ibis.window(group_by=nps.person, order_by=[ibis.desc(nps.ts), ibis.desc(nps.seq)])
    nps = nps.mutate(_rank=ibis.row_number().over(latest))
    nps = nps.filter(nps._rank == 0).select(_n_person="person", nps="score", nps_ts="ts")
    people = placed.select("person").union(nps.select(person="_n_person")).distinct()
    joined = people.left_join(bought, people.person == bought._b_person)
    joined = joined.left_join(nps, joined.person == nps._n_person)
    return joined.select(
        "person",
        nps=joined.nps.cast("float64"),
        nps_ts=joined.nps_ts,
        first_buy=joined.first_buy,
        last_buy=joined.last_buy,
        converted_at=joined.converted_at,
    )


def _exposure(table: ibis.Table, kind: str, place: ibis.Value, ts: ibis.Value) -> ibis.Table:
    return table.select(
        person=table.person,
        driver=ibis.literal(kind + ":") + place,
        kind=ibis.literal(kind),
        place=place,
        ts=ts,
    )


def _scores(answers: ibis.Table) -> tuple[ibis.Table, ibis.Table]:
    """Bad scores per place, and the people who answered there at all (their baseline)."""
    valid = _valid(answers)
    place = ibis.coalesce(valid.touchpoint, valid.stage)
    rated = valid.filter(valid.metric.isin(["csat", "ces", "rating"]) & place.notnull())
    rated = rated.mutate(_place=place)
    bad = (
        ((rated.metric == "csat") & (rated.score <= 2))
        | ((rated.metric == "ces") & (rated.score >= 5))
        | ((rated.metric == "rating") & (rated.satisfaction <= 0.25))
    )
    first = rated.group_by(["person", "_place"]).aggregate(
        _ts=rated.ts.min(), _bad=ibis.cases((bad, rated.ts)).min()
    )
    answered = _exposure(first, "answered", first._place, first._ts)
    worst = first.filter(first._bad.notnull())
    return _exposure(worst, "bad_score", worst._place, worst._bad), answered


def _visits(events: ibis.Table) -> tuple[ibis.Table, ibis.Table, ibis.Table]:
    """Contacts (first event at a touchpoint), repeats (second event) and long waits."""
    placed = events.filter(events.person.notnull() & events.label.notnull())
    person = ibis.window(group_by=placed.person, order_by=journey_order(placed))
    at_place = ibis.window(group_by=[placed.person, placed.label], order_by=journey_order(placed))
    # Row numbers, not NULL lags, mark a person's first event (ClickHouse lags default to 0).
    ranked = placed.mutate(
        _nth=ibis.row_number().over(at_place),
        _first=ibis.row_number().over(person) == 0,
        _gap=placed.ts.delta(placed.ts.lag().over(person), unit="microsecond").cast("int64"),
    )
    firsts = ranked.filter(ranked._nth == 0)
    seconds = ranked.filter(ranked._nth == 1)
    contacts = _exposure(firsts, "contact", firsts.label, firsts.ts)
    repeats = _exposure(seconds, "repeat", seconds.label, seconds.ts)

    gaps = firsts.filter(~firsts._first)
    # Nearest-rank 90th percentile per touchpoint from its distinct gaps and their counts (as
    # in transitions): gaps of rank `before + 1 … through` equal `_gap`.
    counts = gaps.group_by(["label", "_gap"]).aggregate(_k=gaps.count())
    running = ibis.window(group_by=counts.label, order_by=counts._gap, rows=(None, 0))
    counts = counts.mutate(
        _through=counts._k.sum().over(running), _n=counts._k.sum().over(group_by=counts.label)
    )
    before = counts._through - counts._k
    at_p90 = (10 * before < 9 * counts._n) & (9 * counts._n <= 10 * counts._through)
    p90 = counts.group_by("label").aggregate(
        _p90=ibis.cases((at_p90, counts._gap)).max(), _waits=counts._k.sum()
    )
    p90 = p90.select(_w_label="label", _p90="_p90", _waits="_waits")
    waited = gaps.join(p90, gaps.label == p90._w_label)
    waited = waited.filter((waited._waits >= MIN_WAITS) & (waited._gap > waited._p90))
    waits = _exposure(waited, "long_wait", waited.label, waited.ts)
    return contacts, repeats, waits


def driver_exposures(events: ibis.Table, answers: ibis.Table) -> ibis.Table:
    """One row per person and driver met (schema :data:`EXPOSURES`): ``driver`` is
    ``<kind>:<place>``, ``ts`` the first time; ``answered:<place>`` rows are the baselines
    of bad scores. ``events`` are journey events at touchpoint level; ``answers`` scored
    answers (see :func:`~.feedback_scores.score_answers`)."""
    contacts, repeats, waits = _visits(events)
    bad, answered = _scores(answers)
    parts = (bad, answered, contacts, repeats, waits)
    # each part cast first: a union needs equal types, nullability and (on ClickHouse)
    # microsecond timestamps
    return ibis.union(*(part.cast(EXPOSURES) for part in parts), distinct=False)


def _flags(table: ibis.Table, horizon: datetime) -> dict[str, ibis.Value]:
    """Who is in each outcome's population and who has the outcome (booleans)."""
    eligible = (table.first_buy < horizon).fill_null(False)
    return {
        "in_nps": table.nps.notnull(),
        "promoter": (table.nps >= 9).fill_null(False),
        "detractor": (table.nps <= 6).fill_null(False),
        "converted": table.converted_at.notnull(),
        "in_churn": eligible,
        "churned": eligible & (table.last_buy < horizon).fill_null(False),
    }


def _count(condition: ibis.Value) -> ibis.Value:
    return ibis.ifelse(condition, 1, 0).sum().cast("int64")


def _tallies(flags: dict[str, ibis.Value], exposed: dict[str, ibis.Value]) -> dict[str, ibis.Value]:
    nps, conversion, churn = exposed["nps"], exposed["conversion"], exposed["churn"]
    return {
        "nps_n": _count(nps),
        "promoters": _count(nps & flags["promoter"]),
        "detractors": _count(nps & flags["detractor"]),
        "conversion_n": _count(conversion),
        "converted": _count(conversion & flags["converted"]),
        "churn_n": _count(churn),
        "churned": _count(churn & flags["churned"]),
    }


def outcome_totals(outcomes: ibis.Table, horizon: datetime) -> ibis.Table:
    """One row over every person of :func:`person_outcomes`: ``nps_n``, ``promoters``,
    ``detractors``, ``conversion_n`` (everyone), ``converted``, ``churn_n`` (people whose first
    purchase is before ``horizon``) and ``churned`` (of them, those with no purchase at or
    after it)."""
    flags = _flags(outcomes, horizon)
    everyone = outcomes.person.notnull() | outcomes.person.isnull()
    totals = outcomes.aggregate(
        **_tallies(flags, {"nps": flags["in_nps"], "conversion": everyone,
                           "churn": flags["in_churn"]})
    )  # fmt: skip
    # an empty table sums to NULL (0 on ClickHouse): read both as 0
    return totals.select(*(totals[c].fill_null(0).cast("int64").name(c) for c in totals.columns))


def driver_counts(exposures: ibis.Table, outcomes: ibis.Table, horizon: datetime) -> ibis.Table:
    """Per driver (``driver``, ``kind``, ``place``), the columns of :func:`outcome_totals` over
    its exposed people: NPS answerers exposed at or before their latest NPS answer; people
    exposed before their first conversion (or never converting); buyers before ``horizon`` exposed
    before it. Rows come unordered."""
    people = outcomes.rename(_o_person="person")
    joined = exposures.join(people, exposures.person == people._o_person)
    flags = _flags(joined, horizon)
    exposed = {
        "nps": flags["in_nps"] & (joined.ts <= joined.nps_ts).fill_null(False),
        "conversion": joined.converted_at.isnull()
        | (joined.ts < joined.converted_at).fill_null(False),
        "churn": flags["in_churn"] & (joined.ts < horizon).fill_null(False),
    }
    return joined.group_by(["driver", "kind", "place"]).aggregate(**_tallies(flags, exposed))


def place_correlations(
    answers: ibis.Table, outcomes: ibis.Table, outcome: str, horizon: datetime
) -> ibis.Table:
    """Per place (touchpoint, else stage) with a valid CSAT, CES or rating answer: ``answers``,
    ``performance`` (their mean satisfaction, 0…1), ``people`` (persons in the outcome's
    population with an answer there before the outcome, as in :func:`driver_counts`) and
    ``correlation`` between each such person's mean satisfaction there and the outcome (NPS
    score; 1 converted; 1 still buying at or after ``horizon``). Rows come unordered."""
    if outcome not in OUTCOMES:
        raise ValueError(f"outcome {outcome!r}: use one of {', '.join(OUTCOMES)}")
    rated = answers.filter(answers.problem.isnull() & (answers.metric != "nps"))
    rated = rated.mutate(place=ibis.coalesce(rated.touchpoint, rated.stage))
    rated = rated.filter(rated.place.notnull())
    performance = rated.group_by("place").aggregate(
        answers=rated.count().cast("int64"), performance=mean_where(rated.satisfaction)
    )
    valid = rated.filter(rated.person.notnull())
    people = outcomes.rename(_o_person="person")
    joined = valid.join(people, valid.person == people._o_person)
    flags = _flags(joined, horizon)
    keep, y = {
        "nps": (flags["in_nps"] & (joined.ts <= joined.nps_ts).fill_null(False), joined.nps),
        "conversion": (
            joined.converted_at.isnull() | (joined.ts < joined.converted_at).fill_null(False),
            ibis.ifelse(flags["converted"], 1.0, 0.0),
        ),
        "churn": (
            flags["in_churn"] & (joined.ts < horizon),
            ibis.ifelse(flags["churned"], 0.0, 1.0),
        ),
    }[outcome]
    kept = joined.mutate(_y=y.cast("float64")).filter(keep)
    pairs = kept.group_by(["place", "person"]).aggregate(
        _x=mean_where(kept.satisfaction), _y=kept._y.max()
    )
    measured = pearson(pairs, "place", "_x", "_y").select("place", "people", "correlation")
    measured = measured.rename(_c_place="place")
    out = performance.left_join(measured, performance.place == measured._c_place)
    return out.select(
        "place",
        "answers",
        "performance",
        people=out.people.fill_null(0).cast("int64"),
        correlation=out.correlation,
    )
