"""Reference: stage moves and journey fitness, written for clarity."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

Row = Mapping[str, object]


def _sequences(rows: Sequence[Row], order: Sequence[str]) -> dict[str, list[str]]:
    by_unit: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        if row["label"] in order:
            by_unit[str(row["unit"])].append(row)
    sequences = {}
    for unit, events in by_unit.items():
        events.sort(key=lambda r: (r["ts"], r["seq"]))
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
