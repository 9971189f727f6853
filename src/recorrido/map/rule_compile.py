"""Running rules: as an Ibis predicate (:func:`compile_rule`) or in plain Python.

:func:`evaluate_rule` is the reference: every backend must give exactly its results. Both use
SQL three-valued logic (``None`` is *unknown*) and treat an unknown result as *no match*.

Free-form properties (``properties.a.b`` when ``properties`` is a JSON column) have a *text*
value: a JSON string as is, a JSON number as its shortest decimal text (``1.50`` → ``"1.5"``),
``true``/``false`` as ``"true"``/``"false"``; JSON ``null``, objects, arrays, missing keys and
invalid JSON are null. Compared with a number literal the text is read as a number when it looks
like one (``-12``, ``3.5``, ``1e3``), else it is null; compared with ``true``/``false`` only the
texts ``"true"`` and ``"false"`` count.
"""

from __future__ import annotations

import json
import math
import operator
import re
from collections.abc import Callable, Collection, Mapping
from datetime import UTC, date, datetime
from functools import reduce
from typing import Any, cast

import ibis
import ibis.expr.types as ir

from recorrido.errors import RuleError
from recorrido.map.json_text import json_text
from recorrido.map.rules import (
    JSON_FIELD,
    And,
    Compare,
    Expr,
    Field,
    FieldType,
    InList,
    IsNull,
    IsTrue,
    Leaf,
    Not,
    Or,
    Rule,
    Value,
    check_rule,
    field_kind,
    parse_timestamp,
)

__all__ = ["compile_rule", "evaluate_rule", "json_number_text"]

NUMERIC_TEXT = r"^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?\z"
"""Text read as a number (an RE2/Java pattern; ``\\z`` is the very end of the text)."""
_NUMERIC_TEXT = re.compile(r"-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?")
_OPS: dict[str, Callable[[Any, Any], Any]] = {
    "==": operator.eq,
    "!=": operator.ne,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}


def _literal(value: Value, kind: str) -> object:
    """The Python value a literal stands for when compared with a field of ``kind``."""
    if kind == "timestamp":
        return parse_timestamp(str(value.value))
    return float(value.value) if value.kind == "number" else value.value


def _negated(leaf: Leaf) -> bool:
    return not isinstance(leaf, Compare | IsTrue) and leaf.negated


# --- Ibis --------------------------------------------------------------------------------------


class _Compiler:
    def __init__(
        self, table: ir.Table, fields: Mapping[str, FieldType], json_columns: Collection[str]
    ) -> None:
        self.table, self.fields, self.json_columns = table, fields, json_columns

    def column(self, field: Field) -> ir.Column:
        if field.name not in self.table.columns:
            raise RuleError(
                f"field '{field.name}' is not a column of the table "
                f"(columns: {', '.join(self.table.columns)})",
                position=field.position,
                code="rule_unknown_field",
            )
        return self.table[field.name]

    def json_text(self, field: Field) -> ir.StringValue:
        head, _, path = field.name.partition(".")
        value = self.column(Field(head, field.position))
        text = value if value.type().is_string() else value.cast("string")
        return json_text(text, tuple(path.split(".")))

    def operand(self, field: Field, kind: str, value_kind: str) -> ir.Value:
        """The field's value as compared with literals of ``value_kind``."""
        if kind != JSON_FIELD:
            column = self.column(field)
            return (
                ibis.ifelse(column.isnan(), None, column) if column.type().is_floating() else column
            )
        text = self.json_text(field)
        if value_kind == "number":
            return ibis.cases((text.re_search(NUMERIC_TEXT), text.try_cast("float64")), else_=None)
        if value_kind == "boolean":
            return ibis.cases((text == "true", True), (text == "false", False), else_=None)
        return text

    def literal(self, value: Value, kind: str, column: ir.Value) -> ir.Value:
        python = _literal(value, kind)
        if isinstance(python, datetime) and column.type().timezone is not None:
            return ibis.literal(python.replace(tzinfo=UTC), type=column.type())
        return ibis.literal(python)

    def compile(self, expr: Expr) -> ir.BooleanValue:
        if isinstance(expr, And | Or):
            items = [self.compile(item) for item in expr.items]
            return reduce(operator.and_ if isinstance(expr, And) else operator.or_, items)
        if isinstance(expr, Not):
            return ~self.compile(expr.item)
        field = expr.field
        kind = field_kind(field.name, self.fields, self.json_columns) or "string"
        result: ir.BooleanValue
        if isinstance(expr, Compare):
            left = self.operand(field, kind, expr.value.kind)
            result = _OPS[expr.op](left, self.literal(expr.value, kind, left))
        elif isinstance(expr, InList):
            left = self.operand(field, kind, expr.values[0].kind)
            result = left.isin([self.literal(value, kind, left) for value in expr.values])
        elif isinstance(expr, IsTrue):
            result = self.operand(field, kind, "boolean") == True  # noqa: E712
        elif isinstance(expr, IsNull):
            result = self.operand(field, kind, "string").isnull()
        else:
            text, needle = self.operand(field, kind, "string"), str(expr.value.value)
            result = text.contains(needle) if expr.op == "contains" else text.startswith(needle)
        return ~result if _negated(expr) else result


