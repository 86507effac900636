"""SSB: JSON-stat 2.0 reading, the PxWebApi v2 client, the reference copies and ``kilder ssb``."""

from __future__ import annotations

import json
import socket
import subprocess
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from naervaer.kilder import KildeFeil
from naervaer.kilder._http import USER_AGENT, Takt
from naervaer.kilder.cli import app
from naervaer.kilder.jsonstat import les_json_stat2
from naervaer.kilder.ssb import (
    TABELL_ETTER_KATEGORI,
    TABELLER,
    Maal,
    PublisertTall,
    SsbKlient,
    Tabell,
    bygg_utvalg,
    les_referanse,
    naeringer_i_ssb_kode,
    referansemappe,
    skriv_csv,
    ssb_naeringsgruppe,
    til_publiserte_tall,
)
from naervaer.statistikk.enheter import Kategori, Sektor
from naervaer.statistikk.kvartal import Kvartal

from .conftest import LokalServer, Svar, fixturjson, fixturtekst

K = Kvartal.fra_tekst


def klient(server: LokalServer, **kwargs: Any) -> SsbKlient:
    kwargs.setdefault("min_intervall", 0)
    return SsbKlient(server.url, **kwargs)


def med_alle_tabeller(server: LokalServer) -> None:
    for tabell in TABELLER:
        server.fil(f"/tables/{tabell.id}/metadata", f"ssb/{tabell.id}_metadata.json")
        server.fil(f"/tables/{tabell.id}/data", f"ssb/{tabell.id}_data.json")


def finn(
    tall: list[PublisertTall], kategori: Kategori, kode: str, kvartal: str, maal: Maal = Maal.TOTAL
) -> PublisertTall:
    treff = [
        t
        for t in tall
        if (t.kategori, t.kode, t.kvartal, t.maal) == (kategori, kode, K(kvartal), maal)
    ]
    assert len(treff) == 1, treff
    return treff[0]


# --- JSON-stat 2.0 -----------------------------------------------------------------------------


def test_jsonstat_it_works() -> None:
    datasett = les_json_stat2(fixturjson("ssb/12439_data.json"))

    assert [d.id for d in datasett.dimensjoner] == ["Kjonn", "Sykefraver2", "ContentsCode", "Tid"]
    assert datasett.tidsdimensjon == "Tid"
    assert datasett.innholdsdimensjon == "ContentsCode"
    assert len(datasett.celler) == 1 * 3 * 1 * 4
    assert datasett.label.startswith("12439:")


def test_jsonstat_follows_category_index_not_label_order() -> None:
    # SSB's index puts Kvinner (2) before Menn (1); the values follow the index.
    datasett = les_json_stat2(fixturjson("ssb/jsonstat_kjonn_type.json"))
    celler = {
        (c.koder["Kjonn"], c.koder["Sykefraver2"], c.koder["Tid"]): c for c in datasett.celler
    }

    assert datasett.dimensjon("Kjonn").koder == ("0", "2", "1")
    assert celler[("2", "Alt", "2016K1")].verdi == Decimal("8.4")
    assert celler[("1", "Alt", "2016K1")].verdi == Decimal("5.1")
    assert celler[("1", "E", "2016K2")].verdi == Decimal("0.7")
    assert celler[("0", "L", "2016K2")].verdi == Decimal("5")


def test_jsonstat_keeps_nulls_with_their_status_symbol() -> None:
    datasett = les_json_stat2(fixturjson("ssb/jsonstat_kjonn_type.json"))
    celler = {
        (c.koder["Kjonn"], c.koder["Sykefraver2"], c.koder["Tid"]): c for c in datasett.celler
    }

    assert celler[("1", "E", "2016K1")].verdi is None
    assert celler[("1", "E", "2016K1")].status == ".."
    assert celler[("2", "E", "2016K2")].verdi is None
    assert celler[("0", "Alt", "2016K1")].status is None


def test_jsonstat_reads_decimals_exactly() -> None:
    dokument = json.loads(fixturtekst("ssb/12439_data.json"), parse_float=Decimal)
    datasett = les_json_stat2(dokument)

    assert {c.verdi for c in datasett.celler} >= {Decimal("6.6"), Decimal("1.2"), Decimal("5.4")}


def _liten(**endringer: Any) -> dict[str, Any]:
    dokument: dict[str, Any] = {
        "version": "2.0",
        "class": "dataset",
        "label": "liten",
        "id": ["A", "Tid"],
        "size": [2, 2],
        "role": {"time": ["Tid"]},
        "dimension": {
            "A": {"label": "a", "category": {"index": ["x", "y"], "label": {"x": "X", "y": "Y"}}},
            "Tid": {"label": "kvartal", "category": {"index": {"2024K1": 0, "2024K2": 1}}},
        },
        "value": [1, 2, 3, 4],
    }
    dokument.update(endringer)
    return dokument


