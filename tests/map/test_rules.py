"""Tests of the rule language: parser, checks, Ibis compilation and the Python reference."""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from datetime import datetime
from typing import Any

import ibis
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recorrido.errors import RuleError
from recorrido.map.rule_compile import compile_rule, evaluate_rule, json_number_text
from recorrido.map.rules import (
    And,
    Compare,
    Field,
    FieldType,
    InList,
    IsNull,
    IsTrue,
    Not,
    Or,
    TextMatch,
    Value,
    check_rule,
    parse_rule,
)

FIELDS: dict[str, FieldType] = {
    "segment": "string",
    "channel": "string",
    "lifetime_value": "number",
    "orders": "number",
    "is_member": "boolean",
    "signup_at": "timestamp",
}
JSON = ["properties"]
SCHEMA = pa.schema(
    [
        ("id", pa.int64()),
        ("segment", pa.string()),
        ("channel", pa.string()),
        ("lifetime_value", pa.float64()),
        ("orders", pa.int64()),
        ("is_member", pa.bool_()),
        ("signup_at", pa.timestamp("us")),
        ("properties", pa.string()),
    ]
)


@pytest.fixture(scope="module")
def con() -> Iterator[Any]:
    connection = ibis.duckdb.connect()
    yield connection
    connection.disconnect()


def _matches(con: Any, text: str, rows: list[dict[str, Any]]) -> dict[int, bool]:
    """Run ``text`` over ``rows`` on DuckDB: ``{id: matched}``."""
    table = ibis.memtable(pa.Table.from_pylist(rows, schema=SCHEMA))
    predicate = compile_rule(parse_rule(text), table, FIELDS, json_columns=JSON)
    result = con.to_pyarrow(table.select("id", matched=predicate)).to_pylist()
    return {row["id"]: row["matched"] for row in result}


def _row(key: int, **values: Any) -> dict[str, Any]:
    return {name: values.get(name) for name in SCHEMA.names} | {"id": key}


def F(name: str, position: int) -> Field:  # noqa: N802
    return Field(name, position)


def V(value: str | float | bool, position: int, text: str) -> Value:  # noqa: N802
    return Value(value, position, text)


# --- parsing ---------------------------------------------------------------------------------


@pytest.mark.parametrize("op", ["==", "!=", "<", "<=", ">", ">="])
def test_parse_every_comparison_operator(op: str) -> None:
    rule = parse_rule(f"lifetime_value {op} 500")
    assert rule.expr == Compare(F("lifetime_value", 0), op, V(500, 16 + len(op), "500"))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("literal", "value"),
    [
        ('"premium"', "premium"),
        ("'premium'", "premium"),
        ('""', ""),
        (r'"say \"hi\""', 'say "hi"'),
        (r"'it\'s'", "it's"),
        (r'"a\\b\nc\td\re"', "a\\b\nc\td\re"),
        ('"café ✓"', "café ✓"),
        ("42", 42),
        ("-7", -7),
        ("2.5", 2.5),
        ("-0.5", -0.5),
        ("1e3", 1000.0),
        ("1.5E-2", 0.015),
        ("true", True),
        ("FALSE", False),
    ],
)
def test_parse_literals(literal: str, value: object) -> None:
    rule = parse_rule(f"x == {literal}")
    assert isinstance(rule.expr, Compare)
    assert rule.expr.value == Value(value, 5, literal)  # type: ignore[arg-type]
    assert type(rule.expr.value.value) is type(value)


def test_parse_literal_kinds() -> None:
    kinds = [parse_rule(f"x == {v}").expr.value.kind for v in ('"1"', "1", "1.0", "true")]  # type: ignore[union-attr]
    assert kinds == ["string", "number", "number", "boolean"]


