"""Reference: transitions, paths and variants, written for clarity (docs/analytics.md).

Also the journey builders the tests share: ``journey_rows({"ana": ["ad_click", "view"]})``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from itertools import pairwise
from types import EllipsisType
from typing import Any

UNMAPPED = "(unmapped)"
OTHER = "(other)"
START = dt.datetime(2026, 3, 1, 10, 0)

Row = Mapping[str, Any]
Path = tuple[str | None, ...]


# -- builders ------------------------------------------------------------------------------


def event_row(
    unit: str | None,
    label: str | None,
    ts: dt.datetime,
    seq: int,
    *,
    person: str | EllipsisType | None = ...,
    **extra: object,
) -> dict[str, Any]:
    """One journey event; ``person`` defaults to the unit."""
    return {
        "unit": unit,
        "person": unit if person is ... else person,
        "ts": ts,
        "seq": seq,
        "label": label,
        "event": label,
        "channel": None,
        "value": None,
        "properties": None,
        **extra,
    }


def journey_rows(
    journeys: Mapping[str, Sequence[str | None]], *, step: dt.timedelta = dt.timedelta(minutes=1)
) -> list[dict[str, Any]]:
    """``{"ana": ["ad_click", "view"]}`` → events ``step`` apart from 10:00, ``seq`` 1, 2, …"""
    rows: list[dict[str, Any]] = []
    for unit, labels in journeys.items():
        for index, label in enumerate(labels):
            rows.append(event_row(unit, label, START + index * step, len(rows) + 1))
    return rows


def none_first(value: object) -> tuple[bool, Any]:
    """A sort key placing ``None`` before every value."""
    return (value is not None, value)


# -- steps ---------------------------------------------------------------------------------


def steps_by_unit(
    rows: Sequence[Row], *, collapse: bool = False
) -> dict[str, list[dict[str, Any]]]:
    """Each unit's events in (ts, seq, label) order, NULL labels as "(unmapped)"."""
    units: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        if row["unit"] is not None:
            label = UNMAPPED if row["label"] is None else row["label"]
            units[row["unit"]].append({**row, "label": label})
    for events in units.values():
        events.sort(key=lambda r: (r["ts"], r["seq"], r["label"]))
        if collapse:
            events[:] = [
                e for i, e in enumerate(events) if i == 0 or events[i - 1]["label"] != e["label"]
            ]
    return dict(units)


# -- transitions ---------------------------------------------------------------------------