def test_jsonstat_accepts_index_as_list_and_sparse_values() -> None:
    datasett = les_json_stat2(_liten(value={"1": 2.5, "3": 4}, status="p"))
    verdier = [(c.koder["A"], c.koder["Tid"], c.verdi, c.status) for c in datasett.celler]

    assert verdier == [
        ("x", "2024K1", None, "p"),
        ("x", "2024K2", Decimal("2.5"), "p"),
        ("y", "2024K1", None, "p"),
        ("y", "2024K2", Decimal("4"), "p"),
    ]


def test_jsonstat_accepts_status_as_list() -> None:
    datasett = les_json_stat2(_liten(value=[1, None, 3, None], status=[None, ":", None, ".."]))

    assert [c.status for c in datasett.celler] == [None, ":", None, ".."]


@pytest.mark.parametrize(
    ("endringer", "forventet"),
    [
        ({"value": [1, 2, 3]}, "«value» har 3 verdier, men dimensjonene gir 4 celler"),
        ({"size": [2, 3]}, "har 2 kategorier, men «size» sier 3"),
        ({"size": [2]}, "«id» har 2 dimensjoner, men «size» har 1"),
        ({"id": ["A", "B"]}, "«B» er nevnt i «id», men mangler"),
        ({"class": "collection"}, "forventet class «dataset»"),
        ({"value": [1, "to", 3, 4]}, "ikke er et tall eller null"),
        ({"value": [1, True, 3, 4]}, "ikke er et tall eller null"),
        ({"value": None}, "«value» mangler"),
        ({"status": [None, ":"]}, "«status» har 2 elementer"),
        ({"value": {"7": 1}}, "viser til celle 7"),
    ],
)
def test_jsonstat_refuses_documents_that_do_not_add_up(
    endringer: dict[str, Any], forventet: str
) -> None:
    with pytest.raises(KildeFeil, match=r"ikke gyldig JSON-stat 2\.0") as feil:
        les_json_stat2(_liten(**endringer))
    assert forventet in str(feil.value)


def test_jsonstat_refuses_a_broken_category_index() -> None:
    dokument = _liten()
    dokument["dimension"]["Tid"]["category"]["index"] = {"2024K1": 0, "2024K2": 2}

    with pytest.raises(KildeFeil, match="er ikke 0, 1, 2"):
        les_json_stat2(dokument)


def test_jsonstat_metadata_has_no_values() -> None:
    metadata = les_json_stat2(fixturjson("ssb/12440_metadata.json"), krev_verdier=False)

    assert metadata.celler == ()
    assert metadata.dimensjon("Kjonn").eliminerbar
    assert not metadata.dimensjon("Tid").eliminerbar
    assert len(metadata.dimensjon("NACE2007").koder) == 18


# --- The client --------------------------------------------------------------------------------


def test_it_works(server: LokalServer) -> None:
    med_alle_tabeller(server)
    ferdige: list[str] = []

    with klient(server) as ssb:
        tall = ssb.hent_alle(fra=K("2016K1"), ved_tabell=lambda t: ferdige.append(t.id))

    assert ferdige == ["12439", "12440", "12442", "12444"]
    assert {t.kategori for t in tall} == {
        Kategori.LAND,
        Kategori.NAERING,
        Kategori.SEKTOR,
        Kategori.FYLKE,
    }
    assert finn(tall, Kategori.LAND, "NO", "2016K1").prosent == Decimal("6.6")
    assert finn(tall, Kategori.NAERING, "86-88", "2016K2").prosent == Decimal("8.6")
    assert finn(tall, Kategori.SEKTOR, "KOMMUNAL", "2017K2").prosent == Decimal("8.0")
    assert finn(tall, Kategori.FYLKE, "31", "2024K4").prosent == Decimal("7.9")
    assert all(t.kilde == f"SSB tabell {t.kilde.split()[-1]}" for t in tall)


def test_it_asks_in_pxwebapi_v2_form(server: LokalServer) -> None:
    med_alle_tabeller(server)

    with klient(server) as ssb:
        ssb.hent_naering(fra=K("2016K1"))

    metadata, data = server.foresporsler
    assert metadata.sti == "/tables/12440/metadata"
    assert metadata.param("outputFormat") == "json-stat2"
    assert data.sti == "/tables/12440/data"
    assert data.param("lang") == "no"
    assert data.param("outputFormat") == "json-stat2"
    assert data.param("valueCodes[NACE2007]") == "*"
    assert data.param("valueCodes[Kjonn]") == "0"
    # The «prosentvis endring» content is left out; only the rate itself is asked for.
    assert data.param("valueCodes[ContentsCode]") == "SykefravProsent"
    assert data.param("valueCodes[Tid]") == "from(2016K1)"
    assert data.hoder["User-Agent"] == USER_AGENT


