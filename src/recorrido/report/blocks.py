"""The parts of a report section, and the rule that a part that cannot be computed says why.

A section is a dict: ``charts`` (``id``, ``figure``, ``reading``), ``tables`` (``title``,
``header``, ``rows``, ``reading``) and ``notes``; the template draws them in that order.
:func:`safely` turns a :class:`~recorrido.errors.RecorridoError` of a whole section, and
:func:`attempt` one of a part, into a "Not available: …" note instead of breaking the report.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from ..analysis.experience import MIN_SAMPLE
from ..errors import RecorridoError
from .facts import Facts
from .i18n import MESSAGES, Text

if TYPE_CHECKING:
    from ..map.models import JourneyMap

__all__ = [
    "Builder",
    "Section",
    "attempt",
    "best_and_worst",
    "channel_names",
    "chart",
    "empty",
    "persona_names",
    "place_names",
    "safely",
    "table",
    "theme_name",
]

Section = dict[str, Any]
Builder = Callable[[Facts, Text], Section]


def empty() -> Section:
    return {"charts": [], "tables": [], "notes": []}


def safely(build: Builder, facts: Facts, t: Text) -> Section:
    """``build``'s section, or one that says why it is not available."""
    try:
        return build(facts, t)
    except RecorridoError as error:
        return {**empty(), "notes": [t("unavailable", reason=str(error))]}


def attempt(section: Section, t: Text, part: Callable[[], Section]) -> None:
    """Add ``part()``'s charts, tables and notes to ``section``, or a note saying why not."""
    try:
        found = part()
    except RecorridoError as error:
        section["notes"].append(t("unavailable", reason=str(error)))
        return
    for key in ("charts", "tables", "notes"):
        section[key].extend(found.get(key, []))


def chart(key: str, figure: dict[str, Any], reading: str) -> dict[str, Any]:
    return {"id": key, "figure": figure, "reading": reading}


def table(
    title: str, header: list[str], rows: list[list[str]], reading: str = ""
) -> dict[str, Any]:
    return {"title": title, "header": header, "rows": rows, "reading": reading}


def place_names(journey_map: JourneyMap) -> dict[str, str]:
    """Touchpoint and stage ids → the names the map gives them."""
    names = {tp.id: tp.name for tp in journey_map.touchpoints}
    names.update({stage.id: stage.name for stage in journey_map.stages})
    return names


def channel_names(journey_map: JourneyMap) -> dict[str, str]:
    return {c.id: c.name for c in journey_map.channels}


def persona_names(journey_map: JourneyMap) -> dict[str, str]:
    return {p.id: p.name for p in journey_map.personas}


def best_and_worst(t: Text, kind: str, groups: Sequence[tuple[str, float, int]]) -> str:
    """A clause naming the group ``(name, share, n)`` that converts most and the one that
    converts least, among groups of at least 30 people (smaller ones are left out)."""
    trusted = [g for g in groups if g[2] >= MIN_SAMPLE]
    if not trusted:
        return t("r_no_group", kind=kind)
    if len(trusted) == 1:
        name, rate, n = trusted[0]
        return t("r_only_group", kind=kind, group=name, rate=t.percent(rate), n=t.number(n))
    # ties: the larger group, then the name, so the reading does not depend on row order
    best = max(trusted, key=lambda g: (g[1], g[2], g[0]))
    worst = min(trusted, key=lambda g: (g[1], -g[2], g[0]))
    return t(
        "r_best_worst",
        kind=kind,
        best=best[0],
        best_rate=t.percent(best[1]),
        best_n=t.number(best[2]),
        worst=worst[0],
        worst_rate=t.percent(worst[1]),
        worst_n=t.number(worst[2]),
    )


def theme_name(t: Text, theme: str) -> str:
    """A comment theme's name in the report's language (its id, spaced, when unknown)."""
    key = f"theme_{theme}"
    return t(key) if key in MESSAGES else theme.replace("_", " ")