def test_parse_in_lists() -> None:
    rule = parse_rule("channel in [\"web\", 'app']")
    assert rule.expr == InList(F("channel", 0), (V("web", 12, '"web"'), V("app", 19, "'app'")))
    rule = parse_rule("orders NOT IN [1, -2.5]")
    assert rule.expr == InList(F("orders", 0), (V(1, 15, "1"), V(-2.5, 18, "-2.5")), negated=True)
    assert parse_rule("x in [true]").expr == InList(F("x", 0), (V(True, 6, "true"),))


def test_parse_is_null() -> None:
    assert parse_rule("segment is null").expr == IsNull(F("segment", 0))
    assert parse_rule("segment IS NOT Null").expr == IsNull(F("segment", 0), negated=True)


def test_parse_text_matches() -> None:
    assert parse_rule('properties.url contains "/help"').expr == TextMatch(
        F("properties.url", 0), "contains", V("/help", 24, '"/help"')
    )
    assert parse_rule("url not StartsWith '/p/'").expr == TextMatch(
        F("url", 0), "startswith", V("/p/", 19, "'/p/'"), negated=True
    )


def test_parse_bare_boolean_field_and_not() -> None:
    assert parse_rule("is_member").expr == IsTrue(F("is_member", 0))
    assert parse_rule("not is_member").expr == Not(IsTrue(F("is_member", 4)))
    assert parse_rule("not not a").expr == Not(Not(IsTrue(F("a", 8))))


def test_parse_precedence_and_parentheses() -> None:
    a, b, c = IsTrue(F("a", 0)), IsTrue(F("b", 5)), IsTrue(F("c", 11))
    assert parse_rule("a or b and c").expr == Or((a, And((b, c))))
    assert parse_rule("a and b or c").expr == Or((And((IsTrue(F("a", 0)), IsTrue(F("b", 6)))), c))
    assert parse_rule("(a or b) and c").expr == And(
        (Or((IsTrue(F("a", 1)), IsTrue(F("b", 6)))), IsTrue(F("c", 13)))
    )
    assert parse_rule("not a and b").expr == And((Not(IsTrue(F("a", 4))), IsTrue(F("b", 10))))
    assert parse_rule("a or b or c").expr == Or(
        (IsTrue(F("a", 0)), IsTrue(F("b", 5)), IsTrue(F("c", 10)))
    )
    assert parse_rule("((a))").expr == IsTrue(F("a", 2))


def test_parse_keywords_are_case_insensitive() -> None:
    lower = parse_rule('a == 1 and not b in ["x"] or c is not null')
    upper = parse_rule('a == 1 AND NOT b IN ["x"] Or c IS NOT NULL')
    assert lower.expr == upper.expr


def test_parse_examples_and_fields() -> None:
    rule = parse_rule('segment == "premium" and lifetime_value >= 500')
    assert rule.fields() == frozenset({"segment", "lifetime_value"})
    rule = parse_rule('channel in ["web", "app"] and not properties.url contains "/help"')
    assert rule.fields() == frozenset({"channel", "properties.url"})
    assert rule.text.startswith("channel")
    assert hash(rule) == hash(parse_rule(rule.text))
    assert parse_rule("  \tproperties.a.b_2 == 'x'\n").fields() == {"properties.a.b_2"}