def test_land_comes_by_type(server: LokalServer) -> None:
    med_alle_tabeller(server)

    with klient(server) as ssb:
        tall = ssb.hent_land()

    assert server.foresporsler[1].param("valueCodes[Sykefraver2]") == "*"
    assert server.foresporsler[1].param("valueCodes[Tid]") == "*"
    assert len(tall) == 3 * 4
    assert finn(tall, Kategori.LAND, "NO", "2016K1", Maal.EGENMELDT).prosent == Decimal("1.2")
    assert finn(tall, Kategori.LAND, "NO", "2016K4", Maal.LEGEMELDT).prosent == Decimal("5.4")
    total = finn(tall, Kategori.LAND, "NO", "2016K2", Maal.TOTAL)
    assert total.kilde == "SSB tabell 12439"
    assert total.tapte_dagsverk is None and total.mulige_dagsverk is None
    assert not total.sesongjustert


def test_naering_keeps_ssb_group_codes(server: LokalServer) -> None:
    med_alle_tabeller(server)

    with klient(server) as ssb:
        tall = ssb.hent_naering()

    koder = {t.kode for t in tall}
    assert "00-99" not in koder  # the total is LAND, which comes from 12439
    assert {"01-03", "10-33", "84", "86-88", "90-99", "00"} <= koder
    helse = finn(tall, Kategori.NAERING, "86-88", "2016K1")
    assert helse.navn == "Helse- og sosialtjenester"
    assert helse.maal is Maal.TOTAL


def test_naering_null_values_are_not_published(server: LokalServer) -> None:
    med_alle_tabeller(server)

    with klient(server) as ssb:
        tall = ssb.hent_naering()

    bergverk = finn(tall, Kategori.NAERING, "05-09", "2016K1")
    uoppgitt = finn(tall, Kategori.NAERING, "00", "2016K1")
    assert (bergverk.prosent, bergverk.status) == (None, "..")
    assert (uoppgitt.prosent, uoppgitt.status) == (None, ":")
    assert finn(tall, Kategori.NAERING, "00", "2016K2").prosent == Decimal("6.6")


def test_sektor_maps_codes_and_labels(server: LokalServer) -> None:
    med_alle_tabeller(server)

    with klient(server) as ssb:
        tall = ssb.hent_sektor()

    data = server.foresporsler[1]
    assert data.param("valueCodes[Sektor]") == "*"
    assert data.param("valueCodes[NACE2007]") == "00-99"
    assert {t.kode for t in tall} == {"STATLIG", "KOMMUNAL", "PRIVAT"}
    assert finn(tall, Kategori.SEKTOR, "STATLIG", "2016K2").prosent == Decimal("5.6")
    privat = finn(tall, Kategori.SEKTOR, "PRIVAT", "2017K2")
    assert (privat.prosent, privat.navn) == (Decimal("5.4"), "Privat sektor og offentlige foretak")


def test_fylke_keeps_the_county_codes_of_the_period(server: LokalServer) -> None:
    med_alle_tabeller(server)

    with klient(server) as ssb:
        tall = ssb.hent_fylke(fra=K("2024K3"), til=K("2024K4"))

    assert server.foresporsler[1].param("valueCodes[Region]") == "*"
    assert server.foresporsler[1].param("valueCodes[Tid]") == "range(2024K3,2024K4)"
    assert {t.kode for t in tall} == {"03", "30", "31", "99"}
    viken = finn(tall, Kategori.FYLKE, "30", "2024K4")
    assert (viken.prosent, viken.status, viken.navn) == (None, ".", "Viken (2020-2023)")


def test_metadata_is_asked_once_per_table(server: LokalServer) -> None:
    med_alle_tabeller(server)

    with klient(server) as ssb:
        ssb.hent_land()
        ssb.hent_land(fra=K("2016K3"))

    assert server.stier().count("/tables/12439/metadata") == 1
    assert server.stier().count("/tables/12439/data") == 2


@pytest.mark.parametrize(
    ("fra", "til", "uttrykk"),
    [
        (None, None, "*"),
        ("2015K1", None, "from(2015K1)"),
        (None, "2016K4", "to(2016K4)"),
        ("2015K2", "2016K3", "range(2015K2,2016K3)"),
    ],
)
def test_bygg_utvalg_asks_for_the_quarters(fra: str | None, til: str | None, uttrykk: str) -> None:
    metadata = les_json_stat2(fixturjson("ssb/12442_metadata.json"), krev_verdier=False)
    utvalg = bygg_utvalg(
        TABELL_ETTER_KATEGORI[Kategori.SEKTOR],
        metadata,
        fra=K(fra) if fra else None,
        til=K(til) if til else None,
    )

    assert utvalg == {
        "Kjonn": "0",
        "NACE2007": "00-99",
        "Sektor": "*",
        "ContentsCode": "SykefravProsent",
        "Tid": uttrykk,
    }


