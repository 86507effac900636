"""GET /api/v1/virksomheter/{orgnr}/statistikk: the last four quarters, measure by measure."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tests.web.conftest import (
    HEMMELIG_PROSENT,
    HEMMELIG_PROSENT_PUNKTUM,
    SMAABYGG,
    SOLSIKKEN,
    SYKEHJEMMET,
    Installasjon,
)
from tests.web.test_api_openapi import API, hent, ikke_lagret

pytestmark = pytest.mark.django_db


def sti(orgnr: str) -> str:
    return f"{API}/virksomheter/{orgnr}/statistikk"


def paneler(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {p["maal"]: p for p in data["paneler"]}


def test_the_figures_of_solsikken_against_the_bransje(
    client: Client, installasjon: Installasjon
) -> None:
    client.force_login(installasjon.leser)
    svar, data = hent(client, sti(SOLSIKKEN))
    assert svar.status_code == 200
    assert ikke_lagret(svar)
    assert data["virksomhet"] == {
        "orgnr": SOLSIKKEN,
        "navn": "Solsikken barnehage AS",
        "kan_se_statistikk": True,
        "er_administrator": False,
        "rolle": "STATISTIKK",
    }
    assert data["kan_se_egne_tall"] is True
    assert data["maskeringsterskel"] == 5
    # The data ends in 2025K4, published 26 February 2026 (spec §10).
    assert data["periode"] == {
        "kvartal": "2025K4",
        "fra": "2025-01-01",
        "til": "2025-12-31",
        "tekst": "1. januar 2025 – 31. desember 2025",
        "publisert": "2026-02-26",
    }
    assert data["sammenlign"] == "bransje"
    bransje = {"kategori": "BRANSJE", "kode": "BARNEHAGER", "navn": "Bransjen barnehager"}
    assert data["referanse"] == bransje

    # Solsikken 2025K1-K4: tapte 190 + 193 + 196 + 199 = 778 of 4 × 2 400 = 9 600 mulige.
    # The fixture splits each loss: egenmeldt 1/4, legemeldt 3/4 (of which 1/4 gradert),
    # korttid 3/10, langtid 7/10. The bransje: 450 000 of 5 000 000 each quarter.
    forventet = {
        # 778 / 9 600 = 8,10 → 8.1; 450 000 / 5 000 000 = 9.0; 8.1 = 0.9 × 9.0 is MIDDELS
        "totalt": (8.1, 9.0, "MIDDELS", None),
        # 194,5 / 9 600 = 2,03 → 2.0; 112 500 / 5 000 000 = 2,25 → 2.3; 2.0 < 2.07: UNDER
        "egenmeldt": (2.0, 2.3, "UNDER", True),
        # 583,5 / 9 600 = 6,08 → 6.1; 337 500 / 5 000 000 = 6,75 → 6.8; 6.1 < 6.12: UNDER
        "legemeldt": (6.1, 6.8, "UNDER", True),
        # 145,875 / 583,5 = 25 % for both; equal is MIDDELS (and high would be good)
        "gradert": (25.0, 25.0, "MIDDELS", None),
        # 233,4 / 9 600 = 2,43 → 2.4; 135 000 / 5 000 000 = 2.7; 2.4 < 2.43: UNDER
        "korttid": (2.4, 2.7, "UNDER", True),
        # 544,6 / 9 600 = 5,67 → 5.7; 315 000 / 5 000 000 = 6.3; 5.7 ≥ 5.67: MIDDELS
        "langtid": (5.7, 6.3, "MIDDELS", None),
    }
    fire = ["2025K1", "2025K2", "2025K3", "2025K4"]
    # 2025K4 and 2024K4 are the same season (199 and 450 000), so every trend is 0.0.
    trend = {"periode": "2025K4", "sammenlignet_med": "2024K4", "prosentpoeng": 0.0}
    funnet = paneler(data)
    assert list(funnet) == list(forventet)
    for maal, (egen, referanse, vurdering, positiv) in forventet.items():
        panel = funnet[maal]
        assert panel["hoy_er_bra"] is (maal == "gradert")
        assert panel["egen"] == {
            "enhet": {
                "kategori": "VIRKSOMHET",
                "kode": SOLSIKKEN,
                "navn": "Solsikken barnehage AS",
            },
            "prosent": egen,
            "maskert": False,
            "kvartaler": fire,
            "trend": {**trend, "maskert": False},
        }, maal
        assert panel["referanse"] == {
            "enhet": bransje,
            "prosent": referanse,
            "maskert": False,
            "kvartaler": fire,
            "trend": {**trend, "maskert": False},
        }, maal
        assert (panel["vurdering"], panel["vurdering_er_positiv"]) == (vurdering, positiv), maal
    # Numbers, with the one decimal the page shows: 25.0 is written as a number, not "25,0".
    assert b'"prosent": 25.0' in svar.content and b'"prosent": 8.1' in svar.content


def test_the_benchmark_can_be_changed(client: Client, installasjon: Installasjon) -> None:
    client.force_login(installasjon.leser)
    _, data = hent(client, sti(SOLSIKKEN), sammenlign="fylke")
    assert data["sammenlign"] == "fylke"
    assert data["referanse"] == {"kategori": "FYLKE", "kode": "03", "navn": "Oslo"}
    totalt = paneler(data)["totalt"]
    # Oslo: 1 400 000 / 25 000 000 = 5.6; 8.1 > 1.1 × 5.6 = 6.16: OVER, which is bad news
    assert totalt["referanse"]["prosent"] == 5.6
    assert (totalt["vurdering"], totalt["vurdering_er_positiv"]) == ("OVER", False)

    _, data = hent(client, sti(SOLSIKKEN), sammenlign="storrelse")
    # 12 persons is the class 5-19: 1 100 000 / 18 000 000 = 6,11 → 6.1
    assert data["referanse"]["kode"] == "5-19"
    assert paneler(data)["totalt"]["referanse"]["prosent"] == 6.1

    _, data = hent(client, sti(SOLSIKKEN), sammenlign="land")
    # 4 × 10 000 000 + (4 + 5 + 6 + 7) of 4 × 160 000 000 = 6,2500… → 6.3
    assert paneler(data)["totalt"]["referanse"]["prosent"] == 6.3


def test_a_masked_virksomhet_is_null_and_never_leaks(
    client: Client, installasjon: Installasjon
) -> None:
    client.force_login(installasjon.admin)
    for grunnlag in ("bransje", "sektor", "land", "fylke", "storrelse"):
        svar, data = hent(client, sti(SMAABYGG), sammenlign=grunnlag)
        assert svar.status_code == 200
        assert HEMMELIG_PROSENT.encode() not in svar.content
        assert HEMMELIG_PROSENT_PUNKTUM.encode() not in svar.content
        for panel in data["paneler"]:
            egen = panel["egen"]
            assert (egen["prosent"], egen["maskert"]) == (None, True)
            # Both quarters of the trend have 3 persons: masked too.
            assert (egen["trend"]["prosentpoeng"], egen["trend"]["maskert"]) == (None, True)
            assert panel["vurdering"] == "MASKERT"
            assert panel["referanse"]["maskert"] is False
    # Bygg: 280 000 / 4 000 000 = 7.0
    _, data = hent(client, sti(SMAABYGG))
    assert paneler(data)["totalt"]["referanse"]["prosent"] == 7.0


def test_few_quarters_are_rated_as_incomplete(client: Client, installasjon: Installasjon) -> None:
    client.force_login(installasjon.sykehjem)
    _, data = hent(client, sti(SYKEHJEMMET))
    totalt = paneler(data)["totalt"]
    # (960 + 960) / 24 000 = 8.0 from two quarters, against 330 000 / 3 000 000 = 11.0
    assert totalt["egen"]["prosent"] == 8.0
    assert totalt["egen"]["kvartaler"] == ["2025K3", "2025K4"]
    assert totalt["referanse"]["prosent"] == 11.0
    assert totalt["vurdering"] == "UFULLSTENDIG_DATA"
    # No 2024K4 to compare with: null, and not because of masking.
    assert totalt["egen"]["trend"] == {
        "periode": "2025K4",
        "sammenlignet_med": "2024K4",
        "prosentpoeng": None,
        "maskert": False,
    }


def test_without_the_right_only_benchmarks(client: Client, installasjon: Installasjon) -> None:
    client.force_login(installasjon.uten_rett)
    svar, data = hent(client, sti(SOLSIKKEN))
    assert svar.status_code == 200
    assert data["kan_se_egne_tall"] is False
    assert data["virksomhet"]["kan_se_statistikk"] is False
    assert len(data["paneler"]) == 6
    for panel in data["paneler"]:
        assert panel["egen"] is None
        assert panel["vurdering"] is None and panel["vurdering_er_positiv"] is None
        assert panel["referanse"]["enhet"]["kategori"] == "BRANSJE"
    assert paneler(data)["totalt"]["referanse"]["prosent"] == 9.0
    tekst = svar.content.decode()
    assert "VIRKSOMHET" not in tekst and "OVERORDNET_ENHET" not in tekst
    # Solsikken's own shares (8.1, 2.0, 6.1, 2.4, 5.7) appear nowhere.
    for eget in ("8.1", "2.0", "6.1", "2.4", "5.7"):
        assert f": {eget}" not in tekst


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


def test_an_unknown_benchmark_is_a_norwegian_422(
    client: Client, installasjon: Installasjon
) -> None:
    client.force_login(installasjon.leser)
    svar, data = hent(client, sti(SOLSIKKEN), sammenlign="planet")
    assert svar.status_code == 422
    assert data == {"detail": "Ugyldig verdi for sammenlign."}


def test_before_any_statistics_there_is_no_period(client: Client, django_user_model: type) -> None:
    from naervaer.web.virksomheter.models import Tilgang, Virksomhet

    ny = Virksomhet.objects.create(
        orgnr="920000001",
        navn="Nystartet AS",
        overordnet_orgnr="920000000",
        naeringskode="88911",
        sektor="PRIVAT",
        kommunenummer="0301",
    )
    bruker = django_user_model.objects.create_user("ny@example.no")
    Tilgang.objects.create(bruker=bruker, virksomhet=ny, rolle="STATISTIKK")
    client.force_login(bruker)
    svar, data = hent(client, sti(ny.orgnr))
    assert svar.status_code == 200
    assert (data["periode"], data["paneler"]) == (None, [])


def test_an_unknown_sektor_and_no_bransje_do_not_break_it(
    client: Client, installasjon: Installasjon
) -> None:
    from naervaer.web.virksomheter.models import Tilgang, Virksomhet

    # Næring 99 is in no bransje, and nothing in the store describes the UKJENT sektor.
    ukjent = Virksomhet.objects.create(
        orgnr="920000002",
        navn="Ukjent AS",
        overordnet_orgnr="920000000",
        naeringskode="99000",
        sektor="UKJENT",
        kommunenummer="0301",
    )
    Tilgang.objects.create(bruker=installasjon.leser, virksomhet=ukjent, rolle="STATISTIKK")
    client.force_login(installasjon.leser)
    _, data = hent(client, sti(ukjent.orgnr), sammenlign="sektor")
    assert data["referanse"] == {"kategori": "SEKTOR", "kode": "UKJENT", "navn": "Ukjent sektor"}
    totalt = paneler(data)["totalt"]
    assert totalt["referanse"]["prosent"] is None and totalt["referanse"]["maskert"] is False
    assert totalt["egen"]["prosent"] is None and totalt["egen"]["kvartaler"] == []
    assert totalt["vurdering"] == "INGEN_DATA"
    _, data = hent(client, sti(ukjent.orgnr))
    assert data["referanse"] == {"kategori": "NAERING", "kode": "99", "navn": "Næring 99"}
    # Without own rows there is no size class, so storrelse falls back to the næring.
    _, data = hent(client, sti(ukjent.orgnr), sammenlign="storrelse")
    assert data["sammenlign"] == "bransje"
