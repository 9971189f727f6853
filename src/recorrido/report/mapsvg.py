"""The journey map drawn from the data as one standalone SVG, for slides and documents.

The same map as the report's (``journey_map_view``), in the same design: a column per stage
under its header; rows for the touchpoints in lanes by channel (people in each, the worst pain
points shaded), what the customer does, thinks, feels and expects, the emotion curve designed
against measured, pain points, opportunities with their status and KPIs against their target.
Plain SVG 1.1: text stays text, fonts are a family list ending in ``sans-serif``, nothing is
fetched, no scripts. Columns have a fixed width, so 30 stages stay legible (the drawing grows).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from . import charts
from .facts import Facts
from .i18n import Text
from .mapview import journey_map_view
from .svgtext import BODY, SMALL, Block, fit, leading, text_element, text_width, xml

__all__ = ["COLUMN_WIDTH", "map_svg"]

COLUMN_WIDTH = 220  # one stage
HEAD_WIDTH = 150  # the rows' names
MARGIN, PAD = 24, 10
INNER = COLUMN_WIDTH - 2 * PAD  # the text width inside a column
FONT = "Inter, 'Segoe UI', Helvetica, Arial, sans-serif"
INK, MUTED, LINE, SHADE = "#222", "#5c6370", "#e3e6ea", "#fafbfc"
BOXES = {False: ("#eef4f9", "#cfe0ee"), True: ("#fbeae6", "#eab3a6")}  # fill, stroke
PILLS = {  # background, text: the report's .pill and .mood colours
    "met": ("#dff3ef", "#1d6b61"),
    "done": ("#dff3ef", "#1d6b61"),
    "high": ("#dff3ef", "#1d6b61"),
    "not_met": ("#fbeae6", "#8e3a28"),
    "low": ("#fbeae6", "#8e3a28"),
    "in_progress": ("#fdf1d8", "#7a5300"),
    "planned": ("#fdf1d8", "#7a5300"),
    "mid": ("#eef0f3", "#444"),
    "none": ("#f6f7f9", "#999"),
}
UNIT = 26  # pixels per emotion point (−2…+2)


def _touchpoints(cell: Block, column: dict[str, Any]) -> None:
    for lane in column["lanes"]:
        cell.text(lane["channel"].upper(), size=SMALL, lines=2, fill=MUTED)
        for tp in lane["touchpoints"]:
            count = text_width(tp["people"], SMALL)
            name = fit(tp["name"], cell.width - 12 - count - 6, BODY, lines=3)
            height = leading(BODY) * max(1, len(name)) + 8
            fill, stroke = BOXES[bool(tp["pain"])]
            cell.parts.append(
                f"<g><title>{xml(tp['hover'])}</title>"
                f'<rect x="{cell.x:.1f}" y="{cell.y + 2:.1f}" width="{cell.width}" '
                f'height="{height:.1f}" rx="5" fill="{fill}" stroke="{stroke}"/>'
                + text_element(
                    cell.x + 6, cell.y + 6, name, size=BODY, leading=leading(BODY), fill=INK
                )
                + text_element(
                    cell.x + cell.width - 6,
                    cell.y + 6,
                    [tp["people"]],
                    size=SMALL,
                    leading=leading(BODY),
                    fill=MUTED,
                    anchor="end",
                )
                + "</g>"
            )
            cell.gap(height + 6)
        cell.gap(4)


def _scenario(key: str) -> Callable[[Block, dict[str, Any]], None]:
    def draw(cell: Block, column: dict[str, Any]) -> None:
        if column[key]:
            cell.text(column[key], lines=8)

    return draw


def _last(lines: Sequence[str]) -> float | None:
    """The width of the last line drawn, if any."""
    return text_width(lines[-1], BODY) if lines else None


def _pill(state: str) -> tuple[str, str]:
    return PILLS.get(state, ("#eee", INK))


def _pains(cell: Block, column: dict[str, Any]) -> None:
    for pain in column["pains"]:
        shown = cell.text(pain["name"], lines=3)
        cell.pill(pain["score"], _pill("not_met"), after=_last(shown))
        cell.gap(4)


def _opportunities(cell: Block, column: dict[str, Any]) -> None:
    for opportunity in column["opportunities"]:
        shown = cell.text(opportunity["text"], lines=5)
        cell.pill(opportunity["status"], _pill(opportunity["state"]), after=_last(shown))
        cell.gap(4)


def _kpis(cell: Block, column: dict[str, Any]) -> None:
    """Each KPI: its name, its value in bold and its target, and whether it meets it."""
    step = leading(BODY)
    for kpi in column["kpis"]:
        cell.text(f"{kpi['name']}:", lines=3)
        value = fit(kpi["value"], cell.width, BODY, lines=1, bold=True)[0]
        target = f"({kpi['target']})"
        width = text_width(f"{value} {target}", BODY, bold=True)
        if width <= cell.width:  # on one line
            y = cell.y + (step + 0.7 * BODY) / 2
            cell.parts.append(
                f'<text x="{cell.x:.1f}" y="{y:.1f}" font-size="{BODY}" fill="{MUTED}">'
                f'<tspan font-weight="bold" fill="{INK}">{xml(value)}</tspan> {xml(target)}</text>'
            )
            cell.gap(step)
            after: float | None = width
        else:
            cell.text(value, lines=1, bold=True)
            after = _last(cell.text(target, lines=2, fill=MUTED))
        cell.pill(kpi["label"], _pill(kpi["state"]), after=after)
        cell.gap(4)


class _Sheet:
    """The drawing, laid out top to bottom: a header column and one column per stage."""

    def __init__(self, columns: Sequence[dict[str, Any]], t: Text) -> None:
        self.columns, self.t = columns, t
        self.width = 2 * MARGIN + HEAD_WIDTH + COLUMN_WIDTH * len(columns)
        self.y: float = MARGIN
        self.back: list[str] = []
        self.head: list[str] = []
        self.stages: list[list[str]] = [[] for _ in columns]
        self.front: list[str] = []

    def left(self, index: int) -> float:
        return MARGIN + HEAD_WIDTH + COLUMN_WIDTH * index

    def free(self, text: str, *, size: float, lines: int, fill: str, bold: bool = False) -> None:
        """A paragraph across the whole drawing."""
        cell = Block(MARGIN, self.y, self.width - 2 * MARGIN)
        cell.text(text, size=size, lines=lines, fill=fill, bold=bold)
        self.front.extend(cell.parts)
        self.y += cell.height

    def stage_headers(self) -> None:
        cells = [Block(self.left(i) + PAD, self.y + 8, INNER) for i in range(len(self.columns))]
        for cell, column in zip(cells, self.columns, strict=True):
            cell.text(column["name"], size=14, lines=4, fill="#fff", bold=True)
        height = max((c.height for c in cells), default=0) + 16
        for index, (cell, column) in enumerate(zip(cells, self.columns, strict=True)):
            self.stages[index].append(
                f'<g><title>{xml(column["name"])}</title><rect x="{self.left(index) + 1}" '
                f'y="{self.y:.1f}" width="{COLUMN_WIDTH - 2}" height="{height:.1f}" rx="6" '
                f'fill="{charts.MAIN}"/>{"".join(cell.parts)}</g>'
            )
        self.y += height

    def row(self, label: str, draw: Callable[[Block, dict[str, Any]], None]) -> None:
        head = Block(MARGIN + PAD, self.y + PAD, HEAD_WIDTH - 2 * PAD)
        head.text(label, lines=3, fill=MUTED, bold=True)
        cells = [Block(self.left(i) + PAD, self.y + PAD, INNER) for i in range(len(self.columns))]
        for cell, column in zip(cells, self.columns, strict=True):
            draw(cell, column)
        height = max(head.height, *(c.height for c in cells)) + 2 * PAD
        self._close(head, cells, height)

    def _close(self, head: Block, cells: Sequence[Block], height: float) -> None:
        self.back.append(
            f'<rect x="{MARGIN}" y="{self.y:.1f}" width="{HEAD_WIDTH}" height="{height:.1f}" '
            f'fill="{SHADE}"/><line x1="{MARGIN}" x2="{self.width - MARGIN}" '
            f'y1="{self.y + height:.1f}" y2="{self.y + height:.1f}" stroke="{LINE}"/>'
        )
        self.head.extend(head.parts)
        for index, cell in enumerate(cells):
            self.stages[index].extend(cell.parts)
        self.y += height

    def emotion(self, designed: Sequence[float | None], measured: Sequence[float | None]) -> None:
        """Both curves across the columns on −2…+2, and each stage's values under them."""
        t, top = self.t, self.y + PAD
        head = Block(MARGIN + PAD, top, HEAD_WIDTH - 2 * PAD - 30)
        head.text(t("row_emotion"), lines=2, fill=MUTED, bold=True)
        for name, colour, dash in (
            (t("designed"), charts.GREY, ' stroke-dasharray="6 4"'),
            (t("measured"), charts.MAIN, ""),
        ):
            y = head.y + leading(SMALL) / 2 + 2
            head.parts.append(
                f'<line x1="{head.x}" x2="{head.x + 20}" y1="{y:.1f}" '
                f'y2="{y:.1f}" stroke="{colour}" stroke-width="2"{dash}/>'
            )
            shown = fit(name, head.width - 26, SMALL, lines=1)
            head.parts.append(
                text_element(
                    head.x + 26, head.y + 2, shown, size=SMALL, leading=leading(SMALL), fill=MUTED
                )
            )
            head.gap(leading(SMALL) + 2)
        plot = top + 0.2 * UNIT + 6

        def y_of(value: float) -> float:
            return plot + (2 - max(-2.2, min(2.2, value))) * UNIT

        for level in range(-2, 3):
            y = y_of(level)
            self.back.append(
                f'<line x1="{self.left(0)}" x2="{self.width - MARGIN}" y1="{y:.1f}" '
                f'y2="{y:.1f}" stroke="{"#bbb" if level == 0 else "#eee"}"/>'
            )
            head.parts.append(
                text_element(
                    MARGIN + HEAD_WIDTH - 6,
                    y - 8,
                    [t.signed(level)],
                    size=SMALL,
                    leading=16,
                    fill=MUTED,
                    anchor="end",
                )
            )
        centre = [self.left(i) + COLUMN_WIDTH / 2 for i in range(len(self.columns))]
        for values, colour, extra, radius in (
            (designed, charts.GREY, ' stroke-width="2" stroke-dasharray="6 4"', 4),
            (measured, charts.MAIN, ' stroke-width="3"', 5),
        ):
            points = [(x, y_of(v)) for x, v in zip(centre, values, strict=True) if v is not None]
            if len(points) > 1:
                joined = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
                self.front.append(
                    f'<polyline points="{joined}" fill="none" stroke="{colour}"'
                    f' stroke-linejoin="round"{extra}/>'
                )
            self.front.extend(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius}" fill="{colour}"/>'
                for x, y in points
            )
        below = plot + 4.2 * UNIT + 6
        cells = [Block(self.left(i) + PAD, below, INNER) for i in range(len(self.columns))]
        for cell, column in zip(cells, self.columns, strict=True):
            self._faces(cell, column)
        height = max(head.y, *(c.y for c in cells)) + PAD - self.y
        self._close(head, cells, height)

    def _faces(self, cell: Block, column: dict[str, Any]) -> None:
        """``designed → measured`` in their moods' colours, as the report's map shows them."""
        t, middle = self.t, cell.x + cell.width / 2
        spans = "".join(
            f'<tspan fill="{PILLS[column[mood]][1]}">{xml(column[key])}</tspan>{gap}'
            for key, mood, gap in (
                ("designed", "designed_mood", " → "),
                ("measured", "measured_mood", ""),
            )
        )
        y = cell.y + (leading(14) + 0.7 * 14) / 2
        cell.parts.append(
            f'<text x="{middle:.1f}" y="{y:.1f}" font-size="14" '
            f'font-weight="bold" text-anchor="middle" fill="{INK}">{spans}</text>'
        )
        cell.gap(leading(14))
        legend = fit(f"{t('designed')} → {t('measured')}", cell.width, SMALL, lines=1)
        step = leading(SMALL)
        cell.parts.append(
            text_element(
                middle, cell.y, legend, size=SMALL, leading=step, fill=MUTED, anchor="middle"
            )
        )
        cell.gap(step)

    def legend(self, t: Text) -> None:
        """What the boxes' numbers and shading mean."""
        self.y += 12
        for pain, key in ((False, "svg_people"), (True, "svg_pain")):
            fill, stroke = BOXES[pain]
            self.front.append(
                f'<rect x="{MARGIN}" y="{self.y + 2}" width="28" height="14" '
                f'rx="4" fill="{fill}" stroke="{stroke}"/>'
            )
            cell = Block(MARGIN + 36, self.y, self.width - 2 * MARGIN - 36)
            cell.text(t(key), size=SMALL, lines=2, fill=MUTED)
            self.front.extend(cell.parts)
            self.y += max(cell.height, 18) + 2

    def svg(self, title: str) -> str:
        height = round(self.y + MARGIN)
        clips = "".join(
            f'<clipPath id="clip-{i}"><rect x="{self.left(i)}" y="0" width="{COLUMN_WIDTH}" '
            f'height="{height}"/></clipPath>'
            for i in range(len(self.columns))
        )
        groups = "".join(
            f'<g id="stage-{column["id"]}" clip-path="url(#clip-{i})">{"".join(parts)}</g>\n'
            for i, (column, parts) in enumerate(zip(self.columns, self.stages, strict=True))
        )
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{self.width}" '
            f'height="{height}" viewBox="0 0 {self.width} {height}">\n'
            f"<title>{xml(title)}</title>\n<defs>{clips}</defs>\n"
            f'<g font-family="{FONT}">\n<rect width="{self.width}" height="{height}" '
            f'fill="#fff"/>\n{"".join(self.back)}\n{groups}<g id="rows">{"".join(self.head)}</g>\n'
            f"{''.join(self.front)}\n</g>\n</svg>\n"
        )


