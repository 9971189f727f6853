"""Survey answers on the journey: experience metrics, journey-level satisfaction, emotion curve.

The analytics are the pure Ibis functions of :mod:`recorrido.analysis.feedback_link`,
:mod:`~recorrido.analysis.feedback_scores`, :mod:`~recorrido.analysis.experience`,
:mod:`~recorrido.analysis.satisfaction` and :mod:`~recorrido.analysis.emotion`. This module
checks the request, places the store's answers on the map once (a temporary table, see
``Journey._once``), runs the queries and shapes the :class:`~recorrido.results.Result`.
``Journey.experience``, ``Journey.emotion_curve`` and ``Journey.satisfaction`` call it; so does
``recorrido experience``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import pyarrow as pa
from pydantic import BaseModel, ConfigDict, Field, field_validator

from .analysis.emotion import emotion_curve, stage_emotions
from .analysis.experience import EXPERIENCE_BY, MIN_SAMPLE, compare_experience, experience_by
from .analysis.feedback_link import UNLINKED, MapPlaces, link_feedback
from .analysis.feedback_scores import PROBLEMS, answer_quality, score_answers
from .analysis.funnel_trend import TREND_PERIODS
from .analysis.personas import UNASSIGNED, assign_personas
from .analysis.satisfaction import JOURNEY, journey_satisfaction, satisfaction_drivers
from .errors import UsageError, did_you_mean
from .map.models import JourneyMap
from .requests import Scope, build
from .results import Result

if TYPE_CHECKING:
    from .journey import Journey

__all__ = ["ExperienceRequest", "emotion", "experience", "satisfaction"]


class ExperienceRequest(BaseModel):
    """Experience metrics grouped ``by``; ``period`` for ``by="period"``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    by: str = Field(
        default="touchpoint",
        description="touchpoint, stage, persona, channel, period or none.",
    )
    period: str = Field(default="week", description="day or week (fixed lengths), for by=period.")
    min_sample: int = Field(
        default=MIN_SAMPLE, ge=1, description="Metrics from fewer answers are flagged low_sample."
    )

    @field_validator("by")
    @classmethod
    def _known_by(cls, value: str) -> str:
        if value not in EXPERIENCE_BY:
            raise UsageError(
                f"experience by '{value}': not a grouping{did_you_mean(value, EXPERIENCE_BY)}",
                code="usage_experience_by",
            )
        return value

    @field_validator("period")
    @classmethod
    def _known_period(cls, value: str) -> str:
        if value not in TREND_PERIODS:
            raise UsageError(
                f"period '{value}': use day or week; periods have fixed lengths (months vary in "
                "length and are not cut the same way on every engine)"
                + did_you_mean(value, TREND_PERIODS),
                code="usage_period",
            )
        return value


def _needs(journey: Journey) -> JourneyMap:
    if journey.store is None:
        raise UsageError(
            "experience reads the survey answers of a store: use Journey(store) or "
            "recorrido experience STORE",
            code="usage_needs_store",
        )
    if journey.map is None:
        raise UsageError(
            "experience places answers on a journey map: pass map=… or --map journey.yaml",
            code="usage_needs_map",
        )
    if journey._source is not None and journey._source.kind == "events":
        raise UsageError(
            "experience reads survey answers from a store, and SOURCE is an events file: "
            "ingest it and the answers (recorrido ingest events|feedback FILE) and pass the store",
            code="usage_needs_store",
        )
    feedback = journey.store.table("feedback")
    if not journey._run(feedback.aggregate(n=feedback.count())).to_pylist()[0]["n"]:
        raise UsageError(
            f"{journey.store.path}: the store has no survey answers (its feedback table is "
            "empty): ingest them first with recorrido ingest feedback FILE",
            code="no_feedback",
        )
    return journey.map


