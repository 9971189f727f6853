"""The simulation's shared state: a person, and the agenda that plays their life in order.

Each person is simulated on their own: handlers (a web visit, a café visit, a delivery…) are
put on the person's agenda at a UTC second and run in time order; a handler emits events
through the :class:`~.recorder.Recorder` and may schedule later handlers. Sessions never
overlap: :meth:`Sim.free` moves a session that would start less than an hour after the
previous one to another day.
"""

from __future__ import annotations

import heapq
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from .clock import DAYS, END, START, Hours, day_of, iso_day, local
from .recorder import Recorder

__all__ = ["Handler", "Person", "Segment", "Sim", "Source"]

Segment = Literal["economy", "premium", "office"]
Source = Literal[
    "display",
    "social",
    "search",
    "organic",
    "referral",
    "direct",
    "cafe",
    "regular_cafe",
    "regular_online",
]
"""First touch in the period; ``regular_*``: customers from before 2026-03."""


@dataclass(slots=True)
class Person:
    """One simulated individual and what the simulation has learned about them so far."""

    number: int
    segment: Segment
    source: Source
    city: str
    lang: Literal["es", "en"]
    web_anon: str
    app_anon: str
    depth: int
    """How far down the web funnel they ever go: 0 home, 1 product, 2 cart, 3 checkout, 4 order."""
    lead: bool = False
    """Will give their email for the newsletter when a form is offered."""
    store: str | None = None
    user: str | None = None
    signup_day: str = ""
    newsletter: bool = False
    card: bool = False
    """Holds the loyalty card (scanned at the till)."""
    uses_app: bool = False
    app_linked: bool = False
    web_linked: bool = True
    ltv: float = 0.0
    orders: int = 0
    visits: int = 0
    gone: bool = False
    t: int = START - 86_400
    """End of the person's last session (sessions are at least an hour apart)."""
    cafe_life: bool = False
    agenda: list[tuple[int, int, Handler, tuple[Any, ...]]] = field(default_factory=list)


Handler = Callable[..., None]


class Sim:
    """The random generator, the recorder and the id counters of one simulation."""

    def __init__(self, seed: int, people: int) -> None:
        self.rng = random.Random(seed)
        self.rec = Recorder()
        self._customers = 0
        self._scheduled = 0
        self._digits = max(7, len(str(2 * people)))

    def anonymous_id(self, k: int) -> str:
        """A scrambled anonymous id: a bijection of ``k``, so ids never collide."""
        modulus = 10**self._digits
        return f"a{(k * 7_654_321 + 1_234_567) % modulus:0{self._digits}d}"

    def identify(self, p: Person, ts: int) -> str:
        """Give ``p`` a customer id at their first identification (at ``ts``) and return it."""
        if p.user is None:
            self._customers += 1
            p.user = f"c{self._customers:06d}"
            p.signup_day = iso_day(day_of(ts))
        return p.user

    def at(self, p: Person, ts: int, handler: Handler, *args: Any) -> None:
        """Run ``handler(sim, p, ts, *args)`` at ``ts`` if it falls in the period."""
        if ts < END:
            self._scheduled += 1
            heapq.heappush(p.agenda, (ts, self._scheduled, handler, args))

    def run(self, p: Person) -> None:
        """Play ``p``'s agenda in time order until it is empty."""
        while p.agenda:
            ts, _, handler, args = heapq.heappop(p.agenda)
            handler(self, p, ts, *args)

    def free(self, p: Person, ts: int, hours: Hours) -> int | None:
        """``ts`` if in ``hours`` and ``p`` is free then, else a later time; ``None`` past the end.

        A time outside ``hours`` (at night) moves to a sampled time of the same or next day.
        """
        day = day_of(ts)
        if not hours.covers(ts - local(day, 0)):
            moved = local(day, hours.sample(self.rng))
            ts = moved if moved > ts else local(day + 1, hours.sample(self.rng))
            day = day_of(ts)
        while ts < p.t + 3_600:
            day += 1
            if day >= DAYS:
                return None
            ts = local(day, hours.sample(self.rng))
        return ts if ts < END else None

    def chance(self, probability: float) -> bool:
        """True with ``probability``."""
        return self.rng.random() < probability
