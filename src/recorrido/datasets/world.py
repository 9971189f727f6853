"""The simulation of Café Altura: who the people are, how they arrive, what they plan to do.

Each person is drawn (segment, city, first touch, how far down the web funnel they will go),
their first sessions are planned, and their agenda is played to the end before the next
person starts, so memory does not grow with the number of people beyond the output columns.
"""

from __future__ import annotations

from itertools import accumulate

import pyarrow as pa

from .cafes import start_cafe_life
from .catalog import CITIES
from .clock import CAFE_HOURS, DAYS, WEB_HOURS, local, weekday
from .sim import Person, Segment, Sim, Source
from .web import keep_browsing, subscribe, visit

__all__ = ["simulate"]

_SOURCES: dict[Source, float] = {
    "display": 0.24,
    "social": 0.13,
    "search": 0.10,
    "organic": 0.12,
    "referral": 0.04,
    "direct": 0.06,
    "cafe": 0.13,
    "regular_cafe": 0.12,
    "regular_online": 0.06,
}
"""First touch of each person (``cafe``: met the brand in a café; ``regular_*``: already a
customer before the period)."""
_SOURCES_CUM = tuple(accumulate(_SOURCES.values()))

_SEGMENTS: dict[Source, tuple[float, float, float]] = {
    "display": (0.65, 0.2, 0.15),
    "social": (0.55, 0.3, 0.15),
    "search": (0.35, 0.4, 0.25),
    "organic": (0.35, 0.5, 0.15),
    "referral": (0.4, 0.45, 0.15),
    "direct": (0.45, 0.35, 0.2),
    "cafe": (0.55, 0.35, 0.1),
    "regular_cafe": (0.5, 0.4, 0.1),
    "regular_online": (0.35, 0.45, 0.2),
}
"""economy / premium / office shares by first touch."""
_SEGMENT_NAMES: tuple[Segment, ...] = ("economy", "premium", "office")

_BUY: dict[Source, float] = {
    "display": 0.001,
    "social": 0.06,
    "search": 0.16,
    "organic": 0.14,
    "referral": 0.28,
    "direct": 0.12,
    "cafe": 0.25,
    "regular_cafe": 0.2,
    "regular_online": 1.0,
}
"""Chance of ever ordering online, by first touch (café people: of those who browse)."""
_BUY_SEGMENT = {"economy": 0.85, "premium": 1.2, "office": 1.1}
_LEAD: dict[Source, float] = {
    "display": 0.16,
    "social": 0.06,
    "search": 0.05,
    "organic": 0.2,
    "referral": 0.1,
    "direct": 0.08,
    "cafe": 0.0,
    "regular_cafe": 0.0,
    "regular_online": 0.0,
}
"""Chance that a visitor who does not buy leaves their email for the newsletter."""
_BROWSE = 4.0
"""Non-buyers who view products, relative to buyers (keeps the funnel's shape by source)."""
_DEPTH = (1, 2, 3)
_DEPTH_WEIGHTS = (0.4, 0.25, 0.35)
_RETURN_ENTRIES = ("direct", "organic", "retarget")
_RETURN_WEIGHTS = (0.45, 0.3, 0.25)
_DIRECT_ROUTE: dict[Source, float] = {
    "display": 0.2,
    "social": 0.4,
    "search": 0.5,
    "organic": 0.05,
    "referral": 0.3,
    "direct": 0.3,
    "cafe": 0.2,
    "regular_cafe": 0.2,
    "regular_online": 1.0,
}
"""Buyers who order in their very first session (the direct purchase route)."""

_ARRIVALS = tuple(
    accumulate(
        (1.0 + 0.5 * day / DAYS) * (0.9 if weekday(day) in (4, 5) else 1.05) for day in range(DAYS)
    )
)


def simulate(people: int, seed: int) -> tuple[pa.Table, pa.Table, pa.Table]:
    """Simulate ``people`` individuals; return the events, people and feedback tables."""
    sim = Sim(seed, people)
    for number in range(people):
        p = _draw(sim, number)
        _plan(sim, p)
        sim.run(p)
        if p.user is not None:
            sim.rec.person(p.user, p.segment, p.city, p.signup_day, p.ltv, p.store, p.newsletter)
    return sim.rec.tables()


