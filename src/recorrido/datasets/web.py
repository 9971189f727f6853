"""Web sessions: ads and searches, the blog, product pages, the cart and the checkout.

A person's ``depth`` caps how far any of their sessions goes (product page, cart, checkout,
order). Planted here: the checkout loses many people (an awkward payment form, shipping costs
that show up late) and gets the worst CSAT of the journey.
"""

from __future__ import annotations

from .cafes import start_cafe_life
from .catalog import BLOG_POSTS, FREE_SHIPPING_FROM, PRODUCTS, SHIPPING, campaign_on
from .clock import WEB_HOURS, day_of, local
from .service import ship
from .sim import Person, Sim
from .surveys import answer, draw

__all__ = ["CHANNEL_OF_AD", "NEWSLETTER_FIRST_DAY", "Entry", "keep_browsing", "subscribe", "visit"]

Entry = str
"""How a session starts: display, social, search, organic, referral, direct, email, retarget."""

CHANNEL_OF_AD = {"display": "display_ads", "social": "social_ads", "search": "search_ads"}

_LINE = {"economy": "diaria", "premium": "origen", "office": "oficina"}
_BY_LINE: dict[str, tuple[str, ...]] = {
    line: tuple(slug for slug, (_, of) in PRODUCTS.items() if of == line)
    for line in ("diaria", "origen", "oficina")
}
_ALL = tuple(PRODUCTS)
NEWSLETTER_FIRST_DAY = 4
"""The newsletter goes out every other Thursday from 2026-03-05."""
_CSAT_ABANDONED = {1: 0.28, 2: 0.37, 3: 0.22, 4: 0.09, 5: 0.04}
_CSAT_PAID = {1: 0.06, 2: 0.25, 3: 0.37, 4: 0.23, 5: 0.09}
_REORDER = {"economy": 0.2, "premium": 0.7, "office": 0.75}
_REORDER_DAYS = {"economy": (25, 70), "premium": (14, 40), "office": (18, 32)}


class _Session:
    """Emits the events of one web session for one person, advancing its clock."""

    def __init__(self, sim: Sim, p: Person, ts: int) -> None:
        self.sim = sim
        self.p = p
        self.t = ts
        self.id = sim.rec.session()

    def emit(
        self,
        event: str,
        channel: str = "website",
        *,
        page: str | None = None,
        product: str | None = None,
        value: float | None = None,
        campaign: str | None = None,
        order_id: str | None = None,
    ) -> None:
        """Emit a web event: the customer id only once the browser is linked to it."""
        p = self.p
        user = p.user if p.web_linked else None
        self.sim.rec.event(
            self.t, event, channel, user, p.web_anon, self.id,
            value=value, page=page, product=product, campaign=campaign, order_id=order_id,
        )  # fmt: skip

    def wait(self, low: int, high: int) -> None:
        self.t += self.sim.rng.randint(low, high)

    def page(self, path: str, channel: str = "website") -> None:
        self.emit("page_view", channel, page=path)
        for _ in range(self.sim.rng.choices((0, 1, 2), weights=(0.45, 0.35, 0.2))[0]):
            self.wait(3, 40)
            self.emit("page_scroll", channel, page=path)
        self.wait(8, 90)

    def product(self, slug: str) -> None:
        """A product page, sometimes scrolled."""
        self.emit("product_view", page=_path(slug), product=slug)
        if self.sim.chance(0.4):
            self.wait(3, 30)
            self.emit("page_scroll", page=_path(slug))
        self.wait(10, 120)

    def identify(self, event: str, page: str | None = None) -> None:
        """Emit an event that tells who the visitor is: it carries both ids."""
        p = self.p
        self.sim.identify(p, self.t)
        p.web_linked = True
        self.emit(event, page=page)

    def close(self) -> None:
        self.p.t = self.t + 60


def _path(slug: str) -> str:
    return "/producto/" + slug.replace("_", "-")


