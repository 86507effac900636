"""The content's inline Markdown (``**fet**``, ``*kursiv*``, ``[tekst](https://…)``) for every
output.

One parser for all of them, so the web page, the Word file and the PDF agree on what a text says.
Anything else in a text, raw HTML included, stays literal text and is escaped.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from markdown_it import MarkdownIt


@functools.cache
def _parser() -> MarkdownIt:
    return MarkdownIt("zero").enable(["emphasis", "link", "escape", "entity", "newline"])


def som_html(tekst: str) -> str:
    """Escaped HTML with ``<strong>``, ``<em>`` and ``<a href>``: safe to put in a page as is."""
    html: str = _parser().renderInline(tekst)
    return html.replace("\n", " ")


@dataclass(frozen=True, slots=True)
class Bit:
    """A stretch of text with one look: what a Word run (or a hyperlink around one) holds."""

    tekst: str
    fet: bool = False
    kursiv: bool = False
    lenke: str | None = None


def biter(tekst: str) -> tuple[Bit, ...]:
    """The text as runs: bold, italic and link carried over from the Markdown."""
    ut: list[Bit] = []
    fet = kursiv = 0
    lenke: str | None = None
    for blokk in _parser().parseInline(tekst):
        for tegn in blokk.children or ():
            match tegn.type:
                case "strong_open":
                    fet += 1
                case "strong_close":
                    fet -= 1
                case "em_open":
                    kursiv += 1
                case "em_close":
                    kursiv -= 1
                case "link_open":
                    lenke = str(tegn.attrs.get("href", "")) or None
                case "link_close":
                    lenke = None
                case "softbreak" | "hardbreak":
                    ut.append(Bit(" ", fet > 0, kursiv > 0, lenke))
                case _ if tegn.content:
                    ut.append(Bit(tegn.content, fet > 0, kursiv > 0, lenke))
    return tuple(_slaa_sammen(ut))


def _slaa_sammen(biter_: list[Bit]) -> list[Bit]:
    """Neighbours with the same look become one run: Word shows fewer, LibreOffice reads fewer."""
    ut: list[Bit] = []
    for bit in biter_:
        if ut and (ut[-1].fet, ut[-1].kursiv, ut[-1].lenke) == (bit.fet, bit.kursiv, bit.lenke):
            ut[-1] = Bit(ut[-1].tekst + bit.tekst, bit.fet, bit.kursiv, bit.lenke)
        else:
            ut.append(bit)
    return ut


def ren_tekst(tekst: str) -> str:
    """The words without the Markdown: for titles, file properties and plain-text checks."""
    return "".join(b.tekst for b in biter(tekst))
