"""Reference: retention, repeat purchases and lifecycle, written for clarity (docs/analytics.md).

Also the journey builder the retention tests share:
``journeys({"ana": [("2026-03-02T10:00:00", "signup"), ("2026-03-03T09:00:00", "purchase")]})``.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

Row = Mapping[str, Any]
Event = tuple[str, str | None] | tuple[str, str | None, str | None]

DAY_US = 86_400_000_000
WEEK_US = 7 * DAY_US
DEFAULT_ORIGIN = dt.datetime(1970, 1, 5)


# -- builder -------------------------------------------------------------------------------


def journeys(units: Mapping[str | None, Sequence[Event]]) -> list[dict[str, Any]]:
    """``{"ana": [(iso_ts, label), (iso_ts, label, channel), …]}`` → journey-event rows.

    ``seq`` numbers the events 1, 2, … in the order written (the tie-breaker of equal ``ts``).
    """
    rows: list[dict[str, Any]] = []
    for unit, events in units.items():
        for event in events:
            when, label = event[0], event[1]
            channel = event[2] if len(event) == 3 else None
            rows.append(
                {
                    "unit": unit,
                    "person": unit,
                    "ts": dt.datetime.fromisoformat(when),
                    "seq": len(rows) + 1,
                    "label": label,
                    "event": label,
                    "channel": channel,
                    "value": None,
                    "properties": None,
                }
            )
    return rows


def none_first(value: object) -> tuple[bool, str]:
    """A sort key placing ``None`` first and comparing everything else as text."""
    return (value is not None, "" if value is None else str(value))


def sort_rows(rows: Sequence[Row]) -> list[dict[str, Any]]:
    """Rows as plain dicts, sorted on every column (``None`` first)."""
    return sorted((dict(r) for r in rows), key=lambda r: [none_first(v) for v in r.values()])


# -- periods -------------------------------------------------------------------------------


def _origin(origin: dt.datetime | None) -> dt.datetime:
    chosen = DEFAULT_ORIGIN if origin is None else origin
    if chosen.tzinfo is not None:
        chosen = chosen.astimezone(dt.UTC).replace(tzinfo=None)
    return chosen


def period_of(ts: dt.datetime, period_us: int, origin: dt.datetime | None = None) -> int:
    """floor((ts − origin) / period) on whole microseconds."""
    delta_us = (ts - _origin(origin)) // dt.timedelta(microseconds=1)
    return delta_us // period_us


def start_of(index: int, period_us: int, origin: dt.datetime | None = None) -> dt.datetime:
    """The UTC start of period ``index``."""
    return _origin(origin) + dt.timedelta(microseconds=index * period_us)


def _known(rows: Sequence[Row]) -> list[Row]:
    return sorted((r for r in rows if r["unit"] is not None), key=lambda r: (r["ts"], r["seq"]))


def _matches(row: Row, label: str | None) -> bool:
    return label is None or row["label"] == label


# -- retention -----------------------------------------------------------------------------


def retention(
    rows: Sequence[Row],
    *,
    period_us: int,
    periods: int,
    start_label: str | None = None,
    return_label: str | None = None,
    mode: str = "first_time",
    origin: dt.datetime | None = None,
    breakdown: str | None = None,
) -> list[dict[str, Any]]:
    """Cohort retention rows: cohort, [breakdown], period, cohort_size, retained, rate."""
    events = _known(rows)
    entries: dict[tuple[Any, ...], tuple[str, int, Any]] = {}
    for row in events:  # in (ts, seq) order: the first start event of an entry wins
        if not _matches(row, start_label):
            continue
        k = period_of(row["ts"], period_us, origin)
        key = (row["unit"],) if mode == "first_time" else (row["unit"], k)
        value = row[breakdown] if breakdown is not None else None
        entries.setdefault(key, (row["unit"], k, value))
    returned = {
        (row["unit"], period_of(row["ts"], period_us, origin))
        for row in events
        if _matches(row, return_label)
    }
    size: dict[tuple[int, Any], int] = defaultdict(int)
    kept: dict[tuple[int, Any, int], int] = defaultdict(int)
    for unit, cohort, value in entries.values():
        size[cohort, value] += 1
        for period in range(periods):
            if period == 0 or (unit, cohort + period) in returned:
                kept[cohort, value, period] += 1
    out = []
    for (cohort, value), n in size.items():
        for period in range(periods):
            entry: dict[str, Any] = {"cohort": start_of(cohort, period_us, origin)}
            if breakdown is not None:
                entry[breakdown] = value
            retained = kept[cohort, value, period]
            entry |= {
                "period": period,
                "cohort_size": n,
                "retained": retained,
                "rate": retained / n,
            }
            out.append(entry)
    return sort_rows(out)


# -- repeat purchases ----------------------------------------------------------------------


def repeat_purchases(rows: Sequence[Row], *, purchase_label: str) -> list[dict[str, Any]]:
    """The one row of repeat-purchase figures."""
    bought: dict[str, list[Row]] = defaultdict(list)
    for row in _known(rows):
        if row["label"] == purchase_label:
            bought[row["unit"]].append(row)
    gaps = sorted(
        (later["ts"] - earlier["ts"]) // dt.timedelta(microseconds=1)
        for events in bought.values()
        for earlier, later in itertools.pairwise(events)
    )
    purchasers = len(bought)
    purchases = sum(len(events) for events in bought.values())
    repeaters = sum(1 for events in bought.values() if len(events) >= 2)
    median = gaps[math.ceil(len(gaps) / 2) - 1] / DAY_US if gaps else None
    return [
        {
            "purchasers": purchasers,
            "purchases": purchases,
            "repeat_purchasers": repeaters,
            "repeat_rate": repeaters / purchasers if purchasers else None,
            "mean_purchases": purchases / purchasers if purchasers else None,
            "median_days_between": median,
        }
    ]


# -- lifecycle -----------------------------------------------------------------------------


def lifecycle(
    rows: Sequence[Row], *, period_us: int, origin: dt.datetime | None = None
) -> list[dict[str, Any]]:
    """Per period: period, active, new, returning, resurrecting, dormant."""
    active: dict[str, set[int]] = defaultdict(set)
    for row in _known(rows):
        active[row["unit"]].add(period_of(row["ts"], period_us, origin))
    counts: dict[int, dict[str, int]] = defaultdict(
        lambda: {"new": 0, "returning": 0, "resurrecting": 0, "dormant": 0}
    )
    for ks in active.values():
        ordered = sorted(ks)
        for i, k in enumerate(ordered):
            if i == 0:
                counts[k]["new"] += 1
            elif ordered[i - 1] == k - 1:
                counts[k]["returning"] += 1
            else:
                counts[k]["resurrecting"] += 1
                counts[ordered[i - 1] + 1]["dormant"] += 1
        counts[ordered[-1] + 1]["dormant"] += 1
    end = max((k for ks in active.values() for k in ks), default=None)
    out = []
    for k, c in counts.items():
        if end is not None and k <= end:
            out.append(
                {
                    "period": start_of(k, period_us, origin),
                    "active": c["new"] + c["returning"] + c["resurrecting"],
                    **c,
                }
            )
    return sort_rows(out)
