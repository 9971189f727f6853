"""The rule language of journey maps: parser, syntax tree and field/type checks.

A rule is a small boolean expression such as ``segment == "premium" and lifetime_value >= 500``
or ``channel in ["web", "app"] and not properties.url contains "/help"``. It is parsed by hand
(never ``eval``); every error is a :class:`~recorrido.errors.RuleError` whose ``position`` is the
0-based character offset of the problem. ``docs/rules.md`` is the user reference;
:mod:`recorrido.map.rule_compile` turns a checked rule into an Ibis predicate or evaluates it
in plain Python.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal, TypeAlias

from recorrido.errors import RuleError, closest

__all__ = [
    "JSON_FIELD",
    "And",
    "Compare",
    "CompareOp",
    "Expr",
    "Field",
    "FieldType",
    "InList",
    "IsNull",
    "IsTrue",
    "Leaf",
    "Not",
    "Or",
    "Rule",
    "TextMatch",
    "Value",
    "check_rule",
    "field_kind",
    "parse_rule",
    "parse_timestamp",
    "walk",
]

FieldType = Literal["string", "number", "boolean", "timestamp"]
CompareOp = Literal["==", "!=", "<", "<=", ">", ">="]

KEYWORDS = frozenset(
    ["and", "or", "not", "in", "is", "null", "true", "false", "contains", "startswith"]
)
COMPARE_OPS: tuple[CompareOp, ...] = ("==", "!=", "<", "<=", ">", ">=")
_BAD_OPS = {"=": "==", "===": "==", "<>": "!=", "=>": ">=", "=<": "<=", "!": "not"}
_BAD_OPS |= {"&&": "and", "&": "and", "||": "or", "|": "or"}
_OP_CHARS = "=!<>&|"
_COMPARE_OPS: dict[str, CompareOp] = {op: op for op in COMPARE_OPS}
_TEXT_OPS: dict[str, Literal["contains", "startswith"]] = {
    "contains": "contains",
    "startswith": "startswith",
}
_OPERATOR_CHOICES = [*COMPARE_OPS, "in", "not in", "is null", "is not null"]
_OPERATOR_CHOICES += ["contains", "startswith"]
_ESCAPES = {"\\": "\\", "'": "'", '"': '"', "n": "\n", "t": "\t", "r": "\r"}
_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_JUNK = re.compile(r"[A-Za-z0-9_.]*")
_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?")


@dataclass(frozen=True)
class Field:
    """A field reference such as ``segment`` or ``properties.step``; ``position`` is its offset."""

    name: str
    position: int


@dataclass(frozen=True)
class Value:
    """A literal: text (``str``), number (``int``/``float``) or boolean; ``text`` as written."""

    value: str | int | float | bool
    position: int
    text: str

    @property
    def kind(self) -> Literal["string", "number", "boolean"]:
        """``"string"``, ``"number"`` or ``"boolean"``."""
        if isinstance(self.value, bool):
            return "boolean"
        return "string" if isinstance(self.value, str) else "number"


@dataclass(frozen=True)
class Compare:
    """``field op value``."""

    field: Field
    op: CompareOp
    value: Value


@dataclass(frozen=True)
class InList:
    """``field [not] in [v1, v2, …]``."""

    field: Field
    values: tuple[Value, ...]
    negated: bool = False


@dataclass(frozen=True)
class IsNull:
    """``field is [not] null``."""

    field: Field
    negated: bool = False


@dataclass(frozen=True)
class TextMatch:
    """``field [not] contains "text"`` or ``field [not] startswith "text"``."""

    field: Field
    op: Literal["contains", "startswith"]
    value: Value
    negated: bool = False


@dataclass(frozen=True)
class IsTrue:
    """A bare boolean field, the same as ``field == true``."""

    field: Field


@dataclass(frozen=True)
class And:
    """All of ``items``."""

    items: tuple[Expr, ...]


@dataclass(frozen=True)
class Or:
    """Any of ``items``."""

    items: tuple[Expr, ...]


@dataclass(frozen=True)
class Not:
    """The negation of ``item``."""

    item: Expr


Leaf: TypeAlias = Compare | InList | IsNull | TextMatch | IsTrue
Expr: TypeAlias = Leaf | And | Or | Not


def walk(expr: Expr) -> Iterator[Leaf]:
    """The leaf conditions of ``expr`` in source order."""
    if isinstance(expr, And | Or):
        for item in expr.items:
            yield from walk(item)
    elif isinstance(expr, Not):
        yield from walk(expr.item)
    else:
        yield expr


@dataclass(frozen=True)
class Rule:
    """A parsed rule: its source ``text`` and syntax tree ``expr``."""

    text: str
    expr: Expr

    def fields(self) -> frozenset[str]:
        """The names of every field the rule uses."""
        return frozenset(leaf.field.name for leaf in walk(self.expr))


# --- tokenizer -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Token:
    kind: Literal["field", "keyword", "string", "number", "op", "punct", "end"]
    text: str
    position: int
    value: str | int | float = ""


def _error(message: str, position: int, hint: str = "") -> RuleError:
    return RuleError(f"{message} at column {position + 1}{hint}", position=position)


def _read_string(text: str, start: int) -> tuple[str, int]:
    quote, i = text[start], start + 1
    out: list[str] = []
    while i < len(text):
        char = text[i]
        if char == quote:
            return "".join(out), i + 1
        if char == "\\":
            nxt = text[i + 1 : i + 2]
            if nxt not in _ESCAPES:
                shown = f"'\\{nxt}'" if nxt else "'\\' at the end"
                raise _error(f"unknown escape {shown}", i, "; write '\\\\' for a backslash")
            out.append(_ESCAPES[nxt])
            i += 2
        else:
            out.append(char)
            i += 1
    raise _error("unterminated string starting", start, f"; close it with {quote}")


def _tokenize(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char.isspace():
            i += 1
        elif char in "()[],":
            tokens.append(_Token("punct", char, i, char))
            i += 1
        elif char in "'\"":
            value, end = _read_string(text, i)
            tokens.append(_Token("string", text[i:end], i, value))
            i = end
        elif match := _NUMBER.match(text, i):
            end = match.end()
            junk = _JUNK.match(text, end)
            if junk is not None and junk[0]:
                raise _error(f"invalid number '{match[0]}{junk[0]}'", i)
            number: int | float = int(match[0]) if match.lastindex is None else float(match[0])
            if number in (float("inf"), float("-inf")):
                raise _error(f"number '{match[0]}' is out of range", i)
            tokens.append(_Token("number", match[0], i, number))
            i = end
        elif match := _IDENT.match(text, i):
            end = match.end()
            while text[end : end + 1] == ".":
                part = _IDENT.match(text, end + 1)
                if part is None:
                    raise _error(f"expected a name after '{text[i : end + 1]}'", end + 1)
                end = part.end()
            word = text[i:end]
            is_keyword = word.lower() in KEYWORDS
            kind: Literal["field", "keyword"] = "keyword" if is_keyword else "field"
            tokens.append(_Token(kind, word, i, word.lower() if is_keyword else word))
            i = end
        elif char in _OP_CHARS:
            end = i
            while end < len(text) and text[end] in _OP_CHARS:
                end += 1
            op = text[i:end]
            if op not in COMPARE_OPS:
                hint = _BAD_OPS.get(op) or closest(op, COMPARE_OPS)
                raise _error(
                    f"unknown operator '{op}'", i, f"; did you mean '{hint}'?" * bool(hint)
                )
            tokens.append(_Token("op", op, i, op))
            i = end
        else:
            raise _error(f"unexpected character '{char}'", i)
    tokens.append(_Token("end", "", len(text)))
    return tokens


# --- parser ----------------------------------------------------------------------------------


class _Parser:
    def __init__(self, text: str) -> None:
        self.tokens = _tokenize(text)
        self.index = 0

    @property
    def token(self) -> _Token:
        return self.tokens[self.index]

    def next(self) -> _Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def at(self, kind: str, *values: str) -> bool:
        token = self.token
        return token.kind == kind and (not values or token.value in values)

    def fail(self, expected: str, after: _Token | None = None, note: str = "") -> RuleError:
        token = self.token
        message = f"expected {expected}" + (f" after '{after.text}'" if after else "")
        got = "" if token.kind == "end" else f", got '{token.text}'"
        return _error(message, token.position, note + got)

    def parse(self) -> Expr:
        if self.at("end"):
            raise RuleError(
                'empty rule; write a condition such as segment == "premium"', position=0
            )
        expr = self.or_expr()
        if not self.at("end"):
            token = self.token
            hint = "; expected 'and', 'or' or the end of the rule"
            raise _error(f"unexpected '{token.text}'", token.position, hint)
        return expr

    def or_expr(self, after: _Token | None = None) -> Expr:
        items = [self.and_expr(after)]
        while self.at("keyword", "or"):
            items.append(self.and_expr(self.next()))
        return items[0] if len(items) == 1 else Or(tuple(items))

    def and_expr(self, after: _Token | None) -> Expr:
        items = [self.not_expr(after)]
        while self.at("keyword", "and"):
            items.append(self.not_expr(self.next()))
        return items[0] if len(items) == 1 else And(tuple(items))

    def not_expr(self, after: _Token | None) -> Expr:
        if self.at("keyword", "not"):
            return Not(self.not_expr(self.next()))
        if self.at("punct", "("):
            opening = self.next()
            expr = self.or_expr(opening)
            if not self.at("punct", ")"):
                raise self.fail("')'", note=f" to close the '(' at column {opening.position + 1}")
            self.next()
            return expr
        if self.at("field"):
            return self.comparison(self.next())
        if self.token.kind in ("string", "number") or self.at("keyword", "true", "false", "null"):
            hint = f", got '{self.token.text}' (the field goes on the left: segment == \"premium\")"
            raise _error("expected a field name", self.token.position, hint)
        raise self.fail("a condition", after)

    def literal(self, after: _Token) -> Value:
        token = self.token
        if token.kind in ("string", "number"):
            self.next()
            return Value(token.value, token.position, token.text)
        if self.at("keyword", "true", "false"):
            self.next()
            return Value(token.value == "true", token.position, token.text)
        if self.at("keyword", "null"):
            hint = f"; write 'is null' or 'is not null' instead of '{after.text} null'"
            raise _error("unexpected 'null'", token.position, hint)
        if token.kind == "field":
            hint = f", got '{token.text}' (quote text: \"{token.text}\")"
            raise _error(f"expected a value after '{after.text}'", token.position, hint)
        raise self.fail("a value", after)

    def comparison(self, name: _Token) -> Expr:
        field = Field(name.text, name.position)
        token = self.token
        if token.kind == "op":
            self.next()
            return Compare(field, _COMPARE_OPS[token.text], self.literal(token))
        negated = False
        if self.at("keyword", "not"):
            negated = True
            not_token = self.next()
            if not self.at("keyword", "in", "contains", "startswith"):
                raise self.fail("'in', 'contains' or 'startswith'", not_token)
        if self.at("keyword", "in"):
            return InList(field, self.in_list(self.next()), negated)
        if self.at("keyword", "contains", "startswith"):
            op = self.next()
            if not self.at("string"):
                raise self.fail("a quoted text", op)
            verb = _TEXT_OPS[str(op.value)]
            return TextMatch(field, verb, self.literal(op), negated)
        if self.at("keyword", "is"):
            is_token = self.next()
            if self.at("keyword", "not"):
                is_token = self.next()
                negated = True
            if not self.at("keyword", "null"):
                raise self.fail("'null'", is_token)
            self.next()
            return IsNull(field, negated)
        if token.kind == "field":
            hint = _suggest(token.text.lower(), _OPERATOR_CHOICES, listed=_OPERATOR_CHOICES)
            raise _error(f"unknown operator '{token.text}'", token.position, hint)
        if token.kind in ("string", "number") or self.at("keyword", "true", "false", "null"):
            raise self.fail("an operator such as '=='", name)
        return IsTrue(field)

    def in_list(self, in_token: _Token) -> tuple[Value, ...]:
        if not self.at("punct", "["):
            raise self.fail("'['", in_token)
        bracket = self.next()
        if self.at("punct", "]"):
            raise _error("empty list after 'in'", self.token.position, "; list at least one value")
        values = [self.literal(bracket)]
        while self.at("punct", ","):
            values.append(self.literal(self.next()))
        if not self.at("punct", "]"):
            raise self.fail("',' or ']'")
        self.next()
        return tuple(values)


def _suggest(value: str, candidates: Collection[str], *, listed: Collection[str]) -> str:
    hint = closest(value, candidates)
    text = f"; did you mean '{hint}'?" if hint else ""
    return f"{text} (valid: {', '.join(listed)})"


def parse_rule(text: str) -> Rule:
    """Parse ``text`` into a :class:`Rule`; raise :class:`RuleError` with the offset on error."""
    return Rule(text, _Parser(text).parse())


# --- checks ----------------------------------------------------------------------------------

JSON_FIELD: Literal["json"] = "json"
"""The kind :func:`field_kind` gives fields under an open prefix such as ``properties.``."""


def field_kind(
    name: str, fields: Mapping[str, FieldType], open_prefixes: Collection[str]
) -> FieldType | Literal["json"] | None:
    """The type of field ``name``, ``"json"`` for free-form properties, ``None`` if unknown."""
    if name in fields:
        return fields[name]
    head, dot, _ = name.partition(".")
    return JSON_FIELD if dot and head in open_prefixes else None


def parse_timestamp(text: str) -> datetime | None:
    """An ISO date/time (naive, in UTC), or ``None`` when ``text`` is not one."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment


