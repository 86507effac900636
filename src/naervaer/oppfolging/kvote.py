"""How much egenmelding an employee has left, and what a new egenmelding would break.

Counted the way ``egenmelding.merknader`` counts, so the quota on a page and the notes on a case
never disagree: calendar days with egenmelding, absences joined into the law's cases (a new absence
less than 16 days after the previous one counts together with it), and the twelve months before
the day. Egenmelding days registered ahead (an employee who rang in sick for three days) count as
used. The right itself comes after two months of employment (ftrl. § 8-24).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from naervaer.oppfolging.egenmelding import FTRL_8_7, Egenmeldingsregel
from naervaer.oppfolging.egenmelding import _egenmeldte_dager as egenmeldte_dager
from naervaer.oppfolging.regler import (
    FTRL_8_23_TIL_8_27,
    FTRL_8_24,
    REGELVERK,
    STOPPUNKTENE_2011,
    Kilde,
    Regelverk,
    Sats,
)
from naervaer.oppfolging.tilfelle import (
    EN_DAG,
    Fravaerstype,
    Periode,
    Tilfelle,
    aar_tilbake,
    arbeidsgiverperiode,
    knytt_sammen,
)
from naervaer.statistikk.publisering import datotekst

OPPTJENING = Regelverk(
    satser=(Sats("egenmelding_opptjening_maaneder", 2, STOPPUNKTENE_2011, FTRL_8_24),)
)
"""Months in work before the right to egenmelding, dated like the other rules."""


class Varsel(StrEnum):
    IKKE_OPPTJENT = "ikke_opptjent"
    DAGER_PER_TILFELLE = "dager_per_tilfelle"
    ETTER_ARBEIDSGIVERPERIODEN = "etter_arbeidsgiverperioden"
    GANGER_PER_12_MND = "ganger_per_12_mnd"
    DAGER_PER_12_MND = "dager_per_12_mnd"


@dataclass(frozen=True, slots=True)
class Advarsel:
    """What a rule says, in Norwegian, with the source the user can look up."""

    kode: Varsel
    tekst: str
    kilde: Kilde


class Status(StrEnum):
    OK = "ok"
    LITE_IGJEN = "lite_igjen"
    BRUKT_OPP = "brukt_opp"
    IKKE_OPPTJENT = "ikke_opptjent"


@dataclass(frozen=True, slots=True)
class Kvote:
    """One employee's egenmelding on ``dag`` under ``regel``."""

    regel: Egenmeldingsregel
    dag: date
    dager_brukt: int
    """Calendar days with egenmelding in the twelve months up to ``dag`` (and any registered
    after it)."""
    ganger_brukt: int
    """Absences (the law's cases) with egenmelding in those twelve months."""
    dager_i_tilfellet: int
    """Egenmelding days in the case a new absence on ``dag`` would continue; 0 when it would
    begin a new one."""
    rett_fra: date | None
    """The first day with the right to egenmelding; None when the employment is not known."""
    frigjores: date | None
    """When the oldest absence counted leaves the twelve months (and gives room again)."""

    @property
    def forste_dag(self) -> date:
        """The first day of the twelve months counted."""
        return aar_tilbake(self.dag, 1) + EN_DAG

    @property
    def ganger_igjen(self) -> int | None:
        if self.regel.ganger_per_12_mnd is None:
            return None
        return max(self.regel.ganger_per_12_mnd - self.ganger_brukt, 0)

    @property
    def dager_igjen(self) -> int | None:
        if self.regel.dager_per_12_mnd is None:
            return None
        return max(self.regel.dager_per_12_mnd - self.dager_brukt, 0)

    @property
    def dager_igjen_i_tilfellet(self) -> int:
        """Days a new egenmelding on ``dag`` may cover, whatever the twelve months allow."""
        igjen = self.regel.dager_per_tilfelle - self.dager_i_tilfellet
        if self.dager_igjen is not None:
            igjen = min(igjen, self.dager_igjen)
        return max(igjen, 0)

    @property
    def opptjent(self) -> bool:
        return self.rett_fra is None or self.rett_fra <= self.dag

    @property
    def status(self) -> Status:
        if not self.opptjent:
            return Status.IKKE_OPPTJENT
        if self.ganger_igjen == 0 or self.dager_igjen == 0 or self.dager_igjen_i_tilfellet == 0:
            return Status.BRUKT_OPP
        if self.ganger_igjen == 1 or (
            self.dager_igjen is not None and self.dager_igjen < self.regel.dager_per_tilfelle
        ):
            return Status.LITE_IGJEN
        return Status.OK

    def varsler(self) -> tuple[Advarsel, ...]:
        """What the user should know before the next egenmelding, in Norwegian."""
        ut: list[Advarsel] = []
        if not self.opptjent and self.rett_fra is not None:
            ut.append(_ikke_opptjent(self.rett_fra))
        if self.ganger_igjen == 0:
            ut.append(
                Advarsel(
                    Varsel.GANGER_PER_12_MND,
                    f"Egenmelding er brukt {self.ganger_brukt} ganger de siste 12 månedene. "
                    f"Etter {self.regel.navn} kan arbeidsgiveren nekte ny egenmelding resten av "
                    "12-månedersperioden; fravær må da dokumenteres med sykmelding"
                    + _frigjores(self.frigjores)
                    + ".",
                    FTRL_8_23_TIL_8_27,
                )
            )
        if self.dager_igjen == 0:
            ut.append(
                Advarsel(
                    Varsel.DAGER_PER_12_MND,
                    f"Alle {self.regel.dager_per_12_mnd} egenmeldingsdagene etter "
                    f"{self.regel.navn} er brukt de siste 12 månedene. Nytt fravær må "
                    "dokumenteres med sykmelding" + _frigjores(self.frigjores) + ".",
                    self.regel.kilde,
                )
            )
        elif self.dager_i_tilfellet and self.dager_igjen_i_tilfellet == 0:
            ut.append(
                Advarsel(
                    Varsel.DAGER_PER_TILFELLE,
                    f"Fravær som begynner i dag, regnes sammen med fraværet som ble dekket av "
                    f"{self.dager_i_tilfellet} egenmeldingsdager (mindre enn 16 dager imellom). "
                    f"{self.regel.navn[0].upper()}{self.regel.navn[1:]} gir "
                    f"{self.regel.dager_per_tilfelle} dager per tilfelle, så det trengs "
                    "sykmelding.",
                    self.regel.kilde,
                )
            )
        return tuple(ut)


