"""The conversation guide as a Word file (DOCX), made with python-docx.

Built for the people who open it: real heading styles (Word's navigation pane and a screen
reader find the sections), the agenda linked to the sections by bookmarks, each question in a
table with room for notes that never breaks across pages, and A4 with fonts that LibreOffice and
Word lay out alike. python-docx has no API for bookmarks, internal links or page fields, so those
few elements are written as Office Open XML directly.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from datetime import UTC, datetime, time

from docx import Document
from docx.document import Document as Dokument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Emu, Length, Mm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from naervaer.samtale.dokument import FRISTSEKSJON, MAAL, VIDERE, Samtaleguide, Seksjon
from naervaer.samtale.tekst import Bit, biter
from naervaer.statistikk.publisering import datotekst

# Arial is Liberation Sans in LibreOffice, with the same widths: the pages break in the same
# places in both programs, and the test that counts pages counts what Word users get.
SKRIFT = "Arial"
MORK = RGBColor(0x00, 0x24, 0x3A)
GRA = RGBColor(0x49, 0x51, 0x5E)
LENKEFARGE = RGBColor(0x00, 0x34, 0x7D)
BREDDE = Mm(174)  # A4 less the margins
NOTATHOYDE = Cm(1.4)
AVTALEHOYDE = Cm(1.1)


def som_docx(guide: Samtaleguide) -> bytes:
    dok = Document()
    _sett_opp(dok, guide)
    _hode(dok, guide)
    _agenda(dok, guide.agenda)
    if guide.maal:
        _overskrift(dok, MAAL)
        for maal in guide.maal:
            _tekst(dok.add_paragraph(style="List Bullet"), maal)
    for seksjon in guide.sporsmal:
        _overskrift(dok, seksjon.seksjon)
        for sporsmal in seksjon.sporsmal:
            _boks(dok, sporsmal.tekst, sporsmal.hvorfor)
    _overskrift(dok, VIDERE)
    _avtaler(dok, guide.veien_videre)
    _overskrift(dok, FRISTSEKSJON)
    _tekst(dok.add_paragraph(), guide.om_fristene)
    for frist in guide.frister:
        avsnitt = dok.add_paragraph(style="List Bullet")
        avsnitt.paragraph_format.keep_together = True
        _run(avsnitt, Bit(f"{frist.naar}: ", fet=True))
        _tekst(avsnitt, frist.hva)
        _run(avsnitt, Bit(" "))
        _run(avsnitt, Bit(frist.kilde.navn, lenke=frist.kilde.url))
    ut = io.BytesIO()
    dok.save(ut)
    return ut.getvalue()


# --- The page, the styles and the file's properties ---------------------------------------------


def _sett_opp(dok: Dokument, guide: Samtaleguide) -> None:
    seksjon = dok.sections[0]
    seksjon.page_width, seksjon.page_height = Mm(210), Mm(297)
    seksjon.left_margin = seksjon.right_margin = Mm(18)
    seksjon.top_margin, seksjon.bottom_margin = Mm(16), Mm(16)
    seksjon.footer_distance = Mm(8)

    egenskaper = dok.core_properties
    egenskaper.title = guide.tittel
    egenskaper.subject = guide.undertittel or "Samtaleguide"
    egenskaper.author = "Nærvær"
    egenskaper.comments = ""
    egenskaper.language = "nb-NO"
    laget = datetime.combine(guide.laget, time(12), tzinfo=UTC)
    egenskaper.created = egenskaper.modified = laget
    # The template's preview picture shows another document: file browsers would show it.
    for nokkel, rel in list(dok.part.package.rels.items()):
        if rel.reltype == RELATIONSHIP_TYPE.THUMBNAIL:
            del dok.part.package.rels[nokkel]

    stiler = dok.styles
    # The language of every text, for spelling, hyphenation and screen readers.
    rpr = stiler.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    sprak = rpr.find(qn("w:lang"))
    if sprak is None:
        sprak = OxmlElement("w:lang")
        rpr.append(sprak)
    for attributt in ("w:val", "w:eastAsia", "w:bidi"):
        sprak.set(qn(attributt), "nb-NO")

    normal = stiler["Normal"]
    _skrift(normal, Pt(10.5))
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.line_spacing = 1.15
    for navn, storrelse, foran in (("Heading 1", 19, 0), ("Heading 2", 13, 14)):
        stil = stiler[navn]
        _skrift(stil, Pt(storrelse))
        stil.font.color.rgb = MORK
        stil.paragraph_format.space_before = Pt(foran)
        stil.paragraph_format.space_after = Pt(4)
    lenke = stiler.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
    lenke.font.color.rgb = LENKEFARGE
    lenke.font.underline = True

    _bunntekst(dok, guide)


def _skrift(stil: object, storrelse: Pt) -> None:
    """The font by name, with the theme's font removed: Word lets a theme font win."""
    font = stil.font  # type: ignore[attr-defined]
    font.name = SKRIFT
    font.size = storrelse
    rfonts = stil.element.rPr.find(qn("w:rFonts"))  # type: ignore[attr-defined]
    for attributt in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(attributt), None)
    for attributt in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(attributt), SKRIFT)