# --- syntax errors ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message", "position"),
    [
        ("", "empty rule", 0),
        ("   ", "empty rule", 0),
        ("segment ==", "expected a value after '==' at column 11", 10),
        ('segment ==  and x == "a"', "expected a value after '==' at column 13", 12),
        ('segment = "premium"', "unknown operator '=' at column 9; did you mean '=='?", 8),
        ("a <> 1", "unknown operator '<>' at column 3; did you mean '!='?", 2),
        ("a => 1", "did you mean '>='?", 2),
        ("a && b", "did you mean 'and'?", 2),
        ("a || b", "did you mean 'or'?", 2),
        ("a ! b", "did you mean 'not'?", 2),
        ('segment == "premium', "unterminated string starting at column 12", 11),
        ("segment == 'premium", "close it with '", 11),
        (r'a == "x\q"', r"unknown escape '\q' at column 8", 7),
        ('a == "x\\', "unknown escape", 7),
        ('segment == "a" b', "unexpected 'b' at column 16; expected 'and', 'or'", 15),
        ("a == 1)", "unexpected ')' at column 7", 6),
        ("a in []", "empty list after 'in' at column 7", 6),
        ("a in [1,]", "expected a value after ',' at column 9, got ']'", 8),
        ("a in [1 2]", "expected ',' or ']' at column 9, got '2'", 8),
        ("a in [1", "expected ',' or ']' at column 8", 7),
        ("a in 1", "expected '[' after 'in' at column 6", 5),
        ("a in [x]", "expected a value after '[' at column 7, got 'x'", 6),
        ("(a == 1", "expected ')' at column 8 to close the '(' at column 1", 7),
        ("()", "expected a condition after '(' at column 2", 1),
        ("a == 1 and", "expected a condition after 'and' at column 11", 10),
        ("a == 1 or or b", "expected a condition after 'or' at column 11, got 'or'", 10),
        ("not", "expected a condition after 'not' at column 4", 3),
        ('"premium" == segment', "expected a field name at column 1", 0),
        ("5 < a", "the field goes on the left", 0),
        ("a == null", "unexpected 'null' at column 6; write 'is null'", 5),
        ("a is nul", "expected 'null' after 'is' at column 6, got 'nul'", 5),
        ("a is not 1", "expected 'null' after 'not' at column 10", 9),
        ("a not == 1", "expected 'in', 'contains' or 'startswith' after 'not' at column 7", 6),
        ("a == premium", "expected a value after '==' at column 6, got 'premium'", 5),
        ("a equals 1", "unknown operator 'equals' at column 3 (valid: ==,", 2),
        ("a contain 'x'", "unknown operator 'contain' at column 3; did you mean 'contains'?", 2),
        ("a starts_with 'x'", "did you mean 'startswith'?", 2),
        ("a contains 1", "expected a quoted text after 'contains' at column 12, got '1'", 11),
        ('a "x"', "expected an operator such as '==' after 'a' at column 3", 2),
        ("a 5", "expected an operator such as '=='", 2),
        ("a..b == 1", "expected a name after 'a.' at column 3", 2),
        ("a. == 1", "expected a name after 'a.' at column 3", 2),
        ("a == 1.2.3", "invalid number '1.2.3' at column 6", 5),
        ("a == 12abc", "invalid number '12abc'", 5),
        ("a == 1.", "invalid number '1.'", 5),
        ("a == -", "unexpected character '-' at column 6", 5),
        ("a == 1e999", "number '1e999' is out of range", 5),
        ("a == 1 ; b", "unexpected character ';' at column 8", 7),
    ],
)
def test_syntax_errors(text: str, message: str, position: int) -> None:
    with pytest.raises(RuleError) as caught:
        parse_rule(text)
    assert message in str(caught.value)
    assert caught.value.position == position
    assert caught.value.code == "rule_invalid"
    assert caught.value.exit_code == 2


# --- field and type checks -------------------------------------------------------------------


def _check(text: str) -> None:
    check_rule(parse_rule(text), FIELDS, open_prefixes=JSON)


def test_check_accepts_well_typed_rules() -> None:
    for text in [
        'segment == "premium" and lifetime_value >= 500',
        'channel in ["web", "app"] and not properties.url contains "/help"',
        'is_member and signup_at >= "2024-01-31" and signup_at < "2024-02-01 12:30:00"',
        "is_member != false and orders in [1, 2.5] and segment is not null",
        'properties.step == "payment" or properties.qty > 2 or properties.flag == true',
        "properties.a.b and properties.x in [true, false] and properties.y is null",
        'segment < "m" and signup_at in ["2024-01-01"] and signup_at is null',
    ]:
        _check(text)