def test_bygg_utvalg_refuses_a_backwards_period() -> None:
    metadata = les_json_stat2(fixturjson("ssb/12442_metadata.json"), krev_verdier=False)

    with pytest.raises(KildeFeil, match="baklengs"):
        bygg_utvalg(TABELLER[0], metadata, fra=K("2017K1"), til=K("2016K1"))


def test_it_refuses_a_table_without_the_breakdown(server: LokalServer) -> None:
    server.fil("/tables/12440/metadata", "ssb/12440_metadata.json")
    feil_tabell = Tabell("12440", Kategori.FYLKE, "feil tabell for fylke")

    with klient(server) as ssb, pytest.raises(KildeFeil, match="ingen variabel for fylke"):
        ssb.hent_tabell(feil_tabell)

    assert server.stier() == ["/tables/12440/metadata"]


def test_it_refuses_a_table_with_years_instead_of_quarters() -> None:
    data = les_json_stat2(fixturjson("ssb/12441_data.json"))
    tabell = Tabell("12441", Kategori.NAERING, "årlig tabell")

    with pytest.raises(KildeFeil, match=r"ikke kvartalstall .*«2015»"):
        til_publiserte_tall(tabell, data)


def test_a_table_without_type_takes_the_measure_from_its_title() -> None:
    data = les_json_stat2(fixturjson("ssb/12444_data.json"))
    data_legemeldt = les_json_stat2(
        {**fixturjson("ssb/12444_data.json"), "label": "Legemeldt sykefravær etter fylke"}
    )
    tabell = Tabell("12444", Kategori.FYLKE, "fylke")

    assert {t.maal for t in til_publiserte_tall(tabell, data)} == {Maal.TOTAL}
    assert {t.maal for t in til_publiserte_tall(tabell, data_legemeldt)} == {Maal.LEGEMELDT}


def test_contents_fill_their_own_fields() -> None:
    innhold = {
        "SykefravProsent": "Sykefraværsprosent",
        "SykefravSesong": "Sykefraværsprosent, sesong- og influensajustert",
        "Dagsverk": "Sykefraværsdagsverk",
        "Avtalte": "Avtalte dagsverk",
        "Endring": "Sykefraværsprosent, prosentvis endring fra året før",
    }
    data = les_json_stat2(
        {
            "version": "2.0",
            "class": "dataset",
            "label": "12439: test",
            "id": ["Sykefraver2", "ContentsCode", "Tid"],
            "size": [1, 5, 1],
            "role": {"time": ["Tid"], "metric": ["ContentsCode"]},
            "dimension": {
                "Sykefraver2": {"label": "type sykefravær", "category": {"index": {"L": 0}}},
                "ContentsCode": {
                    "label": "statistikkvariabel",
                    "category": {"index": list(innhold), "label": innhold},
                },
                "Tid": {"label": "kvartal", "category": {"index": {"2024K4": 0}}},
            },
            "value": [5.9, 5.6, 6100000, 103000000, 1.2],
        }
    )

    tall = til_publiserte_tall(TABELL_ETTER_KATEGORI[Kategori.LAND], data)

    assert [
        (t.maal, t.sesongjustert, t.prosent, t.tapte_dagsverk, t.mulige_dagsverk) for t in tall
    ] == [
        (Maal.LEGEMELDT, False, Decimal("5.9"), Decimal("6100000"), Decimal("103000000")),
        (Maal.LEGEMELDT, True, Decimal("5.6"), None, None),
    ]


def test_two_ssb_categories_for_one_unit_are_refused() -> None:
    dokument = fixturjson("ssb/12442_data.json")
    sektor = dokument["dimension"]["Sektor"]["category"]
    sektor["index"] = {"ALLE": 0, "FYLK": 1, "6500": 2, "PRIVAT": 3}
    sektor["label"] = {
        "ALLE": "Alle sektorer",
        "FYLK": "Fylkeskommunal forvaltning",
        "6500": "Kommunal forvaltning",
        "PRIVAT": "Privat sektor og offentlige foretak",
    }

    with pytest.raises(KildeFeil, match="to verdier for SEKTOR KOMMUNAL 2016K2"):
        til_publiserte_tall(TABELL_ETTER_KATEGORI[Kategori.SEKTOR], les_json_stat2(dokument))


