"""Pain points: the map's touchpoints (or stages) ranked by reach, drop-off, dissatisfaction and
negative comments, with the evidence for each.

The drop-off is :mod:`recorrido.analysis.dropoff`; the answers are placed and scored as in
:mod:`recorrido._experience`; comments go through :func:`recorrido.voice.text.analyse_comments`.
The score is stated in ``docs/analytics.md``, section *Pain points*. ``recorrido painpoints``
calls :func:`painpoints`; so will ``Journey.painpoints``.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import TYPE_CHECKING, Any

import ibis
import pyarrow as pa
from pydantic import BaseModel, ConfigDict, Field, field_validator

from ._drivers import purchase_touchpoints
from .analysis.dropoff import dropoff, lost_next, reach, visits_with_loss
from .analysis.feedback_link import MapPlaces, link_feedback
from .analysis.feedback_scores import score_answers
from .errors import UsageError, did_you_mean
from .map.models import JourneyMap
from .requests import Scope, build
from .results import Result
from .voice.text import analyse_comments

if TYPE_CHECKING:
    from .journey import Journey

__all__ = ["LEVELS", "MIN_SAMPLE", "WEIGHTS", "PainpointsRequest", "painpoints", "severity"]

LEVELS: tuple[str, ...] = ("touchpoint", "stage")
WEIGHTS: dict[str, float] = {"drop": 0.4, "dissatisfied": 0.3, "negative": 0.3}
"""The weights of the signals in the severity, renormalised over those a place has."""
MIN_SAMPLE = 10
"""Dissatisfaction and comment shares from fewer answers or comments are shown, not scored."""


class PainpointsRequest(BaseModel):
    """Which places to rank and how."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    level: str = Field(default="touchpoint", description="touchpoint or stage.")
    top: int | None = Field(default=None, ge=1, description="Keep the N worst places.")
    min_sample: int = Field(default=MIN_SAMPLE, ge=1, description="Answers needed to score.")
    conversion: list[str] | None = Field(
        default=None, description="Conversion touchpoints (default: buyer_journey.conversion)."
    )

    @field_validator("level")
    @classmethod
    def _known_level(cls, value: str) -> str:
        if value not in LEVELS:
            raise UsageError(
                f"pain points level '{value}': use touchpoint or stage"
                + did_you_mean(value, LEVELS),
                code="usage_painpoints_level",
            )
        return value


def severity(signals: dict[str, float | None]) -> float | None:
    """The weighted mean of the signals that are not None (weights renormalised)."""
    present = {name: value for name, value in signals.items() if value is not None}
    if not present:
        return None
    weight = sum(WEIGHTS[name] for name in present)
    return sum(WEIGHTS[name] * value for name, value in present.items()) / weight


def _needs(journey: Journey, request: PainpointsRequest) -> tuple[JourneyMap, list[str]]:
    if journey.store is None or journey.map is None:
        raise UsageError(
            "pain points read a store and its journey map: Journey(store, map=…) or "
            "recorrido painpoints STORE --map journey.yaml",
            code="usage_needs_store",
        )
    journey_map = journey.map
    ids = [tp.id for tp in journey_map.touchpoints]
    conversion = request.conversion or (
        [journey_map.buyer_journey.conversion] if journey_map.buyer_journey.conversion else []
    )
    if not conversion:
        raise UsageError(
            "pain points need a conversion touchpoint: set buyer_journey.conversion in the map "
            "or pass conversion=[…]",
            code="usage_needs_conversion",
        )
    for name in conversion:
        if name not in ids:
            raise UsageError(
                f"conversion '{name}': not a touchpoint of the map{did_you_mean(name, ids)}",
                code="usage_unknown_step",
            )
    return journey_map, conversion


def _no_drop(journey_map: JourneyMap, conversion: list[str]) -> set[str]:
    """Touchpoints where drop-off does not apply: the conversion itself, later stages (people
    there have mostly bought), and the conversion's stage on another channel (another way
    to buy, e.g. a café till)."""
    order = {stage: i for i, stage in enumerate(journey_map.stage_ids())}
    by_id = {tp.id: tp for tp in journey_map.touchpoints}
    last = max(order.get(by_id[c].stage, 0) for c in conversion)
    later = {tp.id for tp in journey_map.touchpoints if order.get(tp.stage, 0) > last}
    return later | set(purchase_touchpoints(journey_map, conversion))