def visit(sim: Sim, p: Person, ts: int, entry: Entry, reach: int, retry: bool = False) -> None:
    """A web session starting with ``entry`` that goes down the funnel to ``reach``."""
    if p.gone:
        return
    start = sim.free(p, ts, WEB_HOURS)
    if start is None:
        return
    s = _Session(sim, p, start)
    landed = _enter(s, entry, reach)
    if p.user is not None and not p.web_linked and (reach >= 3 or sim.chance(0.4)):
        s.identify("login")
        s.wait(3, 20)
    if p.user is not None and p.web_linked and entry == "direct" and sim.chance(0.15):
        s.emit("login")
        s.wait(3, 20)
    if reach >= 1:
        cart = _browse(s, reach, landed)
        if reach >= 3:
            _checkout(s, cart, reach, retry)
    else:
        _wander(s)
    s.close()


def _enter(s: _Session, entry: Entry, reach: int) -> str | None:
    """The first events of a session; returns the product landed on, if any."""
    sim, rng = s.sim, s.sim.rng
    day = day_of(s.t)
    if entry in CHANNEL_OF_AD:
        s.emit("ad_click", CHANNEL_OF_AD[entry], campaign=campaign_on(day))
    elif entry == "retarget":
        s.emit("ad_click", "social_ads", campaign="retargeting")
    elif entry == "organic":
        s.emit("search_click", "organic_search")
    elif entry == "referral":
        s.emit("referral_visit", "referral")
    elif entry == "email":
        s.emit("email_click", "newsletter", campaign=f"boletin_{day // 14:02d}")
    if entry != "direct":
        s.t += rng.choices((0, 1, 2, 3), weights=(0.35, 0.3, 0.2, 0.15))[0]
    if entry in ("display", "direct") or (reach == 0 and entry != "organic"):
        s.page("/")
        return None
    if reach == 0 or (entry in ("organic", "email") and sim.chance(0.6)):
        s.page(f"/blog/{rng.choice(BLOG_POSTS)}", "blog")
        return None
    slug = _favourite(s)
    if entry == "social" and reach >= 2 and sim.chance(0.12):
        return slug  # "shop now" from the ad straight into the cart: a stage skip
    s.product(slug)
    return slug


def _favourite(s: _Session) -> str:
    rng = s.sim.rng
    if rng.random() < 0.75:
        return rng.choice(_BY_LINE[_LINE[s.p.segment]])
    return rng.choice(_ALL)


def _wander(s: _Session) -> None:
    """A session that never reaches a product page: home, blog, info pages, a lead form."""
    sim, rng, p = s.sim, s.sim.rng, s.p
    for _ in range(rng.choices((0, 1, 2), weights=(0.5, 0.35, 0.15))[0]):
        if sim.chance(0.5):
            s.page(f"/blog/{rng.choice(BLOG_POSTS)}", "blog")
        else:
            s.page(rng.choice(("/nosotros", "/cafeterias", "/envios", "/contacto")))
    _maybe_lead(s)
    if p.city == "Valencia" and sim.chance(0.15):
        s.page("/cafeterias")


def _maybe_lead(s: _Session) -> None:
    p = s.p
    if p.lead and not p.newsletter and p.user is None:
        p.newsletter = True
        s.identify("newsletter_signup", page="/boletin")
        s.wait(5, 30)
        subscribe(s.sim, p, s.t)


def _browse(s: _Session, reach: int, landed: str | None) -> list[str]:
    """Product pages, with loops between product and cart; returns the cart."""
    sim, rng = s.sim, s.sim.rng
    cart: list[str] = []
    slug = landed or _favourite(s)
    if landed is None:
        s.product(slug)
    views = rng.randint(0, 5)
    for i in range(views + 1):
        if i:
            slug = _favourite(s)
            s.product(slug)
        if reach >= 2 and (i == views or sim.chance(0.3)) and len(cart) < 3:
            s.emit("add_to_cart", page=_path(slug), product=slug)
            cart.append(slug)
            s.wait(5, 60)
    _maybe_lead(s)
    return cart


