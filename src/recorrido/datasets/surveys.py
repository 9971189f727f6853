"""Survey answers: scores drawn from a distribution, and a comment from the bank.

Metrics and scales: NPS 0–10, CSAT 1–5, CES 1–7 (7 = very hard). The polarity of the
comment follows the score; low scores leave a comment more often than high ones.
"""

from __future__ import annotations

from typing import Literal

from .clock import END
from .comments import Polarity, Topic, pick
from .sim import Person, Sim

__all__ = ["Metric", "answer", "draw"]

Metric = Literal["nps", "csat", "ces"]

_COMMENT_RATE: dict[Polarity, float] = {"negative": 0.7, "mixed": 0.5, "positive": 0.35}


def draw(sim: Sim, weights: dict[int, float]) -> int:
    """A score drawn with these weights."""
    return sim.rng.choices(tuple(weights), weights=tuple(weights.values()))[0]


def polarity(metric: Metric, score: int) -> Polarity:
    """Negative, mixed or positive, on the metric's scale."""
    if metric == "nps":
        return "negative" if score <= 6 else "mixed" if score <= 8 else "positive"
    if metric == "csat":
        return "negative" if score <= 2 else "mixed" if score == 3 else "positive"
    return "positive" if score <= 3 else "mixed" if score == 4 else "negative"


def answer(
    sim: Sim,
    p: Person,
    ts: int,
    touchpoint: str,
    metric: Metric,
    score: int,
    topic: Topic | None,
    *,
    comment_rate: float | None = None,
) -> None:
    """Record ``p``'s answer at ``ts``, with a comment on ``topic`` now and then."""
    if p.user is None or ts >= END:
        return
    comment: str | None = None
    language: str | None = None
    if topic is not None:
        mood = polarity(metric, score)
        if sim.chance(_COMMENT_RATE[mood] if comment_rate is None else comment_rate):
            comment = pick(sim.rng, topic, mood, p.lang)
            language = p.lang
    sim.rec.feedback(p.user, ts, touchpoint, metric, score, comment, language)
