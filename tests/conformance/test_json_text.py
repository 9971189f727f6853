"""``json_text``: one JSON value as text, identical on every engine (rules on properties)."""

from __future__ import annotations

import json

import ibis

from recorrido.map.json_text import json_text
from recorrido.map.rule_compile import json_number_text
from tests.conformance.harness import normalise, run_on

DOUBLES = [0.0, -0.0, 2.5, -2.25, 1000.0, 1e-7, 1.5e-7, 1e-6, 1.5e-5, 0.001, 1e7, 1.2345e8]
DOUBLES += [1e20, 1.2345e20, 1e21, 1e22, 0.1, 123456789012345678.5, -3.75e-10, 1.5e300]
SCALARS: list[object] = [*DOUBLES, 3, -3, 12345678901234567, True, False, None, {}, [1]]
SCALARS += ["", "x", 'say "hi"', "é\\n", "{x", "[1]", "1e3", "true"]
SCHEMA = ibis.schema({"seq": "int64", "properties": "string"})


def expected(value: object) -> str | None:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return json_number_text(value)
    return str(value) if isinstance(value, int | str) else None


def test_json_values_read_alike_on_every_engine(backend: str) -> None:
    rows = [
        {"seq": i, "properties": json.dumps({"a": {"b": value}, "b": 1})}
        for i, value in enumerate(SCALARS)
    ]
    got = run_on(
        backend,
        lambda t: t.select("seq", text=json_text(t.properties, ("a", "b"))),
        rows,
        schema=SCHEMA,
        name="json_docs",
    )
    assert got == normalise([{"seq": i, "text": expected(v)} for i, v in enumerate(SCALARS)])