@pytest.mark.parametrize(
    ("text", "message", "position"),
    [
        (
            'segmnt == "premium"',
            "unknown field 'segmnt'; did you mean 'segment'? (valid: channel, is_member, "
            "lifetime_value, orders, segment, signup_at, properties.<key>)",
            0,
        ),
        ("orders == 1 and lifetme_value > 3", "did you mean 'lifetime_value'?", 16),
        ("propertes.step == 'a'", "did you mean 'properties.step'?", 0),
        ("zzz", "unknown field 'zzz' (valid:", 0),
        ('properties == "x"', "'properties' holds free-form properties", 0),
        ('event.step == "x"', "unknown field 'event.step'", 0),
    ],
)
def test_unknown_fields(text: str, message: str, position: int) -> None:
    with pytest.raises(RuleError) as caught:
        _check(text)
    assert message in str(caught.value)
    assert caught.value.code == "rule_unknown_field"
    assert caught.value.position == position


def test_unknown_field_without_open_prefixes() -> None:
    with pytest.raises(RuleError, match=r"unknown field 'properties\.step'") as caught:
        check_rule(parse_rule('properties.step == "x"'), FIELDS)
    assert "<key>" not in str(caught.value)


@pytest.mark.parametrize(
    ("text", "message", "position"),
    [
        (
            'lifetime_value >= "500"',
            "field 'lifetime_value' is a number, but \"500\" is a string; write 500 without quotes",
            18,
        ),
        ('orders == "many"', "field 'orders' is a number, but \"many\" is a string", 10),
        ("orders == true", "field 'orders' is a number, but true is a boolean", 10),
        ("segment == 5", "field 'segment' is a string, but 5 is a number; quote it", 11),
        ("segment != false", "field 'segment' is a string, but false is a boolean", 11),
        ("is_member == 1", "field 'is_member' is a boolean; compare it with true or false", 13),
        ("is_member < true", "field 'is_member' is a boolean; '<' does not apply", 12),
        ('is_member == "yes"', 'not "yes"', 13),
        ("signup_at > 5", "field 'signup_at' is a timestamp, but 5 is not a quoted date", 12),
        ('signup_at > "soon"', '"soon" is not a quoted date/time', 12),
        ('lifetime_value contains "5"', "field 'lifetime_value' is a number; 'contains'", 0),
        ('signup_at startswith "2024"', "is a timestamp; 'startswith' needs a string", 0),
        ('is_member contains "t"', "is a boolean; 'contains' needs a string field", 0),
        ("segment", "field 'segment' is a string, not a boolean", 0),
        ("orders and is_member", "field 'orders' is a number, not a boolean", 0),
        ('orders in [1, "2"]', "the list after 'in' for 'orders' mixes number and string", 11),
        ('segment in ["a", 1]', "mixes number and string values", 12),
        ('properties.x in ["a", true]', "mixes boolean and string values", 17),
        ('segment not in ["a", "b", 3]', "mixes", 16),
        ("orders in [1, 2, true]", "mixes boolean and number", 11),
        ('segment in ["a", "b"] and orders in ["3"]', "'orders' is a number, but \"3\"", 37),
        ("properties.flag < true", "'<' cannot compare 'properties.flag' with the boolean", 18),
    ],
)
def test_type_mismatches(text: str, message: str, position: int) -> None:
    with pytest.raises(RuleError) as caught:
        _check(text)
    assert message in str(caught.value)
    assert caught.value.code == "rule_type_mismatch"
    assert caught.value.position == position


def test_dotted_declared_field_is_a_plain_column() -> None:
    fields: dict[str, FieldType] = {"person.tier": "string", "properties": "string"}
    check_rule(parse_rule('person.tier == "gold" and properties == "{}"'), fields)


# --- compile and run on DuckDB ---------------------------------------------------------------

