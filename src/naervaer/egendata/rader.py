"""Typed rows, ready for an upsert on their natural keys.

A row checks its own invariants, so a row that breaks a rule cannot exist even if someone builds
one by hand; ``kontroll`` is the one place rows are made from files, and it reports every broken
rule as a ``Feil`` before it gets here. ``kilde`` tells where a row came from and takes no part in
equality: the same employee read from two layouts is the same row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from naervaer.egendata.feil import Kilde
from naervaer.oppfolging.tilfelle import Fravaerstype

HUNDRE = Decimal(100)
LAVESTE_GRAD = Decimal(20)
HUNDREDELER = Decimal("0.01")
"""Stillingsprosent and grad are stored with two decimals, as the statistics engine reads them."""


def _to_desimaler(navn: str, verdi: Decimal) -> None:
    if verdi.quantize(HUNDREDELER) != verdi:
        raise ValueError(f"{navn} kan ha høyst to desimaler, ikke {verdi}")


@dataclass(frozen=True, slots=True)
class Ansatt:
    ansattnummer: str
    navn: str | None
    kilde: Kilde = field(compare=False, repr=False)

    def __post_init__(self) -> None:
        if not self.ansattnummer or self.ansattnummer != self.ansattnummer.strip():
            raise ValueError(f"ugyldig ansattnummer {self.ansattnummer!r}")

    @property
    def noekkel(self) -> str:
        return self.ansattnummer


@dataclass(frozen=True, slots=True)
class Arbeidsforhold:
    ansattnummer: str
    avdeling: str
    avdelingsnavn: str | None
    fra_dato: date
    til_dato: date | None
    stillingsprosent: Decimal
    kilde: Kilde = field(compare=False, repr=False)
    overordnet: str | None = None
    """The code of the department this one lies under: "" at the top, None when the file does
    not say (the stored tree is then left as it is)."""

    def __post_init__(self) -> None:
        if self.overordnet == self.avdeling:
            raise ValueError(f"avdeling {self.avdeling} kan ikke ligge under seg selv")
        if not self.ansattnummer or not self.avdeling:
            raise ValueError("et arbeidsforhold må ha ansattnummer og avdeling")
        if self.til_dato is not None and self.til_dato < self.fra_dato:
            raise ValueError(f"arbeidsforholdet slutter {self.til_dato} før det begynner")
        if not 0 < self.stillingsprosent <= HUNDRE:
            raise ValueError(f"stillingsprosent {self.stillingsprosent} er ikke i (0, 100]")
        _to_desimaler("stillingsprosent", self.stillingsprosent)

    @property
    def noekkel(self) -> tuple[str, date]:
        return (self.ansattnummer, self.fra_dato)


@dataclass(frozen=True, slots=True)
class Fravaer:
    ansattnummer: str
    fra_dato: date
    til_dato: date
    type: Fravaerstype
    grad: Decimal
    kilde: Kilde = field(compare=False, repr=False)

    def __post_init__(self) -> None:
        if not self.ansattnummer:
            raise ValueError("et fravær må ha ansattnummer")
        if self.til_dato < self.fra_dato:
            raise ValueError(f"fraværet slutter {self.til_dato} før det begynner")
        if not LAVESTE_GRAD <= self.grad <= HUNDRE:
            raise ValueError(f"grad {self.grad} er ikke mellom 20 og 100")
        if self.type is Fravaerstype.EGENMELDING and self.grad != HUNDRE:
            raise ValueError("en egenmelding har alltid grad 100")
        _to_desimaler("grad", self.grad)

    @property
    def noekkel(self) -> tuple[str, date, Fravaerstype]:
        return (self.ansattnummer, self.fra_dato, self.type)
