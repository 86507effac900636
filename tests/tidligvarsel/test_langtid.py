"""Rising long-term absence on 31 March 2026: the last three months are 2026K1 (64 working days),
a year earlier 2025K1 (also 64), the three months before 2025K4 (66). Five full-time persons
give 320 mulige dagsverk in each quarter of 64 days and 330 in 2025K4."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from naervaer.tidligvarsel.grunnlag import Avdeling, Avdelingstre, Fravaersperiode
from naervaer.tidligvarsel.langtid import okende_langtid, tidsrom
from naervaer.tidligvarsel.terskler import Sammenligning, Terskler
from naervaer.tidligvarsel.tidsrom import Tidsrom
from naervaer.tidligvarsel.tilfeller import slaa_sammen
from tests.tidligvarsel.lag import d, egen, jobb, syk

DAG = date(2026, 3, 31)
TRE = Avdelingstre([Avdeling(1, "Lager")])
FEM = [jobb(n) for n in range(1, 6)]
# 2-27 February and 2-13 March: 20 + 10 working days; 30 / 320 = 9,375 %.
LANG = syk(1, "2026-02-02", "2026-03-13")
# 2-20 March at 50 %: 15 × 0,5 = 7,5; 7,5 / 320 = 2,34 %.
GRADERT = syk(2, "2026-03-02", "2026-03-20", 50)
# 3-28 November 2025: 20 working days; 20 / 330 = 6,06 %.
I_FJOR_HOST = syk(3, "2025-11-03", "2025-11-28")


def test_the_spans() -> None:
    assert tidsrom(DAG, Sammenligning.I_FJOR) == (
        Tidsrom(d("2026-01-01"), DAG),
        Tidsrom(d("2025-01-01"), d("2025-03-31")),
    )
    assert tidsrom(DAG, Sammenligning.FORRIGE)[1] == Tidsrom(d("2025-10-01"), d("2025-12-31"))


def varsler(perioder: list[Fravaersperiode], forhold: list = FEM, **terskler: object) -> list:
    return okende_langtid(TRE, forhold, slaa_sammen(perioder), DAG, Terskler(**terskler))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("perioder", "terskler", "naa", "mot"),
    [
        pytest.param([LANG], {}, "9.4", "0.0", id="from_nothing"),
        pytest.param([GRADERT], {}, "2.3", "0.0", id="graded_just_over"),
        pytest.param(
            [LANG, I_FJOR_HOST],
            {"langtid_sammenligning": Sammenligning.FORRIGE},
            "9.4",
            "6.1",
            id="against_the_three_months_before",
        ),
    ],
)
def test_warned(
    perioder: list[Fravaersperiode], terskler: dict[str, object], naa: str, mot: str
) -> None:
    (varsel,) = varsler(perioder, **terskler)
    assert (varsel.avdeling, varsel.naa.verdi, varsel.mot.verdi) == (1, Decimal(naa), Decimal(mot))


@pytest.mark.parametrize(
    ("perioder", "forhold", "terskler"),
    [
        pytest.param([GRADERT], FEM, {"langtid_okning": Decimal("2.3")}, id="not_more_than"),
        pytest.param([egen(1, "2026-03-02", "2026-03-04")], FEM, {}, id="short_absence_only"),
        pytest.param([LANG], FEM[:4], {}, id="four_persons_are_masked"),
        pytest.param(
            [LANG], [*FEM[:4], jobb(5, fra="2025-06-01")], {}, id="four_persons_a_year_earlier"
        ),
        pytest.param(
            [syk(1, "2025-02-03", "2025-03-14"), LANG], FEM, {}, id="as_high_a_year_earlier"
        ),
    ],
)
def test_not_warned(
    perioder: list[Fravaersperiode], forhold: list, terskler: dict[str, object]
) -> None:
    assert varsler(perioder, forhold, **terskler) == []


def test_what_the_warning_says() -> None:
    (varsel,) = varsler([LANG, I_FJOR_HOST], langtid_sammenligning=Sammenligning.FORRIGE)
    assert varsel.tittel == "Økende langtidsfravær"
    assert varsel.rad.funn == (
        "Langtidsfraværet (tilfeller på 17 dager eller mer) i Lager var 9,4 % av mulige "
        "dagsverk de siste tre månedene (1. januar–31. mars 2026), mot 6,1 % de tre månedene "
        "før (1. oktober–31. desember 2025). Det er 3,3 prosentpoeng mer, og grensen for varsel "
        "er 2,0 prosentpoeng."
    )
    assert varsel.rad.temaer == ("under_sykmelding", "tilrettelegging", "tilbake_i_arbeid")


def test_a_department_counts_with_those_below_it() -> None:
    tre = Avdelingstre([Avdeling(1, "Drift"), Avdeling(2, "Lager", 1), Avdeling(3, "Verksted", 1)])
    # Lager (3) and Verksted (2) are each too small; Drift with both is five.
    forhold = [jobb(1, 2), jobb(2, 2), jobb(3, 2), jobb(4, 3), jobb(5, 3)]
    (varsel,) = okende_langtid(tre, forhold, slaa_sammen([LANG]), DAG, Terskler())
    assert (varsel.navn, varsel.naa.verdi) == ("Drift", Decimal("9.4"))
