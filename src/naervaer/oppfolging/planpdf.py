"""The oppfølgingsplan as HTML for WeasyPrint, and the PDF it prints.

The page (``samtale/dokument.css``), the footer and WeasyPrint's setup are Samtalestøtte's
(``pdfbygg``); ``plandokument.css`` adds the plan's tables. Every text goes through ``e``: what
leader and employee typed is plain text, and the fetcher refuses every URL, so nothing in a plan
can make the server read a file or a web address.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from naervaer.oppfolging.plan import (
    ANSATTES_INNSPILL,
    ARBEIDSOPPGAVER,
    EVALUERING,
    MULIGHETER,
    OPPTRAPPING,
    S_ARBEIDSOPPGAVER,
    S_ENIGHET,
    S_INNSPILL,
    S_MULIGHETER,
    S_TIDSPLAN,
    S_TILTAK,
    TILTAKSKOLONNER,
    Seksjon,
)
from naervaer.oppfolging.plandokument import Plandokument
from naervaer.oppfolging.planword import IKKE_UTFYLT
from naervaer.samtale.pdfbygg import STIL, e, skriv_pdf, start
from naervaer.statistikk.publisering import kort_datotekst

if TYPE_CHECKING:
    from weasyprint.document import Document

PLANSTIL = Path(__file__).with_name("plandokument.css")
KLASSER = ("hva", "hvem", "innen")


def _fritekst(tekst: str) -> str:
    if not tekst:
        return f'<p class="tom">{e(IKKE_UTFYLT)}</p>'
    return f'<p class="fritekst">{e(tekst)}</p>'


def _fakta(fakta: tuple[tuple[str, str], ...]) -> str:
    rader = "".join(f'<tr><th scope="row">{e(n)}</th><td>{e(v)}</td></tr>' for n, v in fakta)
    return f'<table class="fakta"><tbody>{rader}</tbody></table>'


def _seksjon(seksjon: Seksjon, *innhold: str) -> str:
    return (
        f'<section id="{seksjon.anker}" class="{seksjon.anker}">'
        f"<h2>{e(seksjon.tittel)}</h2>{''.join(innhold)}</section>"
    )


def dokument_html(plan: Plandokument) -> str:
    """The whole plan as one HTML page, A4 through the two stylesheets."""
    innhold = plan.innhold
    deler = start(plan.tittel, plan.bunntekst)
    deler += ['<header class="hode">', f"<h1>{e(plan.tittel)}</h1>", _fakta(plan.fakta)]
    if plan.advarsel:
        deler.append(f'<p class="advarsel">{e(plan.advarsel)}</p>')
    deler += [
        f'<p class="ingen-helse">{e(plan.ingen_helse)}</p>',
        f'<p class="formaal">{e(plan.om_planen)} '
        f'<a class="kilde" href="{e(plan.kilde_url)}">{e(plan.kilde)}</a></p>',
        "</header>",
        _seksjon(S_ARBEIDSOPPGAVER, _fritekst(innhold.tekst(ARBEIDSOPPGAVER))),
        _seksjon(
            S_MULIGHETER,
            *(f"<h3>{e(f.tittel)}</h3>{_fritekst(innhold.tekst(f))}" for f in MULIGHETER),
        ),
    ]
    hode = "".join(
        f'<th scope="col" class="{k}">{e(n)}</th>'
        for k, n in zip(KLASSER, TILTAKSKOLONNER, strict=True)
    )
    rader = "".join(
        f'<tr><td class="hva fritekst">{e(t.hva)}</td><td class="hvem">{e(t.hvem)}</td>'
        f'<td class="innen">{kort_datotekst(t.innen)}</td></tr>'
        for t in innhold.tiltak
    )
    deler += [
        _seksjon(
            S_TILTAK,
            f'<table class="tiltakstabell"><thead><tr>{hode}</tr></thead>'
            f"<tbody>{rader}</tbody></table>",
        ),
        _seksjon(
            S_TIDSPLAN,
            _fakta(
                (
                    ("Planen gjelder", plan.periode),
                    ("Evalueres", kort_datotekst(innhold.evalueres)),
                )
            ),
            *(
                f"<h3>{e(f.tittel)}</h3>{_fritekst(innhold.tekst(f))}"
                for f in (OPPTRAPPING, EVALUERING)
            ),
        ),
        _seksjon(S_INNSPILL, _fritekst(innhold.tekst(ANSATTES_INNSPILL))),
        _seksjon(S_ENIGHET, f"<p>{e(plan.enighet)}</p>"),
        "</body></html>",
    ]
    return "\n".join(deler)


def gjengi(plan: Plandokument) -> Document:
    """The laid-out pages, before they are written as PDF: the tests read them."""
    # WeasyPrint takes most of a second to import: only a PDF download loads it.
    from weasyprint import CSS, HTML
    from weasyprint.urls import URLFetcher

    ingen_henting = URLFetcher(allowed_protocols=())
    stiler = [
        CSS(string=sti.read_text(encoding="utf-8"), url_fetcher=ingen_henting)
        for sti in (STIL, PLANSTIL)
    ]
    return HTML(string=dokument_html(plan), url_fetcher=ingen_henting).render(
        stylesheets=stiler, pdf_tags=True
    )


def som_pdf(plan: Plandokument) -> bytes:
    """Tagged PDF on A4, with the outline of the headings."""
    return skriv_pdf(gjengi(plan))
