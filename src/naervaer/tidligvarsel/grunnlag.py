"""The inputs: absence periods, employments and departments, as plain values."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from naervaer.oppfolging.tilfelle import Fravaerstype
from naervaer.statistikk.publisering import kort_datotekst


@dataclass(frozen=True, slots=True)
class Fravaersperiode:
    """One period of sick leave of one employee (``ansatt`` is the employee's key)."""

    ansatt: int
    fra: date
    til: date
    type: Fravaerstype
    grad: Decimal

    def __post_init__(self) -> None:
        hvor = f"Fraværet fra {kort_datotekst(self.fra)} (ansatt {self.ansatt})"
        if self.til < self.fra:
            raise ValueError(f"{hvor} slutter {kort_datotekst(self.til)}, før det begynner.")
        if not Decimal(20) <= self.grad <= Decimal(100):
            raise ValueError(f"{hvor} har grad {self.grad}; graden må være mellom 20 og 100.")
        if self.type is Fravaerstype.EGENMELDING and self.grad != 100:
            raise ValueError(f"{hvor} er en egenmelding, og den gjelder alltid hele dager.")


@dataclass(frozen=True, slots=True)
class Arbeidsforhold:
    """One employment in one department; ``til`` None while it goes on."""

    ansatt: int
    avdeling: int
    fra: date
    til: date | None
    stillingsprosent: Decimal

    def __post_init__(self) -> None:
        hvor = f"Arbeidsforholdet fra {kort_datotekst(self.fra)} (ansatt {self.ansatt})"
        if self.til is not None and self.til < self.fra:
            raise ValueError(f"{hvor} slutter {kort_datotekst(self.til)}, før det begynner.")
        if not Decimal(0) < self.stillingsprosent <= Decimal(100):
            raise ValueError(
                f"{hvor} har stillingsprosent {self.stillingsprosent}; den må være over 0 og "
                "høyst 100."
            )

    def i(self, fra: date, til: date) -> tuple[date, date] | None:
        """The days of [fra, til] the employment covers, or None."""
        start = max(self.fra, fra)
        slutt = til if self.til is None else min(self.til, til)
        return (start, slutt) if start <= slutt else None


@dataclass(frozen=True, slots=True)
class Avdeling:
    id: int
    navn: str
    overordnet: int | None = None


class Avdelingstre:
    """The departments as a tree; a department's unit is itself with every department below."""

    def __init__(self, avdelinger: Iterable[Avdeling]) -> None:
        self.avdelinger: Mapping[int, Avdeling] = {a.id: a for a in avdelinger}
        barn: dict[int | None, list[int]] = {}
        for a in sorted(self.avdelinger.values(), key=lambda a: (a.navn, a.id)):
            # A parent outside the virksomhet's departments makes a top department.
            overordnet = a.overordnet if a.overordnet in self.avdelinger else None
            barn.setdefault(overordnet, []).append(a.id)
        self._barn = barn

    def barn(self, avdeling: int | None) -> list[int]:
        """The departments right below ``avdeling``; below None are the top departments."""
        return self._barn.get(avdeling, [])

    def med_underavdelinger(self, avdeling: int) -> frozenset[int]:
        alle, ko = {avdeling}, [avdeling]
        while ko:
            for under in self.barn(ko.pop()):
                # A loop in the data (a department above itself) must not hang the page.
                if under not in alle:
                    alle.add(under)
                    ko.append(under)
        return frozenset(alle)

    def navn(self, avdeling: int) -> str:
        return self.avdelinger[avdeling].navn
