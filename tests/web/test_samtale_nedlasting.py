"""The guide as files: the whole guide, one theme and the employee's version as Word and PDF, open
to everyone, with the bransje chosen as on the pages and nothing about the user in the file."""

from __future__ import annotations

import io

import pytest
from django.test import Client
from docx import Document

from naervaer.samtale.modell import TEMAKODER
from naervaer.samtale.tekst import ren_tekst
from tests.samtale.nettsider import bransje_for_statistikkbransje, innhold
from tests.web.conftest import Installasjon

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TYPER = {"docx": DOCX, "pdf": "application/pdf"}


def docx_tekst(innhold_: bytes) -> str:
    dok = Document(io.BytesIO(innhold_))
    celler = (c.text for t in dok.tables for rad in t.rows for c in rad.cells)
    return " ".join((*(a.text for a in dok.paragraphs), *celler))


@pytest.mark.parametrize(
    ("adresse", "filnavn"),
    [
        ("/samtalestotte/veileder", "samtaleveileder"),
        ("/samtalestotte/tema/psykisk_helse_og_stress", "samtaletema-psykisk-helse-og-stress"),
        ("/samtalestotte/forbered-deg", "forbered-deg-til-samtalen"),
    ],
)
@pytest.mark.parametrize("format", ["docx", "pdf"])
def test_it_works_without_logging_in(
    client: Client, adresse: str, filnavn: str, format: str
) -> None:
    svar = client.get(f"{adresse}.{format}")
    assert svar.status_code == 200
    assert svar["Content-Type"] == TYPER[format]
    assert svar["Content-Disposition"] == f'attachment; filename="{filnavn}.{format}"'
    # The same for everyone: any cache may keep it for a while.
    assert "public" in svar["Cache-Control"] and "max-age=3600" in svar["Cache-Control"]
    data = svar.content
    assert data.startswith(b"%PDF-" if format == "pdf" else b"PK")


def test_the_whole_guide_holds_every_step(client: Client) -> None:
    tekst = docx_tekst(client.get("/samtalestotte/veileder.docx").content)
    for del_ in innhold().veileder.deler:
        assert del_.tittel in tekst
        for steg in del_.steg:
            assert steg.tittel in tekst
    assert innhold().grenser.tittel in tekst
    for bransje in innhold().bransjer.values():
        assert ren_tekst(bransje.sporsmal[0].tekst) not in tekst


def test_a_bransje_picked_by_hand_comes_in(client: Client) -> None:
    svar = client.get("/samtalestotte/veileder.docx", {"bransje": "bygg"})
    assert svar["Content-Disposition"] == 'attachment; filename="samtaleveileder-bygg.docx"'
    tekst = docx_tekst(svar.content)
    assert f"Bransje: {innhold().bransjer['bygg'].navn}" in tekst
    assert ren_tekst(innhold().bransjer["bygg"].sporsmal[0].tekst) in tekst
    assert ren_tekst(innhold().bransjer["sykehus"].sporsmal[0].tekst) not in tekst


@pytest.mark.django_db
def test_a_logged_in_leader_gets_their_bransje_and_nothing_of_theirs(
    client: Client, installasjon: Installasjon
) -> None:
    client.force_login(installasjon.leser)  # Solsikken barnehage AS, 88.911
    kode = bransje_for_statistikkbransje("BARNEHAGER")
    svar = client.get("/samtalestotte/veileder.docx")
    assert svar.status_code == 200
    assert svar["Content-Disposition"] == f'attachment; filename="samtaleveileder-{kode}.docx"'
    tekst = docx_tekst(svar.content)
    assert ren_tekst(innhold().bransjer[kode].sporsmal[0].tekst) in tekst
    assert "Solsikken" not in tekst and installasjon.leser.email not in tekst
    # Chosen from the user's virksomhet: the file is theirs, so no shared cache keeps it.
    assert "private" in svar["Cache-Control"] and "public" not in svar["Cache-Control"]


@pytest.mark.parametrize("kode", TEMAKODER)
def test_each_theme_has_its_questions(client: Client, kode: str) -> None:
    svar = client.get(f"/samtalestotte/tema/{kode}.docx")
    assert svar.status_code == 200
    tekst = docx_tekst(svar.content)
    tema = innhold().temaer[kode]
    assert tema.navn in tekst
    assert all(ren_tekst(s.tekst) in tekst for s in tema.sporsmal)


def test_the_employees_version_speaks_to_the_employee(client: Client) -> None:
    tekst = docx_tekst(client.get("/samtalestotte/forbered-deg.docx").content)
    ansatt = innhold().ansatt
    assert ansatt.tittel in tekst
    assert all(ren_tekst(s) in tekst for s in ansatt.sporsmal_du_kan_stille)


def test_an_unknown_theme_or_format_is_404(client: Client) -> None:
    assert client.get("/samtalestotte/tema/finnes_ikke.pdf").status_code == 404
    assert client.get("/samtalestotte/tema/finnes_ikke.docx").status_code == 404
    assert client.get("/samtalestotte/veileder.txt").status_code == 404
    assert client.get("/samtalestotte/forbered-deg.odt").status_code == 404


def test_it_only_answers_get_and_head(client: Client) -> None:
    assert client.head("/samtalestotte/forbered-deg.docx").status_code == 200
    assert client.post("/samtalestotte/forbered-deg.docx").status_code == 405
