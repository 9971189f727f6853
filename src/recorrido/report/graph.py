"""The discovered journey graph: the most taken moves between touchpoints drawn over the
map's stages, coloured by how they stand against the designed order. The report's section
4 and a notebook's touchpoint transitions draw it alike."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from . import charts
from .i18n import Text

__all__ = ["GRAPH_EDGES", "Layout", "discovered_graph", "layout", "move_kind"]

GRAPH_EDGES = 30
"""The graph draws this many of the most taken moves between touchpoints."""

Layout = Sequence[tuple[str, Sequence[tuple[str, str]]]]
"""The map's stages in order, each as its name and its touchpoints ``(id, name)`` in map
order: the graph's columns, and the rows within each."""


def layout(stages: Mapping[str, Sequence[str]], names: Mapping[str, str]) -> Layout:
    """The :data:`Layout` of ``stages`` (each stage id with its touchpoint ids, in map order),
    each id shown by its name in ``names`` (the id itself without one)."""
    return [
        (names.get(stage, stage), [(tp, names.get(tp, tp)) for tp in touchpoints])
        for stage, touchpoints in stages.items()
    ]


def move_kind(source_stage: int, target_stage: int) -> str:
    """A move against the map's stage order: within a stage or to the next one is as
    designed, further on skips stages, to an earlier stage goes back."""
    gap = target_stage - source_stage
    return "forward" if gap in (0, 1) else "skip" if gap > 1 else "backward"


def discovered_graph(
    t: Text,
    stages: Layout,
    edges: Iterable[Mapping[str, Any]],
    reached: Mapping[str, int],
) -> tuple[dict[str, Any], str] | None:
    """The figure and its one-sentence reading for ``edges`` (transitions between touchpoints:
    ``source``, ``target``, ``people``, ``count``) with the people who ``reached`` each
    touchpoint; None when no edge joins two touchpoints of ``stages`` (repeats of one
    touchpoint are not drawn). The
    :data:`GRAPH_EDGES` edges most people took are drawn (ties: by source, then target)."""
    column: dict[str, int] = {}
    names: dict[str, str] = {}
    nodes: list[dict[str, Any]] = []
    at: dict[str, int] = {}
    for x, (_, touchpoints) in enumerate(stages):
        for row, (touchpoint, name) in enumerate(touchpoints):
            column[touchpoint], names[touchpoint], at[touchpoint] = x, name, len(nodes)
            n = int(reached.get(touchpoint) or 0)
            nodes.append({
                "name": name, "x": x, "y": -row, "people": n,
                "hover": t("g_node", name=name, people=t.number(n)),
            })  # fmt: skip
    known = [
        e
        for e in edges
        if e["source"] in column and e["target"] in column and e["source"] != e["target"]
    ]
    shown = sorted(known, key=lambda e: (-int(e["people"]), e["source"], e["target"]))
    shown = shown[:GRAPH_EDGES]
    if not shown:
        return None
    drawn = []
    for e in shown:
        source, target = e["source"], e["target"]
        hover = t(
            "g_edge", source=names[source], target=names[target],
            people=t.number(e["people"]), count=t.number(e["count"]),
        )  # fmt: skip
        kind = move_kind(column[source], column[target])
        drawn.append({"source": at[source], "target": at[target], "people": int(e["people"]),
                      "kind": kind, "hover": hover})  # fmt: skip
    legend = {kind: t(f"g_{kind}") for kind in ("forward", "skip", "backward")}
    figure = charts.journey_graph(
        t("c_graph", n=len(shown)), [name for name, _ in stages], nodes, drawn, legend
    )
    top = shown[0]
    reading = t(
        "r_graph", source=names[top["source"]], target=names[top["target"]],
        people=t.number(top["people"]), shown=len(shown),
        skips=sum(1 for d in drawn if d["kind"] == "skip"),
        backs=sum(1 for d in drawn if d["kind"] == "backward"),
    )  # fmt: skip
    return figure, reading