def compile_rule(
    rule: Rule,
    table: ir.Table,
    fields: Mapping[str, FieldType],
    *,
    json_columns: Collection[str] = (),
) -> ir.BooleanValue:
    """An Ibis predicate over ``table`` that is true exactly where ``rule`` matches.

    Field ``x`` is column ``x``; ``p.a.b`` with ``p`` in ``json_columns`` is the path ``a.b``
    of the JSON-text column ``p``. Rows where the rule is unknown (NULL) do not match.
    """
    check_rule(rule, fields, open_prefixes=json_columns)
    predicate = _Compiler(table, fields, json_columns).compile(rule.expr)
    return predicate.fill_null(False)


# --- plain Python --------------------------------------------------------------------------------


def json_number_text(number: float) -> str:
    """A JSON float as text, the way DuckDB renders it (``1e20`` → ``100000000000000000000.0``)."""
    if math.isnan(number):
        return "NaN"
    if math.isinf(number):
        return "Infinity" if number > 0 else "-Infinity"
    sign = "-" if math.copysign(1.0, number) < 0 else ""
    if number == 0:
        return sign + "0.0"
    mantissa, _, exponent = repr(abs(number)).partition("e")
    whole, _, fraction = mantissa.partition(".")
    digits = (whole + fraction).lstrip("0")
    significant = digits.rstrip("0")
    count = len(significant)
    point = int(exponent or 0) - len(fraction) + len(digits)  # value = 0.significant × 10**point
    if count <= point <= 21:
        text = significant + "0" * (point - count) + ".0"
    elif 0 < point <= 21:
        text = f"{significant[:point]}.{significant[point:]}"
    elif -6 < point <= 0:
        text = "0." + "0" * -point + significant
    else:
        text = significant[0] + (f".{significant[1:]}" if count > 1 else "") + f"e{point - 1}"
    return sign + text


def _json_text(value: object) -> str | None:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    if isinstance(value, int):
        return str(value)
    return json_number_text(value) if isinstance(value, float) else None


def _typed(value: object, kind: str) -> object:
    """A record value as the evaluator compares it: ``None`` for NULL, NaN, NA and NaT."""
    if value is None or type(value).__name__ in ("NAType", "NaTType"):
        return None
    if kind == "number":
        number = float(cast(float, value))
        return None if math.isnan(number) else number
    if kind == "boolean":
        return bool(value)
    if kind == "timestamp":
        if isinstance(value, str):
            return parse_timestamp(value)
        if isinstance(value, datetime):
            return value.astimezone(UTC).replace(tzinfo=None) if value.tzinfo else value
        if isinstance(value, date):
            return datetime(value.year, value.month, value.day)
    return value if isinstance(value, str) or kind != "string" else str(value)


class _Evaluator:
    def __init__(
        self,
        record: Mapping[str, object],
        fields: Mapping[str, FieldType],
        json_columns: Collection[str],
    ) -> None:
        self.record, self.fields, self.json_columns = record, fields, json_columns
        self.documents: dict[str, object] = {}

    def json_text(self, name: str) -> str | None:
        head, _, path = name.partition(".")
        if head not in self.documents:
            document = self.record.get(head)
            if isinstance(document, str):
                try:
                    document = json.loads(document)
                except ValueError:
                    document = None
            self.documents[head] = document
        value = self.documents[head]
        for key in path.split("."):
            value = value.get(key) if isinstance(value, dict) else None
        return _json_text(value)

    def operand(self, name: str, kind: str, value_kind: str) -> object:
        if kind != JSON_FIELD:
            return _typed(self.record.get(name), kind)
        text = self.json_text(name)
        if text is None or value_kind == "string":
            return text
        if value_kind == "number":
            return float(text) if _NUMERIC_TEXT.fullmatch(text) else None
        return {"true": True, "false": False}.get(text)

    def evaluate(self, expr: Expr) -> bool | None:
        if isinstance(expr, And | Or):
            results = [self.evaluate(item) for item in expr.items]
            decisive = isinstance(expr, Or)
            if decisive in results:
                return decisive
            return None if None in results else not decisive
        if isinstance(expr, Not):
            result = self.evaluate(expr.item)
            return None if result is None else not result
        name = expr.field.name
        kind = field_kind(name, self.fields, self.json_columns) or "string"
        if isinstance(expr, IsNull):
            return (self.operand(name, kind, "string") is None) != expr.negated
        if isinstance(expr, Compare | InList):
            value_kind = expr.value.kind if isinstance(expr, Compare) else expr.values[0].kind
        else:
            value_kind = "boolean" if isinstance(expr, IsTrue) else "string"
        left: Any = self.operand(name, kind, value_kind)
        if left is None:
            return None
        if isinstance(expr, Compare):
            return bool(_OPS[expr.op](left, _literal(expr.value, kind)))
        if isinstance(expr, IsTrue):
            return left is True
        if isinstance(expr, InList):
            result = left in [_literal(value, kind) for value in expr.values]
        elif expr.op == "contains":
            result = str(expr.value.value) in left
        else:
            result = left.startswith(str(expr.value.value))
        return result != expr.negated


def evaluate_rule(
    rule: Rule,
    record: Mapping[str, object],
    fields: Mapping[str, FieldType],
    *,
    json_columns: Collection[str] = (),
) -> bool:
    """Whether ``rule`` matches ``record``: the reference semantics of :func:`compile_rule`.

    JSON columns may hold JSON text or an already parsed ``dict``; a missing key is NULL.
    """
    check_rule(rule, fields, open_prefixes=json_columns)
    return _Evaluator(record, fields, json_columns).evaluate(rule.expr) is True
