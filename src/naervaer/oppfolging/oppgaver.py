"""The follow-up of the stored absence: the law's cases, when each is over, its tasks, and how a
recomputed case finds the case it continues.

- A task is a milestone that asks the employer to act by a date (``Regel.frist``: the
  oppfølgingsplan, dialogmøte 1, the aktivitetskrav, the updated plan before dialogmøte 2). What
  NAV does and when the sykepenger end are shown on the case's timeline, not given as tasks.
- A case is over («avsluttet») from the first day back: the day after its last day of absence,
  once that day has come. The duties of aml. § 4-6 follow an employee who is away; on the first
  day back nothing more falls due. It is not final: a new absence that begins less than 16 days
  after the last one continues the case (``tilfelle.knytt_sammen``), so the recomputation opens it
  again with the same first day, and its deadlines go on counting from there.
- A case is followed up while it goes on and for a year after it ended (``folges_opp``): an
  import of three years of history opens no cases for the first two.
- Recomputing never forgets the stored case a computed one continues: the one with the same first
  day, or else the one it overlaps most (an egenmelding found before a sykmelding moves the first
  day earlier; it is still the same case). A stored case that a new absence joins to another is
  merged into it; one that overlaps no computed case is gone with its absence.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from naervaer.oppfolging.egenmelding import LOVENS_REGEL, Egenmeldingsregel
from naervaer.oppfolging.frister import Frist, tidslinje, ukefrister
from naervaer.oppfolging.regler import REGELVERK, Kode, Regel, Regelverk
from naervaer.oppfolging.tilfelle import Periode, Tilfelle, aar_tilbake, knytt_sammen

EN_DAG = timedelta(days=1)


def er_oppgave(regel: Regel) -> bool:
    return regel.frist


def oppgaveregler(fra: date, regelverk: Regelverk = REGELVERK) -> tuple[Regel, ...]:
    """The rules in force for a case that began on ``fra`` that give tasks."""
    if regelverk is REGELVERK:
        return _lovens_oppgaveregler(fra)
    return tuple(r for r in regelverk.regler_per(fra) if er_oppgave(r))


@functools.lru_cache(maxsize=8192)
def _lovens_oppgaveregler(fra: date) -> tuple[Regel, ...]:
    # Cached by the day alone: the sync asks for the same first days again and again, and hashing
    # a whole Regelverk for the key would cost more than the lookup saves.
    return tuple(r for r in REGELVERK.regler_per(fra) if er_oppgave(r))


def regel_for(kode: Kode | str, fra: date, regelverk: Regelverk = REGELVERK) -> Regel | None:
    """The version of a milestone's rule for a case that began on ``fra``."""
    for regel in regelverk.regler_per(fra):
        if regel.kode == kode:
            return regel
    return None


def kan_vaere_unodvendig(kode: Kode | str, fra: date, regelverk: Regelverk = REGELVERK) -> bool:
    """Whether the law lets the employer skip this task as «åpenbart unødvendig»."""
    regel = regel_for(kode, fra, regelverk)
    return regel is not None and regel.kan_vaere_unodvendig


def avsluttet(til: date | None, dag: date) -> date | None:
    """The first day back when it has come (``dag`` is today), else None: the case is open."""
    if til is None:
        return None
    tilbake = til + EN_DAG
    return tilbake if tilbake <= dag else None


def fortsetter_til(til: date, regelverk: Regelverk = REGELVERK) -> date:
    """The last day a new absence can begin and still continue a case that ended on ``til``."""
    return til + timedelta(days=regelverk.sats("sammenheng_dager", til))


@dataclass(frozen=True, slots=True)
class Beregnet:
    """One of the law's cases as the stored absence gives it today."""

    fra: date
    til: date | None
    avsluttet: date | None
    oppgaver: tuple[Frist, ...]


def tidligste_dag(regelverk: Regelverk = REGELVERK) -> date:
    """The first day the rules vouch for, both the milestones and the figures they use."""
    return max(
        min(r.gjelder_fra for r in regelverk.regler), min(s.gjelder_fra for s in regelverk.satser)
    )


def oppgaver_for(
    tilfeller: Sequence[Tilfelle],
    i: int,
    egenmelding: Egenmeldingsregel = LOVENS_REGEL,
    regelverk: Regelverk = REGELVERK,
) -> tuple[Frist, ...]:
    """The tasks of case ``i`` among one employee's cases."""
    tilfelle = tilfeller[i]
    regler = oppgaveregler(tilfelle.fra, regelverk)
    uker = [r.uker for r in regler if r.uker is not None]
    if len(uker) == len(regler):
        # The quick way, and the usual one: these dates need nothing but the case, and most
        # cases end before the first of them.
        til = tilfelle.til
        if til is not None and til + EN_DAG < tilfelle.fra + timedelta(weeks=min(uker, default=0)):
            return ()
        return tuple(ukefrister(tilfelle, regler))
    koder = {r.kode for r in regler}
    perioder = [p for t in tilfeller[: i + 1] for p in t.perioder]
    return tuple(f for f in tidslinje(perioder, egenmelding, regelverk).frister if f.kode in koder)


