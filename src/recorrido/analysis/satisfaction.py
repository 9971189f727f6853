"""Journey-level satisfaction per person, and how each touchpoint relates to a person's NPS.

Both read valid scored answers with a person (see :mod:`.feedback_scores`), each answer's
``satisfaction`` on 0…1.

- :func:`journey_satisfaction`: per person, the mean satisfaction of all their answers, the
  same over their CSAT, CES and rating answers only (``experience``), and their NPS score
  (the mean of their NPS answers, 0…10).
- :func:`satisfaction_drivers`: per touchpoint, over the people with an NPS score and a CSAT,
  CES or rating answer at that touchpoint, the Pearson correlation between the person's mean
  satisfaction there and their NPS score; the row ``(journey)`` correlates their
  ``experience`` over the whole journey instead. NPS answers are left out of the touchpoint
  scores, which would otherwise correlate with themselves.
"""

from __future__ import annotations

import ibis

from .feedback_scores import mean_where

__all__ = ["JOURNEY", "journey_satisfaction", "satisfaction_drivers"]

JOURNEY = "(journey)"
"""The row of :func:`satisfaction_drivers` for the person's whole journey."""


def _valid(scored: ibis.Table) -> ibis.Table:
    return scored.filter(scored.problem.isnull() & scored.person.notnull())


def journey_satisfaction(scored: ibis.Table) -> ibis.Table:
    """One row per person with a valid answer: ``person``, ``answers``, ``satisfaction``
    (mean over all answers, 0…1), ``experience`` (mean over CSAT, CES and rating answers,
    NULL without one), ``nps`` (mean NPS answer, 0…10, NULL without one) and
    ``nps_answers``. Rows come unordered."""
    valid = _valid(scored)
    is_nps = valid.metric == "nps"
    return valid.group_by("person").aggregate(
        answers=valid.count().cast("int64"),
        satisfaction=mean_where(valid.satisfaction),
        experience=mean_where(valid.satisfaction, ~is_nps),
        nps=mean_where(valid.score, is_nps),
        nps_answers=ibis.ifelse(is_nps, 1, 0).sum().cast("int64"),
    )


def satisfaction_drivers(scored: ibis.Table) -> ibis.Table:
    """One row per touchpoint (and :data:`JOURNEY`) with at least one person having both a
    score there and an NPS score: ``touchpoint``, ``people`` (those persons), ``satisfaction``
    and ``nps`` (their means) and ``correlation`` (Pearson's r, NULL below 2 people or when
    either side is the same for all). Rows come unordered."""
    valid = _valid(scored)
    nps = valid.filter(valid.metric == "nps")
    nps = nps.group_by("person").aggregate(_y=mean_where(nps.score))
    nps = nps.select(_y_person="person", _y="_y")
    rest = valid.filter(valid.metric != "nps")
    at_touchpoint = rest.filter(rest.touchpoint.notnull())
    at_touchpoint = at_touchpoint.group_by(["touchpoint", "person"]).aggregate(
        _x=mean_where(at_touchpoint.satisfaction)
    )
    journey = rest.group_by("person").aggregate(_x=mean_where(rest.satisfaction))
    journey = journey.select(touchpoint=ibis.literal(JOURNEY), person="person", _x="_x")
    scores = at_touchpoint.select("touchpoint", "person", "_x").union(journey)
    pairs = scores.join(nps, scores.person == nps._y_person).select("touchpoint", "_x", "_y")

    first = pairs.group_by("touchpoint").aggregate(
        people=pairs.count().cast("int64"),
        satisfaction=mean_where(pairs._x),
        nps=mean_where(pairs._y),
        _varies=(pairs._x.min() < pairs._x.max()) & (pairs._y.min() < pairs._y.max()),
    )
    means = first.select(_m_tp="touchpoint", _mx="satisfaction", _my="nps")
    centred = pairs.join(means, pairs.touchpoint == means._m_tp)
    dx, dy = centred._x - centred._mx, centred._y - centred._my
    second = centred.group_by("touchpoint").aggregate(
        _sxy=(dx * dy).sum(), _sxx=(dx * dx).sum(), _syy=(dy * dy).sum()
    )
    second = second.select(_s_tp="touchpoint", _sxy="_sxy", _sxx="_sxx", _syy="_syy")
    both = first.join(second, first.touchpoint == second._s_tp)
    r = both._sxy / (both._sxx * both._syy).sqrt().nullif(0.0)
    r = ibis.ifelse(r > 1.0, 1.0, ibis.ifelse(r < -1.0, -1.0, r))  # rounding
    defined = (both.people >= 2) & both._varies
    return both.select(
        "touchpoint",
        "people",
        "satisfaction",
        "nps",
        correlation=ibis.ifelse(defined, r, ibis.null().cast("float64")).cast("float64"),
    )
