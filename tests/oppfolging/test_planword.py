"""The plan as a Word file: real headings, the measures as a table with a header row, what was
typed as plain text, and LibreOffice opens it with every part of the plan in it."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest
from docx import Document
from docx.document import Document as Dokument
from docx.oxml.ns import qn

from naervaer.oppfolging.plan import INGEN_HELSE, SEKSJONER
from naervaer.oppfolging.plandokument import Plandokument
from naervaer.oppfolging.planword import som_docx
from tests.oppfolging.plandokumenter import DAGTEKST, FULL, VANLIG, dokument
from tests.samtale.dokumenter import antall_sider, libreoffice_pdfer, pdftekst, sider


@pytest.fixture(scope="module")
def vanlig() -> Plandokument:
    return dokument(
        replace(VANLIG, ansattes_innspill="Se *ikke* [her](https://example.com) <b>fet</b>")
    )


@pytest.fixture(scope="module")
def pdfer(vanlig: Plandokument, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Both plans converted by one run of LibreOffice."""
    return libreoffice_pdfer(
        {"vanlig": som_docx(vanlig), "full": som_docx(dokument(FULL))},
        tmp_path_factory.mktemp("planword"),
    )


def les(plan: Plandokument) -> Dokument:
    return Document(io.BytesIO(som_docx(plan)))


def overskrifter(dok: Dokument, stil: str) -> list[str]:
    return [a.text for a in dok.paragraphs if a.style is not None and a.style.name == stil]


def test_the_headings_are_real_heading_styles(vanlig: Plandokument) -> None:
    dok = les(vanlig)
    assert overskrifter(dok, "Heading 1") == ["Oppfølgingsplan for Bjørn Berg"]
    assert overskrifter(dok, "Heading 2") == [s.tittel for s in SEKSJONER]
    assert overskrifter(dok, "Heading 3") == [
        "Kan gjøres som før",
        "Kan gjøres med tilrettelegging",
        "Kan ikke gjøres nå",
        "Tidsplan",
        "Hvordan planen evalueres",
    ]
    assert dok.core_properties.title == "Oppfølgingsplan for Bjørn Berg"


def test_the_measures_are_a_table_with_a_repeated_header_row(vanlig: Plandokument) -> None:
    dok = les(vanlig)
    (tabell,) = [t for t in dok.tables if t.rows[0].cells[0].text == "Tiltak"]
    rader = [[c.text for c in r.cells] for r in tabell.rows]
    assert rader == [
        ["Tiltak", "Hvem", "Innen"],
        ["Hev-senk stellebord på avdelingen", "Lederen", "09.03.2026"],
        ["Kortere arbeidsdager de to første ukene", "Lederen og den ansatte", "16.03.2026"],
    ]
    assert tabell.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(r._tr.trPr.find(qn("w:cantSplit")) is not None for r in tabell.rows)


def test_the_facts_and_the_warning_come_first(vanlig: Plandokument) -> None:
    dok = les(vanlig)
    fakta = [[c.text for c in r.cells] for r in dok.tables[0].rows]
    assert fakta[0] == ["Ansatt", "Bjørn Berg"]
    assert fakta[3] == ["Versjon", "3, lagret 02.03.2026 kl. 09.05 av Lars Leder"]
    tekster = [a.text for a in dok.paragraphs]
    assert any(t.startswith(INGEN_HELSE) for t in tekster)


def test_typed_text_is_plain_text_with_its_line_breaks(vanlig: Plandokument) -> None:
    dok = les(vanlig)
    tekster = [a.text for a in dok.paragraphs]
    assert "Se *ikke* [her](https://example.com) <b>fet</b>" in tekster
    assert "Pedagogisk arbeid med de minste barna\nStell og påkledning" in tekster
    # Blank lines part paragraphs.
    assert "Uke 1–2: fire timer om dagen" in tekster and "Uke 3–4: seks timer" in tekster
    lenker = [h for h in dok.element.body.iter(qn("w:hyperlink")) if h.get(qn("r:id")) is not None]
    assert len(lenker) == 1  # the law's paragraph, not the typed «[her](…)»
    assert "Ikke fylt ut." in tekster  # the empty evaluation text


def test_libreoffice_opens_it_with_the_whole_plan(pdfer: dict[str, Path]) -> None:
    tekst = pdftekst(pdfer["vanlig"])
    for del_ in (
        "Oppfølgingsplan for Bjørn Berg",
        *(s.tittel for s in SEKSJONER),
        "Hev-senk stellebord på avdelingen",
        "Samlingsstund og planlegging",
        "Denne versjonen er ikke delt med den ansatte.",
        INGEN_HELSE,
    ):
        assert del_ in tekst, del_
    antall = antall_sider(pdfer["vanlig"])
    assert antall <= 2
    for nummer, side in enumerate(sider(pdfer["vanlig"]), 1):
        assert f"Laget med Nærvær {DAGTEKST}" in side and f"Side {nummer} av {antall}" in side


def test_the_fullest_plan_is_laid_out_whole(pdfer: dict[str, Path]) -> None:
    tekst = pdftekst(pdfer["full"])
    assert "Tiltak nummer 20" in tekst and "Den ansattes innspill" in tekst
    assert antall_sider(pdfer["full"]) <= 12
