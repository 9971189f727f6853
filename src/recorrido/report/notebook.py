"""Results in notebooks: each analysis as the report's Plotly chart, then its table.

:func:`mimebundle` (``Result._repr_mimebundle_``) gives Plotly's JSON and HTML that draws the
chart wherever scripts run (classic Jupyter, JupyterLab, VS Code, exported HTML), offline: as
Plotly's ``notebook`` renderer does, the process's first chart embeds plotly.js and later ones
wait for it (:func:`reset` embeds it again). Kinds without a chart show the table alone.
Titles and numbers are written in the result's language and ids shown by the map's names,
both of which a journey with a map gives its results (``Result.lang``, ``Result.names``);
without a map, in English with the ids.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from plotly.offline import get_plotlyjs
from plotly.utils import PlotlyJSONEncoder

from . import charts
from .blocks import theme_name
from .graph import discovered_graph, layout
from .i18n import MESSAGES, Text

if TYPE_CHECKING:
    from ..results import Result

__all__ = ["figure_for", "figures_for", "mimebundle", "notebook_html", "reset", "table_html"]

Figure = dict[str, Any]
PLOTLY_MIME = "application/vnd.plotly.v1+json"
_CONFIG = {"displaylogo": False, "responsive": True}
_PALETTE = (charts.MAIN, charts.SECOND, charts.GOOD, charts.BAD, charts.GREY, "#56b4e9", "#cc79a7")
_TABLE_ROWS = 50


class _Page:
    plotly_js_sent = False  # whether this process already sent plotly.js to the page


def reset() -> None:
    """Embed plotly.js again in the next chart (a new or cleared page lacks it)."""
    _Page.plotly_js_sent = False


# -- figures, one builder per result kind ----------------------------------------------------


class _Words:
    """What a builder writes with: the result's language and the map's names for its ids."""

    def __init__(self, result: Result) -> None:
        self.t = Text("es" if result.lang == "es" else "en")
        self.names = result.names
        self.unit = self.t(
            "nb_sessions" if result.request.get("unit") == "session" else "nb_people"
        )

    def name(self, value: object) -> str:
        """The map's name of an id (the id itself when the map has none)."""
        return self.t("nb_none") if value is None else self.names.get(str(value), str(value))

    def by(self, column: str) -> str:
        """A grouping column in words (``stage`` → ``etapa``)."""
        key = f"nb_by_{column}"
        return self.t(key) if key in MESSAGES else column

    def date(self, value: object) -> str:
        """A period or cohort start (ISO text) as ``2 mar 2026`` / ``2 Mar 2026``."""
        return self.t.date(dt.datetime.fromisoformat(str(value)))


def _breakdown(result: Result) -> str | None:
    """The column of the request's breakdown (named after it, or ``breakdown``)."""
    names = ("breakdown", result.request.get("breakdown"))
    return next((c for c in names if c in result.table.column_names), None)


def _funnel(result: Result, w: _Words) -> list[Figure]:
    rows, t, group = result.rows(), w.t, _breakdown(result)
    title = t("nb_funnel", unit=w.unit)
    names = {r["step"]: w.name(r["name"]) for r in rows}
    labels = [names[step] for step in sorted(names)]
    if group is None:
        texts = [f"{t.number(r['count'])} · {t.percent(r['conversion'])}" for r in rows]
        return [charts.bars(title, labels, [r["count"] for r in rows], axis=w.unit, texts=texts)]
    # grouped bars in the style of ``bars``: the groups with the most entries, one colour each
    firsts = sorted((r for r in rows if r["step"] == 1), key=lambda r: -r["count"])
    firsts = firsts[: len(_PALETTE)]
    counts = {(r[group], r["step"]): r["count"] for r in rows}
    figure = charts.bars(title, labels, [0] * len(labels), axis=w.unit)
    figure["data"] = [
        {"type": "bar", "orientation": "h", "y": labels, "name": w.name(first[group]),
         "x": [counts.get((first[group], step), 0) for step in sorted(names)],
         "marker": {"color": _PALETTE[i]}}
        for i, first in enumerate(firsts)
    ]  # fmt: skip
    height = max(300, min(1200, 80 + 14 * len(labels) * len(firsts)))
    figure["layout"].update(barmode="group", height=height, legend={"title": {"text": w.by(group)}})
    return [figure]


def _sankey_order(weights: dict[tuple[str, str], int], starts: dict[str, int]) -> list[str]:
    """The nodes in the order journeys reach them: those no flow enters first, then each time
    the node that receives the most flow from those placed (on ties, where more start)."""
    left = sorted({node for pair in weights for node in pair})
    entered = {t for (s, t) in weights}
    order: list[str] = []
    while left:
        inflow = [sum(w for (s, t), w in weights.items() if t == n and s in order) for n in left]
        pull = [(n not in entered, inflow[i], starts.get(n, 0)) for i, n in enumerate(left)]
        order.append(left.pop(pull.index(max(pull))))
    return order


