"""What a comment is about: themes found from keyword families (see :mod:`.theme_words`).

A comment is in a theme when its folded text holds one of the theme's strong entries for
its language (both languages' entries for ``"other"``); in a clause that holds no strong entry
of any theme, weak entries (mere mentions: a product, a table, "service") count. Speed and
delay words ("rápido", "tardaron", "slow") put it in ``waiting_time`` unless it is about
delivery, the website or support.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from .language import Language
from .theme_words import FAMILIES, SPEED
from .tokens import fold

__all__ = ["THEMES", "Theme", "themes"]

Theme = Literal[
    "waiting_time",
    "staff_manners",
    "price",
    "delivery",
    "product_quality",
    "website",
    "support",
    "store",
]
THEMES: tuple[Theme, ...] = (
    "waiting_time",
    "staff_manners",
    "price",
    "delivery",
    "product_quality",
    "website",
    "support",
    "store",
)
"""Every theme, in the order :func:`themes` lists them."""

_SPEED_OWNERS = frozenset({"delivery", "website", "support"})
_WORD = re.compile(r"[a-z0-9]+")
_CLAUSE = re.compile(r"[,.;:!?¡¿…]|(?<!\w)(?:pero|but|aunque|although|though)(?!\w)")


_SPEED_KEY = "speed"


@dataclass
class _Index:
    """Every entry of one language, arranged for one pass over a clause's words: whole words
    in a dictionary, prefixes by their first three letters, phrases by their first word; only
    ``re:`` entries and symbols (``€``) are searched in the text. Keys are ``(theme, weak)``."""

    words: dict[str, set[tuple[str, bool]]] = field(default_factory=dict)
    prefixes: dict[str, list[tuple[str, str, bool]]] = field(default_factory=dict)
    phrases: dict[str, list[tuple[tuple[str, ...], bool, str, bool]]] = field(default_factory=dict)
    """First word → (words, last word is a prefix, theme, weak)."""
    symbols: list[tuple[str, str, bool]] = field(default_factory=list)
    expressions: list[tuple[re.Pattern[str], str, bool]] = field(default_factory=list)

    def add(self, theme: str, entries: tuple[str, ...]) -> None:
        for raw in entries:
            weak, entry = raw.startswith("~"), raw.lstrip("~")
            prefix = entry.endswith("*")
            parts = tuple(entry.rstrip("*").replace("-", " ").split())
            if entry.startswith("re:"):
                self.expressions.append((re.compile(entry[3:]), theme, weak))
            elif not all(_WORD.fullmatch(part) for part in parts):
                self.symbols.append((entry, theme, weak))
            elif len(parts) > 1:
                self.phrases.setdefault(parts[0], []).append((parts, prefix, theme, weak))
            elif prefix and len(parts[0]) >= 3:
                self.prefixes.setdefault(parts[0][:3], []).append((parts[0], theme, weak))
            else:
                self.words.setdefault(parts[0], set()).add((theme, weak))

    def keys(self, clause: str) -> set[tuple[str, bool]]:
        """The ``(theme, weak)`` keys whose entries occur in ``clause``."""
        found: set[tuple[str, bool]] = set()
        words = _WORD.findall(clause)
        for i, word in enumerate(words):
            found |= self.words.get(word, set())
            for stem, theme, weak in self.prefixes.get(word[:3], ()):
                if word.startswith(stem):
                    found.add((theme, weak))
            for parts, prefix, theme, weak in self.phrases.get(word, ()):
                if _phrase_at(words, i, parts, prefix):
                    found.add((theme, weak))
        found.update((theme, weak) for symbol, theme, weak in self.symbols if symbol in clause)
        found.update((t, w) for pattern, t, w in self.expressions if pattern.search(clause))
        return found


def _phrase_at(words: list[str], i: int, parts: tuple[str, ...], prefix: bool) -> bool:
    """Whether ``words[i:]`` starts with ``parts`` (the last one a prefix if ``prefix``)."""
    n = len(parts)
    if i + n > len(words) or tuple(words[i : i + n - 1]) != parts[:-1]:
        return False
    last = words[i + n - 1]
    return last.startswith(parts[-1]) if prefix else last == parts[-1]


def _index(language: str) -> _Index:
    index = _Index()
    for theme in THEMES:
        index.add(theme, FAMILIES[theme][language])
    index.add(_SPEED_KEY, SPEED[language])
    return index


_INDEX = {language: _index(language) for language in ("es", "en")}


def themes(text: str | None, language: Language | str = "other") -> list[Theme]:
    """The themes of ``text``, in :data:`THEMES` order (empty when none matches)."""
    folded = fold(text or "")
    if not folded.strip():
        return []
    languages = (language,) if language in ("es", "en") else ("es", "en")
    found: set[str] = set()
    speed = False
    for clause in _CLAUSE.split(folded):
        keys = {key for lang in languages for key in _INDEX[lang].keys(clause)}
        speed |= (_SPEED_KEY, False) in keys
        strong = {theme for theme, weak in keys if not weak and theme != _SPEED_KEY}
        found |= strong or {theme for theme, weak in keys if weak}
    if speed and not found & _SPEED_OWNERS:
        found.add("waiting_time")
    return [theme for theme in THEMES if theme in found]
