"""The documents the tests read back: the longest guide the shipped content allows, a short one,
and the tools that open them as a user's programs would (LibreOffice, pdftotext)."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from itertools import product
from pathlib import Path

from naervaer.samtale.dokument import (
    MAKS_EGET_MAAL,
    MAKS_MAAL,
    MAKS_SPORSMAL,
    Samtaleguide,
    Valg,
    lag_samtaleguide,
    sporsmalsgrupper,
)
from naervaer.samtale.lasting import Innhold
from naervaer.samtale.modell import Sporsmal

DAG = date(2026, 3, 2)
DAGTEKST = "2. mars 2026"
VALGT_BRANSJE = "bygg"

# An own goal of the longest length allowed, in words so it wraps as a real one would.
LANGT_MAAL = ("Vi skal finne ut hva som kan gjøres annerledes i arbeidsdagen " * 10)[
    :MAKS_EGET_MAAL
].strip()


def _lengde(sporsmal: Sporsmal) -> int:
    return len(sporsmal.tekst) + len(sporsmal.hvorfor or "")


def lengste_guide(innhold: Innhold) -> Samtaleguide:
    """The most a leader can put in: the theme and bransje whose longest questions fill the most,
    those questions, as many goals as allowed and the longest own goal."""

    def valg(tema: str, bransje: str) -> Valg:
        alle = [(n, s) for g in sporsmalsgrupper(innhold, tema, bransje) for n, s in g.sporsmal]
        lengste = sorted(alle, key=lambda ns: -_lengde(ns[1]))[:MAKS_SPORSMAL]
        maal = innhold.temaer[tema].maal[: MAKS_MAAL - 1]
        return Valg(tema, bransje, maal, LANGT_MAAL, tuple(n for n, _ in lengste))

    def fyll(v: Valg) -> int:
        grupper = sporsmalsgrupper(innhold, v.tema, v.bransje)
        valgte = [s for g in grupper for n, s in g.sporsmal if n in v.sporsmal]
        # Each section heading takes room too.
        return sum(_lengde(s) for s in valgte) + 80 * len(grupper) + sum(len(m) for m in v.maal)

    verst = max((valg(t, b) for t, b in product(innhold.temaer, innhold.bransjer)), key=fyll)
    return lag_samtaleguide(innhold, verst, laget=DAG)


def korteste_guide(innhold: Innhold) -> Samtaleguide:
    forste = sporsmalsgrupper(innhold, None, None)[0].sporsmal[0][0]
    return lag_samtaleguide(innhold, Valg(sporsmal=(forste,)), laget=DAG)


def libreoffice_pdf(docx: bytes, mappe: Path) -> Path:
    """The Word file converted by LibreOffice."""
    return libreoffice_pdfer({"samtaleguide": docx}, mappe)["samtaleguide"]


def libreoffice_pdfer(filer: dict[str, bytes], mappe: Path) -> dict[str, Path]:
    """Word files converted by one run of LibreOffice (starting it is most of the cost), with
    a profile of its own so runs side by side do not share (and lock) one."""
    mappe.mkdir(parents=True, exist_ok=True)
    for navn, docx in filer.items():
        (mappe / f"{navn}.docx").write_bytes(docx)
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{mappe / 'lo-profil'}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(mappe),
            *(str(mappe / f"{navn}.docx") for navn in filer),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    ut = {navn: mappe / f"{navn}.pdf" for navn in filer}
    for navn, pdf in ut.items():
        assert pdf.exists(), f"LibreOffice laget ingen PDF av {navn}"
    return ut


def brodtekst(pdf: Path) -> str:
    """The text of all pages in one line without the footers, so a paragraph that runs on to
    the next page reads as one."""
    bunntekst = re.compile(
        rf"(?:Laget med|Lastet ned fra) Nærvær {DAGTEKST}|(?:· )?Side \d+ av \d+"
    )
    return " ".join(" ".join(bunntekst.sub(" ", side).split()) for side in sider(pdf))


def antall_sider(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True)
    treff = re.search(r"^Pages:\s+(\d+)$", info.stdout, flags=re.M)
    assert treff is not None, info.stdout
    return int(treff.group(1))


def pdftekst(pdf: Path) -> str:
    """The PDF's text in one line, as pdftotext reads it."""
    tekst = subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return " ".join(tekst.split())


def sider(pdf: Path) -> list[str]:
    """The text of each page, one line each."""
    tekst = subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return [" ".join(side.split()) for side in tekst.split("\f") if side.strip()]
