"""Key-driver analysis: which experiences go with a worse NPS, conversion or churn, how much,
how sure, and a priority matrix (importance × performance) of the places people rate.

The counts are the Ibis functions of :mod:`recorrido.analysis.drivers`; comment drivers come
from :func:`recorrido.voice.text.analyse_comments`. This module adds the statistics (a
two-group test per driver, Benjamini–Hochberg across drivers) and shapes the
:class:`~recorrido.results.Result`. Exact definitions: ``docs/analytics.md``, *Key drivers*.
``Journey.drivers`` and ``recorrido drivers`` call :func:`drivers`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import ibis
import pyarrow as pa
import pyarrow.compute as pc
from pydantic import BaseModel, ConfigDict, Field, field_validator

from .analysis.drivers import (
    ANY_PLACE,
    BASES,
    DRIVER_KINDS,
    EXPOSURES,
    OUTCOMES,
    base_of,
    driver_counts,
    driver_exposures,
    outcome_totals,
    person_outcomes,
    place_correlations,
)
from .analysis.feedback_link import MapPlaces, link_feedback
from .analysis.feedback_scores import score_answers
from .errors import UsageError, did_you_mean
from .map.models import JourneyMap
from .requests import Scope, build
from .results import Result
from .significance import (
    LEVEL,
    Comparison,
    benjamini_hochberg,
    correlation_p,
    nps_difference,
    two_proportions,
)
from .voice.kpis import CHURN_DAYS
from .voice.text import analyse_comments

if TYPE_CHECKING:
    from .journey import Journey

__all__ = [
    "CHURN_DAYS",
    "MIN_EXPOSED",
    "QUADRANTS",
    "DriversRequest",
    "drivers",
    "purchase_touchpoints",
]

MIN_EXPOSED = 10
"""A driver is tested when at least this many people are exposed and as many are not."""

QUADRANTS: tuple[str, ...] = ("fix_first", "keep_up", "monitor", "maintain")
"""Priority matrix quadrants: important and below average performance; important and above;
less important and below; less important and above."""

_LABELS = {
    "bad_score": "bad score at {}",
    "negative_comment": "negative comment at {}",
    "negative_theme": "negative comment about {}",
    "contact": "contact with {}",
    "repeat": "came back to {}",
    "long_wait": "long wait before {}",
}


class DriversRequest(BaseModel):
    """Which outcome to explain, and how."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    outcome: str = Field(default="nps", description="nps, conversion or churn.")
    churn_days: int = Field(
        default=CHURN_DAYS, ge=1, description="A buyer with no purchase in the last N days churned."
    )
    min_exposed: int = Field(
        default=MIN_EXPOSED, ge=1, description="People needed on each side to test a driver."
    )
    kinds: list[str] | None = Field(default=None, description="Only these driver kinds.")
    top: int | None = Field(default=None, ge=1, description="Keep the N first drivers.")
    purchases: list[str] | None = Field(
        default=None, description="Purchase touchpoints (default: see purchase_touchpoints)."
    )

    @field_validator("outcome")
    @classmethod
    def _known_outcome(cls, value: str) -> str:
        if value not in OUTCOMES:
            raise UsageError(
                f"outcome '{value}': use nps, conversion or churn" + did_you_mean(value, OUTCOMES),
                code="usage_drivers_outcome",
            )
        return value

    @field_validator("kinds")
    @classmethod
    def _known_kinds(cls, value: list[str] | None) -> list[str] | None:
        for kind in value or []:
            if kind not in DRIVER_KINDS:
                raise UsageError(
                    f"driver kind '{kind}': use {', '.join(DRIVER_KINDS)}"
                    + did_you_mean(kind, DRIVER_KINDS),
                    code="usage_drivers_kind",
                )
        return value


def purchase_touchpoints(journey_map: JourneyMap, conversion: list[str]) -> list[str]:
    """The conversion touchpoints and the other ways to buy: touchpoints of a conversion's
    stage on a channel no conversion uses (e.g. a café till next to the web order)."""
    by_id = {tp.id: tp for tp in journey_map.touchpoints}
    stages = {by_id[c].stage for c in conversion if c in by_id}
    channels = {by_id[c].channel for c in conversion if c in by_id}
    return [
        tp.id
        for tp in journey_map.touchpoints
        if tp.id in conversion or (tp.stage in stages and tp.channel not in channels)
    ]


