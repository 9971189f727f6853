"""Alert rules over feedback responses: which responses match, and the cases they open.

A *response* is the feedback rows sharing a ``response_id`` (one row per answered metric).
A rule is evaluated once per **answer** of the response: ``score`` and ``metric`` are that
answer's, every other field is the response's (``nps``, ``csat``, ``ces``, ``rating`` are its
answers to those metrics). The response matches when the rule holds for at least one of its
answers; the case records the *triggering* answer: of the matching answers, one whose metric
the rule names (``nps <= 6`` → the nps answer), else any, the earliest ingested first.

``sentiment`` and ``theme`` come from the response's comment (:mod:`.text`: its sentiment
label, and each of its themes in turn: a rule on ``theme`` holds when it holds for one of the
comment's themes) unless a context table gives them.

:func:`alert_answers` and :func:`alert_matches` are pure (Ibis table → Ibis table);
:func:`open_cases` writes new cases and their outbox messages to the store, idempotently.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

import ibis
import ibis.expr.types as ir
import pyarrow as pa

from ..analysis.personas import assign_personas
from ..errors import UsageError, did_you_mean
from ..map.models import ALERT_FIELDS, AlertRule, JourneyMap
from ..map.rule_compile import compile_rule
from ..map.rules import parse_rule
from ..store import Store
from .cases import insert_rows, max_of, opened_event
from .outbox import enqueue_sql, utc_now
from .text import analyse_comments

__all__ = [
    "CASE_COLUMNS",
    "CONTEXT_FIELDS",
    "METRIC_FIELDS",
    "AlertRun",
    "RuleRun",
    "alert_answers",
    "alert_matches",
    "alert_payload",
    "comment_context",
    "open_cases",
    "responses",
]

METRIC_FIELDS = ("nps", "csat", "ces", "rating")
"""The metrics a response may answer; each is an alert field holding that answer's score."""

CONTEXT_FIELDS = ("channel", "persona", "sentiment", "theme", "language")
"""Alert fields that may come from a context table keyed by ``response_id``."""

_TEXT = "string"


def responses(feedback: ir.Table) -> ir.Table:
    """One row per response: ``response_id``, ``person_id``, ``responded_at`` (its earliest
    answer), ``touchpoint``, ``stage``, ``comment``, ``language`` (each the first non-empty
    value in ingestion order, ``seq``) and one score column per metric of :data:`METRIC_FIELDS`.
    """
    f = feedback

    def first_set(column: ir.Column) -> ir.Scalar:
        return column.argmin(f.seq, where=column.notnull())

    scores = {metric: f.score.max(where=f.metric == metric) for metric in METRIC_FIELDS}
    return f.group_by("response_id").aggregate(
        person_id=first_set(f.person_id),
        responded_at=f.ts.min(),
        touchpoint=first_set(f.touchpoint),
        stage=first_set(f.stage),
        comment=first_set(f.comment),
        language=first_set(f.language),
        **scores,
    )


def _lookup(column: ir.StringValue, mapping: Mapping[str, str]) -> ir.StringValue:
    if not mapping:
        return ibis.null().cast(_TEXT)
    branches = [(column == key, value) for key, value in sorted(mapping.items())]
    return ibis.cases(*branches, else_=ibis.null().cast(_TEXT))


def _check_context(context: ir.Table) -> None:
    columns = list(context.columns)
    if "response_id" not in columns:
        raise UsageError(
            f"the alert context needs a response_id column; it has: {', '.join(columns)}",
            code="context_invalid",
        )
    for name in columns:
        if name != "response_id" and name not in CONTEXT_FIELDS:
            raise UsageError(
                f"the alert context has column '{name}', which is not a context field"
                + did_you_mean(name, CONTEXT_FIELDS),
                code="context_invalid",
            )


