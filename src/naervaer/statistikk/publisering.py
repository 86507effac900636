"""The publication calendar: which period the figures cover and when the next update comes.

National statistics for a quarter come about two months after it ends; the known dates (2024K4 on
2025-02-27, 2025K3 on 2025-11-27, 2025K4 on 2026-02-26) are the last Thursday of the second month
after the quarter. The rule and the confirmed dates are configuration, so that a moved date is a
change of data, and the current period follows from the data and the date, never from a constant.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from naervaer.statistikk.kvartal import Kvartal

TORSDAG = calendar.THURSDAY

MANEDER = (
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
)


@dataclass(frozen=True)
class Publiseringskalender:
    """Publication on the last ``ukedag`` of the ``maneder_etter``-th month after the quarter,
    unless ``datoer`` gives the date of that quarter explicitly."""

    ukedag: int = TORSDAG
    maneder_etter: int = 2
    datoer: Mapping[Kvartal, date] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not 0 <= self.ukedag <= 6:
            raise ValueError("ukedag må være 0 (mandag) til 6 (søndag)")
        if self.maneder_etter < 0:
            raise ValueError("publisering kan ikke komme før kvartalet er over")

    def publiseringsdato(self, kvartal: Kvartal) -> date:
        if kvartal in self.datoer:
            return self.datoer[kvartal]
        maned = kvartal.kvartal * 3 + self.maneder_etter  # month number counted from the year
        arstall = kvartal.arstall + (maned - 1) // 12
        maned = (maned - 1) % 12 + 1
        siste = date(arstall, maned, calendar.monthrange(arstall, maned)[1])
        return siste - timedelta(days=(siste.weekday() - self.ukedag) % 7)

    def siste_publiserte(self, dag: date) -> Kvartal:
        """The newest quarter published on or before ``dag``."""
        kvartal = Kvartal.fra_dato(dag)
        # Explicit dates may move a publication, so look back further than the rule needs.
        for _ in range(12):
            kvartal = kvartal - 1
            if self.publiseringsdato(kvartal) <= dag:
                return kvartal
        raise ValueError(f"ingen publisering funnet før {dag}; sjekk publiseringskalenderen")

    def neste_publisering(self, dag: date) -> tuple[Kvartal, date]:
        """The next quarter to be published after ``dag``, and when."""
        kvartal = self.siste_publiserte(dag) + 1
        while self.publiseringsdato(kvartal) <= dag:
            kvartal = kvartal + 1
        return kvartal, self.publiseringsdato(kvartal)


STANDARD_KALENDER = Publiseringskalender(
    datoer={
        Kvartal(2024, 4): date(2025, 2, 27),
        Kvartal(2025, 3): date(2025, 11, 27),
        Kvartal(2025, 4): date(2026, 2, 26),
    }
)


def gjeldende_periode(
    tilgjengelige: Iterable[Kvartal],
    dag: date,
    kalender: Publiseringskalender = STANDARD_KALENDER,
) -> Kvartal | None:
    """The newest quarter that is both in the data and published by ``dag``; None if there is
    none. A quarter that is in the data ahead of its publication waits for its date, so that a
    workplace is never shown a period its benchmarks do not have yet."""
    publisert = kalender.siste_publiserte(dag)
    kandidater = [k for k in tilgjengelige if k <= publisert]
    return max(kandidater) if kandidater else None


def datotekst(dag: date) -> str:
    """«27. februar 2025»."""
    return f"{dag.day}. {MANEDER[dag.month - 1]} {dag.year}"


def kort_datotekst(dag: date) -> str:
    """«27.02.2025»."""
    return f"{dag.day:02d}.{dag.month:02d}.{dag.year}"


def periodetekst(periode: Kvartal, antall_kvartaler: int = 4) -> str:
    """The days the figures for ``periode`` cover: «1. juli 2025 – 30. juni 2026»."""
    return f"{datotekst((periode - (antall_kvartaler - 1)).start)} – {datotekst(periode.slutt)}"
