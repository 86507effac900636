"""The booklets as Word files: the parts and steps as real headings of their level, the questions
in boxes, the table of contents linked to bookmarks, and LibreOffice reads it all back."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document
from docx.document import Document as Dokument
from docx.oxml.ns import qn

from naervaer.samtale.hefte import AVKRYSNING, Hefte, Sporsmalsboks
from naervaer.samtale.lasting import Innhold
from naervaer.samtale.tekst import ren_tekst
from naervaer.samtale.veiviser import alle_steg
from naervaer.samtale.wordhefte import som_docx
from tests.samtale.dokumenter import DAGTEKST, VALGT_BRANSJE, brodtekst, libreoffice_pdfer, sider


@pytest.fixture(scope="module")
def veileder_docx(veileder_med_bransje: Hefte) -> bytes:
    return som_docx(veileder_med_bransje)


@pytest.fixture(scope="module")
def ansatt_docx(for_ansatte: Hefte) -> bytes:
    return som_docx(for_ansatte)


@pytest.fixture(scope="module")
def libreoffice(
    veileder_docx: bytes, ansatt_docx: bytes, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Path]:
    """Both files through one run of LibreOffice, as a Word user's other program opens them."""
    return libreoffice_pdfer(
        {"veileder": veileder_docx, "ansatt": ansatt_docx}, tmp_path_factory.mktemp("hefter")
    )


def les(docx: bytes) -> Dokument:
    return Document(io.BytesIO(docx))


def overskrifter(dok: Dokument) -> list[tuple[int, str]]:
    """Every heading as (level, text), in order."""
    ut = []
    for a in dok.paragraphs:
        stil = a.style.name if a.style is not None else ""
        if stil.startswith("Heading "):
            ut.append((int(stil.removeprefix("Heading ")), a.text))
    return ut


def all_tekst(dok: Dokument) -> str:
    celler = (c.text for t in dok.tables for rad in t.rows for c in rad.cells)
    return " ".join(" ".join((*(a.text for a in dok.paragraphs), *celler)).split())


def test_every_part_and_step_is_a_heading_of_its_level(
    innhold: Innhold, veileder_docx: bytes
) -> None:
    titler = overskrifter(les(veileder_docx))
    assert titler[0] == (1, innhold.veileder.tittel)
    assert [t for n, t in titler if n == 1] == [innhold.veileder.tittel]
    # Each part (level 2) is followed by its steps (level 3), in the guide's order.
    forventet = [(1, innhold.veileder.tittel), (2, "Innhold")]
    for del_ in innhold.veileder.deler:
        forventet += [(2, del_.tittel), *((3, s.tittel) for s in del_.steg)]
    assert [(n, t) for n, t in titler if n <= 3][: len(forventet)] == forventet
    # The points under a step are level 4.
    _, steg = alle_steg(innhold.veileder)[0]
    assert all((4, p.tittel) in titler for p in steg.punkter)


def test_the_questions_are_boxes_with_room_for_notes(
    veileder_med_bransje: Hefte, veileder_docx: bytes
) -> None:
    bokser = [t for t in les(veileder_docx).tables if len(t.columns) == 1]
    forventet = [b.tekst for b in veileder_med_bransje.blokker if isinstance(b, Sporsmalsboks)]
    assert [boks.rows[0].cells[0].paragraphs[0].text for boks in bokser] == [
        ren_tekst(t) for t in forventet
    ]
    assert all(boks.rows[1].cells[0].text == "Notater" for boks in bokser)
    assert all(
        rad._tr.trPr.find(qn("w:cantSplit")) is not None for boks in bokser for rad in boks.rows
    )