def _transitions(result: Result, w: _Words) -> list[Figure]:
    """Touchpoints of a map, people as the unit: the report's discovered journey graph;
    otherwise a Sankey of the flows between steps."""
    reached = result.extra.get("reached")
    person = result.request.get("unit", "person") == "person"
    if result.request.get("level") == "touchpoint" and result.stages and reached and person:
        stages = layout(result.stages, result.names)
        drawn = discovered_graph(w.t, stages, result.rows(), reached)
        if drawn is not None:
            return [drawn[0]]
    edges = [r for r in result.rows() if r["source"] != r["target"]]
    value = {(str(e["source"]), str(e["target"])): int(e["people"] or e["units"] or 0)
             for e in edges}  # fmt: skip
    kept = dict(sorted(value.items(), key=lambda i: (-i[1], i[0]))[:40])
    if not kept:
        return []
    order = _sankey_order(kept, result.extra.get("starts") or {})
    at = {node: i for i, node in enumerate(order)}
    links = [(at[s], at[t], v, at[t] < at[s]) for (s, t), v in kept.items()]
    return [charts.sankey(w.t("nb_flows", unit=w.unit), [w.name(n) for n in order], links)]


def _paths(result: Result, w: _Words) -> list[Figure]:
    paths, seen = [], dict[str, int]()  # the top paths of each outcome, if split by outcome
    for p in result.to_dict()["paths"]:
        seen[p.get("outcome", "")] = seen.get(p.get("outcome", ""), 0) + 1
        if seen[p.get("outcome", "")] <= (8 if "outcome" in p else 15):
            paths.append(p)
    if not paths:
        return []
    t = w.t
    labels = [(f"{t('nb_' + p['outcome'])}: " if "outcome" in p else "")
              + " → ".join(map(w.name, p["path"])) for p in paths]  # fmt: skip
    colors = None
    if any("outcome" in p for p in paths):
        colors = [charts.GOOD if p.get("outcome") == "converted" else charts.BAD for p in paths]
    texts = [f"{t.number(p['count'])} · {t.percent(p['share'])}" for p in paths]
    title = t("nb_variants" if result.kind == "variants" else "nb_paths", unit=w.unit)
    return [charts.bars(title, labels, [p["count"] for p in paths], axis=w.unit, texts=texts,
                        colors=colors)]  # fmt: skip


_METRICS = {"nps": ("nps", 0), "csat": ("csat_mean", 2), "ces": ("ces", 2)}


def _experience(result: Result, w: _Words) -> list[Figure]:
    rows, by = result.rows(), result.extra.get("by") or result.request.get("by", "touchpoint")
    t, found = w.t, []
    for metric, (key, digits) in _METRICS.items():
        scored = [r for r in rows if r[f"{metric}_n"] and r[key] is not None]
        if not scored:
            continue
        trusted = [r for r in scored if not r[f"{metric}_low"]] or scored
        worst = (max if metric == "ces" else min)(trusted, key=lambda r: r[key])
        found.append(charts.bars(
            t(f"nb_{metric}", by=w.by(by)) if by != "none" else t(f"nb_{metric}_all"),
            [w.date(r["group"]) if by == "period" else w.name(r["group"]) for r in scored],
            [r[key] for r in scored], axis=metric.upper(),
            texts=[f"{t.number(r[key], digits)} (n={t.number(r[f'{metric}_n'])})"
                   for r in scored],
            colors=[charts.BAD if r is worst else charts.MAIN for r in scored],
        ))  # fmt: skip
    return found


def _emotion(result: Result, w: _Words) -> list[Figure]:
    curve, t = result.rows(), w.t
    if not curve:
        return []
    return [charts.emotion_lines(
        t("c_emotion"), [w.name(p["stage"]) for p in curve], [p["designed"] for p in curve],
        [p["measured"] for p in curve], names=(t("designed"), t("measured")),
        axis=t("c_emotion_axis"),
    )]  # fmt: skip


def _painpoints(result: Result, w: _Words) -> list[Figure]:
    items = [r for r in result.rows() if r["score"] is not None][:8]
    if not items:
        return []
    return [charts.bars(
        w.t("c_pain"), [w.name(r["place"]) for r in items],
        [r["score"] for r in items], axis="0–100",
        colors=[charts.BAD if i == 0 else charts.MAIN for i in range(len(items))],
        texts=[w.t.number(r["score"], 1) for r in items],
    )]  # fmt: skip


