"""One webhook delivery attempt: sign the body, POST it, classify the receiver's answer.

The body is signed with HMAC-SHA256 and the secret held in the environment variable the
webhook names (``secret_env``); the signature, the message's idempotency key and the time
of the attempt travel as headers (see ``docs/closed-loop.md``). Only the standard library
(:mod:`urllib`) is used. Redirects are not followed: a POST silently turned into a GET must
never count as delivered.
"""

from __future__ import annotations

import hashlib
import hmac
import http.client
import os
import random
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from email.message import Message
from typing import IO, Literal

from .._version import __version__
from ..errors import DeliveryError
from ..map.models import Webhook

__all__ = [
    "DELIVERY_HEADER",
    "SIGNATURE_HEADER",
    "TIMESTAMP_HEADER",
    "Attempt",
    "Backoff",
    "DeliveryError",
    "post",
    "sign",
    "verify_signature",
    "webhook_secret",
]

SIGNATURE_HEADER = "X-Recorrido-Signature"
"""``sha256=<hex HMAC-SHA256 of the raw body>``."""
DELIVERY_HEADER = "X-Recorrido-Delivery"
"""The message id: the same on every attempt of one message (the idempotency key)."""
TIMESTAMP_HEADER = "X-Recorrido-Timestamp"
"""Unix seconds (UTC) when this attempt was sent."""

_RETRYABLE_4XX = frozenset({408, 429})
_ERROR_TEXT = 200


def sign(body: bytes, secret: str) -> str:
    """The signature header's value: ``sha256=`` and the hex HMAC-SHA256 of ``body``."""
    digest = hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def verify_signature(body: bytes, secret: str, header: str | None) -> bool:
    """Whether ``header`` is the signature of ``body`` (a constant-time comparison)."""
    return header is not None and hmac.compare_digest(sign(body, secret), header)


def webhook_secret(webhook: Webhook, environ: Mapping[str, str] | None = None) -> str:
    """The signing secret from the environment variable ``webhook.secret_env``."""
    env = os.environ if environ is None else environ
    value = env.get(webhook.secret_env, "")
    if not value:
        state = "is empty" if webhook.secret_env in env else "is not set"
        raise DeliveryError(
            f"webhook '{webhook.id}': environment variable {webhook.secret_env} {state}; "
            f"set it to the secret shared with the receiver "
            f"(export {webhook.secret_env}=...) and deliver again",
            code="webhook_secret_missing",
        )
    return value


@dataclass(frozen=True)
class Backoff:
    """Waits between attempts: ``base × factor^(n-1)``, at most ``max_seconds``, after the
    n-th failed attempt, times a random factor in ``[1 - jitter, 1]``."""

    base_seconds: float = 30.0
    factor: float = 2.0
    max_seconds: float = 3600.0
    jitter: float = 0.5

    def delay(self, attempt: int, rng: random.Random | None = None) -> float:
        """Seconds to wait after failed attempt number ``attempt`` (1-based)."""
        full = min(self.max_seconds, self.base_seconds * self.factor ** (attempt - 1))
        spread = (rng or random).uniform(1.0 - self.jitter, 1.0)
        return full * spread


@dataclass(frozen=True)
class Attempt:
    """The outcome of one POST: ``delivered`` (2xx), ``retry`` or ``failed`` (permanent)."""

    outcome: Literal["delivered", "retry", "failed"]
    status: int | None
    reason: str


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


_OPENER = urllib.request.build_opener(_NoRedirects())


def _excerpt(stream: IO[bytes] | None) -> str:
    if stream is None:
        return ""
    try:
        text = stream.read(_ERROR_TEXT + 1).decode("utf-8", "replace")
    except OSError:
        return ""
    text = " ".join(text.split())
    return f": {text[:_ERROR_TEXT]}…" if len(text) > _ERROR_TEXT else f": {text}" if text else ""


def _classify(status: int, headers: Message, body: str) -> Attempt:
    if 200 <= status < 300:
        return Attempt("delivered", status, f"HTTP {status}")
    if 300 <= status < 400:
        where = headers.get("Location") or "?"
        return Attempt(
            "failed", status, f"HTTP {status} redirect to {where} (not followed; fix the url)"
        )
    if 400 <= status < 500 and status not in _RETRYABLE_4XX:
        return Attempt("failed", status, f"HTTP {status}{body}")
    return Attempt("retry", status, f"HTTP {status}{body}")


def post(
    url: str,
    body: bytes,
    *,
    secret: str,
    message_id: str,
    timeout: float,
) -> Attempt:
    """POST ``body`` (JSON) to ``url`` signed with ``secret``; never raises for network
    failures: timeouts and unreachable receivers are ``retry`` attempts."""
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": f"recorrido/{__version__}",
        SIGNATURE_HEADER: sign(body, secret),
        DELIVERY_HEADER: message_id,
        TIMESTAMP_HEADER: str(int(time.time())),
    }
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            status = int(response.status)
            return _classify(status, response.headers, "" if status < 300 else _excerpt(response))
    except urllib.error.HTTPError as error:
        with error:
            return _classify(error.code, error.headers, _excerpt(error.fp))
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, TimeoutError):
            return Attempt("retry", None, f"no answer within {timeout:g} s")
        return Attempt("retry", None, f"cannot connect: {reason}")
    except TimeoutError:
        return Attempt("retry", None, f"no answer within {timeout:g} s")
    except (OSError, http.client.HTTPException) as error:  # reset, bad status line…
        return Attempt("retry", None, f"{type(error).__name__}: {error}")
    except ValueError as error:  # a url urllib cannot use
        return Attempt("failed", None, f"invalid url {url!r}: {error}")