def _purchases(journey_map: JourneyMap, request: DriversRequest) -> tuple[list[str], list[str]]:
    """Purchase touchpoints (for churn) and conversion touchpoints (for conversion)."""
    ids = [tp.id for tp in journey_map.touchpoints]
    for name in request.purchases or []:
        if name not in ids:
            raise UsageError(
                f"purchase touchpoint '{name}': not a touchpoint of the map"
                + did_you_mean(name, ids),
                code="usage_unknown_step",
            )
    conversion = journey_map.buyer_journey.conversion
    if request.purchases:
        return list(request.purchases), [conversion] if conversion else list(request.purchases)
    if conversion is None:
        raise UsageError(
            "key drivers need purchases: set buyer_journey.conversion in the map or pass "
            "purchases=[…] (--purchases a,b)",
            code="usage_needs_conversion",
        )
    return purchase_touchpoints(journey_map, [conversion]), [conversion]


def _needs(journey: Journey) -> JourneyMap:
    if journey.store is None or journey.map is None:
        raise UsageError(
            "key drivers read a store and its journey map: Journey(store, map=…) or "
            "recorrido drivers STORE --map journey.yaml",
            code="usage_needs_store",
        )
    events = journey.store.table("events")
    if not journey._run(events.aggregate(n=events.count()))["n"][0].as_py():
        raise UsageError(
            f"{journey.store.path}: the store has no events: ingest them first with "
            "recorrido ingest events FILE",
            code="empty_store",
        )
    return journey.map


@contextmanager
def _tables(journey: Journey, journey_map: JourneyMap) -> Iterator[tuple[Any, Any]]:
    """Journey events at touchpoint level and the scored answers, each computed once."""
    assert journey.store is not None
    events = journey.events(Scope(level="touchpoint"))
    with journey._once(events, events=True) as placed:
        linked = link_feedback(journey.store.table("feedback"), placed, MapPlaces.of(journey_map))
        with journey._once(score_answers(linked)) as answers:
            yield placed, answers


def _comment_exposures(journey: Journey, answers: Any) -> pa.Table:
    """Negative comments as exposures: at their place, and for each of their themes."""
    assert journey.store is not None
    feedback = journey.store.table("feedback")
    texts = feedback.select(_seq=feedback.seq, comment=feedback.comment, language=feedback.language)
    joined = answers.join(texts, answers.seq == texts._seq)
    joined = joined.filter(joined.person.notnull() & joined.comment.notnull())
    rows = journey._run(
        joined.select(
            "person",
            "ts",
            "comment",
            "language",
            place=ibis.coalesce(joined.touchpoint, joined.stage),
        )
    )
    analysed = analyse_comments(rows)
    analysed = analysed.filter(pc.is_valid(analysed["sentiment"]))
    negative = pc.equal(analysed["sentiment"], "negative")
    placed = pc.is_valid(analysed["place"])
    themes = analysed.filter(negative)
    themed = pc.list_parent_indices(themes["themes"])
    parts = [
        _found(analysed, "commented", pa.array([ANY_PLACE] * analysed.num_rows, pa.string())),
        _found(analysed.filter(placed), "commented"),
        _found(analysed.filter(pc.and_(negative, placed)), "negative_comment"),
        _found(themes.take(themed), "negative_theme", pc.list_flatten(themes["themes"])),
    ]
    found = pa.concat_tables(parts).group_by(["person", "driver", "kind", "place"])
    first = found.aggregate([("ts", "min")]).rename_columns({"ts_min": "ts"})
    return first.select(EXPOSURES.names).cast(EXPOSURES.to_pyarrow())


def _found(rows: pa.Table, kind: str, place: Any = None) -> pa.Table:
    """Exposures of ``kind`` for ``rows`` (analysed comments) at ``place`` (default: the
    comment's own place), one per row: the earliest per person and driver is kept later."""
    place = rows["place"] if place is None else place
    return pa.table(
        {
            "person": rows["person"],
            "driver": pc.binary_join_element_wise(kind, place, ":"),
            "kind": pa.array([kind] * rows.num_rows, pa.string()),
            "place": place,
            "ts": rows["ts"],
        }
    )


def _horizon(journey: Journey, events: Any, churn_days: int) -> tuple[dt.datetime, dt.datetime]:
    span = journey._run(events.aggregate(start=events.ts.min(), end=events.ts.max())).to_pylist()
    start, end = span[0]["start"], span[0]["end"]
    if start is None or end is None:
        raise UsageError(
            "no journey event falls on the map's touchpoints: check their match rules "
            "(recorrido info shows the events that match none)",
            code="no_data",
        )
    return end, max(start, end - dt.timedelta(days=churn_days))


