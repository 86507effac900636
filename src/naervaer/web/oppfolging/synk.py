"""Keeping the cases and their tasks in step with the stored absence.

The import, the registration and the deletions send ``fravaer_endret`` inside the transaction that
wrote the absence; ``fravaer_endret_mottak`` recomputes the employees it names in that same
transaction, so an import that fails leaves no cases behind either. The rules are in
``naervaer.oppfolging.oppgaver`` (what a task is, when a case is over, which stored case a
recomputed one continues); this module reads what they need in a few queries and writes in
batches, since it runs for every employee of an import.

What a user recorded on a task (done, postponed, obviously unnecessary, the note) is never touched
here: a recomputation moves the deadline and the text of the rule, not the answer. A task whose
milestone is gone (the absence turned out shorter) is dropped while it is still to do, and kept
once it was done or found unnecessary.

Days passing close cases too (the employee is back), with no absence written:
``avslutt_ferdige`` does that, from ``synk_tilfeller --avslutt`` every night and before the
follow-up pages read the cases.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, NamedTuple, TypeVar, cast

from django.db import connection, transaction
from django.db.models import DateField, DateTimeField, Field, Model
from django.utils import timezone

from naervaer.oppfolging.egenmelding import LOVENS_REGEL, Egenmeldingsregel, kontroller_regel
from naervaer.oppfolging.frister import Frist
from naervaer.oppfolging.oppgaver import (
    Beregnet,
    Lagret,
    avsluttet,
    beregn,
    folges_opp,
    folges_opp_fra,
    koble,
)
from naervaer.oppfolging.tilfelle import Fravaerstype, Periode
from naervaer.oppfolging.tilfelle import Tilfelle as LovensTilfelle
from naervaer.web.egendata.models import Ansatt, Fravaer
from naervaer.web.fravaer.regel import regel_for
from naervaer.web.oppfolging.models import Oppgave, Tilfelle
from naervaer.web.virksomheter.models import Virksomhet

logger = logging.getLogger(__name__)

BOLK = 2_000
"""Rows per INSERT, UPDATE or ``IN (…)``: within SQLite's limit on parameters."""

BEHOLDES = frozenset({Oppgave.Status.UTFORT, Oppgave.Status.UNODVENDIG})
"""Tasks kept when their milestone is gone: they record what was done."""

T = TypeVar("T")


def idag() -> date:
    return timezone.localdate()


@dataclass
class Resultat:
    ansatte: int = 0
    nye_tilfeller: int = 0
    endrede_tilfeller: int = 0
    slettede_tilfeller: int = 0
    nye_oppgaver: int = 0
    endrede_oppgaver: int = 0
    slettede_oppgaver: int = 0

    def __add__(self, annen: Resultat) -> Resultat:
        return Resultat(
            *(
                getattr(self, f) + getattr(annen, f)
                for f in (
                    "ansatte",
                    "nye_tilfeller",
                    "endrede_tilfeller",
                    "slettede_tilfeller",
                    "nye_oppgaver",
                    "endrede_oppgaver",
                    "slettede_oppgaver",
                )
            )
        )


class _Tilfelle(NamedTuple):
    pk: int
    fra: date
    til: date | None
    avsluttet: date | None


class _Oppgave(NamedTuple):
    pk: int
    tilfelle_id: int
    kode: str
    frist: date
    ansvarlig: str
    hva: str
    kilde: str
    status: str


@dataclass
class _Plan:
    """What to write, collected over all the employees first, as rows of plain values."""

    nye_tilfeller: list[tuple[int, Beregnet]] = field(default_factory=list)
    endrede_tilfeller: list[tuple[date, date | None, date | None, int]] = field(
        default_factory=list
    )
    slettede_tilfeller: list[int] = field(default_factory=list)
    nye_oppgaver: list[tuple[int, Frist]] = field(default_factory=list)
    endrede_oppgaver: list[tuple[int, date, str, str, str, int]] = field(default_factory=list)
    """(tilfelle_id, frist, ansvarlig, hva, kilde, id)"""
    slettede_oppgaver: list[int] = field(default_factory=list)


