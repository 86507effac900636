"""The statistics page of one virksomhet."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from tests.web.conftest import (
    HEMMELIG_PROSENT,
    SMAABYGG,
    SOLSIKKEN,
    SYKEHJEMMET,
    Installasjon,
)

pytestmark = pytest.mark.django_db


def tekst(html: bytes) -> str:
    """The page's visible text in one line, for asserting sentences."""
    uten_svg = re.sub(rb"<svg.*?</svg>", b" ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", uten_svg.decode())).strip()


def side(client: Client, orgnr: str, **parametre: str | list[str]) -> str:
    svar = client.get(f"/virksomhet/{orgnr}/", parametre)
    assert svar.status_code == 200
    return tekst(svar.content)


def test_the_heading_says_who_what_and_when(client: Client, installasjon: Installasjon) -> None:
    client.force_login(installasjon.leser)
    t = side(client, SOLSIKKEN)
    assert "Sykefravær i Solsikken barnehage AS" in t
    assert "Organisasjonsnummer 910 000 001" in t
    assert "Bransje Bransjen barnehager" in t
    assert "85.100, 88.911" in t  # the næringskoder of the bransje, which users asked for
    assert "Periode 1. januar 2025 – 31. desember 2025" in t
    assert "Sist oppdatert 26. februar 2026" in t
    assert "Neste oppdatering" in t


def test_the_panels_show_own_figures_and_the_bransje(
    client: Client, installasjon: Installasjon
) -> None:
    client.force_login(installasjon.leser)
    t = side(client, SOLSIKKEN)
    # (190 + 193 + 196 + 199) / 9 600 = 8,1 % against 450 000 / 5 000 000 = 9,0 %
    assert "Sykefravær totalt Solsikken barnehage AS 8,1 % Bransjen barnehager 9,0 %" in t
    # 8,1 is exactly 0,9 × 9,0, which is MIDDELS
    assert "Middels : innenfor 10 prosent av bransjen barnehager" in t
    # egenmeldt: 194,5 / 9 600 = 2,0 % against 112 500 / 5 000 000 = 2,25 → 2,3 %
    assert "Egenmeldt sykefravær Solsikken barnehage AS 2,0 % Bransjen barnehager 2,3 %" in t
    assert "Endring fra 4. kv. 2024, virksomheten 0,0 prosentpoeng" in t
    assert t.count("Bygger på fire kvartaler.") == 6


def test_the_benchmark_can_be_changed(client: Client, installasjon: Installasjon) -> None:
    client.force_login(installasjon.leser)
    t = side(client, SOLSIKKEN, sammenlign="fylke")
    # Oslo: 1 400 000 / 25 000 000 = 5,6 %; 8,1 > 1,1 × 5,6 = 6,16
    assert "Sykefravær totalt Solsikken barnehage AS 8,1 % Oslo 5,6 %" in t
    assert "Over : mer enn 10 prosent over Oslo" in t
    t = side(client, SOLSIKKEN, sammenlign="storrelse")
    # 5-19 persons: 1 100 000 / 18 000 000 = 6,1 %
    assert "Virksomheter med 5-19 personer 6,1 %" in t
    # An unknown choice falls back to the bransje instead of failing a bookmark.
    assert "Bransjen barnehager 9,0 %" in side(client, SOLSIKKEN, sammenlign="planet")


def test_chart_and_table_hold_the_chosen_lines(client: Client, installasjon: Installasjon) -> None:
    client.force_login(installasjon.leser)
    svar = client.get(f"/virksomhet/{SOLSIKKEN}/", {"linje": ["virksomhet", "fylke"]})
    html = svar.content.decode()
    assert 'role="img"' in html and '<title id="diagram-tittel">' in html
    assert html.count('stroke-width="2.5"') == 2  # one path per chosen line, no gaps
    # SVG reads numbers with a decimal point; a Norwegian comma would put every point at 0.
    koordinater = re.findall(r'\b(?:cx|cy|x1|x2|y1|y2|x|y)="([^"]*)"', html)
    assert koordinater and all(re.fullmatch(r"-?\d+(\.\d+)?", k) for k in koordinater)
    # The switch to the table keeps the lines: the form carries them as checked boxes.
    assert re.search(r'value="fylke" checked', html)
    assert not re.search(r'value="land" checked', html)
    t = side(client, SOLSIKKEN, visning="tabell", linje=["virksomhet", "fylke"])
    assert "Kvartal Solsikken barnehage AS Oslo" in t
    # Newest first: 2025K4 = 199 / 2 400 = 8,3 %; Oslo 5,6 %. Oldest: 2024K1 = 190 / 2 400 = 7,9 %
    assert "4. kv. 2025 8,3 5,6" in t
    assert "1. kv. 2024 7,9 5,6" in t


