"""Following up cases: list, show with history, assign, progress, resolve, reopen.

A case's status moves ``open → in_progress → resolved`` (``open → resolved`` directly is
fine) and ``resolved → open`` when reopened. Resolving needs a root cause and the action
taken. Every change is written with a ``case_events`` row (who, what, when) in the same
transaction, so the history is the full story of the case.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any

import pyarrow as pa

from ..errors import CaseError, did_you_mean
from ..store import Store
from ..store.sql import first
from .outbox import utc_now

__all__ = [
    "Case",
    "CaseError",
    "CaseEvent",
    "CaseStatus",
    "assign_case",
    "get_case",
    "insert_rows",
    "list_cases",
    "max_of",
    "opened_event",
    "progress_case",
    "reopen_case",
    "resolve_case",
]


class CaseStatus(StrEnum):
    open = "open"
    in_progress = "in_progress"
    resolved = "resolved"


@dataclass(frozen=True)
class CaseEvent:
    """One line of a case's history."""

    occurred_at: dt.datetime
    actor: str
    kind: str
    status: str
    owner: str | None
    note: str | None


@dataclass(frozen=True)
class Case:
    """A case opened by an alert rule for one feedback response."""

    case_id: str
    rule_id: str
    action: str
    response_id: str
    person_id: str | None
    responded_at: dt.datetime | None
    touchpoint: str | None
    stage: str | None
    metric: str | None
    score: float | None
    comment: str | None
    status: str
    owner: str | None
    root_cause: str | None
    action_taken: str | None
    created_at: dt.datetime
    updated_at: dt.datetime
    resolved_at: dt.datetime | None
    history: tuple[CaseEvent, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: times as ISO text with ``Z``."""

        def plain(value: Any) -> Any:
            if isinstance(value, dt.datetime):
                return value.isoformat() + "Z"
            if isinstance(value, list):
                return [plain(item) for item in value]
            if isinstance(value, dict):
                return {key: plain(item) for key, item in value.items()}
            return value

        data: dict[str, Any] = plain(asdict(self))
        return data


_COLUMNS = [name for name in Case.__dataclass_fields__ if name != "history"]
_SELECT = f"SELECT {', '.join(_COLUMNS)} FROM cases"


def _choice(value: str | None, valid: list[str], what: str) -> None:
    if value is not None and value not in valid:
        raise CaseError(
            f"unknown {what} '{value}'" + did_you_mean(value, valid), code="case_filter_invalid"
        )


def list_cases(
    store: Store,
    *,
    status: str | None = None,
    owner: str | None = None,
    rule: str | None = None,
    touchpoint: str | None = None,
    action: str | None = None,
    limit: int | None = None,
) -> list[Case]:
    """Cases matching every filter given, newest first (ties by case id)."""
    _choice(status, [s.value for s in CaseStatus], "status")
    _choice(action, ["case", "advocacy", "notify"], "action")
    filters = {
        "status": status,
        "owner": owner,
        "rule_id": rule,
        "touchpoint": touchpoint,
        "action": action,
    }
    given = {column: value for column, value in filters.items() if value is not None}
    where = " AND ".join(f"{column} = ?" for column in given) or "TRUE"
    sql = f"{_SELECT} WHERE {where} ORDER BY created_at DESC, rule_id, number DESC"
    params: list[Any] = list(given.values())
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    rows = store.connection.execute(sql, params).fetchall()
    return [Case(**dict(zip(_COLUMNS, row, strict=True))) for row in rows]


def _not_found(store: Store, case_id: str) -> CaseError:
    ids = [str(row[0]) for row in store.connection.execute("SELECT case_id FROM cases").fetchall()]
    near = difflib.get_close_matches(case_id, ids, n=3, cutoff=0.5)
    if near:
        hint = f"; closest: {', '.join(near)}"
    elif ids:
        hint = "; list them with `recorrido alerts list`"
    else:
        hint = "; there are no cases yet (open them with `recorrido alerts run`)"
    return CaseError(f"unknown case '{case_id}'{hint}", code="case_not_found")


def get_case(store: Store, case_id: str) -> Case:
    """The case with its history, oldest event first."""
    row = first(store.connection.execute(f"{_SELECT} WHERE case_id = ?", [case_id]).fetchall())
    if row is None:
        raise _not_found(store, case_id)
    events = store.connection.execute(
        "SELECT occurred_at, actor, kind, status, owner, note FROM case_events WHERE case_id = ? "
        "ORDER BY event_id",
        [case_id],
    ).fetchall()
    return Case(
        **dict(zip(_COLUMNS, row, strict=True)), history=tuple(CaseEvent(*e) for e in events)
    )


def _required(value: str | None, what: str, code: str) -> str:
    text = (value or "").strip()
    if not text:
        raise CaseError(f"{what} is required and cannot be empty", code=code)
    return text


def _change(
    store: Store,
    case: Case,
    *,
    kind: str,
    by: str,
    note: str | None,
    now: dt.datetime | None,
    **values: Any,
) -> Case:
    """Update the case's columns and append the event, in one transaction."""
    moment = now or utc_now()
    status = values.get("status", case.status)
    owner = values.get("owner", case.owner)
    assignments = ", ".join(f"{column} = ?" for column in values)
    con = store.connection
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(
            f"UPDATE cases SET {assignments}, updated_at = ? WHERE case_id = ?",
            [*values.values(), moment, case.case_id],
        )
        con.execute(
            "INSERT INTO case_events SELECT coalesce(max(event_id), 0) + 1, ?, ?, ?, ?, ?, ?, ? "
            "FROM case_events",
            [case.case_id, moment, by, kind, status, owner, (note or "").strip() or None],
        )
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return get_case(store, case.case_id)


def _transition(case: Case, wanted: str, allowed: tuple[CaseStatus, ...], fix: str) -> None:
    if case.status not in allowed:
        raise CaseError(
            f"case {case.case_id} is {case.status}; it cannot {wanted} ({fix})",
            code="case_transition_invalid",
        )


def assign_case(
    store: Store,
    case_id: str,
    owner: str,
    *,
    by: str,
    note: str | None = None,
    now: dt.datetime | None = None,
) -> Case:
    """Give an open or in-progress case to ``owner``."""
    case = get_case(store, case_id)
    name = _required(owner, "the owner", "case_owner_empty")
    _transition(
        case,
        "be assigned",
        (CaseStatus.open, CaseStatus.in_progress),
        f"reopen it first: recorrido alerts reopen {case_id}",
    )
    return _change(store, case, kind="assigned", by=by, note=note, now=now, owner=name)


def progress_case(
    store: Store, case_id: str, *, by: str, note: str | None = None, now: dt.datetime | None = None
) -> Case:
    """Mark the case in progress (from open, or again to add a progress note)."""
    case = get_case(store, case_id)
    _transition(
        case,
        "move to in_progress",
        (CaseStatus.open, CaseStatus.in_progress),
        f"reopen it first: recorrido alerts reopen {case_id}",
    )
    return _change(store, case, kind="progress", by=by, note=note, now=now, status="in_progress")


def resolve_case(
    store: Store,
    case_id: str,
    *,
    root_cause: str,
    action_taken: str,
    by: str,
    note: str | None = None,
    now: dt.datetime | None = None,
) -> Case:
    """Close the case, recording why it happened and what was done."""
    case = get_case(store, case_id)
    _transition(case, "be resolved again", (CaseStatus.open, CaseStatus.in_progress), "it is done")
    cause = _required(root_cause, "the root cause (--root-cause)", "case_resolution_incomplete")
    taken = _required(action_taken, "the action taken (--action)", "case_resolution_incomplete")
    moment = now or utc_now()
    extra = f"; {note.strip()}" if note and note.strip() else ""
    return _change(
        store,
        case,
        kind="resolved",
        by=by,
        note=f"root cause: {cause}; action taken: {taken}{extra}",
        now=moment,
        status="resolved",
        root_cause=cause,
        action_taken=taken,
        resolved_at=moment,
    )


def reopen_case(
    store: Store, case_id: str, *, by: str, note: str | None = None, now: dt.datetime | None = None
) -> Case:
    """Open a resolved case again; its root cause and action stay in the history."""
    case = get_case(store, case_id)
    _transition(case, "be reopened", (CaseStatus.resolved,), "only resolved cases reopen")
    return _change(
        store,
        case,
        kind="reopened",
        by=by,
        note=note,
        now=now,
        status="open",
        root_cause=None,
        action_taken=None,
        resolved_at=None,
    )


def insert_rows(store: Store, table: str, rows: list[dict[str, Any]], columns: list[str]) -> None:
    """Append ``rows`` (dicts with at least ``columns``) to ``table`` of the store."""
    if not rows:
        return
    data = pa.Table.from_pylist(rows).select(columns)
    name = f"__recorrido_new_{table}"
    store.connection.register(name, data)
    try:
        listed = ", ".join(columns)
        store.connection.execute(f"INSERT INTO {table} ({listed}) SELECT {listed} FROM {name}")
    finally:
        store.connection.unregister(name)


def max_of(store: Store, sql: str, params: list[Any] | None = None) -> int:
    """The integer ``sql`` selects (e.g. ``max(number)``), 0 when it is NULL or empty."""
    row = first(store.connection.execute(sql, params or []).fetchall())
    return int(row[0]) if row and row[0] is not None else 0


def opened_event(
    event_id: int, case_id: str, at: dt.datetime, owner: str | None, note: str
) -> dict[str, Any]:
    """The ``case_events`` row of a case that Recorrido opens."""
    return {
        "event_id": event_id,
        "case_id": case_id,
        "occurred_at": at,
        "actor": "recorrido",
        "kind": "opened",
        "status": "open",
        "owner": owner,
        "note": note,
    }