ROWS = [
    _row(
        1,
        segment="premium",
        channel="web",
        lifetime_value=600.0,
        orders=7,
        is_member=True,
        signup_at=datetime(2024, 3, 1, 9, 30),
        properties='{"step": "payment", "url": "/checkout", "qty": "3", "price": 2.5,'
        ' "flag": true, "nested": {"level": "gold", "n": 10}, "tags": ["a"]}',
    ),
    _row(
        2,
        segment="basic",
        channel="app",
        orders=0,
        is_member=False,
        signup_at=datetime(2023, 12, 31, 23, 59),
        properties='{"step": "cart", "url": "/help/faq", "qty": "three", "price": "9.75",'
        ' "flag": "false", "nested": {"level": null}}',
    ),
    _row(
        3,
        segment="premium",
        channel="store",
        lifetime_value=float("nan"),
        properties="not json at all",
    ),
    _row(
        4,
        segment="Premium",
        channel="web",
        lifetime_value=100.0,
        orders=2,
        is_member=True,
        signup_at=datetime(2024, 1, 1),
        properties='{"step": "payment", "url": "/help", "qty": 12, "price": "1e3",'
        ' "flag": "TRUE", "nested": "flat"}',
    ),
    _row(5, channel="web", properties='["step", "payment"]'),
    _row(6, segment="", lifetime_value=500.0, orders=5, properties='{"url": "", "qty": " 4 "}'),
]

