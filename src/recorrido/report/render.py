"""One self-contained HTML file: the journey map and the report's sections, with Plotly's
JavaScript embedded (no request leaves the page; it opens offline).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any

import jinja2
from markupsafe import Markup
from plotly.offline import get_plotlyjs
from plotly.utils import PlotlyJSONEncoder

from .._version import __version__
from ..requests import Scope
from .facts import Facts
from .i18n import Lang, Text
from .mapview import journey_map_view, persona_views
from .sections import SECTIONS, safely

if TYPE_CHECKING:
    from ..journey import Journey

__all__ = ["render_report"]

_ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("recorrido.report", "templates"),
    autoescape=jinja2.select_autoescape(["html", "j2"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


def _counts(journey: Journey) -> tuple[int, int, int, int]:
    """People with events (identities stitched, anonymous visitors too, as every analysis
    counts them), known customers (the people table), events and survey answers."""
    assert journey.store is not None
    con = journey.store.connection
    row = con.execute(
        "SELECT (SELECT count(*) FROM people), (SELECT count(*) FROM events), "
        "(SELECT count(*) FROM feedback)"
    ).fetchone()
    assert row is not None
    events = journey.events(Scope())
    units = journey._run(events.aggregate(n=events.person.nunique()))["n"][0].as_py()
    return int(units or 0), int(row[0]), int(row[1]), int(row[2])


def _script_json(value: Any) -> str:
    """JSON that is safe inside a <script> element."""
    text = json.dumps(value, cls=PlotlyJSONEncoder, ensure_ascii=False, separators=(",", ":"))
    return text.replace("</", "<\\/")


def render_report(
    journey: Journey,
    *,
    lang: Lang = "es",
    scope: str | None = None,
    today: dt.date | None = None,
    persona_scope: bool = False,
    map_only: bool = False,
) -> str:
    """The report of ``journey`` (a store and its map) as one HTML document: the journey map
    of all customers and one per persona (unless ``persona_scope``: the store holds one
    persona's people), then the sections (none with ``map_only``)."""
    assert journey.map is not None and journey.store is not None
    with journey.cached():  # the events are placed on the map once for every section
        return _render(
            journey, lang=lang, scope=scope, today=today, persona_scope=persona_scope,
            map_only=map_only,
        )  # fmt: skip


def _render(
    journey: Journey, *, lang: Lang, scope: str | None, today: dt.date | None,
    persona_scope: bool, map_only: bool,
) -> str:  # fmt: skip
    assert journey.map is not None and journey.store is not None
    t = Text(lang, currency=journey.map.meta.currency)
    facts = Facts(journey)
    view = journey_map_view(facts, t)
    maps = [{"id": "all", "name": t("map_all"), "columns": view["columns"]}]
    if not persona_scope:
        maps += persona_views(facts, t)
    sections = []
    figures: dict[str, Any] = {view["emotion"]["id"]: view["emotion"]["figure"]}
    for section_id, title, build in () if map_only else SECTIONS:
        body = safely(build, facts, t)
        for chart in body["charts"]:
            figures[chart["id"]] = chart["figure"]
        sections.append({"id": section_id, "title": t(title), **body})
    people, known, events, answers = _counts(journey)
    template = _ENV.get_template("report.html.j2")
    return template.render(
        t=t,
        lang=lang,
        business=journey.map.meta.name,
        scope=scope or t("all_time"),
        summary=t(
            "summary",
            people=t.number(people),
            known=t.number(known),
            events=t.number(events),
            answers=t.number(answers),
        ),
        generated=t("generated", date=t.date(today or dt.date.today())),
        columns=view["columns"] if events else [],
        maps=maps if events else [],
        emotion=view["emotion"],
        sections=sections,
        figures=Markup(_script_json(figures)),
        plotly_js=Markup(get_plotlyjs()),
        version=__version__,
    )
