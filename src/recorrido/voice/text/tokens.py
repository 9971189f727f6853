"""Comment text to tokens: folded words (lower case, no accents), numbers, emoji and marks.

Folding makes ``"envío"``, ``"envio"`` and ``"ENVÍO"`` the same token, so missing accents
and shouting do not change what the lexicons see. Marks (``, . ; : … ! ? ¡ ¿``) are kept as
tokens because they end a clause; double quotes are kept to spot scare quotes.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["BOUNDARIES", "EMOJI", "QUOTES", "SENTENCE_ENDS", "fold", "tokenize", "words"]


def _folding_table() -> dict[int, str]:
    """Every accented Latin letter (and the typographic apostrophes) to its plain form."""
    table: dict[int, str] = {}
    for code in range(0xC0, 0x250):
        char = chr(code)
        plain = "".join(
            c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)
        )
        if plain != char and plain.isascii():
            table[code] = plain
    table.update({ord("ß"): "ss", ord("’"): "'", ord("‘"): "'", ord("´"): "'", ord("`"): "'"})
    table.update({ord("\u00a0"): " ", ord("\ufe0f"): ""})
    return table


_FOLD = _folding_table()

EMOJI = (
    r"[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B50]"  # pictographs, symbols, dingbats, star
    r"|(?<![a-z0-9])[:;=]-?[()dp](?![a-z0-9])|<3"  # ascii faces :) :( :d ;) and <3
)
"""Emoji and ascii faces, as the tokenizer matches them in folded text."""

_TOKEN = re.compile(
    rf"(?:{EMOJI})"
    r"|\d+(?:[.,]\d+)?"  # numbers, decimals with either mark: 4,50 or 3.80
    r"|[a-z]+(?:'[a-z]+)*"  # words and contractions: don't, it's, i'd
    r"|[!?¡¿.,;:…\"“”«»€£$%/]"
)

BOUNDARIES = frozenset({",", ".", ";", ":", "…", "!", "?", "¡", "¿"})
"""Tokens that end a clause: negation and modifiers do not reach across them."""

SENTENCE_ENDS = frozenset({".", "…", "!", "?", "¡", "¿"})
"""Tokens that end a sentence (an ironic opener is the first word of a sentence)."""

QUOTES = frozenset({'"', "“", "”", "«", "»"})
"""Double quotes: a positive word between them is read as a scare quote."""


def fold(text: str) -> str:
    """Lower case without accents: ``"Envío RÁPIDO"`` → ``"envio rapido"``."""
    return text.lower().translate(_FOLD)


def tokenize(text: str) -> list[str]:
    """The folded tokens of ``text``, marks and emoji included, in order."""
    return _TOKEN.findall(fold(text))


def words(tokens: list[str]) -> list[str]:
    """Only the word tokens (letters) of ``tokens``."""
    return [t for t in tokens if t[0].isalpha() and t.isascii()]
