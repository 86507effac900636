"""POST /api/v1/virksomheter/{orgnr}/import: an HR system pushes files with a key."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from naervaer.egendata.lesing import Fil
from naervaer.web.api import importering
from naervaer.web.egendata.models import Importlogg, Importnokkel
from naervaer.web.egendata.nokler import lag_nokkel, tilbakekall
from naervaer.web.virksomheter.models import Virksomhet
from tests.egendata.importfiler import HR, LONN, MAL, filer, innhold, mal_med_komma, rettet_fravaer
from tests.web.conftest import SMAABYGG, SOLSIKKEN, Egendata, Installasjon
from tests.web.test_api_openapi import API, dokument

pytestmark = pytest.mark.django_db


def sti(orgnr: str = SOLSIKKEN) -> str:
    return f"{API}/virksomheter/{orgnr}/import"


@pytest.fixture
def nokkel(installasjon: Installasjon) -> str:
    _, tekst = lag_nokkel(
        Virksomhet.objects.get(orgnr=SOLSIKKEN), "Lønnssystemet", installasjon.admin
    )
    return tekst


def send(
    client: Client, filene: list[Fil], nokkel: str | None, orgnr: str = SOLSIKKEN, **felt: str
) -> tuple[int, Any]:
    data: dict[str, Any] = {
        "filer": [SimpleUploadedFile(f.navn, f.innhold) for f in filene],
        **felt,
    }
    hode = {"HTTP_AUTHORIZATION": f"Bearer {nokkel}"} if nokkel is not None else {}
    svar = client.post(sti(orgnr), data, **hode)
    assert svar["Content-Type"].startswith("application/json")
    assert "no-store" in svar.get("Cache-Control", "") or svar.status_code == 401
    innhold_ = json.loads(svar.content)
    skjema = {
        200: importering.Importsvar,
        422: importering.Importfeilsvar,
    }.get(svar.status_code)
    if skjema is not None:
        skjema.model_validate(innhold_, strict=False)
    return svar.status_code, innhold_


def test_it_imports_with_a_key(client: Client, nokkel: str) -> None:
    status, data = send(client, filer(*MAL), nokkel)
    assert status == 200, data
    assert data["lagret"] is True and data["endret"] is True and data["orgnr"] == SOLSIKKEN
    assert data["antall"]["fravær"] == {"nye": 13, "endrede": 0, "uendrede": 0, "fjernede": 0}
    assert [f["kilde"] for f in data["filer"]] == [
        "ansatte.csv",
        "arbeidsforhold.csv",
        "fravaer.csv",
    ]
    assert data["filer"][2]["oppsett"] == "Nærværs importmal: fravaer.csv"
    assert len(data["advarsler"]) == 1 and "for ansatt 1003" in data["advarsler"][0]
    logg = Importlogg.objects.get()
    assert logg.kanal == "API" and logg.hvem == "API-nøkkel «Lønnssystemet»"
    assert logg.nokkel is not None and logg.nokkel.sist_brukt is not None
    assert logg.filer == ["ansatte.csv", "arbeidsforhold.csv", "fravaer.csv"]

    # The same files again change nothing.
    for_ = innhold(SOLSIKKEN)
    status, data = send(client, filer(*MAL), nokkel)
    assert status == 200 and data["endret"] is False
    assert data["antall"]["fravær"]["uendrede"] == 13
    assert innhold(SOLSIKKEN) == for_


@pytest.mark.parametrize(
    "filene", [lambda: filer(*LONN), lambda: filer(*HR), mal_med_komma], ids=["lonn", "hr", "bom"]
)
def test_every_layout(client: Client, nokkel: str, filene: Any) -> None:
    status, data = send(client, filene(), nokkel)
    assert status == 200, data
    assert data["antall"]["ansatte"]["nye"] == 8
    assert data["antall"]["fravær"]["nye"] == 13


def test_a_preview_writes_nothing_and_its_fingerprint_guards_the_save(
    client: Client, nokkel: str
) -> None:
    send(client, filer(*MAL), nokkel)
    for_ = innhold(SOLSIKKEN)
    status, data = send(client, [rettet_fravaer()], nokkel, forhandsvis="true")
    assert status == 200 and data["lagret"] is False
    assert data["antall"]["fravær"] == {"nye": 1, "endrede": 1, "uendrede": 11, "fjernede": 1}
    assert innhold(SOLSIKKEN) == for_
    assert Importlogg.objects.count() == 1

    status, feil = send(client, [rettet_fravaer()], nokkel, fingeravtrykk="0" * 64)
    assert status == 409 and "endret siden forhåndsvisningen" in feil["detail"]
    assert innhold(SOLSIKKEN) == for_
    status, lagret = send(client, [rettet_fravaer()], nokkel, fingeravtrykk=data["fingeravtrykk"])
    assert status == 200 and lagret["antall"] == data["antall"]


@pytest.mark.parametrize(
    ("fil", "forventet"),
    [
        (
            "feil/datoer.csv",
            {
                "fil": "datoer.csv",
                "rad": 5,
                "kolonne": "Fra dato",
                "verdi": "31.02.2025",
                "melding": "datoen finnes ikke",
            },
        ),
        (
            "feil/grad_10.csv",
            {
                "fil": "grad_10.csv",
                "rad": 3,
                "kolonne": "grad",
                "verdi": "10",
                "melding": "graden må være mellom 20 og 100",
            },
        ),
        (
            "feil/hr_avkortet.xlsx",
            {
                "fil": "hr_avkortet.xlsx",
                "rad": None,
                "kolonne": None,
                "verdi": None,
                "melding": "filen kan ikke leses som XLSX; er den avkortet eller skadet?",
            },
        ),
    ],
)
def test_bad_files_give_every_error_and_write_nothing(
    client: Client, egendata: Egendata, fil: str, forventet: dict[str, Any]
) -> None:
    _, nokkel = lag_nokkel(Virksomhet.objects.get(orgnr=SOLSIKKEN), "HR", None)
    for_ = innhold(SOLSIKKEN)
    status, data = send(client, filer(fil), nokkel)
    assert status == 422
    assert data["detail"].startswith("Importen er stoppet av")
    assert data["detail"].endswith("og ingenting er lagret.")
    assert forventet in data["feil"]
    assert innhold(SOLSIKKEN) == for_
    assert not Importlogg.objects.exists()


def test_without_a_valid_key_the_answer_is_401(
    client: Client, installasjon: Installasjon, nokkel: str
) -> None:
    for hode in (None, "nvr_feil", nokkel[:-1] + ("x" if nokkel[-1] != "x" else "y")):
        status, data = send(client, filer(*MAL), hode)
        assert status == 401
        assert "Mangler gyldig importnøkkel" in data["detail"]
    svar = client.post(sti(), {"filer": []}, HTTP_AUTHORIZATION=f"Basic {nokkel}")
    assert svar.status_code == 401
    # A logged-in session is no key.
    client.force_login(installasjon.admin)
    assert client.post(sti(), {"filer": []}).status_code == 401
    assert not Importlogg.objects.exists()


def test_a_revoked_key_stops_working(client: Client, nokkel: str) -> None:
    solsikken = Virksomhet.objects.get(orgnr=SOLSIKKEN)
    tilbakekall(solsikken, Importnokkel.objects.get().pk)
    status, _ = send(client, filer(*MAL), nokkel)
    assert status == 401


def test_a_key_says_nothing_of_other_virksomheter(client: Client, nokkel: str) -> None:
    for orgnr in (SMAABYGG, "999999999"):
        status, data = send(client, filer(*MAL), nokkel, orgnr=orgnr)
        assert (status, data) == (
            404,
            {"detail": "Ingen virksomhet med dette organisasjonsnummeret."},
        )
    assert not Importlogg.objects.exists()
    assert innhold(SMAABYGG)["ansatte"] == []


def test_only_a_hash_of_the_key_is_stored(nokkel: str) -> None:
    lagret = Importnokkel.objects.get()
    assert nokkel not in {lagret.hash, lagret.prefiks, lagret.navn}
    assert nokkel.startswith(lagret.prefiks) and len(lagret.prefiks) < 12
    assert len(nokkel) > 40


def test_the_endpoint_is_in_the_openapi_document() -> None:
    operasjon = dokument()["paths"][f"{API}/virksomheter/{{orgnr}}/import"]["post"]
    assert operasjon["summary"] == "Importer ansatte, arbeidsforhold og fravær"
    assert operasjon["security"] == [{"Nokkel": []}]
    assert {int(k) for k in operasjon["responses"]} == {200, 401, 404, 409, 422}
    skjema = operasjon["requestBody"]["content"]["multipart/form-data"]["schema"]
    assert set(skjema["properties"]) == {"filer", "forhandsvis", "oppsett", "fingeravtrykk"}
    assert skjema["required"] == ["filer"]
    assert dokument()["components"]["securitySchemes"]["Nokkel"] == {
        "type": "http",
        "scheme": "bearer",
    }
