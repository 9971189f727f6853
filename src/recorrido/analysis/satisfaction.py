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

from .correlation import pearson
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

    found = pearson(pairs, "touchpoint", "_x", "_y")
    return found.select(
        "touchpoint", "people", satisfaction="mean_x", nps="mean_y", correlation="correlation"
    )
