"""Reference: stage moves, journey fitness and deviations, written for clarity."""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Collection, Mapping, Sequence

Row = Mapping[str, object]


def _sequences(rows: Sequence[Row], order: Sequence[str]) -> dict[str, list[str]]:
    by_unit: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        if row["label"] in order:
            by_unit[str(row["unit"])].append(row)
    sequences = {}
    for unit, events in by_unit.items():
        events.sort(key=lambda r: (r["ts"], r["seq"], r["label"]))
        labels: list[str] = []
        for event in events:
            if not labels or labels[-1] != event["label"]:
                labels.append(str(event["label"]))
        sequences[unit] = labels
    return sequences


def reference_moves(rows: Sequence[Row], order: Sequence[str]) -> list[dict[str, object]]:
    out = []
    for unit, labels in _sequences(rows, order).items():
        for index in range(1, len(labels)):
            a, b = labels[index - 1], labels[index]
            i, j = order.index(a) + 1, order.index(b) + 1
            kind = "forward" if j == i + 1 else ("skip" if j > i + 1 else "backward")
            out.append(
                {
                    "unit": unit,
                    "source": a,
                    "target": b,
                    "kind": kind,
                    "skipped": j - i - 1 if j > i + 1 else 0,
                    "revisit": b in labels[:index],
                }
            )
    return out


def reference_fitness(rows: Sequence[Row], order: Sequence[str]) -> list[dict[str, object]]:
    out = []
    k = len(order)
    for unit, labels in _sequences(rows, order).items():
        first = {label: labels.index(label) for label in set(labels)}
        done = in_order = 0
        latest: int | None = None
        for step in order:
            if step not in first:
                continue
            done += 1
            if latest is None or first[step] > latest:
                in_order += 1
            latest = first[step] if latest is None else max(latest, first[step])
        out.append(
            {
                "unit": unit,
                "done": done,
                "in_order": in_order,
                "missed": k - done,
                "out_of_order": done - in_order,
                "fitness": in_order / k,
            }
        )
    return out


def reference_deviations(
    rows: Sequence[Row],
    order: Sequence[str],
    step_of: Mapping[str, str] | None = None,
    unexpected: Collection[str] = (),
) -> list[dict[str, object]]:
    """Rows ``unit``, ``kind``, ``step``, ``count`` as documented in docs/analytics.md."""
    mapping = dict(step_of) if step_of is not None else {name: name for name in order}
    position = {label: order.index(step) + 1 for label, step in mapping.items() if step in order}
    k = len(order)
    by_unit: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        label = row["label"]
        if row["unit"] is not None and (label in position or label in unexpected):
            by_unit[str(row["unit"])].append(row)
    found: Counter[tuple[str, str, str]] = Counter()
    for unit, events in by_unit.items():
        events.sort(key=lambda r: (r["ts"], r["seq"], r["label"]))
        # the designed sequence, consecutive repeats of a step collapsed
        steps: list[int] = []
        for event in events:
            p = position.get(str(event["label"]))
            if p is not None and (not steps or steps[-1] != p):
                steps.append(p)
        for i, j in itertools.pairwise(steps):
            for skipped in range(i + 1, j):
                found[unit, "skipped", order[skipped - 1]] += 1
            if j < i:
                found[unit, "backward", order[i - 1]] += 1
        first = {p: steps.index(p) for p in set(steps)}
        latest = -1
        for p in sorted(first):
            if first[p] < latest:
                found[unit, "out_of_order", order[p - 1]] += 1
            latest = max(latest, first[p])
        current: int | None = None
        finished = False
        for event in events:
            p = position.get(str(event["label"]))
            if p is not None:
                current = p
                finished = finished or p == k
            elif current is not None and not finished:
                found[unit, "unexpected", order[current - 1]] += 1
    return [
        {"unit": unit, "kind": kind, "step": step, "count": count}
        for (unit, kind, step), count in found.items()
    ]


def reference_unit_conformance(
    rows: Sequence[Row],
    order: Sequence[str],
    step_of: Mapping[str, str] | None = None,
    unexpected: Collection[str] = (),
) -> list[dict[str, object]]:
    """One row per unit with a designed step: fitness, done, missed and deviations by kind."""
    mapping = dict(step_of) if step_of is not None else {name: name for name in order}
    relabelled = [{**row, "label": mapping.get(str(row["label"]))} for row in rows]
    deviations = reference_deviations(rows, order, step_of, unexpected)
    out = []
    for fit in reference_fitness(relabelled, order):
        mine = [d for d in deviations if d["unit"] == fit["unit"]]
        out.append(
            {
                "unit": fit["unit"],
                "fitness": fit["fitness"],
                "done": fit["done"],
                "missed": fit["missed"],
                **{
                    kind: sum(int(str(d["count"])) for d in mine if d["kind"] == kind)
                    for kind in ("skipped", "out_of_order", "backward", "unexpected")
                },
            }
        )
    return out