def _draw(sim: Sim, number: int) -> Person:
    rng = sim.rng
    source = rng.choices(tuple(_SOURCES), cum_weights=_SOURCES_CUM)[0]
    segment = rng.choices(_SEGMENT_NAMES, weights=_SEGMENTS[source])[0]
    if source in ("cafe", "regular_cafe") or rng.random() < 0.22:
        city = "Valencia"
    else:
        city = rng.choices(tuple(CITIES), weights=tuple(CITIES.values()))[0]
    buy = min(0.95, _BUY[source] * _BUY_SEGMENT[segment])
    if source == "regular_online" or rng.random() < buy:
        depth = 4
    elif rng.random() < min(0.9, _BROWSE * buy / (1 - buy)):
        depth = rng.choices(_DEPTH, weights=_DEPTH_WEIGHTS)[0]
    else:
        depth = 0
    return Person(
        number=number,
        segment=segment,
        source=source,
        city=city,
        lang="en" if rng.random() < 0.1 else "es",
        web_anon=sim.anonymous_id(2 * number),
        app_anon=sim.anonymous_id(2 * number + 1),
        depth=depth,
        lead=depth < 4 and rng.random() < _LEAD[source],
        web_linked=source not in ("cafe", "regular_cafe"),
    )


def _plan(sim: Sim, p: Person) -> None:
    rng = sim.rng
    if p.source.startswith("regular"):
        _plan_regular(sim, p)
        return
    day = rng.choices(range(DAYS), cum_weights=_ARRIVALS)[0]
    if p.source == "cafe":
        first = local(day, CAFE_HOURS.sample(rng))
        start_cafe_life(sim, p, first)
        if rng.random() < 0.4:
            p.newsletter = True
            subscribe(sim, p, first)
        if rng.random() >= 0.35:
            return
        day += rng.randint(2, 40)
    if p.depth == 4:
        sessions = 1 if rng.random() < _DIRECT_ROUTE[p.source] else rng.randint(2, 4)
    else:
        extra = 0.2 if p.source == "display" else 0.65
        sessions = 1
        while rng.random() < extra and sessions < 6:
            sessions += 1
    _plan_sessions(sim, p, day, sessions)


def _plan_sessions(sim: Sim, p: Person, day: int, sessions: int) -> None:
    rng = sim.rng
    for k in range(sessions):
        if k:
            day += rng.randint(1, 14)
        if day >= DAYS:
            break
        last = k == sessions - 1
        reach = p.depth if last else rng.randint(min(p.depth, 1), min(p.depth, 2))
        if k == 0 and p.source in _CHANNEL_SOURCES:
            entry: str = p.source
        elif p.source == "organic":
            entry = "organic"
        else:
            entry = rng.choices(_RETURN_ENTRIES, weights=_RETURN_WEIGHTS)[0]
        sim.at(p, local(day, WEB_HOURS.sample(rng)), visit, entry, reach)


_CHANNEL_SOURCES = ("display", "social", "search", "organic", "referral", "direct")


def _plan_regular(sim: Sim, p: Person) -> None:
    """A customer from before the period: known, with a history and a lifetime value."""
    rng = sim.rng
    sim.identify(p, local(-rng.randint(20, 800), CAFE_HOURS.sample(rng)))
    p.newsletter = rng.random() < 0.5
    if p.newsletter:
        subscribe(sim, p, local(-1, 0))
    day = rng.randint(0, 10)
    if p.source == "regular_cafe":
        p.card = True
        p.ltv = rng.randint(10, 150) * (3.0 if p.segment == "economy" else 6.0)
        start_cafe_life(sim, p, local(day, CAFE_HOURS.sample(rng)))
        if p.depth:
            _plan_sessions(sim, p, day + rng.randint(2, 60), rng.randint(1, 3))
        return
    p.orders = rng.randint(1, 8)
    p.ltv = p.orders * (
        45.0 if p.segment == "economy" else 80.0 if p.segment == "premium" else 200.0
    )
    _plan_sessions(sim, p, day, 1)
    keep_browsing(sim, p, local(day, 0))
    if p.city == "Valencia" and rng.random() < 0.25:
        start_cafe_life(sim, p, local(day + rng.randint(0, 30), CAFE_HOURS.sample(rng)))
