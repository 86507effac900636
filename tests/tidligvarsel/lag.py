"""Short ways to write the inputs of the early-warning tests."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from naervaer.oppfolging.tilfelle import Fravaerstype
from naervaer.tidligvarsel.grunnlag import Arbeidsforhold, Fravaersperiode


def d(tekst: str) -> date:
    return date.fromisoformat(tekst)


def egen(ansatt: int, fra: str, til: str) -> Fravaersperiode:
    return Fravaersperiode(ansatt, d(fra), d(til), Fravaerstype.EGENMELDING, Decimal(100))


def syk(ansatt: int, fra: str, til: str, grad: int = 100) -> Fravaersperiode:
    return Fravaersperiode(ansatt, d(fra), d(til), Fravaerstype.SYKMELDING, Decimal(grad))


def jobb(
    ansatt: int,
    avdeling: int = 1,
    fra: str = "2020-01-01",
    til: str | None = None,
    stilling: str = "100",
) -> Arbeidsforhold:
    return Arbeidsforhold(ansatt, avdeling, d(fra), d(til) if til else None, Decimal(stilling))
