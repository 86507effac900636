"""Reading Samtalestøtte's pages in the view tests: visible text, and the content they show."""

from __future__ import annotations

import html
import re

from naervaer.samtale.lasting import Innhold
from naervaer.samtale.tekst import ren_tekst
from naervaer.web.samtale.innhold import hent


def tekst(side: bytes) -> str:
    """The page's visible text in one line, entities decoded, for asserting sentences."""
    uten_svg = re.sub(rb"<svg.*?</svg>", b" ", side, flags=re.S)
    uten_hode = re.sub(rb"<head>.*?</head>", b" ", uten_svg, flags=re.S).decode()
    # Inline elements sit inside a sentence: «kalles <strong>plikt</strong>.» reads «plikt.».
    uten_inline = re.sub(r"</?(?:strong|em|a|span)\b[^>]*>", "", uten_hode)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", uten_inline)).split())


def ren(markdown: str) -> str:
    """A content text as it reads on the page: without the Markdown, spaces tidied."""
    return " ".join(ren_tekst(markdown).split())


def innhold() -> Innhold:
    """The content the pages show (the shipped guide in the tests)."""
    return hent()


def bransje_for_statistikkbransje(kode: str) -> str:
    """The guide's bransje that serves a bransje of the statistics, read from the content."""
    return next(k for k, b in innhold().bransjer.items() if kode in b.statistikkbransjer)
