"""The report's voice-of-the-customer sections: experience (scores per touchpoint and per
stage, weekly NPS and CSAT, comment themes with their sentiment) and pain points with their
drivers."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from ..analysis.experience import MIN_SAMPLE
from ..analysis.feedback_link import UNLINKED
from ..errors import RecorridoError
from ..voice.text import analyse_comments, theme_summary
from . import charts
from .blocks import Section, attempt, chart, empty, place_names, table, theme_name
from .experience_trend import experience_trend
from .facts import Facts
from .i18n import Text

if TYPE_CHECKING:
    from ..journey import Journey

__all__ = ["experience", "pain"]


def _experience_chart(
    t: Text, rows: list[dict[str, Any]], names: dict[str, str], metric: str
) -> dict[str, Any] | None:
    value_key = {"csat": "csat_mean", "nps": "nps", "ces": "ces"}[metric]
    found = [r for r in rows if r[f"{metric}_n"] and r[value_key] is not None]
    if not found:
        return None
    labels = [names.get(r["group"], r["group"]) for r in found]
    values = [r[value_key] for r in found]
    digits = 0 if metric == "nps" else 2
    texts = [
        f"{t.number(v, digits)} (n={t.number(r[f'{metric}_n'])})"
        for v, r in zip(values, found, strict=True)
    ]
    trusted = [r for r in found if r[f"{metric}_n"] >= MIN_SAMPLE] or found
    worst = (max if metric == "ces" else min)(trusted, key=lambda r: r[value_key])
    reading = t(
        f"r_{metric}",
        place=names.get(worst["group"], worst["group"]),
        value=t.number(worst[value_key], digits),
        n=t.number(worst[f"{metric}_n"]),
    )
    bad = {id(worst)}
    colors = [charts.BAD if id(r) in bad else charts.MAIN for r in found]
    figure = charts.bars(t(f"c_{metric}"), labels, values, axis=metric.upper(), texts=texts,
                         colors=colors)  # fmt: skip
    return chart(f"experience_{metric}", figure, reading)


def _score(t: Text, value: float | None, n: int, digits: int) -> str:
    return f"{t.number(value, digits)} ({t.number(n)})" if n else "–"


def _stages(facts: Facts, t: Text, names: dict[str, str]) -> Section:
    """NPS, CSAT and CES per stage (``Journey.experience("stage")``), the lowest named."""
    body = facts.once("experience_stage", lambda: facts.journey.experience("stage").to_dict())
    rows = [{**r, "name": names.get(r["group"], r["group"])} for r in body["rows"]]
    for r in rows:
        if r["group"] == UNLINKED:
            r["name"] = t("unlinked")
    table_rows = [
        [r["name"], t.number(r["answers"]), _score(t, r["nps"], r["nps_n"], 0),
         _score(t, r["csat_mean"], r["csat_n"], 2), _score(t, r["ces"], r["ces_n"], 2)]
        for r in rows
    ]  # fmt: skip
    parts = []
    for metric, key, digits in (("csat", "csat_mean", 2), ("nps", "nps", 0)):
        scored = [r for r in rows if r[f"{metric}_n"] and r[key] is not None]
        trusted = [r for r in scored if r[f"{metric}_n"] >= MIN_SAMPLE] or scored
        if trusted:
            low = min(trusted, key=lambda r: (r[key], -r[f"{metric}_n"]))
            value, n = t.number(low[key], digits), t.number(low[f"{metric}_n"])
            parts.append(t(f"r_stage_{metric}", stage=low["name"], value=value, n=n))
    header = [t("h_stage"), t("h_answers"), t("h_nps"), t("h_csat"), t("h_ces")]
    return {**empty(), "tables": [table(t("c_stages"), header, table_rows, t.sentence(parts))]}


def _trend_reading(t: Text, metric: str, blocks: list[dict[str, Any]], last_day: str) -> str:
    """The last 4 weeks against the 4 before (answers pooled over each block)."""
    key, digits = {"nps": ("nps", 0), "csat": ("csat_mean", 2)}[metric]
    last, before = blocks[-1], blocks[-2]
    values = {
        "metric": metric.upper(),
        "after": t.number(last[key], digits),
        "n": t.number(last[f"{metric}_n"]),
        "start": t.date(last["start"]),
        "end": last_day,
    }
    if not last[f"{metric}_n"]:
        return t("r_trend_none", metric=values["metric"], start=values["start"], end=last_day)
    if not before[f"{metric}_n"]:
        return t("r_trend_only", **values)
    values.update(before=t.number(before[key], digits), n_before=t.number(before[f"{metric}_n"]))
    few = min(last[f"{metric}_n"], before[f"{metric}_n"]) < MIN_SAMPLE
    return t("r_trend_few" if few else "r_trend", **values)


def _trends(facts: Facts, t: Text) -> Section:
    """NPS and CSAT per 7-day week over the last 12 weeks of answers, one chart each."""
    trend = experience_trend(facts)
    found = empty()
    last_day = t.date(trend.end - dt.timedelta(days=1))
    x = [week["start"].date().isoformat() for week in trend.weeks]
    for metric, key, digits in (("nps", "nps", 0), ("csat", "csat_mean", 2)):
        if not any(week[f"{metric}_n"] for week in trend.weeks):
            continue
        values = [week[key] for week in trend.weeks]
        hover = [
            f"{t.date(week['start'])}: {t.number(week[key], digits)} "
            f"({t('n_people', n=t.number(week[f'{metric}_n']))})"
            for week in trend.weeks
        ]
        figure = charts.lines(
            t(f"c_trend_{metric}", end=last_day),
            x,
            [(metric.upper(), values, hover)],
            axis=metric.upper(),
            x_axis=t("axis_week"),
            x_labels=[t.date(week["start"]) for week in trend.weeks],
        )
        reading = _trend_reading(t, metric, trend.blocks[-2:], last_day)
        found["charts"].append(chart(f"experience_trend_{metric}", figure, reading))
    return found


def _themes(journey: Journey, t: Text) -> Section:
    assert journey.store is not None
    feedback = journey.store.table("feedback")
    texts = feedback.filter(feedback.comment.notnull()).select("comment", "language")
    analysed = analyse_comments(texts.to_pyarrow())
    summary = theme_summary(analysed, top=1).to_pylist() if analysed.num_rows else []
    rows = [
        [theme_name(t, s["theme"]), t.number(s["comments"]), t.percent(s["share_negative"]),
         t.percent(s["positive"] / s["comments"]), t.number(s["mean_score"], 2),
         (s["representative"] or [""])[0]]
        for s in summary
    ]  # fmt: skip
    reading = ""
    if summary:
        top = summary[0]
        trusted = [s for s in summary if s["comments"] >= MIN_SAMPLE] or summary
        worst = max(trusted, key=lambda s: (s["share_negative"], s["comments"]))
        reading = t(
            "r_themes",
            theme=theme_name(t, top["theme"]),
            n=t.number(top["comments"]),
            negative=t.percent(top["share_negative"]),
            worst=theme_name(t, worst["theme"]),
            worst_negative=t.percent(worst["share_negative"]),
            worst_n=t.number(worst["comments"]),
        )
    header = [t("theme"), t("comments"), t("negative_share"), t("positive_share"),
              t("mean_sentiment"), t("example")]  # fmt: skip
    return {**empty(), "tables": [table(t("themes"), header, rows, reading)]}


def experience(facts: Facts, t: Text) -> Section:
    if not facts.count("feedback"):
        return {**empty(), "notes": [t("unavailable", reason=t("no_feedback"))]}
    names = place_names(facts.map)
    rows = facts.experience()["rows"]
    found = empty()
    for metric in ("csat", "nps", "ces"):
        if (found_chart := _experience_chart(t, rows, names, metric)) is not None:
            found["charts"].append(found_chart)
    attempt(found, t, lambda: _stages(facts, t, names))
    attempt(found, t, lambda: _trends(facts, t))
    attempt(found, t, lambda: _themes(facts.journey, t))
    return found


def pain(facts: Facts, t: Text) -> Section:
    journey = facts.journey
    names = place_names(facts.map)
    body = facts.painpoints()
    items = [p for p in body["painpoints"] if p["score"] is not None][:8]
    found = []
    if items:
        labels = [names.get(p["touchpoint"], p["touchpoint"]) for p in items]
        figure = charts.bars(
            t("c_pain"),
            labels,
            [p["score"] for p in items],
            axis="0–100",
            colors=[charts.BAD if i == 0 else charts.MAIN for i in range(len(items))],
            texts=[t.number(p["score"], 1) for p in items],
        )
        first = items[0]
        reading = t(
            "r_pain",
            place=labels[0],
            score=t.number(first["score"], 1),
            drop=t.percent(first["drop_rate"]),
            dissatisfied=t.percent(first["dissatisfied"]),
        )
        found.append(chart("painpoints", figure, reading))
    notes: list[str] = []
    try:
        found.extend(_drivers(journey, t, names))
    except RecorridoError as error:
        notes.append(t("unavailable", reason=str(error)))
    return {"charts": found, "tables": [], "notes": notes}


def _driver_place(t: Text, driver: dict[str, Any], names: dict[str, str]) -> str:
    if driver["kind"] == "negative_theme":
        return theme_name(t, str(driver["place"]))
    place = str(driver["place"])
    return names.get(place, place).replace("_", " ")


def _drivers(journey: Journey, t: Text, names: dict[str, str]) -> list[dict[str, Any]]:
    body = journey.drivers("churn").to_dict()
    hurts = [d for d in body["drivers"] if d["verdict"] == "hurts"][:8]
    found = []
    if hurts:
        labels = [t(f"d_{d['kind']}", place=_driver_place(t, d, names)) for d in hurts]
        figure = charts.bars(
            t("c_drivers"),
            labels,
            [d["effect"] for d in hurts],
            axis="pp",
            colors=[charts.BAD] * len(hurts),
            texts=[f"{t.signed(d['effect'], 1)} pp (n={t.number(d['exposed'])})" for d in hurts],
        )
        first = hurts[0]
        reading = t(
            "r_drivers",
            driver=labels[0],
            exposed=t.percent(first["exposed_value"] / 100),
            baseline=t.percent(first["unexposed_value"] / 100),
        )
        found.append(chart("drivers", figure, reading))
    points = [m for m in body["matrix"] if m["quadrant"] is not None]
    if points:
        for p in points:
            p["name"] = names.get(p["place"], p["name"])
            p["hover"] = (
                f"{p['name']}: r={t.number(p['importance'], 2)}, "
                f"{t.number(p['performance'])}/100, {t('q_' + p['quadrant'])}"
            )
        cut_i = sum(p["importance"] for p in points) / len(points)
        cut_p = sum(p["performance"] for p in points) / len(points)
        figure = charts.matrix(
            t("c_matrix"),
            points,
            axes=(t("axis_importance"), t("axis_performance")),
            cuts=(cut_i, cut_p),
        )
        first_fix = [p["name"] for p in points if p["quadrant"] == "fix_first"] or ["–"]
        found.append(chart("matrix", figure, t("r_matrix", places=", ".join(first_fix))))
    return found
