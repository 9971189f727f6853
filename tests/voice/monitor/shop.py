"""A tiny shop with every kind of KPI, its numbers worked out by hand in the docstrings.

The window under test is W = [2026-03-01, 2026-03-08); the one before is [02-22, 03-01).
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from recorrido.ingest import ingest_events, ingest_feedback
from recorrido.store import Store

MAP = textwrap.dedent(
    """\
    version: 1
    meta: {name: Tienda, language: es, timezone: UTC, currency: EUR}
    stages:
      - {id: awareness, name: Conciencia}
      - {id: consideration, name: Consideración}
      - {id: purchase, name: Compra}
      - {id: post_purchase, name: Posventa}
    channels:
      - {id: web, name: Web, type: website}
      - {id: phone, name: Teléfono, type: phone}
    touchpoints:
      - {id: ad, name: Anuncio, channel: web, stage: awareness, match: {event: ad_click}}
      - {id: product, name: Ficha, channel: web, stage: consideration,
         match: {event: product_view}}
      - {id: checkout, name: Pago, channel: web, stage: purchase,
         match: {event: checkout_started}}
      - {id: order, name: Pedido, channel: web, stage: purchase, match: {event: order_completed}}
      - {id: call, name: Llamada, channel: phone, stage: post_purchase,
         match: {event: support_contact}}
    buyer_journey: {steps: [awareness, consideration, purchase], conversion: order}
    kpis:
      - {id: conv, name: Conversión, metric: conversion, target: 0.4, touchpoint: order}
      - {id: drop, metric: drop_off, target: 0.5, direction: lower, touchpoint: order}
      - {id: ttc, metric: time_to_convert, target: 600, direction: lower, touchpoint: order}
      - {id: nps_order, metric: nps, target: 10, touchpoint: order}
      - {id: csat_share, metric: csat, target: 0.8, touchpoint: checkout}
      - {id: ces_support, metric: ces, target: 3, direction: lower, stage: post_purchase}
      - {id: repeat, metric: repeat_purchase_rate, target: 0.5}
      - {id: churn, metric: churn, target: 0.2, direction: lower, touchpoint: order}
      - {id: ret, metric: retention, target: 0.5}
      - {id: aov, metric: average_order_value, target: 25}
      - {id: rev, metric: revenue, target: 50}
      - {id: calls, metric: conversion, target: 0.1, touchpoint: call}
    opportunities:
      - {id: faster_pay, description: Pago más rápido., touchpoint: order, status: done,
         changed_on: 2026-03-08, kpi: aov}
      - {id: idea_only, description: Solo una idea., stage: purchase}
    """
)
EVENTS = """\
user_id,timestamp,event,value
ana,2026-02-25T10:00:00Z,ad_click,
ed,2026-02-26T10:00:00Z,ad_click,
ana,2026-03-01T10:00:00Z,ad_click,
ana,2026-03-01T10:01:00Z,product_view,
ana,2026-03-01T10:05:00Z,order_completed,30
ana,2026-03-03T10:00:00Z,order_completed,10
bo,2026-03-02T09:00:00Z,ad_click,
bo,2026-03-02T09:02:00Z,product_view,
cy,2026-03-02T12:00:00Z,ad_click,
di,2026-03-04T08:00:00Z,ad_click,
di,2026-03-04T08:10:00Z,product_view,
di,2026-03-04T09:00:00Z,order_completed,20
hu,2026-03-08T12:00:00Z,order_completed,1000
gil,2026-03-10T12:00:00Z,order_completed,40
ana,2026-03-20T10:00:00Z,order_completed,15
fe,2026-04-10T10:00:00Z,ad_click,
"""
"""In W: ana, bo, cy and di enter the buyer journey (4); ana, bo and di reach consideration
(3); ana and di reach the order (2): conversion 2/4, drop-off into the order 1/3, times to
convert 300 s (ana) and 3 600 s (di), lower median 300 s. Orders in W: ana 30 and 10, di 20:
repeat rate 1/2, mean order 20, revenue 60. Churn: ana buys again on 03-20 (within 28 days
of 03-03), di never: 1/2. Retention: ana and ed were active the week before, ana is back: 1/2.
hu buys on the day of faster_pay's change (left out), gil in the week after (40)."""

FEEDBACK = """\
response_id,customer_id,submitted_at,touchpoint,stage,metric,score
r1,ana,2026-03-01T10:06:00Z,order,,nps,9
r2,di,2026-03-04T09:05:00Z,order,,nps,5
r3,bo,2026-03-02T10:00:00Z,order,,nps,7
r4,ana,2026-03-03T11:00:00Z,,post_purchase,ces,2
r5,bo,2026-03-05T11:00:00Z,call,,ces,6
r6,ana,2026-03-01T10:04:00Z,checkout,,csat,5
r7,di,2026-03-04T08:55:00Z,checkout,,csat,4
r8,bo,2026-03-06T08:55:00Z,checkout,,csat,2
r9,ed,2026-02-27T08:55:00Z,checkout,,csat,5
"""
"""In W: NPS at the order: one promoter, one passive, one detractor → 0; CES in the
post-purchase stage: 2 and 6 → mean 4, sd √8; CSAT at the checkout: 2 of 3 satisfied. The
week before: one satisfied CSAT answer."""


def write_shop(folder: Path, *, kpis: bool = True) -> Path:
    """The shop's store, with journey.yaml beside it (without kpis when told)."""
    folder.mkdir(parents=True, exist_ok=True)
    text = MAP if kpis else MAP[: MAP.index("kpis:")]
    (folder / "journey.yaml").write_text(text, encoding="utf-8")
    (folder / "events.csv").write_text(EVENTS, encoding="utf-8")
    (folder / "feedback.csv").write_text(FEEDBACK, encoding="utf-8")
    with Store.open(folder / "recorrido.duckdb", create=True) as store:
        ingest_events(store, folder / "events.csv")
        ingest_feedback(store, folder / "feedback.csv")
    return folder / "recorrido.duckdb"
