"""Calendar months (``naervaer.statistikk.maned``) and the engine's period plans."""

from __future__ import annotations

from datetime import date

import pytest

from naervaer.statistikk.kvartal import Kvartal
from naervaer.statistikk.maned import Maned, maneder, maneder_i
from naervaer.statistikk.perioder import KVARTAL_I_PLAN, Periodeplan


def test_a_month_knows_its_days_its_quarter_and_its_name() -> None:
    februar = Maned(2024, 2)
    assert (februar.start, februar.slutt) == (date(2024, 2, 1), date(2024, 2, 29))
    assert Maned(2023, 12).slutt == date(2023, 12, 31)
    assert februar.kvartal == Kvartal(2024, 1)
    assert Maned(2022, 3).navn == "mars 2022"
    assert str(Maned(2022, 3)) == "2022-03"


def test_month_arithmetic_crosses_years() -> None:
    assert Maned(2024, 12) + 1 == Maned(2025, 1)
    assert Maned(2022, 3) - 12 == Maned(2021, 3)
    assert Maned.fra_indeks(Maned(2024, 7).indeks) == Maned(2024, 7)
    assert maneder(Maned(2024, 11), Maned(2025, 2)) == [
        Maned(2024, 11),
        Maned(2024, 12),
        Maned(2025, 1),
        Maned(2025, 2),
    ]
    assert maneder_i(Kvartal(2024, 4)) == (Maned(2024, 10), Maned(2024, 11), Maned(2024, 12))


@pytest.mark.parametrize("tekst", ["2022-13", "2022-3", "mars 2022", "2022K1", ""])
def test_only_iso_months_are_read(tekst: str) -> None:
    with pytest.raises(ValueError):
        Maned.fra_tekst(tekst)


def test_a_plan_of_months_counts_only_the_quarters_it_holds_whole() -> None:
    tabell = Periodeplan(Maned(2024, 2), Maned(2024, 9), med_kvartaler=True).tabell()
    kvartaler = [
        (a, n)
        for a, i, n in zip(
            tabell["arstall"].to_pylist(),
            tabell["inndeling"].to_pylist(),
            tabell["nummer"].to_pylist(),
            strict=True,
        )
        if i == "kvartal"
    ]
    # February starts in the middle of the first quarter: only the second and third are whole.
    assert kvartaler == [(2024, 2), (2024, 3)]
    assert KVARTAL_I_PLAN + Kvartal(2024, 2).indeks in tabell["q"].to_pylist()
    assert len(tabell) == 8 + 2
