"""``python -m recorrido.report.screenshots STORE_FOLDER OUT``: the report of a store in both
languages, and a screenshot of its map and of each section, for the README (``make
screenshots``)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from ..journey import Journey
from .browser import screenshot
from .render import render_report
from .sections import SECTIONS

__all__ = ["take"]


def take(folder: Path, out: Path) -> list[Path]:
    """Screenshots ``out/report_<section>_<lang>.png`` of the store in ``folder``."""
    shots = []
    with tempfile.TemporaryDirectory() as work:
        for lang in ("es", "en"):
            with Journey(folder / "recorrido.duckdb") as journey:
                page = Path(work) / f"report_{lang}.html"
                page.write_text(render_report(journey, lang=lang), encoding="utf-8")
            for section in ("map", *(s for s, _, _ in SECTIONS)):
                png = out / f"report_{section}_{lang}.png"
                shots.append(screenshot(page, png, fragment=f"only-{section}", size=(1400, 1500)))
    return shots


if __name__ == "__main__":
    for shot in take(Path(sys.argv[1]), Path(sys.argv[2])):
        print(shot)
