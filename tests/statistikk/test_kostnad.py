from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from naervaer.statistikk.kostnad import (
    STANDARD_KOSTNAD_PER_DAG,
    KostnadPerDag,
    Modus,
    arsverk,
    beregn_dagsverk,
    beregn_prosent,
    tapte_dagsverk_ved_prosent,
)

D = Decimal


def test_the_default_cost_per_day_carries_its_source() -> None:
    assert STANDARD_KOSTNAD_PER_DAG.belop == D(4700)
    assert STANDARD_KOSTNAD_PER_DAG.kilde == "NAV"
    assert STANDARD_KOSTNAD_PER_DAG.dato == date(2026, 5, 1)
    assert "SINTEF" in STANDARD_KOSTNAD_PER_DAG.beskrivelse
    assert STANDARD_KOSTNAD_PER_DAG.tidligere_belop == (D(2600), D(4200))


def test_dagsverk_mode() -> None:
    kostnad = beregn_dagsverk(D("120.5"))
    assert kostnad.modus is Modus.DAGSVERK
    assert kostnad.kostnad == D(566_350)


def test_prosent_mode() -> None:
    # 6.8 % of 4 000 mulige dagsverk is 272 dagsverk.
    assert beregn_prosent(D("6.8"), D(4000)).kostnad == D(1_278_400)


def test_the_two_modes_agree() -> None:
    assert beregn_prosent(D("6.8"), D(4000)).kostnad == beregn_dagsverk(D(272)).kostnad


def test_a_target_gives_a_saving() -> None:
    kostnad = beregn_prosent(D("6.8"), D(4000), D("5.0"))
    assert kostnad.kostnad_ved_maal == D(940_000)
    assert kostnad.besparelse == D(338_400)
    assert beregn_dagsverk(D(100), "80").besparelse == D(94_000)


@pytest.mark.parametrize("maal", [None, "", "  "])
def test_an_empty_target_gives_no_saving(maal: str | None) -> None:
    kostnad = beregn_dagsverk(D(100), maal)
    assert kostnad.kostnad == D(470_000)
    assert kostnad.besparelse is None
    assert kostnad.kostnad_ved_maal is None


def test_a_target_accepts_a_decimal_comma() -> None:
    assert beregn_prosent(D("6.8"), D(4000), "5,0").besparelse == D(338_400)


def test_a_target_above_today_costs() -> None:
    besparelse = beregn_prosent(D("5.0"), D(4000), D("6.0")).besparelse
    assert besparelse is not None and besparelse < 0


def test_a_bad_target_is_refused() -> None:
    with pytest.raises(ValueError, match="ikke et tall"):
        beregn_dagsverk(D(100), "mye")


def test_the_user_can_change_the_cost_per_day() -> None:
    egen = KostnadPerDag(D(3000), kilde="Egen beregning", dato=date(2026, 1, 1))
    kostnad = beregn_dagsverk(D(10), kostnad_per_dag=egen)
    assert kostnad.kostnad == D(30_000)
    assert kostnad.kostnad_per_dag is egen


def test_it_refuses_impossible_inputs() -> None:
    with pytest.raises(ValueError):
        beregn_prosent(D(101), D(100))
    with pytest.raises(ValueError):
        beregn_dagsverk(D(-1))
    with pytest.raises(ValueError):
        KostnadPerDag(D(-1), kilde="x", dato=date(2026, 1, 1))


def test_it_rounds_to_whole_kroner_half_up() -> None:
    egen = KostnadPerDag(D(1), kilde="x", dato=date(2026, 1, 1))
    assert beregn_dagsverk(D("2.5"), kostnad_per_dag=egen).kostnad == D(3)


def test_arsverk() -> None:
    assert arsverk(D(460)) == D("2.0")


def test_a_percentage_as_tapte_dagsverk() -> None:
    # 6.8 % of 4 000 mulige dagsverk is 272 dagsverk, which is what prosent mode prices.
    assert tapte_dagsverk_ved_prosent(D("6.8"), D(4000)) == D(272)
    assert (
        beregn_prosent(D("6.8"), D(4000)).kostnad
        == beregn_dagsverk(tapte_dagsverk_ved_prosent(D("6.8"), D(4000))).kostnad
    )
    with pytest.raises(ValueError):
        tapte_dagsverk_ved_prosent(D(101), D(100))
    with pytest.raises(ValueError):
        tapte_dagsverk_ved_prosent(D(5), D(-1))
