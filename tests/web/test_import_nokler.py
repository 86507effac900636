"""The administrator's API keys, /virksomhet/<orgnr>/data/nokler/: made, shown once, revoked."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from naervaer.web.egendata.models import Importnokkel
from naervaer.web.egendata.nokler import finn_nokkel
from tests.web.conftest import SMAABYGG, SOLSIKKEN, Egendata
from tests.web.test_side import tekst

pytestmark = pytest.mark.django_db

NOKLER = f"/virksomhet/{SOLSIKKEN}/data/nokler/"


def test_a_new_key_is_shown_once_and_only_its_hash_is_kept(
    client: Client, egendata: Egendata
) -> None:
    client.force_login(egendata.inst.admin)
    assert "Ingen nøkler ennå." in tekst(client.get(NOKLER).content)
    svar = client.post(NOKLER, {"navn": "Lønnssystemet, nattlig"})
    assert svar.status_code == 200
    assert "no-store" in svar["Cache-Control"]
    treff = re.search(
        r'<code class="nokkel" id="ny-nokkel">(nvr_[A-Za-z0-9_-]+)</code>', svar.content.decode()
    )
    assert treff is not None
    nokkel = treff.group(1)
    lagret = Importnokkel.objects.get()
    assert (lagret.navn, lagret.virksomhet_id, lagret.opprettet_av) == (
        "Lønnssystemet, nattlig",
        SOLSIKKEN,
        egendata.inst.admin,
    )
    assert nokkel not in str(Importnokkel.objects.values_list().get())
    # The list shows its start, never the key again.
    side = client.get(NOKLER).content.decode()
    assert nokkel not in side
    assert f"{lagret.prefiks}…" in side
    assert "aldri" in tekst(side.encode())
    assert finn_nokkel(nokkel) == lagret
    assert re.search(r"\d\d\.\d\d\.\d{4} \d\d\.\d\d", tekst(client.get(NOKLER).content))


def test_a_key_needs_a_name(client: Client, egendata: Egendata) -> None:
    client.force_login(egendata.inst.admin)
    svar = client.post(NOKLER, {"navn": "  "})
    assert svar.status_code == 422
    assert 'aria-describedby="navn-beskrivelse navn-feil"' in svar.content.decode()
    assert "Gi nøkkelen et navn" in tekst(svar.content)
    assert not Importnokkel.objects.exists()


def test_a_revoked_key_stops_working(client: Client, egendata: Egendata) -> None:
    client.force_login(egendata.inst.admin)
    svar = client.post(NOKLER, {"navn": "HR"})
    nokkel = re.search(r"(nvr_[A-Za-z0-9_-]+)</code>", svar.content.decode()).group(1)  # type: ignore[union-attr]
    lagret = Importnokkel.objects.get()
    svar = client.post(f"{NOKLER}{lagret.pk}/tilbakekall/", follow=True)
    assert "Nøkkelen «HR» er trukket tilbake og virker ikke lenger." in tekst(svar.content)
    assert "trukket tilbake" in tekst(svar.content)
    assert finn_nokkel(nokkel) is None
    assert client.post(f"{NOKLER}{lagret.pk}/tilbakekall/").status_code == 404


def test_only_the_administrator_handles_keys(client: Client, egendata: Egendata) -> None:
    client.force_login(egendata.inst.admin)
    client.post(NOKLER, {"navn": "HR"})
    lagret = Importnokkel.objects.get()
    client.force_login(egendata.hr)
    assert client.get(NOKLER).status_code == 404
    assert client.post(NOKLER, {"navn": "Mitt"}).status_code == 404
    assert client.post(f"{NOKLER}{lagret.pk}/tilbakekall/").status_code == 404
    # The administrator of Småbygg cannot revoke Solsikken's key through Småbygg.
    client.force_login(egendata.inst.admin)
    assert (
        client.post(f"/virksomhet/{SMAABYGG}/data/nokler/{lagret.pk}/tilbakekall/").status_code
        == 404
    )
    lagret.refresh_from_db()
    assert lagret.er_aktiv
