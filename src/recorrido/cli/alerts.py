"""``recorrido alerts run|list|show|assign|progress|resolve|reopen|deliver``: the closed loop."""

from __future__ import annotations

import getpass
import json
from pathlib import Path
from typing import Any

import ibis
import pyarrow.csv as pa_csv
import pyarrow.json as pa_json
import pyarrow.parquet as pq
import typer
from rich import box
from rich.table import Table
from rich.text import Text

from ..errors import UsageError
from ..map.models import JourneyMap
from ..voice.alerts import AlertRun, open_cases
from ..voice.cases import (
    Case,
    assign_case,
    get_case,
    list_cases,
    progress_case,
    reopen_case,
    resolve_case,
)
from ..voice.outbox import DeliveryReport, deliver, messages_of, outbox_counts
from .app import app
from .context import open_store, out, progress_bar, resolve_map, store_path

__all__: list[str] = []

alerts_app = typer.Typer(
    help="Close the loop: open cases from the map's alert rules, follow them up, and "
    "deliver them to webhooks.",
    no_args_is_help=True,
)
app.add_typer(alerts_app, name="alerts")

STORE = typer.Option(None, "--store", "-s", help="Store file [env RECORRIDO_STORE].")
MAP = typer.Option(None, "--map", "-m", help="Journey map (default: journey.yaml by the store).")
JSON = typer.Option(False, "--json", help="Print JSON.")
CASE = typer.Argument(..., help="Case id, e.g. detractor-12 (see `recorrido alerts list`).")
BY = typer.Option(None, "--by", help="Who makes the change [default: your user name].")
NOTE = typer.Option(None, "--note", help="A note for the case's history.")


def _map(map_file: Path | None, store: Path, command: str) -> JourneyMap:
    journey = resolve_map(map_file, store)
    if journey is None:
        raise UsageError(
            f"alerts {command} needs the journey map with the alert rules and webhooks: "
            "pass --map journey.yaml (or put journey.yaml beside the store)",
            code="usage_needs_map",
        )
    return journey


def _actor(given: str | None) -> str:
    if given and given.strip():
        return given.strip()
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


def _echo_json(data: Any) -> None:
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def _read_context(path: Path) -> Any:
    """A context file (CSV, Parquet or JSON Lines) as an Ibis table."""
    if not path.is_file():
        raise UsageError(f"{path}: context file not found", code="file_not_found")
    suffix = path.suffix.lower()
    try:
        if suffix == ".parquet":
            data = pq.read_table(path)
        elif suffix in (".jsonl", ".ndjson", ".json"):
            data = pa_json.read_json(path)
        else:
            data = pa_csv.read_csv(path)
    except (OSError, ValueError) as error:  # pyarrow's ArrowInvalid is a ValueError
        raise UsageError(
            f"{path}: cannot read the context file: {error}", code="file_invalid"
        ) from None
    return ibis.memtable(data)


@alerts_app.command("run")
def run_rules(
    store: Path | None = STORE,
    map_file: Path | None = MAP,
    context: Path | None = typer.Option(
        None,
        "--context",
        help="CSV, Parquet or JSON Lines with response_id and any of channel, persona, "
        "sentiment, theme, language (one row per response).",
    ),
    as_json: bool = JSON,
) -> None:
    """Evaluate the map's alert rules over the store's feedback and open new cases."""
    path = store_path(store)
    journey = _map(map_file, path, "run")
    extra = _read_context(context) if context is not None else None
    with open_store(path) as opened:
        result = open_cases(opened, journey, context=extra)
    if as_json:
        _echo_json(result.to_dict())
        return
    _print_run(result, journey)


def _print_run(result: AlertRun, journey: JourneyMap) -> None:
    if not journey.alerts:
        out.print("the map has no alert rules; add some under `alerts:` (docs/closed-loop.md)")
        return
    table = Table(title="alert rules", title_justify="left", show_edge=False)
    for column in ("rule", "action", "new cases", "cases in all", "webhook messages"):
        table.add_column(column, justify="left" if column in ("rule", "action") else "right")
    for rule in result.rules:
        table.add_row(
            Text(rule.rule_id),
            rule.action,
            f"{rule.opened:,}",
            f"{rule.total:,}",
            f"{rule.messages:,}",
        )
    out.print(table)
    out.print(f"{result.responses:,} responses evaluated; {result.opened:,} new cases")


