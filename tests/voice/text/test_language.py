"""Language detection: Spanish, English, and everything else as "other"."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recorrido.voice.text import detect_language, language_guess
from recorrido.voice.text.analyse import declared_language


@pytest.mark.parametrize(
    "text",
    [
        "El camarero nos trajo la cuenta sin que se la pidiéramos",
        "el pedido llego tarde y sin avisar",  # no accents
        "¿Me podéis decir cuándo abrís?",
        "Muy rico todo 😋",
    ],
)
def test_spanish(text: str) -> None:
    assert detect_language(text) == "es"


@pytest.mark.parametrize(
    "text",
    [
        "The waiter brought the bill before we asked for it",
        "my order came late and nobody told me",
        "Can you tell me when you open?",
        "Really tasty 😋 thanks",
    ],
)
def test_english(text: str) -> None:
    assert detect_language(text) == "en"


@pytest.mark.parametrize(
    "text",
    [
        "La livraison était en retard et le colis abîmé.",  # French
        "O atendimento foi ótimo, mas o café estava frio.",  # Portuguese
        "Die Bestellung kam zu spät und der Kaffee war kalt.",  # German
        "Il personale è stato gentile ma il caffè era freddo.",  # Italian
    ],
)
def test_other_languages_are_other(text: str) -> None:
    guess = language_guess(text)
    assert guess.language == "other"
    assert guess.confidence > 0.3


@pytest.mark.parametrize("text", ["", "   ", None, "Genial", "OK!", "👍👍"])
def test_empty_or_one_word_is_other_with_low_confidence(text: str | None) -> None:
    guess = language_guess(text)
    assert guess.language == "other"
    assert guess.confidence <= 0.1


def test_confidence_grows_with_evidence() -> None:
    short = language_guess("muy bueno")
    long = language_guess("El café estaba muy bueno y el camarero fue muy amable con nosotros")
    assert short.language == long.language == "es"
    assert short.confidence < long.confidence <= 1.0


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("es", "es"),
        ("es-ES", "es"),
        ("Español", "es"),
        ("castellano", "es"),
        ("EN_gb", "en"),
        ("English", "en"),
        ("inglés", "en"),
        ("fr", None),
        ("", None),
        (None, None),
    ],
)
def test_declared_language(value: str | None, expected: str | None) -> None:
    assert declared_language(value) == expected


@given(st.text(max_size=80))
def test_any_text_gets_a_language_and_a_confidence_in_range(text: str) -> None:
    guess = language_guess(text)
    assert guess.language in ("es", "en", "other")
    assert 0.0 <= guess.confidence <= 1.0
    assert language_guess(text) == guess  # deterministic
