"""How the engine divides time: into quarters (the register's statistics) or months (own data).

The computation works on a running period number ``q`` with each period's first and last day
number, so the same steps count quarters and months; only the numbering and the name of the
output column differ.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import ibis
import ibis.expr.types as ir
import pyarrow as pa

from naervaer.statistikk.dager import dagnummer
from naervaer.statistikk.kvartal import Kvartal
from naervaer.statistikk.maned import Maned

Periode = Kvartal | Maned


class Inndeling(StrEnum):
    """The value is the name of the output column that numbers the period within its year."""

    KVARTAL = "kvartal"
    MANED = "maned"

    @property
    def per_ar(self) -> int:
        return 4 if self is Inndeling.KVARTAL else 12

    def periode(self, arstall: int, nummer: int) -> Periode:
        return Kvartal(arstall, nummer) if self is Inndeling.KVARTAL else Maned(arstall, nummer)

    def fra_indeks(self, indeks: int) -> Periode:
        return self.periode(indeks // self.per_ar, indeks % self.per_ar + 1)

    def indeks_uttrykk(self, dato: ir.DateValue) -> ir.IntegerValue:
        """The same running number as the periods' ``indeks``, inside the engine."""
        lengde = 12 // self.per_ar
        return dato.year().cast("int64") * self.per_ar + (dato.month().cast("int64") - 1) // lengde


def inndeling_for(periode: Periode) -> Inndeling:
    return Inndeling.KVARTAL if isinstance(periode, Kvartal) else Inndeling.MANED


def nummer(periode: Periode) -> int:
    """The period's number within its year: quarter 1-4 or month 1-12."""
    return periode.kvartal if isinstance(periode, Kvartal) else periode.maned


def periodetabell(fra: Periode, til: Periode) -> pa.Table:
    """One row per period: ``q`` (running number), ``arstall``, the period's number in the year
    (column ``kvartal`` or ``maned``), and its first and last day number."""
    inndeling = inndeling_for(fra)
    liste = [inndeling.fra_indeks(i) for i in range(fra.indeks, til.indeks + 1)]
    return pa.table(
        {
            "q": pa.array([p.indeks for p in liste], pa.int64()),
            "arstall": pa.array([p.arstall for p in liste], pa.int64()),
            inndeling.value: pa.array([nummer(p) for p in liste], pa.int64()),
            "q_start": pa.array([dagnummer(p.start) for p in liste], pa.int64()),
            "q_slutt": pa.array([dagnummer(p.slutt) for p in liste], pa.int64()),
        }
    )


KVARTAL_I_PLAN = 1_000_000
"""In a plan of months with their quarters, a quarter's ``q`` is this plus its index, so that no
quarter has the number of a month."""


@dataclass(frozen=True, slots=True)
class Periodeplan:
    """The periods one computation counts: quarters, months, or months and the quarters they
    make up (``med_kvartaler``: only quarters whose three months are all in the plan)."""

    fra: Periode
    til: Periode
    med_kvartaler: bool = False

    def __post_init__(self) -> None:
        if type(self.fra) is not type(self.til):
            raise TypeError("perioden må begynne og slutte med samme slags periode")
        if self.med_kvartaler and not isinstance(self.fra, Maned):
            raise TypeError("kvartaler kan bare telles sammen med måneder")

    @property
    def inndeling(self) -> Inndeling:
        """The finest division: the one every interval is numbered in."""
        return inndeling_for(self.fra)

    @property
    def kolonner(self) -> tuple[str, ...]:
        """The columns that name a period in the result, besides ``arstall``."""
        return ("inndeling", "nummer") if self.med_kvartaler else (self.inndeling.value,)

    def indeks_uttrykk(self, dato: ir.DateValue) -> ir.IntegerValue:
        return self.inndeling.indeks_uttrykk(dato)

    def perioder_uttrykk(self, fra: ir.IntegerValue, til: ir.IntegerValue) -> ir.ArrayValue:
        """The ``q`` of every period that intervals from period ``fra`` to ``til`` touch."""
        perioder = ibis.range(fra, til + 1)
        if self.med_kvartaler:
            perioder = perioder.concat(
                ibis.range(KVARTAL_I_PLAN + fra // 3, KVARTAL_I_PLAN + til // 3 + 1)
            )
        return perioder

    def tabell(self) -> pa.Table:
        if not self.med_kvartaler:
            return periodetabell(self.fra, self.til)
        maneder = [Maned.fra_indeks(i) for i in range(self.fra.indeks, self.til.indeks + 1)]
        forste = {m.kvartal for m in maneder if m.maned % 3 == 1}
        kvartaler = sorted(m.kvartal for m in maneder if m.maned % 3 == 0 and m.kvartal in forste)
        perioder: list[tuple[int, Periode]] = [(m.indeks, m) for m in maneder]
        perioder += [(KVARTAL_I_PLAN + k.indeks, k) for k in kvartaler]
        return pa.table(
            {
                "q": pa.array([q for q, _ in perioder], pa.int64()),
                "arstall": pa.array([p.arstall for _, p in perioder], pa.int64()),
                "inndeling": pa.array([inndeling_for(p).value for _, p in perioder], pa.string()),
                "nummer": pa.array([nummer(p) for _, p in perioder], pa.int64()),
                "q_start": pa.array([dagnummer(p.start) for _, p in perioder], pa.int64()),
                "q_slutt": pa.array([dagnummer(p.slutt) for _, p in perioder], pa.int64()),
            }
        )