CASES = [
    ('segment == "premium" and lifetime_value >= 500', {1}),
    ('segment != "premium"', {2, 4, 6}),
    ('not segment == "premium"', {2, 4, 6}),
    ('segment < "a"', {4, 6}),
    ('segment >= "basic"', {1, 2, 3}),
    ("lifetime_value >= 500", {1, 6}),
    ("lifetime_value is null", {2, 3, 5}),
    ("lifetime_value != 600", {4, 6}),
    ("orders > 1.5", {1, 4, 6}),
    ("orders in [0, 5]", {2, 6}),
    ("orders not in [0, 5]", {1, 4}),
    ("is_member", {1, 4}),
    ("not is_member", {2}),
    ("is_member == false", {2}),
    ("is_member != true", {2}),
    ("is_member is null", {3, 5, 6}),
    ('signup_at >= "2024-01-01"', {1, 4}),
    ('signup_at < "2024-01-01T00:00:01"', {2, 4}),
    ('signup_at in ["2024-01-01 00:00:00"]', {4}),
    ('signup_at > "2024-03-01T08:30:00+00:00"', {1}),
    ('channel in ["web", "app"] and not properties.url contains "/help"', {1}),
    ('channel in ["web", "app"]', {1, 2, 4, 5}),
    ('channel not in ["web"]', {2, 3}),
    ('properties.step == "payment"', {1, 4}),
    ('properties.step != "payment"', {2}),
    ('properties.url startswith "/help"', {2, 4}),
    ('properties.url not startswith "/help"', {1, 6}),
    ('properties.url contains ""', {1, 2, 4, 6}),
    ('segment contains "rem"', {1, 3, 4}),
    ('segment startswith "P"', {4}),
    ("properties.qty >= 3", {1, 4}),
    ("properties.qty < 4", {1}),
    ('properties.qty == "12"', {4}),
    ('properties.qty in ["3", "three"]', {1, 2}),
    ("properties.qty in [12, 3]", {1, 4}),
    ("properties.price > 2", {1, 2, 4}),
    ("properties.price == 1000", {4}),
    ('properties.price == "2.5"', {1}),
    ("properties.flag", {1}),
    ("properties.flag == false", {2}),
    ("not properties.flag", {2}),
    ('properties.flag == "true"', {1}),
    ("properties.nested.level == 'gold'", {1}),
    ("properties.nested.n == 10", {1}),
    ("properties.nested.level is null", {2, 3, 4, 5, 6}),
    ("properties.nested is null", {1, 2, 3, 5, 6}),
    ("properties.tags is null", {1, 2, 3, 4, 5, 6}),
    ("properties.step is not null", {1, 2, 4}),
    ("properties.missing is null", {1, 2, 3, 4, 5, 6}),
    ("properties.step is null or properties.url == ''", {3, 5, 6}),
    ("(orders > 1 or is_member) and not channel == 'app'", {1, 4}),
    ("(orders > 1 or is_member) and not channel == 'web'", set()),
    ('not (segment == "premium" or segment == "basic")', {4, 6}),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_compile_runs_on_duckdb(con: Any, text: str, expected: set[int]) -> None:
    matched = _matches(con, text, ROWS)
    assert {key for key, value in matched.items() if value} == expected
    assert all(value is not None for value in matched.values())
    reference = {
        row["id"] for row in ROWS if evaluate_rule(parse_rule(text), row, FIELDS, json_columns=JSON)
    }
    assert reference == expected


def test_evaluate_accepts_parsed_properties() -> None:
    row = {"channel": "web", "properties": {"step": "payment", "n": 2.0, "flag": True}}
    rule = parse_rule('channel == "web" and properties.step == "payment" and properties.n == "2.0"')
    assert evaluate_rule(rule, row, FIELDS, json_columns=JSON)
    assert evaluate_rule(
        parse_rule("properties.flag and properties.n > 1"), row, FIELDS, json_columns=JSON
    )
    assert not evaluate_rule(
        parse_rule("properties.step.x is not null"), row, FIELDS, json_columns=JSON
    )
    assert not evaluate_rule(parse_rule("segment is not null"), {}, FIELDS)


def test_compile_and_evaluate_check_the_rule(con: Any) -> None:
    table = ibis.memtable(pa.Table.from_pylist(ROWS, schema=SCHEMA))
    with pytest.raises(RuleError, match="unknown field 'sgment'"):
        compile_rule(parse_rule('sgment == "x"'), table, FIELDS, json_columns=JSON)
    with pytest.raises(RuleError) as caught:
        evaluate_rule(parse_rule('orders == "x"'), {}, FIELDS)
    assert caught.value.code == "rule_type_mismatch"
    with pytest.raises(RuleError, match=r"'country' is not a column of the table") as missing:
        compile_rule(parse_rule('country == "ES"'), table, {"country": "string"})
    assert missing.value.code == "rule_unknown_field"


def test_compiled_predicate_is_null_safe_and_plain_sql(con: Any) -> None:
    table = ibis.memtable(pa.Table.from_pylist(ROWS, schema=SCHEMA))
    predicate = compile_rule(parse_rule("properties.qty >= 3"), table, FIELDS, json_columns=JSON)
    sql = ibis.to_sql(table.filter(predicate), dialect="duckdb")
    assert "COALESCE(" in sql
    assert "TRY_CAST(" in sql
    assert con.to_pyarrow(table.filter(predicate).count()).as_py() == 2


def test_json_typed_column(con: Any) -> None:
    data = pa.table({"id": [1, 2], "properties": ['{"a": "x"}', '{"a": 1}']})
    table = ibis.memtable(data).mutate(properties=ibis._.properties.cast("json"))
    predicate = compile_rule(parse_rule("properties.a == 'x'"), table, {}, json_columns=JSON)
    assert con.to_pyarrow(table.filter(predicate).select("id"))["id"].to_pylist() == [1]


@pytest.mark.parametrize(
    "number",
    [
        0.0,
        -0.0,
        1.5,
        -2.25,
        1000.0,
        1e-7,
        1.5e-7,
        1e-6,
        0.00001,
        1.5e-5,
        1e20,
        1e21,
        1e22,
        0.1,
        123456789012345678.5,
        0.30000000000000004,
        5e-324,
        1.7976931348623157e308,
        -3.75e-10,
    ],
)
def test_json_number_text_matches_duckdb(con: Any, number: float) -> None:
    table = ibis.memtable(pa.table({"p": [json.dumps({"a": number})]}))
    text = table.p.try_cast("json")["a"].cast("string")
    assert con.to_pyarrow(table.select(t=text))["t"].to_pylist() == [json_number_text(number)]


def test_json_number_text_special_values() -> None:
    assert json_number_text(math.nan) == "NaN"
    assert json_number_text(math.inf) == "Infinity"
    assert json_number_text(-math.inf) == "-Infinity"
    assert json_number_text(-0.0) == "-0.0"


# --- property test: DuckDB == reference evaluator --------------------------------------------

# Values and literals come from overlapping pools so that equal values, numeric-looking text
# (some of it not numeric for the rules: " 5", "0x1", "nan"), JSON number renderings and NULLs
# meet often.
TEXTS = [
    "",
    "a",
    "ab",
    "b",
    "B",
    "web",
    "app",
    "10",
    "2.5",
    "-3",
    "1e2",
    " 5",
    "5 ",
    "nan",
    "inf",
    "true",
    "false",
    "True",
    "é",
    "/help",
    'a\\"b',
    "1_0",
    "0x1",
    "+1",
    ".5",
    "1e-7",
    "100.0",
    "0.0",
    "-0.0",
    "1e16",
    "10000000000000000.0",
    "1e21",
    "0.00001",
    "3",
]
FLOATS = [1e-7, 1e16, 1e21, 100.0, 2.5, -0.0, 0.0, 0.1, 1e-05, 3.0, -3.0, 0.5, 1e2]
NUMBERS = [0, 1, -3, 3, 10, 100, 1e21, *FLOATS]
TIMES = [datetime(2024, 1, 1), datetime(2024, 1, 1, 12), datetime(2023, 6, 30, 23, 59, 59)]
JSON_PATHS = [
    "properties.step",
    "properties.qty",
    "properties.flag",
    "properties.x.y",
    "properties.missing",
]

texts = st.sampled_from(TEXTS) | st.text(alphabet="ab/.-1é ", max_size=4)
numbers = st.sampled_from(NUMBERS) | st.integers(-5, 105)
json_scalars: st.SearchStrategy[Any] = st.one_of(
    st.sampled_from(TEXTS),
    st.sampled_from(TEXTS),
    st.sampled_from([*FLOATS, 3, 10, -3, True, False, None, {}, [1, "a"], 10**20]),
    texts,
    st.floats(allow_nan=False, allow_infinity=False),
)
json_docs = st.fixed_dictionaries(
    {},
    optional={
        "step": json_scalars,
        "qty": json_scalars,
        "flag": json_scalars,
        "x": st.fixed_dictionaries({}, optional={"y": json_scalars}) | json_scalars,
    },
)
properties = st.one_of(
    json_docs.map(json.dumps),
    json_docs.map(json.dumps),
    st.sampled_from([None, "not json", "[1, 2]", '"step"', "{}", '{"step": NaN, "qty": "x"}']),
)
records = st.fixed_dictionaries(
    {
        "segment": st.none() | texts,
        "channel": st.none() | texts,
        "lifetime_value": st.sampled_from([None, math.nan]) | numbers.map(float),
        "orders": st.none() | st.integers(-5, 105),
        "is_member": st.none() | st.booleans(),
        "signup_at": st.none() | st.sampled_from(TIMES),
        "properties": properties,
    }
)


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _number(value: float) -> str:
    return str(value) if isinstance(value, int) else repr(value)


def _leaf(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["string", "number", "boolean", "timestamp", "json", "json"]))
    ops = ["==", "!=", "<", "<=", ">", ">="]
    negated = draw(st.sampled_from(["", "not ", "NOT "]))
    if kind == "timestamp":
        moment = draw(st.sampled_from(TIMES)).isoformat(sep=draw(st.sampled_from([" ", "T"])))
        return draw(
            st.sampled_from(
                [
                    f"signup_at {draw(st.sampled_from(ops))} {_quote(moment)}",
                    f"signup_at {negated}in [{_quote(moment)}]",
                    f"signup_at is {negated}null",
                ]
            )
        )
    field = draw(
        st.sampled_from(
            {
                "string": ["segment", "channel"],
                "number": ["lifetime_value", "orders"],
                "boolean": ["is_member"],
                "json": JSON_PATHS,
            }[kind]
        )
    )
    literal_kind = (
        draw(st.sampled_from(["string", "number", "boolean"])) if kind == "json" else kind
    )
    if literal_kind == "boolean":
        value = draw(st.sampled_from(["true", "false", "TRUE"]))
        op = draw(st.sampled_from(["==", "!="]))
        choices = [field, f"{field} {op} {value}", f"{field} {negated}in [{value}]"]
        return draw(st.sampled_from([*choices, f"{field} is {negated}null"]))
    literal = texts.map(_quote) if literal_kind == "string" else numbers.map(_number)
    values = draw(st.lists(literal, min_size=1, max_size=3))
    choices = [
        f"{field} {draw(st.sampled_from(ops))} {values[0]}",
        f"{field} {draw(st.sampled_from(ops))} {values[0]}",
        f"{field} {negated}in [{', '.join(values)}]",
        f"{field} is {negated}null",
    ]
    if literal_kind == "string":
        verb = draw(st.sampled_from(["contains", "startswith", "CONTAINS"]))
        choices.append(f"{field} {negated}{verb} {_quote(draw(texts))}")
    return draw(st.sampled_from(choices))