def drivers(journey: Journey, options: dict[str, Any]) -> Result:
    """See ``Journey.drivers``: drivers of one outcome, worst first, and the priority matrix."""
    request = build(DriversRequest, **options)
    journey_map = _needs(journey)
    purchases, conversions = _purchases(journey_map, request)
    warnings: list[str] = []
    with _tables(journey, journey_map) as (events, answers):
        data_end, horizon = _horizon(journey, events, request.churn_days)
        with journey._once(person_outcomes(events, answers, purchases, conversions)) as outcomes:
            totals = journey._run(outcome_totals(outcomes, horizon)).to_pylist()[0]
            _check_population(request, totals, data_end, horizon)
            exposures = driver_exposures(events, answers)
            comments = _comment_exposures(journey, answers)
            if comments.num_rows:
                exposures = exposures.union(ibis.memtable(comments).cast(EXPOSURES))
            if request.kinds:
                bases = {BASES[kind] for kind in request.kinds}
                kept = set(request.kinds) | {base for base in bases if base is not None}
                exposures = exposures.filter(exposures.kind.isin(sorted(kept)))
            counts = journey._run(driver_counts(exposures, outcomes, horizon)).to_pylist()
            matrix = journey._run(
                place_correlations(answers, outcomes, request.outcome, horizon)
            ).to_pylist()
    rows = _tested(journey_map, counts, totals, request)
    if not any(row["verdict"] != "unclear" for row in rows):
        warnings.append(
            "no driver differs clearly (false discovery rate 5%): more people, or a longer "
            "period, may be needed"
        )
    if request.top:
        rows = rows[: request.top]
    extra = {
        "outcome": request.outcome,
        "overall": _value(request.outcome, totals),
        "population": _population(request.outcome, totals),
        "purchases": purchases,
        "conversions": conversions,
        "data_end": data_end.isoformat(),
        "churn_horizon": horizon.isoformat(),
        "matrix": _matrix(journey_map, matrix, request.min_exposed),
    }
    table = pa.Table.from_pylist(rows) if rows else pa.table({"driver": pa.array([], pa.string())})
    return Result("drivers", table, request.model_dump(), extra, _shape, warnings=warnings)


def _check_population(
    request: DriversRequest, totals: dict[str, int], end: dt.datetime, horizon: dt.datetime
) -> None:
    if request.outcome == "nps" and not totals["nps_n"]:
        raise UsageError(
            "no valid NPS answer from a known person: ingest NPS answers (recorrido ingest "
            "feedback FILE) or explain --outcome conversion or churn",
            code="no_feedback",
        )
    if request.outcome == "churn" and not totals["churn_n"]:
        raise UsageError(
            f"no buyer before the churn horizon {horizon:%Y-%m-%d} ({request.churn_days} days "
            f"before the last event, {end:%Y-%m-%d}): use a smaller --churn-days or more data",
            code="no_data",
        )


def _population(outcome: str, totals: dict[str, int]) -> int:
    return int(totals[{"nps": "nps_n", "conversion": "conversion_n", "churn": "churn_n"}[outcome]])


def _value(outcome: str, tally: dict[str, int]) -> float | None:
    """NPS (−100…100), conversion or churn rate (%) of a tally; None when empty."""
    if outcome == "nps":
        n = tally["nps_n"]
        return 100.0 * (tally["promoters"] - tally["detractors"]) / n if n else None
    key, n = ("converted", tally["conversion_n"]) if outcome == "conversion" else (
        "churned", tally["churn_n"])  # fmt: skip
    return 100.0 * tally[key] / n if n else None


def _compare(outcome: str, exposed: dict[str, int], rest: dict[str, int]) -> Comparison:
    if outcome == "nps":
        return nps_difference(exposed["promoters"], exposed["detractors"], exposed["nps_n"],
                              rest["promoters"], rest["detractors"], rest["nps_n"],
                              adjusted=True)  # fmt: skip
    x, n = ("converted", "conversion_n") if outcome == "conversion" else ("churned", "churn_n")
    found = two_proportions(exposed[x], exposed[n], rest[x], rest[n], adjusted=True)
    scale = 100.0  # shares as percentage points
    return Comparison(
        found.test,
        None if found.difference is None else found.difference * scale,
        None if found.ci95 is None else (found.ci95[0] * scale, found.ci95[1] * scale),
        found.z,
        found.p_value,
    )