def alert_answers(
    feedback: ir.Table,
    journey: JourneyMap | None = None,
    *,
    context: ir.Table | None = None,
    personas: ir.Table | None = None,
) -> ir.Table:
    """One row per answer with every field of ``ALERT_FIELDS``, plus ``response_id``,
    ``person_id``, ``responded_at`` and ``seq``.

    ``stage`` falls back to the touchpoint's stage in ``journey``; ``channel`` is the
    touchpoint's channel there; ``persona`` comes from ``personas`` (``person_id``,
    ``persona``); ``language`` is the stored one. A ``context`` table (``response_id`` and
    any of :data:`CONTEXT_FIELDS`, one row per response) overrides those where it is not
    NULL. Fields known from nowhere are NULL, and a condition on a NULL field is false.
    """
    per_response = responses(feedback)
    answers = feedback.select("response_id", "metric", "score", "seq")
    table = answers.join(per_response, "response_id")
    places = journey.touchpoints if journey is not None else []
    derived: dict[str, ir.Value] = {
        "channel": _lookup(table.touchpoint, {tp.id: tp.channel for tp in places}),
        "stage": table.stage.coalesce(
            _lookup(table.touchpoint, {tp.id: tp.stage for tp in places})
        ),
        "persona": ibis.null().cast(_TEXT),
        "sentiment": ibis.null().cast(_TEXT),
        "theme": ibis.null().cast(_TEXT),
    }
    table = table.mutate(**derived)
    if personas is not None:
        people = personas.select(
            _person=personas.person_id.cast(_TEXT), _persona=personas.persona.cast(_TEXT)
        ).distinct()
        table = table.left_join(people, table.person_id == people._person)
        table = table.mutate(persona=table._persona).drop("_person", "_persona")
    if context is not None:
        _check_context(context)
        given = [name for name in context.columns if name != "response_id"]
        extra = context.select(
            _ctx_response=context.response_id.cast(_TEXT),
            **{f"_ctx_{name}": context[name].cast(_TEXT) for name in given},
        )
        table = table.left_join(extra, table.response_id == extra._ctx_response)
        table = table.mutate(
            **{name: table[f"_ctx_{name}"].coalesce(table[name]) for name in given}
        ).drop("_ctx_response", *(f"_ctx_{name}" for name in given))
    return table.select("response_id", "person_id", "responded_at", "seq", *ALERT_FIELDS)


def alert_matches(answers: ir.Table, rule: AlertRule) -> ir.Table:
    """The responses ``rule`` matches, one row each, with the triggering answer's
    ``metric`` and ``score`` (columns as in :func:`alert_answers`)."""
    parsed = parse_rule(rule.when)
    hit = answers.filter(compile_rule(parsed, answers, ALERT_FIELDS))
    named = sorted(parsed.fields() & set(METRIC_FIELDS))
    priority = hit.metric.isin(named).ifelse(0, 1) if named else ibis.literal(1)
    order = ibis.row_number().over(group_by=hit.response_id, order_by=[priority, hit.seq])
    ranked = hit.mutate(_rank=order)
    return ranked.filter(ranked._rank == 0).drop("_rank")


@dataclass(frozen=True)
class RuleRun:
    """What one rule did in a run: cases opened now, cases it has in all, messages queued."""

    rule_id: str
    action: str
    opened: int
    total: int
    messages: int


@dataclass(frozen=True)
class AlertRun:
    """The result of :func:`open_cases`."""

    responses: int
    rules: tuple[RuleRun, ...]

    @property
    def opened(self) -> int:
        return sum(rule.opened for rule in self.rules)

    def to_dict(self) -> dict[str, Any]:
        return {
            "responses": self.responses,
            "opened": self.opened,
            "rules": [asdict(rule) for rule in self.rules],
        }


def _iso(moment: dt.datetime | None) -> str | None:
    return moment.isoformat() + "Z" if moment is not None else None


def _number(value: float | None) -> float | int | None:
    return int(value) if value is not None and float(value).is_integer() else value


def alert_payload(
    match: Mapping[str, Any],
    rule: AlertRule,
    *,
    case_id: str,
    message_id: str,
    webhook_id: str,
    created_at: dt.datetime,
) -> str:
    """The JSON body sent to a webhook for a new case (compact, keys sorted)."""
    answers = {m: _number(match[m]) for m in METRIC_FIELDS if match.get(m) is not None}
    body = {
        "type": "recorrido.alert",
        "delivery_id": message_id,
        "webhook": webhook_id,
        "rule": {"id": rule.id, "name": rule.name, "action": rule.action.value, "when": rule.when},
        "case": {
            "id": case_id,
            "status": "open",
            "owner": rule.owner,
            "created_at": _iso(created_at),
        },
        "response": {
            "id": match["response_id"],
            "person_id": match["person_id"],
            "responded_at": _iso(match["responded_at"]),
            "touchpoint": match["touchpoint"],
            "stage": match["stage"],
            "metric": match["metric"],
            "score": _number(match["score"]),
            "answers": answers,
            "comment": match["comment"],
            **{name: match[name] for name in CONTEXT_FIELDS},
        },
    }
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


CASE_COLUMNS = [
    *("case_id", "rule_id", "number", "action", "response_id", "person_id", "responded_at"),
    *("touchpoint", "stage", "metric", "score", "comment", "status", "owner"),
    *("created_at", "updated_at"),
]


