"""Which language a comment is written in: Spanish, English or something else.

Offline and deterministic. Each word adds evidence to every language whose list
(:data:`~.stopwords.STOPWORDS`) holds it, split evenly among them (``de`` is Spanish, French,
Portuguese, Italian, Catalan and Dutch at once, ``the`` only English); a word only the Spanish
or only the English vocabulary (sentiment lexicon, theme words) holds adds
:data:`LEXICON_WEIGHT`; Spanish and English totals get a :data:`PRIOR`; typical endings
and characters (``ñ``, ``ã``, ``ß``…) add more. The language with the most evidence wins when it
is Spanish or English; any other winner, and any text with fewer than two words or too little
evidence, is ``"other"``.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

from .lexicon_en import ENGLISH
from .lexicon_es import SPANISH
from .stopwords import CHARACTER_CUES, STOPWORDS, SUFFIX_CUES
from .theme_words import FAMILIES
from .tokens import tokenize, words

__all__ = ["LANGUAGES", "Language", "LanguageGuess", "detect_language", "language_guess"]

Language = Literal["es", "en", "other"]
LANGUAGES: tuple[Language, ...] = ("es", "en", "other")
"""The values :func:`detect_language` returns."""

MIN_WORDS = 2
"""Texts with fewer words are ``"other"`` (one word says too little)."""
MIN_EVIDENCE = 1.0
"""Evidence the winning language needs (one word only it uses, or several shared ones)."""
LEXICON_WEIGHT = 0.6
"""Evidence from a word of one sentiment lexicon or theme family that no other list holds."""
PRIOR = 1.2
"""Spanish and English evidence is multiplied by this: comments are expected in them."""

_WEIGHT: dict[str, dict[str, float]] = {}
for _language, _words in STOPWORDS.items():
    for _word in _words:
        _WEIGHT.setdefault(_word, {})[_language] = 0.0
for _shares in _WEIGHT.values():
    for _language in _shares:
        _shares[_language] = 1.0 / len(_shares)
_VOCABULARY = {
    "es": set(SPANISH.words) | {e.lstrip("~") for f in FAMILIES.values() for e in f["es"]},
    "en": set(ENGLISH.words) | {e.lstrip("~") for f in FAMILIES.values() for e in f["en"]},
}
for _language, _other in (("es", "en"), ("en", "es")):
    for _word in _VOCABULARY[_language] - _VOCABULARY[_other]:
        if _word.isalpha() and _word.isascii() and _word not in _WEIGHT:
            _WEIGHT[_word] = {_language: LEXICON_WEIGHT}


_ENDINGS: dict[str, list[tuple[str, float]]] = {}
for _language, _endings in SUFFIX_CUES.items():
    for _ending, _weight in _endings:
        _ENDINGS.setdefault(_ending, []).append((_language, _weight))
_ENDING_LENGTHS = sorted({len(ending) for ending in _ENDINGS}, reverse=True)


class LanguageGuess(NamedTuple):
    """A detected language and how sure the detector is, from 0 to 1."""

    language: Language
    confidence: float


def language_guess(text: str | None) -> LanguageGuess:
    """The language of ``text`` with a confidence in [0, 1] (see the module's docstring)."""
    tokens = words(tokenize(text or ""))
    if len(tokens) < MIN_WORDS:
        return LanguageGuess("other", 0.1 if tokens else 0.0)
    evidence = _evidence(tokens, (text or "").lower())
    total = sum(evidence.values())
    if total == 0:
        return LanguageGuess("other", 0.0)
    best = max(sorted(evidence), key=lambda language: evidence[language])
    share = evidence[best] / total
    if evidence[best] < MIN_EVIDENCE:
        return LanguageGuess("other", round(0.3 * share, 3))
    if best not in ("es", "en"):
        return LanguageGuess("other", round(share, 3))
    amount = min(1.0, evidence[best] / 4.0)
    return LanguageGuess("es" if best == "es" else "en", round(share * (0.5 + 0.5 * amount), 3))


def detect_language(text: str | None) -> Language:
    """``"es"``, ``"en"`` or ``"other"``: the language of ``text``."""
    return language_guess(text).language


def _evidence(tokens: list[str], lowered: str) -> dict[str, float]:
    evidence = dict.fromkeys(STOPWORDS, 0.0)
    for token in tokens:
        for language, weight in _WEIGHT.get(token, {}).items():
            evidence[language] += weight
        if len(token) > 4:
            matched: set[str] = set()
            for length in _ENDING_LENGTHS:
                for language, weight in _ENDINGS.get(token[-length:], ()):
                    if language not in matched:
                        matched.add(language)
                        evidence[language] += weight
    for char, languages in CHARACTER_CUES.items():
        if char in lowered:
            for language, weight in languages.items():
                evidence[language] += weight
    evidence["es"] *= PRIOR
    evidence["en"] *= PRIOR
    return evidence
