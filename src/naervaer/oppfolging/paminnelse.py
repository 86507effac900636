"""When a reminder about a deadline is due: the rules behind ``naervaer send-paminnelser``.

Everything is counted in the virksomhet's local time and sent at one time of day
(``klokkeslett``), so nobody gets mail about a case at five past midnight. A run that comes late
(the server was off) sends what is due now and skips what has gone stale: of the reminder days
that have passed, only the one nearest the deadline; nothing before a deadline once it has passed
(the escalation takes over); no escalation for a deadline more than ``ESKALERING_VINDU`` ago, as
the weekly digest lists it anyway; and the digest only on its own day, since next week's will come.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from naervaer.oppfolging.regler import REGELVERK

OSLO = ZoneInfo("Europe/Oslo")
STANDARD_DAGER_FOR = (7, 1)
STANDARD_KLOKKESLETT = time(7, 0)
STANDARD_UKEDAG = 0  # mandag
MAKS_DAGER_FOR = 60
MAKS_ANTALL_VARSLER = 5
SAMMENDRAG_DAGER = 14
"""The weekly digest shows what falls due in this many days, and everything overdue."""
ESKALERING_VINDU = 14
"""Days after a deadline in which HR is still told of it by its own mail."""

UKEDAGER = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")


class Frekvens(StrEnum):
    """How often a person wants mail. Escalations to HR are duty mail and go out whatever the
    choice (see ``sendes``)."""

    HVER = "HVER"
    DAGLIG = "DAGLIG"
    UKENTLIG = "UKENTLIG"
    INGEN = "INGEN"

    @property
    def tekst(self) -> str:
        return FREKVENSTEKST[self][0]

    @property
    def forklaring(self) -> str:
        return FREKVENSTEKST[self][1]


FREKVENSTEKST = {
    Frekvens.HVER: (
        "Hver påminnelse",
        "En e-post for hver frist som nærmer seg, og ukentlig sammendrag.",
    ),
    Frekvens.DAGLIG: (
        "Daglig samlet",
        "Høyst én e-post om dagen med alle påminnelsene, og ukentlig sammendrag.",
    ),
    Frekvens.UKENTLIG: (
        "Bare ukentlig sammendrag",
        "Én e-post i uka med det som forfaller de neste to ukene og det som er forfalt.",
    ),
    Frekvens.INGEN: (
        "Ingen e-post",
        "Du ser fristene når du logger inn. Er du HR, får du likevel varsel når en frist er "
        "oversittet.",
    ),
}


class Art(StrEnum):
    """What a mail is about; decides, with the person's ``Frekvens``, whether it is sent."""

    FOR_FRIST = "FOR_FRIST"
    ESKALERING = "ESKALERING"
    AKTIVITET = "AKTIVITET"
    INVITASJON = "INVITASJON"
    AVLYSNING = "AVLYSNING"
    SAMMENDRAG = "SAMMENDRAG"
    DAGLIG = "DAGLIG"


SAMLES_DAGLIG = frozenset({Art.FOR_FRIST, Art.AKTIVITET})
"""The reminders a «daglig samlet» person gets in one mail a day instead of one by one."""


def sendes(art: Art, frekvens: Frekvens) -> bool:
    """Whether a mail of this kind goes out on its own to a person with this choice.

    - An escalation is duty mail: the deadline is the employer's legal duty and HR is the last
      one to catch it, so it goes out even to «ingen e-post».
    - A calendar invitation or cancellation is the meeting itself, not a nag: it goes to
      everyone but «ingen e-post».
    - Reminders go one by one only to «hver påminnelse»; «daglig samlet» gets them in the
      daily mail; the others see them in the digest or when they log in.
    """
    if art is Art.ESKALERING:
        return True
    if frekvens is Frekvens.INGEN:
        return False
    if art in SAMLES_DAGLIG:
        return frekvens is Frekvens.HVER
    if art is Art.DAGLIG:
        # Someone who changed to «hver påminnelse» after the day's reminders were gathered
        # still gets them, gathered.
        return frekvens in (Frekvens.DAGLIG, Frekvens.HVER)
    return True