def _drivers(result: Result, w: _Words) -> list[Figure]:
    t = w.t
    outcome = str(result.extra.get("outcome") or result.request.get("outcome", "nps"))
    unit = t("nb_nps_points") if outcome == "nps" else "pp"
    hurts = [r for r in result.rows() if r["verdict"] == "hurts"][:8]
    found = []
    if hurts:
        found.append(charts.bars(
            t("nb_drivers", outcome="NPS" if outcome == "nps" else outcome),
            [_driver(w, r) for r in hurts],
            [r["effect"] for r in hurts], axis=unit, colors=[charts.BAD] * len(hurts),
            texts=[f"{t.signed(r['effect'], 1)} {unit} (n={t.number(r['exposed'])})"
                   for r in hurts],
        ))  # fmt: skip
    points = [dict(m) for m in result.extra.get("matrix", []) if m["quadrant"] is not None]
    if points:
        for p in points:
            p["name"] = str(p.get("name") or w.name(p["place"]))
            quadrant = t("q_" + p["quadrant"])
            p["hover"] = (f"{p['name']}: r={t.number(p['importance'], 2)}, "
                          f"{t.number(p['performance'])}/100, {quadrant}")  # fmt: skip
        cuts = (sum(p["importance"] for p in points) / len(points),
                sum(p["performance"] for p in points) / len(points))  # fmt: skip
        found.append(charts.matrix(
            t("c_matrix"), points, axes=(t("nb_importance"), t("axis_performance")), cuts=cuts,
        ))  # fmt: skip
    return found


def _driver(w: _Words, row: dict[str, Any]) -> str:
    """A driver as the report names it ("contacto con Carrito", "bad score at Checkout")."""
    kind, place = str(row["kind"]), row["place"]
    key = f"d_{kind}"
    if key not in MESSAGES:
        return str(row["label"])
    named = theme_name(w.t, str(place)) if kind == "negative_theme" else w.name(place)
    return w.t(key, place=named)


def _routes(result: Result, w: _Words) -> list[Figure]:
    routes, t = result.rows(), w.t
    if not routes:
        return []
    return [charts.bars(
        t("c_routes"), [str(r["name"] or w.name(r["route"])) for r in routes],
        [100 * (r["share"] or 0) for r in routes], axis=t("nb_routes_share", unit=w.unit),
        texts=[t("nb_convert", share=t.percent(r["share"]),
                 conversion=t.percent(r["conversion_rate"])) for r in routes],
    )]  # fmt: skip


def _retention(result: Result, w: _Words) -> list[Figure]:
    rows, group, t = result.rows(), _breakdown(result), w.t

    def key(row: dict[str, Any]) -> tuple[str, str]:
        return str(row["cohort"]), "" if group is None else w.name(row[group])

    keys = sorted({key(r) for r in rows})[-12:]  # the latest cohorts
    periods = sorted({int(r["period"]) for r in rows})
    if not keys:
        return []
    rate = {(*key(r), int(r["period"])): r["rate"] for r in rows}
    values = [[rate.get((c, g, p)) for p in periods] for c, g in keys]
    every = "day" if result.request.get("period") == "day" else "week"
    return [charts.heatmap(
        t(f"nb_retention_{every}"),
        [w.date(c) + (f" · {g}" if group else "") for c, g in keys], [str(p) for p in periods],
        values, axes=(t(f"nb_since_{every}"), t("axis_cohort")),
        texts=[[t.percent(v) if v is not None else "" for v in row] for row in values],
    )]  # fmt: skip


def _lifecycle(result: Result, w: _Words) -> list[Figure]:
    rows, t = result.rows(), w.t
    if not rows:
        return []
    labels = [w.date(r["period"]) for r in rows]
    active = [r["active"] for r in rows]
    figure = charts.bars(
        t("nb_lifecycle", unit=w.unit), labels, active, axis=w.unit, horizontal=False
    )
    parts = (("new", charts.MAIN, 1), ("returning", charts.GOOD, 1),
             ("resurrecting", charts.SECOND, 1), ("dormant", charts.BAD, -1))  # fmt: skip
    figure["data"] = [
        {"type": "bar", "name": t(f"nb_{name}"), "x": labels,
         "y": [sign * (r[name] or 0) for r in rows], "marker": {"color": color}}
        for name, color, sign in parts
    ]  # fmt: skip
    figure["layout"].update(barmode="relative", legend={"orientation": "h", "y": -0.2})
    return [figure]


_DEVIATIONS = ("skipped", "out_of_order", "backward", "unexpected")


def _conformance(result: Result, w: _Words) -> list[Figure]:
    found, t = result.extra.get("deviations") or {}, w.t
    kinds = [k for k in _DEVIATIONS if k in found]
    if not kinds:
        return []
    values = [found[k]["deviations"] for k in kinds]
    units = [found[k]["units"] for k in kinds]
    return [charts.bars(
        t("c_conformance"), [t(f"nb_{k}") for k in kinds], values, axis=t("axis_count"),
        texts=[f"{t.number(v)} · {t.number(u)} {w.unit}"
               for v, u in zip(values, units, strict=True)],
    )]  # fmt: skip


