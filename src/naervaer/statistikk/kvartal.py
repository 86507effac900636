"""Calendar quarters, written ``2026K1`` in text and as (arstall, kvartal) in data."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import total_ordering

_TEKST = re.compile(r"^(\d{4})K([1-4])$")


@total_ordering
@dataclass(frozen=True, slots=True)
class Kvartal:
    arstall: int
    kvartal: int

    def __post_init__(self) -> None:
        if not 1 <= self.kvartal <= 4:
            raise ValueError(f"kvartal må være 1-4, ikke {self.kvartal}")

    @classmethod
    def fra_tekst(cls, tekst: str) -> Kvartal:
        treff = _TEKST.match(tekst.strip().upper())
        if not treff:
            raise ValueError(f"«{tekst}» er ikke et kvartal på formen 2026K1")
        return cls(int(treff.group(1)), int(treff.group(2)))

    @classmethod
    def fra_dato(cls, dag: date) -> Kvartal:
        return cls(dag.year, (dag.month - 1) // 3 + 1)

    @classmethod
    def fra_indeks(cls, indeks: int) -> Kvartal:
        return cls(indeks // 4, indeks % 4 + 1)

    @property
    def indeks(self) -> int:
        """A running number, so that quarter arithmetic is integer arithmetic."""
        return self.arstall * 4 + self.kvartal - 1

    @property
    def start(self) -> date:
        return date(self.arstall, 3 * self.kvartal - 2, 1)

    @property
    def slutt(self) -> date:
        return (self + 1).start - timedelta(days=1)

    def __add__(self, antall: int) -> Kvartal:
        return Kvartal.fra_indeks(self.indeks + antall)

    def __sub__(self, antall: int) -> Kvartal:
        return Kvartal.fra_indeks(self.indeks - antall)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Kvartal):
            return NotImplemented
        return self.indeks < other.indeks

    def __str__(self) -> str:
        return f"{self.arstall}K{self.kvartal}"


def kvartaler(fra: Kvartal, til: Kvartal) -> list[Kvartal]:
    """Every quarter from ``fra`` to ``til``, both included."""
    return [Kvartal.fra_indeks(i) for i in range(fra.indeks, til.indeks + 1)]
