"""``recorrido drivers STORE``: which experiences go with a worse NPS, conversion or churn."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.table import Table

from .. import _drivers
from .app import app
from .context import open_journey, out

__all__: list[str] = []


def _number(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{value:,.{digits}f}"


def _split(value: str | None) -> list[str] | None:
    return [part.strip() for part in value.split(",") if part.strip()] if value else None


@app.command()
def drivers(
    source: Path | None = typer.Argument(
        None, help="A store (.duckdb) [default: the configured store]."
    ),
    outcome: str = typer.Option("nps", "--outcome", "-o", help="nps, conversion or churn."),
    top: int | None = typer.Option(15, "--top", min=1, help="Show the N first drivers."),
    kinds: str | None = typer.Option(
        None,
        "--kinds",
        help="Only these kinds: bad_score, negative_comment, negative_theme, contact, repeat, "
        "long_wait (comma-separated).",
    ),
    churn_days: int = typer.Option(
        _drivers.CHURN_DAYS, "--churn-days", min=1, help="No purchase in the last N days: churned."
    ),
    min_exposed: int = typer.Option(
        _drivers.MIN_EXPOSED, "--min-exposed", min=1, help="People needed on each side to test."
    ),
    purchases: str | None = typer.Option(
        None, "--purchases", help="Purchase touchpoints, comma-separated (default: see docs)."
    ),
    map_file: Path | None = typer.Option(
        None, "--map", "-m", help="Journey map (default: journey.yaml by the store)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON (every driver tested)."),
) -> None:
    """Key drivers of NPS, conversion or churn, with effect sizes and a priority matrix."""
    options = {
        "outcome": outcome,
        "top": None if as_json else top,
        "kinds": _split(kinds),
        "churn_days": churn_days,
        "min_exposed": min_exposed,
        "purchases": _split(purchases),
    }
    with open_journey(source, map_file) as journey:
        result = _drivers.drivers(journey, options)
    if as_json:
        typer.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False, default=str))
        return
    for warning in result.warnings:
        out.print(f"warning: {warning}", markup=False)
    body = result.to_dict()
    unit = "NPS points" if outcome == "nps" else "percentage points"
    overall = "NPS" if outcome == "nps" else f"{outcome} rate %"
    out.print(
        f"{outcome}: {overall} {_number(body['overall'])} over {body['population']:,} people",
        markup=False,
    )
    table = Table(title=f"drivers of {outcome}", title_justify="left", show_edge=False)
    for name in ("#", "driver", "verdict", "people", "exposed", "baseline", "effect", "95% CI"):
        table.add_column(name, justify="left" if name in {"driver", "verdict"} else "right")
    for row in body["drivers"]:
        ci = row["ci95"]
        table.add_row(
            str(row["rank"]),
            row["label"],
            row["verdict"],
            f"{row['exposed']:,}",
            _number(row["exposed_value"]),
            _number(row["unexposed_value"]),
            _number(row["effect"]),
            "–" if ci is None else f"{ci[0]:.1f} … {ci[1]:.1f}",
        )
    out.print(table)
    matrix = Table(
        title="priority matrix (importance = correlation with the outcome, performance = "
        "mean satisfaction 0–100)",
        title_justify="left",
        show_edge=False,
    )
    for name in ("place", "quadrant", "importance", "performance", "people", "answers"):
        matrix.add_column(name, justify="left" if name in {"place", "quadrant"} else "right")
    for row in body["matrix"]:
        matrix.add_row(
            row["name"],
            row["quadrant"] or "(too few)",
            _number(row["importance"], 2),
            _number(row["performance"]),
            f"{row['people']:,}",
            f"{row['answers']:,}",
        )
    out.print(matrix)
    out.print(
        f"effect = exposed − baseline, in {unit}; baseline = the people at the same place who "
        "did not meet the driver (everyone, for contacts); bad score = CSAT 1–2, CES 5–7 or a "
        "rating in the bottom quarter; came back = 2+ events; long wait = slowest 10% of "
        "arrivals; verdict from a 5% false discovery rate; associations, not proof of cause",
        markup=False,
    )