def _bunntekst(dok: Dokument, guide: Samtaleguide) -> None:
    avsnitt = dok.sections[0].footer.paragraphs[0]
    _run(avsnitt, Bit(f"Laget med Nærvær {datotekst(guide.laget)} · Side "), storrelse=8)
    _felt(avsnitt, "PAGE")
    _run(avsnitt, Bit(" av "), storrelse=8)
    _felt(avsnitt, "NUMPAGES")


def _felt(avsnitt: Paragraph, instruksjon: str) -> None:
    """A field Word and LibreOffice fill in when they lay out the pages (page numbers)."""

    def run(*barn: BaseOxmlElement) -> None:
        r = avsnitt.add_run()
        r.font.size = Pt(8)
        for b in barn:
            r._r.append(b)

    def tegn(type_: str) -> BaseOxmlElement:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), type_)
        return element

    kode = OxmlElement("w:instrText")
    kode.set(qn("xml:space"), "preserve")
    kode.text = f" {instruksjon} "
    run(tegn("begin"))
    run(kode)
    run(tegn("separate"))
    verdi = OxmlElement("w:t")
    verdi.text = "1"  # shown until the program updates the field
    run(verdi)
    run(tegn("end"))


# --- The parts of the document ------------------------------------------------------------------


def _hode(dok: Dokument, guide: Samtaleguide) -> None:
    dok.add_heading(guide.tittel, level=1)
    if guide.undertittel:
        avsnitt = dok.add_paragraph()
        _run(avsnitt, Bit(guide.undertittel), storrelse=12)
    tabell = dok.add_table(rows=2, cols=2)
    for rad, navn in zip(tabell.rows, ("Dato", "Til stede"), strict=True):
        rad.height = Cm(0.9)
        rad.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
        for celle in rad.cells:
            celle.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
        _run(rad.cells[0].paragraphs[0], Bit(navn, fet=True))
        _kantlinje(rad.cells[1], "bottom")
    _kolonnebredder(tabell, (Cm(2.6), Emu(BREDDE - Cm(2.6))))
    avsnitt = dok.add_paragraph()
    avsnitt.paragraph_format.space_before = Pt(6)
    for bit in biter(guide.formaal):
        _run(avsnitt, bit, storrelse=9, farge=GRA)


def _agenda(dok: Dokument, agenda: Iterable[Seksjon]) -> None:
    dok.add_heading("Agenda", level=2)
    for seksjon in agenda:
        avsnitt = dok.add_paragraph(style="List Number")
        avsnitt.paragraph_format.space_after = Pt(1)
        _intern_lenke(avsnitt, seksjon.tittel, seksjon.anker)


def _overskrift(dok: Dokument, seksjon: Seksjon) -> None:
    """A section heading with a bookmark the agenda links to."""
    avsnitt = dok.add_heading(level=2)
    start = OxmlElement("w:bookmarkStart")
    # Bookmark ids are numbers unique in the document; the names are the anchors.
    nummer = str(len(dok.element.body.findall(".//" + qn("w:bookmarkStart"))) + 1)
    start.set(qn("w:id"), nummer)
    start.set(qn("w:name"), _bokmerke(seksjon.anker))
    slutt = OxmlElement("w:bookmarkEnd")
    slutt.set(qn("w:id"), nummer)
    avsnitt._p.append(start)
    avsnitt.add_run(seksjon.tittel)
    avsnitt._p.append(slutt)


def _bokmerke(anker: str) -> str:
    # Word's bookmark names start with a letter and hold letters, digits and underscores.
    return "s_" + anker.replace("-", "_")


