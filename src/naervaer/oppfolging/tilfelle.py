"""Sykefraværstilfeller as the law joins them (folketrygdloven § 8-19).

A new absence that begins less than 16 calendar days after the previous one ended continues it:
no new arbeidsgiverperiode starts, and the follow-up deadlines keep counting from the first day of
the first absence. Egenmelding and sykmelding join by the same rule, so an egenmelding followed by a
sykmelding is one case whose first day is the first day of the egenmelding (§ 8-24 counts earlier
days without a doctor's note within 16 days together with the new absence).

This is not the statistics' join in ``naervaer.statistikk.tilfeller``, which follows SSB's method.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from naervaer.oppfolging.regler import REGELVERK, Regelverk
from naervaer.statistikk.publisering import datotekst

EN_DAG = timedelta(days=1)
LOERDAG = 5


class Fravaerstype(StrEnum):
    EGENMELDING = "egenmelding"
    SYKMELDING = "sykmelding"


@dataclass(frozen=True, slots=True)
class Periode:
    """A period of absence; ``til`` is None while it goes on."""

    fra: date
    til: date | None = None
    type: Fravaerstype = Fravaerstype.SYKMELDING
    grad: int = 100

    def __post_init__(self) -> None:
        if self.til is not None and self.til < self.fra:
            raise ValueError(
                f"Perioden {datotekst(self.fra)}–{datotekst(self.til)} slutter før den begynner."
            )
        if not 1 <= self.grad <= 100:
            raise ValueError(f"Graden må være mellom 1 og 100 prosent, ikke {self.grad}.")
        if self.type is Fravaerstype.EGENMELDING:
            if self.grad != 100:
                raise ValueError("En egenmelding gjelder hele dager, så graden er alltid 100.")
            if self.til is None:
                raise ValueError(
                    f"Egenmeldingen fra {datotekst(self.fra)} må ha en sluttdato: egenmelding "
                    "gjelder bare noen få dager."
                )

    def dekker(self, dag: date) -> bool:
        return self.fra <= dag and (self.til is None or dag <= self.til)


@dataclass(frozen=True, slots=True)
class Dag:
    """One calendar day of absence. ``type`` is None for a weekend between two absences: the
    employee would not have worked, and NAV counts it in the arbeidsgiverperiode."""

    dato: date
    type: Fravaerstype | None
    grad: int


@dataclass(frozen=True, slots=True)
class Tilfelle:
    perioder: tuple[Periode, ...]
    """Sorted by first day; they may overlap."""

    @property
    def fra(self) -> date:
        return self.perioder[0].fra

    @property
    def til(self) -> date | None:
        """The last day of absence, or None while the case goes on."""
        slutter = [p.til for p in self.perioder]
        if any(t is None for t in slutter):
            return None
        return max(t for t in slutter if t is not None)

    def dager(self) -> Iterator[Dag]:
        """Every day of absence in order, weekends between absences included. An ongoing case
        goes on for ever, as the last period; the caller decides when to stop."""
        forrige: date | None = None
        dag = self.fra
        while True:
            periode = self._periode_for(dag)
            if periode is not None:
                if forrige is not None and _bare_helg_mellom(forrige, dag):
                    helg = forrige + EN_DAG
                    while helg < dag:
                        yield Dag(helg, None, 100)
                        helg += EN_DAG
                yield Dag(dag, periode.type, periode.grad)
                forrige = dag
            elif self.til is not None and dag > self.til:
                return
            dag += EN_DAG

    def _periode_for(self, dag: date) -> Periode | None:
        """The period that decides a day covered by more than one: a sykmelding before an
        egenmelding (it is the stronger documentation), then the higher grad."""
        dekker = [p for p in self.perioder if p.dekker(dag)]
        if not dekker:
            return None
        return max(dekker, key=lambda p: (p.type is Fravaerstype.SYKMELDING, p.grad))


def aar_tilbake(dag: date, aar: int) -> date:
    """The same date ``aar`` years earlier (later when negative); 29 February gives the 28th."""
    try:
        return dag.replace(year=dag.year - aar)
    except ValueError:
        return date(dag.year - aar, 2, 28)


def _bare_helg_mellom(forrige: date, dag: date) -> bool:
    mellom = (dag - forrige).days - 1
    return 0 < mellom <= 2 and all(
        (forrige + timedelta(days=n)).weekday() >= LOERDAG for n in range(1, mellom + 1)
    )


def knytt_sammen(
    perioder: Sequence[Periode], regelverk: Regelverk = REGELVERK
) -> tuple[Tilfelle, ...]:
    """Join periods into cases in time order; raises ValueError with a Norwegian message for
    periods the law cannot read."""
    if not perioder:
        raise ValueError("Et sykefravær må ha minst én periode.")
    sortert = sorted(perioder, key=lambda p: (p.fra, p.til or date.max))
    for periode in sortert:
        minste = regelverk.sats("minste_grad", periode.fra)
        if periode.type is Fravaerstype.SYKMELDING and periode.grad < minste:
            raise ValueError(
                f"En gradert sykmelding må være på minst {minste} prosent (ftrl. § 8-13), "
                f"ikke {periode.grad}."
            )
    tilfeller: list[list[Periode]] = []
    slutt: date | None = None
    for periode in sortert:
        # A period that goes on covers every later day, so whatever begins after it overlaps it.
        if tilfeller and (slutt is None or _fortsetter(slutt, periode.fra, regelverk)):
            tilfeller[-1].append(periode)
            slutt = None if slutt is None or periode.til is None else max(slutt, periode.til)
        else:
            tilfeller.append([periode])
            slutt = periode.til
    return tuple(Tilfelle(tuple(t)) for t in tilfeller)


def _fortsetter(forrige_slutt: date, fra: date, regelverk: Regelverk) -> bool:
    # «Mindre enn 16 kalenderdager siden forrige sykefravær»: the days strictly between the two
    # absences are fewer than 16. Ended 10 January: a new absence from 26 January (15 days
    # between) continues it; one from 27 January (16 days between) is a new case.
    mellom = (fra - forrige_slutt).days - 1
    return mellom < regelverk.sats("sammenheng_dager", fra)


def arbeidsgiverperiode(tilfelle: Tilfelle, regelverk: Regelverk = REGELVERK) -> tuple[Dag, ...]:
    """The days of the case the employer pays: its first 16 days of absence, weekends between
    absences included, gaps at work not counted (ftrl. § 8-19). Fewer than 16 when the case
    ended before it used them all."""
    antall = regelverk.sats("arbeidsgiverperiode_dager", tilfelle.fra)
    dager: list[Dag] = []
    for dag in tilfelle.dager():
        dager.append(dag)
        if len(dager) == antall:
            break
    return tuple(dager)
