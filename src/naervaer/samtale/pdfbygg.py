"""What every PDF of Samtalestøtte shares: the page (``dokument.css``), the parts of the HTML
written for WeasyPrint, and WeasyPrint set up to fetch nothing.

The HTML is written without Django's templates, so a document renders the same from a test, a
command or the web page. Every text from the content goes through ``tekst.som_html`` and
everything else through ``e``. The fetcher refuses every URL, so no text in a document can make
the server read a file or a web address.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from naervaer.samtale.tekst import som_html

if TYPE_CHECKING:
    from weasyprint.document import Document

STIL = Path(__file__).with_name("dokument.css")


def e(tekst: str) -> str:
    return escape(tekst, quote=True)


def start(tittel: str, bunntekst: str) -> list[str]:
    """The page's head, and the footer every page repeats (``position: running``)."""
    return [
        "<!doctype html>",
        '<html lang="nb"><head><meta charset="utf-8">',
        f"<title>{e(tittel)}</title>",
        '<meta name="author" content="Nærvær">',
        "</head><body>",
        f'<p class="bunntekst">{e(bunntekst)}</p>',
    ]


def sporsmalsboks(tekst: str, hvorfor: str | None) -> str:
    """A question with room for notes below it, kept on one page."""
    deler = ['<div class="boks">', f'<p class="sporsmal">{som_html(tekst)}</p>']
    if hvorfor:
        deler.append(f'<p class="hvorfor">{som_html(hvorfor)}</p>')
    deler.append('<div class="notater"><p>Notater</p></div></div>')
    return "".join(deler)


def gjengi_html(html: str) -> Document:
    """The laid-out pages, before they are written as PDF: the tests count and read them."""
    # WeasyPrint takes most of a second to import: only a PDF download loads it.
    from weasyprint import CSS, HTML
    from weasyprint.urls import URLFetcher

    ingen_henting = URLFetcher(allowed_protocols=())
    stil = CSS(string=STIL.read_text(encoding="utf-8"), url_fetcher=ingen_henting)
    return HTML(string=html, url_fetcher=ingen_henting).render(stylesheets=[stil], pdf_tags=True)


def skriv_pdf(dokument: Document) -> bytes:
    """Tagged PDF, with the links and the outline of the headings."""
    pdf: bytes = dokument.write_pdf(pdf_tags=True)
    return pdf
