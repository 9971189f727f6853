"""Text for an SVG drawn without font metrics: conservative widths, wrapping that never passes a
width, clipping with an ellipsis, XML escaping, and ``<text>`` elements of several lines.

Widths are estimated per character from DejaVu Sans, the widest of the fonts a viewer may fall
back to (Arial, Helvetica, Segoe UI and Inter are narrower), rounded up: lines estimated to fit
do fit in every one of them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

__all__ = [
    "BODY",
    "ELLIPSIS",
    "SMALL",
    "Block",
    "char_width",
    "fit",
    "leading",
    "text_element",
    "text_width",
    "wrap",
    "xml",
]

ELLIPSIS = "…"
BODY, SMALL = 13, 11  # font sizes of text and of labels
BOLD = 1.12  # bold glyphs are at most this much wider than regular ones

_NARROW = frozenset(" .,:;'|!`ijlI¡·")  # at most 0.34 em
_THIN = frozenset('frt()[]{}-/\\"*J')  # at most 0.47 em
_WIDE = frozenset("mwMW@%&…—")  # at most 1 em
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def char_width(char: str) -> float:
    """One character's width in em (conservative)."""
    if char in _NARROW:
        return 0.34
    if char in _THIN:
        return 0.47
    if char in _WIDE:
        return 1.0
    if char.isascii():
        return 0.8 if char.isupper() else 0.64
    if unicodedata.combining(char):
        return 0.0
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 1.1
    base = unicodedata.normalize("NFD", char)[0]
    if base != char:  # á, Ñ, ü: as wide as their letter
        return char_width(base)
    return 0.9


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """The estimated width in pixels of ``text`` at font ``size`` (never less than the real)."""
    return round(sum(map(char_width, text)) * size * (BOLD if bold else 1.0), 6)


def _pieces(word: str, width: float, size: float, bold: bool) -> list[str]:
    """A word too long for one line, cut into pieces that fit (one character at least)."""
    pieces, piece = [], ""
    for char in word:
        fits = text_width(piece + char, size, bold=bold) <= width
        if piece and not fits and not unicodedata.combining(char):  # marks stay on their letter
            pieces.append(piece)
            piece = ""
        piece += char
    return [*pieces, piece] if piece else pieces


def wrap(text: str, width: float, size: float, *, bold: bool = False) -> list[str]:
    """``text`` in lines no wider than ``width``: words kept whole where they fit, spaces
    collapsed, a word longer than a line cut where it must (as CSS ``overflow-wrap:anywhere``).
    """
    lines: list[str] = []
    line = ""
    for word in text.split():
        joined = f"{line} {word}" if line else word
        if text_width(joined, size, bold=bold) <= width:
            line = joined
            continue
        if line:
            lines.append(line)
        *whole, line = _pieces(word, width, size, bold)
        lines.extend(whole)
    return [*lines, line] if line else lines


def fit(text: str, width: float, size: float, *, lines: int, bold: bool = False) -> list[str]:
    """``text`` wrapped to ``width`` in at most ``lines`` lines; the last one ends in ``…`` when
    text is left out."""
    wrapped = wrap(text, width, size, bold=bold)
    if len(wrapped) <= lines:
        return wrapped
    kept = wrapped[:lines]
    last = kept[-1]
    while last and text_width(last.rstrip(" ,.;:") + ELLIPSIS, size, bold=bold) > width:
        last = last[:-1]
    kept[-1] = last.rstrip(" ,.;:") + ELLIPSIS
    return kept


def xml(text: str) -> str:
    """``text`` safe as XML character data and as a double-quoted attribute value (characters
    XML cannot hold are dropped)."""
    text = _NOT_XML.sub("", text)
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def text_element(
    x: float,
    top: float,
    lines: Sequence[str],
    *,
    size: float,
    leading: float,
    fill: str,
    bold: bool = False,
    anchor: str = "start",
) -> str:
    """A ``<text>`` of ``lines``, the first line's box starting at ``top``, one ``<tspan>`` per
    line at absolute positions (the form Inkscape, PowerPoint and browsers agree on)."""

    def baseline(index: int) -> str:
        return f"{top + index * leading + (leading + 0.7 * size) / 2:.1f}"

    style = f'font-size="{size:g}" fill="{fill}"'
    if bold:
        style += ' font-weight="bold"'
    if anchor != "start":
        style += f' text-anchor="{anchor}"'
    if len(lines) == 1:
        return f'<text x="{x:.1f}" y="{baseline(0)}" {style}>{xml(lines[0])}</text>'
    spans = "".join(
        f'<tspan x="{x:.1f}" y="{baseline(i)}">{xml(line)}</tspan>' for i, line in enumerate(lines)
    )
    return f"<text {style}>{spans}</text>"


def leading(size: float) -> float:
    """The height of a line of text of font ``size``."""
    return round(size * 1.35)


class Block:
    """A box of text filled downwards from ``top``: paragraphs wrapped to ``width`` and
    rounded labels (pills), drawn as SVG ``parts``."""

    def __init__(self, x: float, top: float, width: float, ink: str = "#222") -> None:
        self.x, self.top, self.y, self.width, self.ink = x, top, top, width, ink
        self.parts: list[str] = []

    @property
    def height(self) -> float:
        return self.y - self.top

    def gap(self, pixels: float) -> None:
        self.y += pixels

    def text(
        self,
        text: str,
        *,
        size: float = BODY,
        lines: int = 8,
        fill: str | None = None,
        bold: bool = False,
        width: float | None = None,
    ) -> list[str]:
        """A paragraph of at most ``lines`` lines; the lines shown."""
        shown = fit(text, width or self.width, size, lines=lines, bold=bold)
        if shown:
            step = leading(size)
            self.parts.append(
                text_element(
                    self.x, self.y, shown, size=size, leading=step, fill=fill or self.ink, bold=bold
                )
            )
            self.y += step * len(shown)
        return shown

    def pill(self, label: str, colours: tuple[str, str], after: float | None = None) -> None:
        """A rounded label (``colours``: background, text) at the right of the last line of
        text, ``after`` pixels wide, when it fits there; else on a line of its own."""
        label = fit(label, self.width - 12, SMALL, lines=1)[0] if label else ""
        width = text_width(label, SMALL) + 12
        x, top = self.x, self.y
        if after is not None and after + 6 + width <= self.width:
            x, top = self.x + self.width - width, self.y - leading(BODY)
        else:
            self.y += leading(BODY)
        y = top + (leading(BODY) - 16) / 2
        self.parts.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="16" rx="8" '
            f'fill="{colours[0]}"/>'
            + text_element(
                x + width / 2, y, [label], size=SMALL, leading=16, fill=colours[1], anchor="middle"
            )
        )
