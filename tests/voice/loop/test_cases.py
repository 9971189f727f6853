"""A case's life: assign, progress, resolve with root cause, reopen; clear refusals."""

from __future__ import annotations

import datetime as dt

import pytest

from recorrido.store import Store
from recorrido.voice.alerts import open_cases
from recorrido.voice.cases import (
    CaseError,
    assign_case,
    get_case,
    list_cases,
    progress_case,
    reopen_case,
    resolve_case,
)

from .helpers import CHECKOUT, DETRACTOR, PROMOTER, add_feedback, loop_map

T0 = dt.datetime(2026, 3, 2, 9, 0, 0)


def at(minutes: int) -> dt.datetime:
    return T0 + dt.timedelta(minutes=minutes)


@pytest.fixture
def opened(store: Store) -> Store:
    """Three detractors (ana, bea at order_placed; cai) and one promoter (dan)."""
    add_feedback(
        store,
        {
            "r1": {"person": "ana", "touchpoint": "order_placed", "nps": 2, "csat": 1},
            "r2": {"person": "bea", "touchpoint": "order_placed", "nps": 5},
            "r3": {"person": "cai", "touchpoint": "product_view", "nps": 0},
            "r4": {"person": "dan", "nps": 10},
        },
    )
    open_cases(store, loop_map([DETRACTOR, PROMOTER, CHECKOUT]), now=T0)
    return store


def test_the_whole_life_of_a_case(opened: Store) -> None:
    case = assign_case(opened, "detractor-2", "luis", by="marta", note="cliente VIP", now=at(1))
    assert (case.status, case.owner, case.updated_at) == ("open", "luis", at(1))
    case = progress_case(opened, "detractor-2", by="luis", note="llamada hecha", now=at(2))
    assert case.status == "in_progress"
    case = resolve_case(
        opened,
        "detractor-2",
        root_cause="pedido retrasado por el transportista",
        action_taken="reembolso del envío y cambio de transportista",
        by="luis",
        now=at(3),
    )
    assert (case.status, case.resolved_at) == ("resolved", at(3))
    assert case.root_cause == "pedido retrasado por el transportista"
    case = reopen_case(opened, "detractor-2", by="marta", note="volvió a quejarse", now=at(4))
    assert (case.status, case.root_cause, case.action_taken, case.resolved_at) == (
        "open",
        None,
        None,
        None,
    )
    assert [(e.occurred_at, e.actor, e.kind, e.status, e.owner, e.note) for e in case.history] == [
        (T0, "recorrido", "opened", "open", "cx", "rule detractor: nps <= 6"),
        (at(1), "marta", "assigned", "open", "luis", "cliente VIP"),
        (at(2), "luis", "progress", "in_progress", "luis", "llamada hecha"),
        (
            at(3),
            "luis",
            "resolved",
            "resolved",
            "luis",
            "root cause: pedido retrasado por el transportista; "
            "action taken: reembolso del envío y cambio de transportista",
        ),
        (at(4), "marta", "reopened", "open", "luis", "volvió a quejarse"),
    ]


def test_an_open_case_can_be_resolved_directly(opened: Store) -> None:
    case = resolve_case(opened, "promoter-1", root_cause="fan", action_taken="review", by="x")
    assert case.status == "resolved"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda s: resolve_case(s, "detractor-1", root_cause="a", action_taken="b", by="x"), "is resolved; it cannot be resolved again"),
        (lambda s: progress_case(s, "detractor-1", by="x"), "cannot move to in_progress (reopen it first: recorrido alerts reopen detractor-1)"),
        (lambda s: assign_case(s, "detractor-1", "ana", by="x"), "cannot be assigned"),
    ],
)  # fmt: skip
def test_a_resolved_case_refuses_changes_until_reopened(
    opened: Store, change: object, message: str
) -> None:
    resolve_case(opened, "detractor-1", root_cause="a", action_taken="b", by="x")
    with pytest.raises(CaseError, match=message.replace("(", r"\(").replace(")", r"\)")) as caught:
        change(opened)  # type: ignore[operator]
    assert caught.value.code == "case_transition_invalid"
    assert caught.value.exit_code == 2


def test_only_resolved_cases_reopen(opened: Store) -> None:
    with pytest.raises(CaseError, match="case detractor-1 is open; it cannot be reopened") as c:
        reopen_case(opened, "detractor-1", by="x")
    assert c.value.code == "case_transition_invalid"


@pytest.mark.parametrize(("cause", "action"), [("", "refund"), ("late", "  "), ("late", "")])
def test_resolving_needs_a_root_cause_and_an_action(opened: Store, cause: str, action: str) -> None:
    with pytest.raises(CaseError, match="is required and cannot be empty") as caught:
        resolve_case(opened, "detractor-1", root_cause=cause, action_taken=action, by="x")
    assert caught.value.code == "case_resolution_incomplete"
    assert get_case(opened, "detractor-1").status == "open"


def test_an_empty_owner_is_refused(opened: Store) -> None:
    with pytest.raises(CaseError, match="the owner is required") as caught:
        assign_case(opened, "detractor-1", " ", by="x")
    assert caught.value.code == "case_owner_empty"


def test_an_unknown_case_names_the_closest_ids(opened: Store) -> None:
    with pytest.raises(CaseError, match="unknown case 'detractor-9'; closest: detractor-") as c:
        get_case(opened, "detractor-9")
    assert c.value.code == "case_not_found"
    with pytest.raises(CaseError, match="unknown case 'detracter-1'; closest: detractor-1"):
        assign_case(opened, "detracter-1", "ana", by="x")
    with pytest.raises(CaseError, match="unknown case 'zzz'; list them with"):
        get_case(opened, "zzz")


def test_no_cases_yet_says_how_to_open_them(store: Store) -> None:
    with pytest.raises(CaseError, match=r"no cases yet .*recorrido alerts run"):
        get_case(store, "detractor-1")


def test_list_filters(opened: Store) -> None:
    def ids(**filters: str) -> list[str]:
        return sorted(case.case_id for case in list_cases(opened, **filters))

    assert ids() == [
        "checkout_bad-1",
        "detractor-1",
        "detractor-2",
        "detractor-3",
        "promoter-1",
    ]
    assert ids(rule="detractor", touchpoint="order_placed") == ["detractor-1", "detractor-2"]
    assert ids(owner="cx") == ["detractor-1", "detractor-2", "detractor-3"]
    assert ids(action="advocacy") == ["promoter-1"]
    progress_case(opened, "detractor-3", by="x")
    assert ids(status="in_progress") == ["detractor-3"]
    assert ids(status="resolved") == []
    with pytest.raises(CaseError, match="unknown status 'closed'") as caught:
        list_cases(opened, status="closed")
    assert caught.value.code == "case_filter_invalid"
    assert len(list_cases(opened, limit=2)) == 2


def test_numbers_follow_response_time_per_rule(opened: Store) -> None:
    rows = [(c.case_id, c.response_id, c.person_id) for c in list_cases(opened, rule="detractor")]
    assert sorted(rows) == [
        ("detractor-1", "r1", "ana"),
        ("detractor-2", "r2", "bea"),
        ("detractor-3", "r3", "cai"),
    ]