def nearest_rank(values: Sequence[int], percent: int) -> int:
    """The ⌈percent/100 · n⌉-th smallest value."""
    ordered = sorted(values)
    rank = -(-percent * len(ordered) // 100)
    return ordered[rank - 1]


def transitions(rows: Sequence[Row], *, collapse: bool = False) -> list[dict[str, Any]]:
    pairs: dict[tuple[str, str], list[tuple[str, Any, int]]] = defaultdict(list)
    for unit, steps in steps_by_unit(rows, collapse=collapse).items():
        for a, b in pairwise(steps):
            micros = (b["ts"] - a["ts"]) // dt.timedelta(microseconds=1)
            pairs[(a["label"], b["label"])].append((unit, a["person"], micros))
    leaving = Counter[str]()
    for (source, _), made in pairs.items():
        leaving[source] += len(made)
    edges = []
    for (source, target), made in pairs.items():
        durations = [m for _, _, m in made]
        edges.append(
            {
                "source": source,
                "target": target,
                "count": len(made),
                "units": len({u for u, _, _ in made}),
                "people": len({p for _, p, _ in made if p is not None}),
                "share_out": len(made) / leaving[source],
                "median_seconds": nearest_rank(durations, 50) / 1_000_000,
                "p95_seconds": nearest_rank(durations, 95) / 1_000_000,
            }
        )
    return sorted(edges, key=lambda e: (-e["count"], e["source"], e["target"]))


def starts_and_ends(rows: Sequence[Row]) -> list[dict[str, Any]]:
    starts, ends, units = Counter[str](), Counter[str](), Counter[str]()
    for steps in steps_by_unit(rows).values():
        starts[steps[0]["label"]] += 1
        ends[steps[-1]["label"]] += 1
        units.update({step["label"] for step in steps})
    return [
        {"label": label, "units": units[label], "starts": starts[label], "ends": ends[label]}
        for label in sorted(units)
    ]


# -- paths ---------------------------------------------------------------------------------


def unit_path(
    labels: Sequence[str],
    length: int,
    start: str | None = None,
    end: str | None = None,
    before: str | None = None,
    after_last: str | None = None,
) -> Path | None:
    """The unit's path of ``length`` steps (None-padded), or None when it has none."""
    if start is not None:
        if start not in labels:
            return None
        i = labels.index(start)
        if end is not None:
            later = [j for j in range(i + 1, len(labels)) if labels[j] == end]
            if not later:
                return None
            segment = list(labels[i : later[0] + 1])
        else:
            segment = list(labels[i:])
        segment = segment[:length]
        return (*segment, *[None] * (length - len(segment)))
    if end is not None:
        if end not in labels:
            return None
        j = labels.index(end)
        segment = list(labels[max(0, j - length + 1) : j + 1])
        return (*[None] * (length - len(segment)), *segment)
    if before is not None:
        if before not in labels:
            return None
        j = labels.index(before)
        segment = list(labels[max(0, j - length) : j])
        return (*[None] * (length - len(segment)), *segment)
    if after_last is not None:
        if after_last not in labels:
            return None
        j = len(labels) - 1 - labels[::-1].index(after_last)
        segment = list(labels[j + 1 : j + 1 + length])
        return (*segment, *[None] * (length - len(segment)))
    segment = list(labels[:length])
    return (*segment, *[None] * (length - len(segment)))


def unit_paths(
    rows: Sequence[Row],
    *,
    length: int,
    start: str | None = None,
    end: str | None = None,
    before: str | None = None,
    after_last: str | None = None,
    collapse: bool = True,
    min_share: float | None = None,
    group_by: str | None = None,
) -> dict[str, tuple[Any, Path]]:
    """unit → (group, path), rare labels already grouped as "(other)"."""
    groups: dict[str, Any] = {}
    if group_by is not None:
        for row in rows:
            value = row[group_by]
            if row["unit"] is not None and value is not None:
                seen = groups.get(row["unit"])
                groups[row["unit"]] = value if seen is None else max(seen, value)
    paths: dict[str, tuple[Any, Path]] = {}
    for unit, steps in steps_by_unit(rows, collapse=collapse).items():
        path = unit_path([s["label"] for s in steps], length, start, end, before, after_last)
        if path is not None:
            paths[unit] = (groups.get(unit), path)
    if min_share is not None:
        counts = Counter(label for _, path in paths.values() for label in path if label is not None)
        total = sum(counts.values())
        rare = {label for label, n in counts.items() if n < total * min_share}
        paths = {
            unit: (group, tuple(OTHER if label in rare else label for label in path))
            for unit, (group, path) in paths.items()
        }
    return paths


def top_paths(rows: Sequence[Row], *, length: int, **options: Any) -> list[dict[str, Any]]:
    group_by = options.get("group_by")
    counts = Counter(unit_paths(rows, length=length, **options).values())
    totals = Counter[Any]()
    for (group, _), n in counts.items():
        totals[group] += n
    out = []
    for (group, path), n in counts.items():
        row: dict[str, Any] = {group_by: group} if group_by else {}
        row.update({f"step_{k}": label for k, label in enumerate(path, start=1)})
        row.update(count=n, share=n / totals[group])
        out.append(row)
    return sorted(
        out,
        key=lambda r: (
            -r["count"],
            [none_first(v) for k, v in r.items() if k not in ("count", "share")],
        ),
    )


def path_flows(rows: Sequence[Row], *, length: int, **options: Any) -> list[dict[str, Any]]:
    links = Counter[tuple[int, str, str]]()
    for _, path in unit_paths(rows, length=length, **options).values():
        for position in range(1, length):
            source, target = path[position - 1], path[position]
            if source is not None and target is not None:
                links[(position, source, target)] += 1
    out = [{"position": p, "source": s, "target": t, "count": n} for (p, s, t), n in links.items()]
    return sorted(out, key=lambda r: (r["position"], -r["count"], r["source"], r["target"]))


# -- variants ------------------------------------------------------------------------------


def variants(
    rows: Sequence[Row], *, max_length: int = 20, collapse: bool = True
) -> list[dict[str, Any]]:
    counts = Counter[tuple[Path, bool]]()
    for steps in steps_by_unit(rows, collapse=collapse).values():
        labels = [s["label"] for s in steps]
        path = unit_path(labels, max_length)
        assert path is not None
        counts[(path, len(labels) > max_length)] += 1
    total = sum(counts.values())
    out = []
    for (path, truncated), n in counts.items():
        row: dict[str, Any] = {f"step_{k}": label for k, label in enumerate(path, start=1)}
        row.update(truncated=truncated, count=n, share=n / total)
        out.append(row)
    return sorted(
        out,
        key=lambda r: (
            -r["count"],
            [none_first(v) for k, v in r.items() if k not in ("count", "share")],
        ),
    )


# -- random streams ------------------------------------------------------------------------

UNITS = {"ana#1": "ana", "ana#2": "ana", "bo": "bo", "cy": "cy", "zed": None}
"""Sessions of one person, single-unit people and a unit without a person."""


def event_streams(*, max_size: int = 24) -> Any:
    """A hypothesis strategy: journey events with many equal timestamps and ``seq`` values,
    NULL labels, a few events without a unit and a ``converted`` flag (nullable)."""
    from hypothesis import strategies as st

    event = st.tuples(
        st.sampled_from([*UNITS, None]),
        st.sampled_from(["a", "b", "c", None]),
        st.sampled_from([0, 0, 1, 3, 7]),
        st.sampled_from([0, 0, 1, 250_000]),
        st.integers(0, 4),
        st.sampled_from([None, False, True]),
    )

    def rows(events: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
        return [
            {
                **event_row(unit, label, START + dt.timedelta(minutes=m, microseconds=us), seq),
                "person": UNITS.get(unit) if unit else None,
                "converted": flag,
            }
            for unit, label, m, us, seq, flag in events
        ]

    return st.lists(event, max_size=max_size).map(rows)
