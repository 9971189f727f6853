"""What the journey map shows for each buyer persona: the people of the persona who reached
each touchpoint, their scores there (CSAT, NPS, CES), their measured emotion per stage, and
the touchpoints they feel worst about.

People get their persona from the map's ``assign`` rules over the people table (see
:func:`~recorrido.analysis.personas.assign_personas`); everything is computed in four grouped
queries whatever the number of personas.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import _experience
from ..analysis.emotion import stage_emotions
from ..analysis.experience import MIN_SAMPLE, experience_by
from ..analysis.personas import assign_personas
from ..requests import Scope

if TYPE_CHECKING:
    from .facts import Facts

__all__ = ["PersonaLayer", "persona_layers"]

_JOIN = "\x1f"  # between a persona and a place in one grouping key (never in an id)

PersonaLayer = dict[str, Any]
"""``people`` (with events), ``reach`` (touchpoint → people), ``voice`` (touchpoint → the
experience row), ``emotion`` (stage → measured emotion) and ``worst`` (touchpoints with the
lowest mean emotion, at least :data:`MIN_SAMPLE` answers, below 0), per persona id."""


def _split(key: str) -> tuple[str, str]:
    persona, _, place = key.partition(_JOIN)
    return persona, place


def persona_layers(facts: Facts) -> dict[str, PersonaLayer]:
    """Each persona of the map (those with an ``assign`` rule) and its numbers; an empty dict
    when no persona can be assigned."""
    journey, journey_map = facts.journey, facts.map
    assert journey.store is not None
    assigned = [p.id for p in journey_map.personas if p.assign]
    if not assigned:
        return {}
    people = assign_personas(journey.store.table("people"), journey_map)
    people = people.filter(people.persona.notnull()).select(_who="person_id", _persona="persona")
    layers: dict[str, PersonaLayer] = {
        p: {"people": 0, "reach": {}, "voice": {}, "emotion": {}, "worst": []} for p in assigned
    }
    events = journey.events(Scope(level="touchpoint"))
    events = events.join(people, events.person == people._who)
    reach = events.group_by(["_persona", "label"]).aggregate(people=events.person.nunique())
    for row in journey._run(reach).to_pylist():
        layers[row["_persona"]]["reach"][row["label"]] = int(row["people"])
    sizes = events.group_by("_persona").aggregate(people=events.person.nunique())
    for row in journey._run(sizes).to_pylist():
        layers[row["_persona"]]["people"] = int(row["people"])
    if not facts.count("feedback"):
        return layers
    with _experience._scored(journey) as (scored, _, _, _):
        answers = scored.join(people, scored.person == people._who)
        keyed = answers.mutate(touchpoint=answers._persona + _JOIN + answers.touchpoint)
        for row in journey._run(experience_by(keyed, "touchpoint")).to_pylist():
            persona, place = _split(str(row["group"]))
            if place:
                layers[persona]["voice"][place] = row
        staged = answers.mutate(stage=answers._persona + _JOIN + answers.stage)
        for row in journey._run(stage_emotions(staged)).to_pylist():
            persona, stage = _split(str(row["stage"]))
            layers[persona]["emotion"][stage] = row["emotion"]
        valid = answers.filter(
            answers.problem.isnull() & answers.touchpoint.notnull() & answers.emotion.notnull()
        )
        felt = valid.group_by(["_persona", "touchpoint"]).aggregate(
            n=valid.count(), emotion=valid.emotion.mean()
        )
        rows = journey._run(felt.filter(felt.n >= MIN_SAMPLE)).to_pylist()
    for persona, layer in layers.items():
        low = [r for r in rows if r["_persona"] == persona and r["emotion"] < 0]
        low.sort(key=lambda r: (r["emotion"], r["touchpoint"]))
        layer["worst"] = [(r["touchpoint"], float(r["emotion"]), int(r["n"])) for r in low[:3]]
    return layers
