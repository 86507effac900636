"""The building blocks every Word file of Samtalestøtte is made of, with python-docx.

Built for the people who open the files: real heading styles (Word's navigation pane and a screen
reader find the sections), bookmarks on the headings that a list of contents links to, each
question in a table with room for notes that never breaks across pages, and A4 with fonts that
LibreOffice and Word lay out alike. python-docx has no API for bookmarks, internal links or page
fields, so those few elements are written as Office Open XML directly.
"""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, time

from docx import Document
from docx.document import Document as Dokument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Length, Mm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from naervaer.samtale.tekst import Bit, biter

# Arial is Liberation Sans in LibreOffice, with the same widths: the pages break in the same
# places in both programs, and the tests that count pages count what Word users get.
SKRIFT = "Arial"
MORK = RGBColor(0x00, 0x24, 0x3A)
GRA = RGBColor(0x49, 0x51, 0x5E)
LENKEFARGE = RGBColor(0x00, 0x34, 0x7D)
BREDDE = Mm(174)  # A4 less the margins
NOTATHOYDE = Cm(1.4)

# (size in points, space before) of the heading levels the documents use.
OVERSKRIFTER = {1: (19, 0), 2: (13, 14), 3: (11.5, 10), 4: (10.5, 6)}


def nytt_dokument(*, tittel: str, emne: str, laget: date, bunntekst: str) -> Dokument:
    """An empty A4 document in Norwegian, its styles set and its footer numbering the pages."""
    dok = Document()
    seksjon = dok.sections[0]
    seksjon.page_width, seksjon.page_height = Mm(210), Mm(297)
    seksjon.left_margin = seksjon.right_margin = Mm(18)
    seksjon.top_margin, seksjon.bottom_margin = Mm(16), Mm(16)
    seksjon.footer_distance = Mm(8)

    egenskaper = dok.core_properties
    egenskaper.title = tittel
    egenskaper.subject = emne
    egenskaper.author = "Nærvær"
    egenskaper.comments = ""
    egenskaper.language = "nb-NO"
    egenskaper.created = egenskaper.modified = datetime.combine(laget, time(12), tzinfo=UTC)
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
    for nivaa, (storrelse, foran) in OVERSKRIFTER.items():
        stil = stiler[f"Heading {nivaa}"]
        _skrift(stil, Pt(storrelse))
        stil.font.color.rgb = MORK
        stil.font.italic = False
        stil.paragraph_format.space_before = Pt(foran)
        stil.paragraph_format.space_after = Pt(4)
    lenke = stiler.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
    lenke.font.color.rgb = LENKEFARGE
    lenke.font.underline = True

    avsnitt = dok.sections[0].footer.paragraphs[0]
    run(avsnitt, Bit(f"{bunntekst} · Side "), storrelse=8)
    _felt(avsnitt, "PAGE")
    run(avsnitt, Bit(" av "), storrelse=8)
    _felt(avsnitt, "NUMPAGES")
    return dok


def som_bytes(dok: Dokument) -> bytes:
    ut = io.BytesIO()
    dok.save(ut)
    return ut.getvalue()


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


def _felt(avsnitt: Paragraph, instruksjon: str) -> None:
    """A field Word and LibreOffice fill in when they lay out the pages (page numbers)."""

    def run_(*barn: BaseOxmlElement) -> None:
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
    run_(tegn("begin"))
    run_(kode)
    run_(tegn("separate"))
    verdi = OxmlElement("w:t")
    verdi.text = "1"  # shown until the program updates the field
    run_(verdi)
    run_(tegn("end"))


# --- Headings and their bookmarks ---------------------------------------------------------------


def overskrift(
    dok: Dokument, tekst_: str, anker: str | None = None, *, nivaa: int = 2
) -> Paragraph:
    """A heading of a real heading style; with an anchor, a bookmark a link can lead to."""
    avsnitt = dok.add_heading(level=nivaa)
    if anker is None:
        tekst(avsnitt, tekst_)
        return avsnitt
    start = OxmlElement("w:bookmarkStart")
    # Bookmark ids are numbers unique in the document; the names are the anchors.
    nummer = str(len(dok.element.body.findall(".//" + qn("w:bookmarkStart"))) + 1)
    start.set(qn("w:id"), nummer)
    start.set(qn("w:name"), bokmerke(anker))
    slutt = OxmlElement("w:bookmarkEnd")
    slutt.set(qn("w:id"), nummer)
    avsnitt._p.append(start)
    tekst(avsnitt, tekst_)
    avsnitt._p.append(slutt)
    return avsnitt


