"""The oppfølgingsplan as a Word file (DOCX), for the sykmelder, NAV, or the employer's archive.

The page, the styles, the headings and the tables are Samtalestøtte's (``wordbygg``); what is laid
out here is the plan's own. What leader and employee typed is written as plain text, never read
as Markdown: a «*» or a «[…](…)» in a plan stays what it was.
"""

from __future__ import annotations

from docx.document import Document as Dokument
from docx.oxml import OxmlElement
from docx.shared import Mm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

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
    Tiltak,
)
from naervaer.oppfolging.plandokument import Plandokument
from naervaer.samtale.tekst import Bit
from naervaer.samtale.wordbygg import (
    GRA,
    hold_radene_hele,
    kolonnebredder,
    nytt_dokument,
    overskrift,
    run,
    som_bytes,
)
from naervaer.statistikk.publisering import kort_datotekst

IKKE_UTFYLT = "Ikke fylt ut."
FAKTABREDDER = (Mm(44), Mm(130))
TILTAKSBREDDER = (Mm(100), Mm(46), Mm(28))


def som_docx(plan: Plandokument) -> bytes:
    dok = nytt_dokument(
        tittel=plan.tittel,
        emne="Oppfølgingsplan etter arbeidsmiljøloven § 4-6",
        laget=plan.laget,
        bunntekst=plan.bunntekst,
    )
    dok.add_heading(plan.tittel, level=1)
    _fakta(dok, plan.fakta)
    if plan.advarsel:
        run(dok.add_paragraph(), Bit(plan.advarsel, fet=True))
    avsnitt = dok.add_paragraph()
    avsnitt.paragraph_format.space_before = Pt(6)
    run(avsnitt, Bit(plan.ingen_helse, fet=True), storrelse=9.5)
    avsnitt = dok.add_paragraph()
    run(avsnitt, Bit(plan.om_planen + " "), storrelse=9, farge=GRA)
    run(avsnitt, Bit(plan.kilde, lenke=plan.kilde_url), storrelse=9)

    innhold = plan.innhold
    overskrift(dok, S_ARBEIDSOPPGAVER.tittel, S_ARBEIDSOPPGAVER.anker)
    _fritekst(dok, innhold.tekst(ARBEIDSOPPGAVER))
    overskrift(dok, S_MULIGHETER.tittel, S_MULIGHETER.anker)
    for felt in MULIGHETER:
        overskrift(dok, felt.tittel, nivaa=3)
        _fritekst(dok, innhold.tekst(felt))
    overskrift(dok, S_TILTAK.tittel, S_TILTAK.anker)
    _tiltak(dok, innhold.tiltak)
    overskrift(dok, S_TIDSPLAN.tittel, S_TIDSPLAN.anker)
    _fakta(
        dok,
        (("Planen gjelder", plan.periode), ("Evalueres", kort_datotekst(innhold.evalueres))),
    )
    for felt in (OPPTRAPPING, EVALUERING):
        overskrift(dok, felt.tittel, nivaa=3)
        _fritekst(dok, innhold.tekst(felt))
    overskrift(dok, S_INNSPILL.tittel, S_INNSPILL.anker)
    _fritekst(dok, innhold.tekst(ANSATTES_INNSPILL))
    overskrift(dok, S_ENIGHET.tittel, S_ENIGHET.anker)
    run(dok.add_paragraph(), Bit(plan.enighet))
    return som_bytes(dok)


def _fritekst(dok: Dokument, tekst: str) -> None:
    """What was typed: a paragraph for each block, the line breaks kept within it."""
    if not tekst:
        run(dok.add_paragraph(), Bit(IKKE_UTFYLT, kursiv=True), farge=GRA)
        return
    for blokk in tekst.split("\n\n"):
        if blokk.strip():
            _linjer(dok.add_paragraph(), blokk.strip("\n"))


def _linjer(avsnitt: Paragraph, tekst: str) -> None:
    for i, linje in enumerate(tekst.split("\n")):
        if i:
            avsnitt.add_run().add_break()
        run(avsnitt, Bit(linje))


def _fakta(dok: Dokument, fakta: tuple[tuple[str, str], ...]) -> None:
    tabell = dok.add_table(rows=len(fakta), cols=2)
    for rad, (navn, verdi) in zip(tabell.rows, fakta, strict=True):
        run(rad.cells[0].paragraphs[0], Bit(navn, fet=True))
        run(rad.cells[1].paragraphs[0], Bit(verdi))
    kolonnebredder(tabell, FAKTABREDDER)
    dok.add_paragraph().paragraph_format.space_after = Pt(0)


def _tiltak(dok: Dokument, tiltak: tuple[Tiltak, ...]) -> None:
    tabell = dok.add_table(rows=1 + len(tiltak), cols=len(TILTAKSKOLONNER))
    tabell.style = dok.styles["Table Grid"]
    hode = tabell.rows[0]
    for celle, navn in zip(hode.cells, TILTAKSKOLONNER, strict=True):
        run(celle.paragraphs[0], Bit(navn, fet=True))
    _gjenta_overst(tabell)
    for rad, t in zip(tabell.rows[1:], tiltak, strict=True):
        _linjer(rad.cells[0].paragraphs[0], t.hva)
        run(rad.cells[1].paragraphs[0], Bit(t.hvem))
        run(rad.cells[2].paragraphs[0], Bit(kort_datotekst(t.innen)))
    hold_radene_hele(tabell)
    kolonnebredder(tabell, TILTAKSBREDDER)
    dok.add_paragraph().paragraph_format.space_after = Pt(0)


def _gjenta_overst(tabell: Table) -> None:
    """The header row is the table's header: repeated on every page, and read as headers."""
    tabell.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
