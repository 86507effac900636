"""One bransje: questions about the work there, examples and ideas for adaptation."""

from __future__ import annotations

import pytest
from django.test import Client

from naervaer.samtale.modell import BRANSJEKODER
from tests.samtale.nettsider import innhold, ren, tekst


@pytest.mark.parametrize("kode", BRANSJEKODER)
def test_it_works(client: Client, kode: str) -> None:
    bransje = innhold().bransjer[kode]
    svar = client.get(f"/samtalestotte/bransje/{kode}/")
    assert svar.status_code == 200
    t = tekst(svar.content)
    assert ren(bransje.navn) in t and ren(bransje.ingress) in t
    for s in bransje.sporsmal:
        assert ren(s.tekst) in t
    for e in bransje.eksempler:
        assert ren(e.situasjon) in t and ren(e.mulig_losning) in t
    for ide in bransje.tilrettelegging:
        assert ren(ide) in t
    assert f'href="/samtalestotte/lag/?bransje={kode}"' in svar.content.decode()


def test_it_links_onward_to_the_bransje_advice(client: Client) -> None:
    html = client.get("/samtalestotte/bransje/bygg/").content.decode()
    assert 'href="https://www.arbeidsmiljoportalen.no/"' in html
    assert 'href="https://www.idebanken.org/"' in html


def test_an_unknown_bransje_is_404(client: Client) -> None:
    assert client.get("/samtalestotte/bransje/fiske/").status_code == 404