def test_sjekk_tabeller_shows_ssbs_titles(server: LokalServer) -> None:
    med_alle_tabeller(server)
    server.fil("/tables/12444/metadata", "ssb/12440_metadata.json")  # no region variable

    with klient(server) as ssb:
        sjekk = ssb.sjekk_tabeller()

    assert [s.ok for s in sjekk] == [True, True, True, False]
    assert sjekk[0].tittel is not None and sjekk[0].tittel.startswith("12439: Sykefravær")
    assert "Sykefraver2 (type sykefravær)" in sjekk[0].variabler
    assert sjekk[3].feil is not None and "ingen variabel for fylke" in sjekk[3].feil


def test_tabellinfo(server: LokalServer) -> None:
    server.fil("/tables/12440", "ssb/12440_tabell.json")

    with klient(server) as ssb:
        info = ssb.tabellinfo("12440")

    assert (info.id, info.forste_periode, info.siste_periode, info.tidsenhet) == (
        "12440",
        "2015K1",
        "2017K4",
        "Quarterly",
    )
    assert info.variabler[1] == "næring (SN2007)"
    assert server.foresporsler[0].param("lang") == "no"


# --- When SSB does not answer as hoped ---------------------------------------------------------


def test_it_explains_a_missing_table(server: LokalServer) -> None:
    server.rute("/tables/99999/metadata", Svar(status=404, tekst='{"title": "Non-existent table"}'))

    with klient(server) as ssb, pytest.raises(KildeFeil) as feil:
        ssb.hent_tabell(Tabell("99999", Kategori.LAND, "finnes ikke"))

    assert feil.value.status == 404
    assert "SSB har ingen tabell 99999 (404)" in str(feil.value)
    assert "Non-existent table" in str(feil.value)


def test_it_passes_on_ssbs_reason_for_a_bad_request(server: LokalServer) -> None:
    server.fil("/tables/12440/metadata", "ssb/12440_metadata.json")
    server.fil("/tables/12440/data", "ssb/feil_400.json", status=400)

    with klient(server) as ssb, pytest.raises(KildeFeil) as feil:
        ssb.hent_naering()

    assert feil.value.status == 400
    assert "ugyldig (400)" in str(feil.value)
    assert "Non-existent variable" in str(feil.value)


def test_it_reports_a_server_error(server: LokalServer) -> None:
    server.rute("/tables/12439/metadata", Svar(status=500, tekst="Internal Server Error"))

    with klient(server) as ssb, pytest.raises(KildeFeil, match=r"feil på sin side \(500\)"):
        ssb.hent_land()


def test_it_mentions_the_maintenance_window_on_503(server: LokalServer) -> None:
    server.rute("/tables/12439/metadata", Svar(status=503, tekst=""))

    with klient(server) as ssb, pytest.raises(KildeFeil, match=r"utilgjengelig.*--referanse"):
        ssb.hent_land()


def test_it_gives_up_after_the_timeout(server: LokalServer) -> None:
    server.rute("/tables/12439/metadata", Svar(fil="ssb/12439_metadata.json", forsinkelse=1.0))

    with klient(server, timeout=0.2) as ssb, pytest.raises(KildeFeil) as feil:
        ssb.hent_land()

    assert "svarte ikke innen 0.2 sekunder" in str(feil.value)


def test_it_reports_a_refused_connection() -> None:
    with socket.socket() as ledig:
        ledig.bind(("127.0.0.1", 0))
        port = ledig.getsockname()[1]

    with (
        SsbKlient(f"http://127.0.0.1:{port}", min_intervall=0) as ssb,
        pytest.raises(KildeFeil, match="Fikk ikke kontakt med SSB"),
    ):
        ssb.hent_land()


def test_it_refuses_malformed_json(server: LokalServer) -> None:
    server.fil("/tables/12439/metadata", "ssb/ufullstendig.json")

    with klient(server) as ssb, pytest.raises(KildeFeil, match="ikke er gyldig JSON"):
        ssb.hent_land()


def test_it_refuses_jsonstat_that_does_not_add_up(server: LokalServer) -> None:
    dokument = fixturjson("ssb/12439_data.json")
    dokument["value"] = dokument["value"][:-1]
    server.fil("/tables/12439/metadata", "ssb/12439_metadata.json")
    server.json("/tables/12439/data", dokument)

    with klient(server) as ssb, pytest.raises(KildeFeil) as feil:
        ssb.hent_land()

    assert str(feil.value).startswith("SSB-tabell 12439: Svaret er ikke gyldig JSON-stat 2.0")
    assert "«value» har 11 verdier, men dimensjonene gir 12 celler" in str(feil.value)