@contextmanager
def _scored(journey: Journey) -> Iterator[tuple[Any, MapPlaces, list[str], dict[str, int]]]:
    """The store's answers placed on the map and scored, computed once; the warnings and
    counts about them."""
    journey_map = _needs(journey)
    assert journey.store is not None
    store = journey.store
    places = MapPlaces.of(journey_map)
    if journey._cache is not None and "scored" in journey._cache:  # within Journey.cached()
        scored, places, warnings, quality = journey._cache["scored"]
        yield scored, places, list(warnings), dict(quality)  # callers add to the warnings
        return
    events = journey.prepared(Scope(level="touchpoint"))
    linked = link_feedback(store.table("feedback"), events, places)
    with journey._once(score_answers(linked), keep=True) as scored:
        quality = journey._run(answer_quality(scored)).to_pylist()[0]
        warnings = _warnings(journey, scored, quality)
        if journey._cache is not None:
            journey._cache["scored"] = scored, places, list(warnings), dict(quality)
        yield scored, places, warnings, quality


def _names(journey: Journey, scored: Any, link: str, column: str) -> str:
    odd = scored.filter(scored.link == link)
    found = journey._run(odd.select(column).distinct().order_by(column).limit(6))
    names = [str(v) for v in found[column].to_pylist() if v is not None]
    return ", ".join(names[:5]) + (", …" if len(names) > 5 else "")


def _warnings(journey: Journey, scored: Any, quality: dict[str, int]) -> list[str]:
    notes = []
    if quality["linked_unknown_touchpoint"]:
        notes.append(
            f"{quality['linked_unknown_touchpoint']:,} answers name touchpoints the map does not "
            f"have ({_names(journey, scored, 'unknown_touchpoint', 'touchpoint')}): they keep "
            "that name, without a channel; add the touchpoints to journey.yaml"
        )
    if quality["linked_unknown_stage"]:
        notes.append(
            f"{quality['linked_unknown_stage']:,} answers name stages the map does not have "
            f"({_names(journey, scored, 'unknown_stage', 'stage')}): they keep that name and "
            "are left out of the emotion curve"
        )
    if quality["linked_unlinked"]:
        notes.append(
            f"{quality['linked_unlinked']:,} answers name no touchpoint or stage and follow no "
            f"touchpoint of their person: they are grouped as {UNLINKED}"
        )
    if _feedback_file(journey):
        notes.append(
            "SOURCE is a feedback file without journey events: answers count at the touchpoint "
            "or stage they name; those naming neither stay unlinked"
        )
    elif quality["unknown_person"]:
        notes.append(
            f"{quality['unknown_person']:,} answers come from people with no journey event "
            "(they count where they name a touchpoint or stage)"
        )
    reasons = {
        "unknown_metric": "have a metric other than nps, csat, ces or rating",
        "out_of_scale": "have no score or a score outside their scale",
        "other_scale": "use an NPS, CSAT or CES scale other than 0–10, 1–5, 1–7",
    }
    for problem in PROBLEMS:
        if quality[problem]:
            notes.append(f"{quality[problem]:,} answers {reasons[problem]}: left out")
    return notes


def _feedback_file(journey: Journey) -> bool:
    return journey._source is not None and journey._source.kind == "feedback"


def _order(rows: list[dict[str, Any]], by: str, journey_map: JourneyMap) -> list[dict[str, Any]]:
    """Rows in the map's order of touchpoints, stages, channels or personas, then other names
    alphabetically, then the unlinked group; periods by time."""
    designed: Sequence[str] = {
        "touchpoint": [tp.id for tp in journey_map.touchpoints],
        "stage": journey_map.stage_ids(),
        "channel": [channel.id for channel in journey_map.channels],
        "persona": [persona.id for persona in journey_map.personas],
    }.get(by, [])
    position = {name: index for index, name in enumerate(designed)}
    last = {UNLINKED, UNASSIGNED}

    def key(row: dict[str, Any]) -> tuple[int, int, Any]:
        group = row["group"]
        if by in {"period", "none"}:
            return (0, 0, group)
        rank = 2 if group in last else (0 if group in position else 1)
        return (rank, position.get(group, 0), group)

    return sorted(rows, key=key)