def _boks(dok: Dokument, tekst: str, hvorfor: str | None) -> None:
    """A question in a one-column table, with an empty row for notes below it."""
    tabell = dok.add_table(rows=2, cols=1)
    tabell.style = dok.styles["Table Grid"]
    sporsmal, notater = tabell.rows
    avsnitt = sporsmal.cells[0].paragraphs[0]
    _tekst(avsnitt, tekst, fet=True)
    if hvorfor:
        avsnitt = sporsmal.cells[0].add_paragraph()
        for bit in biter(hvorfor):
            _run(avsnitt, Bit(bit.tekst, bit.fet, True, bit.lenke), storrelse=9, farge=GRA)
    # Every paragraph of the first row keeps with the next: Word and LibreOffice then move the
    # whole box to the next page instead of parting the question from its notes.
    for a in sporsmal.cells[0].paragraphs:
        a.paragraph_format.keep_with_next = True
        a.paragraph_format.space_before = Pt(2)
    notater.height = NOTATHOYDE
    notater.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
    _run(notater.cells[0].paragraphs[0], Bit("Notater"), storrelse=7.5, farge=GRA)
    _hold_radene_hele(tabell)
    _kolonnebredder(tabell, (BREDDE,))
    mellomrom = dok.add_paragraph()
    mellomrom.paragraph_format.space_after = Pt(0)
    mellomrom.paragraph_format.line_spacing = Pt(6)


def _avtaler(dok: Dokument, felter: Iterable[str]) -> None:
    """The way forward: what was agreed, who does what, the next meeting, each with a line."""
    felter = list(felter)
    tabell = dok.add_table(rows=len(felter), cols=2)
    for rad, felt in zip(tabell.rows, felter, strict=True):
        rad.height = AVTALEHOYDE
        rad.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
        avsnitt = rad.cells[0].paragraphs[0]
        _run(avsnitt, Bit(felt, fet=True))
        avsnitt.paragraph_format.keep_with_next = True
        for celle in rad.cells:
            _kantlinje(celle, "bottom")
    _hold_radene_hele(tabell)
    _kolonnebredder(tabell, (Cm(6), Emu(BREDDE - Cm(6))))


def _hold_radene_hele(tabell: Table) -> None:
    for rad in tabell.rows:
        rad._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def _kolonnebredder(tabell: Table, bredder: tuple[Length, ...]) -> None:
    tabell.autofit = False
    for kolonne, bredde in zip(tabell.columns, bredder, strict=True):
        kolonne.width = bredde
        for celle in kolonne.cells:
            celle.width = bredde


def _kantlinje(celle: _Cell, side: str) -> None:
    kanter = OxmlElement("w:tcBorders")
    kant = OxmlElement(f"w:{side}")
    for navn, verdi in (("w:val", "single"), ("w:sz", "6"), ("w:color", "6F7785")):
        kant.set(qn(navn), verdi)
    kanter.append(kant)
    # The schema fixes the order of a cell's properties: the borders come before these.
    celle._tc.get_or_add_tcPr().insert_element_before(
        kanter, "w:shd", "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign"
    )


# --- Text, runs and links -----------------------------------------------------------------------


def _tekst(avsnitt: Paragraph, tekst: str, *, fet: bool = False) -> None:
    for bit in biter(tekst):
        _run(avsnitt, Bit(bit.tekst, bit.fet or fet, bit.kursiv, bit.lenke))


def _run(
    avsnitt: Paragraph,
    bit: Bit,
    *,
    storrelse: float | None = None,
    farge: RGBColor | None = None,
) -> None:
    if bit.lenke:
        _ekstern_lenke(avsnitt, bit, storrelse)
        return
    run = avsnitt.add_run(bit.tekst)
    run.bold = bit.fet or None
    run.italic = bit.kursiv or None
    if storrelse:
        run.font.size = Pt(storrelse)
    if farge is not None:
        run.font.color.rgb = farge


def _lenkerun(
    tekst: str, bit: Bit | None = None, storrelse: float | None = None
) -> BaseOxmlElement:
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    stil = OxmlElement("w:rStyle")
    stil.set(qn("w:val"), "Hyperlink")
    rpr.append(stil)
    if bit is not None and bit.fet:
        rpr.append(OxmlElement("w:b"))
    if bit is not None and bit.kursiv:
        rpr.append(OxmlElement("w:i"))
    if storrelse:
        sz = OxmlElement("w:sz")
        sz.set(qn("w:val"), str(round(storrelse * 2)))
        rpr.append(sz)
    run.append(rpr)
    t = OxmlElement("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = tekst
    run.append(t)
    return run


def _ekstern_lenke(avsnitt: Paragraph, bit: Bit, storrelse: float | None) -> None:
    assert bit.lenke is not None
    rid = avsnitt.part.relate_to(bit.lenke, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    lenke = OxmlElement("w:hyperlink")
    lenke.set(qn("r:id"), rid)
    lenke.append(_lenkerun(bit.tekst, bit, storrelse))
    avsnitt._p.append(lenke)


def _intern_lenke(avsnitt: Paragraph, tekst: str, anker: str) -> None:
    lenke = OxmlElement("w:hyperlink")
    lenke.set(qn("w:anchor"), _bokmerke(anker))
    lenke.set(qn("w:history"), "1")
    lenke.append(_lenkerun(tekst))
    avsnitt._p.append(lenke)