def test_it_waits_as_told_when_ssb_says_429(server: LokalServer) -> None:
    server.rute(
        "/tables/12439/metadata",
        Svar(status=429, tekst="Too many requests", hoder={"Retry-After": "3"}),
        Svar(fil="ssb/12439_metadata.json"),
    )
    server.fil("/tables/12439/data", "ssb/12439_data.json")
    ventet: list[float] = []

    with klient(server, sov=ventet.append) as ssb:
        tall = ssb.hent_land()

    assert len(tall) == 12
    assert ventet == [3.0]
    assert server.stier().count("/tables/12439/metadata") == 2


def test_it_stops_asking_after_repeated_429(server: LokalServer) -> None:
    server.rute("/tables/12439/metadata", Svar(status=429, tekst=""))
    ventet: list[float] = []

    with (
        klient(server, sov=ventet.append, maks_forsok=3) as ssb,
        pytest.raises(KildeFeil, match="spurt for ofte"),
    ):
        ssb.hent_land()

    assert ventet == [10.0, 10.0]
    assert len(server.foresporsler) == 3


def test_it_paces_its_requests(server: LokalServer) -> None:
    med_alle_tabeller(server)
    klokke = [100.0]
    ventet: list[float] = []

    def sov(sekunder: float) -> None:
        ventet.append(sekunder)
        klokke[0] += sekunder

    with klient(server, min_intervall=2.0, klokke=lambda: klokke[0], sov=sov) as ssb:
        ssb.hent_land()

    assert ventet == [2.0]  # metadata, then two seconds before the data


def test_takt_only_waits_for_what_is_left() -> None:
    klokke = [0.0]
    ventet: list[float] = []
    takt = Takt(2.0, klokke=lambda: klokke[0], sov=ventet.append)

    takt.vent()
    klokke[0] = 0.5
    takt.vent()
    klokke[0] = 10.0
    takt.vent()

    assert ventet == [1.5]


# --- Næring codes ------------------------------------------------------------------------------


def test_naeringer_i_ssb_kode() -> None:
    assert naeringer_i_ssb_kode("86-88") == ("86", "87", "88")
    assert naeringer_i_ssb_kode("84") == ("84",)
    assert naeringer_i_ssb_kode("05, 07-09") == ("05", "07", "08", "09")
    assert naeringer_i_ssb_kode("Q") == ("86", "87", "88")
    assert naeringer_i_ssb_kode("01-05") == ("01", "02", "03", "05")  # 04 is no SN2007 næring
    assert naeringer_i_ssb_kode("00") == ()
    assert naeringer_i_ssb_kode("Uoppgitt") == ()
    assert len(naeringer_i_ssb_kode("00-99")) == 88


def test_ssb_naeringsgruppe() -> None:
    assert ssb_naeringsgruppe("87") == "86-88"
    assert ssb_naeringsgruppe("88.911") == "86-88"
    assert ssb_naeringsgruppe("49100") == "49-53"
    assert ssb_naeringsgruppe("84110") == "84"
    assert ssb_naeringsgruppe("00000") is None


# --- The reference copies ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def referanse() -> list[PublisertTall]:
    return les_referanse()


def finn_i_referanse(
    tall: list[PublisertTall],
    kategori: Kategori,
    kode: str,
    kvartal: str,
    maal: Maal = Maal.TOTAL,
    *,
    kilde: str,
    sektor: Sektor | None = None,
    sesongjustert: bool = False,
) -> PublisertTall:
    treff = [
        t
        for t in tall
        if (t.kategori, t.kode, t.kvartal, t.maal, t.sektor, t.sesongjustert)
        == (kategori, kode, K(kvartal), maal, sektor, sesongjustert)
        and kilde in t.kilde
    ]
    assert len(treff) == 1, treff
    return treff[0]


def test_referanse_it_works(referanse: list[PublisertTall]) -> None:
    land = finn_i_referanse(referanse, Kategori.LAND, "NO", "2016K1", kilde="301240")

    assert land.prosent == Decimal("6.6")
    assert land.kilde == "SSB tabell 301240 (referansekopi)"
    assert {t.kategori for t in referanse} == {
        Kategori.LAND,
        Kategori.NAERING,
        Kategori.SEKTOR,
        Kategori.FYLKE,
    }


def test_referanse_by_type(referanse: list[PublisertTall]) -> None:
    bygg = finn_i_referanse(
        referanse, Kategori.NAERING, "41-43", "2016K1", Maal.EGENMELDT, kilde="301240"
    )
    bergverk = [
        t
        for t in referanse
        if t.kode == "05-09" and t.kvartal == K("2001K1") and "301240" in t.kilde
    ]

    assert bygg.prosent == Decimal("1.1")
    # Only legemeldt is published for mining in that table; the other rows are not in the copy.
    assert [(t.maal, t.prosent) for t in bergverk] == [(Maal.LEGEMELDT, Decimal("4.3"))]


