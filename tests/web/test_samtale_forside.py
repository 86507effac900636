"""Samtalestøtte's landing page: the ways in for leaders and employees, and the bransje chosen
from the user's virksomhet."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from tests.samtale.nettsider import bransje_for_statistikkbransje, innhold, ren, tekst
from tests.web.conftest import SMAABYGG, SOLSIKKEN, Installasjon

pytestmark = pytest.mark.django_db

FIXTUR = Path(__file__).resolve().parents[1] / "samtale" / "innhold"


def side(client: Client, **parametre: str) -> str:
    svar = client.get("/samtalestotte/", parametre)
    assert svar.status_code == 200
    return svar.content.decode()


def test_it_works(client: Client) -> None:
    html = side(client)
    t = tekst(html.encode())
    assert "Samtalestøtte" in t
    assert 'href="/samtalestotte/forbered-deg/"' in html
    assert "Er du ansatt? Forbered deg til samtalen" in t
    veileder = innhold().veileder
    forste = veileder.deler[0]
    assert f'href="/samtalestotte/veileder/{forste.kode}/{forste.steg[0].kode}/"' in html
    for d in veileder.deler:
        assert d.tittel in t
    for kode, tema in innhold().temaer.items():
        assert f'href="/samtalestotte/tema/{kode}/"' in html
        assert tema.navn in t
    assert 'href="/samtalestotte/dette-spor-du-ikke-om/"' in html
    assert 'href="/samtalestotte/lag/"' in html


def test_it_links_onward(client: Client) -> None:
    html = side(client)
    for adresse in (
        "https://www.idebanken.org/",
        "https://www.arbeidsmiljoportalen.no/",
        "https://www.nav.no/arbeidsgiver/arbeidslivssenter",
    ):
        assert f'href="{adresse}"' in html


def test_without_login_no_bransje_is_chosen(client: Client) -> None:
    html = side(client)
    assert "Vi har valgt bransjen" not in tekst(html.encode())
    assert '<option value="ingen" selected>' in html


def test_a_logged_in_leader_gets_the_bransje_of_their_virksomhet(
    client: Client, installasjon: Installasjon
) -> None:
    client.force_login(installasjon.leser)  # Solsikken, næringskode 88.911: barnehager
    kode = bransje_for_statistikkbransje("BARNEHAGER")
    html = side(client)
    navn = innhold().bransjer[kode].navn
    assert f"Vi har valgt bransjen {navn} ut fra Solsikken barnehage AS." in tekst(html.encode())
    assert f'<option value="{kode}" selected>' in html
    assert f'href="/samtalestotte/bransje/{kode}/"' in html


def test_with_several_virksomheter_the_first_is_used_or_the_one_asked_for(
    client: Client, installasjon: Installasjon
) -> None:
    client.force_login(installasjon.admin)
    # By name, Småbygg AS (41.200: bygg) comes before Solsikken barnehage AS.
    bygg = innhold().bransjer[bransje_for_statistikkbransje("BYGG")].navn
    t = tekst(side(client).encode())
    assert f"Vi har valgt bransjen {bygg} ut fra Småbygg AS." in t
    assert "Bruk bransjen til Solsikken barnehage AS" in t
    barnehager = innhold().bransjer[bransje_for_statistikkbransje("BARNEHAGER")].navn
    t = tekst(side(client, virksomhet=SOLSIKKEN).encode())
    assert f"Vi har valgt bransjen {barnehager} ut fra Solsikken barnehage AS." in t


def test_a_virksomhet_the_user_is_not_tied_to_is_ignored(
    client: Client, installasjon: Installasjon
) -> None:
    client.force_login(installasjon.fremmed)
    html = side(client, virksomhet=SOLSIKKEN)
    assert "Solsikken" not in html and "Vi har valgt bransjen" not in html
    client.force_login(installasjon.leser)
    html = side(client, virksomhet=SMAABYGG)
    assert "Småbygg" not in html
    assert "ut fra Solsikken barnehage AS" in tekst(html.encode())


def test_a_bransje_picked_by_hand_wins(client: Client, installasjon: Installasjon) -> None:
    client.force_login(installasjon.leser)
    transport = innhold().bransjer["transport"]
    html = side(client, bransje="transport")
    assert f"Du har valgt bransjen {transport.navn}" in tekst(html.encode())
    assert '<option value="transport" selected>' in html
    # The choice follows the links to the guide and the themes.
    assert "/tema/uenighet/?bransje=transport" in html
    html = side(client, bransje="ingen")
    assert "Vi har valgt bransjen" not in html and '<option value="ingen" selected>' in html


def test_the_content_can_come_from_an_operators_folder(client: Client, settings: Any) -> None:
    settings.NAERVAER_SAMTALE_INNHOLD = str(FIXTUR)
    # The test content's own title, nowhere in the shipped guide.
    assert "Testveileder for samtalen" in tekst(side(client).encode())
    assert ren(innhold().veileder.ingress) in tekst(side(client).encode())


def test_it_offers_the_whole_guide_as_files_with_the_bransje(client: Client) -> None:
    html = side(client, bransje="bygg")
    t = tekst(html.encode())
    assert "Last ned hele veilederen som Word (DOCX)" in t
    assert "Last ned hele veilederen som PDF" in t
    assert 'href="/samtalestotte/veileder.docx?bransje=bygg"' in html
    assert 'href="/samtalestotte/veileder.pdf?bransje=bygg"' in html
