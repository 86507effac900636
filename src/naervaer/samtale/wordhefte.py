"""A booklet (``hefte``) as a Word file: the title, a table of contents linked to the sections,
then the blocks in order, with ``wordbygg``'s headings, question boxes and links."""

from __future__ import annotations

from docx.document import Document as Dokument
from docx.shared import Cm, Pt

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
from naervaer.samtale.tekst import Bit
from naervaer.samtale.wordbygg import (
    GRA,
    intern_lenke,
    nytt_dokument,
    overskrift,
    run,
    som_bytes,
    sporsmalsboks,
    tekst,
)

INNRYKK = Cm(0.6)


def som_docx(hefte: Hefte) -> bytes:
    dok = nytt_dokument(
        tittel=hefte.tittel,
        emne=hefte.undertittel or hefte.tittel,
        laget=hefte.laget,
        bunntekst=hefte.bunntekst,
    )
    dok.add_heading(hefte.tittel, level=1)
    if hefte.undertittel:
        run(dok.add_paragraph(), Bit(hefte.undertittel), storrelse=12)
    tekst(dok.add_paragraph(), hefte.ingress, storrelse=12)
    if hefte.innholdsfortegnelse:
        dok.add_heading("Innhold", level=2)
        forste = min(o.nivaa for o in hefte.innholdsfortegnelse)
        for o in hefte.innholdsfortegnelse:
            assert o.anker is not None
            avsnitt = dok.add_paragraph()
            avsnitt.paragraph_format.left_indent = INNRYKK * (o.nivaa - forste)
            avsnitt.paragraph_format.space_after = Pt(1)
            intern_lenke(avsnitt, o.tekst, o.anker)
    for blokk in hefte.blokker:
        _blokk(dok, blokk)
    return som_bytes(dok)


def _blokk(dok: Dokument, blokk: Blokk) -> None:
    match blokk:
        case Overskrift():
            avsnitt = overskrift(dok, blokk.tekst, blokk.anker, nivaa=blokk.nivaa)
            avsnitt.paragraph_format.page_break_before = blokk.ny_side or None
        case Avsnitt():
            tekst(dok.add_paragraph(), blokk.tekst, storrelse=11.5 if blokk.ingress else None)
        case Punktliste():
            for punkt in blokk.punkter:
                tekst(dok.add_paragraph(style="List Bullet"), punkt)
        case Sjekkliste():
            for punkt in blokk.punkter:
                avsnitt = dok.add_paragraph()
                avsnitt.paragraph_format.left_indent = INNRYKK
                avsnitt.paragraph_format.first_line_indent = -INNRYKK
                run(avsnitt, Bit(f"{AVKRYSNING}\t"))
                tekst(avsnitt, punkt)
        case Sporsmalsboks():
            sporsmalsboks(dok, blokk.tekst, blokk.hvorfor)
        case Kildeliste():
            avsnitt = dok.add_paragraph()
            run(avsnitt, Bit("Kilder: "), storrelse=9, farge=GRA)
            for i, kilde in enumerate(blokk.kilder):
                if i:
                    run(avsnitt, Bit("; "), storrelse=9, farge=GRA)
                run(avsnitt, Bit(kilde.navn, lenke=kilde.url), storrelse=9)
        case Eksempel():
            for navn, verdi in (
                ("Situasjon", blokk.situasjon),
                ("Mulig løsning", blokk.mulig_losning),
            ):
                avsnitt = dok.add_paragraph()
                avsnitt.paragraph_format.left_indent = INNRYKK
                avsnitt.paragraph_format.keep_with_next = navn == "Situasjon"
                run(avsnitt, Bit(f"{navn}: ", fet=True))
                tekst(avsnitt, verdi)