def _unknown_field(field: Field, fields: Collection[str], prefixes: Collection[str]) -> RuleError:
    name = field.name
    rest = name.partition(".")[2]
    candidates = [*fields, *(f"{p}.{rest or 'key'}" for p in prefixes)]
    listed = sorted(fields) + sorted(f"{p}.<key>" for p in prefixes)
    if not rest and name in prefixes:
        message = f"'{name}' holds free-form properties; name one, e.g. '{name}.step'"
    else:
        message = f"unknown field '{name}'" + _suggest(name, candidates, listed=listed)
    return RuleError(message, position=field.position, code="rule_unknown_field")


def _mismatch(message: str, position: int) -> RuleError:
    return RuleError(message, position=position, code="rule_type_mismatch")


def _check_value(field: Field, kind: str, op: str, value: Value) -> None:
    """Raise when ``field op value`` compares different types."""
    name, shown = field.name, value.text
    if kind == JSON_FIELD:
        if value.kind == "boolean" and op not in ("==", "!=", "in"):
            raise _mismatch(
                f"'{op}' cannot compare '{name}' with the boolean {shown}", value.position
            )
        return
    if kind == "boolean":
        if op not in ("==", "!=", "in"):
            raise _mismatch(
                f"field '{name}' is a boolean; '{op}' does not apply (use == or !=)", value.position
            )
        if value.kind != "boolean":
            raise _mismatch(
                f"field '{name}' is a boolean; compare it with true or false, not {shown}",
                value.position,
            )
    elif kind == "timestamp":
        if value.kind != "string" or parse_timestamp(str(value.value)) is None:
            raise _mismatch(
                f"field '{name}' is a timestamp, but {shown} is not a quoted date/time "
                '(write "2024-01-31" or "2024-01-31 12:00:00")',
                value.position,
            )
    elif kind == "number" and value.kind != "number":
        quoted = value.kind == "string" and _NUMBER.fullmatch(str(value.value))
        fix = f"; write {value.value} without quotes" if quoted else ""
        raise _mismatch(
            f"field '{name}' is a number, but {shown} is a {value.kind}{fix}", value.position
        )
    elif kind == "string" and value.kind != "string":
        raise _mismatch(
            f"field '{name}' is a string, but {shown} is a {value.kind}; quote it: \"{shown}\"",
            value.position,
        )