def test_referanse_by_naering_and_sektor(referanse: list[PublisertTall]) -> None:
    kilde = "322688"
    kommunal = finn_i_referanse(referanse, Kategori.SEKTOR, "KOMMUNAL", "2012K1", kilde=kilde)
    helse = finn_i_referanse(referanse, Kategori.NAERING, "86-88", "2013K1", kilde=kilde)
    helse_kommunal = finn_i_referanse(
        referanse, Kategori.NAERING, "86-88", "2012K1", kilde=kilde, sektor=Sektor.KOMMUNAL
    )
    annen = finn_i_referanse(
        referanse, Kategori.NAERING, "Annen/uoppgitt næring", "2016K2", kilde=kilde
    )

    assert kommunal.prosent == Decimal("9.0")
    assert helse.prosent == Decimal("10.1")
    assert helse_kommunal.prosent == Decimal("10.6")
    assert annen.prosent == Decimal("6.6")


def test_referanse_by_fylke_uses_the_county_numbers_before_2020(
    referanse: list[PublisertTall],
) -> None:
    kilde = "301242"
    ostfold = finn_i_referanse(referanse, Kategori.FYLKE, "01", "2015K3", kilde=kilde)
    troms = finn_i_referanse(referanse, Kategori.FYLKE, "19", "2017K1", kilde=kilde)
    sokkel = [
        t for t in referanse if t.kategori is Kategori.FYLKE and t.kode.startswith("Uoppgitt")
    ]
    land = finn_i_referanse(referanse, Kategori.LAND, "NO", "2016K4", kilde=kilde)

    assert (ostfold.prosent, ostfold.navn) == (Decimal("7.2"), "Østfold")
    assert (troms.prosent, troms.navn) == (Decimal("7.5"), "Troms - Romsa")
    assert len(sokkel) == 6
    assert land.prosent == Decimal("6.5")
    assert len({t.kode for t in referanse if t.kategori is Kategori.FYLKE}) == 20


def test_referanse_national_lines(referanse: list[PublisertTall]) -> None:
    legemeldt = finn_i_referanse(
        referanse, Kategori.LAND, "NO", "2016K3", Maal.LEGEMELDT, kilde="288347"
    )
    dagsverk = finn_i_referanse(referanse, Kategori.LAND, "NO", "2023K2", kilde="nøkkeltall")
    justert = finn_i_referanse(
        referanse,
        Kategori.LAND,
        "NO",
        "2024K4",
        Maal.EGENMELDT,
        kilde="nøkkeltall",
        sesongjustert=True,
    )

    assert (legemeldt.prosent, legemeldt.tapte_dagsverk) == (Decimal("5.4"), Decimal("6045437"))
    assert (dagsverk.prosent, dagsverk.tapte_dagsverk) == (None, Decimal("9600000"))
    assert justert.prosent == Decimal("1.0")
    # Yearly figures and figures by sex do not fit a quarterly PublisertTall.
    assert not [
        t
        for t in referanse
        if "nøkkeltall" in t.kilde and t.kvartal.arstall == 2024 and not t.sesongjustert
    ]


