"""After an online order: delivery, support by phone or chat, NPS, reviews and referrals.

Planted here: a hard support contact (CES 5–7) leaves a detractor and often a lost customer;
an easy one (CES 1–3) leaves a promoter. Chat got easier when its hours were extended on
2026-06-01 (opportunity ``chat_hours``). Promoters write reviews and refer friends.
"""

from __future__ import annotations

from .clock import CAFE_HOURS, OFFICE_HOURS, WEB_HOURS, day_of, local
from .comments import Topic
from .sim import Person, Sim
from .surveys import answer, draw

__all__ = ["CHAT_HOURS_EXTENDED", "ship"]

CHAT_HOURS_EXTENDED = local(92, 0)
"""2026-06-01, local midnight: the chat is open until 22:00 from then on."""

_ORDER_TOPICS: tuple[Topic, ...] = ("product_quality", "price", "delivery")
_NPS_PROMOTER = {6: 0.05, 7: 0.1, 8: 0.2, 9: 0.35, 10: 0.3}
_NPS_PASSIVE = {3: 0.03, 5: 0.05, 6: 0.1, 7: 0.22, 8: 0.3, 9: 0.2, 10: 0.1}
_NPS_ANGRY = {0: 0.15, 1: 0.1, 2: 0.15, 3: 0.2, 4: 0.15, 5: 0.12, 6: 0.08, 7: 0.05}


def ship(sim: Sim, p: Person, ts: int, order_id: str) -> None:
    """Schedule the delivery of an order placed at ``ts``."""
    late = sim.chance(0.15)
    days = sim.rng.randint(5, 9) if late else sim.rng.randint(1, 3)
    when = local(day_of(ts) + days, OFFICE_HOURS.sample(sim.rng))
    sim.at(p, when, _delivered, order_id, late)
    if late and sim.chance(0.5):
        asked = local(day_of(ts) + 4, WEB_HOURS.sample(sim.rng))
        sim.at(p, asked, _support, order_id, "late")


def _delivered(sim: Sim, p: Person, ts: int, order_id: str, late: bool) -> None:
    sim.rec.event(ts, "order_delivered", "delivery", p.user, None, None, order_id=order_id)
    rng = sim.rng
    if sim.chance(0.18):
        score = draw(
            sim, {1: 0.25, 2: 0.35, 3: 0.25, 4: 0.15} if late else {3: 0.1, 4: 0.4, 5: 0.5}
        )
        answer(sim, p, ts + rng.randint(600, 30_000), "delivery", "csat", score, "delivery")
    if sim.chance(0.3):
        weights = _NPS_ANGRY if late else _NPS_PROMOTER if p.segment != "economy" else _NPS_PASSIVE
        score = draw(sim, weights)
        topic: Topic = "delivery" if late else rng.choice(_ORDER_TOPICS)
        when = ts + rng.randint(86_400, 3 * 86_400)
        answer(sim, p, when, "online_order", "nps", score, topic)
        if score >= 9:
            _advocate(sim, p, when)
    if not late and sim.chance(0.1):
        asked = local(day_of(ts) + rng.randint(0, 3), WEB_HOURS.sample(rng))
        sim.at(p, asked, _support, order_id, "product")


def _support(sim: Sim, p: Person, ts: int, order_id: str, reason: str) -> None:
    start = sim.free(p, ts, CAFE_HOURS)
    if start is None or p.user is None:
        return
    rng = sim.rng
    chat = sim.chance(0.55)
    if chat and start >= CHAT_HOURS_EXTENDED:
        hard = sim.chance(0.05)
    else:
        hard = sim.chance((0.65 if chat else 0.3) + (0.1 if reason == "late" else 0.0))
    contacts = rng.randint(2, 3) if hard else 1
    channel = "chat_support" if chat else "phone_support"
    anon = p.web_anon if chat and p.web_linked else None
    t: int | None = start
    for _ in range(contacts):
        if t is None:
            break
        session = sim.rec.session()
        sim.rec.event(t, "support_contact", channel, p.user, anon, session, order_id=order_id)
        p.t = t + rng.randint(120, 1_500)
        t = sim.free(p, local(day_of(t) + rng.randint(1, 2), CAFE_HOURS.sample(rng)), CAFE_HOURS)
    if sim.chance(0.7):
        touchpoint = "support_chat" if chat else "support_phone"
        when = p.t + rng.randint(300, 20_000)
        ces = draw(sim, {5: 0.3, 6: 0.4, 7: 0.3} if hard else {1: 0.35, 2: 0.4, 3: 0.25})
        csat = draw(sim, {1: 0.15, 2: 0.35, 3: 0.35, 4: 0.15} if hard else {3: 0.1, 4: 0.4, 5: 0.5})
        nps = draw(sim, _NPS_ANGRY if hard else _NPS_PROMOTER)
        answer(sim, p, when, touchpoint, "csat", csat, None)
        answer(sim, p, when, touchpoint, "ces", ces, "support")
        answer(sim, p, when, touchpoint, "nps", nps, None)
    if hard and sim.chance(0.5):
        p.gone = True


def _advocate(sim: Sim, p: Person, ts: int) -> None:
    rng = sim.rng
    if sim.chance(0.35):
        sim.at(p, ts + rng.randint(3_600, 5 * 86_400), _review)
    if sim.chance(0.3):
        sim.at(p, ts + rng.randint(3_600, 10 * 86_400), _refer)


def _review(sim: Sim, p: Person, ts: int) -> None:
    start = sim.free(p, ts, WEB_HOURS)
    if start is not None:
        sim.rec.event(start, "review_posted", "reviews", p.user, None, sim.rec.session())
        p.t = start + 60


def _refer(sim: Sim, p: Person, ts: int) -> None:
    start = sim.free(p, ts, WEB_HOURS)
    if start is not None:
        anon = p.web_anon if p.web_linked else None
        session = sim.rec.session()
        sim.rec.event(start, "referral_sent", "referral", p.user, anon, session, page="/invita")
        p.t = start + 60