_BUILDERS: dict[str, Callable[[Result, _Words], list[Figure]]] = {
    "funnel": _funnel, "transitions": _transitions, "paths": _paths, "variants": _paths,
    "experience": _experience, "emotion": _emotion, "painpoints": _painpoints,
    "drivers": _drivers, "routes": _routes, "retention": _retention, "lifecycle": _lifecycle,
    "conformance": _conformance,
}  # fmt: skip
"""The kinds with a chart; the others (dropped, satisfaction, …) show their table alone."""


def figures_for(result: Result) -> list[Figure]:
    """The report's figures for ``result`` (none for kinds without a chart)."""
    build = _BUILDERS.get(result.kind)
    return build(result, _Words(result)) if build else []


def figure_for(result: Result) -> Figure | None:
    """The first of :func:`figures_for`, or ``None``."""
    return next(iter(figures_for(result)), None)


# -- HTML ------------------------------------------------------------------------------------


def _script_json(value: Any) -> str:
    """JSON that is inert inside a <script> element, whatever the names hold."""
    text = json.dumps(value, cls=PlotlyJSONEncoder, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _plotly_js() -> str:
    """plotly.js, in the first chart of the process only (Plotly's ``notebook`` renderer)."""
    if _Page.plotly_js_sent:
        return ""
    _Page.plotly_js_sent = True
    return ("<script type=\"text/javascript\">window.PlotlyConfig = {MathJaxConfig: 'local'};"
            f"</script>\n<script type=\"text/javascript\">{get_plotlyjs()}</script>\n")  # fmt: skip


_DRAW = """<div id="{id}" class="plotly-graph-div" style="height:{height}px; width:100%;"></div>
<script type="text/javascript">
(function () {{
  var figure = {figure}, tries = 0;
  function draw() {{
    var node = document.getElementById("{id}");
    if (node && window.Plotly) {{
      window.Plotly.newPlot("{id}", figure.data, figure.layout, {config});
    }} else if (tries++ < 400) {{
      setTimeout(draw, 50);
    }} else if (node) {{
      node.textContent = "no plotly.js: run recorrido.report.notebook.reset(), show it again";
    }}
  }}
  draw();
}})();
</script>
"""


def _chart_html(figure: Figure) -> str:
    return _DRAW.format(
        id=f"recorrido-{uuid.uuid4()}",
        height=int(figure["layout"].get("height", 360)),
        figure=_script_json({"data": figure["data"], "layout": figure["layout"]}),
        config=_script_json(_CONFIG),
    )


def _cell(value: object) -> str:
    return "" if value is None else f"{value:.4g}" if isinstance(value, float) else str(value)


def table_html(result: Result) -> str:
    """The result's first rows as an HTML table, every value escaped."""
    columns = result.table.column_names
    head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(_cell(row.get(c)))}</td>" for c in columns) + "</tr>"
        for row in result.rows()[:_TABLE_ROWS]
    )
    more = result.table.num_rows - _TABLE_ROWS
    t = _Words(result).t
    tail = f"<p>{html.escape(t('nb_more_rows', n=t.number(more)))}</p>" if more > 0 else ""
    caption = f"<caption>{html.escape(result.kind)}</caption>"
    return f"<table>{caption}<tr>{head}</tr>{body}</table>{tail}"


def notebook_html(result: Result, figures: list[Figure] | None = None) -> str:
    """Self-contained HTML: the result's charts (if its kind has any), then its table."""
    figures = figures_for(result) if figures is None else figures
    charts_html = (_plotly_js() + "".join(map(_chart_html, figures))) if figures else ""
    return f'<div class="recorrido-result">\n{charts_html}{table_html(result)}\n</div>'


def mimebundle(result: Result, include: Any = None, exclude: Any = None) -> dict[str, Any]:
    """Plotly's JSON of the first chart, the HTML and the text of ``result``, limited to the
    MIME types in ``include`` (all when empty) and not in ``exclude``."""

    def wanted(mime: str) -> bool:
        return (not include or mime in include) and not (exclude and mime in exclude)

    figures = figures_for(result) if wanted(PLOTLY_MIME) or wanted("text/html") else []
    bundle: dict[str, Any] = {}
    if figures and wanted(PLOTLY_MIME):
        plain = json.loads(json.dumps(figures[0], cls=PlotlyJSONEncoder))
        bundle[PLOTLY_MIME] = {**plain, "config": dict(_CONFIG)}
    if wanted("text/html"):
        bundle["text/html"] = notebook_html(result, figures)
    if wanted("text/plain"):
        bundle["text/plain"] = repr(result)
    return bundle
