"""Files for the database half of the import, and the full stored content to compare.

The sample layouts are in ``filer/`` (``mal/`` UTF-8 with BOM and ISO dates, ``lonn/`` Windows-1252
with dd.mm.yyyy and decimal comma, ``hr/`` XLSX). ``mal_med_komma`` is the template as a
spreadsheet saves it on a Norwegian PC: BOM, dd.mm.yyyy and decimal comma. ``rettet_fravaer`` is a
later export of the template's absence file that corrects it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from naervaer.egendata.lesing import Fil
from tests.egendata.hjelp import FILER, fil

MAL = ("mal/ansatte.csv", "mal/arbeidsforhold.csv", "mal/fravaer.csv")
LONN = ("lonn/ansatte_og_stillinger.csv", "lonn/fravaer.csv")
HR = ("hr/hr_eksport.xlsx",)
BOM = b"\xef\xbb\xbf"


def filer(*navn: str) -> list[Fil]:
    return [fil(n) for n in navn]


def _norsk(iso: str) -> str:
    aar, maaned, dag = iso.split("-")
    return f"{dag}.{maaned}.{aar}"


def mal_med_komma() -> list[Fil]:
    """The template files with dd.mm.yyyy, decimal comma and a BOM, as Excel saves CSV."""
    ut = []
    for navn in MAL:
        linjer = (FILER / navn).read_bytes().removeprefix(BOM).decode().splitlines()
        rader = [linjer[0]]
        for linje in linjer[1:]:
            celler = linje.split(";")
            celler = [_norsk(c) if len(c) == 10 and c[4] == "-" else c for c in celler]
            if navn.endswith("arbeidsforhold.csv"):
                celler[-1] = celler[-1].replace(".", ",")
            if navn.endswith("fravaer.csv"):
                celler[-1] = celler[-1] + ",00"
            rader.append(";".join(celler))
        ut.append(Fil(navn.split("/")[-1], BOM + "\r\n".join(rader).encode() + b"\r\n"))
    return ut


FRAVAER_HODE = "ansattnummer;fra_dato;til_dato;type;grad"


def fravaersfil(*rader: str, navn: str = "fravaer.csv") -> Fil:
    return Fil(navn, ("\n".join((FRAVAER_HODE, *rader)) + "\n").encode())


def rettet_fravaer() -> Fil:
    """The template's absence file as a later export gives it: 1001's March sykmelding ends on
    21 March instead of 31 March, 1006's egenmelding 20–24 January is gone, and 1007 has a new
    egenmelding. The rest is as before."""
    linjer = (FILER / "mal/fravaer.csv").read_bytes().removeprefix(BOM).decode().splitlines()
    rader = []
    for linje in linjer[1:]:
        if linje.startswith("1006;2025-01-20"):
            continue
        if linje.startswith("1001;2025-03-01"):
            linje = "1001;2025-03-01;2025-03-21;sykmelding;50"
        rader.append(linje)
    rader.append("1007;2025-10-13;2025-10-14;egenmelding;100")
    return fravaersfil(*rader)


def innhold(orgnr: str) -> dict[str, Any]:
    """Everything stored of a virksomhet's own data, by natural keys, to compare before/after."""
    from naervaer.web.egendata.models import Ansatt, Arbeidsforhold, Avdeling, Fravaer

    return {
        "avdelinger": sorted(
            Avdeling.objects.filter(virksomhet_id=orgnr).values_list(
                "pk", "kode", "navn", "overordnet__kode"
            )
        ),
        "ansatte": sorted(
            Ansatt.objects.filter(virksomhet_id=orgnr).values_list(
                "pk", "ansattnummer", "navn", "bruker_id"
            )
        ),
        "arbeidsforhold": sorted(
            Arbeidsforhold.objects.filter(ansatt__virksomhet_id=orgnr).values_list(
                "pk",
                "ansatt__ansattnummer",
                "avdeling__kode",
                "fra_dato",
                "til_dato",
                "stillingsprosent",
            )
        ),
        "fravaer": sorted(
            Fravaer.objects.filter(ansatt__virksomhet_id=orgnr).values_list(
                "pk",
                "ansatt__ansattnummer",
                "fra_dato",
                "til_dato",
                "type",
                "grad",
                "kilde",
                "registrert_av_id",
                "endret",
            )
        ),
    }


def uten_id(innhold: dict[str, Any]) -> dict[str, Any]:
    """The content without ids and change times: what two imports of the same data share."""
    ut: dict[str, Any] = {}
    for tabell, rader in innhold.items():
        rader = [r[1:] for r in rader]
        if tabell == "fravaer":
            rader = [r[:-1] for r in rader]
        ut[tabell] = sorted(rader, key=repr)
    return ut


# --- The web flow --------------------------------------------------------------------------------


@pytest.fixture
def importmappe(settings: Any, tmp_path: Path) -> Path:
    """Waiting uploads go under the test's own folder, not the repository's data/."""
    settings.NAERVAER_DATA = tmp_path
    return tmp_path / "import"


def last_opp(client: Any, orgnr: str, filene: list[Fil]) -> str:
    """Upload on the import page; answers the preview's address."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    svar = client.post(
        f"/virksomhet/{orgnr}/data/",
        {"filer": [SimpleUploadedFile(f.navn, f.innhold) for f in filene]},
    )
    assert svar.status_code == 302, svar.content.decode()[:2000]
    adresse: str = svar["Location"]
    assert adresse.startswith(f"/virksomhet/{orgnr}/data/import/")
    return adresse
