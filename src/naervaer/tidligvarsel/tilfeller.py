"""Sykefraværstilfeller as the statistics join them (statistikk.md §4), and their days.

The periods of one person join into one case when the next starts no later than the first working
day after the latest end so far: a weekend does not break a case, and an egenmelding followed by a
sykmelding is one case. This is the statistics' rule, not the law's 16-day rule in
``naervaer.oppfolging.tilfelle``: an occurrence here is what the statistics count as a case.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from itertools import pairwise

from naervaer.statistikk.dager import neste_virkedag_etter, virkedager
from naervaer.tidligvarsel.grunnlag import Fravaersperiode
from naervaer.tidligvarsel.tidsrom import EN_DAG

KORTTID_MAKS_DAGER = 16
"""A case of at most 16 calendar days is korttid (A and B); 17 days and more is langtid."""


@dataclass(frozen=True, slots=True)
class Dagrekke:
    """Consecutive days of one case with the same grad (the highest of the periods that day)."""

    fra: date
    til: date
    grad: Decimal


@dataclass(frozen=True, slots=True)
class Tilfelle:
    ansatt: int
    perioder: tuple[Fravaersperiode, ...]
    """Sorted by first day; they may overlap."""

    @property
    def fra(self) -> date:
        return self.perioder[0].fra

    @property
    def til(self) -> date:
        return max(p.til for p in self.perioder)

    def varighet(self, til: date | None = None) -> int:
        """Calendar days from the first day to the case's end, or to ``til`` if earlier."""
        slutt = self.til if til is None else min(self.til, til)
        return (slutt - self.fra).days + 1

    def er_korttid(self, til: date | None = None) -> bool:
        return self.varighet(til) <= KORTTID_MAKS_DAGER

    def dagrekker(self) -> tuple[Dagrekke, ...]:
        """The days of absence, each day once with its highest grad (statistikk.md §3)."""
        grenser = sorted({p.fra for p in self.perioder} | {p.til + EN_DAG for p in self.perioder})
        rekker: list[Dagrekke] = []
        for start, neste in pairwise(grenser):
            grader = [p.grad for p in self.perioder if p.fra <= start <= p.til]
            if not grader:
                continue  # a weekend between two periods: no day of absence
            grad = max(grader)
            if rekker and rekker[-1].grad == grad and rekker[-1].til + EN_DAG == start:
                rekker[-1] = Dagrekke(rekker[-1].fra, neste - EN_DAG, grad)
            else:
                rekker.append(Dagrekke(start, neste - EN_DAG, grad))
        return tuple(rekker)

    def virkedager(self, fra: date, til: date) -> int:
        """Working days of absence in [fra, til], whatever the grad."""
        return sum(virkedager(max(r.fra, fra), min(r.til, til)) for r in self.dagrekker())


def slaa_sammen(perioder: Iterable[Fravaersperiode]) -> Mapping[int, tuple[Tilfelle, ...]]:
    """Every person's cases in time order, keyed by the person."""
    per_person: dict[int, list[Fravaersperiode]] = {}
    for periode in perioder:
        per_person.setdefault(periode.ansatt, []).append(periode)
    resultat: dict[int, tuple[Tilfelle, ...]] = {}
    for ansatt, egne in per_person.items():
        grupper: list[list[Fravaersperiode]] = []
        slutt: date | None = None
        for periode in sorted(egne, key=lambda p: (p.fra, p.til)):
            if slutt is not None and periode.fra <= neste_virkedag_etter(slutt):
                grupper[-1].append(periode)
                slutt = max(slutt, periode.til)
            else:
                grupper.append([periode])
                slutt = periode.til
        resultat[ansatt] = tuple(Tilfelle(ansatt, tuple(g)) for g in grupper)
    return resultat