def _name(journey_map: JourneyMap, place: str) -> str:
    names = {tp.id: tp.name for tp in journey_map.touchpoints}
    names.update({stage.id: stage.name for stage in journey_map.stages})
    return names.get(place, place)


def _tested(
    journey_map: JourneyMap, counts: list[dict[str, Any]], totals: dict[str, int],
    request: DriversRequest,
) -> list[dict[str, Any]]:  # fmt: skip
    outcome = request.outcome
    n_key = {"nps": "nps_n", "conversion": "conversion_n", "churn": "churn_n"}[outcome]
    total = totals[n_key]
    groups = {count["driver"]: count for count in counts}
    rows = []
    for count in counts:
        if count["kind"] not in DRIVER_KINDS:
            continue
        base_id = base_of(count["kind"], count["place"])
        base = totals if base_id is None else groups.get(base_id)
        if base is None:
            continue
        rest = {key: base[key] - count[key] for key in totals}
        exposed_n, rest_n = count[n_key], rest[n_key]
        if exposed_n < request.min_exposed or rest_n < request.min_exposed:
            continue
        found = _compare(outcome, count, rest)
        harm = None
        if found.difference is not None:
            harm = found.difference if outcome == "churn" else -found.difference
        place = count["place"]
        rows.append(
            {
                "driver": count["driver"],
                "kind": count["kind"],
                "place": place,
                "label": _LABELS[count["kind"]].format(
                    place if count["kind"] == "negative_theme" else _name(journey_map, place)
                ),
                "exposed": exposed_n,
                "exposed_share": exposed_n / total if total else None,
                "exposed_value": _value(outcome, count),
                "baseline": base_id or "(everyone)",
                "unexposed": rest_n,
                "unexposed_value": _value(outcome, rest),
                "effect": found.difference,
                "ci95": None if found.ci95 is None else list(found.ci95),
                "p_value": found.p_value,
                "harm": harm,
                "impact": None if harm is None else harm * exposed_n / total,
            }
        )
    qs = benjamini_hochberg([row["p_value"] for row in rows])
    for row, q in zip(rows, qs, strict=True):
        row["q_value"] = q
        clear = q is not None and q < LEVEL and row["harm"] is not None and row["harm"] != 0
        row["verdict"] = ("hurts" if row["harm"] > 0 else "helps") if clear else "unclear"
    order = {"hurts": 0, "helps": 1, "unclear": 2}
    rows.sort(key=lambda r: (order[r["verdict"]], -_sure(r), -abs(r["harm"] or 0.0), r["driver"]))
    for rank, row in enumerate(rows, start=1):
        row["rank"] = rank
    return rows


def _sure(row: dict[str, Any]) -> float:
    """The size of the effect the 95% interval is sure of: its bound nearest to 0 (0 when the
    interval crosses 0), so a large effect from few people ranks below a sure one."""
    if row["ci95"] is None:
        return 0.0
    low, high = row["ci95"]
    return 0.0 if low <= 0.0 <= high else min(abs(low), abs(high))


def _matrix(
    journey_map: JourneyMap, rows: list[dict[str, Any]], min_people: int
) -> list[dict[str, Any]]:
    """Places people rate: importance (r), performance (0–100) and the quadrant."""
    out = []
    for row in rows:
        r, people = row["correlation"], int(row["people"])
        out.append(
            {
                "place": row["place"],
                "name": _name(journey_map, row["place"]),
                "answers": row["answers"],
                "performance": None if row["performance"] is None else 100 * row["performance"],
                "people": people,
                "importance": r,
                "p_value": correlation_p(r, people),
                "quadrant": None,
            }
        )
    rated = [r for r in out if r["importance"] is not None and r["people"] >= min_people]
    if rated:
        cut_i = sum(r["importance"] for r in rated) / len(rated)
        cut_p = sum(r["performance"] for r in rated) / len(rated)
        for r in rated:
            important, good = r["importance"] >= cut_i, r["performance"] >= cut_p
            r["quadrant"] = QUADRANTS[(0 if important else 2) + (1 if good else 0)]
    position = {tp.id: i for i, tp in enumerate(journey_map.touchpoints)}
    out.sort(key=lambda r: (r["quadrant"] is None, -(r["importance"] or 0.0),
                            position.get(r["place"], len(position)), r["place"]))  # fmt: skip
    return out


def _shape(result: Result) -> dict[str, Any]:
    return {"drivers": result.rows(), **result.extra}
