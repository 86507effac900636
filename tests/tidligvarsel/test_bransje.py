"""A department far above its bransje, over 2025K1-2025K4: 64 + 65 + 66 + 66 = 261 working days,
so five full-time persons have 1 305 mulige dagsverk."""

from __future__ import annotations

from decimal import Decimal

import pytest

from naervaer.statistikk.kvartal import Kvartal
from naervaer.statistikk.maskering import Vist, masker
from naervaer.tidligvarsel.bransje import over_bransjen
from naervaer.tidligvarsel.grunnlag import Arbeidsforhold, Avdeling, Avdelingstre
from naervaer.tidligvarsel.terskler import Terskler
from naervaer.tidligvarsel.tilfeller import slaa_sammen
from naervaer.tidligvarsel.varsel import Referanse
from tests.tidligvarsel.lag import jobb, syk

TRE = Avdelingstre([Avdeling(1, "Storbarn")])
FEM = [jobb(n) for n in range(1, 6)]
# 1 April-30 September 2025: 65 + 66 working days; 131 / 1 305 = 10,04 %.
HALVT_AAR = syk(1, "2025-04-01", "2025-09-30")


def vist(tekst: str) -> Vist:
    figur = masker(Decimal(tekst), 90_000)
    assert isinstance(figur, Vist)
    return figur


def referanse(prosent: str = "6.0") -> Referanse:
    return Referanse("bransjen barnehager", vist(prosent), Kvartal(2025, 4))


def varsler(
    forhold: list[Arbeidsforhold] = FEM, ref: Referanse | None = None, **terskler: object
) -> list:
    return over_bransjen(
        TRE,
        forhold,
        slaa_sammen([HALVT_AAR]),
        ref or referanse(),
        Terskler(**terskler),  # type: ignore[arg-type]
    )


def test_far_above() -> None:
    (varsel,) = varsler()
    assert (varsel.naa.verdi, varsel.mot.verdi) == (Decimal("10.0"), Decimal("6.0"))
    assert varsel.tittel == "Høyt sykefravær sammenlignet med bransjen"
    assert varsel.rad.funn == (
        "Sykefraværet i Storbarn var 10,0 % de siste fire kvartalene (1. januar 2025 – "
        "31. desember 2025), mot 6,0 % i bransjen barnehager. Det er 1,7 ganger så høyt, og "
        "grensen for varsel er 1,5 ganger."
    )
    assert varsel.rad.temaer == ("forebyggende", "psykisk_helse_og_stress")


@pytest.mark.parametrize(
    ("forhold", "ref", "terskler"),
    [
        pytest.param(FEM, referanse(), {"bransje_faktor": Decimal("1.7")}, id="under_1_7"),
        pytest.param(FEM, referanse("6.7"), {}, id="under_1_5_of_6_7"),
        # 10,0 % is exactly 2 × 5,0 %: not above.
        pytest.param(FEM, referanse("5.0"), {"bransje_faktor": Decimal(2)}, id="boundary"),
        pytest.param(FEM[:4], referanse(), {}, id="four_persons_are_masked"),
        pytest.param(
            [jobb(n, fra="2025-04-01") for n in range(1, 6)], referanse(), {}, id="three_quarters"
        ),
        pytest.param(FEM, referanse("0.0"), {}, id="a_bransje_without_absence"),
    ],
)
def test_not_warned(
    forhold: list[Arbeidsforhold], ref: Referanse, terskler: dict[str, object]
) -> None:
    assert varsler(forhold, ref, **terskler) == []