def _open_for_rule(store: Store, answers: ir.Table, rule: AlertRule, now: dt.datetime) -> RuleRun:
    cases = store.table("cases")
    known = cases.filter(cases.rule_id == rule.id).select("response_id")
    new = alert_matches(answers, rule).anti_join(known, "response_id")
    rows = new.order_by(["responded_at", "response_id"]).to_pyarrow().to_pylist()
    number = max_of(store, "SELECT max(number) FROM cases WHERE rule_id = ?", [rule.id])
    event = max_of(store, "SELECT max(event_id) FROM case_events")
    opened: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    messages: list[dict[str, Any]] = []
    for match in rows:
        number += 1
        event += 1
        case_id = f"{rule.id}-{number}"
        opened.append(
            {
                **{k: match[k] for k in CASE_COLUMNS if k in match},
                "case_id": case_id,
                "rule_id": rule.id,
                "number": number,
                "action": rule.action.value,
                "status": "open",
                "owner": rule.owner,
                "created_at": now,
                "updated_at": now,
            }
        )
        events.append(opened_event(event, case_id, now, rule.owner, f"rule {rule.id}: {rule.when}"))
        for webhook_id in rule.webhooks:
            message_id = str(uuid.uuid4())
            payload = alert_payload(
                match,
                rule,
                case_id=case_id,
                message_id=message_id,
                webhook_id=webhook_id,
                created_at=now,
            )
            messages.append(
                {
                    "message_id": message_id,
                    "case_id": case_id,
                    "webhook_id": webhook_id,
                    "payload": payload,
                }
            )
    insert_rows(store, "cases", opened, CASE_COLUMNS)
    insert_rows(store, "case_events", events, list(events[0]) if events else [])
    enqueue_sql(store.connection, messages, now)
    total = max_of(store, "SELECT count(*) FROM cases WHERE rule_id = ?", [rule.id])
    return RuleRun(rule.id, rule.action.value, len(opened), total, len(messages))


def _personas(store: Store, journey: JourneyMap) -> ir.Table | None:
    uses = any("persona" in parse_rule(rule.when).fields() for rule in journey.alerts)
    if not uses or not any(p.assign for p in journey.personas) or not store.count("people"):
        return None
    people: ir.Table = assign_personas(store.table("people"), journey)
    return people.select("person_id", "persona")


def _check_unique(context: ir.Table) -> None:
    repeated = context.group_by("response_id").aggregate(n=context.count())
    row = repeated.filter(repeated.n > 1).order_by("response_id").limit(1).to_pyarrow()
    if row.num_rows:
        response, n = row["response_id"][0].as_py(), row["n"][0].as_py()
        raise UsageError(
            f"the alert context has {n} rows for response '{response}'; give one row per response",
            code="context_invalid",
        )


def comment_context(feedback: ir.Table) -> ir.Table:
    """``response_id``, ``sentiment`` and ``theme`` from each response's comment (its first
    non-empty one, by ``seq``): one row per theme of the comment (``theme`` NULL when it has
    none). Responses without a comment have no row."""
    comments = (
        feedback.filter(feedback.comment.notnull() & (feedback.comment.strip() != ""))
        .select("response_id", "comment", "language", "seq")
        .order_by(["response_id", "seq"])
        .to_pyarrow()
    )
    analysed = analyse_comments(comments)
    seen: set[str] = set()
    rows: dict[str, list[Any]] = {"response_id": [], "sentiment": [], "theme": []}
    for record in analysed.select(["response_id", "sentiment", "themes"]).to_pylist():
        response = str(record["response_id"])
        if response in seen:
            continue
        seen.add(response)
        for theme in record["themes"] or [None]:
            rows["response_id"].append(response)
            rows["sentiment"].append(record["sentiment"])
            rows["theme"].append(theme)
    schema = pa.schema([(name, pa.string()) for name in rows])
    return ibis.memtable(pa.Table.from_pydict(rows, schema=schema))


def _uses_comment(journey: JourneyMap) -> bool:
    return any({"sentiment", "theme"} & parse_rule(rule.when).fields() for rule in journey.alerts)


def open_cases(
    store: Store,
    journey: JourneyMap,
    *,
    context: ir.Table | None = None,
    now: dt.datetime | None = None,
) -> AlertRun:
    """Evaluate the map's alert rules over the store's feedback and open a case per new
    (rule, response) match, queueing one outbox message per webhook of the rule.

    Idempotent: a response that already has a case for a rule gets no other, so running
    again opens only cases for new matches. Everything is written in one transaction.
    """
    moment = now or utc_now()
    if context is not None:
        _check_context(context)
        _check_unique(context)
    feedback = store.table("feedback")
    if context is None and _uses_comment(journey):
        context = comment_context(feedback)
    answers = alert_answers(feedback, journey, context=context, personas=_personas(store, journey))
    count = int(feedback.response_id.nunique().execute())
    con = store.connection
    con.execute("BEGIN TRANSACTION")
    try:
        runs = tuple(_open_for_rule(store, answers, rule, moment) for rule in journey.alerts)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return AlertRun(count, runs)
