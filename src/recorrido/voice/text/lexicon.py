"""The shape of a sentiment lexicon, shared by :mod:`.lexicon_es` and :mod:`.lexicon_en`.

Valences run from -4 (very negative) to +4 (very positive). Multi-word expressions
(``"sin embargo"``, ``"value for money"``) are joined into one token (``sin_embargo``) before
scoring, longest first, so they can carry a valence or act as a rule word.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

__all__ = ["Lexicon", "forms", "join_phrases", "valences", "words_of"]


@dataclass(frozen=True, eq=False)
class Lexicon:
    """Words, phrases and rule words of one language."""

    language: str
    words: Mapping[str, float]
    """Token → valence; phrases appear as their joined token (``de_lujo``)."""
    phrases: Mapping[str, tuple[tuple[str, ...], ...]]
    """First word → the word sequences starting with it, longest first."""
    negators: frozenset[str]
    boosters: Mapping[str, float]
    """Intensifiers (factor > 1) and diminishers (< 1) of the next sentiment word."""
    adversatives: frozenset[str]
    """``pero``/``but``: what comes after weighs more than what comes before."""
    concessives: frozenset[str]
    """``aunque``/``although``: at the start of a sentence, the clause they open weighs less."""
    expected: frozenset[str]
    """Things that should happen (arrive, work, answer): negative only when negated."""
    excess: frozenset[str]
    """``demasiado``/``too``: a complaint when followed by a word without valence."""
    hedges: frozenset[str]
    """``suele``/``usually``/``normal``: the clause describes rather than judges."""
    suggestions: frozenset[str]
    """``estaría bien``/``would be nice``: positive words in the clause are wishes."""
    ironic_openers: frozenset[str]
    """Words that open an ironic sentence when a complaint follows (``genial``, ``great``)."""
    ironic_cues: frozenset[str]
    """Complaint cues that make an opener ironic (``otra_vez``, ``again``)."""
    sarcastic_lovers: frozenset[str]
    """``me_encanta_que``/``love_having_to``: sarcastic with a repetition cue."""
    repetition: frozenset[str]
    """``cada_vez``/``every_time``: what is sarcastically "loved" keeps happening."""
    wait_words: frozenset[str]
    """Waiting and delay words that make a duration a complaint."""
    fast_markers: frozenset[str]
    """``en``/``in``/``within`` before a duration: it was fast."""
    for_words: frozenset[str]
    """``para``/``for`` after a duration: "forty minutes for a toast"."""
    transparent: frozenset[str]
    """Pronouns and auxiliaries a negation or intensifier reaches past without counting them
    in its window ("no *me han* atendido bien", "not *the* best")."""
    numbers: Mapping[str, float]
    """Number words and the quantity they mean (``media`` → 0.5)."""
    time_units: Mapping[str, float]
    """Time units and their length in minutes."""
    long_waits: frozenset[str]
    """Words that are a long wait by themselves (``siglos``, ``ages``)."""
    expectations: frozenset[str]
    """``esperaba``/``expected``: "expected better" blames."""
    comparatives: frozenset[str]
    """``mejor``/``better``: the praise an expectation turns into blame."""
    unmatched: frozenset[str] = frozenset()
    """``tan_bien``/``cheaper``/``so_well``: after a negator in the clause they make it a
    superlative ("nunca me han atendido tan bien", "you won't find it cheaper")."""
    needs_before: Mapping[str, frozenset[str]] = field(default_factory=dict)
    """Words that count only after one of the given words (``like`` after ``i``)."""
    stem: Callable[[str], Iterable[tuple[str, float]]] = field(default=lambda word: ())
    """Candidate base forms of an unknown word, with a factor (``carisimo`` → ``caro``, 1.3)."""
    _memo: dict[str, float | None] = field(default_factory=dict, repr=False, compare=False)

    def valence(self, token: str) -> float | None:
        """The valence of ``token``, trying its base forms when it is not listed."""
        if token in self.words:
            return self.words[token]
        if token in self._memo:
            return self._memo[token]
        found: float | None = None
        for candidate in _collapsed(token):
            if candidate in self.words:
                found = self.words[candidate]
                break
            for base, factor in self.stem(candidate):
                if base in self.words:
                    found = max(-4.0, min(4.0, self.words[base] * factor))
                    break
            if found is not None:
                break
        if len(self._memo) < 200_000:
            self._memo[token] = found
        return found

    def knows(self, token: str) -> bool:
        """Whether ``token`` plays any part in this lexicon (for choosing a lexicon)."""
        return (
            self.valence(token) is not None
            or token in self.negators
            or token in self.boosters
            or token in self.expected
        )


def _collapsed(token: str) -> list[str]:
    """``token`` and, when it repeats a letter three times or more, the repeats squeezed
    to one and to two letters (``buenooo`` → ``bueno``, ``sooo`` → ``so``, ``soo``)."""
    result = [token]
    squeezed_one, squeezed_two, previous, run = [], [], "", 0
    for char in token:
        run = run + 1 if char == previous else 1
        previous = char
        if run == 1:
            squeezed_one.append(char)
        if run <= 2:
            squeezed_two.append(char)
    if len(squeezed_two) < len(token):
        result += ["".join(squeezed_one), "".join(squeezed_two)]
    return result


def forms(entries: Mapping[str, float], expand: Callable[[str], Iterable[str]]) -> dict[str, float]:
    """Every form ``expand`` makes of each entry, with the entry's valence."""
    return {form: valence for word, valence in entries.items() for form in expand(word)}


def join_phrases(phrases: Iterable[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Index multi-word phrases by their first word, longest first."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        parts = tuple(phrase.split())
        if len(parts) > 1:
            index.setdefault(parts[0], []).append(parts)
    return {
        first: tuple(sorted(set(found), key=len, reverse=True)) for first, found in index.items()
    }


def words_of(text: str) -> frozenset[str]:
    """The words of a blank-separated list."""
    return frozenset(text.split())


def valences(text: str) -> dict[str, float]:
    """``"bueno=2 malo=-2.5"`` → ``{"bueno": 2.0, "malo": -2.5}``."""
    pairs = (item.rpartition("=") for item in text.split())
    return {word: float(value) for word, _, value in pairs}
