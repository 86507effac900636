"""One employee's absence as the rules read it: the stored periods, the employment, the
egenmelding quota, the law's cases and where the employee stands today."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP

from django.db.models import Prefetch, QuerySet

from naervaer.oppfolging.egenmelding import Egenmeldingsregel, merknader
from naervaer.oppfolging.kvote import Kvote, ansatt_siden, kvote
from naervaer.oppfolging.regler import REGELVERK, UtenforRegelverket
from naervaer.oppfolging.tilfelle import (
    EN_DAG,
    Fravaerstype,
    Periode,
    Tilfelle,
    arbeidsgiverperiode,
    knytt_sammen,
)
from naervaer.web.egendata.models import Ansatt, Arbeidsforhold, Avdeling, Fravaer


def periode(fravaer: Fravaer) -> Periode:
    # An imported grad may have decimals; the rules read whole percent.
    grad = int(fravaer.grad.quantize(1, rounding=ROUND_HALF_UP))
    return Periode(fravaer.fra_dato, fravaer.til_dato, Fravaerstype(fravaer.type), grad)


def perioder(fravaer: Iterable[Fravaer]) -> list[Periode]:
    return [periode(f) for f in fravaer]


def ansettelser(arbeidsforhold: Iterable[Arbeidsforhold]) -> list[tuple[date, date | None]]:
    return [(a.fra_dato, a.til_dato) for a in arbeidsforhold]


@dataclass(frozen=True, slots=True)
class Tilfellelinje:
    """One of the law's cases, with its stored periods, for the history."""

    fra: date
    til: date
    fravaersdager: int
    arbeidsgiverperiode_slutt: date | None
    """The 16th day, when the case reached it."""
    merknader: tuple[str, ...]
    fravaer: tuple[Fravaer, ...]
    """The stored periods of the case, newest first."""
    pagar: bool
    """Not ended before today."""


@dataclass(frozen=True, slots=True)
class Personfravaer:
    ansatt: Ansatt
    dag: date
    fravaer: tuple[Fravaer, ...]
    """Sorted by first day."""
    avdeling: Avdeling | None
    ansatt_siden: date | None
    kvote: Kvote | None
    """None when the stored periods cannot be read by the rules (before 1 July 2011)."""

    @property
    def borte(self) -> Fravaer | None:
        """The period that covers today; a sykmelding before an egenmelding."""
        idag = [f for f in self.fravaer if f.fra_dato <= self.dag <= f.til_dato]
        return max(idag, key=lambda f: f.type == Fravaerstype.SYKMELDING, default=None)

    @property
    def tilbake_fra(self) -> date | None:
        """The first day back after the last absence that has ended."""
        endt = [f.til_dato for f in self.fravaer if f.til_dato < self.dag]
        return max(endt) + EN_DAG if endt else None

    @property
    def nyeste_forst(self) -> list[Fravaer]:
        return sorted(self.fravaer, key=lambda f: (f.fra_dato, f.type), reverse=True)

    def tilfeller(self, regel: Egenmeldingsregel) -> list[Tilfellelinje]:
        """The law's cases, newest first, with what the egenmelding rule says of each. Empty
        when the rules cannot read the periods (absence before 1 July 2011)."""
        try:
            alle = knytt_sammen(perioder(self.fravaer)) if self.fravaer else ()
            return [self._linje(alle, i, regel) for i in reversed(range(len(alle)))]
        except (ValueError, UtenforRegelverket):
            return []

    def _linje(self, alle: Sequence[Tilfelle], i: int, regel: Egenmeldingsregel) -> Tilfellelinje:
        tilfelle = alle[i]
        til = tilfelle.til
        assert til is not None  # stored periods always end
        agp = arbeidsgiverperiode(tilfelle)
        full = REGELVERK.sats("arbeidsgiverperiode_dager", tilfelle.fra)
        return Tilfellelinje(
            fra=tilfelle.fra,
            til=til,
            fravaersdager=sum(1 for d in tilfelle.dager() if d.type is not None),
            arbeidsgiverperiode_slutt=agp[-1].dato if len(agp) == full else None,
            merknader=merknader(alle[: i + 1], regel),
            fravaer=tuple(f for f in self.nyeste_forst if tilfelle.fra <= f.fra_dato <= til),
            pagar=til >= self.dag,
        )


def _gjeldende_avdeling(arbeidsforhold: Sequence[Arbeidsforhold], dag: date) -> Avdeling | None:
    gjeldende = [
        a for a in arbeidsforhold if a.fra_dato <= dag and (a.til_dato is None or a.til_dato >= dag)
    ]
    kandidater = gjeldende or list(arbeidsforhold)
    if not kandidater:
        return None
    return max(kandidater, key=lambda a: a.fra_dato).avdeling


def _les(ansatt: Ansatt, regel: Egenmeldingsregel, dag: date) -> Personfravaer:
    fravaer = tuple(sorted(ansatt.fravaer.all(), key=lambda f: (f.fra_dato, f.type)))
    arbeidsforhold = list(ansatt.arbeidsforhold.all())
    siden = ansatt_siden(ansettelser(arbeidsforhold), dag)
    try:
        k: Kvote | None = kvote(perioder(fravaer), regel, dag, siden)
    except (ValueError, UtenforRegelverket):
        k = None
    return Personfravaer(
        ansatt=ansatt,
        dag=dag,
        fravaer=fravaer,
        avdeling=_gjeldende_avdeling(arbeidsforhold, dag),
        ansatt_siden=siden,
        kvote=k,
    )


def _med_data(ansatte: QuerySet[Ansatt]) -> QuerySet[Ansatt]:
    return ansatte.prefetch_related(
        Prefetch("fravaer", queryset=Fravaer.objects.select_related("registrert_av")),
        Prefetch("arbeidsforhold", queryset=Arbeidsforhold.objects.select_related("avdeling")),
    )


def les(ansatt: Ansatt, regel: Egenmeldingsregel, dag: date) -> Personfravaer:
    (med_data,) = _med_data(Ansatt.objects.filter(pk=ansatt.pk))
    return _les(med_data, regel, dag)


def les_mange(
    ansatte: QuerySet[Ansatt], regel: Egenmeldingsregel, dag: date
) -> list[Personfravaer]:
    return [_les(a, regel, dag) for a in _med_data(ansatte.order_by("navn", "ansattnummer"))]
