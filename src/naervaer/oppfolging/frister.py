"""The timeline of one sick-leave case: every milestone with its date, who acts, what to do and why.

How the dates are counted, and why:
- From the first day of absence of the case as the law joins it (see ``tilfelle``), calendar
  days, gaps at work included. «Innen 4 uker» is the first day plus 28 days, on the same weekday
  as the first day (first day Monday 5 January 2026: oppfølgingsplan Monday 2 February), as NAV
  states the deadlines and as domstolloven § 148 second paragraph counts a time limit in weeks.
  Counting gaps makes a deadline come no later than counting only the days away would, which is
  the safe side for the employer.
- A graded sick note counts as a full one for every date (spec). Only what to do at dialogmøte 1
  differs, because aml. § 4-6 (4) makes the meeting a duty when the employee is wholly away.
- A deadline that falls on a Saturday, Sunday or public holiday does not move. The duties are tied
  to how long the employee has been away («senest når arbeidstaker har vært helt eller delvis borte
  fra arbeidet i fire uker», aml. § 4-6 (3); likewise § 4-6 (4) and ftrl. §§ 8-7 a and 8-8). The
  rule that moves a time limit ending on a day off to the next working day, domstolloven § 149
  first paragraph, is for procedural time limits and reaches other laws only where they say so
  (skatteforvaltningsloven § 5-5, for one); aml. § 4-6 does not. Acting before the date is always
  within the law, so the employer should act by the last working day before; ``siste_virkedag`` in
  ``helligdager`` tells which day that is.
- A case that has ended shows the milestones it reached: one that lasted four weeks needed an
  oppfølgingsplan; one that ended after three weeks did not.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from naervaer.oppfolging.egenmelding import LOVENS_REGEL, Egenmeldingsregel, merknader
from naervaer.oppfolging.helligdager import fridag, siste_virkedag
from naervaer.oppfolging.maksdato import maksdato
from naervaer.oppfolging.regler import REGELVERK, Kode, Regel, Regelverk
from naervaer.oppfolging.tilfelle import (
    Fravaerstype,
    Periode,
    Tilfelle,
    arbeidsgiverperiode,
    knytt_sammen,
)
from naervaer.statistikk.publisering import datotekst

EN_DAG = timedelta(days=1)
UKEDAGER = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")


@dataclass(frozen=True, slots=True)
class Frist:
    kode: Kode
    dato: date
    ansvarlig: str
    hva: str
    kilde: str

    def som_json(self) -> dict[str, str]:
        return {
            "kode": self.kode.value,
            "dato": self.dato.isoformat(),
            "ansvarlig": self.ansvarlig,
            "hva": self.hva,
            "kilde": self.kilde,
        }


@dataclass(frozen=True, slots=True)
class Tidslinje:
    tilfelle: Tilfelle
    frister: tuple[Frist, ...]
    merknader: tuple[str, ...]
    fridager: dict[Kode, str]
    """For a deadline on a day off: what the user should know, e.g. «2. påskedag: fristen flyttes
    ikke; gjør det senest onsdag 1. april 2026»."""


def _frist(regel: Regel, dato: date, gradert: bool = False) -> Frist:
    hva = regel.hva_gradert if gradert and regel.hva_gradert else regel.hva
    return Frist(regel.kode, dato, regel.ansvarlig, hva, str(regel.kilde))


def _gradert_til(tilfelle: Tilfelle, dato: date) -> bool:
    """Whether every sykmelding day of the case before ``dato`` is graded (and there is one).

    Read from the periods rather than day by day: a day's grad is the highest of the sick notes
    covering it (``Tilfelle.dager``), so a day at 100 % before ``dato`` is a day covered by a full
    sick note that began before ``dato``, and each such note begins on a day of the case."""
    for_dato = [p for p in tilfelle.perioder if p.type is Fravaerstype.SYKMELDING and p.fra < dato]
    return bool(for_dato) and all(p.grad < 100 for p in for_dato)


def _varer_til(til: date | None, dato: date) -> bool:
    """Whether a case whose last day is ``til`` has lasted until ``dato`` (the day the weeks
    are full)."""
    return til is None or dato <= til + EN_DAG


def fridagsmerknad(dato: date) -> str | None:
    navn = fridag(dato)
    if navn is None:
        return None
    forut = siste_virkedag(dato)
    return (
        f"{navn[0].upper()}{navn[1:]}: fristen flyttes ikke; gjør det senest "
        f"{UKEDAGER[forut.weekday()]} {datotekst(forut)}."
    )


def ukefrister(tilfelle: Tilfelle, regler: Iterable[Regel]) -> list[Frist]:
    """The milestones of ``regler`` counted in whole weeks from the first day that the case has
    reached: the part of the timeline that needs the case alone, not the earlier absence."""
    ut: list[Frist] = []
    til = tilfelle.til
    for regel in regler:
        if regel.uker is None:
            continue
        full = tilfelle.fra + timedelta(weeks=regel.uker)
        if _varer_til(til, full):
            dato = full - timedelta(days=regel.dager_for)
            gradert = regel.hva_gradert is not None and _gradert_til(tilfelle, dato)
            ut.append(_frist(regel, dato, gradert=gradert))
    return ut


def tidslinje(
    perioder: Sequence[Periode],
    egenmelding: Egenmeldingsregel = LOVENS_REGEL,
    regelverk: Regelverk = REGELVERK,
) -> Tidslinje:
    """The milestones of the last case among ``perioder``; the earlier periods are the same
    employee's earlier absences, which may join it or use sykepengedager."""
    tilfeller = knytt_sammen(perioder, regelverk)
    tilfelle = tilfeller[-1]
    regler = {r.kode: r for r in regelverk.regler_per(tilfelle.fra)}
    frister: list[Frist] = []

    regel = regler.get(Kode.ARBEIDSGIVERPERIODE_SLUTT)
    antall = regelverk.sats("arbeidsgiverperiode_dager", tilfelle.fra)
    agp = arbeidsgiverperiode(tilfelle, regelverk)
    if regel is not None and len(agp) == antall:
        frister.append(_frist(regel, agp[-1].dato))

    frister.extend(ukefrister(tilfelle, regler.values()))

    notater = list(merknader(tilfeller, egenmelding, regelverk))
    maks = maksdato(tilfeller, regelverk)
    regel = regler.get(Kode.MAKSDATO)
    if maks is not None and regel is not None:
        frister.append(_frist(regel, maks.dato))
        # NAV's letter at 39 weeks is about the end of sykepenger; it says nothing new after it.
        frister = [f for f in frister if f.kode is not Kode.UKE_39 or f.dato < maks.dato]
        if maks.brukt_opp_for:
            notater.append(
                f"Retten til sykepenger ble brukt opp {datotekst(maks.dato)}, og den ansatte har "
                f"ikke vært helt arbeidsfør i {regelverk.sats('ny_rett_uker', tilfelle.fra)} uker "
                "siden (ftrl. § 8-12). NAV betaler ikke sykepenger i dette tilfellet."
            )
        elif maks.brukt_for:
            notater.append(
                f"{maks.brukt_for} sykepengedager fra tidligere sykefravær de siste tre årene "
                "teller med, så maksdato kommer tidligere (ftrl. § 8-12)."
            )

    rekkefolge = {kode: n for n, kode in enumerate(Kode)}
    frister.sort(key=lambda f: (f.dato, rekkefolge[f.kode]))
    fridager = {
        f.kode: merknad
        for f in frister
        if regler[f.kode].frist and (merknad := fridagsmerknad(f.dato)) is not None
    }
    return Tidslinje(tilfelle, tuple(frister), tuple(notater), fridager)


def frister(
    perioder: Sequence[Periode],
    egenmelding: Egenmeldingsregel = LOVENS_REGEL,
    regelverk: Regelverk = REGELVERK,
) -> tuple[Frist, ...]:
    return tidslinje(perioder, egenmelding, regelverk).frister
