"""The report's Plotly figures, as plain JSON-ready dicts (``data``, ``layout``).

One colour scheme for every chart (colour-blind safe, readable on white); titles, units and
axis labels come from the caller in the report's language.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

import plotly.graph_objects as go

from .svgtext import wrap

__all__ = [
    "BAD",
    "GOOD",
    "MAIN",
    "bars",
    "emotion_lines",
    "grouped_bars",
    "heatmap",
    "journey_graph",
    "lines",
    "matrix",
    "sankey",
    "stacked_bars",
]

MAIN, SECOND, GOOD, BAD, GREY = "#1f5f8b", "#e69f00", "#2a9d8f", "#c8553d", "#8d99ae"
_FONT = {"family": "Inter, Segoe UI, Helvetica, Arial, sans-serif", "size": 13, "color": "#222"}


def _layout(title: str, **extra: Any) -> dict[str, Any]:
    layout: dict[str, Any] = {
        "title": {"text": title, "x": 0, "xanchor": "left", "font": {"size": 15}},
        "font": _FONT,
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "margin": {"l": 70, "r": 20, "t": 50, "b": 40},
        "height": 360,
    }
    layout.update(extra)
    return layout


def _json(figure: go.Figure) -> dict[str, Any]:
    plain: dict[str, Any] = figure.to_plotly_json()
    plain["layout"].pop("template", None)
    return {"data": plain["data"], "layout": plain["layout"]}


def bars(
    title: str,
    labels: Sequence[str],
    values: Sequence[float | None],
    *,
    axis: str,
    colors: Sequence[str] | None = None,
    texts: Sequence[str] | None = None,
    hover: Sequence[str] | None = None,
    horizontal: bool = True,
) -> dict[str, Any]:
    """Bars, one per label (horizontal: the first label on top)."""
    shown = [0.0 if v is None else v for v in values]
    bar = go.Bar(
        x=shown if horizontal else list(labels),
        y=list(labels) if horizontal else shown,
        orientation="h" if horizontal else "v",
        marker={"color": list(colors) if colors else MAIN},
        text=list(texts) if texts else None,
        # Plotly hides the text of an empty bar unless it is placed outside
        textposition=["outside" if v == 0 else "auto" for v in shown],
        hovertext=list(hover) if hover else None,
        hoverinfo="text" if hover else None,
        cliponaxis=False,
    )
    height = max(260, 60 + 30 * len(labels)) if horizontal else 360
    axes: dict[str, Any] = {
        "xaxis" if horizontal else "yaxis": {"title": {"text": axis}, "gridcolor": "#eee"},
        "yaxis" if horizontal else "xaxis": {
            "automargin": True,
            **({"autorange": "reversed"} if horizontal else {}),
        },
    }
    return _json(go.Figure(bar, layout=_layout(title, height=height, **axes)))


def emotion_lines(
    title: str,
    stages: Sequence[str],
    designed: Sequence[float | None],
    measured: Sequence[float | None],
    *,
    names: tuple[str, str],
    axis: str,
) -> dict[str, Any]:
    """The designed and measured emotion per stage, on −2…+2."""
    lines = [
        go.Scatter(x=list(stages), y=list(designed), name=names[0], mode="lines+markers",
                   line={"color": GREY, "dash": "dash", "width": 2}, connectgaps=True),
        go.Scatter(x=list(stages), y=list(measured), name=names[1], mode="lines+markers",
                   line={"color": MAIN, "width": 3}, marker={"size": 9}, connectgaps=True),
    ]  # fmt: skip
    layout = _layout(
        title,
        height=300,
        yaxis={"range": [-2.2, 2.2], "title": {"text": axis}, "zeroline": True,
               "zerolinecolor": "#bbb", "gridcolor": "#eee", "tickvals": [-2, -1, 0, 1, 2]},
        xaxis={"automargin": True},
        legend={"orientation": "h", "y": -0.25},
    )  # fmt: skip
    return _json(go.Figure(lines, layout=layout))


def sankey(
    title: str, nodes: Sequence[str], links: Sequence[tuple[int, int, int, bool]]
) -> dict[str, Any]:
    """Flows ``(source, target, people, backward)`` between ``nodes``; backward flows red."""
    figure = go.Figure(
        go.Sankey(
            arrangement="snap",
            node={"label": list(nodes), "pad": 18, "thickness": 16, "color": MAIN},
            link={
                "source": [s for s, _, _, _ in links],
                "target": [t for _, t, _, _ in links],
                "value": [v for _, _, v, _ in links],
                "color": [
                    "rgba(200,85,61,0.45)" if back else "rgba(31,95,139,0.30)"
                    for _, _, _, back in links
                ],
            },
        ),
        layout=_layout(title, height=460),
    )
    return _json(figure)


GRAPH_COLORS = {
    "forward": "rgba(31,95,139,0.45)",
    "skip": "rgba(230,159,0,0.70)",
    "backward": "rgba(200,85,61,0.55)",
}
"""Edge colours of :func:`journey_graph` by kind of move against the designed order."""


def _curve(start: tuple[float, float], end: tuple[float, float]) -> tuple[list[float], ...]:
    """A quadratic curve from ``start`` to ``end`` bent to the left of its direction (so
    ``a → b`` and ``b → a`` do not overlap), as points, and the point just before the end."""
    (x1, y1), (x2, y2) = start, end
    bend = 0.18
    cx, cy = (x1 + x2) / 2 - bend * (y2 - y1), (y1 + y2) / 2 + bend * (x2 - x1)
    steps = [i / 16 for i in range(17)]
    xs = [(1 - s) ** 2 * x1 + 2 * (1 - s) * s * cx + s**2 * x2 for s in steps]
    ys = [(1 - s) ** 2 * y1 + 2 * (1 - s) * s * cy + s**2 * y2 for s in steps]
    return xs, ys


def journey_graph(
    title: str,
    columns: Sequence[str],
    nodes: Sequence[dict[str, Any]],
    edges: Sequence[dict[str, Any]],
    legend: dict[str, str],
) -> dict[str, Any]:
    """A directly-follows graph drawn over the map's stages: ``nodes`` (``name``, ``x`` the
    stage's column, ``y`` the row in it, ``people``, ``hover``) and ``edges`` (``source``,
    ``target`` node indexes, ``people``, ``kind`` a key of :data:`GRAPH_COLORS`, ``hover``),
    each edge a curve as wide as its people, with an arrowhead; ``legend`` names the kinds."""
    most = max((e["people"] for e in edges), default=1) or 1
    data: list[Any] = []
    annotations: list[dict[str, Any]] = []
    for edge in sorted(edges, key=lambda e: e["people"]):  # the widest drawn last, on top
        a, b = nodes[edge["source"]], nodes[edge["target"]]
        xs, ys = _curve((a["x"], a["y"]), (b["x"], b["y"]))
        color = GRAPH_COLORS[edge["kind"]]
        data.append(go.Scatter(
            x=xs, y=ys, mode="lines", line={"color": color, "width": 1 + 9 * edge["people"] / most},
            hovertext=edge["hover"], hoverinfo="text", showlegend=False,
        ))  # fmt: skip
        annotations.append({
            "x": xs[-1], "y": ys[-1], "ax": xs[-3], "ay": ys[-3], "xref": "x", "yref": "y",
            "axref": "x", "ayref": "y", "showarrow": True, "arrowhead": 2, "arrowsize": 1.2,
            "arrowwidth": 1.5, "arrowcolor": color, "standoff": 9, "text": "",
        })  # fmt: skip
    for kind, name in legend.items():  # legend entries only
        data.append(go.Scatter(
            x=[None], y=[None], mode="lines", name=name,
            line={"color": GRAPH_COLORS[kind], "width": 6},
        ))  # fmt: skip
    top = max((n["people"] for n in nodes), default=1) or 1
    data.append(go.Scatter(
        x=[n["x"] for n in nodes], y=[n["y"] for n in nodes], mode="markers",
        hovertext=[n["hover"] for n in nodes], hoverinfo="text",
        marker={"size": [8 + 18 * (n["people"] / top) ** 0.5 for n in nodes], "color": MAIN,
                "line": {"color": "white", "width": 1.5}},
        cliponaxis=False, showlegend=False,
    ))  # fmt: skip
    # names under the nodes on a white ground, above the edges that pass there
    # Plotly reads annotation text as HTML: each wrapped line escaped, joined by <br>
    labels = ["<br>".join(html.escape(line) for line in wrap(n["name"], 150, 11)) for n in nodes]
    annotations += [
        {"x": n["x"], "y": n["y"], "xref": "x", "yref": "y", "yshift": -14, "yanchor": "top",
         "showarrow": False, "text": label,
         "font": {"size": 11}, "bgcolor": "rgba(255,255,255,0.85)", "borderpad": 1}
        for n, label in zip(nodes, labels, strict=True)
    ]  # fmt: skip
    rows = max((-n["y"] for n in nodes), default=0) + 1
    layout = _layout(
        title,
        height=int(170 + 78 * rows),
        xaxis={"tickvals": list(range(len(columns))), "ticktext": list(columns), "side": "top",
               "range": [-0.6, len(columns) - 0.4], "showgrid": True, "zeroline": False},
        yaxis={"visible": False, "range": [-rows + 0.4, 0.6]},
        annotations=annotations,
        legend={"orientation": "h", "y": -0.04},
        margin={"l": 20, "r": 20, "t": 90, "b": 40},
        hovermode="closest",
    )  # fmt: skip
    return _json(go.Figure(data=data, layout=layout))


def matrix(
    title: str,
    points: Sequence[dict[str, Any]],
    *,
    axes: tuple[str, str],
    cuts: tuple[float, float] | None,
) -> dict[str, Any]:
    """Importance (x) against performance (y), labelled points, quadrant lines at ``cuts``."""
    colors = {"fix_first": BAD, "keep_up": GOOD, "monitor": SECOND, "maintain": GREY}
    scatter = go.Scatter(
        x=[p["importance"] for p in points],
        y=[p["performance"] for p in points],
        text=[p["name"] for p in points],
        hovertext=[p["hover"] for p in points],
        hoverinfo="text",
        mode="markers+text",
        # alternate above and below, by importance, so neighbours' labels do not collide
        textposition=[
            "top center" if rank % 2 == 0 else "bottom center"
            for rank in _ranks([p["importance"] for p in points])
        ],
        marker={"size": 13, "color": [colors.get(p["quadrant"] or "", GREY) for p in points]},
        cliponaxis=False,
    )
    shapes = []
    if cuts is not None:
        line = {"color": "#bbb", "dash": "dot", "width": 1}
        shapes = [
            {"type": "line", "xref": "x", "x0": cuts[0], "x1": cuts[0], "yref": "paper",
             "y0": 0, "y1": 1, "line": line},
            {"type": "line", "yref": "y", "y0": cuts[1], "y1": cuts[1], "xref": "paper",
             "x0": 0, "x1": 1, "line": line},
        ]  # fmt: skip
    layout = _layout(
        title,
        height=420,
        shapes=shapes,
        xaxis={"title": {"text": axes[0]}, "gridcolor": "#eee", "zeroline": True,
               "range": _padded([p["importance"] for p in points], 0.15)},
        yaxis={"title": {"text": axes[1]}, "gridcolor": "#eee",
               "range": _padded([p["performance"] for p in points], 0.12)},
    )  # fmt: skip
    return _json(go.Figure(scatter, layout=layout))


def _ranks(values: Sequence[float]) -> list[int]:
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0] * len(values)
    for rank, index in enumerate(order):
        ranks[index] = rank
    return ranks


def _padded(values: Sequence[float], share: float) -> list[float]:
    """The values' range widened by ``share`` of it on each side (room for labels)."""
    low, high = min(values), max(values)
    pad = (high - low) * share or 1.0
    return [low - pad, high + pad]