def check_rule(
    rule: Rule, fields: Mapping[str, FieldType], *, open_prefixes: Collection[str] = ()
) -> None:
    """Raise :class:`RuleError` for the first unknown field or type mismatch in ``rule``.

    A field must be a key of ``fields`` or start with one of ``open_prefixes`` and a dot
    (free-form properties, whose values are text or JSON scalars).
    """
    for leaf in walk(rule.expr):
        field = leaf.field
        kind = field_kind(field.name, fields, open_prefixes)
        if kind is None:
            raise _unknown_field(field, fields, open_prefixes)
        if isinstance(leaf, Compare):
            _check_value(field, kind, leaf.op, leaf.value)
        elif isinstance(leaf, InList):
            kinds = {value.kind for value in leaf.values}
            if len(kinds) > 1:
                raise _mismatch(
                    f"the list after 'in' for '{field.name}' mixes {' and '.join(sorted(kinds))} "
                    "values",
                    leaf.values[0].position,
                )
            for value in leaf.values:
                _check_value(field, kind, "in", value)
        elif isinstance(leaf, TextMatch) and kind not in ("string", JSON_FIELD):
            raise _mismatch(
                f"field '{field.name}' is a {kind}; '{leaf.op}' needs a string field",
                field.position,
            )
        elif isinstance(leaf, IsTrue) and kind not in ("boolean", JSON_FIELD):
            raise _mismatch(
                f"field '{field.name}' is a {kind}, not a boolean; compare it with a value, "
                f"e.g. {field.name} == …",
                field.position,
            )
