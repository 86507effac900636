"""The PDF: one to three A4 pages, the agenda linked to the sections, every text escaped."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from naervaer.samtale.dokument import Samtaleguide, Seksjon, Sporsmalsseksjon
from naervaer.samtale.lasting import Innhold
from naervaer.samtale.modell import Sporsmal
from naervaer.samtale.pdffil import dokument_html, gjengi, som_pdf
from naervaer.samtale.tekst import ren_tekst
from tests.samtale.dokumenter import (
    DAGTEKST,
    korteste_guide,
    pdftekst,
    sider,
)


@pytest.fixture(scope="module")
def lang_pdf(lang: Samtaleguide, tmp_path_factory: pytest.TempPathFactory) -> Path:
    sti = tmp_path_factory.mktemp("pdf") / "samtaleguide.pdf"
    sti.write_bytes(som_pdf(lang))
    return sti


def test_the_longest_guide_is_at_most_three_pages(lang: Samtaleguide, lang_pdf: Path) -> None:
    assert 1 <= len(gjengi(lang).pages) <= 3
    antall = len(sider(lang_pdf))
    assert 1 <= antall <= 3
    for nummer, side in enumerate(sider(lang_pdf), 1):
        assert f"Laget med Nærvær {DAGTEKST}" in side
        assert f"Side {nummer} av {antall}" in side


def test_a_guide_with_one_question_is_one_page(innhold: Innhold) -> None:
    assert len(gjengi(korteste_guide(innhold)).pages) == 1


def test_the_pdf_holds_the_headings_goals_and_questions(lang: Samtaleguide, lang_pdf: Path) -> None:
    tekst = pdftekst(lang_pdf)
    for overskrift in (lang.tittel, "Agenda", *(s.tittel for s in lang.agenda)):
        assert " ".join(overskrift.split()) in tekst
    for maal in lang.maal:
        assert " ".join(ren_tekst(maal).split())[:60] in tekst
    for seksjon in lang.sporsmal:
        for sporsmal in seksjon.sporsmal:
            assert ren_tekst(sporsmal.tekst) in tekst


def test_the_agenda_links_to_the_sections(lang: Samtaleguide) -> None:
    dokument = gjengi(lang)
    interne = [
        mål for side in dokument.pages for type_, mål, *_ in side.links if type_ == "internal"
    ]
    assert interne == [s.anker for s in lang.agenda]
    ankre = {navn for side in dokument.pages for navn in side.anchors}
    assert {s.anker for s in lang.agenda} <= ankre


def test_the_outline_follows_the_headings(lang: Samtaleguide) -> None:
    # Each entry is (label, target, children, state).
    tre = gjengi(lang).make_bookmark_tree()
    assert [merke[0] for merke in tre] == [lang.tittel]
    assert [merke[0] for merke in tre[0][2]] == [
        "Agenda",
        *(s.tittel for s in lang.agenda),
    ]


def test_text_is_escaped(lang: Samtaleguide) -> None:
    farlig = Sporsmal(kode="x", tekst='Hva med <img src="https://example.org/x"> & **dette**?')
    guide = replace(
        lang,
        sporsmal=(Sporsmalsseksjon(Seksjon("sporsmal-1", "<b>Tittel</b>"), (farlig,)),),
    )
    html = dokument_html(guide)
    assert "<img" not in html and "<b>Tittel" not in html
    assert "&lt;img src=&quot;https://example.org/x&quot;&gt; &amp; <strong>dette</strong>" in html
    assert "&lt;b&gt;Tittel&lt;/b&gt;" in html