def heatmap(
    title: str,
    rows: Sequence[str],
    columns: Sequence[str],
    values: Sequence[Sequence[float | None]],
    *,
    axes: tuple[str, str],
    texts: Sequence[Sequence[str]],
) -> dict[str, Any]:
    """A table of shares 0…1 as colours, with the text of each cell."""
    figure = go.Figure(
        go.Heatmap(
            z=[list(r) for r in values],
            x=list(columns),
            y=list(rows),
            text=[list(r) for r in texts],
            texttemplate="%{text}",
            colorscale=[[0, "#f7fbff"], [1, MAIN]],
            zmin=0,
            zmax=1,
            showscale=False,
            hoverongaps=False,
        ),
        layout=_layout(
            title,
            height=max(280, 60 + 28 * len(rows)),
            xaxis={"title": {"text": axes[0]}, "side": "bottom"},
            yaxis={"title": {"text": axes[1]}, "autorange": "reversed", "automargin": True},
        ),
    )
    return _json(figure)


def grouped_bars(
    title: str,
    groups: Sequence[tuple[str, Sequence[str], Sequence[float | None], Sequence[str]]],
    *,
    axis: str,
    colors: Sequence[str] = (MAIN, SECOND, GOOD, GREY),
    side_by_side: bool = False,
) -> dict[str, Any]:
    """Horizontal bars in named groups ``(name, labels, values, texts)``, one colour and legend
    entry per group: one after another (each label in one group), or ``side_by_side`` (the
    groups share their labels, e.g. first and last touch per channel)."""
    traces = [
        go.Bar(
            name=name,
            x=[0.0 if v is None else v for v in values],
            y=list(labels),
            orientation="h",
            marker={"color": colors[i % len(colors)]},
            text=list(texts),
            # a bar of 0 has no room inside: its text goes beside it
            textposition=["outside" if side_by_side or not v else "auto" for v in values],
            cliponaxis=False,
        )
        for i, (name, labels, values, texts) in enumerate(groups)
    ]
    rows = len({label for _, labels, _, _ in groups for label in labels})
    per_row = 26 * len(groups) if side_by_side else 30
    longest = max((v or 0.0 for _, _, values, _ in groups for v in values), default=0.0)
    layout = _layout(
        title,
        height=max(280, 90 + per_row * rows),
        barmode="group" if side_by_side else "relative",
        # room on the right for the texts beside the longest bars
        xaxis={
            "title": {"text": axis},
            "gridcolor": "#eee",
            **({"range": [0, longest * 1.25 or 1]} if side_by_side else {}),
        },
        yaxis={"automargin": True, "autorange": "reversed"},
        legend={"orientation": "h", "y": -0.18},
    )
    return _json(go.Figure(traces, layout=layout))


