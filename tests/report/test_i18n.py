"""The report's catalog is complete in both languages, and numbers and dates read as each
language writes them."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recorrido.report import LANGUAGES, MESSAGES, Text
from recorrido.report.blocks import theme_name
from recorrido.report.i18n import SINGULAR, Lang
from recorrido.voice.text.themes import THEMES


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


@pytest.mark.parametrize(
    ("seconds", "es", "en"),
    [
        (None, "–", "–"),
        (0, "0 s", "0 s"),
        (45.4, "45 s", "45 s"),
        (59.6, "1 min", "1 min"),  # rounds up to a whole minute
        (12 * 60 + 10, "12 min", "12 min"),
        (3569, "59 min", "59 min"),
        (3570, "1 h", "1 h"),
        (2 * 3600 + 5 * 60, "2 h 5 min", "2 h 5 min"),
        (86_399, "24 h", "24 h"),
        (86_400, "1 día", "1 day"),
        (3.5 * 86_400, "3,5 días", "3.5 days"),
        (8 * 86_400 + 100, "8 días", "8 days"),
        (12_345 * 86_400, "12.345 días", "12,345 days"),
    ],
)
def test_durations_read_as_people_say_them(seconds: float | None, es: str, en: str) -> None:
    assert (Text("es").duration(seconds), Text("en").duration(seconds)) == (es, en)


def test_clauses_make_one_sentence() -> None:
    t = Text("en")
    assert t.sentence(["by persona, a", "", "by channel, b"]) == "By persona, a; by channel, b."
    assert t.sentence([]) == ""


def test_every_comment_theme_has_a_name() -> None:
    for theme in THEMES:
        assert f"theme_{theme}" in MESSAGES, theme
    assert theme_name(Text("es"), "staff_manners") == "trato del personal"
    assert theme_name(Text("en"), "brand_new") == "brand new"  # an unknown theme: its id


def _seconds(text: str, lang: Lang) -> float:
    """A duration as :meth:`Text.duration` writes it, read back (plain Python)."""
    plain = text.replace(".", "").replace(",", ".") if lang == "es" else text.replace(",", "")
    parts = plain.split()
    units = {"s": 1, "min": 60, "h": 3600, "día": 86_400, "días": 86_400, "day": 86_400,
             "days": 86_400}  # fmt: skip
    return sum(float(n) * units[u] for n, u in zip(parts[::2], parts[1::2], strict=True))


@given(st.floats(min_value=0, max_value=10_000 * 86_400), st.sampled_from(LANGUAGES))
def test_a_duration_reads_back_close_to_its_seconds(seconds: float, lang: Lang) -> None:
    text = Text(lang).duration(seconds)
    error = 0.5 if seconds < 59.5 else 30 if seconds < 86_400 else 0.05 * 86_400
    assert abs(_seconds(text, lang) - seconds) <= error + 1e-6, text


@pytest.mark.parametrize(
    ("lang", "one", "many"),
    [
        (
            "es",
            "1 persona con eventos (1 cliente conocido), 1 evento y 1 respuesta de encuesta.",
            "11 personas con eventos (2001 clientes conocidos), 1,5 eventos y 21 respuestas "
            "de encuesta.",
        ),
        (
            "en",
            "1 person with events (1 known customer), 1 event and 1 survey answer.",
            "11 people with events (2,001 known customers), 1.5 events and 21 survey answers.",
        ),
    ],
)
def test_a_count_of_one_takes_the_singular(lang: Lang, one: str, many: str) -> None:
    t = Text(lang)
    assert t("summary", people="1", known="1", events="1", answers="1") == one
    numbers = {"people": 11, "known": 2001, "events": 1.5, "answers": 21}
    written = {k: t.number(v, 1 if k == "events" else 0) for k, v in numbers.items()}
    assert t("summary", **written) == many


def test_every_singular_noun_is_one_the_messages_count() -> None:
    for lang, nouns in SINGULAR.items():
        texts = " ".join(message[lang] for message in MESSAGES.values())
        for plural in nouns:
            assert re.search(r"\} " + re.escape(plural) + r"\b", texts), (lang, plural)