def folges_opp_fra(dag: date) -> date:
    """The earliest last day of a case that is still followed up on ``dag``: a year back."""
    return aar_tilbake(dag, 1)


def folges_opp(til: date | None, dag: date) -> bool:
    """Whether a case is followed up in Nærvær: it goes on, or ended within the last year. Older
    absence is history for the statistics and the person's page; a case kept for it (derived
    health data) would serve no follow-up."""
    return til is None or til >= folges_opp_fra(dag)


def beregn(
    perioder: Sequence[Periode],
    dag: date,
    egenmelding: Egenmeldingsregel = LOVENS_REGEL,
    regelverk: Regelverk = REGELVERK,
    *,
    trengs: Callable[[Tilfelle], bool] | None = None,
) -> tuple[Beregnet, ...]:
    """One employee's cases with their tasks; with ``trengs``, only the cases it accepts (the
    rest cost nothing more than joining the periods). Absence that began before the rules Nærvær
    has is history that is not followed up, and left out."""
    forste = tidligste_dag(regelverk)
    innenfor = [p for p in perioder if p.fra >= forste]
    if not innenfor:
        return ()
    tilfeller = knytt_sammen(innenfor, regelverk)
    return tuple(
        Beregnet(
            t.fra,
            t.til,
            avsluttet(t.til, dag),
            oppgaver_for(tilfeller, i, egenmelding, regelverk),
        )
        for i, t in enumerate(tilfeller)
        if trengs is None or trengs(t)
    )


@dataclass(frozen=True, slots=True)
class Lagret:
    """A stored case, as far as the matching needs it."""

    id: int
    fra: date
    til: date | None


@dataclass(frozen=True, slots=True)
class Kobling:
    beregnet: Beregnet
    lagret: int | None
    """The stored case it continues; None for a new case."""
    slaas_sammen: tuple[int, ...] = ()
    """Stored cases a new absence joined to it: what was recorded on them moves here."""


def _overlapp(fra: date, til: date | None, annen_fra: date, annen_til: date | None) -> int:
    """Days two periods share; an open end counts as reaching far ahead."""
    slutt = min(til or date.max, annen_til or date.max)
    start = max(fra, annen_fra)
    return 0 if slutt < start else (slutt - start).days + 1


def koble(
    lagrede: Sequence[Lagret], beregnede: Sequence[Beregnet]
) -> tuple[tuple[Kobling, ...], tuple[int, ...]]:
    """Match the computed cases of one employee with the stored ones. Answers a ``Kobling`` for
    each computed case, in order, and the stored cases that overlap none (to delete)."""
    ledige = {lagret.id: lagret for lagret in lagrede}
    valgt: dict[int, int] = {}
    per_fra = {lagret.fra: lagret.id for lagret in lagrede}
    for n, b in enumerate(beregnede):
        if (lagret_id := per_fra.get(b.fra)) is not None:
            valgt[n] = lagret_id
            del ledige[lagret_id]

    def mest_overlapp(b: Beregnet) -> Lagret | None:
        kandidater = [
            (_overlapp(b.fra, b.til, lagret.fra, lagret.til), lagret) for lagret in ledige.values()
        ]
        kandidater = [(dager, lagret) for dager, lagret in kandidater if dager > 0]
        if not kandidater:
            return None
        return max(kandidater, key=lambda k: (k[0], -k[1].fra.toordinal(), -k[1].id))[1]

    for n, b in enumerate(beregnede):
        if n not in valgt and (lagret := mest_overlapp(b)) is not None:
            valgt[n] = lagret.id
            del ledige[lagret.id]

    sammen: dict[int, list[int]] = {}
    rest: list[int] = []
    for lagret in sorted(ledige.values(), key=lambda lagret: (lagret.fra, lagret.id)):
        beste = max(
            range(len(beregnede)),
            key=lambda n: _overlapp(beregnede[n].fra, beregnede[n].til, lagret.fra, lagret.til),
            default=None,
        )
        if beste is None or not _overlapp(
            beregnede[beste].fra, beregnede[beste].til, lagret.fra, lagret.til
        ):
            rest.append(lagret.id)
        else:
            sammen.setdefault(beste, []).append(lagret.id)
    for n, flettes in sammen.items():
        # A computed case with stored cases to merge always has one of them to continue.
        if n not in valgt and flettes:
            valgt[n] = flettes.pop(0)
    koblinger = tuple(
        Kobling(b, valgt.get(n), tuple(sammen.get(n, ()))) for n, b in enumerate(beregnede)
    )
    return koblinger, tuple(rest)