def _date_ticks(x: Sequence[str], labels: Sequence[str], most: int = 8) -> dict[str, Any]:
    """Ticks at some of the ``x`` dates (ISO), written as ``labels`` (the report's language)."""
    step = max(1, -(-len(x) // most))
    picked = range(len(x) - 1, -1, -step)  # always the latest date
    return {
        "type": "date",
        "tickmode": "array",
        "tickvals": [x[i] for i in reversed(picked)],
        "ticktext": [labels[i] for i in reversed(picked)],
    }


def lines(
    title: str,
    x: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None], Sequence[str]]],
    *,
    axis: str,
    x_axis: str,
    x_labels: Sequence[str],
    colors: Sequence[str] = (MAIN, SECOND, GOOD, GREY),
) -> dict[str, Any]:
    """One line per series ``(name, values, hover)`` over the dates ``x`` (ISO, shown as
    ``x_labels``), with gaps where a value is None."""
    traces = [
        go.Scatter(
            name=name,
            x=list(x),
            y=list(values),
            mode="lines+markers",
            line={"color": colors[i % len(colors)], "width": 3},
            marker={"size": 8},
            hovertext=list(hover),
            hoverinfo="text",
            connectgaps=False,
        )
        for i, (name, values, hover) in enumerate(series)
    ]
    layout = _layout(
        title,
        height=320,
        showlegend=len(series) > 1,
        xaxis={"title": {"text": x_axis}, "gridcolor": "#eee", "automargin": True,
               **_date_ticks(x, x_labels)},
        yaxis={"title": {"text": axis}, "gridcolor": "#eee", "zeroline": True,
               "zerolinecolor": "#bbb"},
        legend={"orientation": "h", "y": -0.3},
    )  # fmt: skip
    return _json(go.Figure(traces, layout=layout))


def stacked_bars(
    title: str,
    x: Sequence[str],
    series: Sequence[tuple[str, Sequence[float], str]],
    *,
    axis: str,
    x_axis: str,
    x_labels: Sequence[str],
) -> dict[str, Any]:
    """Vertical bars stacked per date ``x`` (ISO, shown as ``x_labels``), one series
    ``(name, values, colour)`` per part; negative values stack below zero."""
    traces = [
        go.Bar(
            name=name,
            x=list(x),
            y=list(values),
            marker={"color": color},
            customdata=list(x_labels),
            hovertemplate=f"%{{customdata}}: %{{y}}<extra>{name}</extra>",
        )
        for name, values, color in series
    ]
    layout = _layout(
        title,
        height=380,
        barmode="relative",
        xaxis={"title": {"text": x_axis}, "automargin": True, **_date_ticks(x, x_labels)},
        yaxis={"title": {"text": axis}, "gridcolor": "#eee", "zeroline": True,
               "zerolinecolor": "#888"},
        legend={"orientation": "h", "y": -0.3},
    )  # fmt: skip
    return _json(go.Figure(traces, layout=layout))
