"""The one exception hierarchy of Recorrido.

Every error a user can cause is a :class:`RecorridoError` with a stable ``code`` and a
message that names the place (file:line:column, row, column), the bad value, the valid
choices and the fix. The CLI prints ``str(error)`` on one line and exits with
``error.exit_code`` (2 for input and usage errors, 1 for other failures).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = [
    "CaseError",
    "DeliveryError",
    "IngestError",
    "MapError",
    "MapIssue",
    "RecorridoError",
    "RuleError",
    "StoreError",
    "UsageError",
    "closest",
    "did_you_mean",
]


class RecorridoError(Exception):
    """Root of every error Recorrido raises on purpose."""

    code: str = "recorrido_error"
    exit_code: int = 1

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code


@dataclass(frozen=True)
class MapIssue:
    """One problem found in a journey map, with its position in the file."""

    message: str
    path: str = ""
    line: int | None = None
    column: int | None = None
    file: str | None = None
    code: str = "map_invalid"

    def __str__(self) -> str:
        place = self.file or "journey.yaml"
        if self.line is not None:
            place += f":{self.line}"
            if self.column is not None:
                place += f":{self.column}"
        where = f" {self.path}:" if self.path else ""
        return f"{place}:{where} {self.message}"


class MapError(RecorridoError):
    """The journey map is not valid; ``issues`` lists every problem found."""

    code = "map_invalid"
    exit_code = 2

    def __init__(self, issues: Iterable[MapIssue]) -> None:
        self.issues = list(issues)
        first = str(self.issues[0]) if self.issues else "invalid journey map"
        more = len(self.issues) - 1
        message = first + (f" (and {more} more problem{'s' if more > 1 else ''})" if more else "")
        super().__init__(message, code=self.issues[0].code if self.issues else None)


class RuleError(RecorridoError):
    """A rule expression does not parse or names an unknown field.

    ``position`` is the 0-based character offset in the rule text.
    """

    code = "rule_invalid"
    exit_code = 2

    def __init__(self, message: str, *, position: int = 0, code: str | None = None) -> None:
        super().__init__(message, code=code)
        self.position = position


class UsageError(RecorridoError):
    """A command or function was called with a bad option or setting."""

    code = "usage_error"
    exit_code = 2


class StoreError(RecorridoError):
    """The store cannot be opened or used (not a Recorrido store, newer schema…)."""

    code = "store_error"
    exit_code = 2


class IngestError(RecorridoError):
    """A file cannot be ingested; nothing of it was stored."""

    code = "ingest_error"
    exit_code = 2


def closest(value: str, choices: Iterable[str]) -> str | None:
    """The choice most similar to ``value``, or ``None`` when nothing is close."""
    matches = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return matches[0] if matches else None


def did_you_mean(value: str, choices: Iterable[str], *, limit: int = 12) -> str:
    """A suffix for messages: ``; did you mean 'x'? (valid: a, b, c)``."""
    options = sorted(set(choices))
    hint = closest(value, options)
    listed = ", ".join(options[:limit]) + (", …" if len(options) > limit else "")
    text = f"; did you mean '{hint}'?" if hint else ""
    return f"{text} (valid: {listed})" if options else text


class CaseError(RecorridoError):
    """A case does not exist, or cannot make the change asked for."""

    code = "case_error"
    exit_code = 2


class DeliveryError(RecorridoError):
    """Webhooks cannot be delivered as configured (a missing secret…)."""

    code = "delivery_error"
    exit_code = 2
