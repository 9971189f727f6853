"""Sentiment: the lexicon and its rules on small hand-written comments.

The sentences here are written for these tests; none comes from the evaluation set.
"""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recorrido.voice.text import sentiment
from recorrido.voice.text.sentiment import THRESHOLD, label_of


def label(text: str, language: str) -> str:
    return sentiment(text, language).label


def score(text: str, language: str) -> float:
    return sentiment(text, language).score


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("es", "La tarta no está mal", "positive"),
        ("es", "El bizcocho no estaba nada mal", "positive"),
        ("en", "The soup was not bad", "positive"),
        ("en", "Not bad at all for the price", "positive"),
        ("es", "Nunca más pido aquí", "negative"),
        ("en", "Never again, honestly", "negative"),
        ("es", "No me gustó el bocadillo", "negative"),
        ("en", "I didn't like the sandwich", "negative"),
        ("es", "No fue nada amable", "negative"),
        ("es", "Sin problemas con la entrega", "positive"),
        ("en", "No problems with the delivery", "positive"),
        ("es", "Poco amable la recepcionista", "negative"),
    ],
)
def test_negation(language: str, text: str, expected: str) -> None:
    assert label(text, language) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("es", "El pedido no ha llegado"),
        ("es", "Nadie contesta en la tienda"),
        ("es", "La app no funciona"),
        ("en", "My parcel never arrived"),
        ("en", "Nobody answers the phone"),
        ("en", "The app won't let me pay"),
    ],
)
def test_what_should_happen_and_did_not_is_negative(language: str, text: str) -> None:
    assert label(text, language) == "negative"


@pytest.mark.parametrize("text", ["El pedido ha llegado hoy.", "The parcel arrived today."])
def test_what_happened_as_expected_is_neutral(text: str) -> None:
    assert label(text, "es" if "pedido" in text else "en") == "neutral"


def test_intensifiers_and_diminishers() -> None:
    assert score("El pan es muy bueno", "es") > score("El pan es bueno", "es") > 0
    assert score("El pan es un poco caro", "es") > score("El pan es caro", "es")
    assert score("El pan es un poco caro", "es") < 0
    assert score("The tea is really good", "en") > score("The tea is good", "en")
    assert score("The tea is a bit cold", "en") > score("The tea is cold", "en")
    assert score("carísimo", "es") < score("caro", "es") < 0
    assert score("buenísimo", "es") > score("bueno", "es") > 0


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("es", "El sitio es bonito pero la comida es mala", "negative"),
        ("es", "La comida es mala pero el sitio es precioso", "positive"),
        ("en", "The room is nice but the food is awful", "negative"),
        ("en", "The food is awful but the room is lovely", "positive"),
        ("es", "Aunque la comida estaba fría, el camarero fue encantador", "positive"),
        ("en", "Although the staff were lovely, the food was awful", "negative"),
        ("es", "Todo muy rico, aunque el servicio fue pésimo", "negative"),
    ],
)
def test_contrast_gives_the_weight_to_the_main_clause(
    language: str, text: str, expected: str
) -> None:
    assert label(text, language) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("es", "Estupendo, una hora para que nos trajeran la cuenta"),
        ("es", "Genial, otra vez sin servilletas"),
        ("es", 'Un servicio "rapidísimo": dos horas'),
        ("es", "Me encanta que me cobren la bolsa cada vez"),
        ("en", "Lovely, an hour to get the bill"),
        ("en", "Great, the app crashed again"),
        ("en", 'The "friendly" receptionist ignored us'),
        ("en", "I love having to queue every single morning"),
        ("en", "Oh great, another broken cup 🙄"),
    ],
)
def test_irony_is_negative(language: str, text: str) -> None:
    assert label(text, language) == "negative"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("es", "Genial, volveremos pronto"),
        ("es", "Me encanta que tengan terraza"),
        ("en", "Great, we will be back"),
        ("en", "I love how cosy it is"),
    ],
)
def test_praise_without_a_complaint_cue_stays_positive(language: str, text: str) -> None:
    assert label(text, language) == "positive"


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("es", "Estuvimos 50 minutos esperando la comida", "negative"),
        ("en", "We waited 50 minutes for our food", "negative"),
        ("en", "Forty minutes for a sandwich.", "negative"),
        ("es", "Lo trajeron en 5 minutos", "positive"),
        ("en", "They brought it within 5 minutes", "positive"),
        ("es", "Tardaron siglos", "negative"),
    ],
)
def test_durations(language: str, text: str, expected: str) -> None:
    assert label(text, language) == expected


