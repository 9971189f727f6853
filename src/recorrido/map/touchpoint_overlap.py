"""Can two touchpoints' match rules claim the same event?

The check is conservative: two touchpoints that share an event name and a channel overlap
unless their ``where`` rules each require (at their top level, joined by ``and``) the same
field to equal values from disjoint sets, e.g. ``properties.store == "centro"`` and
``properties.store in ["norte", "playa"]``.
"""

from __future__ import annotations

from ..errors import RuleError
from .models import TouchpointMatch
from .rules import And, Compare, Expr, InList, parse_rule

__all__ = ["may_overlap"]

Values = frozenset[str]


def may_overlap(first: TouchpointMatch, second: TouchpointMatch) -> str | None:
    """An event name both may match, or ``None`` when they can never match the same event."""
    shared = sorted(set(first.event) & set(second.event))
    if not shared:
        return None
    channels = first.channel is not None and second.channel is not None
    if channels and not set(first.channel or ()) & set(second.channel or ()):
        return None
    if _disjoint(first.where, second.where):
        return None
    return shared[0]


def _disjoint(first: str | None, second: str | None) -> bool:
    if first is None or second is None:
        return False
    try:
        left, right = _required(parse_rule(first).expr), _required(parse_rule(second).expr)
    except RuleError:  # an unparsable rule is reported by its own check
        return True
    return any(not (left[name] & right[name]) for name in left.keys() & right.keys())


def _required(expr: Expr) -> dict[str, Values]:
    """Field → the values it must equal for ``expr`` to hold (top-level ``and`` only)."""
    items = expr.items if isinstance(expr, And) else (expr,)
    required: dict[str, Values] = {}
    for item in items:
        values: Values | None = None
        if isinstance(item, Compare) and item.op == "==":
            values = frozenset([_canonical(item.value.value)])
        elif isinstance(item, InList) and not item.negated:
            values = frozenset(_canonical(v.value) for v in item.values)
        if values is not None and isinstance(item, Compare | InList):
            name = item.field.name
            required[name] = required[name] & values if name in required else values
    return required


def _canonical(value: str | int | float | bool) -> str:
    """One spelling per value as rules compare them: ``3``, ``3.0`` and ``"3"`` are equal."""
    if isinstance(value, bool):
        return "true" if value else "false"
    try:
        return repr(float(value))
    except ValueError:
        return str(value)
