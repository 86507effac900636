"""The preview of an import, /virksomhet/<orgnr>/data/import/<nøkkel>/: layouts, what changes,
warnings, the error report, and the column-mapping step for files Nærvær does not recognise."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import Client

from naervaer.egendata.lesing import Fil
from naervaer.web.revisjon.models import Hendelse
from tests.egendata.importfiler import (
    HR,
    LONN,
    MAL,
    filer,
    importmappe,
    innhold,
    last_opp,
    mal_med_komma,
)
from tests.web.conftest import SOLSIKKEN, Egendata, Installasjon
from tests.web.test_side import tekst

pytestmark = pytest.mark.django_db
__all__ = ["importmappe"]


def test_the_preview_shows_layouts_counts_examples_and_warnings(
    client: Client, installasjon: Installasjon, importmappe: Path
) -> None:
    client.force_login(installasjon.admin)
    adresse = last_opp(client, SOLSIKKEN, filer(*MAL))
    svar = client.get(adresse)
    assert svar.status_code == 200
    assert "no-store" in svar["Cache-Control"]
    t = tekst(svar.content)
    assert "Forhåndsvisning av importen" in t
    assert (
        "fravaer.csv (UTF-8 med BOM, skilletegn «;») Nærværs importmal: fravaer.csv fravær 13" in t
    )
    assert "Avdelinger 4 0 0 –" in t
    assert "Ansatte 8 0 0 –" in t
    assert "Arbeidsforhold 9 0 0 –" in t
    assert "Fravær 13 0 0 0" in t
    assert "Ny: ansatt 1001 Bjørn Ærø" in t
    assert "Ny: ansatt 1001: egenmelding 06.01.2025–08.01.2025, grad 100 %" in t
    assert "Advarsler (1)" in t
    assert (
        "fravaer.csv, rad 7: fraværet 17. februar 2025–28. februar 2025 overlapper fraværet "
        "10. februar 2025–21. februar 2025 på rad 6 for ansatt 1003" in t
    )
    assert "Lagre endringene" in t
    # The forms for choosing again start from the layout recognised.
    assert (
        svar.content.decode().count('<option value="mal" selected>Nærværs importmal</option>') == 3
    )
    assert re.search(r'name="fingeravtrykk" value="[0-9a-f]{64}"', svar.content.decode())
    assert innhold(SOLSIKKEN)["fravaer"] == []


@pytest.mark.parametrize(
    ("filene", "oppsett"),
    [
        (lambda: filer(*LONN), "Lønnssystem: Ansatte og stillinger"),
        (lambda: filer(*HR), "HR-system (engelske overskrifter): Absences"),
        (mal_med_komma, "Nærværs importmal: arbeidsforhold.csv"),
    ],
    ids=["lonn-windows-1252", "hr-xlsx", "mal-bom-komma"],
)
def test_every_layout_is_recognised(
    client: Client, installasjon: Installasjon, importmappe: Path, filene: object, oppsett: str
) -> None:
    client.force_login(installasjon.admin)
    t = tekst(client.get(last_opp(client, SOLSIKKEN, filene())).content)  # type: ignore[operator]
    assert oppsett in t
    assert "Fravær 13 0 0 0" in t


def test_a_corrected_export_shows_what_it_replaces_and_the_view_is_logged(
    client: Client, egendata: Egendata, importmappe: Path
) -> None:
    client.force_login(egendata.hr)
    fil = Fil(
        "fravaer.csv",
        b"ansattnummer;fra_dato;til_dato;type;grad\n"
        b"1002;06.01.2025;21.03.2025;sykmelding;100\n"
        b"1002;31.03.2025;30.05.2025;sykmelding;50\n",
    )
    t = tekst(client.get(last_opp(client, SOLSIKKEN, [fil])).content)
    # 1002's first sykmelding ends a week earlier; nothing else of 1002 is inside the period.
    assert "Fravær 0 1 1 0" in t
    assert "Endret: ansatt 1002, sykmelding fra 06.01.2025: til-dato 28.03.2025 → 21.03.2025" in t
    hendelse = Hendelse.objects.get()
    assert (hendelse.ansattnummer, hendelse.hva, hendelse.bruker) == (
        "1002",
        "så forhåndsvisningen av en import",
        egendata.hr,
    )


BROKEN = [
    (
        ["feil/datoer.csv"],
        ["datoer.csv 5 Fra dato 31.02.2025 Datoen finnes ikke"],
    ),
    (
        ["feil/ukjent_ansatt.csv"],
        ["ukjent_ansatt.csv 3 ansattnummer 1099 Ukjent ansatt"],
    ),
    (
        ["feil/grad_10.csv"],
        ["grad_10.csv 3 grad 10 Graden må være mellom 20 og 100"],
    ),
    (
        ["mal/ansatte.csv", "mal/arbeidsforhold.csv", "feil/hr_egenmelding_grad_50.xlsx"],
        ["ark «Absences» 8 Degree % 50 En egenmelding har alltid grad 100"],
    ),
    (
        ["feil/til_foer_fra.csv"],
        ["til_foer_fra.csv 3 Til dato 27.01.2025 Til-datoen er før fra-datoen (14. mars 2025)"],
    ),
    (
        ["feil/avkortet.csv"],
        ["avkortet.csv 5 – Raden har 3 felt, men overskriften har 5 (er filen avkortet?)"],
    ),
    (
        ["feil/hr_avkortet.xlsx"],
        ["hr_avkortet.xlsx – – Filen kan ikke leses som XLSX; er den avkortet eller skadet?"],
    ),
]


@pytest.mark.parametrize(("navn", "rader"), BROKEN, ids=[b[0][-1] for b in BROKEN])
def test_broken_files_give_the_report_and_no_save_button(
    client: Client, egendata: Egendata, importmappe: Path, navn: list[str], rader: list[str]
) -> None:
    client.force_login(egendata.hr)
    for_ = innhold(SOLSIKKEN)
    svar = client.get(last_opp(client, SOLSIKKEN, filer(*navn)))
    assert svar.status_code == 422
    t = tekst(svar.content)
    assert "og ingenting er lagret" in t
    assert "Fil Rad Kolonne Verdi Hva er galt" in t
    for rad in rader:
        assert rad in t
    assert "Lagre endringene" not in t and "fingeravtrykk" not in svar.content.decode()
    assert "Avbryt og slett filene" in t
    assert innhold(SOLSIKKEN) == for_


EGEN_FIL = Fil(
    "fravaersliste.csv",
    b"Nr;Start;Slutt;Kode;Prosent\n"
    b"1001;06.01.2025;08.01.2025;EM;100\n"
    b"1001;03.02.2025;28.02.2025;SM;50\n"
    b"1001;01.07.2025;10.07.2025;FERIE;\n",
)


def test_an_unknown_layout_is_mapped_by_hand(
    client: Client, egendata: Egendata, importmappe: Path
) -> None:
    client.force_login(egendata.hr)
    adresse = last_opp(client, SOLSIKKEN, [EGEN_FIL])
    svar = client.get(adresse)
    assert svar.status_code == 422
    t = tekst(svar.content)
    assert "fant ingen overskrift som passer til et kjent oppsett" in t.lower()
    assert "Velg oppsett eller kolonner" in t
    assert "Kolonner i filen: Nr, Start, Slutt, Kode, Prosent" in t
    # A required column left out is named, tied to the form.
    svar = client.post(
        adresse + "oppsett/",
        {
            "kilde": "fravaersliste.csv",
            "oppsett": "",
            "tabell": "fravaer",
            "felt_ansattnummer": "Nr",
        },
    )
    assert svar.status_code == 422
    assert "Velg kolonnen for fra-dato." in tekst(svar.content)
    assert 'aria-describedby="valg-0-feil"' in svar.content.decode()

    svar = client.post(
        adresse + "oppsett/",
        {
            "kilde": "fravaersliste.csv",
            "oppsett": "",
            "tabell": "fravaer",
            "felt_ansattnummer": "Nr",
            "felt_fra_dato": "Start",
            "felt_til_dato": "Slutt",
            "felt_type": "Kode",
            "felt_grad": "Prosent",
            "egenmelding": "EM",
            "sykmelding": "SM",
            "andre": "FERIE",
        },
    )
    assert svar.status_code == 302 and svar["Location"] == adresse
    svar = client.get(adresse)
    assert svar.status_code == 200
    t = tekst(svar.content)
    assert "Egne kolonnevalg" in t
    html = svar.content.decode()
    assert '<option value="Nr" selected>Nr</option>' in html
    assert '<option value="fravaer" selected>Fravær</option>' in html
    assert 'value="FERIE"' in html
    # 1001's egenmelding 3–5 February lies inside the file's period and is not in it.
    assert "Fravær 2 0 0 1" in t
    assert "Fjernet: ansatt 1001: egenmelding 03.02.2025–05.02.2025, grad 100 %" in t
    assert "1 rad med fraværstypen «FERIE» er ikke sykefravær og er ikke lest inn" in t
    # The choice can be undone, and the file is unknown again.
    client.post(adresse + "oppsett/", {"kilde": "fravaersliste.csv", "nullstill": "1"})
    assert client.get(adresse).status_code == 422


def test_a_preset_can_be_chosen_for_a_file(
    client: Client, installasjon: Installasjon, importmappe: Path
) -> None:
    client.force_login(installasjon.admin)
    adresse = last_opp(client, SOLSIKKEN, filer(*LONN))
    svar = client.post(adresse + "oppsett/", {"kilde": "fravaer.csv", "oppsett": "hr"})
    assert svar.status_code == 302
    t = tekst(client.get(adresse).content)
    # The payroll absence list does not fit the HR layout: the user is told and can choose again.
    assert "fant ingen overskrift som passer" in t.lower()
    client.post(adresse + "oppsett/", {"kilde": "fravaer.csv", "oppsett": "lonn"})
    assert client.get(adresse).status_code == 200


def test_the_upload_belongs_to_its_session_user_and_virksomhet(
    client: Client, egendata: Egendata, importmappe: Path
) -> None:
    client.force_login(egendata.hr)
    adresse = last_opp(client, SOLSIKKEN, filer(*MAL))
    annen = Client()
    annen.force_login(egendata.inst.admin)
    assert annen.get(adresse).status_code == 404
    assert annen.post(adresse + "lagre/", {}).status_code == 404
    # The same user in another session does not get it either.
    samme = Client()
    samme.force_login(egendata.hr)
    assert samme.get(adresse).status_code == 404
    assert client.get(adresse.replace(SOLSIKKEN, "910000002")).status_code == 404
    client.force_login(egendata.leder)
    assert client.get(adresse).status_code == 404
