"""The outbox: webhook messages stored with their case, delivered at least once.

A message is queued in the same transaction as the case it announces, so a case never
exists without its messages. :func:`deliver` then *claims* a due message (records that this
run is sending it), POSTs it, and *records* the outcome. A run killed between the two leaves
the claim behind; the next run releases it and sends the message again with the same
``message_id`` (DuckDB lets one process write a store at a time, so a claim found when a run
starts belongs to a run that is gone). Delivery is therefore at least once, and the
receiver drops repeats by the ``X-Recorrido-Delivery`` id. A message recorded as delivered
is never sent again.
"""

from __future__ import annotations

import datetime as dt
import random
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import duckdb
import pyarrow as pa

from ..map.models import JourneyMap
from ..store import Store
from ..store.sql import first
from .webhooks import Attempt, Backoff, post, webhook_secret

__all__ = [
    "DeliveryReport",
    "Message",
    "deliver",
    "enqueue_sql",
    "messages_of",
    "outbox_counts",
    "release_claims",
    "utc_now",
]

Progress = Callable[[int, int], None]
"""Called with (messages handled, messages due) during a delivery pass."""

_OUTBOX_COLUMNS = [
    "message_id",
    "seq",
    "case_id",
    "webhook_id",
    "payload",
    "status",
    "attempts",
    "created_at",
    "next_attempt_at",
]


def utc_now() -> dt.datetime:
    """Now, as a naive UTC datetime (how the store keeps times)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def enqueue_sql(
    con: duckdb.DuckDBPyConnection, messages: Sequence[Mapping[str, Any]], now: dt.datetime
) -> None:
    """Queue ``messages`` (``message_id``, ``case_id``, ``webhook_id``, ``payload``) as
    pending, due ``now``; runs inside the caller's transaction."""
    if not messages:
        return
    row = first(con.execute("SELECT max(seq) FROM outbox").fetchall())
    start = int(row[0]) if row and row[0] is not None else 0
    rows = [
        {
            **{key: message[key] for key in ("message_id", "case_id", "webhook_id", "payload")},
            "seq": start + index,
            "status": "pending",
            "attempts": 0,
            "created_at": now,
            "next_attempt_at": now,
        }
        for index, message in enumerate(messages, start=1)
    ]
    data = pa.Table.from_pylist(rows).select(_OUTBOX_COLUMNS)
    con.register("__recorrido_new_outbox", data)
    try:
        listed = ", ".join(_OUTBOX_COLUMNS)
        con.execute(f"INSERT INTO outbox ({listed}) SELECT {listed} FROM __recorrido_new_outbox")
    finally:
        con.unregister("__recorrido_new_outbox")


@dataclass(frozen=True)
class Message:
    """One outbox row, as :func:`messages_of` lists it."""

    message_id: str
    case_id: str
    webhook_id: str
    status: str
    attempts: int
    next_attempt_at: dt.datetime
    last_status: int | None
    last_error: str | None
    delivered_at: dt.datetime | None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("next_attempt_at", "delivered_at"):
            data[key] = data[key].isoformat() + "Z" if data[key] else None
        return data


def messages_of(store: Store, case_id: str | None = None) -> list[Message]:
    """The outbox messages of one case (or of all cases), in the order they were queued."""
    where, params = ("WHERE case_id = ?", [case_id]) if case_id is not None else ("", [])
    rows = store.connection.execute(
        "SELECT message_id, case_id, webhook_id, status, attempts, next_attempt_at, "
        f"last_status, last_error, delivered_at FROM outbox {where} ORDER BY seq",
        params,
    ).fetchall()
    return [Message(*row) for row in rows]


def outbox_counts(store: Store) -> dict[str, int]:
    """Messages per status: ``pending``, ``delivered``, ``failed``."""
    counts = {"pending": 0, "delivered": 0, "failed": 0}
    for status, n in store.connection.execute(
        "SELECT status, count(*) FROM outbox GROUP BY status"
    ).fetchall():
        counts[str(status)] = int(n)
    return counts


def release_claims(store: Store) -> int:
    """Release claims left by a run that ended without recording; their messages are due
    again at once (they were due when claimed). Returns how many were released."""
    row = first(
        store.connection.execute(
            "UPDATE outbox SET claimed_by = NULL, claimed_at = NULL "
            "WHERE status = 'pending' AND claimed_by IS NOT NULL"
        ).fetchall()
    )
    return int(row[0]) if row else 0


@dataclass
class DeliveryReport:
    """What :func:`deliver` did: messages delivered, failed for good, still pending."""

    delivered: int = 0
    retried: int = 0
    failed: int = 0
    interrupted: int = 0
    pending: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class _Due:
    message_id: str
    case_id: str
    webhook_id: str
    payload: str
    attempts: int


