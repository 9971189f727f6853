"""Cross-reference rules of a journey map, each small and named, run after parsing.

Each rule yields ``Problem``s: the path in the document (for file:line:column), the message
and a stable code. :func:`problems` runs them all; the loader turns them into positions.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import combinations

from ..errors import RuleError, did_you_mean
from .models import ALERT_FIELDS, JourneyMap, Touchpoint
from .rules import FieldType, Rule, check_rule, parse_rule
from .touchpoint_overlap import may_overlap

__all__ = ["EVENT_FIELDS", "Problem", "person_fields", "problems"]

Path = tuple[str | int, ...]

EVENT_FIELDS: dict[str, FieldType] = {"event": "string", "channel": "string", "value": "number"}
"""Fields a touchpoint's ``where`` rule may use, besides ``properties.<key>``."""


@dataclass(frozen=True)
class Problem:
    """A problem at ``path`` in the document; ``offset`` points inside a rule's text."""

    path: Path
    message: str
    code: str
    offset: int | None = None


def person_fields(journey: JourneyMap) -> dict[str, FieldType]:
    """Fields a persona rule may use: the declared person attributes."""
    return {name: attr.type.value for name, attr in journey.attributes.items()}


def _duplicate_ids(journey: JourneyMap) -> Iterator[Problem]:
    sections: dict[str, Sequence[object]] = {
        "stages": journey.stages,
        "personas": journey.personas,
        "channels": journey.channels,
        "touchpoints": journey.touchpoints,
        "routes": journey.routes,
        "kpis": journey.kpis,
        "opportunities": journey.opportunities,
        "surveys": journey.surveys,
        "alerts": journey.alerts,
        "webhooks": journey.webhooks,
    }
    for section, items in sections.items():
        seen: dict[str, int] = {}
        for index, item in enumerate(items):
            item_id = str(getattr(item, "id", ""))
            if item_id in seen:
                yield Problem(
                    (section, index, "id"),
                    f"duplicate id '{item_id}' (first used by {section}[{seen[item_id]}]); "
                    "ids must be unique in their section",
                    "map_duplicate_id",
                )
            else:
                seen[item_id] = index
    both = set(journey.stage_ids()) & {tp.id for tp in journey.touchpoints}
    for index, tp in enumerate(journey.touchpoints):
        if tp.id in both:
            yield Problem(
                ("touchpoints", index, "id"),
                f"touchpoint id '{tp.id}' is also a stage id; give it a different id so "
                "journey steps are unambiguous",
                "map_duplicate_id",
            )


def _reference(path: Path, value: str | None, valid: Sequence[str], what: str) -> Iterator[Problem]:
    if value is not None and value not in valid:
        yield Problem(
            path, f"unknown {what} '{value}'{did_you_mean(value, valid)}", f"map_unknown_{what}"
        )


def _touchpoint_refs(journey: JourneyMap) -> Iterator[Problem]:
    stages = journey.stage_ids()
    channels = [c.id for c in journey.channels]
    for index, tp in enumerate(journey.touchpoints):
        yield from _reference(("touchpoints", index, "stage"), tp.stage, stages, "stage")
        yield from _reference(("touchpoints", index, "channel"), tp.channel, channels, "channel")


def _persona_refs(journey: JourneyMap) -> Iterator[Problem]:
    channels = [c.id for c in journey.channels]
    for index, persona in enumerate(journey.personas):
        for i, channel in enumerate(persona.preferred_channels):
            path: Path = ("personas", index, "preferred_channels", i)
            yield from _reference(path, channel, channels, "channel")


def _rule_problem(
    path: Path, text: str, fields: dict[str, FieldType], open_: bool
) -> Problem | None:
    try:
        rule: Rule = parse_rule(text)
        check_rule(rule, fields, open_prefixes=("properties",) if open_ else ())
    except RuleError as error:
        return Problem(path, f"rule {text!r}: {error}", error.code, error.position)
    return None


def _rules(journey: JourneyMap) -> Iterator[Problem]:
    people = person_fields(journey)
    for index, persona in enumerate(journey.personas):
        if persona.assign is not None:
            problem = _rule_problem(("personas", index, "assign"), persona.assign, people, False)
            if problem:
                yield problem
    for index, tp in enumerate(journey.touchpoints):
        if tp.match.where is not None:
            path: Path = ("touchpoints", index, "match", "where")
            problem = _rule_problem(path, tp.match.where, EVENT_FIELDS, True)
            if problem:
                yield problem


def _overlaps(journey: JourneyMap) -> Iterator[Problem]:
    indexed = list(enumerate(journey.touchpoints))
    for (_, first), (j, second) in combinations(indexed, 2):
        shared = may_overlap(first.match, second.match)
        if shared is not None:
            yield Problem(
                ("touchpoints", j, "match"),
                f"touchpoints '{first.id}' and '{second.id}' can both match event "
                f"'{shared}'; an event may belong to one touchpoint only: give them different "
                "events or channels, or 'where' rules that compare the same field with "
                "different values",
                "map_touchpoint_overlap",
            )


def _scenarios(journey: JourneyMap) -> Iterator[Problem]:
    stages = journey.stage_ids()
    for stage in journey.scenarios:
        yield from _reference(("scenarios", stage), stage, stages, "stage")


