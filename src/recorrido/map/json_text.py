"""The text of one value in a column of JSON text, read the same way on every engine.

``json_text(column, ("a", "b"))`` is the value at key ``b`` of the object at key ``a``, as text:
a JSON string as its characters (escapes resolved), an integer as its digits, a number with a
fraction or an exponent as its shortest decimal text in DuckDB's style (``2.50`` → ``2.5``,
``1e3`` → ``1000.0``, ``1e20`` → ``100000000000000000000.0``, ``1e21`` → ``1e21``, ``1e-7`` →
``1e-7``: see :func:`recorrido.map.rule_compile.json_number_text`), ``true``/``false`` as
``"true"``/``"false"``; NULL for JSON ``null``, objects, arrays, missing keys, a parent that is
not an object, and text that is not valid JSON.

Ibis 12 cannot read JSON text on Spark or ClickHouse, so :class:`JSONScalarText` is an Ibis
operation compiled here for each SQL dialect, with the engine's own JSON functions:

- **DuckDB**: ``json_value`` of valid JSON text (``json_valid``), NULL unless a scalar, then
  ``json_extract_string`` of that value alone (the document is parsed once per path).
- **ClickHouse**: ``JSONType`` and ``JSONExtractString`` / ``JSONExtractRaw`` (integers and
  booleans as written) / ``toString(JSONExtractFloat(…))``, which writes whole doubles without
  ``.0`` (``1000``): it is added.
- **Spark**: ``get_json_object``, which writes a string without quotes, like an object's text;
  the kind of the value is read from the same path under a wildcard
  (``get_json_object('[' || text || ']', '$[*].a.b')``), where strings keep their quotes.
  Doubles come as Java writes them (``1.0E21``, ``1.2345E8``) and are rewritten in DuckDB's
  style (:data:`SPARK_DOUBLE_TEXT`).
"""

from __future__ import annotations

from typing import Any, cast

import ibis.expr.datatypes as dt
import ibis.expr.operations as ops
import ibis.expr.rules as rlz
import ibis.expr.types as ir
import sqlglot as sg
import sqlglot.expressions as sge
from ibis.backends.sql.compilers import ClickHouseCompiler, DuckDBCompiler, PySparkCompiler
from ibis.common.typing import VarTuple

__all__ = ["SPARK_DOUBLE_TEXT", "JSONScalarText", "json_text"]


class JSONScalarText(ops.Value):  # type: ignore[misc]
    """The text of the scalar at ``path`` in the JSON text ``arg`` (see the module)."""

    arg: ops.Value[dt.String]
    path: VarTuple[str]

    dtype = dt.string
    shape = rlz.shape_like("arg")


def json_text(column: ir.StringValue, path: tuple[str, ...]) -> ir.StringValue:
    """The text of the value at ``path`` in the JSON-text ``column`` (see the module)."""
    result: ir.StringValue = JSONScalarText(column, tuple(path)).to_expr()
    return result


def _json_path(path: tuple[str, ...], prefix: str = "$") -> sge.Expression:
    return sge.Literal.string(prefix + "".join(f".{key}" for key in path))


# --- DuckDB --------------------------------------------------------------------------------------


def _duckdb(self: Any, op: JSONScalarText, *, arg: Any, path: tuple[str, ...]) -> Any:
    # json_value is NULL unless the value at path is a scalar; the document is parsed once
    # per path (twice as fast as json_extract, then json_type of the value in a lambda)
    scalar = self.f.json_value(arg, _json_path(path))
    text = self.f.json_extract_string(scalar, sge.convert("$"))  # NULL for JSON null
    return sge.Case().when(self.f.json_valid(arg), text)  # NULL when not JSON


# --- ClickHouse ----------------------------------------------------------------------------------


def _clickhouse(self: Any, op: JSONScalarText, *, arg: Any, path: tuple[str, ...]) -> Any:
    keys = [sge.convert(key) for key in path]
    double = self.f.toString(self.f.JSONExtractFloat(arg, *keys))
    whole = sge.RegexpLike(this=double, expression=sge.convert(r"^-?[0-9]+$"))
    return (
        sge.Case(this=self.f.JSONType(arg, *keys))
        .when(sge.convert("String"), self.f.JSONExtractString(arg, *keys))
        .when(sge.convert("Double"), self.if_(whole, self.f.concat(double, ".0"), double))
        .when(sge.convert("Int64"), self.f.JSONExtractRaw(arg, *keys))  # as written
        .when(sge.convert("UInt64"), self.f.JSONExtractRaw(arg, *keys))
        .when(sge.convert("Bool"), self.f.JSONExtractRaw(arg, *keys))
    )


