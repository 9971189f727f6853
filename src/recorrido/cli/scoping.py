"""The ``--from``, ``--to`` and ``--persona`` options that ``report`` and ``map-image`` share:
the days parsed, the scope described for the reader, and the store trimmed to it."""

from __future__ import annotations

import datetime as dt
from contextlib import ExitStack
from pathlib import Path

from ..errors import UsageError
from ..map.models import JourneyMap
from ..report import scoped_store
from ..report.i18n import Text

__all__ = ["day", "scope_label", "scoped"]


def day(value: str | None, option: str) -> dt.date | None:
    """``value`` of ``option`` as a day (None when not given)."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(
            f"{option} {value}: give a day as YYYY-MM-DD, e.g. 2026-06-01", code="usage_date"
        ) from None


def scope_label(
    t: Text,
    journey_map: JourneyMap,
    first: dt.date | None,
    last: dt.date | None,
    persona: str | None,
) -> str | None:
    """The period and persona a scoped report or map covers, for its header (None: all)."""
    parts = [t("period", start=t.date(first), end=t.date(last))] if first or last else []
    if persona is not None:
        names = {p.id: p.name for p in journey_map.personas}
        parts.append(t("persona_scope", name=names.get(persona, persona)))
    return " · ".join(parts) or None


def scoped(
    stack: ExitStack,
    path: Path,
    journey_map: JourneyMap,
    first: dt.date | None,
    last: dt.date | None,
    persona: str | None,
) -> Path:
    """``path`` itself, or a temporary copy holding only the period and persona (deleted when
    ``stack`` closes)."""
    if not (first or last or persona):
        return path
    return stack.enter_context(
        scoped_store(path, journey_map, start=first, end=last, persona=persona)
    )