def _frigjores(dag: date | None) -> str:
    return f" til {datotekst(dag - EN_DAG)}" if dag is not None else ""


def ansatt_siden(arbeidsforhold: Iterable[tuple[date, date | None]], dag: date) -> date | None:
    """The first day of the unbroken employment that covers ``dag``: employments that follow
    each other without a day between count as one. None when not employed on ``dag``."""
    sortert = sorted(arbeidsforhold, key=lambda a: a[0])
    start: date | None = None
    slutt: date | None = None
    for fra, til in sortert:
        if fra > dag:
            break
        if start is None or (slutt is not None and fra > slutt + EN_DAG):
            start, slutt = fra, til
        elif slutt is not None:
            slutt = None if til is None else max(slutt, til)
    if start is None or (slutt is not None and slutt < dag):
        return None
    return start


def rett_fra(ansatt_siden: date, regelverk: Regelverk = OPPTJENING) -> date:
    """The day the right to egenmelding begins: two months after the employment began."""
    maaneder = regelverk.sats("egenmelding_opptjening_maaneder", ansatt_siden)
    return _legg_til_maaneder(ansatt_siden, maaneder)


def _legg_til_maaneder(dag: date, maaneder: int) -> date:
    indeks = dag.month - 1 + maaneder
    aar, maaned = dag.year + indeks // 12, indeks % 12 + 1
    # 31 December plus two months is the last day of February.
    neste = date(aar + maaned // 12, maaned % 12 + 1, 1)
    return date(aar, maaned, min(dag.day, (neste - EN_DAG).day))


def kvote(
    perioder: Sequence[Periode],
    regel: Egenmeldingsregel,
    dag: date,
    ansatt_siden: date | None = None,
    regelverk: Regelverk = REGELVERK,
) -> Kvote:
    """The employee's egenmelding quota on ``dag`` from the stored periods."""
    vindu = aar_tilbake(dag, 1)
    dager_brukt, ganger_brukt = 0, 0
    eldste_siste: date | None = None
    forste_dag: date | None = None
    tilfeller = knytt_sammen(perioder, regelverk) if perioder else ()
    for tilfelle in tilfeller:
        dager = [d for d in egenmeldte_dager(tilfelle) if d > vindu]
        if dager:
            dager_brukt += len(dager)
            ganger_brukt += 1
            if eldste_siste is None:
                eldste_siste, forste_dag = dager[-1], dager[0]
    # Absences give room back one by one; days give room back from the first one.
    eldste = forste_dag if regel.dager_per_12_mnd is not None else eldste_siste
    return Kvote(
        regel=regel,
        dag=dag,
        dager_brukt=dager_brukt,
        ganger_brukt=ganger_brukt,
        dager_i_tilfellet=_dager_i_tilfellet(perioder, dag, regelverk),
        rett_fra=None if ansatt_siden is None else rett_fra(ansatt_siden),
        frigjores=None if eldste is None else aar_tilbake(eldste, -1),
    )


def _dager_i_tilfellet(perioder: Sequence[Periode], dag: date, regelverk: Regelverk) -> int:
    tenkt = Periode(dag, dag, Fravaerstype.EGENMELDING)
    tilfelle = _tilfellet_med(tenkt, [*perioder, tenkt], regelverk)[1]
    uten = tuple(p for p in tilfelle.perioder if p is not tenkt)
    return len(egenmeldte_dager(Tilfelle(uten))) if uten else 0


def _tilfellet_med(
    periode: Periode, perioder: Sequence[Periode], regelverk: Regelverk
) -> tuple[tuple[Tilfelle, ...], Tilfelle]:
    """The cases before the one ``periode`` belongs to, and that one."""
    tilfeller = knytt_sammen(perioder, regelverk)
    for i, tilfelle in enumerate(tilfeller):
        # The same object: an equal period registered twice is still another period.
        if any(p is periode for p in tilfelle.perioder):
            return tilfeller[:i], tilfelle
    raise AssertionError("knytt_sammen mistet en periode")  # pragma: no cover


def vurder(
    ny: Periode,
    perioder: Sequence[Periode],
    regel: Egenmeldingsregel,
    ansatt_siden: date | None = None,
    regelverk: Regelverk = REGELVERK,
) -> tuple[Advarsel, ...]:
    """What registering ``ny`` beside the stored ``perioder`` would break, in Norwegian.

    Registering is still allowed: the employer may accept more than the rule (and must know
    what follows when it does not)."""
    if ny.type is not Fravaerstype.EGENMELDING:
        return ()
    ut: list[Advarsel] = []
    if ansatt_siden is not None and ny.fra < (fra := rett_fra(ansatt_siden)):
        ut.append(_ikke_opptjent(fra, ansatt_siden))
    tidligere, naa = _tilfellet_med(ny, [*perioder, ny], regelverk)
    egne = egenmeldte_dager(naa)
    if not egne:
        return tuple(ut)
    if len(egne) > regel.dager_per_tilfelle:
        sammen = (
            " Fravær som begynner mindre enn 16 dager etter forrige fravær, regnes sammen med det."
            if len(naa.perioder) > 1
            else ""
        )
        ut.append(
            Advarsel(
                Varsel.DAGER_PER_TILFELLE,
                f"Tilfellet får {len(egne)} egenmeldingsdager, men {regel.navn} gir "
                f"{regel.dager_per_tilfelle} dager per tilfelle.{sammen} Fra "
                f"{datotekst(egne[regel.dager_per_tilfelle])} trengs sykmelding; ellers kan "
                "arbeidsgiveren kreve legeerklæring, og retten til sykepenger for dagene kan "
                "falle bort.",
                regel.kilde,
            )
        )
    arbeidsgivers = {d.dato for d in arbeidsgiverperiode(naa, regelverk)}
    if etter := [d for d in egne if d not in arbeidsgivers]:
        ut.append(
            Advarsel(
                Varsel.ETTER_ARBEIDSGIVERPERIODEN,
                f"Egenmeldte dager etter arbeidsgiverperioden (fra {datotekst(etter[0])}) gir "
                "ikke sykepenger fra NAV; da trengs sykmelding.",
                FTRL_8_7,
            )
        )
    vindu = aar_tilbake(egne[0], 1)
    foer = [dager for t in tidligere if (dager := [d for d in egenmeldte_dager(t) if d > vindu])]
    if regel.ganger_per_12_mnd is not None and len(foer) >= regel.ganger_per_12_mnd:
        ut.append(
            Advarsel(
                Varsel.GANGER_PER_12_MND,
                f"Egenmelding er brukt {len(foer)} ganger de siste 12 månedene før "
                f"{datotekst(egne[0])} (sist {datotekst(foer[-1][-1])}). Etter {regel.navn} kan "
                "arbeidsgiveren da nekte egenmelding resten av 12-månedersperioden, og fraværet "
                "må dokumenteres med sykmelding.",
                FTRL_8_23_TIL_8_27,
            )
        )
    if regel.dager_per_12_mnd is not None:
        brukt = sum(len(dager) for dager in foer)
        if brukt + len(egne) > regel.dager_per_12_mnd:
            forste_over = egne[max(regel.dager_per_12_mnd - brukt, 0)]
            ut.append(
                Advarsel(
                    Varsel.DAGER_PER_12_MND,
                    f"Med denne registreringen er det brukt {brukt + len(egne)} "
                    f"egenmeldingsdager på 12 måneder, men {regel.navn} gir "
                    f"{regel.dager_per_12_mnd}. Fra {datotekst(forste_over)} trengs sykmelding.",
                    regel.kilde,
                )
            )
    return tuple(ut)


def _ikke_opptjent(fra: date, siden: date | None = None) -> Advarsel:
    begynte = f" (arbeidsforholdet begynte {datotekst(siden)})" if siden is not None else ""
    return Advarsel(
        Varsel.IKKE_OPPTJENT,
        f"Retten til egenmelding kommer etter to måneder i arbeid, fra {datotekst(fra)}"
        f"{begynte}. Før det må fravær dokumenteres med sykmelding fra lege.",
        FTRL_8_24,
    )


def overlapper(ny: Periode, perioder: Iterable[Periode]) -> Periode | None:
    """The first stored period that shares a day with ``ny``, if any."""
    slutt = ny.til or date.max
    for periode in sorted(perioder, key=lambda p: p.fra):
        if periode.fra <= slutt and (periode.til is None or periode.til >= ny.fra):
            return periode
    return None
