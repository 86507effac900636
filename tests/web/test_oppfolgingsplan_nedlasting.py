"""The plan as files: .../tilfelle/<id>/plan.docx|pdf, .../versjoner/<nr>/plan.docx|pdf (the
leader) and .../mitt/<id>/plan.docx|pdf (the employee, the newest shared version)."""

from __future__ import annotations

import io
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from django.test import Client
from docx import Document

from naervaer.web.oppfolgingsplan import lagring
from tests.web.conftest import egendata as egendata  # the fixture, registered here too
from tests.web.oppfolgingsplan_hjelp import INNHOLD, ROLLER_UTEN_TILGANG, Sak, lagre, revisjon
from tests.web.oppfolgingsplan_hjelp import sak as sak  # the fixture

TYPER = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def pdftekst(data: bytes, mappe: Path) -> str:
    sti = mappe / "plan.pdf"
    sti.write_bytes(data)
    ut = subprocess.run(["pdftotext", str(sti), "-"], check=True, capture_output=True, text=True)
    return " ".join(ut.stdout.split())


def docxtekst(data: bytes) -> str:
    dok = Document(io.BytesIO(data))
    deler = [a.text for a in dok.paragraphs]
    deler += [c.text for t in dok.tables for r in t.rows for c in r.cells]
    return " ".join(" ".join(deler).split())


@pytest.mark.parametrize("format", ["docx", "pdf"])
def test_the_leader_downloads_the_newest_version_named_without_the_employee(
    client: Client, sak: Sak, format: str, tmp_path: Path
) -> None:
    versjon = lagre(sak)
    lagre(sak, replace(INNHOLD, som_for="Versjon to"))
    client.force_login(sak.egendata.leder)
    svar = client.get(sak.url(f"fil_{format}"))
    assert svar.status_code == 200
    assert svar["Content-Type"] == TYPER[format]
    dato = versjon.lagret.astimezone().date()
    navn = f"oppfolgingsplan-versjon-2-{dato:%Y-%m-%d}.{format}"
    assert svar["Content-Disposition"] == f'attachment; filename="{navn}"'
    assert "no-store" in svar["Cache-Control"]
    tekst = docxtekst(svar.content) if format == "docx" else pdftekst(svar.content, tmp_path)
    assert "Oppfølgingsplan for Bjørn Berg" in tekst and "Versjon to" in tekst
    assert "1002" not in tekst  # never the employee number
    navn = "Word" if format == "docx" else "PDF"
    assert revisjon(f"lastet ned oppfølgingsplan ({navn})") == ["1002"]


def test_an_earlier_version_says_it_is_not_the_newest(
    client: Client, sak: Sak, tmp_path: Path
) -> None:
    lagre(sak)
    lagre(sak, replace(INNHOLD, som_for="Versjon to"))
    client.force_login(sak.egendata.hr)
    svar = client.get(sak.url("versjonsfil_pdf", 1))
    assert "versjon-1-" in svar["Content-Disposition"]
    tekst = pdftekst(svar.content, tmp_path)
    assert "Samlingsstund og planlegging" in tekst and "Versjon to" not in tekst
    assert "Det finnes en nyere versjon av planen" in tekst
    assert client.get(sak.url("versjonsfil_docx", 3)).status_code == 404


def test_no_file_before_the_plan_is_saved(client: Client, sak: Sak) -> None:
    client.force_login(sak.egendata.leder)
    assert client.get(sak.url("fil_pdf")).status_code == 404


def test_the_employee_downloads_the_newest_shared_version_only(
    client: Client, sak: Sak, tmp_path: Path
) -> None:
    lagre(sak)
    client.force_login(sak.bjorn)
    assert client.get(sak.url("mitt_fil_pdf")).status_code == 404  # not shared yet
    lagring.del_med_ansatt(sak.tilfelle, 1, sak.egendata.leder)
    lagre(sak, replace(INNHOLD, som_for="Ikke delt ennå"))
    svar = client.get(sak.url("mitt_fil_pdf"))
    assert svar.status_code == 200 and "versjon-1-" in svar["Content-Disposition"]
    tekst = pdftekst(svar.content, tmp_path)
    assert "Samlingsstund og planlegging" in tekst and "Ikke delt ennå" not in tekst
    assert "nyere versjon" not in tekst  # nothing about a version the employee was not shown
    assert "Ikke delt ennå" not in docxtekst(client.get(sak.url("mitt_fil_docx")).content)
    assert revisjon("lastet ned egen oppfølgingsplan (PDF)") == ["1002"]


@pytest.mark.parametrize("rolle", ROLLER_UTEN_TILGANG)
def test_other_roles_get_404(client: Client, sak: Sak, rolle: str) -> None:
    lagre(sak)
    lagring.del_med_ansatt(sak.tilfelle, 1, sak.egendata.leder)
    client.force_login(sak.egendata.bruker(rolle))
    for navn in ("fil_pdf", "fil_docx", "mitt_fil_pdf"):
        assert client.get(sak.url(navn)).status_code == 404
    assert client.get(sak.url("versjonsfil_pdf", 1)).status_code == 404
    client.force_login(sak.egendata.leder)  # the leader is not the employee
    assert client.get(sak.url("mitt_fil_pdf")).status_code == 404