def bokmerke(anker: str) -> str:
    # Word's bookmark names start with a letter and hold letters, digits and underscores.
    return "s_" + anker.replace("-", "_")


# --- Question boxes and tables ------------------------------------------------------------------


def sporsmalsboks(dok: Dokument, tekst_: str, hvorfor: str | None) -> None:
    """A question in a one-column table, with an empty row for notes below it."""
    tabell = dok.add_table(rows=2, cols=1)
    tabell.style = dok.styles["Table Grid"]
    sporsmal, notater = tabell.rows
    avsnitt = sporsmal.cells[0].paragraphs[0]
    tekst(avsnitt, tekst_, fet=True)
    if hvorfor:
        avsnitt = sporsmal.cells[0].add_paragraph()
        for bit in biter(hvorfor):
            run(avsnitt, Bit(bit.tekst, bit.fet, True, bit.lenke), storrelse=9, farge=GRA)
    # Every paragraph of the first row keeps with the next: Word and LibreOffice then move the
    # whole box to the next page instead of parting the question from its notes.
    for a in sporsmal.cells[0].paragraphs:
        a.paragraph_format.keep_with_next = True
        a.paragraph_format.space_before = Pt(2)
    notater.height = NOTATHOYDE
    notater.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
    run(notater.cells[0].paragraphs[0], Bit("Notater"), storrelse=7.5, farge=GRA)
    hold_radene_hele(tabell)
    kolonnebredder(tabell, (BREDDE,))
    mellomrom = dok.add_paragraph()
    mellomrom.paragraph_format.space_after = Pt(0)
    mellomrom.paragraph_format.line_spacing = Pt(6)


def hold_radene_hele(tabell: Table) -> None:
    for rad in tabell.rows:
        rad._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def kolonnebredder(tabell: Table, bredder: tuple[Length, ...]) -> None:
    tabell.autofit = False
    for kolonne, bredde in zip(tabell.columns, bredder, strict=True):
        kolonne.width = bredde
        for celle in kolonne.cells:
            celle.width = bredde


def kantlinje(celle: _Cell, side: str) -> None:
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


def tekst(
    avsnitt: Paragraph,
    tekst_: str,
    *,
    fet: bool = False,
    storrelse: float | None = None,
    farge: RGBColor | None = None,
) -> None:
    """A content text with its Markdown as bold, italic and links."""
    for bit in biter(tekst_):
        run(
            avsnitt,
            Bit(bit.tekst, bit.fet or fet, bit.kursiv, bit.lenke),
            storrelse=storrelse,
            farge=farge,
        )


def run(
    avsnitt: Paragraph,
    bit: Bit,
    *,
    storrelse: float | None = None,
    farge: RGBColor | None = None,
) -> None:
    if bit.lenke:
        _ekstern_lenke(avsnitt, bit, storrelse)
        return
    r = avsnitt.add_run(bit.tekst)
    r.bold = bit.fet or None
    r.italic = bit.kursiv or None
    if storrelse:
        r.font.size = Pt(storrelse)
    if farge is not None:
        r.font.color.rgb = farge


def _lenkerun(
    tekst_: str, bit: Bit | None = None, storrelse: float | None = None
) -> BaseOxmlElement:
    r = OxmlElement("w:r")
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
    r.append(rpr)
    t = OxmlElement("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = tekst_
    r.append(t)
    return r


def _ekstern_lenke(avsnitt: Paragraph, bit: Bit, storrelse: float | None) -> None:
    assert bit.lenke is not None
    rid = avsnitt.part.relate_to(bit.lenke, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    lenke = OxmlElement("w:hyperlink")
    lenke.set(qn("r:id"), rid)
    lenke.append(_lenkerun(bit.tekst, bit, storrelse))
    avsnitt._p.append(lenke)


def intern_lenke(avsnitt: Paragraph, tekst_: str, anker: str) -> None:
    """A link to the bookmark ``overskrift`` set for ``anker``."""
    lenke = OxmlElement("w:hyperlink")
    lenke.set(qn("w:anchor"), bokmerke(anker))
    lenke.set(qn("w:history"), "1")
    lenke.append(_lenkerun(tekst_))
    avsnitt._p.append(lenke)
