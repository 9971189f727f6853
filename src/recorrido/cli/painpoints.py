"""``recorrido painpoints STORE``: touchpoints or stages ranked as pain points, with evidence."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.table import Table

from .. import _painpoints
from .app import app
from .context import open_journey, out

__all__: list[str] = []


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.0f}%"


@app.command()
def painpoints(
    source: Path | None = typer.Argument(
        None,
        help="A store (.duckdb), or an events or feedback file read directly [default: the "
        "configured store].",
    ),
    level: str = typer.Option("touchpoint", "--level", help="touchpoint or stage."),
    top: int | None = typer.Option(None, "--top", min=1, help="Show the N worst places."),
    map_file: Path | None = typer.Option(
        None, "--map", "-m", help="Journey map (default: journey.yaml by the store)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Pain points: where people are lost, dissatisfied and complain, ranked 0–100."""
    with open_journey(source, map_file) as journey:
        result = _painpoints.painpoints(journey, {"level": level, "top": top})
    if as_json:
        typer.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False, default=str))
        return
    for warning in result.warnings:
        out.print(f"warning: {warning}", markup=False)
    body = result.to_dict()
    key = body["level"]
    table = Table(title=f"pain points by {key}", title_justify="left", show_edge=False)
    for name in (key, "score", "people", "drop", "dissatisfied", "negative", "value lost*"):
        table.add_column(name, justify="left" if name == key else "right")
    for row in body["painpoints"]:
        table.add_row(
            row[key],
            "–" if row["score"] is None else f"{row['score']:.1f}",
            f"{row['people']:,}",
            _pct(row["drop_rate"]),
            f"{_pct(row['dissatisfied'])} (n={row['answers']})",
            f"{_pct(row['negative_comments'])} (n={row['comments']})",
            "–" if row["value_lost"] is None else f"{row['value_lost']:,.0f}",
        )
    out.print(table)
    for row in body["painpoints"][:3]:
        evidence = row["evidence"]
        out.print(f"\n{row[key]}:", markup=False)
        themes = ", ".join(
            f"{t['theme']} ({t['comments']})" for t in evidence["top_negative_themes"]
        )
        if themes:
            out.print(f"  negative themes: {themes}", markup=False)
        for quote in evidence["negative_comments"]:
            out.print(f"  “{quote}”", markup=False)
        nexts = ", ".join(f"{n['next']} {_pct(n['share'])}" for n in evidence["lost_went_next"])
        if nexts:
            out.print(f"  the people lost there went next to: {nexts}", markup=False)
    out.print(
        "\nscore = 100 × severity × √(people / max people); severity = weighted mean of drop "
        "(relative to the stage), dissatisfied share and negative comment share; "
        "*value lost = lost people × average order value (an estimate)",
        markup=False,
    )
