"""Mulige and tapte dagsverk of a unit in a span of days (statistikk.md §3-§4).

mulige = working days of each employment in the unit × stillingsprosent; tapte = working days of
absence inside such an employment × stillingsprosent × grad, each day once with its highest grad.
A case's days are langtid when the case has lasted 17 days or more by the end of the span
(varighet counts from the case's first day, also when that is before the span).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from naervaer.statistikk.dager import virkedager
from naervaer.statistikk.kvartal import Kvartal
from naervaer.tidligvarsel.grunnlag import Arbeidsforhold
from naervaer.tidligvarsel.tidsrom import Tidsrom
from naervaer.tidligvarsel.tilfeller import Tilfelle

NULL = Decimal(0)
HUNDRE = Decimal(100)


@dataclass(frozen=True, slots=True)
class Dagsverk:
    """A unit's full-precision sums over a span (or over several, added)."""

    antall_personer: int
    mulige: Decimal
    tapte: Decimal
    tapte_korttid: Decimal
    tapte_langtid: Decimal

    def __add__(self, other: Dagsverk) -> Dagsverk:
        # As in the statistics: persons are not additive over quarters, so the sum has the
        # largest count (statistikk.md §6).
        return Dagsverk(
            max(self.antall_personer, other.antall_personer),
            self.mulige + other.mulige,
            self.tapte + other.tapte,
            self.tapte_korttid + other.tapte_korttid,
            self.tapte_langtid + other.tapte_langtid,
        )


def personer(arbeidsforhold: Iterable[Arbeidsforhold], enhet: frozenset[int], tid: Tidsrom) -> int:
    """Distinct persons with at least one day of employment in the unit in the span."""
    return len({a.ansatt for a in arbeidsforhold if a.avdeling in enhet and a.i(tid.fra, tid.til)})


def dagsverk(
    arbeidsforhold: Iterable[Arbeidsforhold],
    tilfeller: Mapping[int, Sequence[Tilfelle]],
    enhet: frozenset[int],
    tid: Tidsrom,
) -> Dagsverk:
    """The sums of the employments in the departments ``enhet`` over ``tid``."""
    ansatte: set[int] = set()
    mulige = korttid = langtid = NULL
    for forhold in arbeidsforhold:
        if forhold.avdeling not in enhet:
            continue
        dekket = forhold.i(tid.fra, tid.til)
        if dekket is None:
            continue
        fra, til = dekket
        ansatte.add(forhold.ansatt)
        stilling = forhold.stillingsprosent / HUNDRE
        mulige += virkedager(fra, til) * stilling
        for tilfelle in tilfeller.get(forhold.ansatt, ()):
            if tilfelle.til < fra or tilfelle.fra > til:
                continue
            tapt = sum(
                (
                    virkedager(max(r.fra, fra), min(r.til, til)) * stilling * r.grad / HUNDRE
                    for r in tilfelle.dagrekker()
                ),
                NULL,
            )
            if tilfelle.er_korttid(tid.til):
                korttid += tapt
            else:
                langtid += tapt
    return Dagsverk(len(ansatte), mulige, korttid + langtid, korttid, langtid)


def over_kvartaler(
    arbeidsforhold: Sequence[Arbeidsforhold],
    tilfeller: Mapping[int, Sequence[Tilfelle]],
    enhet: frozenset[int],
    kvartaler: Iterable[Kvartal],
) -> tuple[Dagsverk, int]:
    """The sum over the quarters, each counted as the statistics count a quarter, and how many
    of them had any mulige dagsverk."""
    summer = [dagsverk(arbeidsforhold, tilfeller, enhet, Tidsrom.kvartal(k)) for k in kvartaler]
    total = summer[0]
    for tall in summer[1:]:
        total = total + tall
    return total, sum(1 for s in summer if s.mulige > 0)
