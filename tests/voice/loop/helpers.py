"""Closed-loop test helpers: responses in the domain's words, a map, a real HTTP receiver."""

from __future__ import annotations

import datetime as dt
import http.server
import json
import socket
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from recorrido.map.models import JourneyMap
from recorrido.map.templates import template_map
from recorrido.store import Store
from recorrido.voice.webhooks import (
    DELIVERY_HEADER,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    Backoff,
    verify_signature,
)

SECRET = "s3cret-for-tests"
SECRET_ENV = "RECORRIDO_TEST_CRM_SECRET"
ENV = {SECRET_ENV: SECRET}
FAST = Backoff(base_seconds=0.01, factor=2.0, max_seconds=0.05, jitter=0.5)
"""Backoff small enough for tests: 10 ms, 20 ms, 40 ms, 50 ms…"""

METRICS = ("nps", "csat", "ces", "rating")
BASE = dt.datetime(2026, 3, 1, 10, 0, 0)

DETRACTOR = {"id": "detractor", "when": "nps <= 6", "owner": "cx", "webhooks": ["crm"]}
PROMOTER = {"id": "promoter", "when": "nps >= 9", "action": "advocacy"}
CHECKOUT = {"id": "checkout_bad", "when": 'csat <= 2 and touchpoint == "order_placed"'}


def loop_map(
    alerts: Sequence[Mapping[str, Any]] = (DETRACTOR, PROMOTER, CHECKOUT),
    url: str = "http://127.0.0.1:9/hooks",
    **webhook: Any,
) -> JourneyMap:
    """The seven-stages template with alert rules and one webhook ``crm`` at ``url``."""
    document = template_map("seven-stages", "en")
    document["alerts"] = [dict(alert) for alert in alerts]
    hook = {"id": "crm", "url": url, "secret_env": SECRET_ENV, "max_attempts": 4} | webhook
    document["webhooks"] = [hook]
    return JourneyMap.model_validate(document)


def write_map(path: Path, journey: JourneyMap) -> Path:
    """Write the map as JSON, which is YAML too."""
    path.write_text(journey.model_dump_json(exclude_none=True), encoding="utf-8")
    return path


def answers_for(responses: Mapping[str, Mapping[str, Any]]) -> list[dict[str, Any]]:
    """``{"r1": {"person": "ana", "nps": 3, "csat": 2, "comment": "slow"}}`` → one feedback
    row per metric answered, in the order the metrics are written, an hour per response."""
    rows: list[dict[str, Any]] = []
    for index, (response_id, answer) in enumerate(responses.items()):
        for order, metric in enumerate(key for key in answer if key in METRICS):
            rows.append(
                {
                    "response_id": response_id,
                    "person_id": answer.get("person"),
                    "ts": answer.get("ts", BASE + dt.timedelta(hours=index)),
                    "touchpoint": answer.get("touchpoint"),
                    "stage": answer.get("stage"),
                    "metric": metric,
                    "score": answer[metric],
                    # as in a wide file: the comment goes with the first answer
                    "comment": answer.get("comment") if order == 0 else None,
                    "language": answer.get("language"),
                }
            )
    return rows


def add_feedback(store: Store, responses: Mapping[str, Mapping[str, Any]]) -> None:
    """Store the answers of ``responses`` as ingestion would (seq in order)."""
    rows = answers_for(responses)
    start = store.connection.execute("SELECT coalesce(max(seq), 0) FROM feedback").fetchall()
    base = int(start[0][0])
    store.connection.executemany(
        "INSERT INTO feedback VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, NULL, 'test.csv', "
        "?, ?, 1)",
        [
            [
                row["response_id"],
                row["person_id"],
                row["ts"],
                row["touchpoint"],
                row["stage"],
                row["metric"],
                row["score"],
                row["comment"],
                row["language"],
                base + i,
                base + i,
            ]
            for i, row in enumerate(rows, start=1)
        ],
    )


def closed_port() -> int:
    """A local port nobody listens on: connecting to it is refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass(frozen=True)
class Received:
    """One POST as the receiver saw it."""

    delivery_id: str
    body: dict[str, Any]
    signed: bool
    timestamp: str | None
    status: int | None  # None: the receiver never answered


class Receiver:
    """A real HTTP receiver on 127.0.0.1 (port 0) in a thread.

    It answers ``fail_status`` to the first ``fail_first`` requests, then 200; waits
    ``delay`` seconds before answering; and with ``block_at=n`` holds request number ``n``
    (0-based) open without answering until :meth:`release`.
    """

    def __init__(
        self,
        *,
        fail_first: int = 0,
        fail_status: int = 500,
        delay: float = 0.0,
        block_at: int | None = None,
        secret: str = SECRET,
    ) -> None:
        self.fail_first, self.fail_status, self.delay = fail_first, fail_status, delay
        self.block_at, self.secret = block_at, secret
        self.received: list[Received] = []
        self.blocked = threading.Event()
        self.released = threading.Event()
        self._lock = threading.Condition()
        self._active = 0
        self._arrived = 0
        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/hooks"

    def acknowledged(self) -> list[str]:
        """Delivery ids the receiver answered with 2xx, in order."""
        return [r.delivery_id for r in self.received if r.status is not None and r.status < 300]

    def release(self) -> None:
        """Let held and slow requests end, and wait until they have."""
        self.released.set()
        with self._lock:
            self._lock.wait_for(lambda: self._active == 0, timeout=10)

    def __enter__(self) -> Receiver:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=10)

    def _handle(self, request: http.server.BaseHTTPRequestHandler) -> None:
        length = int(request.headers.get("Content-Length", 0))
        raw = request.rfile.read(length)
        with self._lock:
            number = self._arrived
            self._arrived += 1
            self._active += 1
        try:
            status: int | None = self.fail_status if number < self.fail_first else 200
            if number == self.block_at:
                self.blocked.set()
                self.released.wait(timeout=60)
                status = None
            elif self.delay:
                self.released.wait(timeout=self.delay)
            record = Received(
                delivery_id=request.headers.get(DELIVERY_HEADER, ""),
                body=json.loads(raw),
                signed=verify_signature(raw, self.secret, request.headers.get(SIGNATURE_HEADER)),
                timestamp=request.headers.get(TIMESTAMP_HEADER),
                status=status,
            )
            with self._lock:
                self.received.append(record)
            if status is not None:
                try:
                    request.send_response(status)
                    request.send_header("Content-Type", "text/plain")
                    request.end_headers()
                    request.wfile.write(b"ok" if status < 300 else b"receiver says no")
                except OSError:  # the sender gave up (timeout) and closed the connection
                    pass
        finally:
            with self._lock:
                self._active -= 1
                self._lock.notify_all()

    def _handler(self) -> type[http.server.BaseHTTPRequestHandler]:
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                receiver._handle(self)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        return Handler
