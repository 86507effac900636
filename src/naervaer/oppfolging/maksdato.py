"""Maksdato: the last day of sykepenger, when 248 sykepengedager are used (ftrl. §§ 8-11, 8-12).

How the days are counted, and why:
- A sykepengedag is a weekday, Monday to Friday, with sykmelding outside the arbeidsgiverperiode:
  sykepenger are paid for five days a week (§ 8-11), public holidays included, so a holiday does
  not move maksdato.
- A day of graded sykepenger counts as a whole day: the law counts days, not grades, and NAV counts
  them so. The spec says the same (a graded sick note counts as a full one).
- Days at work between absences use nothing, so a gap moves maksdato later by its weekdays.
- Days in an arbeidsgiverperiode are the employer's and use nothing; days of egenmelding outside
  it are not paid by NAV either, but the employee is not fit for work on them.
- The 248 days are counted in the last three years. Being wholly fit for work for 26 weeks since
  the last day of sick leave outside an arbeidsgiverperiode gives a new right to 248 days (§ 8-12
  second paragraph, which disregards arbeidsgiverperioder); NAV applies that whether or not the
  days were used up.
- An ongoing case is assumed to go on as its last period, which is what maksdato means to NAV.
Not covered: members between 67 and 70 (60 days), and cases where NAV pays from the first day (260
days).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from naervaer.oppfolging.regler import REGELVERK, Regelverk
from naervaer.oppfolging.tilfelle import (
    Fravaerstype,
    Tilfelle,
    aar_tilbake,
    arbeidsgiverperiode,
)

FREDAG = 4


@dataclass(frozen=True, slots=True)
class Maksdato:
    dato: date
    brukt_for: int
    """Sykepengedager used in earlier cases that still count when this case begins."""
    brukt_opp_for: bool
    """The right was used up before this case began, with no new right since."""


def maksdato(tilfeller: Sequence[Tilfelle], regelverk: Regelverk = REGELVERK) -> Maksdato | None:
    """Maksdato for the last case, counting the sykepengedager of the earlier ones. None when a
    case that has ended did not reach it."""
    if not tilfeller:
        return None
    naa = tilfeller[-1]
    antall = regelverk.sats("sykepengedager", naa.fra)
    aar = regelverk.sats("sykepengedager_aar", naa.fra)
    ny_rett = timedelta(weeks=regelverk.sats("ny_rett_uker", naa.fra))

    forbrukt: deque[date] = deque()
    siste_syk: date | None = None
    brukt_opp: date | None = None
    brukt_for = 0

    def arbeidsfor_lenge_nok(dag: date) -> bool:
        return siste_syk is not None and dag - siste_syk - timedelta(days=1) >= ny_rett

    for tilfelle in tilfeller:
        if arbeidsfor_lenge_nok(tilfelle.fra):
            forbrukt.clear()
            brukt_opp = None
        if tilfelle is naa:
            vindu = aar_tilbake(naa.fra, aar)
            brukt_for = sum(1 for d in forbrukt if d > vindu)
            if brukt_opp is not None:
                return Maksdato(brukt_opp, brukt_for, brukt_opp_for=True)
        arbeidsgivers = {d.dato for d in arbeidsgiverperiode(tilfelle, regelverk)}
        # An ongoing case reaches maksdato within about a year; three years is a safe stop.
        stopp = tilfelle.til or aar_tilbake(tilfelle.fra, -aar)
        for dag in tilfelle.dager():
            if dag.dato > stopp:
                break
            if dag.dato in arbeidsgivers:
                continue
            if arbeidsfor_lenge_nok(dag.dato):
                forbrukt.clear()
                brukt_opp = None
            siste_syk = dag.dato
            if (
                brukt_opp is not None
                or dag.type is not Fravaerstype.SYKMELDING
                or dag.dato.weekday() > FREDAG
            ):
                continue
            vindu = aar_tilbake(dag.dato, aar)
            while forbrukt and forbrukt[0] <= vindu:
                forbrukt.popleft()
            forbrukt.append(dag.dato)
            if len(forbrukt) >= antall:
                brukt_opp = dag.dato
                if tilfelle is naa:
                    return Maksdato(dag.dato, brukt_for, brukt_opp_for=False)
    return None
