"""Reference: key drivers (``recorrido.analysis.drivers``), written for clarity from its
docstrings.

Rows are plain dicts: journey events at touchpoint level (``person``, ``ts``, ``seq``,
``label``: the touchpoint, None when unmapped) and scored answers (the rows of
:func:`tests.reference.experience.score`: ``person``, ``ts``, ``seq``, ``metric``, ``score``,
``touchpoint``, ``stage``, ``problem``, ``satisfaction``).
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any

Row = dict[str, Any]

MIN_WAITS = 10
RATED = ("csat", "ces", "rating")
OUTCOMES = ("nps", "conversion", "churn")

# -- the person's outcomes ---------------------------------------------------------------------


def _valid(answers: Iterable[Row]) -> list[Row]:
    """Answers every driver reads: no problem, and a person to follow."""
    return [a for a in answers if a["problem"] is None and a["person"] is not None]


def _placed(events: Iterable[Row]) -> list[Row]:
    return [e for e in events if e["person"] is not None and e["label"] is not None]


def person_outcomes(
    events: Sequence[Row],
    answers: Iterable[Row],
    purchases: Collection[str],
    conversions: Collection[str],
) -> list[Row]:
    """Per person with a placed event or a valid NPS answer: the latest NPS by (ts, seq),
    the first and last purchase, the first conversion."""
    placed = _placed(events)
    latest: dict[str, Row] = {}
    for a in _valid(answers):
        if a["metric"] != "nps":
            continue
        before = latest.get(a["person"])
        if before is None or (a["ts"], a["seq"]) > (before["ts"], before["seq"]):
            latest[a["person"]] = a
    rows = []
    for person in {e["person"] for e in placed} | set(latest):
        mine = [e for e in placed if e["person"] == person]
        buys = [e["ts"] for e in mine if e["label"] in purchases]
        converts = [e["ts"] for e in mine if e["label"] in conversions]
        nps = latest.get(person)
        rows.append(
            {
                "person": person,
                "nps": None if nps is None else float(nps["score"]),
                "nps_ts": None if nps is None else nps["ts"],
                "first_buy": min(buys, default=None),
                "last_buy": max(buys, default=None),
                "converted_at": min(converts, default=None),
            }
        )
    return rows


# -- exposures ---------------------------------------------------------------------------------


def place_of(a: Row) -> str | None:
    """Where an answer is about: its touchpoint, else its stage."""
    return a["touchpoint"] if a["touchpoint"] is not None else a["stage"]


def is_bad(a: Row) -> bool:
    """A CSAT 1–2, a CES 5–7 or a rating in the bottom quarter of its scale."""
    return (
        (a["metric"] == "csat" and a["score"] <= 2)
        or (a["metric"] == "ces" and a["score"] >= 5)
        or (a["metric"] == "rating" and a["satisfaction"] <= 0.25)
    )


def nearest_rank(values: Sequence[int], numerator: int, denominator: int) -> int:
    """The nearest-rank quantile ``numerator/denominator`` of ``values``: the value of rank
    ceil(q·n), 1-based, in sorted order."""
    rank = -(-numerator * len(values) // denominator)
    return sorted(values)[rank - 1]


def _micros(start: dt.datetime, end: dt.datetime) -> int:
    return (end - start) // dt.timedelta(microseconds=1)


def driver_exposures(events: Sequence[Row], answers: Iterable[Row]) -> list[Row]:
    """Per person and driver, the first time the person met it."""
    first: dict[tuple[str, str, str], dt.datetime] = {}

    def meet(person: str, kind: str, place: str, ts: dt.datetime) -> None:
        key = (person, kind, place)
        if key not in first or ts < first[key]:
            first[key] = ts

    for a in _valid(answers):
        place = place_of(a)
        if a["metric"] in RATED and place is not None:
            meet(a["person"], "answered", place, a["ts"])
            if is_bad(a):
                meet(a["person"], "bad_score", place, a["ts"])

    journeys: dict[str, list[Row]] = defaultdict(list)
    for e in _placed(events):
        journeys[e["person"]].append(e)
    # the first visits that have a previous placed event, per touchpoint: (person, ts, gap)
    gaps: dict[str, list[tuple[str, dt.datetime, int]]] = defaultdict(list)
    for person, journey in journeys.items():
        journey.sort(key=lambda e: (e["ts"], e["seq"]))
        visits: dict[str, int] = defaultdict(int)
        for i, e in enumerate(journey):
            label = e["label"]
            visits[label] += 1
            if visits[label] == 1:
                meet(person, "contact", label, e["ts"])
                if i > 0:
                    gaps[label].append((person, e["ts"], _micros(journey[i - 1]["ts"], e["ts"])))
            elif visits[label] == 2:
                meet(person, "repeat", label, e["ts"])
    for label, waits in gaps.items():
        if len(waits) < MIN_WAITS:
            continue
        p90 = nearest_rank([gap for _, _, gap in waits], 9, 10)
        for person, ts, gap in waits:
            if gap > p90:
                meet(person, "long_wait", label, ts)

    return [
        {"person": person, "driver": f"{kind}:{place}", "kind": kind, "place": place, "ts": ts}
        for (person, kind, place), ts in first.items()
    ]


# -- counts ------------------------------------------------------------------------------------


def flags(o: Row, horizon: dt.datetime) -> dict[str, bool]:
    """Who is in each outcome's population and who has the outcome."""
    in_churn = o["first_buy"] is not None and o["first_buy"] < horizon
    return {
        "in_nps": o["nps"] is not None,
        "promoter": o["nps"] is not None and o["nps"] >= 9,
        "detractor": o["nps"] is not None and o["nps"] <= 6,
        "converted": o["converted_at"] is not None,
        "in_churn": in_churn,
        "churned": in_churn and o["last_buy"] < horizon,
    }


