"""Spans of days ending on a given day: the last three months, the same months a year earlier."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from naervaer.statistikk.kvartal import Kvartal
from naervaer.statistikk.publisering import MANEDER, datotekst

EN_DAG = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Tidsrom:
    """[fra, til], both days included."""

    fra: date
    til: date

    def __post_init__(self) -> None:
        if self.til < self.fra:
            raise ValueError(f"tidsrommet {self.fra}–{self.til} slutter før det begynner")

    @classmethod
    def kvartal(cls, kvartal: Kvartal) -> Tidsrom:
        return cls(kvartal.start, kvartal.slutt)

    @classmethod
    def maaneder_til(cls, til: date, maaneder: int) -> Tidsrom:
        """The ``maaneder`` months that end on ``til``: three months to 20 November start on
        21 August."""
        return cls(maaneder_tilbake(til, maaneder) + EN_DAG, til)

    def flyttet(self, maaneder: int) -> Tidsrom:
        """The same span ``maaneder`` months earlier."""
        return Tidsrom(
            maaneder_tilbake(self.fra - EN_DAG, maaneder) + EN_DAG,
            maaneder_tilbake(self.til, maaneder),
        )

    def __str__(self) -> str:
        return dagtekst(self.fra, self.til)


def maaneder_tilbake(dag: date, maaneder: int) -> date:
    """The same day ``maaneder`` months earlier; the month's last day when it has no such day
    (31 May less three months is 28 or 29 February)."""
    indeks = dag.year * 12 + dag.month - 1 - maaneder
    aar, maaned = divmod(indeks, 12)
    maaned += 1
    return date(aar, maaned, min(dag.day, calendar.monthrange(aar, maaned)[1]))


def dagtekst(fra: date, til: date) -> str:
    """«1.–3. september 2025», «29. september–2. oktober 2025», «4. mai 2025»."""
    if fra == til:
        return datotekst(fra)
    if (fra.year, fra.month) == (til.year, til.month):
        return f"{fra.day}.–{datotekst(til)}"
    if fra.year == til.year:
        return f"{fra.day}. {MANEDER[fra.month - 1]}–{datotekst(til)}"
    return f"{datotekst(fra)}–{datotekst(til)}"