def _drops(journey: Journey, events: Any, level: str, skip: set[str]) -> tuple[Any, Any, Any]:
    """People per place (all events), and lost and next places over the places with drop."""
    place = events.label if level == "touchpoint" else events.stage
    every = events.mutate(label=place)
    kept = events.filter(~events.label.isin(sorted(skip)) | events.converts)
    kept = kept.mutate(label=kept.label if level == "touchpoint" else kept.stage)
    people = {r["label"]: r["people"] for r in journey._run(reach(every)).to_pylist()}
    with journey._once(visits_with_loss(kept)) as visits:  # both read the first visits
        lost = {r["label"]: r for r in journey._run(dropoff(kept, visits)).to_pylist()}
        rows = journey._run(lost_next(kept, visits)).to_pylist()
    nexts: dict[str, list[dict[str, Any]]] = {}
    for row in sorted(rows, key=lambda r: (-r["people"], r["next"])):
        nexts.setdefault(row["label"], []).append(row)
    return people, lost, nexts


def _feedback(journey: Journey, level: str, min_sample: int) -> dict[str, dict[str, Any]] | None:
    """Per place: dissatisfied answers, comments, negative comments, themes; None without
    feedback."""
    assert journey.store is not None and journey.map is not None
    store = journey.store
    feedback = store.table("feedback")
    if not journey._run(feedback.aggregate(n=feedback.count()))["n"][0].as_py():
        return None
    events = journey.prepared(Scope(level="touchpoint"))
    scored = score_answers(link_feedback(feedback, events, MapPlaces.of(journey.map)))
    texts = feedback.select(_seq=feedback.seq, comment=feedback.comment, language=feedback.language)
    joined = scored.left_join(texts, scored.seq == texts._seq)
    metric, s = joined.metric, joined.score
    valid = joined.problem.isnull()
    bad = valid & (
        ((metric == "csat") & (s <= 2))
        | ((metric == "nps") & (s <= 6))
        | ((metric == "ces") & (s >= 5))
    )
    counted = valid & metric.isin(["csat", "nps", "ces"])
    rows = joined.select(
        place=joined[level],
        counted=counted.ifelse(1, 0),
        bad=bad.ifelse(1, 0),
        comment=joined.comment,
        language=joined.language,
        person=joined.person,
    ).filter(ibis._.place.notnull())
    totals = rows.group_by("place").aggregate(
        answers=rows.counted.sum(), dissatisfied_n=rows.bad.sum(), respondents=rows.person.nunique()
    )
    out: dict[str, dict[str, Any]] = {}
    for row in journey._run(totals).to_pylist():
        out[row.pop("place")] = {**row, "comments": []}
    # each distinct comment of a place once, with how many answers hold it
    commented = rows.filter(rows.comment.notnull())
    texts = commented.group_by(["place", "comment", "language"]).aggregate(n=commented.count())
    for row in journey._run(texts).to_pylist():
        if str(row["comment"]).strip():
            out[row["place"]]["comments"].append((row["comment"], row["language"], row["n"]))
    for entry in out.values():
        _comments(entry, min_sample)
    return out


