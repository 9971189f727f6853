"""Facts planted in the sample world, each recomputed from the raw tables with DuckDB.

Later analytics (funnels, experience, pain points, attribution) must rediscover them. Each
:class:`Truth` has a ``figures`` function measuring the fact and a ``check`` that holds when
the figures say what the statement says. People are stitched as analytics would: an
anonymous id seen with a customer id belongs to that customer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import duckdb
import pyarrow as pa

from .comments import CHECKOUT_COMPLAINT, STAFF_COMPLAINT

if TYPE_CHECKING:
    from .sample import SampleData

__all__ = ["PLANTED_TRUTHS", "Truth"]

Figures = dict[str, float]


@dataclass(frozen=True)
class Truth:
    """A planted fact: its statement in English and Spanish and how to measure it."""

    id: str
    statement: str
    statement_es: str
    figures: Callable[[SampleData], Figures]
    holds: Callable[[Figures], bool]

    def check(self, data: SampleData) -> bool:
        """Whether the fact holds in ``data``."""
        return self.holds(self.figures(data))


_STITCHED = """
    CREATE TEMP TABLE ev AS
    WITH links AS (
        SELECT anonymous_id, min(user_id) AS user_id FROM events
        WHERE anonymous_id IS NOT NULL AND user_id IS NOT NULL GROUP BY ALL
    )
    SELECT coalesce(e.user_id, l.user_id, e.anonymous_id) AS person,
           e.timestamp || lpad(CAST(e.rn AS VARCHAR), 12, '0') AS k, e.*
    FROM events e LEFT JOIN links l USING (anonymous_id)