def test_the_table_of_contents_links_resolve_to_the_headings(
    veileder_med_bransje: Hefte, veileder_docx: bytes
) -> None:
    dok = les(veileder_docx)
    lenker = [
        (h.get(qn("w:anchor")), "".join(t.text for t in h.iter(qn("w:t"))))
        for h in dok.element.body.iter(qn("w:hyperlink"))
        if h.get(qn("w:anchor"))
    ]
    assert [tekst for _, tekst in lenker] == [
        o.tekst for o in veileder_med_bransje.innholdsfortegnelse
    ]
    bokmerker: dict[str, tuple[str, str]] = {}
    for avsnitt in dok.paragraphs:
        for merke in avsnitt._p.iter(qn("w:bookmarkStart")):
            assert avsnitt.style is not None
            bokmerker[merke.get(qn("w:name"))] = (avsnitt.style.name, avsnitt.text)
    for anker, tekst in lenker:
        stil, overskrift = bokmerker[anker]
        assert overskrift == tekst and stil.startswith("Heading ")


def test_the_checklists_are_lines_to_tick(innhold: Innhold, veileder_docx: bytes) -> None:
    linjer = [a.text for a in les(veileder_docx).paragraphs if a.text.startswith(AVKRYSNING)]
    assert linjer == [
        f"{AVKRYSNING}\t{ren_tekst(p)}"
        for _, s in alle_steg(innhold.veileder)
        for p in s.sjekkliste
    ]


def test_the_sources_are_links_out(innhold: Innhold, veileder_docx: bytes) -> None:
    dok = les(veileder_docx)
    ut = {r.target_ref for r in dok.part.rels.values() if r.is_external}
    kilder = {k.url for _, s in alle_steg(innhold.veileder) for p in s.punkter for k in p.kilder}
    assert kilder and kilder <= ut
    assert dok.core_properties.language == "nb-NO"
    assert (round(dok.sections[0].page_width.mm), round(dok.sections[0].page_height.mm)) == (
        210,
        297,
    )


def test_the_chosen_bransje_is_in_and_no_other(innhold: Innhold, veileder_docx: bytes) -> None:
    tekst = all_tekst(les(veileder_docx))
    bransje = innhold.bransjer[VALGT_BRANSJE]
    for s in bransje.sporsmal:
        assert ren_tekst(s.tekst) in tekst
    assert ren_tekst(bransje.eksempler[0].situasjon) in tekst
    for kode, annen in innhold.bransjer.items():
        if kode != VALGT_BRANSJE:
            assert not any(ren_tekst(s.tekst) in tekst for s in annen.sporsmal), kode


def test_libreoffice_opens_the_whole_guide(innhold: Innhold, libreoffice: dict[str, Path]) -> None:
    tekst = brodtekst(libreoffice["veileder"])
    for _, steg in alle_steg(innhold.veileder):
        assert " ".join(ren_tekst(steg.ingress).split()) in tekst
        for s in steg.sporsmal:
            assert ren_tekst(s.tekst) in tekst
    assert ren_tekst(innhold.bransjer[VALGT_BRANSJE].sporsmal[0].tekst) in tekst
    assert innhold.grenser.tittel in tekst
    # Each part starts a page, so there are more pages than parts; each numbered.
    alle = sider(libreoffice["veileder"])
    assert len(alle) > len(innhold.veileder.deler)
    for nummer, side in enumerate(alle, 1):
        assert f"Lastet ned fra Nærvær {DAGTEKST} · Side {nummer} av {len(alle)}" in side


def test_libreoffice_opens_the_employees_version(
    innhold: Innhold, ansatt_docx: bytes, libreoffice: dict[str, Path]
) -> None:
    ansatt = innhold.ansatt
    assert overskrifter(les(ansatt_docx))[:2] == [(1, ansatt.tittel), (2, "Innhold")]
    tekst = brodtekst(libreoffice["ansatt"])
    for del_ in ansatt.deler:
        assert del_.tittel in tekst
        assert " ".join(ren_tekst(del_.punkter[0].tekst).split()) in tekst
    for sporsmal in ansatt.sporsmal_du_kan_stille:
        assert ren_tekst(sporsmal) in tekst