def _cell(value: Any) -> Text:
    if value is None:
        return Text("")
    if isinstance(value, float):
        return Text(f"{value:g}")
    return Text(str(value))


@alerts_app.command("list")
def list_command(
    store: Path | None = STORE,
    map_file: Path | None = MAP,
    status: str | None = typer.Option(None, "--status", help="open, in_progress or resolved."),
    owner: str | None = typer.Option(None, "--owner", help="Only this owner's cases."),
    rule: str | None = typer.Option(None, "--rule", help="Only cases of this alert rule."),
    touchpoint: str | None = typer.Option(None, "--touchpoint", help="Only at this touchpoint."),
    action: str | None = typer.Option(None, "--action", help="case, advocacy or notify."),
    limit: int = typer.Option(50, "--limit", min=1, help="At most this many, newest first."),
    as_json: bool = JSON,
) -> None:
    """The cases, newest first, filtered by status, owner, rule, touchpoint or action."""
    with open_store(store_path(store)) as opened:
        cases = list_cases(
            opened,
            status=status,
            owner=owner,
            rule=rule,
            touchpoint=touchpoint,
            action=action,
            limit=limit,
        )
    if as_json:
        _echo_json([case.to_dict() for case in cases])
        return
    if not cases:
        out.print("no cases match")
        return
    table = Table(box=box.SIMPLE_HEAD, show_edge=False)
    for column in ("case", "status", "owner", "touchpoint", "answer", "opened"):
        table.add_column(column, no_wrap=column in ("case", "opened"))
    for case in cases:
        answer = f"{case.metric} {case.score:g}" if case.score is not None else case.metric
        cells = (
            case.case_id,
            case.status,
            case.owner,
            case.touchpoint,
            answer,
            case.created_at.strftime("%Y-%m-%d"),
        )
        table.add_row(*map(_cell, cells))
    out.print(table)


def _print_case(case: Case, journey: JourneyMap | None) -> None:
    out.print(Text(f"{case.case_id} · {case.status} · {case.action}", style="bold"))
    rules = {rule.id: rule for rule in journey.alerts} if journey is not None else {}
    rule = rules.get(case.rule_id)
    fields = [
        ("rule", f"{case.rule_id}: {rule.when}" if rule is not None else case.rule_id),
        ("owner", case.owner),
        ("response", case.response_id),
        ("person", case.person_id),
        ("responded at (UTC)", case.responded_at),
        ("touchpoint", case.touchpoint),
        ("stage", case.stage),
        ("answer", f"{case.metric} = {case.score:g}" if case.score is not None else None),
        ("comment", case.comment),
        ("root cause", case.root_cause),
        ("action taken", case.action_taken),
        ("resolved at (UTC)", case.resolved_at),
    ]
    for label, value in fields:
        if value is not None:
            out.print(Text(f"{label}: {value}"))
    history = Table(title="history", title_justify="left", show_edge=False)
    for column in ("when (UTC)", "who", "what", "status", "owner", "note"):
        history.add_column(column)
    for event in case.history:
        when = event.occurred_at.strftime("%Y-%m-%d %H:%M:%S")
        cells = (when, event.actor, event.kind, event.status, event.owner, event.note)
        history.add_row(*map(_cell, cells))
    out.print(history)


@alerts_app.command("show")
def show(
    case_id: str = CASE,
    store: Path | None = STORE,
    map_file: Path | None = MAP,
    as_json: bool = JSON,
) -> None:
    """One case: the response that opened it, its history and its webhook deliveries."""
    path = store_path(store)
    journey = resolve_map(map_file, path)
    with open_store(path) as opened:
        case = get_case(opened, case_id)
        deliveries = messages_of(opened, case_id)
    if as_json:
        _echo_json({**case.to_dict(), "deliveries": [m.to_dict() for m in deliveries]})
        return
    _print_case(case, journey)
    if deliveries:
        table = Table(title="webhook deliveries", title_justify="left", show_edge=False)
        for column in ("webhook", "status", "attempts", "last error", "delivery id"):
            table.add_column(column)
        for message in deliveries:
            cells = (
                message.webhook_id,
                message.status,
                message.attempts,
                message.last_error,
                message.message_id,
            )
            table.add_row(*map(_cell, cells))
        out.print(table)


