"""A booklet (``hefte``) as HTML for WeasyPrint and the PDF it prints: the same blocks as the
Word file, laid out by ``dokument.css`` with ``pdfbygg``'s page and question boxes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from naervaer.samtale.hefte import (
    AVKRYSNING,
    Avsnitt,
    Blokk,
    Hefte,
    Kildeliste,
    Overskrift,
    Punktliste,
    Sjekkliste,
    Sporsmalsboks,
)
from naervaer.samtale.modell import Eksempel
from naervaer.samtale.pdfbygg import e, gjengi_html, skriv_pdf, sporsmalsboks, start
from naervaer.samtale.tekst import som_html

if TYPE_CHECKING:
    from weasyprint.document import Document


def hefte_html(hefte: Hefte) -> str:
    deler = start(hefte.tittel, hefte.bunntekst)
    deler += ['<header class="hode">', f"<h1>{e(hefte.tittel)}</h1>"]
    if hefte.undertittel:
        deler.append(f'<p class="undertittel">{e(hefte.undertittel)}</p>')
    deler += [f'<p class="ingress">{som_html(hefte.ingress)}</p>', "</header>"]
    if hefte.innholdsfortegnelse:
        deler += [
            '<nav class="innhold" aria-labelledby="innhold"><h2 id="innhold">Innhold</h2>',
            *_innholdsliste(hefte.innholdsfortegnelse),
            "</nav>",
        ]
    deler += (_blokk(b) for b in hefte.blokker)
    deler.append("</body></html>")
    return "\n".join(deler)


def _innholdsliste(overskrifter: tuple[Overskrift, ...]) -> Iterator[str]:
    """Nested lists, one level for each heading level below the first."""
    nivaaer: list[int] = []
    for o in overskrifter:
        while nivaaer and nivaaer[-1] > o.nivaa:
            nivaaer.pop()
            yield "</li></ol>"
        if nivaaer and nivaaer[-1] == o.nivaa:
            yield "</li>"
        else:
            nivaaer.append(o.nivaa)
            yield "<ol>"
        yield f'<li><a href="#{o.anker}">{som_html(o.tekst)}</a>'
    yield "</li></ol>" * len(nivaaer)


def _blokk(blokk: Blokk) -> str:
    match blokk:
        case Overskrift():
            anker = f' id="{blokk.anker}"' if blokk.anker else ""
            klasse = ' class="ny-side"' if blokk.ny_side else ""
            return f"<h{blokk.nivaa}{anker}{klasse}>{som_html(blokk.tekst)}</h{blokk.nivaa}>"
        case Avsnitt():
            klasse = ' class="ingress"' if blokk.ingress else ""
            return f"<p{klasse}>{som_html(blokk.tekst)}</p>"
        case Punktliste():
            return "<ul>" + "".join(f"<li>{som_html(p)}</li>" for p in blokk.punkter) + "</ul>"
        case Sjekkliste():
            punkter = "".join(
                f'<li><span class="boks-tegn">{AVKRYSNING}</span> {som_html(p)}</li>'
                for p in blokk.punkter
            )
            return f'<ul class="sjekkliste">{punkter}</ul>'
        case Sporsmalsboks():
            return sporsmalsboks(blokk.tekst, blokk.hvorfor)
        case Kildeliste():
            lenker = "; ".join(f'<a href="{e(k.url)}">{e(k.navn)}</a>' for k in blokk.kilder)
            return f'<p class="kilder">Kilder: {lenker}</p>'
        case Eksempel():
            return (
                '<div class="eksempel">'
                f"<p><strong>Situasjon:</strong> {som_html(blokk.situasjon)}</p>"
                f"<p><strong>Mulig løsning:</strong> {som_html(blokk.mulig_losning)}</p></div>"
            )


def gjengi(hefte: Hefte) -> Document:
    """The laid-out pages, before they are written as PDF: the tests count and read them."""
    return gjengi_html(hefte_html(hefte))


def som_pdf(hefte: Hefte) -> bytes:
    """Tagged PDF on A4, the table of contents linked to the sections."""
    return skriv_pdf(gjengi(hefte))