def _bolker(rader: Sequence[T]) -> Iterator[Sequence[T]]:
    for start in range(0, len(rader), BOLK):
        yield rader[start : start + BOLK]


def egenmeldingsregel(virksomhet: Virksomhet, dag: date) -> Egenmeldingsregel:
    """The virksomhet's rule; the law's when a hand-written row breaks the law (the dates of the
    tasks do not depend on it, so the sync goes on either way)."""
    regel = regel_for(virksomhet)
    try:
        kontroller_regel(regel, dag)
    except ValueError:
        logger.warning("Ugyldig egenmeldingsregel for %s; bruker lovens regel", virksomhet.pk)
        return LOVENS_REGEL
    return regel


def periode(fra: date, til: date, type_: str, grad: Decimal) -> Periode:
    # An imported grad may have decimals; the rules read whole percent.
    prosent = int(grad.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return Periode(fra, til, Fravaerstype(type_), prosent)


def _utvalg(
    virksomhet: Virksomhet, ansatt_ids: frozenset[int] | None, felt: str
) -> dict[str, object]:
    """The filter for the employees' rows: by id when they are few, else the whole virksomhet
    (and the rows of others skipped in Python), so no query has more parameters than SQLite
    takes."""
    if ansatt_ids is not None and len(ansatt_ids) <= BOLK:
        return {f"{felt}__in": ansatt_ids}
    return {felt.replace("ansatt_id", "ansatt__virksomhet"): virksomhet}


def synk(
    virksomhet: Virksomhet,
    ansatt_ids: Collection[int] | None = None,
    dag: date | None = None,
    *,
    laas: bool = False,
) -> Resultat:
    """Recompute the cases and tasks of ``ansatt_ids`` (every employee when None) from their
    stored absence. ``laas`` locks the virksomhet first, as an import does (for the command)."""
    dag = dag or idag()
    ider = None if ansatt_ids is None else frozenset(ansatt_ids)
    with transaction.atomic():
        if laas:
            Virksomhet.objects.select_for_update().filter(pk=virksomhet.pk).exists()
        alle = _aktuelle(virksomhet, ider, dag)
        _las_ansatte(sorted(alle))
        perioder = _les_perioder(virksomhet, alle)
        lagrede, oppgaver = _les_lagrede(virksomhet, alle)
        regel = egenmeldingsregel(virksomhet, dag)
        plan = _Plan()
        for ansatt_id in sorted(alle):
            egne = lagrede.get(ansatt_id, [])
            beregnede = beregn(perioder.get(ansatt_id, ()), dag, regel, trengs=_trengs(egne, dag))
            _planlegg(ansatt_id, beregnede, egne, oppgaver, plan)
        resultat = _skriv(virksomhet, plan)
    resultat.ansatte = len(alle)
    return resultat


def _trengs(lagrede: Sequence[_Tilfelle], dag: date) -> Callable[[LovensTilfelle], bool]:
    """The cases to compute: those followed up, and old ones a stored case still stands for."""

    def trengs(t: LovensTilfelle) -> bool:
        return folges_opp(t.til, dag) or any(
            lagret.fra <= (t.til or date.max) and t.fra <= (lagret.til or date.max)
            for lagret in lagrede
        )

    return trengs


def _aktuelle(virksomhet: Virksomhet, ider: frozenset[int] | None, dag: date) -> frozenset[int]:
    """The employees who can have a case to keep: absence in the year that is followed up, or a
    stored case. An import of old history costs two small queries, not every period read."""
    nylig = Fravaer.objects.filter(
        **_utvalg(virksomhet, ider, "ansatt_id"), til_dato__gte=folges_opp_fra(dag)
    )
    lagret = Tilfelle.objects.filter(**_utvalg(virksomhet, ider, "ansatt_id"))
    aktuelle = {
        *nylig.values_list("ansatt_id", flat=True).distinct(),
        *lagret.values_list("ansatt_id", flat=True).distinct(),
    }
    return frozenset(aktuelle if ider is None else aktuelle & ider)


def _las_ansatte(ider: Sequence[int]) -> None:
    """Two syncs of one employee (a registration during an import) wait for each other rather
    than both inserting the same case. In id order, so they cannot deadlock. (SQLite locks the
    whole database for a write anyway.)"""
    if not connection.features.has_select_for_update:
        return
    for bolk in _bolker(ider):
        list(
            Ansatt.objects.select_for_update()
            .filter(pk__in=bolk)
            .order_by("pk")
            .values_list("pk", flat=True)
        )


def _les_perioder(virksomhet: Virksomhet, ider: frozenset[int] | None) -> dict[int, list[Periode]]:
    ut: dict[int, list[Periode]] = defaultdict(list)
    rader = Fravaer.objects.filter(**_utvalg(virksomhet, ider, "ansatt_id")).values_list(
        "ansatt_id", "fra_dato", "til_dato", "type", "grad"
    )
    for ansatt_id, fra, til, type_, grad in rader.iterator(chunk_size=BOLK * 5):
        if ider is None or ansatt_id in ider:
            ut[ansatt_id].append(periode(fra, til, type_, grad))
    return ut


def _les_lagrede(
    virksomhet: Virksomhet, ider: frozenset[int] | None
) -> tuple[dict[int, list[_Tilfelle]], dict[int, list[_Oppgave]]]:
    lagrede: dict[int, list[_Tilfelle]] = defaultdict(list)
    for pk, ansatt_id, fra, til, slutt in (
        Tilfelle.objects.filter(**_utvalg(virksomhet, ider, "ansatt_id"))
        .values_list("pk", "ansatt_id", "fra_dato", "til_dato", "avsluttet")
        .iterator(chunk_size=BOLK * 5)
    ):
        if ider is None or ansatt_id in ider:
            lagrede[ansatt_id].append(_Tilfelle(pk, fra, til, slutt))
    oppgaver: dict[int, list[_Oppgave]] = defaultdict(list)
    if lagrede:
        for rad in (
            Oppgave.objects.filter(**_utvalg(virksomhet, ider, "tilfelle__ansatt_id"))
            .values_list(*_Oppgave._fields)
            .iterator(chunk_size=BOLK * 5)
        ):
            oppgaver[rad[1]].append(_Oppgave(*rad))
    return lagrede, oppgaver


def _planlegg(
    ansatt_id: int,
    beregnede: Sequence[Beregnet],
    lagrede: Sequence[_Tilfelle],
    oppgaver: dict[int, list[_Oppgave]],
    plan: _Plan,
) -> None:
    koblinger, rest = koble([Lagret(t.pk, t.fra, t.til) for t in lagrede], beregnede)
    per_id = {lagret.pk: lagret for lagret in lagrede}
    plan.slettede_tilfeller.extend(rest)
    for kobling in koblinger:
        b = kobling.beregnet
        if kobling.lagret is None:
            plan.nye_tilfeller.append((ansatt_id, b))
            continue
        lagret = per_id[kobling.lagret]
        if (lagret.fra, lagret.til, lagret.avsluttet) != (b.fra, b.til, b.avsluttet):
            plan.endrede_tilfeller.append((b.fra, b.til, b.avsluttet, lagret.pk))
        plan.slettede_tilfeller.extend(kobling.slaas_sammen)
        eksisterende = _flett(
            oppgaver.get(lagret.pk, []),
            [o for t in kobling.slaas_sammen for o in oppgaver.get(t, [])],
            plan,
        )
        _avstem(lagret.pk, eksisterende, b.oppgaver, plan)


def _flett(egne: list[_Oppgave], andres: list[_Oppgave], plan: _Plan) -> dict[str, _Oppgave]:
    """The tasks of a case and of the cases merged into it, one per milestone: what a user
    recorded wins over a task still open, and the case's own record over a merged one's."""
    ut = {o.kode: o for o in egne}
    for o in andres:
        naa = ut.get(o.kode)
        if o.status == Oppgave.Status.APEN:
            continue
        if naa is None:
            ut[o.kode] = o
        elif naa.status == Oppgave.Status.APEN:
            plan.slettede_oppgaver.append(naa.pk)
            ut[o.kode] = o
    return ut


def _avstem(
    tilfelle_id: int, eksisterende: dict[str, _Oppgave], frister: Iterable[Frist], plan: _Plan
) -> None:
    for f in frister:
        o = eksisterende.pop(f.kode.value, None)
        if o is None:
            plan.nye_oppgaver.append((tilfelle_id, f))
        elif (o.tilfelle_id, o.frist, o.ansvarlig, o.hva, o.kilde) != (
            tilfelle_id,
            f.dato,
            f.ansvarlig,
            f.hva,
            f.kilde,
        ):
            plan.endrede_oppgaver.append((tilfelle_id, f.dato, f.ansvarlig, f.hva, f.kilde, o.pk))
    for o in eksisterende.values():
        if o.status not in BEHOLDES:
            plan.slettede_oppgaver.append(o.pk)
        elif o.tilfelle_id != tilfelle_id:
            # Done on a case that was merged into this one: the record moves along.
            plan.endrede_oppgaver.append((tilfelle_id, o.frist, o.ansvarlig, o.hva, o.kilde, o.pk))


def _skriv(virksomhet: Virksomhet, plan: _Plan) -> Resultat:
    """Plain INSERT and UPDATE statements (COPY on PostgreSQL) rather than model instances, which
    cost more than the writing for the cases of a whole import. Deletions go through the ORM, so
    that the rows other apps tie to a case or a task (plans, reminders) follow their
    ``on_delete``."""
    naa = timezone.now()
    # A merged case's task can only move once the open one it replaces is gone, and it must move
    # before its case is deleted.
    for bolk in _bolker(plan.slettede_oppgaver):
        Oppgave.objects.filter(pk__in=bolk).delete()
    _oppdater(Oppgave, ("tilfelle", "frist", "ansvarlig", "hva", "kilde"), plan.endrede_oppgaver)
    for bolk in _bolker(plan.slettede_tilfeller):
        Tilfelle.objects.filter(pk__in=bolk).delete()
    _oppdater(
        Tilfelle,
        ("fra_dato", "til_dato", "avsluttet", "endret"),
        [(fra, til, slutt, naa, pk) for fra, til, slutt, pk in plan.endrede_tilfeller],
    )
    _sett_inn(
        Tilfelle,
        ("ansatt", "fra_dato", "til_dato", "avsluttet", "opprettet", "endret"),
        [(a, b.fra, b.til, b.avsluttet, naa, naa) for a, b in plan.nye_tilfeller],
    )
    # The new cases' ids, by their key (employee, first day); they were made at this moment.
    nye = (
        {
            (a, fra): pk
            for pk, a, fra in Tilfelle.objects.filter(
                ansatt__virksomhet=virksomhet, opprettet=naa
            ).values_list("pk", "ansatt_id", "fra_dato")
        }
        if plan.nye_tilfeller
        else {}
    )
    nye_oppgaver = [
        *plan.nye_oppgaver,
        *((nye[(a, b.fra)], f) for a, b in plan.nye_tilfeller for f in b.oppgaver),
    ]
    _sett_inn(
        Oppgave,
        ("tilfelle", "kode", "frist", "ansvarlig", "hva", "kilde", "status", "notat", "endret"),
        [
            (
                t,
                f.kode.value,
                f.dato,
                f.ansvarlig,
                f.hva,
                f.kilde,
                Oppgave.Status.APEN.value,
                "",
                naa,
            )
            for t, f in nye_oppgaver
        ],
    )
    return Resultat(
        nye_tilfeller=len(plan.nye_tilfeller),
        endrede_tilfeller=len(plan.endrede_tilfeller),
        slettede_tilfeller=len(plan.slettede_tilfeller),
        nye_oppgaver=len(nye_oppgaver),
        endrede_oppgaver=len(plan.endrede_oppgaver),
        slettede_oppgaver=len(plan.slettede_oppgaver),
    )


def _kolonner(modell: type[Model], felter: Sequence[str]) -> list[Field[Any, Any]]:
    ut = []
    for navn in felter:
        felt = modell._meta.get_field(navn)
        assert isinstance(felt, Field) and felt.column is not None
        ut.append(felt)
    return ut


def _kolonnenavn(felt: Field[Any, Any]) -> str:
    return connection.ops.quote_name(str(felt.column))


def _forbered(kolonner: Sequence[Field[Any, Any]]) -> list[Callable[[object], Any]]:
    """For each column, a function that makes a value as the ORM would store it (SQLite keeps
    dates and times as text of its own format), each distinct value made once: an import has a
    few thousand dates and one timestamp."""
    ops = connection.ops

    def lag(felt: Field[Any, Any]) -> Callable[[object], Any]:
        if isinstance(felt, DateTimeField):
            gjor: Callable[[Any], Any] = ops.adapt_datetimefield_value
        elif isinstance(felt, DateField):
            gjor = ops.adapt_datefield_value
        else:
            return lambda v: v
        minne: dict[object, Any] = {None: None}

        def verdi(v: object) -> Any:
            try:
                return minne[v]
            except KeyError:
                return minne.setdefault(v, gjor(v))

        return verdi

    return [lag(f) for f in kolonner]


def _sett_inn(
    modell: type[Model], felter: Sequence[str], rader: Sequence[tuple[object, ...]]
) -> None:
    if not rader:
        return
    kolonner = _kolonner(modell, felter)
    tabell = connection.ops.quote_name(modell._meta.db_table)
    navn = ", ".join(_kolonnenavn(f) for f in kolonner)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # COPY is several times quicker than INSERT for many rows.
            with cursor.cursor.copy(f"COPY {tabell} ({navn}) FROM STDIN") as kopi:
                for rad in rader:
                    kopi.write_row(rad)
            return
        verdier = _forbered(kolonner)
        sql = f"INSERT INTO {tabell} ({navn}) VALUES ({', '.join(['%s'] * len(kolonner))})"
        for bolk in _bolker(rader):
            cursor.executemany(
                sql, [[lag(v) for lag, v in zip(verdier, rad, strict=True)] for rad in bolk]
            )


def _oppdater(
    modell: type[Model], felter: Sequence[str], rader: Sequence[tuple[object, ...]]
) -> None:
    """UPDATE … WHERE id = the last value of each row."""
    if not rader:
        return
    kolonner = _kolonner(modell, felter)
    verdier = _forbered(kolonner)
    tabell = connection.ops.quote_name(modell._meta.db_table)
    sett = ", ".join(f"{_kolonnenavn(f)} = %s" for f in kolonner)
    sql = f"UPDATE {tabell} SET {sett} WHERE id = %s"
    with connection.cursor() as cursor:
        for bolk in _bolker(rader):
            cursor.executemany(
                sql,
                [
                    [
                        *(lag(v) for lag, v in zip(verdier, rad[:-1], strict=True)),
                        cast(Any, rad[-1]),
                    ]
                    for rad in bolk
                ],
            )


def avslutt_ferdige(virksomhet: Virksomhet | None = None, dag: date | None = None) -> int:
    """Close the open cases whose employee is back by ``dag``; answers how many."""
    dag = dag or idag()
    apne = Tilfelle.objects.filter(avsluttet__isnull=True, til_dato__lt=dag)
    if virksomhet is not None:
        apne = apne.filter(ansatt__virksomhet=virksomhet)
    naa = timezone.now()
    ferdige = [
        Tilfelle(pk=pk, avsluttet=avsluttet(til, dag), endret=naa)
        for pk, til in apne.values_list("pk", "til_dato")
    ]
    Tilfelle.objects.bulk_update(ferdige, ["avsluttet", "endret"], batch_size=BOLK)
    return len(ferdige)


def fravaer_endret_mottak(
    sender: object, virksomhet: Virksomhet, ansatt_ids: frozenset[int], **kwargs: object
) -> None:
    """Only the employees' absence decides their cases: a change of departments alone (no ids)
    changes none."""
    if ansatt_ids:
        synk(virksomhet, ansatt_ids)
