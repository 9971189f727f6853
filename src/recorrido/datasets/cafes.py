"""Visits to the three cafés: the loyalty card, tickets, the app, and the centro story.

Offline events carry only the customer id (the loyalty card is scanned at the till); app
events also carry the phone's anonymous id. Planted here, after "Vivan los Tacos": the
``centro`` café has rude staff now and then, and most customers who meet them never come back.
"""

from __future__ import annotations

from .catalog import CAFE_ITEMS, STORES
from .clock import CAFE_HOURS, OFFICE_HOURS, START, day_of, local, weekday
from .comments import Topic
from .sim import Person, Sim
from .surveys import answer, draw

__all__ = ["RUDE_RATE", "start_cafe_life"]

RUDE_RATE = {"centro": 0.012, "norte": 0.003, "playa": 0.003}
"""Chance that a visit meets rude service, per café."""

_RATE = {"economy": 2.2 / 7, "premium": 3.2 / 7, "office": 1.2 / 7}
"""Visits per day, by segment."""
_HAZARD = {"economy": 0.02, "premium": 0.007, "office": 0.012}
"""Chance of drifting away after an ordinary visit."""
_ONE_TIME = {"economy": 0.45, "premium": 0.05, "office": 0.1}
"""Share of new card holders who never come back (tourists, one-off discounts)."""
_BASKET = {
    "economy": (
        ("cafe_con_leche", 0.5),
        ("cortado", 0.3),
        ("tostada_tomate", 0.4),
        ("croissant", 0.3),
    ),
    "premium": (
        ("flat_white", 0.5),
        ("v60_filtro", 0.4),
        ("cold_brew", 0.3),
        ("tarta_zanahoria", 0.5),
        ("bolsa_origen_250g", 0.15),
    ),
    "office": (("pedido_oficina", 1.0), ("flat_white", 0.3), ("tarta_zanahoria", 0.3)),
}
_WEEKDAY = (0.8, 0.8, 0.85, 0.85, 0.95, 1.0, 0.9)
_CSAT = {
    "centro": {1: 0.03, 2: 0.07, 3: 0.2, 4: 0.38, 5: 0.32},
    "norte": {1: 0.02, 2: 0.03, 3: 0.1, 4: 0.4, 5: 0.45},
    "playa": {1: 0.02, 2: 0.04, 3: 0.12, 4: 0.4, 5: 0.42},
}
_TOPICS: dict[str, tuple[tuple[Topic, float], ...]] = {
    "centro": (
        ("waiting_time", 0.5),
        ("product_quality", 0.25),
        ("price", 0.15),
        ("staff_manners", 0.1),
    ),
    "other": (
        ("product_quality", 0.45),
        ("waiting_time", 0.2),
        ("price", 0.2),
        ("staff_manners", 0.15),
    ),
}


def start_cafe_life(sim: Sim, p: Person, ts: int) -> None:
    """Make ``p`` a café customer from ``ts`` on (their first visit signs up the card)."""
    if p.cafe_life:
        return
    p.cafe_life = True
    if p.store is None:
        p.store = sim.rng.choices(STORES, weights=(0.45, 0.3, 0.25))[0]
    p.uses_app = sim.chance(0.45 if p.segment != "economy" else 0.3)
    sim.at(p, ts, _visit)


def _visit(sim: Sim, p: Person, ts: int) -> None:
    if p.gone:
        return
    rng = sim.rng
    hours = OFFICE_HOURS if p.segment == "office" else CAFE_HOURS
    start = sim.free(p, ts, hours)
    if start is None:
        return
    store = p.store if p.store is not None and sim.chance(0.85) else rng.choice(STORES)
    session = sim.rec.session()
    t = start
    first = not p.card
    if first:
        p.card = True
        sim.identify(p, t)
        sim.rec.event(t, "loyalty_signup", "cafes", p.user, None, session, store=store)
    if p.uses_app:
        t = _app(sim, p, t, session, store)
    value, item = _ticket(sim, p, store)
    ticket = sim.rec.order("t")
    sim.rec.event(
        t, "store_purchase", "cafes", p.user, None, session,
        value=value, product=item, store=store, order_id=ticket,
    )  # fmt: skip
    if p.uses_app and p.visits % 8 == 7:
        sim.rec.event(t, "reward_redeemed", "app", p.user, p.app_anon, session, store=store)
    p.visits += 1
    p.ltv += value
    p.t = t + rng.randint(300, 2_400)
    rude = sim.chance(RUDE_RATE[store])
    _survey(sim, p, t, store, rude)
    if rude and sim.chance(0.85):
        p.gone = True
        return
    if (first and sim.chance(_ONE_TIME[p.segment])) or sim.chance(_HAZARD[p.segment]):
        return
    _next(sim, p, t, store)


def _next(sim: Sim, p: Person, ts: int, store: str) -> None:
    rng = sim.rng
    rate = _RATE[p.segment] * (1.3 if store == "playa" and day_of(ts) >= 92 else 1.0)
    day = day_of(ts) + max(1, round(rng.expovariate(rate)))
    while rng.random() > _WEEKDAY[weekday(day)]:
        day += 1
    hours = OFFICE_HOURS if p.segment == "office" else CAFE_HOURS
    sim.at(p, max(local(day, hours.sample(rng)), START), _visit)


def _app(sim: Sim, p: Person, t: int, session: str, store: str) -> int:
    rng = sim.rng
    if not p.app_linked:
        p.app_linked = True
        sim.rec.event(t, "login", "app", p.user, p.app_anon, session, store=store)
        t += rng.randint(5, 40)
    for _ in range(rng.randint(1, 4)):
        sim.rec.event(t, "app_heartbeat", "app", p.user, p.app_anon, session)
        t += rng.randint(15, 90)
    return t


def _ticket(sim: Sim, p: Person, store: str) -> tuple[float, str]:
    rng = sim.rng
    chosen = [item for item, chance in _BASKET[p.segment] if rng.random() < chance]
    if not chosen:
        chosen = [_BASKET[p.segment][0][0]]
    people = 1 if p.segment != "office" else rng.randint(1, 3)
    value = sum(CAFE_ITEMS[item][0] for item in chosen) * people
    return round(value, 2), chosen[0]


def _survey(sim: Sim, p: Person, t: int, store: str, rude: bool) -> None:
    rng = sim.rng
    touchpoint = f"cafe_{store}"
    when = t + rng.randint(600, 6 * 3_600)
    if rude:
        if sim.chance(0.75):
            score = draw(sim, {1: 0.6, 2: 0.4})
            answer(sim, p, when, touchpoint, "csat", score, "staff_manners", comment_rate=0.9)
        return
    if not sim.chance(0.07):
        return
    score = draw(sim, _CSAT[store])
    topics = _TOPICS["centro" if store == "centro" else "other"]
    topic = rng.choices([t for t, _ in topics], weights=[w for _, w in topics])[0]
    if topic == "staff_manners" and score <= 2:
        topic = "waiting_time"
    answer(sim, p, when, touchpoint, "csat", score, topic)