def _checkout(s: _Session, cart: list[str], reach: int, retry: bool) -> None:
    sim, rng, p = s.sim, s.sim.rng, s.p
    if sim.chance(0.15):
        s.page("/envios")
    if p.user is None:
        if sim.chance(0.5):
            s.identify("sign_up", page="/registro")
            if sim.chance(0.4) and not p.newsletter:
                p.newsletter = True
                s.emit("newsletter_signup", page="/registro")
                subscribe(sim, p, s.t)
            s.wait(10, 60)
            s.emit("checkout_started", page="/pago")
        else:
            s.identify("checkout_started", page="/pago")
    else:
        s.emit("checkout_started", page="/pago")
    abandon = reach == 3 or (not retry and sim.chance(0.35 if p.orders == 0 else 0.2))
    if abandon:
        s.wait(20, 240)
        if sim.chance(0.3):
            s.page("/envios")
        if sim.chance(0.25):
            score = draw(sim, _CSAT_ABANDONED)
            answer(sim, p, s.t + rng.randint(20, 300), "checkout", "csat", score, "website")
        if reach == 4 and sim.chance(0.8):
            again = local(day_of(s.t) + rng.randint(1, 5), WEB_HOURS.sample(rng))
            sim.at(p, again, visit, rng.choice(("direct", "email", "retarget")), 4, True)
        return
    s.wait(60, 300)
    _order(s, cart)
    if sim.chance(0.2):
        score = draw(sim, _CSAT_PAID)
        answer(sim, p, s.t + rng.randint(20, 300), "checkout", "csat", score, "website")


def _order(s: _Session, cart: list[str]) -> None:
    sim, rng, p = s.sim, s.sim.rng, s.p
    if not cart:
        cart = [_favourite(s)]
    units = 1 if p.segment != "office" else rng.randint(1, 2)
    subtotal = sum(PRODUCTS[slug][0] * units * rng.choice((1, 1, 1, 2)) for slug in cart)
    value = round(subtotal + (SHIPPING if subtotal < FREE_SHIPPING_FROM else 0.0), 2)
    order_id = sim.rec.order("o")
    s.emit("order_completed", value=value, product=cart[0], order_id=order_id, page="/pago/ok")
    p.orders += 1
    p.ltv += value
    ship(sim, p, s.t, order_id)
    if p.orders == 1:
        keep_browsing(sim, p, s.t)
    if p.orders == 1 and p.city == "Valencia" and not p.cafe_life and sim.chance(0.35):
        start_cafe_life(sim, p, s.t + rng.randint(2, 25) * 86_400)
    if sim.chance(_REORDER[p.segment]):
        low, high = _REORDER_DAYS[p.segment]
        again = local(day_of(s.t) + rng.randint(low, high), WEB_HOURS.sample(rng))
        entry = "email" if p.newsletter and sim.chance(0.4) else rng.choice(("direct", "organic"))
        sim.at(p, again, visit, entry, 4)


def keep_browsing(sim: Sim, p: Person, ts: int) -> None:
    """Customers come back to read the blog and look at new origins every week or two."""
    if p.gone or sim.chance(0.06):
        return
    day = day_of(ts) + sim.rng.randint(4, 14)
    entry = sim.rng.choice(("direct", "direct", "organic", "email" if p.newsletter else "retarget"))
    sim.at(p, local(day, WEB_HOURS.sample(sim.rng)), _browse_again, entry)


def _browse_again(sim: Sim, p: Person, ts: int, entry: Entry) -> None:
    visit(sim, p, ts, entry, 1)
    keep_browsing(sim, p, ts)


def subscribe(sim: Sim, p: Person, ts: int) -> None:
    """Send the newsletter to ``p`` from the next fortnightly Thursday (08:00) after ``ts``."""
    day = day_of(ts) + 1
    day += (NEWSLETTER_FIRST_DAY - day) % 14
    sim.at(p, local(day, 8 * 3_600), _newsletter)


def _newsletter(sim: Sim, p: Person, ts: int) -> None:
    if p.gone:
        return
    if sim.chance(0.2):
        reach = 1 if p.orders else min(p.depth, 1)
        sim.at(p, ts + sim.rng.randint(600, 36 * 3_600), visit, "email", reach)
    sim.at(p, ts + 14 * 86_400, _newsletter)
