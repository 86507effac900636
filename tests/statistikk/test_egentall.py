"""The own statistics as a page shows them (``naervaer.statistikk.egentall``)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from naervaer.statistikk.aggregering import Fravaerstall
from naervaer.statistikk.avdelinger import Avdelingstre, direkte
from naervaer.statistikk.egentall import (
    VIRKSOMHETEN,
    Egenoversikt,
    Egne,
    i_fjor,
    lag_egenoversikt,
    standardperiode,
)
from naervaer.statistikk.enheter import Kategori
from naervaer.statistikk.kvartal import Kvartal
from naervaer.statistikk.maned import Maned, maneder
from naervaer.statistikk.maskering import MASKERT, Maskert, Vist
from naervaer.statistikk.oversikt import Enhet, Maal
from naervaer.statistikk.perioder import Inndeling, Periode

# Barnehagen (A) > Småbarn (A1, 4 persons), Storbarn (A2, 6), and 1 person in A itself;
# Kjøkken (K, 8). The virksomhet has 19.
TRE = Avdelingstre(
    {"A": None, "A1": "A", "A2": "A", "K": None},
    {"A": "Barnehagen", "A1": "Småbarn", "A2": "Storbarn", "K": "Kjøkken"},
)
PERSONER = {None: 19, "A": 11, "A1": 4, "A2": 6, direkte("A"): 1, "K": 8}
MANEDER: list[Periode] = list(maneder(Maned(2024, 1), Maned(2025, 3)))
KVARTALER: list[Periode] = [Kvartal(2024, k) for k in (1, 2, 3, 4)] + [Kvartal(2025, 1)]
DAG = date(2025, 4, 10)


def _tall(personer: int, prosent: str, *, egenmeldt: str = "0") -> Fravaerstall:
    """100 mulige dagsverk per person; ``prosent`` of them lost, ``egenmeldt`` of that self-
    certified and the rest on a doctor's note, half of it graded."""
    mulige = Decimal(100 * personer)
    tapte = mulige * Decimal(prosent) / 100
    egen = mulige * Decimal(egenmeldt) / 100
    lege = tapte - egen
    return Fravaerstall(personer, mulige, tapte, egen, lege, lege / 2, egen, lege)


def _egne(prosent_mars_2025: str = "6") -> Egne:
    tall = {}
    for periode in [*MANEDER, *KVARTALER]:
        for enhet, personer in PERSONER.items():
            prosent = prosent_mars_2025 if periode == Maned(2025, 3) else "5"
            tall[(enhet, periode)] = _tall(personer, prosent, egenmeldt="1")
    return Egne.med_maskering(tall, TRE, [*MANEDER, *KVARTALER])


def _oversikt(egne: Egne | None = None, **valg: object) -> Egenoversikt:
    argumenter: dict[str, object] = {
        "virksomhetsnavn": "Solsikken",
        "inndeling": Inndeling.MANED,
        "periode": None,
        "enhet": None,
        "synlige": None,
        "ser_virksomheten": True,
        "dag": DAG,
    }
    argumenter.update(valg)
    oversikt = lag_egenoversikt(egne or _egne(), **argumenter)  # type: ignore[arg-type]
    assert oversikt is not None
    return oversikt


def test_the_default_period_is_the_newest_that_is_over() -> None:
    assert standardperiode(MANEDER, DAG) == Maned(2025, 3)
    assert standardperiode(MANEDER, date(2025, 3, 31)) == Maned(2025, 2)
    assert standardperiode([Maned(2025, 3)], date(2025, 3, 5)) == Maned(2025, 3)
    assert standardperiode([], DAG) is None


def test_the_same_period_last_year() -> None:
    assert i_fjor(Maned(2022, 3)) == Maned(2021, 3)
    assert i_fjor(Kvartal(2022, 1)) == Kvartal(2021, 1)


def test_march_against_march_last_year() -> None:
    o = _oversikt(_egne(prosent_mars_2025="6.4"), periode=Maned(2025, 3))
    assert (o.periode, o.i_fjor) == (Maned(2025, 3), Maned(2024, 3))
    totalt = next(n for n in o.nokkeltall if n.maal is Maal.TOTALT)
    assert totalt.naa == _vist("6.4") and totalt.i_fjor == _vist("5.0")
    assert totalt.endring == _vist("1.4")
    egen = next(n for n in o.nokkeltall if n.maal is Maal.EGENMELDT)
    lege = next(n for n in o.nokkeltall if n.maal is Maal.LEGEMELDT)
    assert (egen.naa, lege.naa) == (_vist("1.0"), _vist("5.4"))
    # Months have no national figure to compare with.
    assert o.bransje is None and all(n.bransje is None for n in o.nokkeltall)
    assert o.antall_personer == _vist("19")


