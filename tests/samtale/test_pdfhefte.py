"""The booklets as PDF: WeasyPrint lays out the same blocks as the Word file, the table of
contents links to the sections, the outline follows the parts and steps, every text escaped."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from weasyprint.document import Document

from naervaer.samtale.hefte import Hefte, Overskrift, Sporsmalsboks, temahefte
from naervaer.samtale.lasting import Innhold
from naervaer.samtale.pdfbygg import skriv_pdf
from naervaer.samtale.pdfhefte import gjengi, hefte_html, som_pdf
from naervaer.samtale.tekst import ren_tekst
from naervaer.samtale.veiviser import alle_steg
from tests.samtale.dokumenter import DAG, DAGTEKST, VALGT_BRANSJE, brodtekst, sider


def skriv(hefte: Hefte, mappe: Path) -> Path:
    sti = mappe / f"{hefte.filnavn}.pdf"
    sti.write_bytes(som_pdf(hefte))
    return sti


@pytest.fixture(scope="module")
def veileder_sider(veileder_med_bransje: Hefte) -> Document:
    """The whole guide laid out once for the tests of this module."""
    return gjengi(veileder_med_bransje)


@pytest.fixture(scope="module")
def veileder_pdf(veileder_sider: Document, tmp_path_factory: pytest.TempPathFactory) -> Path:
    sti = tmp_path_factory.mktemp("pdf") / "veileder.pdf"
    sti.write_bytes(skriv_pdf(veileder_sider))
    return sti


def test_the_whole_guide_renders_with_every_step_and_question(
    innhold: Innhold, veileder_pdf: Path
) -> None:
    tekst = brodtekst(veileder_pdf)
    for del_, steg in alle_steg(innhold.veileder):
        assert del_.tittel in tekst
        assert " ".join(ren_tekst(steg.ingress).split()) in tekst
        for s in steg.sporsmal:
            assert ren_tekst(s.tekst) in tekst
    for kode, bransje in innhold.bransjer.items():
        i_teksten = [ren_tekst(s.tekst) in tekst for s in bransje.sporsmal]
        assert i_teksten == [kode == VALGT_BRANSJE] * len(bransje.sporsmal), kode
    assert "☐" in tekst
    alle = sider(veileder_pdf)
    for nummer, side in enumerate(alle, 1):
        assert f"Lastet ned fra Nærvær {DAGTEKST}" in side
        assert f"Side {nummer} av {len(alle)}" in side


def test_the_table_of_contents_links_to_the_sections(
    veileder_med_bransje: Hefte, veileder_sider: Document
) -> None:
    dokument = veileder_sider
    interne = [
        mål for side in dokument.pages for type_, mål, *_ in side.links if type_ == "internal"
    ]
    ankre = [o.anker for o in veileder_med_bransje.innholdsfortegnelse]
    assert interne == ankre
    assert set(ankre) <= {navn for side in dokument.pages for navn in side.anchors}
    # Each part starts a page of its own.
    deler = [o.anker for o in veileder_med_bransje.innholdsfortegnelse if o.nivaa == 2]
    forste_paa_siden = {next(iter(side.anchors), None) for side in dokument.pages}
    assert set(deler) <= forste_paa_siden


def test_the_outline_follows_the_parts_and_steps(
    innhold: Innhold, veileder_sider: Document
) -> None:
    # Each entry is (label, target, children, state); the points under a step are left out.
    (tittel, _, deler, _), *resten = veileder_sider.make_bookmark_tree()
    assert (tittel, resten) == (innhold.veileder.tittel, [])
    assert [d[0] for d in deler] == [
        "Innhold",
        *(d.tittel for d in innhold.veileder.deler),
        f"Vedlegg: {innhold.grenser.tittel}",
    ]
    for merke, del_ in zip(deler[1:], innhold.veileder.deler, strict=False):
        assert [s[0] for s in merke[2]] == [s.tittel for s in del_.steg]


def test_the_employees_version_and_a_theme_render(
    innhold: Innhold, for_ansatte: Hefte, tmp_path: Path
) -> None:
    tekst = brodtekst(skriv(for_ansatte, tmp_path))
    for del_ in innhold.ansatt.deler:
        assert del_.tittel in tekst
        assert " ".join(ren_tekst(del_.punkter[0].tekst).split()) in tekst
    for sporsmal in innhold.ansatt.sporsmal_du_kan_stille:
        assert ren_tekst(sporsmal) in tekst

    tema = innhold.temaer["psykisk_helse_og_stress"]
    tekst = brodtekst(skriv(temahefte(innhold, tema.kode, laget=DAG), tmp_path))
    for s in tema.sporsmal:
        assert ren_tekst(s.tekst) in tekst
    assert tema.fallgruver[0].tittel in tekst


def test_text_is_escaped(for_ansatte: Hefte) -> None:
    farlig = 'Hva med <img src="https://example.org/x"> & **dette**?'
    hefte = replace(
        for_ansatte,
        tittel="<b>Tittel</b>",
        blokker=(Overskrift(2, "<i>Del</i>", "del-1"), Sporsmalsboks(farlig)),
    )
    html = hefte_html(hefte)
    assert "<img" not in html and "<b>" not in html and "<i>" not in html
    assert "&lt;img src=&quot;https://example.org/x&quot;&gt; &amp; <strong>dette</strong>" in html
    assert '<a href="#del-1">&lt;i&gt;Del&lt;/i&gt;</a>' in html
