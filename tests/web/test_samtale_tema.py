"""One theme: its goals, questions and pitfalls, and the way to a guide of one's own."""

from __future__ import annotations

import pytest
from django.test import Client

from naervaer.samtale.modell import TEMAKODER
from tests.samtale.nettsider import innhold, ren, tekst


@pytest.mark.parametrize("kode", TEMAKODER)
def test_it_works(client: Client, kode: str) -> None:
    tema = innhold().temaer[kode]
    svar = client.get(f"/samtalestotte/tema/{kode}/")
    assert svar.status_code == 200
    t = tekst(svar.content)
    assert ren(tema.navn) in t and ren(tema.ingress) in t
    for maal in tema.maal:
        assert ren(maal) in t
    for s in tema.sporsmal:
        assert ren(s.tekst) in t
    for punkt in tema.fallgruver:
        assert ren(punkt.tittel) in t and ren(punkt.tekst) in t
    html = svar.content.decode()
    assert f'href="/samtalestotte/lag/?tema={kode}"' in html
    for kilde in tema.kilder:
        assert f'href="{kilde.url}"' in html


def test_it_links_to_the_other_themes(client: Client) -> None:
    html = client.get("/samtalestotte/tema/uenighet/").content.decode()
    for kode in TEMAKODER:
        if kode != "uenighet":
            assert f'href="/samtalestotte/tema/{kode}/"' in html


def test_it_keeps_the_bransje_for_the_guide(client: Client) -> None:
    html = client.get("/samtalestotte/tema/uenighet/", {"bransje": "bygg"}).content.decode()
    assert 'href="/samtalestotte/lag/?tema=uenighet&amp;bransje=bygg"' in html


def test_an_unknown_theme_is_404(client: Client) -> None:
    assert client.get("/samtalestotte/tema/finnes_ikke/").status_code == 404


def test_it_offers_the_theme_as_files(client: Client) -> None:
    html = client.get("/samtalestotte/tema/uenighet/").content.decode()
    assert "Last ned temaet som Word (DOCX)" in tekst(html.encode())
    assert 'href="/samtalestotte/tema/uenighet.docx"' in html
    assert 'href="/samtalestotte/tema/uenighet.pdf"' in html
