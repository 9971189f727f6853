"""The report's catalog is complete in both languages, and numbers and dates read as each
language writes them."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from recorrido.report import LANGUAGES, MESSAGES, Text


def test_every_message_has_both_languages_and_the_same_fields() -> None:
    for key, texts in MESSAGES.items():
        assert set(texts) == set(LANGUAGES), key
        fields = [set(re.findall(r"{(\w+)}", texts[lang])) for lang in LANGUAGES]
        assert fields[0] == fields[1], key
        assert all(text.strip() for text in texts.values()), key


@pytest.mark.parametrize(
    ("lang", "value", "digits", "expected"),
    [
        ("es", 1234.5, 1, "1234,5"),  # Spanish groups from five digits
        ("es", 12345.5, 1, "12.345,5"),
        ("es", -1234567, 0, "-1.234.567"),
        ("en", 1234.5, 1, "1,234.5"),
        ("en", -1234567, 0, "-1,234,567"),
        ("en", 0.5, 2, "0.50"),
        ("es", None, 0, "–"),
    ],
)
def test_numbers(lang: str, value: float | None, digits: int, expected: str) -> None:
    assert Text(lang).number(value, digits) == expected  # type: ignore[arg-type]


def test_percent_signed_and_dates() -> None:
    es, en = Text("es"), Text("en")
    assert (es.percent(0.384), en.percent(0.384)) == ("38 %", "38%")
    assert (es.percent(0.3846, 1), en.percent(0.3846, 1)) == ("38,5 %", "38.5%")
    assert (es.signed(2.5, 1), en.signed(-2.5, 1), en.signed(0)) == ("+2,5", "-2.5", "0")
    day = dt.date(2026, 11, 30)
    assert (es.date(day), en.date(day)) == ("30 nov 2026", "30 Nov 2026")
    assert es("people_n", n=es.number(12345)) == "12.345 personas"
    assert (Text("es", "EUR").money(117.06), Text("en", "MXN").money(12345.5)) == (
        "117,06 EUR",
        "12,345.50 MXN",
    )
    assert Text("en").money(3.0) == "3.00" and Text("es", "EUR").money(None) == "–"
    with pytest.raises(ValueError, match="use es or en"):
        Text("fr")  # type: ignore[arg-type]
