"""Fixed-length durations as users write them: ``90s``, ``30m``, ``2h``, ``7d``, ``2w``.

Months and years are refused on purpose: their length varies, and windows must be fixed
lengths so every engine computes the same thing.
"""

from __future__ import annotations

import re

from .errors import UsageError

__all__ = ["format_duration", "parse_duration"]

_UNITS_US = {
    "s": 1_000_000,
    "m": 60_000_000,
    "h": 3_600_000_000,
    "d": 86_400_000_000,
    "w": 604_800_000_000,
}
_PATTERN = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d|w)\s*$")


def parse_duration(text: str, *, option: str = "duration") -> int:
    """Microseconds in ``text`` (``"30m"`` → 1_800_000_000); a clear error otherwise."""
    match = _PATTERN.match(text.lower())
    if match is None:
        hint = (
            " (months and years vary in length: use days, e.g. 30d)"
            if re.search(r"(mo|month|y|year)", text.lower())
            else ""
        )
        raise UsageError(
            f"{option} {text!r}: expected a number and a unit s, m, h, d or w, e.g. 30m, 7d" + hint,
            code="usage_duration",
        )
    value = float(match.group(1)) * _UNITS_US[match.group(2)]
    if value <= 0:
        raise UsageError(f"{option} {text!r}: must be longer than zero", code="usage_duration")
    return int(value)


def format_duration(microseconds: int) -> str:
    """The largest whole unit: 1_800_000_000 → ``"30m"``."""
    for unit in ("w", "d", "h", "m", "s"):
        size = _UNITS_US[unit]
        if microseconds % size == 0:
            return f"{microseconds // size}{unit}"
    return f"{microseconds / 1_000_000:g}s"