"""
"""Events with a ``person`` (stitched) and ``k``, a key ordering them as in the file."""

_PURCHASES = "('order_completed', 'store_purchase')"


def _connect(data: SampleData) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    events = data.events.append_column("rn", pa.array(range(data.events.num_rows), pa.int64()))
    con.register("events", events)
    con.register("people", data.people)
    con.register("feedback", data.feedback)
    con.execute(_STITCHED)
    return con


def _one(con: duckdb.DuckDBPyConnection, sql: str) -> float:
    row = con.execute(sql).fetchone()
    return float(row[0]) if row is not None and row[0] is not None else float("nan")


def _checkout_figures(data: SampleData) -> Figures:
    con = _connect(data)
    steps = ("product_view", "add_to_cart", "checkout_started", "order_completed")
    con.execute(
        f"CREATE TEMP TABLE s0 AS SELECT person, min(k) AS k FROM ev "
        f"WHERE event = '{steps[0]}' GROUP BY ALL"
    )
    counts = [_one(con, "SELECT count(*) FROM s0")]
    for i, step in enumerate(steps[1:], start=1):
        con.execute(
            f"CREATE TEMP TABLE s{i} AS SELECT e.person, min(e.k) AS k FROM ev e "
            f"JOIN s{i - 1} p ON e.person = p.person AND e.k > p.k "
            f"WHERE e.event = '{step}' GROUP BY ALL"
        )
        counts.append(_one(con, f"SELECT count(*) FROM s{i}"))
    drops = [1 - counts[i + 1] / counts[i] for i in range(3)]
    csat = con.execute(
        "SELECT touchpoint, avg(score) FROM feedback WHERE metric = 'csat' "
        "GROUP BY ALL HAVING count(*) >= 20 ORDER BY 2"
    ).fetchall()
    comments = [
        str(c)
        for (c,) in con.execute(
            "SELECT comment FROM feedback WHERE touchpoint = 'checkout' AND metric = 'csat' "
            "AND score <= 2 AND comment IS NOT NULL"
        ).fetchall()
    ]
    about = sum(1 for c in comments if CHECKOUT_COMPLAINT.search(c)) / max(len(comments), 1)
    checkout = next((float(avg) for tp, avg in csat if tp == "checkout"), float("nan"))
    return {
        "product_to_cart_drop": drops[0],
        "cart_to_checkout_drop": drops[1],
        "checkout_drop": drops[2],
        "checkout_starters": counts[2],
        "checkout_csat": checkout,
        "checkout_is_lowest_csat": float(bool(csat) and csat[0][0] == "checkout"),
        "next_lowest_csat": float(csat[1][1]) if len(csat) > 1 else float("nan"),
        "negative_comments_about_payment_or_shipping": about,
    }


def _checkout_holds(f: Figures) -> bool:
    return (
        0.38 <= f["checkout_drop"] <= 0.52
        and f["checkout_drop"] > max(f["product_to_cart_drop"], f["cart_to_checkout_drop"])
        and 2.5 <= f["checkout_csat"] <= 3.0
        and f["checkout_is_lowest_csat"] == 1.0
        and f["negative_comments_about_payment_or_shipping"] >= 0.8
    )


def _centro_figures(data: SampleData) -> Figures:
    con = _connect(data)
    con.execute(
        """
        CREATE TEMP TABLE surveyed AS
        WITH rude AS (
            SELECT customer_id, min(submitted_at) AS at FROM feedback
            WHERE touchpoint = 'cafe_centro' AND metric = 'csat' AND score <= 2
              AND regexp_matches(comment, $staff)
            GROUP BY ALL
        ), cafe AS (
            SELECT customer_id, min(submitted_at) AS at FROM feedback
            WHERE touchpoint LIKE 'cafe_%' AND metric = 'csat' GROUP BY ALL
        )
        SELECT c.customer_id, r.customer_id IS NOT NULL AS rude, coalesce(r.at, c.at) AS at
        FROM cafe c LEFT JOIN rude r USING (customer_id)
        """,
        {"staff": "(?i)" + STAFF_COMPLAINT.pattern},
    )
    con.execute(
        f"""
        CREATE TEMP TABLE outcome AS
        SELECT s.rude, NOT EXISTS (
            SELECT 1 FROM events e WHERE e.user_id = s.customer_id
              AND e.event IN {_PURCHASES} AND e.timestamp > s.at
        ) AS churned
        FROM surveyed s
        """
    )
    csat = dict(
        con.execute(
            "SELECT touchpoint, avg(score) FROM feedback WHERE touchpoint LIKE 'cafe_%' "
            "AND metric = 'csat' GROUP BY ALL"
        ).fetchall()
    )
    return {
        "rude_customers": _one(con, "SELECT count(*) FROM outcome WHERE rude"),
        "rude_churn": _one(con, "SELECT avg(CAST(churned AS INT)) FROM outcome WHERE rude"),
        "other_churn": _one(con, "SELECT avg(CAST(churned AS INT)) FROM outcome WHERE NOT rude"),
        "centro_csat": float(csat.get("cafe_centro", float("nan"))),
        "best_other_cafe_csat": max(float(v) for k, v in csat.items() if k != "cafe_centro"),
    }


def _centro_holds(f: Figures) -> bool:
    return (
        f["rude_customers"] >= 10
        and f["rude_churn"] >= 0.6
        and f["other_churn"] <= 0.35
        and f["centro_csat"] < f["best_other_cafe_csat"]
    )


def _display_figures(data: SampleData) -> Figures:
    con = _connect(data)
    con.execute(
        f"""
        CREATE TEMP TABLE first_touch AS
        SELECT person, arg_min(event, k) AS event, arg_min(channel, k) AS channel,
               bool_or(event IN {_PURCHASES}) AS bought,
               bool_or(event = 'newsletter_signup') AS lead
        FROM ev GROUP BY ALL
        """
    )
    rows = con.execute(
        "SELECT channel, count(*), avg(CAST(bought AS INT)), sum(CAST(lead AS INT)) "
        "FROM first_touch WHERE event = 'ad_click' GROUP BY ALL"
    ).fetchall()
    by = {str(r[0]): (float(r[1]), float(r[2]), float(r[3])) for r in rows}
    return {
        "display_visitors": by["display_ads"][0],
        "display_conversion": by["display_ads"][1],
        "display_leads": by["display_ads"][2],
        "search_conversion": by["search_ads"][1],
        "social_conversion": by["social_ads"][1],
        "most_leads_of_other_ads": max(by["search_ads"][2], by["social_ads"][2]),
        "most_visitors_of_other_ads": max(by["search_ads"][0], by["social_ads"][0]),
    }


def _display_holds(f: Figures) -> bool:
    return (
        f["display_conversion"] < 0.01
        and f["search_conversion"] >= 0.05
        and f["display_leads"] > f["most_leads_of_other_ads"]
        and f["display_visitors"] > f["most_visitors_of_other_ads"]
    )


def _segment_figures(data: SampleData) -> Figures:
    con = _connect(data)
    con.execute(
        f"""
        CREATE TEMP TABLE bought AS
        SELECT p.segment, e.user_id, count(*) AS n, sum(e.value) AS total
        FROM events e JOIN people p ON p.customer_id = e.user_id
        WHERE e.event IN {_PURCHASES} GROUP BY ALL
        """
    )
    rows = con.execute(
        "SELECT segment, sum(total) / sum(n), avg(CAST(n >= 2 AS INT)) FROM bought GROUP BY ALL"
    ).fetchall()
    by = {str(r[0]): (float(r[1]), float(r[2])) for r in rows}
    return {
        "premium_aov": by["premium"][0],
        "economy_aov": by["economy"][0],
        "premium_repeat_rate": by["premium"][1],
        "economy_repeat_rate": by["economy"][1],
    }


def _segment_holds(f: Figures) -> bool:
    return (
        f["premium_aov"] >= 1.5 * f["economy_aov"]
        and f["premium_repeat_rate"] >= f["economy_repeat_rate"] + 0.1
    )


def _support_figures(data: SampleData) -> Figures:
    con = _connect(data)
    con.execute(
        """
        CREATE TEMP TABLE answers AS
        SELECT c.score AS ces, n.score AS nps
        FROM feedback c JOIN feedback n
          ON c.customer_id = n.customer_id AND c.submitted_at = n.submitted_at
         AND c.touchpoint = n.touchpoint
        WHERE c.metric = 'ces' AND n.metric = 'nps' AND c.touchpoint LIKE 'support_%'
        """
    )
    nps = (
        "SELECT 100 * (avg(CAST(nps >= 9 AS INT)) - avg(CAST(nps <= 6 AS INT))) "
        "FROM answers WHERE {}"
    )
    return {
        "hard_contacts": _one(con, "SELECT count(*) FROM answers WHERE ces >= 5"),
        "easy_contacts": _one(con, "SELECT count(*) FROM answers WHERE ces <= 3"),
        "nps_after_hard": _one(con, nps.format("ces >= 5")),
        "nps_after_easy": _one(con, nps.format("ces <= 3")),
    }


def _support_holds(f: Figures) -> bool:
    return f["nps_after_hard"] <= -30 and f["nps_after_easy"] >= 10


def _chat_figures(data: SampleData) -> Figures:
    con = _connect(data)
    ces = (
        "SELECT avg(score) FROM feedback WHERE touchpoint = '{}' AND metric = 'ces' "
        "AND submitted_at {} '2026-06-01'"
    )
    return {
        "chat_ces_before": _one(con, ces.format("support_chat", "<")),
        "chat_ces_after": _one(con, ces.format("support_chat", ">=")),
        "phone_ces_before": _one(con, ces.format("support_phone", "<")),
        "phone_ces_after": _one(con, ces.format("support_phone", ">=")),
    }


def _chat_holds(f: Figures) -> bool:
    return f["chat_ces_before"] - f["chat_ces_after"] >= 0.5


PLANTED_TRUTHS: tuple[Truth, ...] = (
    Truth(
        "checkout_drop_off",
        "The web checkout is the worst step of the online funnel: 40–50% of the people who "
        "start it never complete an order (a bigger loss than product page → cart or cart → "
        "checkout), and it has the lowest CSAT of all touchpoints (2.5–3.0 of 5), with "
        "complaints about the payment form and the shipping costs.",
        "El checkout de la web es el peor paso del embudo online: entre el 40 y el 50 % de "
        "quienes lo empiezan nunca completan el pedido (más que de ficha de producto a carrito "
        "o de carrito a checkout), y tiene el CSAT más bajo de todos los puntos de contacto "
        "(2,5–3,0 sobre 5), con quejas sobre el formulario de pago y los gastos de envío.",
        _checkout_figures,
        _checkout_holds,
    ),
    Truth(
        "centro_rude_service_churn",
        "At the centro café, customers who complained about rude staff (CSAT 1–2 with a "
        "staff-manners comment) mostly never buy again (60% or more), against at most 35% of "
        "the other customers who answered a café survey; centro has the lowest café CSAT.",
        "En la cafetería centro, los clientes que se quejaron del mal trato (CSAT 1–2 con un "
        "comentario sobre los modos del personal) casi nunca vuelven a comprar (60 % o más), "
        "frente a como mucho un 35 % del resto de clientes que respondieron una encuesta en "
        "una cafetería; centro tiene el CSAT más bajo de las tres.",
        _centro_figures,
        _centro_holds,
    ),
    Truth(
        "display_ads_leads_do_not_convert",
        "Display ads bring the most visitors and leads of all ad channels, but fewer than 1% "
        "of the people they bring ever buy, against 5% or more of those brought by search ads.",
        "La publicidad display trae más visitas y leads que ningún otro canal de anuncios, "
        "pero menos del 1 % de esas personas llega a comprar, frente al 5 % o más de las que "
        "llegan por anuncios en buscadores.",
        _display_figures,
        _display_holds,
    ),
    Truth(
        "premium_customers_worth_more",
        "Premium customers spend at least 1.5 times as much per purchase as economy customers "
        "(average order value, online and in the cafés) and repeat more: their share of "
        "customers with two or more purchases is at least 10 points higher.",
        "Los clientes premium gastan al menos 1,5 veces más por compra que los económicos "
        "(ticket medio, online y en cafetería) y repiten más: su porcentaje de clientes con "
        "dos o más compras es al menos 10 puntos mayor.",
        _segment_figures,
        _segment_holds,
    ),
    Truth(
        "hard_support_makes_detractors",
        "Support contacts that were hard (CES 5–7) leave detractors: the NPS given in the same "
        "survey is −30 or lower, against +10 or higher after easy contacts (CES 1–3).",
        "Los contactos con soporte difíciles (CES 5–7) dejan detractores: el NPS de la misma "
        "encuesta es de −30 o menos, frente a +10 o más tras contactos fáciles (CES 1–3).",
        _support_figures,
        _support_holds,
    ),
    Truth(
        "chat_hours_cut_effort",
        "After the chat's opening hours were extended on 2026-06-01 (opportunity chat_hours, "
        "done), the average CES of chat support fell by at least half a point (from about 4.5 "
        "to about 2.5 of 7); phone support did not change on purpose.",
        "Desde que se amplió el horario del chat el 2026-06-01 (oportunidad chat_hours, "
        "hecha), el CES medio del chat de soporte bajó al menos medio punto (de unos 4,5 a "
        "unos 2,5 sobre 7); en el teléfono no se cambió nada.",
        _chat_figures,
        _chat_holds,
    ),
)
"""The planted truths, in the order of ``docs/sample-world.md``."""
