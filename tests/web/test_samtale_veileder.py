"""/samtalestotte/veileder/: straight to the first step, with the bransje choice kept."""

from __future__ import annotations

from django.test import Client

from tests.samtale.nettsider import innhold


def test_it_works(client: Client) -> None:
    forste = innhold().veileder.deler[0]
    svar = client.get("/samtalestotte/veileder/")
    assert svar.status_code == 302
    assert svar["Location"] == f"/samtalestotte/veileder/{forste.kode}/{forste.steg[0].kode}/"


def test_it_keeps_a_bransje_picked_by_hand(client: Client) -> None:
    svar = client.get("/samtalestotte/veileder/", {"bransje": "bygg"})
    assert svar["Location"].endswith("/?bransje=bygg")
