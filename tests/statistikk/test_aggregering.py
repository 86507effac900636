from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from naervaer.statistikk.aggregering import (
    Fravaerstall,
    Fravaerstype,
    Kvartalstall,
    antall_personer,
    gradert_prosent,
    korttid_prosent,
    langtid_prosent,
    mulige_dagsverk,
    prosent,
    siste_fire_kvartaler,
    tapte_dagsverk,
    trend,
    verdi,
)
from naervaer.statistikk.kvartal import Kvartal
from naervaer.statistikk.maskering import MASKERT, Terskel, Vist

D = Decimal


def tall(
    personer: int = 10,
    mulige: str = "1000",
    tapte: str = "68",
    *,
    egenmeldt: str = "8",
    legemeldt: str = "60",
    gradert: str = "15",
    korttid: str = "20",
    langtid: str = "48",
) -> Fravaerstall:
    return Fravaerstall(
        personer,
        D(mulige),
        D(tapte),
        D(egenmeldt),
        D(legemeldt),
        D(gradert),
        D(korttid),
        D(langtid),
    )


def rad(tekst: str, personer: int = 10, mulige: str = "1000", tapte: str = "68") -> Kvartalstall:
    return Kvartalstall(Kvartal.fra_tekst(tekst), tall(personer, mulige, tapte))


def test_prosent_of_each_breakdown() -> None:
    t = tall()
    assert verdi(prosent(t)) == D("6.8")
    assert verdi(prosent(t, Fravaerstype.EGENMELDT)) == D("0.8")
    assert verdi(prosent(t, Fravaerstype.LEGEMELDT)) == D("6.0")
    assert verdi(korttid_prosent(t)) == D("2.0")
    assert verdi(langtid_prosent(t)) == D("4.8")


def test_gradert_prosent_is_a_share_of_legemeldt() -> None:
    assert verdi(gradert_prosent(tall())) == D("25.0")


def test_gradert_prosent_without_legemeldt_is_missing() -> None:
    assert gradert_prosent(tall(legemeldt="0", gradert="0")) is None


def test_prosent_rounds_half_up_on_full_precision() -> None:
    assert verdi(prosent(tall(mulige="1000", tapte="68.5"))) == D("6.9")
    assert verdi(prosent(tall(mulige="3", tapte="0.2035"))) == D("6.8")


def test_figures_of_four_persons_are_masked() -> None:
    t = tall(personer=4)
    for figur in (
        prosent(t),
        gradert_prosent(t),
        korttid_prosent(t),
        langtid_prosent(t),
        tapte_dagsverk(t),
        mulige_dagsverk(t),
        antall_personer(t),
    ):
        assert figur is MASKERT


def test_antall_personer_is_a_whole_number() -> None:
    figur = antall_personer(tall(personer=12))
    assert isinstance(figur, Vist)
    assert figur.verdi == D(12)


def test_siste_fire_kvartaler_sums_numerators_and_denominators() -> None:
    rader = [
        rad("2024K1", 10, "1000", "50"),
        rad("2024K2", 12, "1000", "70"),
        rad("2024K3", 11, "500", "30"),
        rad("2024K4", 9, "1500", "90"),
        rad("2023K4", 50, "9999", "9999"),  # outside the window
    ]
    siste = siste_fire_kvartaler(rader, Kvartal(2024, 4))
    assert siste.kvartaler == tuple(Kvartal(2024, k) for k in (1, 2, 3, 4))
    assert siste.er_fullstendig
    assert siste.tall is not None
    assert siste.tall.antall_personer == 12
    assert siste.tall.tapte_dagsverk == D(240)
    # 240 / 4000, not the mean of the quarterly percentages
    assert verdi(prosent(siste.tall)) == D("6.0")


def test_siste_fire_kvartaler_skips_missing_quarters_and_says_so() -> None:
    rader = [rad("2024K2"), rad("2024K4")]
    siste = siste_fire_kvartaler(rader, Kvartal(2024, 4))
    assert siste.kvartaler == (Kvartal(2024, 2), Kvartal(2024, 4))
    assert not siste.er_fullstendig


def test_siste_fire_kvartaler_without_data() -> None:
    siste = siste_fire_kvartaler([rad("2020K1")], Kvartal(2024, 4))
    assert siste.kvartaler == ()
    assert siste.tall is None
    assert prosent(siste.tall) is None
    assert not siste.er_maskert()


def test_siste_fire_kvartaler_is_shown_when_one_quarter_has_enough_persons() -> None:
    rader = [rad("2024K1", 3), rad("2024K2", 5), rad("2024K3", 4), rad("2024K4", 2)]
    siste = siste_fire_kvartaler(rader, Kvartal(2024, 4))
    assert not siste.er_maskert()
    assert isinstance(prosent(siste.tall), Vist)


