"""Sentiment of a comment: a lexicon and a few rules, deterministic and fast.

Each sentiment word (or phrase, or emoji) contributes its valence, changed by the words
before it in its clause (up to :data:`WINDOW` words): a negator flips it (weaker when it
flips a negative: "no está mal" is mildly positive), an intensifier or diminisher scales it.
Contrast moves the weight: before ``pero``/``but`` a clause weighs 0.5 and after it 1.5; a
sentence opened by ``aunque``/``although`` weighs its first clause 0.5 and the rest 1.5.
Irony (a positive opener such as "Genial," with a complaint cue: a long wait, "otra vez",
scare quotes, 🙄) turns the praise into blame. The sum goes through ``x / sqrt(x² + 15)``
into [-1, 1]; beyond ±:data:`THRESHOLD` it is positive or negative. See docs/comments.md.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from .language import Language
from .lexicon import Lexicon
from .lexicon_en import ENGLISH
from .lexicon_es import SPANISH
from .tokens import BOUNDARIES, QUOTES, SENTENCE_ENDS, tokenize

__all__ = [
    "LABELS",
    "THRESHOLD",
    "WINDOW",
    "Label",
    "Sentiment",
    "label_of",
    "lexicon_for",
    "sentiment",
]

Label = Literal["negative", "neutral", "positive"]
LABELS: tuple[Label, ...] = ("negative", "neutral", "positive")

THRESHOLD = 0.2
"""Scores at or beyond ±THRESHOLD are negative or positive; between them, neutral."""
WINDOW = 3
"""How many words before a sentiment word a negator or intensifier may stand (pronouns and
auxiliaries, the lexicon's ``transparent`` words, not counted)."""
ALPHA = 15.0
"""Normalisation: ``score = x / sqrt(x² + ALPHA)``."""

NEGATED_POSITIVE = -0.8
NEGATED_NEGATIVE = -0.9
NEGATED_EXPECTED = -1.8
"""Valence of an expected thing that did not happen ("no llegó", "never arrived")."""
SLOW = -2.0
"""Valence of a long wait ("veinte minutos de cola", "an hour for two coffees")."""
FAST = 0.8
"""Valence of a short duration ("en cinco minutos", "within an hour")."""
SUPERLATIVE = 2.0
"""Added to a word whose negation makes a superlative ("no encontrarás nada mejor")."""
EXCESS = -1.0
IRONY = -1.0
BEFORE_CONTRAST, AFTER_CONTRAST = 0.5, 1.5
EXCLAMATION = 0.25
HEDGE = 0.35
QUESTION = 0.5

EMOJI: dict[str, float] = {
    **dict.fromkeys("😀😃😄😁😊🙂😍🥰😋👍👌🙌🎉💯❤♥💕💖😘🤩😎👏⭐🌟☺🤗💪🔝🥳😻", 2.0),
    **dict.fromkeys([":)", ":d", ";)", "=)", ":p", "<3"], 1.5),
    **dict.fromkeys("😡😠🤬😤😞😢😭👎💩😫😩🤮🤢😖😟😣☹🙁😔💔😱😬", -2.2),
    **dict.fromkeys("😕😐😑🤔😒", -0.8),
    **dict.fromkeys([":(", ":-(", ":/"], -1.5),
    "🙄": -1.5,
    "🙃": -1.0,
}
"""Emoji (and ascii faces) and their valence."""
IRONIC_EMOJI = frozenset({"🙄", "🙃", "😒"})
_THAN = frozenset({"que", "than"})
_INTERJECTIONS = frozenset({"oh", "ah", "vaya", "just", "well", "wow", "pues", "y", "what", "how"})


class Sentiment(NamedTuple):
    """A comment's polarity and its score in [-1, 1]."""

    label: Label
    score: float


def sentiment(text: str | None, language: Language | str = "other") -> Sentiment:
    """The sentiment of ``text`` read as ``language`` (``"es"``, ``"en"``; ``"other"`` reads
    it with whichever lexicon knows more of its words)."""
    tokens = tokenize(text or "")
    lexicon = lexicon_for(tokens, language)
    raw = _Reading(lexicon, _join(tokens, lexicon)).total()
    score = round(raw / math.sqrt(raw * raw + ALPHA), 4)
    return Sentiment(label_of(score), score)


def label_of(score: float) -> Label:
    """The label a score in [-1, 1] gets."""
    if score >= THRESHOLD:
        return "positive"
    if score <= -THRESHOLD:
        return "negative"
    return "neutral"


def lexicon_for(tokens: list[str], language: Language | str) -> Lexicon:
    """The lexicon of ``language``; for another language, the one that knows more tokens."""
    if language == "es":
        return SPANISH
    if language == "en":
        return ENGLISH
    known_es = sum(SPANISH.knows(t) for t in tokens)
    known_en = sum(ENGLISH.knows(t) for t in tokens)
    return ENGLISH if known_en > known_es else SPANISH


def _join(tokens: list[str], lexicon: Lexicon) -> list[str]:
    """Tokens with the lexicon's multi-word phrases joined (``sin``, ``embargo`` →
    ``sin_embargo``), longest match first."""
    joined: list[str] = []
    i, n = 0, len(tokens)
    while i < n:
        token = tokens[i]
        for phrase in lexicon.phrases.get(token, ()):
            if tuple(tokens[i : i + len(phrase)]) == phrase:
                joined.append("_".join(phrase))
                i += len(phrase)
                break
        else:
            joined.append(token)
            i += 1
    return joined


@dataclass
class _Reading:
    """One pass over a comment's tokens, collecting weighted contributions."""

    lexicon: Lexicon
    tokens: list[str]
    weights: list[float] = field(default_factory=list)
    contributions: list[tuple[int, float]] = field(default_factory=list)
    ironic: bool = False
    cue: bool = False

    def total(self) -> float:
        n = len(self.tokens)
        if n == 0:
            return 0.0
        self.weights = _contrast_weights(self.tokens, self.lexicon)
        sentences = _sentence_ids(self.tokens)
        quoted = _quoted(self.tokens)
        self.cue = any(t in self.lexicon.ironic_cues or t in IRONIC_EMOJI for t in self.tokens)
        self.cue |= bool(quoted)
        for i, token in enumerate(self.tokens):
            self._word(i, token, i in quoted)
        self._durations(sentences)
        damp = _sentence_damping(self.tokens, sentences, self.lexicon)
        openers = _openers(self.tokens, self.lexicon)
        lover = any(t in self.lexicon.sarcastic_lovers for t in self.tokens)
        repeated = any(t in self.lexicon.repetition or t in IRONIC_EMOJI for t in self.tokens)
        has_negative = any(value < 0 for _, value in self.contributions)
        self.ironic |= (openers and self.cue) or (lover and (repeated or has_negative))
        raw = 0.0
        for i, given in self.contributions:
            value = -given * 0.8 if self.ironic and given > 0 else given
            positive_factor, negative_factor = damp[sentences[i]]
            value *= positive_factor if value > 0 else negative_factor
            raw += value * self.weights[i]
        if self.ironic:
            raw += IRONY
        exclamations = min(4, self.tokens.count("!"))
        if raw and exclamations:
            raw += math.copysign(EXCLAMATION * exclamations, raw)
        return raw

    def _word(self, i: int, token: str, quoted: bool) -> None:
        lexicon = self.lexicon
        if token in EMOJI:
            self.contributions.append((i, EMOJI[token]))
            return
        if not token[0].isalnum():
            return
        value = lexicon.valence(token)
        expected = not value and token in lexicon.expected
        if token in lexicon.needs_before and (
            i == 0 or self.tokens[i - 1] not in lexicon.needs_before[token]
        ):
            value = None
        if token in lexicon.excess:
            following = _next_word(self.tokens, i)
            if following is not None and lexicon.valence(following) is None:
                self.contributions.append((i, EXCESS))
            return
        if token in lexicon.boosters and token not in lexicon.words:
            return
        if value is None and not expected:
            return
        negated, factor = self._modifiers(i)
        if negated and self._superlative(i):
            negated, value = False, (value or 0.0) + SUPERLATIVE
        if expected and negated:
            self.contributions.append((i, NEGATED_EXPECTED))
            return
        if not value:
            return
        if negated:
            value *= NEGATED_POSITIVE if value > 0 else NEGATED_NEGATIVE
        elif token in lexicon.comparatives and self._expected_before(i):
            value = -abs(value)
        if quoted and value > 0:
            value, self.ironic = -value * 0.8, True
        self.contributions.append((i, max(-4.5, min(4.5, value * factor))))

    def _modifiers(self, i: int) -> tuple[bool, float]:
        """Whether a negator precedes token ``i`` in its clause, and the boosters' product."""
        negated, factor, counted = False, 1.0, 0
        lexicon = self.lexicon
        for token in reversed(self.tokens[:i]):
            if token in BOUNDARIES or token in lexicon.adversatives or counted >= WINDOW:
                break
            if token in lexicon.negators:
                negated = True
            elif token in lexicon.boosters:
                factor *= lexicon.boosters[token]
            counted += token not in lexicon.transparent
        return negated, factor

    def _superlative(self, i: int) -> bool:
        """Whether token ``i`` or the rest of its clause is a comparison that makes the
        negation a superlative ("nunca me han atendido tan bien", "won't find it cheaper"),
        rather than a comparison with something named ("no es mejor que el de ayer")."""
        for j in range(i, len(self.tokens)):
            if self.tokens[j] in BOUNDARIES:
                return False
            if self.tokens[j] in self.lexicon.unmatched:
                return j + 1 == len(self.tokens) or self.tokens[j + 1] not in _THAN
        return False

    def _expected_before(self, i: int) -> bool:
        """Whether an expectation ("esperaba", "expected") precedes token ``i`` in its clause."""
        for token in reversed(self.tokens[:i]):
            if token in BOUNDARIES:
                return False
            if token in self.lexicon.expectations:
                return True
        return False

    def _durations(self, sentences: list[int]) -> None:
        """Long waits count as complaints, short durations as praise."""
        lexicon, tokens = self.lexicon, self.tokens
        for i, token in enumerate(tokens):
            unit = lexicon.time_units.get(token)
            if unit is None:
                continue
            start, quantity = _quantity(tokens, i, lexicon)
            if quantity is None:
                continue
            minutes = unit * (quantity if quantity is not None else 1.0)
            before = tokens[start - 1] if start > 0 else ""
            if before in lexicon.fast_markers:
                if minutes <= 2 * 1440:
                    self.contributions.append((i, FAST))
                continue
            sentence = [t for t, s in zip(tokens, sentences, strict=True) if s == sentences[i]]
            waited = any(t in lexicon.wait_words for t in sentence)
            after = tokens[i + 1] if i + 1 < len(tokens) else ""
            opens = start == 0 or tokens[start - 1] in SENTENCE_ENDS
            if minutes >= 10 and (waited or after in lexicon.for_words or opens):
                self.contributions.append((i, SLOW))
                self.cue = True
        if any(token in lexicon.long_waits for token in tokens):
            self.cue = True


def _quantity(tokens: list[str], unit: int, lexicon: Lexicon) -> tuple[int, float | None]:
    """Where the number before the unit at ``unit`` starts, and its value."""
    if unit == 0:
        return unit, None
    before = tokens[unit - 1]
    if before[0].isdigit():
        return unit - 1, float(before.replace(",", "."))
    if before in lexicon.numbers:
        start = unit - 1
        if start > 0 and tokens[start - 1] in ("half", "a") and before in ("an", "a", "half"):
            start -= 1  # "half an hour"
        value = lexicon.numbers[before]
        if before in ("media", "medio", "half") or tokens[start] == "half":
            value = 0.5
        return start, value
    return unit, None


def _next_word(tokens: list[str], i: int) -> str | None:
    for token in tokens[i + 1 :]:
        if token in BOUNDARIES:
            return None
        if token[0].isalpha():
            return token
    return None


def _sentence_ids(tokens: list[str]) -> list[int]:
    ids, current = [], 0
    for token in tokens:
        ids.append(current)
        if token in SENTENCE_ENDS:
            current += 1
    return ids


def _contrast_weights(tokens: list[str], lexicon: Lexicon) -> list[float]:
    """Per token: 0.5 before the last ``but``, 1.5 after it; or, for a sentence opened by
    ``although``, 0.5 in its first clause and 1.5 after."""
    n = len(tokens)
    weights = [1.0] * n
    starts = {0} | {i + 1 for i, t in enumerate(tokens) if t in SENTENCE_ENDS}
    for i in range(n - 1, -1, -1):
        token = tokens[i]
        opening = i in starts or (i - 1 in starts and tokens[i - 1] in ("¡", "¿"))
        if token in lexicon.concessives and opening:
            end = next((j for j in range(i + 1, n) if tokens[j] in BOUNDARIES), n)
            if end < n - 1:
                weights[i:end] = [BEFORE_CONTRAST] * (end - i)
                weights[end:] = [AFTER_CONTRAST] * (n - end)
                return weights
        elif token in lexicon.adversatives and not opening:
            weights[:i] = [BEFORE_CONTRAST] * i
            weights[i:] = [AFTER_CONTRAST] * (n - i)
            return weights
    return weights


def _quoted(tokens: list[str]) -> set[int]:
    """Indexes of words between a pair of double quotes at most four words apart."""
    marks = [i for i, token in enumerate(tokens) if token in QUOTES]
    inside: set[int] = set()
    for opening, closing in zip(marks[::2], marks[1::2], strict=False):
        if 1 < closing - opening <= 5:
            inside.update(range(opening + 1, closing))
    return inside


def _openers(tokens: list[str], lexicon: Lexicon) -> bool:
    """Whether a sentence starts with an ironic opener ("Genial, …", "Great, …")."""
    at_start = True
    for token in tokens:
        if token in SENTENCE_ENDS:
            at_start = True
            continue
        if at_start and token[0].isalpha():
            if token in lexicon.ironic_openers:
                return True
            at_start = token in _INTERJECTIONS
    return False


def _sentence_damping(
    tokens: list[str], sentences: list[int], lexicon: Lexicon
) -> dict[int, tuple[float, float]]:
    """Per sentence, the factors of positive and negative contributions: a suggestion
    ("estaría bien…") keeps 0.2 of the praise, a hedge ("suele", "usually") halves both."""
    factors: dict[int, tuple[float, float]] = {}
    for sentence in set(sentences):
        found = {t for t, s in zip(tokens, sentences, strict=True) if s == sentence}
        positive, negative = 1.0, 1.0
        if found & lexicon.suggestions:
            positive = 0.2
        if found & lexicon.hedges:
            positive, negative = positive * HEDGE, negative * HEDGE
        if "?" in found:
            positive, negative = positive * QUESTION, negative * QUESTION
        factors[sentence] = (positive, negative)
    return factors
