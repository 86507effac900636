"""Confirming an import (…/import/<nøkkel>/lagre/), cancelling it (…/avbryt/) and the result page
(…/importer/<id>/): the plan shown is the plan written, or nothing is."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from naervaer.web.egendata.lagring import Hvem, lagre, les_filer
from naervaer.web.egendata.models import Fravaer, Importlogg
from naervaer.web.egendata.signaler import fravaer_endret
from naervaer.web.virksomheter.models import Virksomhet
from tests.egendata.importfiler import (
    HR,
    MAL,
    filer,
    importmappe,
    innhold,
    last_opp,
    rettet_fravaer,
    uten_id,
)
from tests.web.conftest import SMAABYGG, SOLSIKKEN, Egendata, Installasjon
from tests.web.test_side import tekst

pytestmark = pytest.mark.django_db
__all__ = ["importmappe"]


def fingeravtrykk(client: Client, adresse: str) -> str:
    svar = client.get(adresse)
    treff = re.search(r'name="fingeravtrykk" value="([0-9a-f]{64})"', svar.content.decode())
    assert treff is not None, tekst(svar.content)
    return treff.group(1)


def bekreft(client: Client, adresse: str) -> Any:
    return client.post(adresse + "lagre/", {"fingeravtrykk": fingeravtrykk(client, adresse)})


def test_confirming_writes_the_plan_and_shows_the_result(
    client: Client, installasjon: Installasjon, importmappe: Path
) -> None:
    mottatt: list[frozenset[int]] = []

    def mottaker(sender: object, ansatt_ids: frozenset[int], **kwargs: object) -> None:
        mottatt.append(ansatt_ids)

    fravaer_endret.connect(mottaker, dispatch_uid="test_import_lagre")
    client.force_login(installasjon.admin)
    try:
        adresse = last_opp(client, SOLSIKKEN, filer(*HR))
        svar = bekreft(client, adresse)
    finally:
        fravaer_endret.disconnect(dispatch_uid="test_import_lagre")
    logg = Importlogg.objects.get()
    assert svar.status_code == 302
    assert svar["Location"] == f"/virksomhet/{SOLSIKKEN}/data/importer/{logg.pk}/"
    assert (logg.kanal, logg.bruker, logg.hvem) == ("WEB", installasjon.admin, "admin@example.no")
    assert logg.filer == [
        "hr_eksport.xlsx, ark «Employees»",
        "hr_eksport.xlsx, ark «Employments»",
        "hr_eksport.xlsx, ark «Absences»",
    ]
    assert len(innhold(SOLSIKKEN)["fravaer"]) == 13
    assert len(mottatt) == 1 and len(mottatt[0]) == 8
    # The files are gone from the disk and from the session.
    assert not any(importmappe.iterdir())
    assert client.session["egendata_import"] == []
    assert client.get(adresse).status_code == 404

    svar = client.get(svar["Location"])
    assert svar.status_code == 200
    t = tekst(svar.content)
    assert "Importen er lagret" in t
    assert "admin@example.no (nettsiden)" in t
    assert "Fravær 13 0 0 0" in t
    assert "Ansatte 8 0 0 0" in t


def test_the_same_files_again_change_nothing(
    client: Client, installasjon: Installasjon, importmappe: Path
) -> None:
    client.force_login(installasjon.admin)
    bekreft(client, last_opp(client, SOLSIKKEN, filer(*MAL)))
    for_ = innhold(SOLSIKKEN)
    adresse = last_opp(client, SOLSIKKEN, filer(*MAL))
    t = tekst(client.get(adresse).content)
    assert "Ingenting endres: filene har de samme dataene som er lagret fra før." in t
    assert "Fravær 0 0 13 0" in t
    svar = bekreft(client, adresse)
    assert "Importen endret ingenting" in tekst(client.get(svar["Location"]).content)
    assert innhold(SOLSIKKEN) == for_


def test_a_corrected_export_replaces_the_earlier_periods(
    client: Client, installasjon: Installasjon, importmappe: Path
) -> None:
    client.force_login(installasjon.admin)
    bekreft(client, last_opp(client, SOLSIKKEN, filer(*MAL)))
    bekreft(client, last_opp(client, SOLSIKKEN, [rettet_fravaer()]))
    perioder = set(Fravaer.objects.values_list("ansatt__ansattnummer", "fra_dato", "til_dato"))
    assert len(perioder) == 13
    assert not any(nr == "1006" and fra.month == 1 and fra.day == 20 for nr, fra, _ in perioder)
    assert Importlogg.objects.first().antall["fravær"] == {  # type: ignore[union-attr]
        "nye": 1,
        "endrede": 1,
        "uendrede": 11,
        "fjernede": 1,
    }


def test_data_changed_since_the_preview_is_not_written_over(
    client: Client, installasjon: Installasjon, importmappe: Path
) -> None:
    client.force_login(installasjon.admin)
    adresse = last_opp(client, SOLSIKKEN, filer(*MAL))
    vist = fingeravtrykk(client, adresse)
    # Meanwhile the HR system pushes the employees.
    solsikken = Virksomhet.objects.get(orgnr=SOLSIKKEN)
    lagre(solsikken, les_filer(solsikken, filer(MAL[0])), Hvem(Importlogg.Kanal.API, "API"))
    for_ = innhold(SOLSIKKEN)
    svar = client.post(adresse + "lagre/", {"fingeravtrykk": vist}, follow=True)
    t = tekst(svar.content)
    assert "Dataene er endret siden forhåndsvisningen" in t
    assert "Ansatte 0 0 8 –" in t  # the new preview
    assert innhold(SOLSIKKEN) == for_
    assert Importlogg.objects.count() == 1
    # Confirming what is shown now works.
    bekreft(client, adresse)
    assert len(innhold(SOLSIKKEN)["fravaer"]) == 13


def test_broken_files_cannot_be_confirmed(
    client: Client, egendata: Egendata, importmappe: Path
) -> None:
    client.force_login(egendata.hr)
    for_ = innhold(SOLSIKKEN)
    adresse = last_opp(client, SOLSIKKEN, filer("feil/grad_10.csv"))
    svar = client.post(adresse + "lagre/", {"fingeravtrykk": "0" * 64}, follow=True)
    assert "graden må være mellom 20 og 100" in tekst(svar.content).lower()
    assert innhold(SOLSIKKEN) == for_
    assert not Importlogg.objects.exists()


def test_cancelling_deletes_the_files(
    client: Client, egendata: Egendata, importmappe: Path
) -> None:
    client.force_login(egendata.hr)
    adresse = last_opp(client, SOLSIKKEN, filer(*MAL))
    svar = client.post(adresse + "avbryt/", follow=True)
    assert "Importen er avbrutt, og filene er slettet. Ingenting er lagret." in tekst(svar.content)
    assert not any(importmappe.iterdir())
    assert client.get(adresse).status_code == 404


def test_the_result_belongs_to_its_virksomhet(
    client: Client, egendata: Egendata, importmappe: Path
) -> None:
    smaabygg = Virksomhet.objects.get(orgnr=SMAABYGG)
    logg = lagre(smaabygg, les_filer(smaabygg, filer(*MAL)), Hvem(Importlogg.Kanal.CLI, "x")).logg
    client.force_login(egendata.inst.admin)  # administrator of both
    assert client.get(f"/virksomhet/{SMAABYGG}/data/importer/{logg.pk}/").status_code == 200
    assert client.get(f"/virksomhet/{SOLSIKKEN}/data/importer/{logg.pk}/").status_code == 404
    client.force_login(egendata.leder)
    assert client.get(f"/virksomhet/{SOLSIKKEN}/data/importer/{logg.pk}/").status_code == 404


def test_every_layout_gives_the_same_data_through_the_page(
    client: Client, installasjon: Installasjon, importmappe: Path
) -> None:
    client.force_login(installasjon.admin)
    bekreft(client, last_opp(client, SOLSIKKEN, filer(*MAL)))
    bekreft(client, last_opp(client, SMAABYGG, filer(*HR)))
    assert uten_id(innhold(SOLSIKKEN)) == uten_id(innhold(SMAABYGG))
