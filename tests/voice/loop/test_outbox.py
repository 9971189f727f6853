"""Delivering the outbox to real local receivers: retries, failures, no double delivery."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from recorrido.map.models import JourneyMap
from recorrido.store import Store
from recorrido.voice.alerts import open_cases
from recorrido.voice.outbox import deliver, messages_of, outbox_counts
from recorrido.voice.webhooks import DeliveryError

from .helpers import (
    DETRACTOR,
    ENV,
    FAST,
    SECRET_ENV,
    Receiver,
    add_feedback,
    closed_port,
    loop_map,
    write_map,
)


def queue(store: Store, detractors: int, url: str, **webhook: Any) -> JourneyMap:
    """Open ``detractors`` cases, each with one message for webhook ``crm`` at ``url``."""
    journey = loop_map([DETRACTOR], url=url, **webhook)
    add_feedback(store, {f"r{i}": {"person": f"p{i}", "nps": i % 7} for i in range(detractors)})
    open_cases(store, journey)
    return journey


def outbox(store: Store) -> list[tuple[Any, ...]]:
    return store.connection.execute(
        "SELECT case_id, status, attempts, last_status, last_error, delivered_at IS NOT NULL, "
        "claimed_by FROM outbox ORDER BY seq"
    ).fetchall()


def test_retried_until_acknowledged_then_never_sent_again(store: Store) -> None:
    with Receiver(fail_first=2) as receiver:
        journey = queue(store, 1, receiver.url)
        report = deliver(store, journey, environ=ENV, backoff=FAST)
        again = deliver(store, journey, environ=ENV, backoff=FAST)
    assert (report.delivered, report.retried, report.failed, report.pending) == (1, 2, 0, 0)
    assert (again.delivered, again.retried) == (0, 0)
    [message] = messages_of(store)
    assert [r.status for r in receiver.received] == [500, 500, 200]
    assert {r.delivery_id for r in receiver.received} == {message.message_id}
    assert all(r.signed for r in receiver.received)
    assert receiver.received[0].body["case"]["id"] == "detractor-1"
    assert outbox(store) == [("detractor-1", "delivered", 3, 200, None, True, None)]


def test_once_is_a_single_pass(store: Store) -> None:
    with Receiver(fail_first=1) as receiver:
        journey = queue(store, 1, receiver.url)
        report = deliver(store, journey, environ=ENV, backoff=FAST, once=True)
    assert (report.delivered, report.retried, report.pending) == (0, 1, 1)
    assert outbox(store) == [
        ("detractor-1", "pending", 1, 500, "HTTP 500: receiver says no", False, None)
    ]
    last, due = store.connection.execute(
        "SELECT last_attempt_at, next_attempt_at FROM outbox"
    ).fetchall()[0]
    assert due > last  # waits out the backoff


def test_a_receiver_that_is_down_fails_after_max_attempts(store: Store) -> None:
    journey = queue(store, 1, f"http://127.0.0.1:{closed_port()}/hooks", max_attempts=3)
    report = deliver(store, journey, environ=ENV, backoff=FAST)
    assert (report.delivered, report.retried, report.failed) == (0, 2, 1)
    [(_, status, attempts, code, error, delivered, _)] = outbox(store)
    assert (status, attempts, code, delivered) == ("failed", 3, None, False)
    assert error.startswith("gave up after 3 attempts: cannot connect:") and "refused" in error
    assert report.failures == [f"detractor-1 → crm: {error}"]
    assert deliver(store, journey, environ=ENV, backoff=FAST).failed == 0  # not tried again


def test_a_slow_receiver_times_out(store: Store) -> None:
    with Receiver(delay=3.0) as receiver:
        journey = queue(store, 1, receiver.url, timeout_seconds=0.1, max_attempts=2)
        report = deliver(store, journey, environ=ENV, backoff=FAST)
    assert report.failed == 1
    assert outbox(store)[0][1:5] == (
        "failed",
        2,
        None,
        "gave up after 2 attempts: no answer within 0.1 s",
    )


def test_a_bad_request_is_a_permanent_failure(store: Store) -> None:
    with Receiver(fail_first=9, fail_status=400) as receiver:
        journey = queue(store, 1, receiver.url)
        report = deliver(store, journey, environ=ENV, backoff=FAST)
    assert (report.failed, report.retried) == (1, 0)
    assert len(receiver.received) == 1
    assert outbox(store)[0][1:5] == ("failed", 1, 400, "HTTP 400: receiver says no")


def test_a_failing_receiver_holds_its_other_messages(store: Store) -> None:
    with Receiver(fail_first=1) as receiver:
        journey = queue(store, 3, receiver.url)
        first = deliver(store, journey, environ=ENV, backoff=FAST, once=True)
        assert len(receiver.received) == 1  # the other two wait with the first
        assert [row[2] for row in outbox(store)] == [1, 0, 0]
        rest = deliver(store, journey, environ=ENV, backoff=FAST)
    assert (first.retried, first.pending, rest.delivered) == (1, 3, 3)
    ids = [m.message_id for m in messages_of(store)]
    assert sorted(receiver.acknowledged()) == sorted(ids)  # each acknowledged exactly once


def test_a_missing_secret_stops_before_any_post(store: Store) -> None:
    with Receiver() as receiver:
        journey = queue(store, 2, receiver.url)
        with pytest.raises(DeliveryError, match=f"variable {SECRET_ENV} is not set"):
            deliver(store, journey, environ={}, backoff=FAST)
    assert receiver.received == []
    assert outbox_counts(store) == {"pending": 2, "delivered": 0, "failed": 0}


def test_messages_for_a_webhook_gone_from_the_map_wait(store: Store) -> None:
    queue(store, 1, "http://127.0.0.1:9/hooks")
    without = loop_map([{"id": "detractor", "when": "nps <= 6"}]).model_copy(
        update={"webhooks": []}
    )
    report = deliver(store, without, environ={}, backoff=FAST)
    assert (report.skipped, report.pending, report.delivered) == ({"crm": 1}, 0, 0)
    assert outbox_counts(store)["pending"] == 1


def test_a_claim_left_by_a_dead_run_is_sent_again(store: Store) -> None:
    with Receiver() as receiver:
        journey = queue(store, 2, receiver.url)
        store.connection.execute(
            "UPDATE outbox SET claimed_by = 'dead-run', claimed_at = now() WHERE seq = 1"
        )
        report = deliver(store, journey, environ=ENV, backoff=FAST)
    assert (report.interrupted, report.delivered) == (1, 2)
    assert len(receiver.acknowledged()) == 2


SENDER = """
import sys
import recorrido.cli.alerts  # registers the command
from recorrido.cli import run
sys.exit(run(["alerts", "deliver", "--store", sys.argv[1], "--map", sys.argv[2], "--quiet"]))
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_killed_mid_delivery_loses_nothing_and_repeats_only_the_unrecorded(
    tmp_path: Path,
) -> None:
    path = tmp_path / "recorrido.duckdb"
    with Receiver(block_at=2) as receiver:
        with Store.open(path, create=True) as store:
            journey = queue(store, 5, receiver.url, timeout_seconds=60)
            ids = [m.message_id for m in messages_of(store)]
        map_file = write_map(tmp_path / "journey.yaml", journey)
        env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
        sender = subprocess.Popen(
            [sys.executable, "-c", SENDER, str(path), str(map_file)],
            env=env | ENV,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        try:
            deadline = time.monotonic() + 120
            while not receiver.blocked.wait(0.1):
                assert sender.poll() is None, sender.communicate()
                assert time.monotonic() < deadline, "the sender never reached the receiver"
            sender.send_signal(signal.SIGKILL)  # mid-delivery of the third message
            sender.wait(timeout=30)
        finally:
            if sender.poll() is None:
                sender.kill()
            sender.communicate()
        assert sender.returncode == -signal.SIGKILL
        receiver.release()  # the held request ends without an answer
        with Store.open(path) as store:
            assert [row[1] for row in outbox(store)] == [
                "delivered", "delivered", "pending", "pending", "pending"
            ]  # fmt: skip
            report = deliver(store, journey, environ=ENV, backoff=FAST)
            assert outbox_counts(store) == {"pending": 0, "delivered": 5, "failed": 0}
    assert (report.interrupted, report.delivered) == (1, 3)
    seen = [r.delivery_id for r in receiver.received]
    assert seen == [ids[0], ids[1], ids[2], ids[2], ids[3], ids[4]]
    assert receiver.acknowledged() == ids  # each acknowledged once, none lost
    assert all(r.signed for r in receiver.received)