def map_svg(facts: Facts, t: Text, *, scope: str | None = None) -> str:
    """The journey map of ``facts`` in ``t``'s language, as a standalone SVG document;
    ``scope`` names the period or persona the store was trimmed to, under the title."""
    view = journey_map_view(facts, t)
    columns = view["columns"]
    sheet = _Sheet(columns, t)
    title = f"{t('title')} · {facts.map.meta.name}"
    sheet.free(title, size=20, lines=2, fill=INK, bold=True)
    if scope:
        sheet.free(scope, size=BODY, lines=2, fill=INK, bold=True)
    if not facts.count("events"):
        sheet.free(t("unavailable", reason=t("no_events")), size=BODY, lines=3, fill=MUTED)
    sheet.y += 12
    sheet.stage_headers()
    sheet.row(t("row_touchpoints"), _touchpoints)
    for key in ("does", "thinks", "feels", "expects"):
        sheet.row(t(f"row_{key}"), _scenario(key))
    lines = view["emotion"]["figure"]["data"]  # designed, then measured (charts.emotion_lines)
    sheet.emotion(list(lines[0]["y"]), list(lines[1]["y"]))
    sheet.row(t("row_pain"), _pains)
    sheet.row(t("row_opportunities"), _opportunities)
    sheet.row(t("row_kpis"), _kpis)
    sheet.y += 12
    sheet.free(view["emotion"]["reading"], size=BODY, lines=3, fill=INK)
    sheet.legend(t)
    return sheet.svg(title)