@dataclass(frozen=True, slots=True)
class Varslingsplan:
    """One virksomhet's choice of when reminders go out."""

    dager_for: tuple[int, ...] = STANDARD_DAGER_FOR
    klokkeslett: time = STANDARD_KLOKKESLETT
    ukedag: int = STANDARD_UKEDAG
    eskalering: bool = True
    tidssone: ZoneInfo = field(default=OSLO)

    def __post_init__(self) -> None:
        if len(set(self.dager_for)) != len(self.dager_for):
            raise ValueError("samme antall dager står to ganger")
        if len(self.dager_for) > MAKS_ANTALL_VARSLER:
            raise ValueError(f"høyst {MAKS_ANTALL_VARSLER} påminnelser før hver frist")
        for dager in self.dager_for:
            if not 0 <= dager <= MAKS_DAGER_FOR:
                raise ValueError(f"{dager}: antall dager må være mellom 0 og {MAKS_DAGER_FOR}")
        if not 0 <= self.ukedag <= 6:
            raise ValueError(f"ukedag {self.ukedag}: må være 0 (mandag) til 6 (søndag)")
        object.__setattr__(self, "dager_for", tuple(sorted(self.dager_for, reverse=True)))

    def tidspunkt(self, dag: date) -> datetime:
        """The moment mail for ``dag`` goes out, in the virksomhet's time zone."""
        return datetime.combine(dag, self.klokkeslett, tzinfo=self.tidssone)

    def dag(self, naa: datetime) -> date:
        return naa.astimezone(self.tidssone).date()

    def varsel(self, frist: date, naa: datetime) -> int | None:
        """The reminder («so many days before») that is due now, or None. Of several that have
        come, the one nearest the deadline: a late run must not send three at once."""
        if self.dag(naa) > frist:
            return None
        komne = [d for d in self.dager_for if self.tidspunkt(frist - timedelta(days=d)) <= naa]
        return min(komne) if komne else None

    def eskaleres(self, frist: date, naa: datetime) -> bool:
        """The deadline has passed (the morning after it) and not too long ago."""
        if not self.eskalering:
            return False
        dagen_etter = frist + timedelta(days=1)
        return (
            self.tidspunkt(dagen_etter) <= naa and (self.dag(naa) - frist).days <= ESKALERING_VINDU
        )

    def eskaleringstidspunkt(self, frist: date) -> datetime:
        return self.tidspunkt(frist + timedelta(days=1))

    def sammendragsuke(self, naa: datetime) -> date | None:
        """The Monday of the week whose digest is due now: on its weekday from its time of day
        to midnight, or None."""
        idag = self.dag(naa)
        if idag.weekday() != self.ukedag or naa < self.tidspunkt(idag):
            return None
        return idag - timedelta(days=idag.weekday())

    def sammendragstidspunkt(self, mandag: date) -> datetime:
        return self.tidspunkt(mandag + timedelta(days=self.ukedag))


STANDARD = Varslingsplan()


def i_sammendraget(frist: date, idag: date) -> bool:
    """Overdue, or due within the digest's two weeks."""
    return frist <= idag + timedelta(days=SAMMENDRAG_DAGER)


def les_dager(tekst: str) -> tuple[int, ...]:
    """«14, 7, 1» → (14, 7, 1); an empty text is no reminders before the deadline.

    Raises ValueError with a Norwegian message naming what is wrong.
    """
    deler = [d for d in re.split(r"[,;\s]+", tekst.strip()) if d]
    dager = []
    for del_ in deler:
        if not del_.isdigit():
            raise ValueError(f"«{del_}» er ikke et helt antall dager. Skriv for eksempel 7, 1.")
        dager.append(int(del_))
    try:
        return Varslingsplan(dager_for=tuple(dager)).dager_for
    except ValueError as feil:
        raise ValueError(f"{str(feil)[:1].upper()}{str(feil)[1:]}.") from feil


def dager_tekst(dager: tuple[int, ...]) -> str:
    return ", ".join(str(d) for d in dager)


ESKALERES = frozenset(regel.kode.value for regel in REGELVERK.regler if regel.frist)
"""The milestones that are the employer's deadlines for an action (``Regel.frist``): only these
are escalated when they pass. That the sykepenger end or NAV calls a meeting is not a duty the
employer can miss."""