@st.composite
def rules(draw: st.DrawFn, depth: int = 0) -> str:
    """Random well-typed rule texts over FIELDS and ``properties``."""
    shape = draw(st.sampled_from(["leaf", "leaf", "and", "or", "not"] if depth < 3 else ["leaf"]))
    if shape == "leaf":
        return _leaf(draw)
    if shape == "not":
        return f"{draw(st.sampled_from(['not', 'NOT']))} ({draw(rules(depth + 1))})"
    items = draw(st.lists(rules(depth + 1), min_size=2, max_size=3))
    keyword = draw(st.sampled_from([shape, shape.upper()]))
    return f" {keyword} ".join(f"({item})" for item in items)


def _parsed(value: object) -> object:
    try:
        return json.loads(value) if isinstance(value, str) else value
    except ValueError:
        return value


@settings(max_examples=60, deadline=None)
@given(
    rows=st.lists(records, min_size=4, max_size=16),
    rule_texts=st.lists(rules(), min_size=4, max_size=8),
)
def test_duckdb_agrees_with_reference(
    con: Any, rows: list[dict[str, Any]], rule_texts: list[str]
) -> None:
    rows = [row | {"id": index} for index, row in enumerate(rows)]
    table = ibis.memtable(pa.Table.from_pylist(rows, schema=SCHEMA))
    parsed_rules = [parse_rule(text) for text in rule_texts]
    columns = {
        f"r{i}": compile_rule(rule, table, FIELDS, json_columns=JSON)
        for i, rule in enumerate(parsed_rules)
    }
    result = con.to_pyarrow(table.select("id", **columns).order_by("id")).to_pylist()
    for row, got in zip(rows, result, strict=True):
        with_dict = row | {"properties": _parsed(row["properties"])}
        for i, rule in enumerate(parsed_rules):
            expected = evaluate_rule(rule, row, FIELDS, json_columns=JSON)
            assert got[f"r{i}"] is expected, (rule.text, row)
            assert evaluate_rule(rule, with_dict, FIELDS, json_columns=JSON) is expected


@settings(max_examples=30, deadline=None)
@given(rules())
def test_rule_strategy_yields_well_typed_rules(text: str) -> None:
    check_rule(parse_rule(text), FIELDS, open_prefixes=JSON)