def test_a_small_virksomhet_is_masked_everywhere(
    client: Client, installasjon: Installasjon
) -> None:
    client.force_login(installasjon.admin)
    for visning in ("diagram", "tabell"):
        svar = client.get(f"/virksomhet/{SMAABYGG}/", {"visning": visning, "linje": "virksomhet"})
        html = svar.content.decode()
        assert HEMMELIG_PROSENT not in html and "13.7" not in html
    t = side(client, SMAABYGG)
    assert "Sykefravær totalt Småbygg AS Maskert" in t
    assert "Tallet vises ikke fordi færre enn 5 personer ligger bak det." in t


def test_few_quarters_are_said_plainly(client: Client, installasjon: Installasjon) -> None:
    client.force_login(installasjon.sykehjem)
    t = side(client, SYKEHJEMMET)
    # (960 + 960) / 24 000 = 8,0 % from two quarters, against the bransje 330 000 / 3 000 000
    assert "Fjordheim sykehjem 8,0 % Bransjen sykehjem 11,0 %" in t
    assert "For lite data" in t
    assert "Bygger bare på 2 av de fire kvartalene." in t


def test_without_the_right_only_benchmarks_and_a_way_to_ask(
    client: Client, installasjon: Installasjon
) -> None:
    client.force_login(installasjon.uten_rett)
    svar = client.get(f"/virksomhet/{SOLSIKKEN}/", {"linje": ["virksomhet", "overordnet"]})
    t = tekst(svar.content)
    assert "Du ser bare tall for bransjen og landet" in t
    assert "Be om tilgang" in t
    assert "Sykefravær totalt Bransjen barnehager 9,0 %" in t
    # No own figure anywhere, neither in the panels nor in lines asked for in the URL.
    assert "8,1" not in t and "8,3" not in t and "Solsikken barnehage AS 8" not in t
    assert 'value="virksomhet"' not in svar.content.decode()


def test_administrators_see_the_way_to_requests(client: Client, installasjon: Installasjon) -> None:
    client.force_login(installasjon.admin)
    assert "Tilgang og forespørsler" in side(client, SOLSIKKEN)
    client.force_login(installasjon.leser)
    assert "Tilgang og forespørsler" not in side(client, SOLSIKKEN)


def test_others_and_strangers_get_nothing(client: Client, installasjon: Installasjon) -> None:
    svar = client.get(f"/virksomhet/{SOLSIKKEN}/")
    assert svar.status_code == 302 and svar["Location"].startswith("/logg-inn/")
    client.force_login(installasjon.fremmed)
    ukjent = client.get("/virksomhet/999999999/")
    kjent = client.get(f"/virksomhet/{SOLSIKKEN}/")
    # The same answer for an existing and an unknown virksomhet: nobody learns who uses Nærvær.
    assert kjent.status_code == ukjent.status_code == 404
    # Each page gets its own masked CSRF token; everything else must be the same.
    uten_token = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"')
    assert uten_token.sub(b"", kjent.content) == uten_token.sub(b"", ukjent.content)


def test_the_page_sends_the_security_headers(client: Client, installasjon: Installasjon) -> None:
    client.force_login(installasjon.leser)
    svar = client.get(f"/virksomhet/{SOLSIKKEN}/")
    csp = svar["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert svar["X-Frame-Options"] == "DENY"
    # The page holds the virksomhet's figures: no cache may keep it.
    assert "no-store" in svar["Cache-Control"] and "private" in svar["Cache-Control"]
    assert svar["X-Content-Type-Options"] == "nosniff"