def _comments(entry: dict[str, Any], min_sample: int) -> None:
    """Comments, negative comments, their top themes and quotes of one place's
    ``(comment, language, answers)``."""
    found = entry.pop("comments")
    entry["comments"] = sum(n for _, _, n in found)
    entry["negative_n"] = 0
    entry["themes"], entry["quotes"] = [], []
    if not found:
        return
    arrow = pa.table(
        {
            "comment": [c for c, _, _ in found],
            "language": [lang for _, lang, _ in found],
            "n": [n for _, _, n in found],
        }
    )
    rows = analyse_comments(arrow).to_pylist()
    negative = [r for r in rows if r["sentiment"] == "negative"]
    entry["negative_n"] = sum(r["n"] for r in negative)
    themes: Counter[str] = Counter()
    for r in negative:
        for theme in r["themes"] or ():
            themes[theme] += r["n"]
    entry["themes"] = [
        {"theme": t, "comments": n} for t, n in sorted(themes.items(), key=lambda i: (-i[1], i[0]))
    ][:3]
    strongest = sorted(
        negative, key=lambda r: (r["sentiment_score"], len(r["comment"]), r["comment"])
    )
    seen: list[str] = []
    for r in strongest:
        if r["comment"] not in seen and len(seen) < 3:
            seen.append(r["comment"])
    entry["quotes"] = seen


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def painpoints(journey: Journey, options: dict[str, Any]) -> Result:
    """See ``Journey.painpoints``: places ranked as pain points, worst first."""
    request = build(PainpointsRequest, **options)
    journey_map, conversion = _needs(journey, request)
    skip = _no_drop(journey_map, conversion)
    events = journey.events(Scope(level="touchpoint"), stage=True)
    events = events.mutate(converts=events.label.isin(conversion))
    warnings: list[str] = []
    assert journey.store is not None
    stored = journey.store.table("events")
    if journey._run(stored.aggregate(n=stored.count()))["n"][0].as_py():
        with journey._once(events, events=True) as once:
            tp_people, tp_lost, tp_next = _drops(journey, once, "touchpoint", skip)
            buys = once.filter(once.converts & once.value.notnull())
            aov = journey._run(buys.aggregate(v=buys.value.mean()))["v"][0].as_py()
            if request.level == "stage":
                people, lost, nexts = _drops(journey, once, "stage", skip)
            else:
                people, lost, nexts = tp_people, tp_lost, tp_next
        voice = _feedback(journey, "touchpoint", request.min_sample)
        if voice is None:
            warnings.append(
                "the store has no survey answers: pain points are ranked on drop-off and reach only"
            )
        if aov is None:
            warnings.append("conversion events carry no value: value_lost is not estimated")
    else:
        voice = _feedback(journey, "touchpoint", request.min_sample)
        if voice is None:
            raise UsageError(
                f"{journey.store.path}: the store has no events and no survey answers: ingest "
                "them first with recorrido ingest events|feedback FILE",
                code="empty_store",
            )
        warnings.append(
            "no journey events (SOURCE holds survey answers only): pain points are ranked on "
            "dissatisfaction and negative comments, reach = people who answered there; no drop-off"
        )
        tp_people = {place: entry["respondents"] for place, entry in voice.items()}
        tp_lost, tp_next, aov = {}, {}, None
        people, lost, nexts = tp_people, tp_lost, tp_next
    rows = _touchpoint_rows(journey_map, tp_people, tp_lost, tp_next, skip, voice, request, aov)
    if request.level == "stage":
        heard = _feedback(journey, "stage", request.min_sample)
        if not tp_lost and heard is not None:
            people = {place: entry["respondents"] for place, entry in heard.items()}
        stage_skip = {s for s in journey_map.stage_ids() if _stage_skipped(journey_map, s, skip)}
        rows = _stage_rows(journey_map, rows, people, lost, nexts, stage_skip, heard, request, aov)
    rows.sort(key=lambda r: (-(r["score"] or 0.0), -r["people"], r["place"]))
    if request.top:
        rows = rows[: request.top]
    evidence = {r["place"]: r.pop("evidence") for r in rows}
    extra = {
        "level": request.level,
        "conversion": conversion,
        "average_order_value": aov,
        "weights": WEIGHTS,
        "evidence": evidence,
    }
    table = pa.Table.from_pylist(rows) if rows else pa.table({"place": pa.array([], pa.string())})
    dump = request.model_dump()
    return Result("painpoints", table, dump, extra, _shape, warnings=warnings)


def _stage_skipped(journey_map: JourneyMap, stage: str, skip: set[str]) -> bool:
    members = [tp.id for tp in journey_map.touchpoints if tp.stage == stage]
    return bool(members) and all(m in skip for m in members)


def _signals(
    place: str, people: int, lost: dict[str, Any] | None, applies: bool,
    voice: dict[str, dict[str, Any]] | None, request: PainpointsRequest,
) -> dict[str, Any]:  # fmt: skip
    """The measured rates of a place (before the stage baseline)."""
    lost_n = int(lost["lost"]) if applies and lost else None
    seen = int(lost["people"]) if applies and lost else 0
    heard = (voice or {}).get(place, {})
    answers, comments = heard.get("answers", 0), heard.get("comments", 0)
    dissatisfied = _share(heard.get("dissatisfied_n", 0), answers)
    negative = _share(heard.get("negative_n", 0), comments)
    return {
        "place": place,
        "people": people,
        "lost": lost_n,
        "drop_rate": _share(lost_n, seen) if lost_n is not None else None,
        "dissatisfied": dissatisfied,
        "answers": answers,
        "negative_comments": negative,
        "comments": comments,
        "_dissatisfied_ok": answers >= request.min_sample,
        "_negative_ok": comments >= request.min_sample,
        "_heard": heard,
    }


