"""«Din egen samtaleguide» as HTML for WeasyPrint, and the PDF it prints.

The page, the question boxes and WeasyPrint's setup are ``pdfbygg``'s, shared with the booklets
of ``pdfhefte``; what is laid out here is this document's own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from naervaer.samtale.dokument import FRISTSEKSJON, MAAL, VIDERE, Samtaleguide
from naervaer.samtale.pdfbygg import e, gjengi_html, skriv_pdf, sporsmalsboks, start
from naervaer.samtale.tekst import som_html
from naervaer.statistikk.publisering import datotekst

if TYPE_CHECKING:
    from weasyprint.document import Document


def dokument_html(guide: Samtaleguide) -> str:
    """The whole document as one HTML page, A4 through ``dokument.css``."""
    deler = start(guide.tittel, f"Laget med Nærvær {datotekst(guide.laget)}")
    deler += ['<header class="hode">', f"<h1>{e(guide.tittel)}</h1>"]
    if guide.undertittel:
        deler.append(f'<p class="undertittel">{e(guide.undertittel)}</p>')
    deler += [
        '<table class="utfylling"><tbody>',
        '<tr><th scope="row">Dato</th><td></td></tr>',
        '<tr><th scope="row">Til stede</th><td></td></tr>',
        "</tbody></table>",
        f'<p class="formaal">{som_html(guide.formaal)}</p>',
        "</header>",
        '<nav class="agenda" aria-labelledby="agenda"><h2 id="agenda">Agenda</h2><ol>',
        *(f'<li><a href="#{s.anker}">{e(s.tittel)}</a></li>' for s in guide.agenda),
        "</ol></nav>",
    ]
    if guide.maal:
        deler += [
            f'<section id="{MAAL.anker}"><h2>{e(MAAL.tittel)}</h2><ul class="maal">',
            *(f"<li>{som_html(m)}</li>" for m in guide.maal),
            "</ul></section>",
        ]
    for seksjon in guide.sporsmal:
        deler.append(f'<section id="{seksjon.seksjon.anker}"><h2>{e(seksjon.seksjon.tittel)}</h2>')
        deler += (sporsmalsboks(s.tekst, s.hvorfor) for s in seksjon.sporsmal)
        deler.append("</section>")
    deler += [
        f'<section id="{VIDERE.anker}" class="videre"><h2>{e(VIDERE.tittel)}</h2>',
        '<table class="avtaler"><tbody>',
        *(f'<tr><th scope="row">{e(felt)}</th><td></td></tr>' for felt in guide.veien_videre),
        "</tbody></table></section>",
        f'<section id="{FRISTSEKSJON.anker}" class="frister"><h2>{e(FRISTSEKSJON.tittel)}</h2>',
        f"<p>{som_html(guide.om_fristene)}</p><dl>",
    ]
    for frist in guide.frister:
        deler.append(
            f"<div><dt>{e(frist.naar)}</dt><dd>{som_html(frist.hva)} "
            f'<a class="kilde" href="{e(frist.kilde.url)}">{e(frist.kilde.navn)}</a>'
            "</dd></div>"
        )
    deler += ["</dl></section>", "</body></html>"]
    return "\n".join(deler)


def gjengi(guide: Samtaleguide) -> Document:
    """The laid-out pages, before they are written as PDF: the tests count and read them."""
    return gjengi_html(dokument_html(guide))


def som_pdf(guide: Samtaleguide) -> bytes:
    """Tagged PDF on A4, with the agenda's links to the sections."""
    return skriv_pdf(gjengi(guide))
