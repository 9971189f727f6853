"""Themes from keyword families, in both languages."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recorrido.voice.text import THEMES, themes


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("es", "Veinticinco minutos de cola en la caja", ["waiting_time"]),
        ("en", "We queued for ages", ["waiting_time"]),
        ("es", "La dependienta fue muy borde", ["staff_manners"]),
        ("en", "The waiter was rude", ["staff_manners"]),
        ("es", "Los precios han subido mucho", ["price"]),
        ("en", "Way too expensive", ["price"]),
        ("es", "El repartidor dejó el paquete en la puerta", ["delivery"]),
        ("en", "The courier lost my parcel", ["delivery"]),
        ("es", "El sabor del café era muy flojo", ["product_quality"]),
        ("en", "The beans tasted stale", ["product_quality"]),
        ("es", "El formulario de pago da error", ["website"]),
        ("en", "Checkout crashed when I entered my card details", ["website"]),
        ("es", "Nadie contesta en atención al cliente", ["support"]),
        ("en", "Customer service never replied", ["support"]),
        ("es", "El local estaba sucio y con mucho ruido", ["store"]),
        ("en", "Lovely atmosphere and clean toilets", ["store"]),
    ],
)
def test_each_theme_in_both_languages(language: str, text: str, expected: list[str]) -> None:
    assert themes(text, language) == expected


def test_several_themes_in_theme_order() -> None:
    text = "El camarero fue muy amable, pero el café sabía a quemado y era carísimo"
    assert themes(text, "es") == ["staff_manners", "price", "product_quality"]


def test_accents_and_case_do_not_matter() -> None:
    assert themes("ATENCIÓN AL CLIENTE", "es") == themes("atencion al cliente", "es") == ["support"]


def test_a_mere_mention_counts_only_in_a_clause_without_a_stronger_theme() -> None:
    # "café" is a weak entry of product_quality: the wait is what this clause is about ...
    assert themes("Media hora de cola para un café", "es") == ["waiting_time"]
    # ... but alone in its clause the mention counts.
    assert themes("Pedí un café con leche", "es") == ["product_quality"]
    assert themes("The food is fine, but it's way too expensive", "en") == [
        "price",
        "product_quality",
    ]


def test_speed_belongs_to_delivery_website_or_support_when_they_are_named() -> None:
    assert themes("Nos sirvieron rapidísimo", "es") == ["waiting_time"]
    assert themes("El envío fue rapidísimo", "es") == ["delivery"]
    assert themes("Super quick service", "en") == ["waiting_time", "staff_manners"]
    assert themes("Super quick delivery", "en") == ["delivery"]


def test_phrases_with_hyphens_and_symbols() -> None:
    assert themes("Buena relación calidad-precio", "es") == ["price", "product_quality"]
    assert themes("4,50 € por un café", "es") == ["price"]
    assert themes("£4 for a latte", "en") == ["price"]


def test_whole_words_only() -> None:
    assert themes("Colacao caliente", "es") == []  # not "cola"
    assert themes("Dog friendly garden", "en") == ["store"]  # not staff's "friendly"


def test_other_language_uses_both_families() -> None:
    assert themes("delivery y precio", "other") == ["price", "delivery"]


@pytest.mark.parametrize("text", ["", "   ", None, "👍"])
def test_nothing_to_find(text: str | None) -> None:
    assert themes(text, "es") == []


@given(st.text(max_size=60), st.sampled_from(["es", "en", "other"]))
def test_themes_are_known_distinct_and_ordered(text: str, language: str) -> None:
    found = themes(text, language)
    assert all(theme in THEMES for theme in found)
    assert found == sorted(set(found), key=THEMES.index)