def test_exclamations_and_emoji_add_emphasis() -> None:
    assert score("Buen café!!!", "es") > score("Buen café", "es") > 0
    assert score("Good tea 😍", "en") > score("Good tea", "en")
    assert label("Tea 😡", "en") == "negative"
    assert label("Pedido recibido :)", "es") == "positive"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("es", "Estaría bien que tuvieran leche de soja"),
        ("en", "It would be great to have oat milk"),
        ("es", "¿Tenéis bollos sin azúcar?"),
        ("en", "Do you sell gift cards?"),
        ("es", "Suele haber algo de cola a mediodía"),
        ("en", "There is usually a bit of a queue at noon"),
        ("es", "Pedí dos cafés y una tostada."),
        ("en", "I ordered two coffees and a scone."),
    ],
)
def test_suggestions_questions_and_facts_are_neutral(language: str, text: str) -> None:
    assert label(text, language) == "neutral"


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("es", "Nunca me han atendido tan bien", "positive"),
        ("es", "No encontrarás nada mejor en la zona", "positive"),
        ("en", "I have never had a better flat white", "positive"),
        ("en", "You won't find a friendlier team", "positive"),
        ("es", "No es mejor que el de la semana pasada", "negative"),
        ("en", "The tea was not better than last week", "negative"),
    ],
)
def test_a_negated_comparison_is_a_superlative_unless_it_names_what_it_compares(
    language: str, text: str, expected: str
) -> None:
    assert label(text, language) == expected


def test_negation_reaches_past_pronouns_and_auxiliaries() -> None:
    assert label("No me han atendido bien", "es") == "negative"
    assert label("It was not the best", "en") == "negative"
    assert label("No nos lo han explicado bien", "es") == "negative"


@pytest.mark.parametrize(
    ("language", "text"),
    [("es", "Todo muy bonito hasta que ves la cuenta"), ("en", "All great until you see the bill")],
)
def test_praise_taken_back_by_a_turn(language: str, text: str) -> None:
    assert label(text, language) == "negative"


@pytest.mark.parametrize(
    ("language", "text"),
    [("es", "A este precio esperaba algo mejor"), ("en", "I expected better for that money")],
)
def test_expecting_better_is_a_complaint(language: str, text: str) -> None:
    assert label(text, language) == "negative"


def test_other_language_reads_with_the_lexicon_that_knows_more_words() -> None:
    assert label("Genial", "other") == "positive"
    assert label("Awful", "other") == "negative"
    assert sentiment("", "other") == ("neutral", 0.0)
    assert sentiment(None, "es") == ("neutral", 0.0)


def test_label_follows_the_threshold() -> None:
    assert label_of(THRESHOLD) == "positive"
    assert label_of(-THRESHOLD) == "negative"
    assert label_of(THRESHOLD - 0.01) == label_of(0.0) == "neutral"


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_COMMENT = st.lists(
    st.sampled_from(
        [
            *("el", "la", "no", "muy", "pero", "aunque", "bueno", "malo", "caro", "genial"),
            *("nunca", "más", "café", "servicio", "tardó", "minutos", "20", "!", "?", ","),
            *(".", "😡", "😍", "the", "not", "very", "but", "good", "bad", "never", "again"),
            *("slow", "great", "waited", "for", '"'),
        ]
    ),
    max_size=14,
).map(" ".join)


@given(_COMMENT, st.sampled_from(["es", "en", "other"]))
def test_score_in_range_deterministic_and_labelled_by_threshold(text: str, language: str) -> None:
    result = sentiment(text, language)
    assert -1.0 <= result.score <= 1.0
    assert result.label == label_of(result.score)
    assert sentiment(text, language) == result


@given(_COMMENT)
def test_case_and_accents_do_not_matter(text: str) -> None:
    assert sentiment(text.upper(), "es") == sentiment(text, "es")
    assert sentiment(_strip_accents(text), "es") == sentiment(text, "es")