# --- Spark ---------------------------------------------------------------------------------------

SPARK_DOUBLE_TEXT = r"""
CASE WHEN NOT v LIKE '%E%' THEN v
ELSE ELEMENT_AT(TRANSFORM(
  ARRAY(NAMED_STRUCT(
    's', REGEXP_EXTRACT(v, '^(-?)([0-9])[.]([0-9]+)E(-?[0-9]+)$', 1),
    'd', REGEXP_REPLACE(REGEXP_REPLACE(v, '^-?([0-9])[.]([0-9]+)E.*$', '$1$2'), '0+$', ''),
    'n', CAST(REGEXP_EXTRACT(v, '^(-?)([0-9])[.]([0-9]+)E(-?[0-9]+)$', 4) AS INT))),
  p -> CASE
    WHEN p.n >= 21 OR p.n <= -7 THEN CONCAT(p.s, SUBSTRING(p.d, 1, 1),
      IF(LENGTH(p.d) > 1, CONCAT('.', SUBSTRING(p.d, 2)), ''), 'e', CAST(p.n AS STRING))
    WHEN p.n >= 0 AND LENGTH(p.d) <= p.n + 1 THEN
      CONCAT(p.s, p.d, REPEAT('0', p.n + 1 - LENGTH(p.d)), '.0')
    WHEN p.n >= 0 THEN CONCAT(p.s, SUBSTRING(p.d, 1, p.n + 1), '.', SUBSTRING(p.d, p.n + 2))
    ELSE CONCAT(p.s, '0.', REPEAT('0', -p.n - 1), p.d)
  END), 1)
END
"""
"""A double as Java writes it (``v``: ``1000.0``, ``1.2345E8``, ``1.0E-7``) in DuckDB's style.

Java writes ``d.ddd`` for 10⁻³ ≤ |x| < 10⁷, which is DuckDB's text too, and ``d.dddEn``
otherwise; DuckDB writes ``n ≥ 21`` and ``n ≤ -7`` as ``d.ddden`` and the others in full.
"""

_SPARK_DOUBLE = cast(sge.Expression, sg.parse_one(SPARK_DOUBLE_TEXT, read="spark"))


def _bind(value: sge.Expression, name: str, body: sge.Expression) -> sge.Expression:
    """``body`` with ``name`` bound to ``value``, computed once: ``transform(array(value), …)``."""
    lambda_ = sge.Lambda(this=body, expressions=[sge.to_identifier(name)])
    mapped = sge.Anonymous(this="TRANSFORM", expressions=[sge.Array(expressions=[value]), lambda_])
    return sge.Anonymous(this="ELEMENT_AT", expressions=[mapped, sge.convert(1)])


def _spark(self: Any, op: JSONScalarText, *, arg: Any, path: tuple[str, ...]) -> Any:
    wrapped = self.f.concat(sge.convert("["), arg, sge.convert("]"))
    # one document only: '{…}, {…}' would be an array of two once wrapped
    two = self.f.get_json_object(wrapped, sge.convert("$[1]"))
    quoted = sg.column("q")  # the value at path as JSON: strings keep their quotes
    first = self.f.substr(quoted, sge.convert(1), sge.convert(1))
    number = sge.RegexpLike(this=quoted, expression=sge.convert(r"^-?[0-9]"))
    double = sge.RegexpLike(this=quoted, expression=sge.convert(r"[.E]"))
    text = (
        sge.Case()
        .when(
            sge.EQ(this=first, expression=sge.convert('"')),
            self.f.get_json_object(arg, _json_path(path)),
        )
        .when(sge.In(this=quoted, expressions=[sge.convert("true"), sge.convert("false")]), quoted)
        .when(sge.And(this=number, expression=double), _bind(quoted, "v", _SPARK_DOUBLE.copy()))
        .when(number, quoted)
    )
    return self.if_(
        sge.Is(this=two, expression=sge.Null()),
        _bind(self.f.get_json_object(wrapped, _json_path(path, "$[*]")), "q", text),
        sge.Null(),
    )


for _compiler, _visit in (
    (DuckDBCompiler, _duckdb),
    (ClickHouseCompiler, _clickhouse),
    (PySparkCompiler, _spark),
):
    _compiler.visit_JSONScalarText = _visit
