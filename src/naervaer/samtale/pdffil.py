"""The conversation guide as HTML for WeasyPrint, and the PDF it prints.

The HTML is written here, without Django's templates, so the document renders the same from a
test, a command or the web page. Every text from the content goes through ``tekst.som_html``
and everything else through ``html.escape``. WeasyPrint fetches nothing: the fetcher refuses
every URL, so no text in a document can make the server read a file or a web address.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from naervaer.samtale.dokument import FRISTSEKSJON, MAAL, VIDERE, Samtaleguide
from naervaer.samtale.tekst import som_html
from naervaer.statistikk.publisering import datotekst

if TYPE_CHECKING:
    from weasyprint.document import Document

STIL = Path(__file__).with_name("dokument.css")


def _e(tekst: str) -> str:
    return escape(tekst, quote=True)


def dokument_html(guide: Samtaleguide) -> str:
    """The whole document as one HTML page, A4 through ``dokument.css``."""
    deler: list[str] = [
        "<!doctype html>",
        '<html lang="nb"><head><meta charset="utf-8">',
        f"<title>{_e(guide.tittel)}</title>",
        '<meta name="author" content="Nærvær">',
        "</head><body>",
        f'<p class="bunntekst">Laget med Nærvær {_e(datotekst(guide.laget))}</p>',
        '<header class="hode">',
        f"<h1>{_e(guide.tittel)}</h1>",
    ]
    if guide.undertittel:
        deler.append(f'<p class="undertittel">{_e(guide.undertittel)}</p>')
    deler += [
        '<table class="utfylling"><tbody>',
        '<tr><th scope="row">Dato</th><td></td></tr>',
        '<tr><th scope="row">Til stede</th><td></td></tr>',
        "</tbody></table>",
        f'<p class="formaal">{som_html(guide.formaal)}</p>',
        "</header>",
        '<nav class="agenda" aria-labelledby="agenda"><h2 id="agenda">Agenda</h2><ol>',
        *(f'<li><a href="#{s.anker}">{_e(s.tittel)}</a></li>' for s in guide.agenda),
        "</ol></nav>",
    ]
    if guide.maal:
        deler += [
            f'<section id="{MAAL.anker}"><h2>{_e(MAAL.tittel)}</h2><ul class="maal">',
            *(f"<li>{som_html(m)}</li>" for m in guide.maal),
            "</ul></section>",
        ]
    for seksjon in guide.sporsmal:
        deler.append(f'<section id="{seksjon.seksjon.anker}"><h2>{_e(seksjon.seksjon.tittel)}</h2>')
        for sporsmal in seksjon.sporsmal:
            deler.append('<div class="boks">')
            deler.append(f'<p class="sporsmal">{som_html(sporsmal.tekst)}</p>')
            if sporsmal.hvorfor:
                deler.append(f'<p class="hvorfor">{som_html(sporsmal.hvorfor)}</p>')
            deler.append('<div class="notater"><p>Notater</p></div></div>')
        deler.append("</section>")
    deler += [
        f'<section id="{VIDERE.anker}" class="videre"><h2>{_e(VIDERE.tittel)}</h2>',
        '<table class="avtaler"><tbody>',
        *(f'<tr><th scope="row">{_e(felt)}</th><td></td></tr>' for felt in guide.veien_videre),
        "</tbody></table></section>",
        f'<section id="{FRISTSEKSJON.anker}" class="frister"><h2>{_e(FRISTSEKSJON.tittel)}</h2>',
        f"<p>{som_html(guide.om_fristene)}</p><dl>",
    ]
    for frist in guide.frister:
        deler.append(
            f"<div><dt>{_e(frist.naar)}</dt><dd>{som_html(frist.hva)} "
            f'<a class="kilde" href="{_e(frist.kilde.url)}">{_e(frist.kilde.navn)}</a>'
            "</dd></div>"
        )
    deler += ["</dl></section>", "</body></html>"]
    return "\n".join(deler)


def gjengi(guide: Samtaleguide) -> Document:
    """The laid-out pages, before they are written as PDF: the tests count and read them."""
    html = dokument_html(guide)
    # WeasyPrint takes most of a second to import: only a PDF download loads it.
    from weasyprint import CSS, HTML
    from weasyprint.urls import URLFetcher

    ingen_henting = URLFetcher(allowed_protocols=())
    stil = CSS(string=STIL.read_text(encoding="utf-8"), url_fetcher=ingen_henting)
    return HTML(string=html, url_fetcher=ingen_henting).render(stylesheets=[stil], pdf_tags=True)


def som_pdf(guide: Samtaleguide) -> bytes:
    """Tagged PDF on A4, with the agenda's links to the sections."""
    pdf: bytes = gjengi(guide).write_pdf(pdf_tags=True)
    return pdf