def _finish(
    row: dict[str, Any], drop_signal: float | None, reach: float, aov: float | None,
    nexts: list[dict[str, Any]],
) -> dict[str, Any]:  # fmt: skip
    heard = row.pop("_heard")
    signals = {
        "drop": drop_signal,
        "dissatisfied": row["dissatisfied"] if row.pop("_dissatisfied_ok") else None,
        "negative": row["negative_comments"] if row.pop("_negative_ok") else None,
    }
    level = severity(signals)
    row["severity"] = level
    row["reach"] = reach
    row["score"] = round(100.0 * level * reach, 1) if level is not None else None
    row["value_lost"] = (
        round(row["lost"] * aov, 2) if row["lost"] is not None and aov is not None else None
    )
    lost = row["lost"] or 0
    row["evidence"] = {
        "signals": signals,
        "dissatisfied_answers": heard.get("dissatisfied_n", 0),
        "negative_comment_count": heard.get("negative_n", 0),
        "top_negative_themes": heard.get("themes", []),
        "negative_comments": heard.get("quotes", []),
        "lost_went_next": [
            {"next": n["next"], "people": n["people"], "share": _share(n["people"], lost)}
            for n in nexts[:3]
        ],
    }
    return row


def _touchpoint_rows(
    journey_map: JourneyMap, people: dict[str, int], lost: dict[str, Any],
    nexts: dict[str, list[dict[str, Any]]], skip: set[str],
    voice: dict[str, dict[str, Any]] | None, request: PainpointsRequest, aov: float | None,
) -> list[dict[str, Any]]:  # fmt: skip
    rows = [
        {**_signals(tp.id, people.get(tp.id, 0), lost.get(tp.id), tp.id not in skip,
                    voice, request), "stage": tp.stage}
        for tp in journey_map.touchpoints
    ]  # fmt: skip
    baseline = _baselines(
        rows, lost, set(request.conversion or [journey_map.buyer_journey.conversion or ""])
    )
    top = max((r["people"] for r in rows), default=0)
    for row in rows:
        base = baseline.get(row["stage"])
        signal = None
        if row["drop_rate"] is not None and base:
            signal = min(1.0, max(0.0, row["drop_rate"] / base - 1.0))
        reach = math.sqrt(row["people"] / top) if top else 0.0
        _finish(row, signal, reach, aov, nexts.get(row["place"], []))
    return rows


def _baselines(
    rows: list[dict[str, Any]], lost: dict[str, Any], conversion: set[str]
) -> dict[str, float]:
    """Per stage: lost / people summed over its touchpoints with a drop-off and its conversion
    touchpoints (whose people all reached the conversion: 0 lost)."""
    totals: dict[str, list[int]] = {}
    for row in rows:
        if row["place"] in conversion:
            totals.setdefault(row["stage"], [0, 0])[1] += row["people"]
        elif row["lost"] is not None:
            seen = int(lost[row["place"]]["people"])
            entry = totals.setdefault(row["stage"], [0, 0])
            entry[0] += row["lost"]
            entry[1] += seen
    return {stage: lost_n / seen for stage, (lost_n, seen) in totals.items() if seen}


def _stage_rows(
    journey_map: JourneyMap, tps: list[dict[str, Any]], people: dict[str, int],
    lost: dict[str, Any], nexts: dict[str, list[dict[str, Any]]], skip: set[str],
    voice: dict[str, dict[str, Any]] | None, request: PainpointsRequest, aov: float | None,
) -> list[dict[str, Any]]:  # fmt: skip
    """Stages: severity = people-weighted mean of their touchpoints' severities; reach from
    the stage's own people."""
    stages = journey_map.stage_ids()
    top = max((people.get(s, 0) for s in stages), default=0)
    rows = []
    for stage in stages:
        row = _signals(stage, people.get(stage, 0), lost.get(stage), stage not in skip,
                       voice, request)  # fmt: skip
        members = [t for t in tps if t["stage"] == stage and t["severity"] is not None]
        weight = sum(t["people"] for t in members)
        level = sum(t["severity"] * t["people"] for t in members) / weight if weight else None
        reach = math.sqrt(row["people"] / top) if top else 0.0
        _finish(row, None, reach, aov, nexts.get(stage, []))
        row["severity"] = level
        row["score"] = round(100.0 * level * reach, 1) if level is not None else None
        row["evidence"]["touchpoints"] = [
            {"touchpoint": t["place"], "score": t["score"]} for t in members
        ]
        rows.append(row)
    return rows


def _shape(result: Result) -> dict[str, Any]:
    key = "touchpoint" if result.extra["level"] == "touchpoint" else "stage"
    evidence = result.extra["evidence"]
    items = []
    for row in result.rows():
        place = row.pop("place")
        items.append({key: place, **row, "evidence": evidence.get(place, {})})
    rest = {k: v for k, v in result.extra.items() if k != "evidence"}
    return {"painpoints": items, **rest}