def test_siste_fire_kvartaler_is_masked_below_the_threshold() -> None:
    rader = [rad("2024K1", 4), rad("2024K2", 4), rad("2024K3", 4), rad("2024K4", 4)]
    siste = siste_fire_kvartaler(rader, Kvartal(2024, 4))
    assert siste.er_maskert()
    assert prosent(siste.tall) is MASKERT


def test_trend_in_percentage_points() -> None:
    rader = [rad("2023K4", tapte="63"), rad("2024K4", tapte="68")]
    t = trend(rader, Kvartal(2024, 4))
    assert t.sammenlignet_med == Kvartal(2023, 4)
    assert verdi(t.prosentpoeng) == D("0.5")
    assert not t.er_maskert


def test_trend_is_the_difference_of_the_shown_percentages() -> None:
    # 6.849 → 6.8 and 6.351 → 6.4: the trend is 0.4, as a reader of the two figures would say.
    rader = [
        rad("2023K4", mulige="1000", tapte="63.51"),
        rad("2024K4", mulige="1000", tapte="68.49"),
    ]
    assert verdi(trend(rader, Kvartal(2024, 4)).prosentpoeng) == D("0.4")


def test_trend_can_fall() -> None:
    rader = [rad("2023K4", tapte="70"), rad("2024K4", tapte="68")]
    assert verdi(trend(rader, Kvartal(2024, 4)).prosentpoeng) == D("-0.2")


@pytest.mark.parametrize(("naa", "da"), [(4, 100), (100, 4), (3, 3)])
def test_trend_is_masked_unless_both_quarters_have_enough_persons(naa: int, da: int) -> None:
    rader = [rad("2023K4", da), rad("2024K4", naa)]
    t = trend(rader, Kvartal(2024, 4))
    assert t.prosentpoeng is MASKERT
    assert t.er_maskert


def test_trend_without_last_year_is_missing() -> None:
    assert trend([rad("2024K4")], Kvartal(2024, 4)).prosentpoeng is None


def test_the_threshold_is_configurable() -> None:
    rader = [rad("2023K4", 8), rad("2024K4", 12)]
    assert trend(rader, Kvartal(2024, 4), terskel=Terskel(10)).prosentpoeng is MASKERT


def test_two_rows_for_one_quarter_is_an_error() -> None:
    with pytest.raises(ValueError, match="samme kvartal"):
        siste_fire_kvartaler([rad("2024K4"), rad("2024K4")], Kvartal(2024, 4))


# --- Properties -----------------------------------------------------------------------------------

_kvartalsrad = st.builds(
    lambda indeks, personer, mulige, andel: Kvartalstall(
        Kvartal.fra_indeks(8096 + indeks),
        Fravaerstall(personer, D(mulige), D(mulige) * D(andel) / 100),
    ),
    st.integers(0, 11),
    st.integers(0, 12),
    st.integers(0, 5000),
    st.integers(0, 100),
)
_rader = st.lists(_kvartalsrad, max_size=12, unique_by=lambda r: r.kvartal)


@given(_rader, st.integers(0, 11), st.sampled_from(list(Fravaerstype)))
def test_no_served_figure_comes_from_fewer_than_five_persons(
    rader: list[Kvartalstall], indeks: int, fravaerstype: Fravaerstype
) -> None:
    periode = Kvartal.fra_indeks(8096 + indeks)
    siste = siste_fire_kvartaler(rader, periode)
    brukte = [r for r in rader if r.kvartal in siste.kvartaler]
    assert len(brukte) == len(siste.kvartaler)
    for figur in (
        prosent(siste.tall, fravaerstype),
        tapte_dagsverk(siste.tall, fravaerstype),
        mulige_dagsverk(siste.tall),
        antall_personer(siste.tall),
    ):
        if isinstance(figur, Vist):
            assert max(r.tall.antall_personer for r in brukte) >= 5
    for r in rader:
        if r.tall.antall_personer < 5:
            assert prosent(r.tall, fravaerstype) is MASKERT


@given(_rader, st.integers(0, 11))
def test_a_trend_is_masked_unless_both_quarters_have_five_persons(
    rader: list[Kvartalstall], indeks: int
) -> None:
    periode = Kvartal.fra_indeks(8096 + indeks)
    t = trend(rader, periode)
    personer = {r.kvartal: r.tall.antall_personer for r in rader}
    if isinstance(t.prosentpoeng, Vist):
        assert personer[periode] >= 5
        assert personer[periode - 4] >= 5
    elif (
        periode in personer
        and periode - 4 in personer
        and min(personer[periode], personer[periode - 4]) < 5
    ):
        assert t.prosentpoeng is MASKERT