class _Run:
    def __init__(
        self,
        store: Store,
        journey: JourneyMap,
        backoff: Backoff,
        environ: Mapping[str, str] | None,
        rng: random.Random,
    ) -> None:
        self.con = store.connection
        self.run_id = uuid.uuid4().hex
        self.backoff, self.rng = backoff, rng
        self.webhooks = {webhook.id: webhook for webhook in journey.webhooks}
        self.report = DeliveryReport(interrupted=release_claims(store))
        waiting = self.con.execute(
            "SELECT webhook_id, count(*) FROM outbox WHERE status = 'pending' "
            "GROUP BY webhook_id ORDER BY webhook_id"
        ).fetchall()
        self.report.skipped = {str(w): int(n) for w, n in waiting if w not in self.webhooks}
        self.secrets = {
            str(w): webhook_secret(self.webhooks[w], environ)
            for w, _ in waiting
            if w in self.webhooks
        }

    def due(self) -> list[_Due]:
        rows = self.con.execute(
            "SELECT message_id, case_id, webhook_id, payload, attempts FROM outbox "
            "WHERE status = 'pending' AND claimed_by IS NULL AND next_attempt_at <= ? "
            "AND list_contains(?, webhook_id) ORDER BY next_attempt_at, seq",
            [utc_now(), list(self.secrets)],
        ).fetchall()
        return [_Due(*row) for row in rows]

    def next_due(self) -> dt.datetime | None:
        row = first(
            self.con.execute(
                "SELECT min(next_attempt_at) FROM outbox WHERE status = 'pending' "
                "AND list_contains(?, webhook_id)",
                [list(self.secrets)],
            ).fetchall()
        )
        return row[0] if row else None

    def claim(self, message: _Due) -> bool:
        row = first(
            self.con.execute(
                "UPDATE outbox SET claimed_by = ?, claimed_at = ? WHERE message_id = ? "
                "AND status = 'pending' AND claimed_by IS NULL",
                [self.run_id, utc_now(), message.message_id],
            ).fetchall()
        )
        return bool(row and row[0])

    def record(self, message: _Due, attempt: Attempt) -> dt.datetime | None:
        """Store the outcome; return when the message is due again, if it will be retried."""
        now = utc_now()
        attempts = message.attempts + 1
        webhook = self.webhooks[message.webhook_id]
        status, retry_at, error = attempt.outcome, None, attempt.reason
        if status == "retry" and attempts >= webhook.max_attempts:
            status, error = "failed", f"gave up after {attempts} attempts: {attempt.reason}"
        elif status == "retry":
            retry_at = now + dt.timedelta(seconds=self.backoff.delay(attempts, self.rng))
        self.con.execute(
            "UPDATE outbox SET status = ?, attempts = ?, next_attempt_at = ?, "
            "last_attempt_at = ?, last_status = ?, last_error = ?, delivered_at = ?, "
            "claimed_by = NULL, claimed_at = NULL WHERE message_id = ? AND claimed_by = ?",
            [
                "pending" if status == "retry" else status,
                attempts,
                retry_at or now,
                now,
                attempt.status,
                None if status == "delivered" else error,
                now if status == "delivered" else None,
                message.message_id,
                self.run_id,
            ],
        )
        if status == "delivered":
            self.report.delivered += 1
        elif status == "failed":
            self.report.failed += 1
            self.report.failures.append(f"{message.case_id} → {message.webhook_id}: {error}")
        else:
            self.report.retried += 1
        return retry_at

    def postpone(self, message: _Due, until: dt.datetime) -> None:
        self.con.execute(
            "UPDATE outbox SET next_attempt_at = ? WHERE message_id = ? AND status = 'pending'",
            [until, message.message_id],
        )

    def one_pass(self, progress: Progress | None) -> None:
        due = self.due()
        resting: dict[str, dt.datetime] = {}
        for index, message in enumerate(due, start=1):
            if message.webhook_id in resting:
                self.postpone(message, resting[message.webhook_id])
            elif self.claim(message):
                webhook = self.webhooks[message.webhook_id]
                attempt = post(
                    webhook.url,
                    message.payload.encode("utf-8"),
                    secret=self.secrets[message.webhook_id],
                    message_id=message.message_id,
                    timeout=webhook.timeout_seconds,
                )
                retry_at = self.record(message, attempt)
                if retry_at is not None:
                    resting[message.webhook_id] = retry_at
            if progress is not None:
                progress(index, len(due))


def deliver(
    store: Store,
    journey: JourneyMap,
    *,
    once: bool = False,
    backoff: Backoff | None = None,
    environ: Mapping[str, str] | None = None,
    rng: random.Random | None = None,
    progress: Progress | None = None,
) -> DeliveryReport:
    """Deliver the outbox's due messages to the map's webhooks.

    With ``once``, one pass over the messages due now; otherwise keep going, waiting out
    the backoff, until every message is delivered or failed. When an attempt will be
    retried, the same receiver's other messages in that pass wait with it (no attempt
    counted). Messages for webhooks not in the map are left pending and reported as
    ``skipped``. A webhook whose secret variable is missing stops the run before any POST.
    """
    run = _Run(store, journey, backoff or Backoff(), environ, rng or random.Random())
    while True:
        run.one_pass(progress)
        upcoming = run.next_due()
        if once or upcoming is None:
            break
        wait = (upcoming - utc_now()).total_seconds()
        if wait > 0:
            time.sleep(wait)
    run.report.pending = sum(
        int(n)
        for w, n in store.connection.execute(
            "SELECT webhook_id, count(*) FROM outbox WHERE status = 'pending' GROUP BY webhook_id"
        ).fetchall()
        if w in run.webhooks
    )
    return run.report
