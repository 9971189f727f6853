"""``recorrido experience STORE``: NPS, CSAT, CES per touchpoint, stage, persona, channel or
period; the emotion curve (``--emotion``); journey-level satisfaction (``--drivers``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow.csv as pa_csv
import typer
from rich.table import Table

from .. import _experience
from ..analysis.experience import MIN_SAMPLE
from ..errors import UsageError
from ..results import Result
from .app import app
from .context import open_journey, out

__all__: list[str] = []


@app.command()
def experience(
    source: Path | None = typer.Argument(
        None,
        help="A store (.duckdb) with survey answers, or a feedback file (CSV, Parquet, JSON "
        "Lines) read directly [default: the configured store].",
    ),
    by: str = typer.Option(
        "touchpoint", "--by", help="touchpoint, stage, persona, channel, period or none."
    ),
    period: str = typer.Option("week", "--period", help="With --by period: day or week."),
    min_sample: int = typer.Option(
        MIN_SAMPLE, "--min-sample", help="Flag metrics from fewer answers as low sample."
    ),
    emotion: bool = typer.Option(
        False, "--emotion", help="The emotion curve instead: designed vs measured per stage."
    ),
    drivers: bool = typer.Option(
        False,
        "--drivers",
        help="Journey-level satisfaction per person and each touchpoint's correlation with NPS "
        "(recorrido drivers: effects on NPS, conversion and churn).",
    ),
    map_file: Path | None = typer.Option(
        None, "--map", "-m", help="Journey map (default: journey.yaml by the store)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    csv: Path | None = typer.Option(None, "--csv", help="Also write the table to this CSV file."),
) -> None:
    """Customer experience from surveys: NPS, CSAT and CES where people met the brand."""
    if emotion and drivers:
        raise UsageError(
            "--emotion and --drivers are two views: ask for them in separate commands",
            code="usage_experience_views",
        )
    with open_journey(source, map_file) as journey:
        if emotion:
            result = _experience.emotion(journey, {"min_sample": min_sample})
        elif drivers:
            result = _experience.satisfaction(journey, {})
        else:
            options = {"by": by, "period": period, "min_sample": min_sample}
            result = _experience.experience(journey, options)
    if csv is not None:
        pa_csv.write_csv(result.to_arrow(), csv)
    if as_json:
        typer.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False, default=str))
        return
    for warning in result.warnings:
        out.print(f"warning: {warning}", markup=False)
    if emotion:
        _show_curve(result)
    elif drivers:
        _show_drivers(result)
    else:
        _show_metrics(result, min_sample)
    if csv is not None:
        out.print(f"wrote {csv}")


def _number(value: Any, pattern: str = "{:.2f}") -> str:
    return "" if value is None else pattern.format(value)


def _flagged(text: str, low: bool) -> str:
    return f"{text}*" if text and low else text


_COLUMNS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "nps": (("NPS", "nps", "{:+.0f}"), ("95% CI", "", ""), ("n", "nps_n", "{:,}")),
    "csat": (("CSAT", "csat", "{:.0%}"), ("mean", "csat_mean", "{:.2f}"), ("n", "csat_n", "{:,}")),
    "ces": (("CES", "ces", "{:.2f}"), ("easy", "ces_easy", "{:.0%}"), ("n", "ces_n", "{:,}")),
    "rating": (("rating", "rating", "{:.2f}"), ("n", "rating_n", "{:,}")),
}
"""Per metric, the columns of the text table: heading, row key and format."""


def _show_metrics(result: Result, min_sample: int) -> None:
    by = result.extra["by"]
    rows = result.rows()
    metrics = [m for m in _COLUMNS if any(row[f"{m}_n"] for row in rows)]
    table = Table(title=f"experience by {by}", title_justify="left", show_edge=False)
    table.add_column(by if by != "none" else "group")
    for metric in metrics:
        for heading, _, _ in _COLUMNS[metric]:
            table.add_column(heading, justify="right")
    for row in rows:
        cells = [_day(str(row["group"]))]
        for metric in metrics:
            for _, key, pattern in _COLUMNS[metric]:
                if not key:  # the interval of the NPS
                    low, high = row["nps_ci_low"], row["nps_ci_high"]
                    cells.append("" if low is None else f"{low:+.0f}…{high:+.0f}")
                elif key == metric:
                    cells.append(_flagged(_number(row[key], pattern), row[f"{metric}_low"]))
                else:
                    cells.append(_number(row[key], pattern) if row[f"{metric}_n"] else "")
        table.add_row(*cells)
    out.print(table)
    out.print(
        "NPS: % promoters (9–10) − % detractors (0–6); CSAT: share of 4–5, mean 1–5; CES: mean "
        f"effort 1–7, easy = share of 1–3; n answers; * fewer than {min_sample} answers",
        markup=False,
    )
    if by == "period":
        out.print(_comparison_text(result.extra.get("comparison")), markup=False)


def _change(metric: str, value: float) -> str:
    """A difference in the metric's units: NPS points, CSAT percentage points, CES and
    rating scale points."""
    if metric == "nps":
        return f"{value:+.1f}"
    if metric == "csat":
        return f"{value * 100:+.1f} pp"
    return f"{value:+.2f}"


def _day(value: str) -> str:
    """Periods start at midnight UTC: show the day."""
    return value.removesuffix("T00:00:00")


def _comparison_text(comparison: dict[str, Any] | None) -> str:
    if comparison is None:
        return "no answers: nothing to compare"
    partial = " (partial: the data end before this period ends)" if comparison["partial"] else ""
    lines = [
        f"period {_day(comparison['latest'])}{partial} against {_day(comparison['previous'])}:"
    ]
    for name, entry in comparison["metrics"].items():
        if entry["difference"] is None:
            lines.append(f"  {name}: no answers in one of the periods")
            continue
        change = _change(name, entry["difference"])
        if entry["p_value"] is None:
            lines.append(
                f"  {name}: {change}; no test possible (fewer than 2 answers, or no spread)"
            )
            continue
        verdict = "significant" if entry["significant"] else "not significant"
        low, high = (_change(name, bound) for bound in entry["ci95"])
        lines.append(
            f"  {name}: {change} (95% CI {low} to {high}), p = {entry['p_value']:.3g}: "
            f"{verdict} at the 5% level"
        )
    return "\n".join(lines)


def _curve_line(designed: int | None, measured: float | None) -> str:
    """A 17-character axis from −2 to +2: ○ designed, ● measured, ◉ both."""
    cells = ["·"] * 17
    spots = {}
    if designed is not None:
        spots["○"] = round((designed + 2) * 4)
    if measured is not None:
        spots["●"] = round((max(-2.0, min(2.0, measured)) + 2) * 4)
    for mark, spot in spots.items():
        cells[spot] = "◉" if cells[spot] != "·" else mark
    return "".join(cells)


def _show_curve(result: Result) -> None:
    table = Table(title="emotion curve (−2…+2)", title_justify="left", show_edge=False)
    for name in ("stage", "designed", "measured", "gap", "answers", "−2 … 0 … +2"):
        table.add_column(name, justify="left" if name in ("stage", "−2 … 0 … +2") else "right")
    for point in result.rows():
        table.add_row(
            point["stage"],
            _number(point["designed"], "{:+d}"),
            _flagged(_number(point["measured"], "{:+.2f}"), point["low_sample"]),
            _number(point["gap"], "{:+.2f}"),
            f"{point['answers']:,}",
            _curve_line(point["designed"], point["measured"]),
        )
    out.print(table)
    out.print(
        "○ designed (scenarios), ● measured, ◉ both; * fewer than "
        f"{result.request['min_sample']} answers",
        markup=False,
    )


def _show_drivers(result: Result) -> None:
    people = result.rows()
    scored = [p["satisfaction"] for p in people if p["satisfaction"] is not None]
    mean = sum(scored) / len(scored) if scored else None
    with_nps = sum(1 for p in people if p["nps"] is not None)
    out.print(
        f"{len(people):,} people answered; mean journey-level satisfaction "
        f"{_number(mean)} (0–1); {with_nps:,} of them gave an NPS score",
        markup=False,
    )
    table = Table(
        title="satisfaction and NPS, per touchpoint and over the journey",
        title_justify="left",
        show_edge=False,
    )
    for name in ("touchpoint", "people", "satisfaction", "NPS score", "correlation"):
        table.add_column(name, justify="left" if name == "touchpoint" else "right")
    for row in result.extra["drivers"]:
        table.add_row(
            row["touchpoint"],
            f"{row['people']:,}",
            _number(row["satisfaction"]),
            _number(row["nps"], "{:.1f}"),
            _number(row["correlation"], "{:+.2f}"),
        )
    out.print(table)
    out.print(
        "satisfaction: the people's mean CSAT/CES/rating there on 0–1; NPS score: their mean "
        "0–10 answer; correlation: Pearson's r between the two",
        markup=False,
    )
