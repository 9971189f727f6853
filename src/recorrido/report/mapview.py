"""The journey map drawn from the data: stages as columns, lanes of touchpoints by channel with
their volume and scores, the map's does / thinks / feels / expects, the emotion curve designed
against measured, pain points, opportunities and KPIs.

:func:`journey_map_view` gathers it as plain data for the template; every number a touchpoint
shows on hover is in its ``hover`` text.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..errors import RecorridoError
from ..map.models import JourneyMap, Kpi
from ..voice.kpis import is_share
from ..voice.monitor import KpiStatus
from . import charts
from .facts import Facts
from .i18n import Text
from .personas import persona_layers

__all__ = ["journey_map_view", "kpi_number", "persona_views"]


def _mood(value: float | None) -> str:
    """A CSS class for an emotion on −2…+2 (no emoji: fonts for them may be missing)."""
    if value is None:
        return "none"
    return "low" if value <= -0.5 else "high" if value >= 0.5 else "mid"


def _designed(journey_map: JourneyMap) -> dict[str, float | None]:
    """Each stage's designed emotion (−2…+2) from the map's scenarios, in stage order."""
    return {
        s.id: journey_map.scenarios[s.id].emotion if s.id in journey_map.scenarios else None
        for s in journey_map.stages
    }


def _try(build: Any, default: Any) -> Any:
    try:
        return build()
    except RecorridoError:
        return default


def _touchpoint_hover(t: Text, name: str, people: int, voice: dict[str, Any] | None) -> str:
    parts = [name, t("people_n", n=t.number(people))]
    if voice:
        if voice.get("csat_n"):
            parts.append(f"CSAT {t.number(voice['csat_mean'], 2)}/5 (n={voice['csat_n']})")
        if voice.get("nps_n"):
            parts.append(f"NPS {t.number(voice['nps'])} (n={voice['nps_n']})")
        if voice.get("ces_n"):
            parts.append(f"CES {t.number(voice['ces'], 2)}/7 (n={voice['ces_n']})")
    return " · ".join(parts)


def _kpi_line(t: Text, status: KpiStatus) -> dict[str, Any]:
    met = status.met
    return {
        "name": status.kpi.name or status.kpi.id,
        "value": kpi_number(t, status.kpi, status.current.value),
        "target": t("target", target=kpi_number(t, status.kpi, status.kpi.target)),
        "state": {True: "met", False: "not_met", None: "none"}[met],
        "label": {True: t("met"), False: t("not_met"), None: t("no_value")}[met],
    }


def kpi_number(t: Text, kpi: Kpi, value: float | None) -> str:
    """A KPI's value as people read it: shares as percentages, NPS signed, money with 2
    decimals, efforts and scores with 2."""
    metric = kpi.metric.value
    if is_share(kpi.metric, kpi.target):
        return t.percent(value, 1)
    if metric == "nps":
        return t.signed(value, 0)
    if metric == "time_to_convert":
        return t.number(None if value is None else value / 3600, 1) + " h"
    if metric in {"average_order_value", "revenue"}:
        return t.money(value)
    return t.number(value, 2)


def _columns(
    facts: Facts,
    t: Text,
    *,
    people: Mapping[str, int],
    voice: dict[str, dict[str, Any]],
    measured: Mapping[str, float | None],
    designed: Mapping[str, float | None],
    worst: set[str],
    pains: dict[str, list[dict[str, str]]],
    statuses: list[KpiStatus],
) -> list[dict[str, Any]]:
    """One column per stage: its touchpoint lanes by channel with ``people`` and ``voice``
    on hover (``worst`` shaded), the scenario's rows, emotion designed → measured, the
    ``pains`` lines, opportunities and the KPIs of ``statuses``."""
    journey_map = facts.map
    stage_of = {tp.id: tp.stage for tp in journey_map.touchpoints}
    channels = {c.id: c.name for c in journey_map.channels}
    columns = []
    for stage in journey_map.stages:
        lanes: dict[str, list[dict[str, Any]]] = {}
        for tp in journey_map.touchpoints:
            if tp.stage != stage.id:
                continue
            n = int(people.get(tp.id, 0))
            lanes.setdefault(channels.get(tp.channel, tp.channel), []).append(
                {
                    "id": tp.id,
                    "name": tp.name,
                    "people": t.number(n),
                    "pain": tp.id in worst,
                    "hover": _touchpoint_hover(t, tp.name, n, voice.get(tp.id)),
                }
            )
        scenario = journey_map.scenarios.get(stage.id)
        columns.append(
            {
                "id": stage.id,
                "name": stage.name,
                "lanes": [{"channel": c, "touchpoints": tps} for c, tps in lanes.items()],
                "does": scenario.does if scenario else None,
                "thinks": scenario.thinks if scenario else None,
                "feels": scenario.feels if scenario else None,
                "expects": scenario.expects if scenario else None,
                "designed": t.signed(designed.get(stage.id), 0),
                "designed_mood": _mood(designed.get(stage.id)),
                "measured": t.signed(measured.get(stage.id), 1),
                "measured_mood": _mood(measured.get(stage.id)),
                "pains": pains.get(stage.id, []),
                "opportunities": [
                    {
                        "text": o.description,
                        "status": t(f"status_{o.status.value}"),
                        "state": o.status.value,
                    }
                    for o in journey_map.opportunities
                    if (o.stage or stage_of.get(o.touchpoint or "")) == stage.id
                ],
                "kpis": [
                    _kpi_line(t, s)
                    for s in statuses
                    if (s.kpi.stage or stage_of.get(s.kpi.touchpoint or "")) == stage.id
                ],
            }
        )
    return columns


def journey_map_view(facts: Facts, t: Text) -> dict[str, Any]:
    """Columns (one per stage) with their lanes and rows, the emotion chart and its reading."""
    journey_map = facts.map
    has_voice = bool(facts.count("feedback"))
    pains = _try(lambda: facts.painpoints()["painpoints"], [])
    people = {p["touchpoint"]: p["people"] for p in pains}
    scored = {p["touchpoint"]: p for p in pains if p["score"]}
    voice_rows = _try(lambda: facts.experience()["rows"], []) if has_voice else []
    voice = {r["group"]: r for r in voice_rows}
    curve = _try(lambda: facts.emotion()["curve"], []) if has_voice else []
    emotion = {point["stage"]: point for point in curve}
    statuses = _try(facts.kpis, []) if journey_map.kpis else []
    stage_of = {tp.id: tp.stage for tp in journey_map.touchpoints}
    top_pain = sorted(scored.values(), key=lambda p: -p["score"])[:5]
    tp_names = {tp.id: tp.name for tp in journey_map.touchpoints}
    designed_of = {
        s: (emotion.get(s, {}).get("designed") if emotion else None) or value
        for s, value in _designed(journey_map).items()
    }
    pain_lines = {
        stage.id: [
            {
                "name": tp_names.get(p["touchpoint"], p["touchpoint"]),
                "score": t.number(p["score"], 1),
            }
            for p in top_pain
            if stage_of.get(p["touchpoint"]) == stage.id
        ]
        for stage in journey_map.stages
    }
    columns = _columns(
        facts, t, people=people, voice=voice,
        measured={s: point.get("measured") for s, point in emotion.items()},
        designed=designed_of, worst={p["touchpoint"] for p in top_pain}, pains=pain_lines,
        statuses=statuses,
    )  # fmt: skip
    names = [stage.name for stage in journey_map.stages]
    designed = [emotion.get(s.id, {}).get("designed") for s in journey_map.stages]
    measured = [emotion.get(s.id, {}).get("measured") for s in journey_map.stages]
    if not any(d is not None for d in designed):
        designed = list(_designed(journey_map).values())
    figure = charts.emotion_lines(
        t("c_emotion"), names, designed, measured,
        names=(t("designed"), t("measured")), axis=t("c_emotion_axis"),
    )  # fmt: skip
    gaps = [
        (abs(point["gap"]), point["stage"], point["gap"])
        for point in curve
        if point.get("gap") is not None and not point.get("low_sample")
    ]
    if gaps:
        _, stage_id, gap = max(gaps)
        stage_name = next(s.name for s in journey_map.stages if s.id == stage_id)
        reading = t("r_emotion", stage=stage_name, gap=t.signed(gap, 1))
    else:
        reading = t("r_emotion_none")
    return {
        "columns": columns,
        "emotion": {"id": "emotion", "figure": figure, "reading": reading},
    }


def persona_views(facts: Facts, t: Text) -> list[dict[str, Any]]:
    """One map per persona of the map with an ``assign`` rule: its card (description, goals,
    needs, pain points, motivations, preferred channels) and columns with the persona's own
    numbers (people reached, scores on hover, measured emotion, the touchpoints it feels
    worst about); KPIs and opportunities are the all-customers map's."""
    journey_map = facts.map
    layers = _try(lambda: facts.once("persona_layers", lambda: persona_layers(facts)), {})
    channels = {c.id: c.name for c in journey_map.channels}
    tp_names = {tp.id: tp.name for tp in journey_map.touchpoints}
    stage_of = {tp.id: tp.stage for tp in journey_map.touchpoints}
    designed = _designed(journey_map)
    views = []
    for persona in journey_map.personas:
        layer = layers.get(persona.id)
        if layer is None:
            continue
        pains: dict[str, list[dict[str, str]]] = {}
        for touchpoint, value, n in layer["worst"]:
            pains.setdefault(stage_of.get(touchpoint, ""), []).append(
                {
                    "name": tp_names.get(touchpoint, touchpoint),
                    "score": f"{t.signed(value, 1)} (n={t.number(n)})",
                }
            )
        card = [
            (t(key), items)
            for key, items in (
                ("p_goals", persona.goals),
                ("p_needs", persona.needs),
                ("p_pains", persona.pain_points),
                ("p_motivations", persona.motivations),
                ("p_channels", [channels.get(c, c) for c in persona.preferred_channels]),
            )
            if items
        ]
        views.append(
            {
                "id": persona.id,
                "name": persona.name,
                "description": persona.description,
                "people": t("p_people", n=t.number(layer["people"])),
                "card": card,
                "columns": _columns(
                    facts, t, people=layer["reach"], voice=layer["voice"],
                    measured=layer["emotion"], designed=designed,
                    worst={w[0] for w in layer["worst"]}, pains=pains, statuses=[],
                ),
            }
        )  # fmt: skip
    return views
