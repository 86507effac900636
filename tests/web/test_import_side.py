"""The import page, /virksomhet/<orgnr>/data/: upload, limits, the import log, who may see it."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from naervaer.egendata.lesing import Fil
from naervaer.web.egendata import opplasting
from naervaer.web.egendata.lagring import Hvem, lagre, les_filer
from naervaer.web.egendata.models import Importlogg
from naervaer.web.virksomheter.models import Virksomhet
from tests.egendata.importfiler import MAL, filer, importmappe, innhold, last_opp
from tests.web.conftest import SMAABYGG, SOLSIKKEN, Egendata
from tests.web.test_side import tekst

pytestmark = pytest.mark.django_db
__all__ = ["importmappe"]

SIDE = f"/virksomhet/{SOLSIKKEN}/data/"


@pytest.mark.parametrize("rolle", ["ADMINISTRATOR", "HR"])
def test_administrators_and_hr_see_the_page_and_the_menu_line(
    client: Client, egendata: Egendata, rolle: str
) -> None:
    client.force_login(egendata.bruker(rolle))
    svar = client.get(SIDE)
    assert svar.status_code == 200
    assert "no-store" in svar["Cache-Control"]
    t = tekst(svar.content)
    assert "Importer egne data" in t
    assert "Importmalen: kolonnene Nærvær leser" in t
    assert f'href="{SIDE}" aria-current="page">Importer data</a>' in svar.content.decode()
    # API keys are the administrator's alone.
    assert ("API-nøkler for import" in t) == (rolle == "ADMINISTRATOR")


@pytest.mark.parametrize("rolle", ["LEDER", "VERNEOMBUD", "TILLITSVALGT", "STATISTIKK", "ANSATT"])
def test_other_roles_get_404_and_no_menu_line(
    client: Client, egendata: Egendata, rolle: str
) -> None:
    client.force_login(egendata.bruker(rolle))
    assert client.get(SIDE).status_code == 404
    assert client.post(SIDE, {}).status_code == 404
    assert "Importer data" not in tekst(client.get(f"/virksomhet/{SOLSIKKEN}/").content)


def test_strangers_and_anonymous_users_learn_nothing(client: Client, egendata: Egendata) -> None:
    assert client.get(SIDE).status_code == 302  # to the login
    client.force_login(egendata.inst.fremmed)
    assert client.get(SIDE).status_code == 404
    client.force_login(egendata.hr)
    assert client.get(f"/virksomhet/{SMAABYGG}/data/").status_code == 404


def test_uploading_keeps_the_files_and_goes_to_the_preview(
    client: Client, egendata: Egendata, importmappe: Path
) -> None:
    client.force_login(egendata.hr)
    for_ = innhold(SOLSIKKEN)
    adresse = last_opp(client, SOLSIKKEN, filer(*MAL))
    noekkel = adresse.rstrip("/").rsplit("/", 1)[1]
    mappe = importmappe / noekkel
    assert sorted(p.name for p in mappe.iterdir()) == ["0", "1", "2", "filer.json"]
    assert (mappe / "2").read_bytes() == filer(MAL[2])[0].innhold
    assert client.session["egendata_import"] == [noekkel]
    # Nothing is written before the user confirms.
    assert innhold(SOLSIKKEN) == for_


def test_an_upload_without_files_or_with_too_large_ones_is_refused(
    client: Client, egendata: Egendata, importmappe: Path, settings: object
) -> None:
    client.force_login(egendata.hr)
    svar = client.post(SIDE, {})
    assert svar.status_code == 422
    html = svar.content.decode()
    assert 'aria-describedby="filer-beskrivelse filer-feil"' in html
    assert "(ingen fil): velg minst én fil" in tekst(svar.content)
    stor = SimpleUploadedFile("stor.csv", b"x" * (opplasting.MAKS_BYTE + 1))
    svar = client.post(SIDE, {"filer": [stor]})
    assert svar.status_code == 422
    assert "stor.csv: filen er større enn 50 MB" in tekst(svar.content)
    to = [SimpleUploadedFile("a.csv", b"1"), SimpleUploadedFile("a.csv", b"2")]
    assert "a.csv: to filer har samme navn" in tekst(client.post(SIDE, {"filer": to}).content)
    assert not importmappe.exists() or not any(importmappe.iterdir())


def test_waiting_files_older_than_three_hours_are_deleted(
    client: Client, egendata: Egendata, importmappe: Path
) -> None:
    client.force_login(egendata.hr)
    adresse = last_opp(client, SOLSIKKEN, filer(*MAL))
    mappe = next(importmappe.iterdir())
    opplasting.rydd(naa=mappe.stat().st_mtime + opplasting.LEVETID.total_seconds() - 60)
    assert mappe.exists()
    opplasting.rydd(naa=mappe.stat().st_mtime + opplasting.LEVETID.total_seconds() + 60)
    assert not mappe.exists()
    assert client.get(adresse).status_code == 404


def test_the_page_lists_the_last_imports(client: Client, egendata: Egendata) -> None:
    solsikken = Virksomhet.objects.get(orgnr=SOLSIKKEN)
    filen = [
        Fil(
            "fravaer.csv",
            b"ansattnummer;fra_dato;til_dato;type;grad\n1012;04.08.2025;06.08.2025;egenmelding;100\n",
        )
    ]
    lagre(solsikken, les_filer(solsikken, filen), Hvem(Importlogg.Kanal.API, "API-nøkkel «Lønn»"))
    client.force_login(egendata.hr)
    t = tekst(client.get(SIDE).content)
    assert "De siste 1 importene" in t
    assert "API-nøkkel «Lønn» (API-et) fravaer.csv fravær: 1 nye, 0 endret" in t