def _vist(tekst: str) -> Vist:
    from naervaer.statistikk.maskering import masker

    figur = masker(Decimal(tekst), 100, desimaler=0 if "." not in tekst else 1)
    assert isinstance(figur, Vist)
    return figur


def test_quarters_are_compared_with_the_bransje_of_the_same_quarter() -> None:
    bransje = Enhet(Kategori.BRANSJE, "BARNEHAGER", "Bransjen barnehager")
    o = _oversikt(
        inndeling=Inndeling.KVARTAL,
        bransje=bransje,
        bransjetall={Kvartal(2025, 1): _tall(90_000, "9"), Kvartal(2024, 4): _tall(90_000, "8")},
    )
    assert o.periode == Kvartal(2025, 1)
    totalt = next(n for n in o.nokkeltall if n.maal is Maal.TOTALT)
    assert totalt.bransje == _vist("9.0")
    serie = next(s for s in o.serier if s.nokkel == "bransje")
    assert serie.punkter[-2:] == (_vist("8.0"), _vist("9.0"))
    assert serie.punkter[0] is None  # no national figure loaded for 2024K1


def test_the_department_tree_hides_what_could_give_a_small_department_away() -> None:
    rader = {r.enhet: r for r in _oversikt().avdelinger}
    assert list(rader) == ["A", direkte("A"), "A1", "A2", "K"]
    # Småbarn (4) and the one person in Barnehagen itself are too few. Together they are five,
    # so Barnehagen − Storbarn (their sum) may be known, and Storbarn stays shown.
    for enhet in (direkte("A"), "A1"):
        assert isinstance(rader[enhet].totalt, Maskert), enhet
        assert isinstance(rader[enhet].antall_personer, Maskert), enhet
        assert isinstance(rader[enhet].endring, Maskert), enhet
    for enhet in ("A", "A2", "K"):
        assert rader[enhet].totalt == _vist("6.0"), enhet
        assert rader[enhet].endring == _vist("1.0"), enhet
    assert rader["A"].antall_personer == _vist("11")
    assert [r.niva for r in rader.values()] == [1, 2, 2, 2, 1]
    assert rader["A1"].overordnet == "Barnehagen" and rader["A"].overordnet is None
    assert rader[direkte("A")].navn == "Ansatte direkte i Barnehagen"


def test_a_leader_sees_the_departments_led_and_the_virksomhet_only() -> None:
    o = _oversikt(synlige=frozenset({"A1"}), enhet="K")
    assert [e.nokkel for e in o.enheter] == [VIRKSOMHETEN, "A1"]
    # A link to a department the leader does not lead shows the default unit instead.
    assert o.enhet.nokkel == VIRKSOMHETEN
    assert [r.enhet for r in o.avdelinger] == ["A1"]
    assert o.avdelinger[0].niva == 1 and o.avdelinger[0].overordnet is None
    led = _oversikt(synlige=frozenset({"A", "A1", "A2"}), enhet="A1")
    assert [r.enhet for r in led.avdelinger] == ["A", direkte("A"), "A1", "A2"]
    assert led.enhet.nokkel == "A1"
    assert all(isinstance(n.naa, Maskert) for n in led.nokkeltall)


def test_without_the_virksomhet_and_without_departments_there_is_nothing_to_show() -> None:
    assert (
        lag_egenoversikt(
            _egne(),
            virksomhetsnavn="Solsikken",
            inndeling=Inndeling.MANED,
            periode=None,
            enhet=None,
            synlige=frozenset(),
            ser_virksomheten=False,
            dag=DAG,
        )
        is None
    )


def test_the_history_ends_with_the_chosen_period_and_is_at_most_two_years() -> None:
    o = _oversikt(periode=Maned(2024, 6))
    assert o.historikk[0] == Maned(2024, 1) and o.historikk[-1] == Maned(2024, 6)
    assert o.historikkrader()[0][0] == Maned(2024, 6)
    assert [s.nokkel for s in o.serier] == ["totalt", "egenmeldt", "legemeldt"]
    assert len(_oversikt().historikk) == 15


def test_a_period_that_is_not_computed_falls_back_to_the_default() -> None:
    assert _oversikt(periode=Maned(2030, 1)).periode == Maned(2025, 3)
    assert _oversikt(inndeling=Inndeling.KVARTAL, periode=Maned(2025, 3)).periode == Kvartal(
        2025, 1
    )


@pytest.mark.parametrize("enhet", ["A1", direkte("A")])
def test_a_masked_unit_shows_no_figure_at_all(enhet: str) -> None:
    o = _oversikt(enhet=enhet if enhet == "A1" else "A1")
    assert o.antall_personer is MASKERT and o.tapte_dagsverk is MASKERT
    assert o.mulige_dagsverk is MASKERT
    assert all(p is MASKERT for s in o.serier for p in s.punkter)
