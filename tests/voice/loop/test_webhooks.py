"""One delivery attempt against a real local receiver: signature, headers, outcomes."""

from __future__ import annotations

import hashlib
import hmac
import json
import random
import re
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recorrido.voice.webhooks import (
    Backoff,
    DeliveryError,
    post,
    sign,
    verify_signature,
    webhook_secret,
)

from .helpers import SECRET, SECRET_ENV, Receiver, closed_port, loop_map

BODY = json.dumps({"type": "recorrido.alert", "case": {"id": "detractor-1"}}).encode()


def test_the_signature_is_the_hex_hmac_sha256_of_the_raw_body() -> None:
    expected = hmac.new(b"k", b'{"a":1}', hashlib.sha256).hexdigest()
    assert sign(b'{"a":1}', "k") == f"sha256={expected}"
    assert verify_signature(b'{"a":1}', "k", f"sha256={expected}")
    assert not verify_signature(b'{"a": 1}', "k", f"sha256={expected}")  # one byte differs
    assert not verify_signature(b'{"a":1}', "other", f"sha256={expected}")
    assert not verify_signature(b'{"a":1}', "k", None)


def test_a_missing_or_empty_secret_names_the_variable() -> None:
    webhook = loop_map().webhooks[0]
    with pytest.raises(DeliveryError, match=f"{SECRET_ENV} is not set; set it") as caught:
        webhook_secret(webhook, {})
    assert caught.value.code == "webhook_secret_missing" and caught.value.exit_code == 2
    assert "webhook 'crm'" in str(caught.value)
    with pytest.raises(DeliveryError, match=f"{SECRET_ENV} is empty"):
        webhook_secret(webhook, {SECRET_ENV: ""})
    assert webhook_secret(webhook, {SECRET_ENV: "x"}) == "x"


def test_backoff_doubles_up_to_its_cap() -> None:
    plain = Backoff(jitter=0.0)
    assert [plain.delay(n) for n in range(1, 9)] == [30, 60, 120, 240, 480, 960, 1920, 3600]


@given(attempt=st.integers(1, 40), seed=st.integers(0, 2**32 - 1))
def test_jitter_stays_between_half_and_the_full_wait(attempt: int, seed: int) -> None:
    backoff = Backoff()
    full = min(3600.0, 30.0 * 2 ** (attempt - 1))
    assert full / 2 <= backoff.delay(attempt, random.Random(seed)) <= full


def test_acknowledged_with_signed_headers() -> None:
    with Receiver() as receiver:
        attempt = post(receiver.url, BODY, secret=SECRET, message_id="m-1", timeout=5)
    assert (attempt.outcome, attempt.status) == ("delivered", 200)
    [seen] = receiver.received
    assert seen.delivery_id == "m-1" and seen.signed
    assert seen.body == json.loads(BODY)
    assert seen.timestamp is not None and abs(int(seen.timestamp) - time.time()) < 60


@pytest.mark.parametrize(
    ("status", "outcome"),
    [(500, "retry"), (503, "retry"), (429, "retry"), (408, "retry"), (400, "failed"),
     (401, "failed"), (404, "failed"), (410, "failed")],
)  # fmt: skip
def test_status_codes(status: int, outcome: str) -> None:
    with Receiver(fail_first=1, fail_status=status) as receiver:
        attempt = post(receiver.url, BODY, secret=SECRET, message_id="m-1", timeout=5)
    assert (attempt.outcome, attempt.status) == (outcome, status)
    assert attempt.reason == f"HTTP {status}: receiver says no"


def test_a_receiver_that_is_down_is_retried() -> None:
    url = f"http://127.0.0.1:{closed_port()}/hooks"
    attempt = post(url, BODY, secret=SECRET, message_id="m-1", timeout=5)
    assert (attempt.outcome, attempt.status) == ("retry", None)
    assert attempt.reason.startswith("cannot connect:") and "refused" in attempt.reason


def test_a_slow_receiver_times_out_and_is_retried() -> None:
    with Receiver(delay=2.0) as receiver:
        started = time.monotonic()
        attempt = post(receiver.url, BODY, secret=SECRET, message_id="m-1", timeout=0.2)
        waited = time.monotonic() - started
    assert (attempt.outcome, attempt.reason) == ("retry", "no answer within 0.2 s")
    assert waited < 1.5


def test_a_redirect_is_not_followed() -> None:
    with Receiver(fail_first=1, fail_status=302) as receiver:
        attempt = post(receiver.url, BODY, secret=SECRET, message_id="m-1", timeout=5)
    assert (attempt.outcome, attempt.status) == ("failed", 302)
    assert "not followed" in attempt.reason
    assert len(receiver.received) == 1


def doc_block(language: str, containing: str) -> str:
    text = (Path(__file__).resolve().parents[3] / "docs" / "closed-loop.md").read_text("utf-8")
    blocks = re.findall(rf"```{language}\n(.*?)```", text, flags=re.DOTALL)
    return next(block for block in blocks if containing in block)


def test_the_documented_verification_accepts_our_signature() -> None:
    namespace: dict[str, Any] = {}
    exec(doc_block("python", "def verify("), namespace)  # the docs' example, as written
    verify = namespace["verify"]
    headers = {"X-Recorrido-Signature": sign(BODY, SECRET)}
    assert verify(BODY, headers, SECRET)
    assert not verify(BODY + b" ", headers, SECRET)
    assert not verify(BODY, {}, SECRET)