def exposed_before(o: Row, ts: dt.datetime, horizon: dt.datetime) -> dict[str, bool]:
    """Whether something at ``ts`` came before each outcome of the person ``o``: at or
    before the latest NPS answer; strictly before the first conversion (or never
    converting); strictly before the churn horizon, for buyers before it."""
    f = flags(o, horizon)
    return {
        "nps": f["in_nps"] and ts <= o["nps_ts"],
        "conversion": o["converted_at"] is None or ts < o["converted_at"],
        "churn": f["in_churn"] and ts < horizon,
    }


def _tallies(people: Iterable[tuple[dict[str, bool], dict[str, bool]]]) -> Row:
    counts = dict.fromkeys(
        ("nps_n", "promoters", "detractors", "conversion_n", "converted", "churn_n", "churned"), 0
    )
    for f, counted in people:
        if counted["nps"]:
            counts["nps_n"] += 1
            counts["promoters"] += f["promoter"]
            counts["detractors"] += f["detractor"]
        if counted["conversion"]:
            counts["conversion_n"] += 1
            counts["converted"] += f["converted"]
        if counted["churn"]:
            counts["churn_n"] += 1
            counts["churned"] += f["churned"]
    return counts


def outcome_totals(outcomes: Iterable[Row], horizon: dt.datetime) -> Row:
    """One row: each outcome's population and how many have the outcome."""
    people = []
    for o in outcomes:
        f = flags(o, horizon)
        people.append((f, {"nps": f["in_nps"], "conversion": True, "churn": f["in_churn"]}))
    return _tallies(people)


def driver_counts(
    exposures: Iterable[Row], outcomes: Iterable[Row], horizon: dt.datetime
) -> list[Row]:
    """Per driver, the outcome tallies over the people exposed before each outcome."""
    by_person = {o["person"]: o for o in outcomes}
    groups: dict[tuple[str, str, str], list[tuple[dict[str, bool], dict[str, bool]]]]
    groups = defaultdict(list)
    for x in exposures:
        o = by_person.get(x["person"])
        if o is None:
            continue
        key = (x["driver"], x["kind"], x["place"])
        groups[key].append((flags(o, horizon), exposed_before(o, x["ts"], horizon)))
    return [
        {"driver": driver, "kind": kind, "place": place, **_tallies(people)}
        for (driver, kind, place), people in groups.items()
    ]


# -- the priority matrix -----------------------------------------------------------------------


def pearson_rows(pairs: Iterable[Row], by: str, x: str, y: str) -> list[Row]:
    """Per ``by`` group: rows, the means and Pearson's r in two passes (None below 2 rows or
    when a side is constant)."""
    groups: dict[Any, list[tuple[float, float]]] = defaultdict(list)
    for row in pairs:
        groups[row[by]].append((row[x], row[y]))
    return [{by: key, **pearson(values)} for key, values in groups.items()]


def pearson(pairs: Sequence[tuple[float, float]]) -> Row:
    xs, ys = [p[0] for p in pairs], [p[1] for p in pairs]
    n = len(pairs)
    mx, my = sum(xs) / n, sum(ys) / n
    r = None
    if n >= 2 and min(xs) < max(xs) and min(ys) < max(ys):
        sxy = sum((a - mx) * (b - my) for a, b in pairs)
        sxx, syy = sum((a - mx) ** 2 for a in xs), sum((b - my) ** 2 for b in ys)
        r = max(-1.0, min(1.0, sxy / math.sqrt(sxx * syy)))
    return {"people": n, "mean_x": mx, "mean_y": my, "correlation": r}


def outcome_value(o: Row, outcome: str, horizon: dt.datetime) -> float:
    """The outcome a person's satisfaction is correlated with: the NPS score; 1 converted;
    1 still buying at or after the horizon."""
    f = flags(o, horizon)
    if outcome == "nps":
        return float(o["nps"])
    if outcome == "conversion":
        return 1.0 if f["converted"] else 0.0
    return 0.0 if f["churned"] else 1.0


def place_correlations(
    answers: Iterable[Row], outcomes: Iterable[Row], outcome: str, horizon: dt.datetime
) -> list[Row]:
    """Per place with a valid CSAT, CES or rating answer: answers, mean satisfaction, and
    the correlation of each person's mean satisfaction there (answers before the outcome)
    with the outcome."""
    assert outcome in OUTCOMES
    by_person: Mapping[str, Row] = {o["person"]: o for o in outcomes}
    # every valid answer counts in the place's performance; pairs need a person
    rated = [
        a
        for a in answers
        if a["problem"] is None and a["metric"] in RATED and place_of(a) is not None
    ]
    places: dict[str, list[float]] = defaultdict(list)
    felt: dict[tuple[str, str], list[float]] = defaultdict(list)
    for a in rated:
        place = place_of(a)
        assert place is not None
        places[place].append(a["satisfaction"])
        o = by_person.get(a["person"])
        if o is not None and exposed_before(o, a["ts"], horizon)[outcome]:
            felt[(place, a["person"])].append(a["satisfaction"])
    pairs = [
        {"place": place, "x": sum(values) / len(values),
         "y": outcome_value(by_person[person], outcome, horizon)}
        for (place, person), values in felt.items()
    ]  # fmt: skip
    measured = {row["place"]: row for row in pearson_rows(pairs, "place", "x", "y")}
    rows = []
    for place, values in places.items():
        found = measured.get(place)
        rows.append(
            {
                "place": place,
                "answers": len(values),
                "performance": sum(values) / len(values),
                "people": 0 if found is None else found["people"],
                "correlation": None if found is None else found["correlation"],
            }
        )
    return rows
