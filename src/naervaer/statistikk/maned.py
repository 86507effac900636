"""Calendar months, for statistics from the employer's own data (the register has quarters)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import total_ordering

from naervaer.statistikk.kvartal import Kvartal
from naervaer.statistikk.publisering import MANEDER

_TEKST = re.compile(r"^(\d{4})-(\d{2})$")


@total_ordering
@dataclass(frozen=True, slots=True)
class Maned:
    arstall: int
    maned: int

    def __post_init__(self) -> None:
        if not 1 <= self.maned <= 12:
            raise ValueError(f"måned må være 1-12, ikke {self.maned}")

    @classmethod
    def fra_tekst(cls, tekst: str) -> Maned:
        """``2022-03``, as in an ISO date."""
        treff = _TEKST.match(tekst.strip())
        if not treff:
            raise ValueError(f"«{tekst}» er ikke en måned på formen 2022-03")
        return cls(int(treff.group(1)), int(treff.group(2)))

    @classmethod
    def fra_dato(cls, dag: date) -> Maned:
        return cls(dag.year, dag.month)

    @classmethod
    def fra_indeks(cls, indeks: int) -> Maned:
        return cls(indeks // 12, indeks % 12 + 1)

    @property
    def indeks(self) -> int:
        """A running number, so that month arithmetic is integer arithmetic."""
        return self.arstall * 12 + self.maned - 1

    @property
    def start(self) -> date:
        return date(self.arstall, self.maned, 1)

    @property
    def slutt(self) -> date:
        return (self + 1).start - timedelta(days=1)

    @property
    def kvartal(self) -> Kvartal:
        return Kvartal.fra_dato(self.start)

    @property
    def navn(self) -> str:
        """«mars 2022»."""
        return f"{MANEDER[self.maned - 1]} {self.arstall}"

    def __add__(self, antall: int) -> Maned:
        return Maned.fra_indeks(self.indeks + antall)

    def __sub__(self, antall: int) -> Maned:
        return Maned.fra_indeks(self.indeks - antall)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Maned):
            return NotImplemented
        return self.indeks < other.indeks

    def __str__(self) -> str:
        return f"{self.arstall}-{self.maned:02d}"


def maneder(fra: Maned, til: Maned) -> list[Maned]:
    """Every month from ``fra`` to ``til``, both included."""
    return [Maned.fra_indeks(i) for i in range(fra.indeks, til.indeks + 1)]


def maneder_i(kvartal: Kvartal) -> tuple[Maned, Maned, Maned]:
    forste = Maned.fra_dato(kvartal.start)
    return (forste, forste + 1, forste + 2)