def experience(journey: Journey, options: dict[str, Any]) -> Result:
    """See ``Journey.experience``: NPS, CSAT, CES and ratings per group."""
    request = build(ExperienceRequest, **options)
    period_us = TREND_PERIODS[request.period]
    with _scored(journey) as (scored, _, warnings, quality):
        personas = None
        journey_map = journey.map
        assert journey_map is not None and journey.store is not None
        if request.by == "persona":
            if not any(persona.assign for persona in journey_map.personas):
                warnings.append(
                    "the map has no personas with an 'assign' rule: every answer is in "
                    f"{UNASSIGNED}"
                )
            people = assign_personas(journey.store.table("people"), journey_map)
            personas = people.select("person_id", "persona")
        grouped = experience_by(
            scored,
            request.by,
            personas=personas,
            period_us=period_us,
            min_sample=request.min_sample,
        )
        table = journey._run(grouped)
        rows = _order(table.to_pylist(), request.by, journey_map)
        extra: dict[str, Any] = {"by": request.by, "answers": quality}
        if request.by == "period":
            valid = scored.filter(scored.problem.isnull())
            end = journey._run(valid.aggregate(end=valid.ts.max()))["end"][0].as_py()
            comparison = compare_experience(rows, period_us=period_us, data_end=end)
            extra["comparison"] = _plain(comparison)
    return Result(
        "experience",
        pa.Table.from_pylist(rows, schema=table.schema),
        request.model_dump(),
        extra,
        _rows_shape,
        warnings=warnings,
    )


def emotion(journey: Journey, options: dict[str, Any]) -> Result:
    """See ``Journey.emotion_curve``: designed and measured emotion per stage."""
    unknown = sorted(set(options) - {"min_sample"})
    if unknown:
        raise UsageError(
            f"the emotion curve is per stage and takes only min_sample (got {', '.join(unknown)})",
            code="usage_invalid",
        )
    request = build(ExperienceRequest, **options)
    with _scored(journey) as (scored, places, warnings, quality):
        rows = journey._run(stage_emotions(scored)).to_pylist()
    curve = emotion_curve(rows, places, min_sample=request.min_sample)
    if all(point["designed"] is None for point in curve):
        warnings.append(
            "the map gives no designed emotion (scenarios: <stage>: emotion: -2…2): the gap "
            "is empty"
        )
    dump = {"min_sample": request.min_sample}
    extra = {"answers": quality}
    return Result(
        "emotion", pa.Table.from_pylist(curve), dump, extra, _curve_shape, warnings=warnings
    )


def satisfaction(journey: Journey, options: dict[str, Any]) -> Result:
    """See ``Journey.satisfaction``: journey-level satisfaction per person, and each
    touchpoint's correlation with the person's NPS."""
    if options:
        raise UsageError(
            f"satisfaction takes no options (got {', '.join(sorted(options))})",
            code="usage_invalid",
        )
    with _scored(journey) as (scored, places, warnings, quality):
        people = journey._run(journey_satisfaction(scored).order_by("person"))
        drivers = journey._run(satisfaction_drivers(scored)).to_pylist()
    order = {name: index for index, name in enumerate(places.stage_of)}
    drivers.sort(
        key=lambda r: (r["touchpoint"] != JOURNEY, order.get(r["touchpoint"], len(order)),
                       r["touchpoint"])
    )  # fmt: skip
    extra = {"drivers": drivers, "answers": quality}
    return Result("satisfaction", people, {}, extra, _people_shape, warnings=warnings)


def _plain(comparison: dict[str, Any] | None) -> dict[str, Any] | None:
    if comparison is None:
        return None
    return {
        **comparison,
        "latest": comparison["latest"].isoformat(),
        "previous": comparison["previous"].isoformat(),
    }


def _rows_shape(result: Result) -> dict[str, Any]:
    return {"rows": result.rows(), **result.extra}


def _curve_shape(result: Result) -> dict[str, Any]:
    return {"curve": result.rows(), **result.extra}


def _people_shape(result: Result) -> dict[str, Any]:
    return {"people": result.rows(), **result.extra}
