"""«Din egen samtaleguide» as a Word file (DOCX): the agenda linked to the sections, a box with
room for notes for each chosen question, lines for what was agreed, and the deadlines.

The blocks (page, styles, headings with bookmarks, question boxes, links) are ``wordbygg``'s,
shared with the booklets of ``wordhefte``; what is laid out here is this document's own.
"""

from __future__ import annotations

from collections.abc import Iterable

from docx.document import Document as Dokument
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE
from docx.shared import Cm, Emu, Pt

from naervaer.samtale.dokument import FRISTSEKSJON, MAAL, VIDERE, Samtaleguide, Seksjon
from naervaer.samtale.tekst import Bit
from naervaer.samtale.wordbygg import (
    BREDDE,
    GRA,
    hold_radene_hele,
    intern_lenke,
    kantlinje,
    kolonnebredder,
    nytt_dokument,
    overskrift,
    run,
    som_bytes,
    sporsmalsboks,
    tekst,
)
from naervaer.statistikk.publisering import datotekst

AVTALEHOYDE = Cm(1.1)


def som_docx(guide: Samtaleguide) -> bytes:
    dok = nytt_dokument(
        tittel=guide.tittel,
        emne=guide.undertittel or "Samtaleguide",
        laget=guide.laget,
        bunntekst=f"Laget med Nærvær {datotekst(guide.laget)}",
    )
    _hode(dok, guide)
    _agenda(dok, guide.agenda)
    if guide.maal:
        overskrift(dok, MAAL.tittel, MAAL.anker)
        for maal in guide.maal:
            tekst(dok.add_paragraph(style="List Bullet"), maal)
    for seksjon in guide.sporsmal:
        overskrift(dok, seksjon.seksjon.tittel, seksjon.seksjon.anker)
        for sporsmal in seksjon.sporsmal:
            sporsmalsboks(dok, sporsmal.tekst, sporsmal.hvorfor)
    overskrift(dok, VIDERE.tittel, VIDERE.anker)
    _avtaler(dok, guide.veien_videre)
    overskrift(dok, FRISTSEKSJON.tittel, FRISTSEKSJON.anker)
    tekst(dok.add_paragraph(), guide.om_fristene)
    for frist in guide.frister:
        avsnitt = dok.add_paragraph(style="List Bullet")
        avsnitt.paragraph_format.keep_together = True
        run(avsnitt, Bit(f"{frist.naar}: ", fet=True))
        tekst(avsnitt, frist.hva)
        run(avsnitt, Bit(" "))
        run(avsnitt, Bit(frist.kilde.navn, lenke=frist.kilde.url))
    return som_bytes(dok)


def _hode(dok: Dokument, guide: Samtaleguide) -> None:
    dok.add_heading(guide.tittel, level=1)
    if guide.undertittel:
        run(dok.add_paragraph(), Bit(guide.undertittel), storrelse=12)
    tabell = dok.add_table(rows=2, cols=2)
    for rad, navn in zip(tabell.rows, ("Dato", "Til stede"), strict=True):
        rad.height = Cm(0.9)
        rad.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
        for celle in rad.cells:
            celle.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
        run(rad.cells[0].paragraphs[0], Bit(navn, fet=True))
        kantlinje(rad.cells[1], "bottom")
    kolonnebredder(tabell, (Cm(2.6), Emu(BREDDE - Cm(2.6))))
    avsnitt = dok.add_paragraph()
    avsnitt.paragraph_format.space_before = Pt(6)
    tekst(avsnitt, guide.formaal, storrelse=9, farge=GRA)


def _agenda(dok: Dokument, agenda: Iterable[Seksjon]) -> None:
    dok.add_heading("Agenda", level=2)
    for seksjon in agenda:
        avsnitt = dok.add_paragraph(style="List Number")
        avsnitt.paragraph_format.space_after = Pt(1)
        intern_lenke(avsnitt, seksjon.tittel, seksjon.anker)


def _avtaler(dok: Dokument, felter: Iterable[str]) -> None:
    """The way forward: what was agreed, who does what, the next meeting, each with a line."""
    felter = list(felter)
    tabell = dok.add_table(rows=len(felter), cols=2)
    for rad, felt in zip(tabell.rows, felter, strict=True):
        rad.height = AVTALEHOYDE
        rad.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
        avsnitt = rad.cells[0].paragraphs[0]
        run(avsnitt, Bit(felt, fet=True))
        avsnitt.paragraph_format.keep_with_next = True
        for celle in rad.cells:
            kantlinje(celle, "bottom")
    hold_radene_hele(tabell)
    kolonnebredder(tabell, (Cm(6), Emu(BREDDE - Cm(6))))