def _steps(journey: JourneyMap, path: Path, steps: Sequence[str]) -> Iterator[Problem]:
    """Steps of the buyer journey or a route: known stage or touchpoint ids, not mixed."""
    stages = journey.stage_ids()
    touchpoints = [tp.id for tp in journey.touchpoints]
    for index, step in enumerate(steps):
        if step not in stages and step not in touchpoints:
            yield Problem(
                (*path, index),
                f"unknown step '{step}': steps are stage or touchpoint ids"
                f"{did_you_mean(step, stages + touchpoints)}",
                "map_unknown_step",
            )
    known = [s for s in steps if s in stages or s in touchpoints]
    kinds = {s in stages for s in known}
    if len(kinds) > 1:
        yield Problem(
            path,
            "steps mix stages and touchpoints; use only stage ids or only touchpoint ids",
            "map_mixed_steps",
        )


def _buyer_journey(journey: JourneyMap) -> Iterator[Problem]:
    touchpoints = [tp.id for tp in journey.touchpoints]
    steps = journey.buyer_journey.steps
    yield from _steps(journey, ("buyer_journey", "steps"), steps)
    for step, count in Counter(steps).items():
        if count > 1:
            yield Problem(
                ("buyer_journey", "steps"),
                f"step '{step}' appears {count} times; a designed journey visits each step once",
                "map_duplicate_step",
            )
    conversion = journey.buyer_journey.conversion
    yield from _reference(("buyer_journey", "conversion"), conversion, touchpoints, "touchpoint")


def _routes(journey: JourneyMap) -> Iterator[Problem]:
    for index, route in enumerate(journey.routes):
        if len(route.steps) < 2:
            yield Problem(
                ("routes", index, "steps"),
                f"a route needs at least 2 steps, in order (got {len(route.steps)}); a single "
                "step is a touchpoint or stage count, see `recorrido info`",
                "map_route_too_short",
            )
        yield from _steps(journey, ("routes", index, "steps"), route.steps)


def _anchored(
    journey: JourneyMap,
    section: str,
    items: Sequence[object],
    require: bool,
    role: str = "it improves",
) -> Iterator[Problem]:
    stages = journey.stage_ids()
    touchpoints = [tp.id for tp in journey.touchpoints]
    for index, item in enumerate(items):
        stage = getattr(item, "stage", None)
        touchpoint = getattr(item, "touchpoint", None)
        yield from _reference((section, index, "stage"), stage, stages, "stage")
        yield from _reference((section, index, "touchpoint"), touchpoint, touchpoints, "touchpoint")
        if require and stage is None and touchpoint is None:
            yield Problem(
                (section, index),
                f"needs a 'stage' or a 'touchpoint' {role}",
                "map_missing_anchor",
            )


def _kpis_and_opportunities(journey: JourneyMap) -> Iterator[Problem]:
    yield from _anchored(journey, "kpis", journey.kpis, require=False)
    yield from _anchored(journey, "opportunities", journey.opportunities, require=True)
    kpis = [k.id for k in journey.kpis]
    for index, opportunity in enumerate(journey.opportunities):
        yield from _reference(("opportunities", index, "kpi"), opportunity.kpi, kpis, "kpi")


def _surveys(journey: JourneyMap) -> Iterator[Problem]:
    yield from _anchored(journey, "surveys", journey.surveys, True, "it asks about")
    for index, survey in enumerate(journey.surveys):
        if survey.stage is not None and survey.touchpoint is not None:
            yield Problem(
                ("surveys", index),
                "give either a 'touchpoint' or a 'stage' the survey asks about, not both",
                "map_survey_anchor",
            )
        if (survey.when == "after_days") != (survey.days is not None):
            yield Problem(
                ("surveys", index, "days" if survey.days is not None else "when"),
                "'days' goes with when: after_days (and only with it)",
                "map_survey_days",
            )


def _alerts(journey: JourneyMap) -> Iterator[Problem]:
    fields: dict[str, FieldType] = dict(ALERT_FIELDS)
    webhooks = [w.id for w in journey.webhooks]
    for index, alert in enumerate(journey.alerts):
        problem = _rule_problem(("alerts", index, "when"), alert.when, fields, False)
        if problem:
            yield problem
        for i, webhook in enumerate(alert.webhooks):
            yield from _reference(("alerts", index, "webhooks", i), webhook, webhooks, "webhook")
    for index, kpi in enumerate(journey.kpis):
        for i, webhook in enumerate(kpi.webhooks):
            yield from _reference(("kpis", index, "webhooks", i), webhook, webhooks, "webhook")


RULES: tuple[Callable[[JourneyMap], Iterator[Problem]], ...] = (
    _duplicate_ids,
    _touchpoint_refs,
    _persona_refs,
    _rules,
    _overlaps,
    _scenarios,
    _buyer_journey,
    _routes,
    _kpis_and_opportunities,
    _surveys,
    _alerts,
)
"""Every cross-reference rule, in the order their problems are reported."""


def problems(journey: JourneyMap) -> list[Problem]:
    """All cross-reference problems of a parsed map (empty when it is valid)."""
    return [problem for rule in RULES for problem in rule(journey)]


def touchpoints_by_event(journey: JourneyMap) -> dict[str, list[Touchpoint]]:
    """Touchpoints indexed by the event names they match."""
    index: dict[str, list[Touchpoint]] = {}
    for tp in journey.touchpoints:
        for name in tp.match.event:
            index.setdefault(name, []).append(tp)
    return index
