"""«Dette spør du ikke om»: what a leader may not ask or demand, and the sensitive topics."""

from __future__ import annotations

import re

from django.test import Client

from tests.samtale.nettsider import innhold, ren, tekst


def test_it_works(client: Client) -> None:
    grenser = innhold().grenser
    svar = client.get("/samtalestotte/dette-spor-du-ikke-om/")
    assert svar.status_code == 200
    t = tekst(svar.content)
    assert ren(grenser.tittel) in t and ren(grenser.ingress) in t
    for g in grenser.ikke_spor:
        assert ren(g.ikke) in t and ren(g.hvorfor) in t and ren(g.i_stedet) in t
    html = svar.content.decode()
    for kilde in (k for g in grenser.ikke_spor for k in g.kilder):
        assert f'href="{kilde.url}"' in html


def test_each_sensitive_topic_is_an_expandable_part_with_where_to_get_help(
    client: Client,
) -> None:
    html = client.get("/samtalestotte/dette-spor-du-ikke-om/").content.decode()
    t = tekst(html.encode())
    for tema in innhold().grenser.sensitive_temaer:
        assert re.search(
            rf'<details class="samtale__utvid" id="{tema.kode}">\s*<summary[^>]*>', html
        )
        for punkt in tema.rad:
            assert ren(punkt.tekst) in t
        assert f"Når du bør hente hjelp: {ren(tema.hent_hjelp)}" in t