def _delt_mappe() -> Path:
    """shared/ stands beside the project; a scratch clone of a local checkout finds it beside
    the checkout it was cloned from."""
    rot = Path(__file__).parents[2]
    kandidater = [rot.parent / "shared"]
    opphav = subprocess.run(
        ["git", "-C", str(rot), "config", "--get", "remote.origin.url"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    if opphav and Path(opphav).is_dir():
        kandidater.append(Path(opphav).resolve().parent / "shared")
    return next((k for k in kandidater if k.is_dir()), kandidater[0])


def test_referanse_copies_match_the_shared_originals() -> None:
    originaler = _delt_mappe() / "reference"
    assert originaler.is_dir(), f"fant ikke {originaler}"
    for original in sorted(originaler.glob("*.csv")):
        kopi = referansemappe().joinpath(original.name)
        assert kopi.read_bytes() == original.read_bytes(), original.name


def kopi_av_referansen(mappe: Path) -> Path:
    for fil in referansemappe().iterdir():
        if fil.name.endswith(".csv"):
            (mappe / fil.name).write_text(fil.read_text(encoding="utf-8"), encoding="utf-8")
    return mappe


def test_referanse_empty_cells_are_not_published(tmp_path: Path) -> None:
    sektor = kopi_av_referansen(tmp_path) / "ssb_naering_sektor.csv"
    sektor.write_text(
        sektor.read_text(encoding="utf-8") + "Industri;statlig;;;;;;\n", encoding="utf-8"
    )

    tall = les_referanse(tmp_path)

    industri = finn_i_referanse(
        tall, Kategori.NAERING, "10-33", "2012K1", kilde="322688", sektor=Sektor.STATLIG
    )
    assert (industri.prosent, industri.status) == (None, ":")


def test_referanse_reports_a_broken_file(tmp_path: Path) -> None:
    fylke = kopi_av_referansen(tmp_path) / "ssb_fylke.csv"
    fylke.write_text(fylke.read_text(encoding="utf-8") + "Oslo;5,3;5,5\n", encoding="utf-8")

    with pytest.raises(KildeFeil, match=r"ssb_fylke.csv, linje 25: 3 felt, men overskriften har 7"):
        les_referanse(tmp_path)


def test_skriv_csv_is_for_norwegian_excel(tmp_path: Path) -> None:
    tall = [
        PublisertTall(
            Kategori.NAERING, "86-88", K("2016K2"), Maal.LEGEMELDT, Decimal("8.6"),
            Decimal("1864032"), None, "SSB tabell 12440", navn="Helse- og sosialtjenester",
            sektor=Sektor.KOMMUNAL,
        ),
        PublisertTall(
            Kategori.LAND, "NO", K("2016K2"), Maal.TOTAL, None, None, None, "SSB", status=".."
        ),
    ]  # fmt: skip
    sti = tmp_path / "ut.csv"

    assert skriv_csv(tall, sti) == 2
    innhold = sti.read_bytes()
    assert innhold.startswith(b"\xef\xbb\xbf")
    linjer = innhold.decode("utf-8-sig").splitlines()
    assert linjer[0].split(";")[:8] == [
        "kategori", "kode", "navn", "sektor", "kvartal", "maal", "sesongjustert", "prosent",
    ]  # fmt: skip
    assert linjer[1] == (
        "NAERING;86-88;Helse- og sosialtjenester;KOMMUNAL;2016K2;legemeldt;nei;8,6;1864032;;;"
        "SSB tabell 12440"
    )
    assert linjer[2] == "LAND;NO;;;2016K2;total;nei;;;;..;SSB"


# --- naervaer kilder ssb -----------------------------------------------------------------------


def test_cli_ssb_writes_the_csv(server: LokalServer, tmp_path: Path) -> None:
    med_alle_tabeller(server)
    ut = tmp_path / "ssb.csv"

    resultat = CliRunner().invoke(
        app,
        ["ssb", "--ssb-url", server.url, "--min-intervall", "0", "--fra", "2016K1", "-o", str(ut)],
    )

    assert resultat.exit_code == 0, resultat.output
    assert f"til {ut}" in resultat.output
    linjer = ut.read_text(encoding="utf-8-sig").splitlines()
    assert "LAND;NO;Hele landet;;2016K1;egenmeldt;nei;1,2;;;;SSB tabell 12439" in linjer
    assert server.foresporsler[1].param("valueCodes[Tid]") == "from(2016K1)"


def test_cli_ssb_referanse_needs_no_network(tmp_path: Path) -> None:
    ut = tmp_path / "referanse.csv"

    resultat = CliRunner().invoke(app, ["ssb", "--referanse", "--til", "2001K4", "-o", str(ut)])

    assert resultat.exit_code == 0, resultat.output
    linjer = ut.read_text(encoding="utf-8-sig").splitlines()
    assert len(linjer) > 1
    assert all(linje.split(";")[4].startswith("2001") for linje in linjer[1:])


def test_cli_ssb_sjekk(server: LokalServer) -> None:
    med_alle_tabeller(server)

    resultat = CliRunner().invoke(
        app, ["ssb", "--sjekk", "--ssb-url", server.url, "--min-intervall", "0"]
    )

    assert resultat.exit_code == 0, resultat.output
    assert "12444" in resultat.output
    assert not [s for s in server.stier() if s.endswith("/data")]


def test_cli_ssb_explains_failures(server: LokalServer, tmp_path: Path) -> None:
    server.rute("/tables/12439/metadata", Svar(status=500, tekst=""))

    resultat = CliRunner().invoke(
        app, ["ssb", "--ssb-url", server.url, "--min-intervall", "0", "-o", str(tmp_path / "x.csv")]
    )

    assert resultat.exit_code == 1
    assert "feil på sin side (500)" in resultat.output
    assert not (tmp_path / "x.csv").exists()


def test_cli_ssb_explains_an_unwritable_file(tmp_path: Path) -> None:
    resultat = CliRunner().invoke(
        app, ["ssb", "--referanse", "-o", str(tmp_path / "finnes-ikke" / "x.csv")]
    )

    assert resultat.exit_code == 1
    assert "Kunne ikke skrive" in resultat.output


def test_cli_ssb_refuses_a_bad_quarter() -> None:
    resultat = CliRunner().invoke(app, ["ssb", "--referanse", "--fra", "2016Q1"])

    assert resultat.exit_code == 2
    assert "er ikke et kvartal" in resultat.output
