"""The overview of one virksomhet: period, benchmarks, panels, ratings, trends and lines."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal

import pytest

from naervaer.statistikk.aggregering import Fravaerstall, Kvartalstall
from naervaer.statistikk.enheter import Kategori
from naervaer.statistikk.kvartal import Kvartal
from naervaer.statistikk.maskering import Maskert, Terskel, Vist
from naervaer.statistikk.oversikt import (
    Grunnlag,
    Maal,
    Oversikt,
    Virksomhetsdata,
    lag_oversikt,
)
from naervaer.statistikk.vurdering import Vurdering

D = Decimal
ORGNR = "910000001"
BARNEHAGE = Virksomhetsdata(ORGNR, "Solsikken barnehage AS", "910000100", "88911", "PRIVAT", "0301")
ETTER_PUBLISERING = date(2026, 3, 1)  # 2025K4 was published on 26 February 2026


def tall(personer: int, mulige: str, tapte: str) -> Fravaerstall:
    """A quarter's sums: a quarter of the loss egenmeldt, a quarter of the legemeldt gradert, 30 %
    korttid."""
    t = D(tapte)
    legemeldt = t * 3 / 4
    return Fravaerstall(
        antall_personer=personer,
        mulige_dagsverk=D(mulige),
        tapte_dagsverk=t,
        tapte_dagsverk_egenmeldt=t - legemeldt,
        tapte_dagsverk_legemeldt=legemeldt,
        tapte_dagsverk_gradert=legemeldt / 4,
        tapte_dagsverk_korttid=t * 3 / 10,
        tapte_dagsverk_langtid=t * 7 / 10,
    )


def kvartaler(fra: str, til: str) -> list[Kvartal]:
    start, slutt = Kvartal.fra_tekst(fra), Kvartal.fra_tekst(til)
    return [start + i for i in range(slutt.indeks - start.indeks + 1)]


class Lager:
    """The store as the overview sees it, counting which units were asked for."""

    def __init__(self, rader: Mapping[tuple[Kategori, str], list[Kvartalstall]]) -> None:
        self.rader = rader
        self.spurt: list[tuple[Kategori, str]] = []

    def __call__(
        self, enheter: Iterable[tuple[Kategori, str]]
    ) -> dict[tuple[Kategori, str], list[Kvartalstall]]:
        onskede = list(enheter)
        self.spurt += onskede
        return {e: self.rader[e] for e in onskede if e in self.rader}


def standardlager(egne_personer: int = 12) -> Lager:
    alle = kvartaler("2024K1", "2025K4")
    # The virksomhet loses 190, 193, 196, 199 dagsverk of 2 400 in Q1..Q4 of each year.
    egne = [
        Kvartalstall(k, tall(egne_personer, "2400", str(190 + 3 * (k.kvartal - 1)))) for k in alle
    ]
    return Lager(
        {
            (Kategori.VIRKSOMHET, ORGNR): egne,
            (Kategori.OVERORDNET_ENHET, "910000100"): [
                Kvartalstall(k, tall(15, "3650", "362")) for k in alle
            ],
            (Kategori.BRANSJE, "BARNEHAGER"): [
                Kvartalstall(k, tall(90_000, "5000000", "450000")) for k in alle
            ],
            (Kategori.SEKTOR, "PRIVAT"): [
                Kvartalstall(k, tall(1_800_000, "110000000", "6000000")) for k in alle
            ],
            (Kategori.LAND, "NO"): [
                Kvartalstall(k, tall(2_600_000, "160000000", "10000000")) for k in alle
            ],
            (Kategori.FYLKE, "03"): [
                Kvartalstall(k, tall(400_000, "25000000", "1400000")) for k in alle
            ],
            (Kategori.STORRELSE, "5-19"): [
                Kvartalstall(k, tall(300_000, "18000000", "1100000")) for k in alle
            ],
            (Kategori.STORRELSE, "1-4"): [
                Kvartalstall(k, tall(100_000, "6000000", "330000")) for k in alle
            ],
        }
    )


def panel(oversikt: Oversikt, maal: Maal):  # type: ignore[no-untyped-def]
    return next(p for p in oversikt.paneler if p.maal is maal)


def vist(figur: object) -> Decimal:
    assert isinstance(figur, Vist), figur
    return figur.verdi


def test_the_total_panel_against_the_bransje() -> None:
    oversikt = lag_oversikt(
        BARNEHAGE, standardlager(), kan_se_egne_tall=True, dag=ETTER_PUBLISERING
    )
    assert oversikt.periode == Kvartal(2025, 4)
    assert oversikt.publisert == date(2026, 2, 26)
    assert oversikt.referanse.kategori is Kategori.BRANSJE
    totalt = panel(oversikt, Maal.TOTALT)
    assert totalt.egen is not None
    # (190 + 193 + 196 + 199) / (4 × 2 400) = 778 / 9 600 = 8,104 %
    assert vist(totalt.egen.prosent) == D("8.1")
    assert totalt.egen.kvartaler == tuple(kvartaler("2025K1", "2025K4"))
    # 450 000 / 5 000 000 in every quarter = 9,0 %
    assert vist(totalt.referanse.prosent) == D("9.0")
    # 8,1 is exactly 0,9 × 9,0: the boundary is MIDDELS.
    assert totalt.sammenligning is not None
    assert totalt.sammenligning.vurdering is Vurdering.MIDDELS
    # Same loss in 2025K4 and 2024K4 (199 of 2 400): no change.
    assert vist(totalt.egen.utvikling.prosentpoeng) == D("0.0")


def test_every_measure_has_a_panel_with_its_own_share() -> None:
    oversikt = lag_oversikt(
        BARNEHAGE, standardlager(), kan_se_egne_tall=True, dag=ETTER_PUBLISERING
    )
    assert [p.maal for p in oversikt.paneler] == list(Maal)
    # egenmeldt is a quarter of 778 = 194,5 of 9 600 = 2,026 %
    assert vist(panel(oversikt, Maal.EGENMELDT).egen.prosent) == D("2.0")  # type: ignore[union-attr]
    # legemeldt: 583,5 / 9 600 = 6,078 %
    assert vist(panel(oversikt, Maal.LEGEMELDT).egen.prosent) == D("6.1")  # type: ignore[union-attr]
    # gradert is a share of the legemeldt loss: 25 %, and high is good
    gradert = panel(oversikt, Maal.GRADERT)
    assert vist(gradert.egen.prosent) == D("25.0")
    assert gradert.hoy_er_bra and gradert.sammenligning.hoy_er_bra
    # korttid 30 % of 778 = 233,4 → 2,431 %; langtid 544,6 → 5,673 %
    assert vist(panel(oversikt, Maal.KORTTID).egen.prosent) == D("2.4")  # type: ignore[union-attr]
    assert vist(panel(oversikt, Maal.LANGTID).egen.prosent) == D("5.7")  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("grunnlag", "kategori", "kode", "prosent"),
    [
        (Grunnlag.SEKTOR, Kategori.SEKTOR, "PRIVAT", "5.5"),  # 6 / 110 = 5,45 %
        (Grunnlag.LAND, Kategori.LAND, "NO", "6.3"),  # 10 / 160 = 6,25 % rounds half up
        (Grunnlag.FYLKE, Kategori.FYLKE, "03", "5.6"),  # 1,4 / 25
        (Grunnlag.STORRELSE, Kategori.STORRELSE, "5-19", "6.1"),  # 1,1 / 18 = 6,11 %
    ],
)
def test_the_benchmark_can_be_chosen(
    grunnlag: Grunnlag, kategori: Kategori, kode: str, prosent: str
) -> None:
    oversikt = lag_oversikt(
        BARNEHAGE,
        standardlager(),
        kan_se_egne_tall=True,
        grunnlag=grunnlag,
        dag=ETTER_PUBLISERING,
    )
    assert (oversikt.referanse.kategori, oversikt.referanse.kode) == (kategori, kode)
    assert vist(panel(oversikt, Maal.TOTALT).referanse.prosent) == D(prosent)


def test_without_the_right_no_own_figure_is_in_the_overview() -> None:
    lager = standardlager()
    oversikt = lag_oversikt(BARNEHAGE, lager, kan_se_egne_tall=False, dag=ETTER_PUBLISERING)
    assert all(p.egen is None and p.sammenligning is None for p in oversikt.paneler)
    assert {linje.nokkel for linje in oversikt.linjer} == {
        "bransje",
        "sektor",
        "land",
        "fylke",
        "storrelse",
    }
    # The overordnet enhet is not even read; the size class still comes from the own rows.
    assert (Kategori.OVERORDNET_ENHET, "910000100") not in lager.spurt
    assert oversikt.storrelse is not None and oversikt.storrelse.kode == "5-19"


def test_a_small_virksomhet_is_masked_and_rated_masked() -> None:
    oversikt = lag_oversikt(
        BARNEHAGE, standardlager(egne_personer=3), kan_se_egne_tall=True, dag=ETTER_PUBLISERING
    )
    for p in oversikt.paneler:
        assert p.egen is not None
        assert isinstance(p.egen.prosent, Maskert)
        assert isinstance(p.egen.utvikling.prosentpoeng, Maskert)
        assert p.sammenligning is not None
        assert p.sammenligning.vurdering is Vurdering.MASKERT
    virksomhetslinje = next(lin for lin in oversikt.linjer if lin.nokkel == "virksomhet")
    assert all(isinstance(punkt.prosent, Maskert) for punkt in virksomhetslinje.punkter)
    assert oversikt.storrelse is not None and oversikt.storrelse.kode == "1-4"


def test_the_period_waits_for_the_publication_date() -> None:
    lager = standardlager()
    for_publisering = lag_oversikt(BARNEHAGE, lager, kan_se_egne_tall=True, dag=date(2026, 2, 25))
    assert for_publisering.periode == Kvartal(2025, 3)
    assert for_publisering.neste_publisering == (Kvartal(2025, 4), date(2026, 2, 26))
    # The history stops at the period too: nobody sees 2025K4 a day early.
    assert for_publisering.kvartaler[-1] == Kvartal(2025, 3)


def test_no_published_data_gives_an_empty_overview() -> None:
    oversikt = lag_oversikt(BARNEHAGE, Lager({}), kan_se_egne_tall=True, dag=ETTER_PUBLISERING)
    assert oversikt.periode is None
    assert oversikt.paneler == ()
    assert oversikt.publisert is None


def test_few_quarters_give_an_incomplete_rating() -> None:
    lager = standardlager()
    egne = lager.rader[(Kategori.VIRKSOMHET, ORGNR)]
    lager.rader = {**lager.rader, (Kategori.VIRKSOMHET, ORGNR): egne[-2:]}
    oversikt = lag_oversikt(BARNEHAGE, lager, kan_se_egne_tall=True, dag=ETTER_PUBLISERING)
    totalt = panel(oversikt, Maal.TOTALT)
    assert totalt.egen is not None and len(totalt.egen.kvartaler) == 2
    # (196 + 199) / 4 800 = 8,229 %: shown, but not rated
    assert vist(totalt.egen.prosent) == D("8.2")
    assert totalt.sammenligning is not None
    assert totalt.sammenligning.vurdering is Vurdering.UFULLSTENDIG_DATA


def test_a_virksomhet_outside_the_bransjer_is_compared_with_its_naering() -> None:
    transport = Virksomhetsdata(ORGNR, "Gods AS", "910000100", "49410", "PRIVAT", "0301")
    lager = standardlager()
    lager.rader = {
        **lager.rader,
        (Kategori.NAERING, "49"): [
            Kvartalstall(k, tall(50_000, "3000000", "210000"))
            for k in kvartaler("2024K1", "2025K4")
        ],
    }
    oversikt = lag_oversikt(transport, lager, kan_se_egne_tall=True, dag=ETTER_PUBLISERING)
    assert (oversikt.referanse.kategori, oversikt.referanse.kode) == (Kategori.NAERING, "49")
    assert oversikt.naeringskoder_i_bransjen == ()
    assert vist(panel(oversikt, Maal.TOTALT).referanse.prosent) == D("7.0")


def test_the_history_lines_cover_every_quarter_up_to_the_period() -> None:
    oversikt = lag_oversikt(
        BARNEHAGE, standardlager(), kan_se_egne_tall=True, dag=ETTER_PUBLISERING
    )
    assert oversikt.kvartaler == tuple(kvartaler("2024K1", "2025K4"))
    virksomheten = next(lin for lin in oversikt.linjer if lin.nokkel == "virksomhet")
    # 2024K1: 190 / 2 400 = 7,917 %; 2024K2: 193 / 2 400 = 8,042 %
    assert [vist(p.prosent) for p in virksomheten.punkter[:2]] == [D("7.9"), D("8.0")]
    assert [lin.nokkel for lin in oversikt.linjer] == [
        "virksomhet",
        "bransje",
        "sektor",
        "land",
        "fylke",
        "storrelse",
    ]


def test_the_gradert_trend_compares_the_graded_shares() -> None:
    lager = standardlager()
    egne = lager.rader[(Kategori.VIRKSOMHET, ORGNR)]
    # In 2024K4 only a tenth of the legemeldt loss was graded: 25,0 − 10,0 = +15,0 points
    fjor = egne[3].tall
    endret = Fravaerstall(
        antall_personer=fjor.antall_personer,
        mulige_dagsverk=fjor.mulige_dagsverk,
        tapte_dagsverk=fjor.tapte_dagsverk,
        tapte_dagsverk_egenmeldt=fjor.tapte_dagsverk_egenmeldt,
        tapte_dagsverk_legemeldt=fjor.tapte_dagsverk_legemeldt,
        tapte_dagsverk_gradert=fjor.tapte_dagsverk_legemeldt / 10,
        tapte_dagsverk_korttid=fjor.tapte_dagsverk_korttid,
        tapte_dagsverk_langtid=fjor.tapte_dagsverk_langtid,
    )
    assert egne[3].kvartal == Kvartal(2024, 4)
    lager.rader = {
        **lager.rader,
        (Kategori.VIRKSOMHET, ORGNR): [*egne[:3], Kvartalstall(egne[3].kvartal, endret), *egne[4:]],
    }
    oversikt = lag_oversikt(BARNEHAGE, lager, kan_se_egne_tall=True, dag=ETTER_PUBLISERING)
    gradert = panel(oversikt, Maal.GRADERT)
    assert gradert.egen is not None
    assert vist(gradert.egen.utvikling.prosentpoeng) == D("15.0")


def test_a_terskel_above_five_masks_more() -> None:
    oversikt = lag_oversikt(
        BARNEHAGE,
        standardlager(),
        kan_se_egne_tall=True,
        dag=ETTER_PUBLISERING,
        terskel=Terskel(20),
    )
    assert isinstance(panel(oversikt, Maal.TOTALT).egen.prosent, Maskert)  # type: ignore[union-attr]
    assert vist(panel(oversikt, Maal.TOTALT).referanse.prosent) == D("9.0")


def test_a_small_virksomhets_size_class_is_not_told_to_those_without_the_right() -> None:
    # «1-4 personer» would say that the virksomhet's own figures are masked.
    uten_rett = lag_oversikt(
        BARNEHAGE, standardlager(egne_personer=3), kan_se_egne_tall=False, dag=ETTER_PUBLISERING
    )
    assert uten_rett.storrelse is None
    assert "storrelse" not in {linje.nokkel for linje in uten_rett.linjer}
    med_rett = lag_oversikt(
        BARNEHAGE, standardlager(egne_personer=3), kan_se_egne_tall=True, dag=ETTER_PUBLISERING
    )
    assert med_rett.storrelse is not None and med_rett.storrelse.kode == "1-4"