def _done(case: Case, as_json: bool, message: str) -> None:
    if as_json:
        _echo_json(case.to_dict())
    else:
        out.print(Text(message))


@alerts_app.command("assign")
def assign(
    case_id: str = CASE,
    owner: str = typer.Argument(..., help="Who follows the case up."),
    note: str | None = NOTE,
    by: str | None = BY,
    store: Path | None = STORE,
    map_file: Path | None = MAP,
    as_json: bool = JSON,
) -> None:
    """Give a case to an owner."""
    with open_store(store_path(store)) as opened:
        case = assign_case(opened, case_id, owner, by=_actor(by), note=note)
    _done(case, as_json, f"{case.case_id} assigned to {case.owner} ({case.status})")


@alerts_app.command("progress")
def progress(
    case_id: str = CASE,
    note: str | None = NOTE,
    by: str | None = BY,
    store: Path | None = STORE,
    map_file: Path | None = MAP,
    as_json: bool = JSON,
) -> None:
    """Mark a case in progress, with a note of what is being done."""
    with open_store(store_path(store)) as opened:
        case = progress_case(opened, case_id, by=_actor(by), note=note)
    _done(case, as_json, f"{case.case_id} is in progress")


@alerts_app.command("resolve")
def resolve(
    case_id: str = CASE,
    root_cause: str = typer.Option(..., "--root-cause", help="Why it happened."),
    action: str = typer.Option(..., "--action", help="What was done about it."),
    note: str | None = NOTE,
    by: str | None = BY,
    store: Path | None = STORE,
    map_file: Path | None = MAP,
    as_json: bool = JSON,
) -> None:
    """Resolve a case, recording its root cause and the action taken."""
    with open_store(store_path(store)) as opened:
        case = resolve_case(
            opened, case_id, root_cause=root_cause, action_taken=action, by=_actor(by), note=note
        )
    _done(case, as_json, f"{case.case_id} resolved")


@alerts_app.command("reopen")
def reopen(
    case_id: str = CASE,
    note: str | None = NOTE,
    by: str | None = BY,
    store: Path | None = STORE,
    map_file: Path | None = MAP,
    as_json: bool = JSON,
) -> None:
    """Open a resolved case again."""
    with open_store(store_path(store)) as opened:
        case = reopen_case(opened, case_id, by=_actor(by), note=note)
    _done(case, as_json, f"{case.case_id} reopened")


@alerts_app.command("deliver")
def deliver_command(
    store: Path | None = STORE,
    map_file: Path | None = MAP,
    once: bool = typer.Option(
        False, "--once", help="One pass over the messages due now, then stop (no waiting)."
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    as_json: bool = JSON,
) -> None:
    """Send pending webhook messages now; without --once, retry until none is pending."""
    path = store_path(store)
    journey = _map(map_file, path, "deliver")
    with open_store(path) as opened, progress_bar(not quiet and not as_json) as bar:

        def step(done: int, total: int) -> None:
            if bar is not None:
                bar("delivering", 100.0 * done / total)

        report = deliver(opened, journey, once=once, progress=step)
        counts = outbox_counts(opened)
    if as_json:
        _echo_json({**report.to_dict(), "outbox": counts})
        return
    _print_delivery(report, counts)


def _print_delivery(report: DeliveryReport, counts: dict[str, int]) -> None:
    if report.interrupted:
        out.print(f"{report.interrupted:,} messages from an interrupted run were sent again")
    out.print(
        f"delivered {report.delivered:,} · failed {report.failed:,} · "
        f"retries scheduled {report.retried:,} · still pending {report.pending:,}"
    )
    for failure in report.failures:
        out.print(Text(f"failed: {failure}"))
    for webhook, n in report.skipped.items():
        out.print(
            Text(f"warning: {n:,} messages for webhook '{webhook}', which is not in the map, wait")
        )
    out.print(
        f"outbox: {counts['pending']:,} pending, {counts['delivered']:,} delivered, "
        f"{counts['failed']:,} failed"
    )
