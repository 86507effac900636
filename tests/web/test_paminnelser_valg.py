"""/paminnelser/: each person chooses how often Nærvær mails them."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from naervaer.web.paminnelser.models import Epostvalg
from tests.web.conftest import SOLSIKKEN, Egendata, Installasjon
from tests.web.test_side import tekst

pytestmark = pytest.mark.django_db


def test_it_works(client: Client, egendata: Egendata) -> None:
    client.force_login(egendata.leder)
    svar = client.get("/paminnelser/")
    assert svar.status_code == 200
    t = tekst(svar.content)
    assert "Påminnelser på e-post" in t
    for valg in ("Hver påminnelse", "Daglig samlet", "Bare ukentlig sammendrag", "Ingen e-post"):
        assert valg in t
    html = svar.content.decode()
    assert re.search(r'value="HVER"[^>]*checked', html)
    assert "aldri diagnoser eller andre helseopplysninger" in t


def test_the_choice_is_saved(client: Client, egendata: Egendata) -> None:
    client.force_login(egendata.leder)
    svar = client.post("/paminnelser/", {"frekvens": "UKENTLIG"}, follow=True)
    assert "Lagret. Du får nå: bare ukentlig sammendrag." in tekst(svar.content)
    assert Epostvalg.objects.get(bruker=egendata.leder).frekvens == "UKENTLIG"
    assert re.search(r'value="UKENTLIG"[^>]*checked', svar.content.decode())
    client.post("/paminnelser/", {"frekvens": "DAGLIG"})
    assert Epostvalg.objects.get(bruker=egendata.leder).frekvens == "DAGLIG"


def test_a_wrong_choice_is_explained_and_changes_nothing(
    client: Client, egendata: Egendata
) -> None:
    client.force_login(egendata.leder)
    svar = client.post("/paminnelser/", {"frekvens": "ALDRI"})
    assert svar.status_code == 200
    assert "Velg ett av valgene." in tekst(svar.content)
    assert 'aria-describedby="frekvens-feil"' in svar.content.decode()
    assert not Epostvalg.objects.exists()


def test_escalations_are_explained_as_duty_mail(client: Client, egendata: Egendata) -> None:
    client.force_login(egendata.hr)
    t = tekst(client.get("/paminnelser/").content)
    assert "Er du HR, får du likevel varsel når en frist er oversittet." in t
    assert "Slike varsler sendes uansett hva du har valgt" in t


def test_the_page_links_to_what_the_user_may_do(
    client: Client, egendata: Egendata, installasjon: Installasjon
) -> None:
    client.force_login(installasjon.admin)
    html = client.get("/paminnelser/").content.decode()
    assert f"/paminnelser/{SOLSIKKEN}/aktiviteter/" in html
    assert f"/paminnelser/{SOLSIKKEN}/innstillinger/" in html
    client.force_login(egendata.ansatt)
    html = client.get("/paminnelser/").content.decode()
    assert f"/paminnelser/{SOLSIKKEN}/aktiviteter/" not in html


def test_logging_in_is_required(client: Client) -> None:
    svar = client.get("/paminnelser/")
    assert svar.status_code == 302 and "/logg-inn/" in svar["Location"]
