"""Metric alerts through the closed loop: a KPI alert opens a case and tells the KPI's webhooks.

A :class:`~.monitor.KpiAlert` (target not met, or dropped against the previous window) becomes
a case of rule ``kpi:<kpi id>`` whose ``response_id`` is ``<reason>:<window end>``: the same
alert for the same window opens one case however often monitoring runs, and the next window
opens a new one if the KPI is still off. Cases get the KPI's ``owner``; one outbox message per
webhook of the KPI is queued in the same transaction (delivered by ``recorrido alerts
deliver``). ``docs/monitoring.md`` (*Metric alerts*) has the payload.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

from ..map.models import JourneyMap, Kpi
from ..store import Store
from .alerts import CASE_COLUMNS, AlertRun, RuleRun
from .cases import insert_rows, max_of, opened_event
from .monitor import KpiAlert
from .outbox import enqueue_sql, utc_now

__all__ = ["KPI_RULE_PREFIX", "kpi_payload", "kpi_rule_id", "open_kpi_cases"]

KPI_RULE_PREFIX = "kpi:"


def kpi_rule_id(kpi_id: str) -> str:
    """The ``rule_id`` of a KPI's cases."""
    return KPI_RULE_PREFIX + kpi_id


def _response_id(alert: KpiAlert) -> str:
    return f"{alert.reason}:{alert.end.isoformat()}"


def _summary(kpi: Kpi, alert: KpiAlert) -> str:
    name = kpi.name or kpi.id
    value = "no value" if alert.value is None else f"{alert.value:.4g}"
    if alert.reason == "target_not_met":
        sign = "≥" if kpi.direction == "higher" else "≤"
        return f"{name}: {value}, target {sign} {kpi.target:g}"
    before = "no value" if alert.previous is None else f"{alert.previous:.4g}"
    return f"{name}: {value}, was {before} in the previous window"


def kpi_payload(
    alert: KpiAlert, kpi: Kpi, *, case_id: str, message_id: str, webhook_id: str,
    created_at: dt.datetime,
) -> str:  # fmt: skip
    """The JSON body sent to a webhook for a KPI's new case (compact, keys sorted)."""
    details = {k: v for k, v in alert.to_dict().items() if k != "type"}
    body = {
        "type": "recorrido.kpi_alert",
        "delivery_id": message_id,
        "webhook": webhook_id,
        "case": {
            "id": case_id,
            "status": "open",
            "owner": kpi.owner,
            "created_at": created_at.isoformat() + "Z",
        },
        "kpi": {
            "id": kpi.id,
            "name": kpi.name,
            "metric": kpi.metric.value,
            "stage": kpi.stage,
            "touchpoint": kpi.touchpoint,
        },
        "alert": {**details, "summary": _summary(kpi, alert)},
    }
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _open_for_kpi(store: Store, kpi: Kpi, alerts: list[KpiAlert], now: dt.datetime) -> RuleRun:
    rule_id = kpi_rule_id(kpi.id)
    known = {
        str(row[0])
        for row in store.connection.execute(
            "SELECT response_id FROM cases WHERE rule_id = ?", [rule_id]
        ).fetchall()
    }
    number = max_of(store, "SELECT max(number) FROM cases WHERE rule_id = ?", [rule_id])
    event = max_of(store, "SELECT max(event_id) FROM case_events")
    opened: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    messages: list[dict[str, Any]] = []
    for alert in alerts:
        response_id = _response_id(alert)
        if response_id in known:
            continue
        known.add(response_id)
        number, event = number + 1, event + 1
        case_id = f"{rule_id}-{number}"
        summary = _summary(kpi, alert)
        opened.append(
            {
                "case_id": case_id,
                "rule_id": rule_id,
                "number": number,
                "action": "case",
                "response_id": response_id,
                "person_id": None,
                "responded_at": alert.end,
                "touchpoint": kpi.touchpoint,
                "stage": kpi.stage,
                "metric": kpi.metric.value,
                "score": alert.value,
                "comment": summary,
                "status": "open",
                "owner": kpi.owner,
                "created_at": now,
                "updated_at": now,
            }
        )
        note = f"KPI {kpi.id}: {alert.reason.replace('_', ' ')} ({summary})"
        events.append(opened_event(event, case_id, now, kpi.owner, note))
        for webhook_id in kpi.webhooks:
            message_id = str(uuid.uuid4())
            payload = kpi_payload(alert, kpi, case_id=case_id, message_id=message_id,
                                  webhook_id=webhook_id, created_at=now)  # fmt: skip
            messages.append(
                {"message_id": message_id, "case_id": case_id, "webhook_id": webhook_id,
                 "payload": payload}
            )  # fmt: skip
    insert_rows(store, "cases", opened, CASE_COLUMNS)
    insert_rows(store, "case_events", events, list(events[0]) if events else [])
    enqueue_sql(store.connection, messages, now)
    total = max_of(store, "SELECT count(*) FROM cases WHERE rule_id = ?", [rule_id])
    return RuleRun(rule_id, "case", len(opened), total, len(messages))


def open_kpi_cases(
    store: Store, journey: JourneyMap, alerts: list[KpiAlert], *, now: dt.datetime | None = None
) -> AlertRun:
    """Open a case per new (KPI, reason, window end) of ``alerts`` and queue its webhooks'
    messages, all in one transaction. ``responses`` of the result counts the alerts."""
    moment = now or utc_now()
    by_id = {kpi.id: kpi for kpi in journey.kpis}
    grouped: dict[str, list[KpiAlert]] = {}
    for alert in alerts:
        grouped.setdefault(alert.kpi, []).append(alert)
    con = store.connection
    con.execute("BEGIN TRANSACTION")
    try:
        runs = tuple(
            _open_for_kpi(store, by_id[kpi_id], found, moment)
            for kpi_id, found in grouped.items()
            if kpi_id in by_id
        )
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return AlertRun(len(alerts), runs)
