"""The Word file: real headings, a table per question, the agenda linked to the sections, and
LibreOffice opens it as one to three A4 pages."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document
from docx.document import Document as Dokument
from docx.oxml.ns import qn

from naervaer.samtale.dokument import VEIEN_VIDERE, Samtaleguide
from naervaer.samtale.lasting import Innhold
from naervaer.samtale.tekst import ren_tekst
from naervaer.samtale.wordfil import som_docx
from tests.samtale.dokumenter import (
    DAGTEKST,
    antall_sider,
    korteste_guide,
    libreoffice_pdf,
    pdftekst,
    sider,
)


@pytest.fixture(scope="module")
def lang_docx(lang: Samtaleguide) -> bytes:
    return som_docx(lang)


@pytest.fixture(scope="module")
def lang_pdf(lang_docx: bytes, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return libreoffice_pdf(lang_docx, tmp_path_factory.mktemp("lang"))


def les(docx: bytes) -> Dokument:
    return Document(io.BytesIO(docx))


def overskrifter(dok: Dokument, stil: str) -> list[str]:
    return [a.text for a in dok.paragraphs if a.style is not None and a.style.name == stil]


def test_the_headings_are_real_heading_styles(lang: Samtaleguide, lang_docx: bytes) -> None:
    dok = les(lang_docx)
    assert overskrifter(dok, "Heading 1") == [lang.tittel]
    assert overskrifter(dok, "Heading 2") == ["Agenda", *(s.tittel for s in lang.agenda)]


def test_each_question_is_a_box_with_room_for_notes(lang: Samtaleguide, lang_docx: bytes) -> None:
    dok = les(lang_docx)
    bokser = [t for t in dok.tables if len(t.columns) == 1]
    valgte = [s for seksjon in lang.sporsmal for s in seksjon.sporsmal]
    assert len(bokser) == len(valgte)
    for boks, sporsmal in zip(bokser, valgte, strict=True):
        sporsmalscelle, notatcelle = (rad.cells[0] for rad in boks.rows)
        assert sporsmalscelle.paragraphs[0].text == ren_tekst(sporsmal.tekst)
        if sporsmal.hvorfor:
            assert sporsmalscelle.paragraphs[1].text == ren_tekst(sporsmal.hvorfor)
        assert notatcelle.text == "Notater"
        # Neither row breaks across a page, and the question keeps with its notes.
        assert all(rad._tr.trPr.find(qn("w:cantSplit")) is not None for rad in boks.rows)
        assert sporsmalscelle.paragraphs[0].paragraph_format.keep_with_next


def test_the_way_forward_has_a_line_for_each_agreement(lang_docx: bytes) -> None:
    avtaler = les(lang_docx).tables[-1]
    assert [rad.cells[0].text for rad in avtaler.rows] == list(VEIEN_VIDERE)
    assert all(rad.cells[1].text == "" for rad in avtaler.rows)


def test_the_agenda_links_to_a_bookmark_on_each_heading(
    lang: Samtaleguide, lang_docx: bytes
) -> None:
    dok = les(lang_docx)
    kropp = dok.element.body
    lenker = [h.get(qn("w:anchor")) for h in kropp.iter(qn("w:hyperlink")) if h.get(qn("w:anchor"))]
    assert len(lenker) == len(lang.agenda)
    bokmerker = {}
    for avsnitt in dok.paragraphs:
        for merke in avsnitt._p.iter(qn("w:bookmarkStart")):
            bokmerker[merke.get(qn("w:name"))] = avsnitt.text
    assert [bokmerker[lenke] for lenke in lenker] == [s.tittel for s in lang.agenda]


def test_the_sources_are_links_out(lang: Samtaleguide, lang_docx: bytes) -> None:
    dok = les(lang_docx)
    ut = {r.target_ref for r in dok.part.rels.values() if r.is_external}
    assert {f.kilde.url for f in lang.frister} <= ut


def test_the_page_is_a4_and_the_language_norwegian(lang: Samtaleguide, lang_docx: bytes) -> None:
    dok = les(lang_docx)
    seksjon = dok.sections[0]
    # Word keeps sizes in twentieths of a point: A4 is 11 906 × 16 838 of them.
    assert (round(seksjon.page_width.mm), round(seksjon.page_height.mm)) == (210, 297)
    sprak = dok.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:lang"))
    assert sprak.get(qn("w:val")) == "nb-NO"
    assert dok.core_properties.title == lang.tittel
    assert dok.core_properties.language == "nb-NO"


def test_libreoffice_opens_the_longest_guide_as_at_most_three_pages(
    lang: Samtaleguide, lang_pdf: Path
) -> None:
    assert 1 <= antall_sider(lang_pdf) <= 3
    tekst = pdftekst(lang_pdf)
    for overskrift in (lang.tittel, "Agenda", *(s.tittel for s in lang.agenda)):
        assert " ".join(overskrift.split()) in tekst
    for seksjon in lang.sporsmal:
        for sporsmal in seksjon.sporsmal:
            assert ren_tekst(sporsmal.tekst) in tekst
    # The footer's fields are filled in by LibreOffice as it lays out the pages.
    antall = antall_sider(lang_pdf)
    for nummer, side in enumerate(sider(lang_pdf), 1):
        assert f"Laget med Nærvær {DAGTEKST} · Side {nummer} av {antall}" in side


def test_a_guide_with_one_question_is_one_page(innhold: Innhold, tmp_path: Path) -> None:
    kort = korteste_guide(innhold)
    pdf = libreoffice_pdf(som_docx(kort), tmp_path)
    assert antall_sider(pdf) == 1
    assert ren_tekst(kort.sporsmal[0].sporsmal[0].tekst) in pdftekst(pdf)
