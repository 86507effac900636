"""Folketrygdens grunnbeløp (G) as a dated table, and the sykepenger limits that follow from it.

G changes every 1 May, decided by the Storting some weeks later with effect from that day; a new
year's G is a new row here. Figures from NAV's table of the grunnbeløp (nav.no, «Grunnbeløpet i
folketrygden»); 1 May 2024: 124 028 kr, as in the rules of this project. Sykepenger cover income up
to 6 G and need income of at least 0.5 G (folketrygdloven §§ 8-10 and 8-3).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from naervaer.oppfolging.regler import Kilde

NAV_GRUNNBELOP = Kilde("NAV: Grunnbeløpet i folketrygden", "https://www.nav.no/grunnbelopet")
FTRL_8_10 = Kilde("ftrl. § 8-10", "https://lovdata.no/lov/1997-02-28-19/§8-10")
FTRL_8_3 = Kilde("ftrl. § 8-3", "https://lovdata.no/lov/1997-02-28-19/§8-3")


@dataclass(frozen=True, slots=True)
class Grunnbelop:
    gjelder_fra: date
    belop: int
    kilde: Kilde = NAV_GRUNNBELOP


GRUNNBELOP: tuple[Grunnbelop, ...] = (
    Grunnbelop(date(2020, 5, 1), 101_351),
    Grunnbelop(date(2021, 5, 1), 106_399),
    Grunnbelop(date(2022, 5, 1), 111_477),
    Grunnbelop(date(2023, 5, 1), 118_620),
    Grunnbelop(date(2024, 5, 1), 124_028),
    Grunnbelop(date(2025, 5, 1), 130_160),
)

SYKEPENGER_TAK_G = 6
SYKEPENGER_GULV_G = Decimal("0.5")


def grunnbelop(dag: date, tabell: tuple[Grunnbelop, ...] = GRUNNBELOP) -> Grunnbelop:
    """The G in force on ``dag``. After the newest row it stays in force until a new row is
    added, so the caller can show which G («per 1. mai 2025») a figure is computed with."""
    gjeldende = [g for g in tabell if g.gjelder_fra <= dag]
    if not gjeldende:
        raise ValueError(f"Grunnbeløpet for {dag.isoformat()} er ikke i tabellen.")
    return max(gjeldende, key=lambda g: g.gjelder_fra)


def er_kjent(dag: date, tabell: tuple[Grunnbelop, ...] = GRUNNBELOP) -> bool:
    """False from the 1 May after the newest row: that year's G is missing from the table (or not
    decided yet), and figures computed with the older one should say so."""
    nyeste = max(g.gjelder_fra for g in tabell)
    return dag < nyeste.replace(year=nyeste.year + 1)


def sykepenger_tak(dag: date) -> int:
    """Yearly income above which sykepenger are not paid: 6 G."""
    return SYKEPENGER_TAK_G * grunnbelop(dag).belop


def sykepenger_gulv(dag: date) -> Decimal:
    """Yearly income needed for sykepenger: 0.5 G (kroner, may have a half krone)."""
    return SYKEPENGER_GULV_G * grunnbelop(dag).belop
