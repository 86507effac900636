"""Storing an import for one virksomhet: a preview that writes nothing, then all of it or nothing.

``les_filer`` reads and checks the files against the employees already stored, ``forhandsvis``
works out the plan (``plan.lag_plan``), and ``lagre`` works it out again inside one transaction,
with the virksomhet locked, and carries it out in batches. When the caller passes the preview's
``fingeravtrykk``, a plan that has changed since (someone else imported in between) is refused
rather than written unseen. The receivers of ``fravaer_endret`` run inside the same transaction,
so a receiver that fails leaves nothing written either.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from django.contrib.auth.models import User
from django.db import connection, transaction
from django.db.models import DateField, DecimalField, Field, Model
from django.utils import timezone

from naervaer.egendata.kontroll import Innlesing, les_inn
from naervaer.egendata.lesing import Fil
from naervaer.egendata.oppsett import Oppsett
from naervaer.web.egendata.models import (
    Ansatt,
    Arbeidsforhold,
    Avdeling,
    Fravaer,
    Importlogg,
    Importnokkel,
)
from naervaer.web.egendata.plan import IMPORT, Plan, lag_plan
from naervaer.web.egendata.signaler import send_fravaer_endret
from naervaer.web.virksomheter.models import Virksomhet

BOLK = 2_000
"""Rows per INSERT, UPDATE or DELETE: large enough to be quick, small enough for SQLite's limit
on parameters in one statement."""

Fremdrift = Callable[[str, int, int], None]
"""``(steg, ferdig, totalt)``, as ``naervaer.fremdrift.Fremdrift.steg`` takes it."""

T = TypeVar("T")


class PlanenErEndret(Exception):
    """The stored data changed between the preview and the confirmation; nothing is written."""

    def __init__(self) -> None:
        super().__init__(
            "Dataene er endret siden forhåndsvisningen (en annen import eller registrering), og "
            "ingenting er lagret. Se på forhåndsvisningen igjen og bekreft på nytt."
        )


@dataclass(frozen=True, slots=True)
class Hvem:
    """Who imports and how, for the import log."""

    kanal: Importlogg.Kanal
    tekst: str
    bruker: User | None = None
    nokkel: Importnokkel | None = None


def les_filer(
    virksomhet: Virksomhet, filer: Sequence[Fil], valg: Mapping[str, Oppsett] | None = None
) -> Innlesing:
    """Read and check ``filer``; rows may refer to employees the virksomhet already has.

    Raises ``Importfeil`` naming every error.
    """
    kjente = set(
        Ansatt.objects.filter(virksomhet=virksomhet).values_list("ansattnummer", flat=True)
    )
    return les_inn(filer, kjente_ansatte=kjente, valg=valg)


def forhandsvis(virksomhet: Virksomhet, innlesing: Innlesing) -> Plan:
    """What ``lagre`` would do now, without writing anything."""
    return lag_plan(virksomhet, innlesing)


@dataclass(frozen=True, slots=True)
class Lagret:
    plan: Plan
    logg: Importlogg
    endrede_ansatte: frozenset[int]


def lagre(
    virksomhet: Virksomhet,
    innlesing: Innlesing,
    hvem: Hvem,
    *,
    fingeravtrykk: str | None = None,
    fremdrift: Fremdrift | None = None,
) -> Lagret:
    """Carry out the plan in one transaction and log the import; all or nothing.

    ``fingeravtrykk``: the preview's; when the plan differs now, ``PlanenErEndret`` is raised.
    """
    with transaction.atomic():
        # Two imports for one virksomhet at once would plan against the same stored rows.
        Virksomhet.objects.select_for_update().filter(pk=virksomhet.pk).exists()
        plan = lag_plan(virksomhet, innlesing)
        if fingeravtrykk is not None and plan.fingeravtrykk != fingeravtrykk:
            raise PlanenErEndret()
        endrede = _skriv(plan, fremdrift or _ingen_fremdrift)
        if plan.har_endringer:
            send_fravaer_endret(virksomhet, endrede)
        logg = Importlogg.objects.create(
            virksomhet=virksomhet,
            kanal=hvem.kanal,
            bruker=hvem.bruker,
            nokkel=hvem.nokkel,
            hvem=hvem.tekst[:254],
            filer=[f.kilde for f in innlesing.filer],
            antall=plan.antall(),
            advarsler=len(plan.advarsler),
        )
    return Lagret(plan, logg, endrede)


def _ingen_fremdrift(steg: str, ferdig: int, totalt: int) -> None:
    return None


def _bolker(rader: Sequence[T]) -> Iterator[Sequence[T]]:
    for i in range(0, len(rader), BOLK):
        yield rader[i : i + BOLK]


def _skriv(plan: Plan, fremdrift: Fremdrift) -> frozenset[int]:
    """Write the plan; answers the employees whose employments or absence changed.

    New and changed rows go in with plain INSERT and UPDATE statements (COPY on PostgreSQL)
    rather than through model instances: building 100 000 instances cost more than the writing.
    """
    virksomhet = plan.virksomhet
    _sett_inn(
        Avdeling,
        ("virksomhet", "kode", "navn"),
        [(virksomhet.pk, a.kode, a.navn) for a in plan.avdelinger_nye],
        fremdrift,
        "Lagrer avdelinger",
    )
    avdelinger = dict(plan.avdeling_ids)
    if plan.avdelinger_nye:
        avdelinger = dict(Avdeling.objects.filter(virksomhet=virksomhet).values_list("kode", "pk"))
    # Parents are set once every department has its id.
    endret = [
        *(n for _, n in plan.avdelinger_endret),
        *(a for a in plan.avdelinger_nye if a.overordnet),
    ]
    _oppdater(
        Avdeling,
        ("navn", "overordnet"),
        [
            (a.navn, avdelinger[a.overordnet] if a.overordnet else None, avdelinger[a.kode])
            for a in endret
        ],
        fremdrift,
    )

    _sett_inn(
        Ansatt,
        ("virksomhet", "ansattnummer", "navn"),
        [(virksomhet.pk, nr, navn) for nr, navn in plan.ansatte_nye],
        fremdrift,
        "Lagrer ansatte",
    )
    _oppdater(Ansatt, ("navn",), [(navn, a.pk) for a, _, navn in plan.ansatte_endret], fremdrift)
    ansatte = dict(plan.ansatt_ids)
    if plan.ansatte_nye:
        ansatte = dict(
            Ansatt.objects.filter(virksomhet=virksomhet).values_list("ansattnummer", "pk")
        )

    endrede: set[int] = set()
    _sett_inn(
        Arbeidsforhold,
        ("ansatt", "avdeling", "fra_dato", "til_dato", "stillingsprosent"),
        [
            (
                ansatte[a.ansattnummer],
                avdelinger[a.avdeling],
                a.fra_dato,
                a.til_dato,
                a.stillingsprosent,
            )
            for a in plan.arbeidsforhold_nye
        ],
        fremdrift,
        "Lagrer arbeidsforhold",
    )
    _oppdater(
        Arbeidsforhold,
        ("avdeling", "til_dato", "stillingsprosent"),
        [
            (avdelinger[n.avdeling], n.til_dato, n.stillingsprosent, g.pk)
            for g, n in plan.arbeidsforhold_endret
        ],
        fremdrift,
    )
    endrede.update(ansatte[a.ansattnummer] for a in plan.arbeidsforhold_nye)
    endrede.update(ansatte[n.ansattnummer] for _, n in plan.arbeidsforhold_endret)

    # Removed rows go first, so a key freed by a correction can be taken by a new row. Through
    # the ORM, so that rows other apps tie to an absence follow their on_delete.
    for bolk in _bolker(plan.fravaer_fjernet):
        Fravaer.objects.filter(pk__in=[f.pk for f in bolk]).delete()
    naa = timezone.now()
    _oppdater(
        Fravaer,
        ("til_dato", "grad", "kilde", "registrert_av", "endret"),
        [(n.til_dato, n.grad, IMPORT, None, naa, g.pk) for g, n in plan.fravaer_endret],
        fremdrift,
        "Oppdaterer fravær",
    )
    _sett_inn(
        Fravaer,
        ("ansatt", "fra_dato", "til_dato", "type", "grad", "kilde", "endret"),
        [
            (ansatte[f.ansattnummer], f.fra_dato, f.til_dato, f.type.value, f.grad, IMPORT, naa)
            for f in plan.fravaer_nye
        ],
        fremdrift,
        "Lagrer fravær",
    )
    endrede.update(ansatte[f.ansattnummer] for f in plan.fravaer_nye)
    endrede.update(ansatte[n.ansattnummer] for _, n in plan.fravaer_endret)
    endrede.update(ansatte[f.ansattnummer] for f in plan.fravaer_fjernet)
    return frozenset(endrede)


def _kolonner(modell: type[Model], felter: Sequence[str]) -> list[str]:
    kolonner = []
    for navn in felter:
        felt = modell._meta.get_field(navn)
        assert isinstance(felt, Field) and felt.column is not None
        kolonner.append(connection.ops.quote_name(felt.column))
    return kolonner


def _for_sqlite(
    modell: type[Model], felter: Sequence[str], bolk: Sequence[tuple[object, ...]]
) -> list[tuple[object, ...]]:
    """Dates, times and numbers as Django stores them in SQLite; each distinct one is prepared
    once through its field (an export holds a few thousand dates and a handful of grades)."""
    kolonner: list[Sequence[object]] = list(zip(*bolk, strict=True))
    for i, navn in enumerate(felter):
        felt = modell._meta.get_field(navn)
        if isinstance(felt, DateField | DecimalField):  # DateTimeField is a DateField
            minne: dict[object, object] = {}
            kolonner[i] = [
                minne[v]
                if v in minne
                else minne.setdefault(v, felt.get_db_prep_save(v, connection))
                for v in kolonner[i]
            ]
    return list(zip(*kolonner, strict=True))


def _sett_inn(
    modell: type[Model],
    felter: Sequence[str],
    rader: Sequence[tuple[object, ...]],
    fremdrift: Fremdrift,
    steg: str,
) -> None:
    if not rader:
        return
    tabell = connection.ops.quote_name(modell._meta.db_table)
    kolonner = ", ".join(_kolonner(modell, felter))
    totalt = len(rader)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # COPY is several times quicker than INSERT for many rows.
            with cursor.cursor.copy(f"COPY {tabell} ({kolonner}) FROM STDIN") as kopi:
                for i, rad in enumerate(rader, start=1):
                    kopi.write_row(rad)
                    if i % BOLK == 0:
                        fremdrift(steg, i, totalt)
            fremdrift(steg, totalt, totalt)
            return
        plasser = ", ".join(["%s"] * len(felter))
        sql = f"INSERT INTO {tabell} ({kolonner}) VALUES ({plasser})"
        sqlite = connection.vendor == "sqlite"
        for i, bolk in enumerate(_bolker(rader)):
            verdier = _for_sqlite(modell, felter, bolk) if sqlite else list(bolk)
            cursor.executemany(sql, cast(Any, verdier))
            fremdrift(steg, min((i + 1) * BOLK, totalt), totalt)


def _oppdater(
    modell: type[Model],
    felter: Sequence[str],
    rader: Sequence[tuple[object, ...]],
    fremdrift: Fremdrift,
    steg: str = "",
) -> None:
    """UPDATE … WHERE id = the last value of each row."""
    if not rader:
        return
    tabell = connection.ops.quote_name(modell._meta.db_table)
    sett = ", ".join(f"{k} = %s" for k in _kolonner(modell, felter))
    sql = f"UPDATE {tabell} SET {sett} WHERE {connection.ops.quote_name('id')} = %s"
    sqlite = connection.vendor == "sqlite"
    totalt = len(rader)
    with connection.cursor() as cursor:
        for i, bolk in enumerate(_bolker(rader)):
            verdier = _for_sqlite(modell, [*felter, "id"], bolk) if sqlite else list(bolk)
            cursor.executemany(sql, cast(Any, verdier))
            if steg:
                fremdrift(steg, min((i + 1) * BOLK, totalt), totalt)
