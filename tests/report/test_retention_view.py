"""The report's retention heatmap leaves blank the weeks the data does not cover whole."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb

from recorrido import Journey

from .test_report import figures

WEEK = dt.timedelta(days=7)


def test_weeks_not_yet_whole_are_blank_and_left_out_of_the_reading(
    report_store: Path, reports: dict[str, str]
) -> None:
    with duckdb.connect(str(report_store), read_only=True) as con:
        found = con.execute("SELECT max(ts) FROM events").fetchone()
    assert found is not None
    end = found[0]
    with Journey(report_store) as journey:
        rows = journey.retention(period="week", periods=6).to_dict()["rows"]
    rate = {(dt.datetime.fromisoformat(r["cohort"]), r["period"]): r["rate"] for r in rows}
    cohorts = sorted({c for c, _ in rate})[-10:]
    heatmap = figures(reports["en"])["retention"]["data"][0]  # type: ignore[index]
    shown = heatmap["z"]
    assert len(shown) == len(cohorts)
    blank = 0
    for cohort, line in zip(cohorts, shown, strict=True):
        for period, value in enumerate(line):
            if cohort + (period + 1) * WEEK <= end:
                assert value == rate[(cohort, period)]
            else:
                assert value is None
                blank += 1
    assert blank > 0  # the latest cohorts' later weeks: the data ends before them
    complete = [v for (c, p), v in rate.items() if p == 1 and c + 2 * WEEK <= end]
    mean = round(100 * sum(complete) / len(complete))
    assert f"On average, {mean}% of a cohort is still active one week later" in reports["en"]
