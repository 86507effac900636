"""GET /api/v1/virksomheter/{orgnr}/historikk: every line of the chart, quarter by quarter."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tests.web.conftest import (
    HEMMELIG_PROSENT,
    HEMMELIG_PROSENT_PUNKTUM,
    KVARTALER,
    SMAABYGG,
    SOLSIKKEN,
    Installasjon,
)
from tests.web.test_api_openapi import API, hent, ikke_lagret

pytestmark = pytest.mark.django_db


def sti(orgnr: str) -> str:
    return f"{API}/virksomheter/{orgnr}/historikk"


def linjer(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {linje["nokkel"]: linje for linje in data["linjer"]}


def prosenter(linje: dict[str, Any]) -> list[float | None]:
    assert [p["kvartal"] for p in linje["punkter"]] == list(KVARTALER)
    return [p["prosent"] for p in linje["punkter"]]


def test_every_line_of_solsikken(client: Client, installasjon: Installasjon) -> None:
    client.force_login(installasjon.leser)
    svar, data = hent(client, sti(SOLSIKKEN))
    assert svar.status_code == 200
    assert ikke_lagret(svar)
    assert data["kan_se_egne_tall"] is True
    assert data["periode"] == "2025K4"
    assert data["kvartaler"] == list(KVARTALER)
    funnet = linjer(data)
    assert list(funnet) == [
        "virksomhet",
        "bransje",
        "sektor",
        "land",
        "fylke",
        "storrelse",
    ]
    assert [linje["enhet"] for linje in funnet.values()] == [
        {"kategori": "VIRKSOMHET", "kode": SOLSIKKEN, "navn": "Solsikken barnehage AS"},
        {"kategori": "BRANSJE", "kode": "BARNEHAGER", "navn": "Bransjen barnehager"},
        {"kategori": "SEKTOR", "kode": "PRIVAT", "navn": "Privat og offentlig næringsvirksomhet"},
        {"kategori": "LAND", "kode": "NO", "navn": "Hele landet"},
        {"kategori": "FYLKE", "kode": "03", "navn": "Oslo"},
        {"kategori": "STORRELSE", "kode": "5-19", "navn": "Virksomheter med 5-19 personer"},
    ]
    # Each year has the same seasons: 190, 193, 196, 199 of 2 400 mulige dagsverk
    # = 7,92 → 7.9; 8,04 → 8.0; 8,17 → 8.2; 8,29 → 8.3.
    assert prosenter(funnet["virksomhet"]) == [7.9, 8.0, 8.2, 8.3] * 2
    # No line for the overordnet enhet: it minus Solsikken would give masked Småbygg's figure.
    assert "overordnet" not in funnet
    # 450 000 / 5 000 000 = 9.0
    assert prosenter(funnet["bransje"]) == [9.0] * 8
    # 6 000 000 / 110 000 000 = 5,45 → 5.5
    assert prosenter(funnet["sektor"]) == [5.5] * 8
    # (10 000 000 + i) / 160 000 000 = 6,25000… → 6.3 (6,25 exactly in 2024K1: half up)
    assert prosenter(funnet["land"]) == [6.3] * 8
    # Oslo: 1 400 000 / 25 000 000 = 5.6
    assert prosenter(funnet["fylke"]) == [5.6] * 8
    # 5-19 persons: 1 100 000 / 18 000 000 = 6,11 → 6.1
    assert prosenter(funnet["storrelse"]) == [6.1] * 8
    for linje in funnet.values():
        assert not any(p["maskert"] for p in linje["punkter"])


def test_a_masked_virksomhet_is_null_and_never_leaks(
    client: Client, installasjon: Installasjon
) -> None:
    client.force_login(installasjon.admin)
    svar, data = hent(client, sti(SMAABYGG))
    assert HEMMELIG_PROSENT.encode() not in svar.content
    assert HEMMELIG_PROSENT_PUNKTUM.encode() not in svar.content
    funnet = linjer(data)
    assert funnet["virksomhet"]["punkter"] == [
        {"kvartal": k, "prosent": None, "maskert": True} for k in KVARTALER
    ]
    # Bygg: 280 000 / 4 000 000 = 7.0
    assert prosenter(funnet["bransje"]) == [7.0] * 8
    # The konsern (15 persons) minus Solsikken (12) would give Småbygg: no such line.
    assert "overordnet" not in funnet
    # 3 persons is the class 1-4: 330 000 / 6 000 000 = 5.5
    assert funnet["storrelse"]["enhet"]["kode"] == "1-4"
    assert prosenter(funnet["storrelse"]) == [5.5] * 8


def test_without_the_right_no_own_lines(client: Client, installasjon: Installasjon) -> None:
    client.force_login(installasjon.uten_rett)
    svar, data = hent(client, sti(SOLSIKKEN))
    assert svar.status_code == 200
    assert data["kan_se_egne_tall"] is False
    assert list(linjer(data)) == ["bransje", "sektor", "land", "fylke", "storrelse"]
    tekst = svar.content.decode()
    assert "VIRKSOMHET" not in tekst and "OVERORDNET_ENHET" not in tekst
    assert prosenter(linjer(data)["bransje"]) == [9.0] * 8


def test_a_stranger_gets_the_same_404_as_for_an_unknown_orgnr(
    client: Client, installasjon: Installasjon
) -> None:
    client.force_login(installasjon.fremmed)
    fremmed, data = hent(client, sti(SOLSIKKEN))
    ukjent, _ = hent(client, sti("999999999"))
    assert fremmed.status_code == ukjent.status_code == 404
    assert fremmed.content == ukjent.content
    assert data == {"detail": "Ingen virksomhet med dette organisasjonsnummeret."}
    assert dict(fremmed.headers) == dict(ukjent.headers)


def test_anonymous_gets_401(client: Client, installasjon: Installasjon) -> None:
    svar, data = hent(client, sti(SOLSIKKEN))
    assert svar.status_code == 401
    assert data == {"detail": "Du må logge inn for å bruke API-et."}
