"""Plain-Python reference of alert matching (docs/closed-loop.md, "What a rule sees")."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from recorrido.map.models import ALERT_FIELDS, JourneyMap
from recorrido.map.rule_compile import evaluate_rule
from recorrido.map.rules import parse_rule

METRICS = ("nps", "csat", "ces", "rating")
CONTEXT = ("channel", "persona", "sentiment", "theme", "language")


def _first_set(rows: Sequence[Mapping[str, Any]], key: str) -> Any:
    return next((row[key] for row in rows if row.get(key) is not None), None)


def reference_matches(
    rows: Sequence[Mapping[str, Any]],
    when: str,
    journey: JourneyMap | None = None,
    context: Mapping[str, Mapping[str, Any]] | None = None,
) -> dict[str, tuple[str, float]]:
    """response id → (metric, score) of the triggering answer, for responses ``when`` matches.

    ``rows`` are feedback rows with a ``seq``; ``context`` maps response ids to field values.
    """
    rule = parse_rule(when)
    places = {tp.id: tp for tp in (journey.touchpoints if journey else [])}
    named = rule.fields() & set(METRICS)
    by_response: dict[str, list[Mapping[str, Any]]] = {}
    for row in sorted(rows, key=lambda r: r["seq"]):
        by_response.setdefault(row["response_id"], []).append(row)
    found: dict[str, tuple[str, float]] = {}
    for response_id, answers in by_response.items():
        record: dict[str, Any] = {
            key: _first_set(answers, key) for key in ("touchpoint", "stage", "comment", "language")
        }
        for metric in METRICS:
            record[metric] = next((a["score"] for a in answers if a["metric"] == metric), None)
        place = places.get(record["touchpoint"] or "")
        record["channel"] = place.channel if place else None
        record["stage"] = record["stage"] or (place.stage if place else None)
        record |= {"persona": None, "sentiment": None, "theme": None}
        for key, value in (context or {}).get(response_id, {}).items():
            if value is not None:
                record[key] = value
        hits = [
            a
            for a in answers
            if evaluate_rule(
                rule, record | {"metric": a["metric"], "score": a["score"]}, ALERT_FIELDS
            )
        ]
        if hits:
            best = min(hits, key=lambda a: (a["metric"] not in named, a["seq"]))
            found[response_id] = (best["metric"], best["score"])
    return found
