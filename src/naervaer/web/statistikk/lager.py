"""The statistics store: loading the engine's quarterly file and reading a unit's quarters.

Loading is set-based: the file goes into a temporary table, and three statements compare, update
and insert, so that a few million rows take seconds of database time and no memory in Python.
The same SQL runs on SQLite (3.33 or newer, for UPDATE … FROM) and PostgreSQL.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.core.management import call_command
from django.db import connection, transaction
from django.db.backends.utils import CursorWrapper
from django.db.migrations.executor import MigrationExecutor
from django.db.models import Max, Q
from django.utils import timezone

from naervaer.statistikk.aggregering import Fravaerstall, Kvartalstall
from naervaer.statistikk.enheter import Kategori
from naervaer.statistikk.kvartal import Kvartal
from naervaer.web.statistikk.fil import SUMMER, Filfeil, Rad, Radfeil, les_kvartalsfil
from naervaer.web.statistikk.models import Kvartalsstatistikk

MAKS_FEIL = 20
BOLK = 10_000
NOKKEL = ("kategori", "kode", "arstall", "kvartal")
DATA = ("antall_personer", *SUMMER)
_MELLOMLAGER = "naervaer_lasting_kvartal"


class LagerIkkeKlart(Exception):
    pass


@dataclass(frozen=True, slots=True)
class Lasteresultat:
    nye: int
    endrede: int
    uendrede: int

    @property
    def rader(self) -> int:
        return self.nye + self.endrede + self.uendrede


def forbered_lager() -> None:
    """Bring the embedded database up to date; a server database must be migrated by its owner."""
    executor = MigrationExecutor(connection)
    if not executor.migration_plan(executor.loader.graph.leaf_nodes()):
        return
    if connection.vendor == "sqlite":
        call_command("migrate", interactive=False, verbosity=0)
        return
    raise LagerIkkeKlart(
        "Databasen mangler tabeller eller migreringer. Kjør «python -m naervaer.web migrate» først."
    )


def last_inn(
    sti: Path,
    *,
    kilde: str | None = None,
    fremdrift: Callable[[int], None] | None = None,
) -> Lasteresultat:
    """Load a ``kvartal`` file: new rows are added, changed rows replaced, the rest left alone.

    One transaction: when any row is bad, ``Filfeil`` is raised and nothing is written. Running it
    again with the same file changes nothing (not even the load time of a row).
    """
    kilde = kilde if kilde is not None else str(sti.resolve())
    q = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Two loads at once would race on the same new keys; the second waits instead.
            cursor.execute(f"LOCK TABLE {q(Kvartalsstatistikk._meta.db_table)} IN EXCLUSIVE MODE")
        # On an error the rollback removes the temporary table with everything else.
        _lag_mellomlager(cursor)
        _fyll_mellomlager(cursor, les_kvartalsfil(sti), sti.name, fremdrift)
        _sjekk_doble(cursor, sti.name)
        resultat = _flett_inn(cursor, kilde)
        cursor.execute(f"DROP TABLE {q(_MELLOMLAGER)}")
        return resultat


def _lag_mellomlager(cursor: CursorWrapper) -> None:
    q = connection.ops.quote_name
    # These type names mean the same to SQLite (by affinity) and PostgreSQL.
    kolonner = [
        "radnr bigint",
        "kategori text",
        "kode text",
        "arstall integer",
        "kvartal integer",
        "antall_personer bigint",
        *(f"{navn} double precision" for navn in SUMMER),
    ]
    cursor.execute(f"DROP TABLE IF EXISTS {q(_MELLOMLAGER)}")
    cursor.execute(f"CREATE TEMPORARY TABLE {q(_MELLOMLAGER)} ({', '.join(kolonner)})")


def _fyll_mellomlager(
    cursor: CursorWrapper,
    rader: Iterable[Rad | Radfeil],
    filnavn: str,
    fremdrift: Callable[[int], None] | None,
) -> None:
    feil: list[str] = []
    bolk: list[Rad] = []
    lest = 0
    for rad in rader:
        lest += 1
        if isinstance(rad, Radfeil):
            feil.append(rad.melding)
            if len(feil) >= MAKS_FEIL:
                feil.append(f"{filnavn}: stopper etter {MAKS_FEIL} feil; rett dem og last på nytt")
                break
        elif not feil:
            bolk.append(rad)
            if len(bolk) >= BOLK:
                _skriv(cursor, bolk)
                bolk.clear()
        if fremdrift is not None and lest % BOLK == 0:
            fremdrift(BOLK)
    if feil:
        raise Filfeil(feil)
    _skriv(cursor, bolk)
    if fremdrift is not None:
        fremdrift(lest % BOLK)


def _skriv(cursor: CursorWrapper, rader: list[Rad]) -> None:
    if not rader:
        return
    q = connection.ops.quote_name
    kolonner = ", ".join(Rad._fields)
    if connection.vendor == "postgresql":
        # COPY is several times faster than INSERT for bulk rows on PostgreSQL.
        with cursor.cursor.copy(f"COPY {q(_MELLOMLAGER)} ({kolonner}) FROM STDIN") as kopi:
            for rad in rader:
                kopi.write_row(rad)
        return
    plasser = ", ".join(["%s"] * len(Rad._fields))
    cursor.executemany(f"INSERT INTO {q(_MELLOMLAGER)} ({kolonner}) VALUES ({plasser})", rader)


def _sjekk_doble(cursor: CursorWrapper, filnavn: str) -> None:
    q = connection.ops.quote_name
    nokkel = ", ".join(NOKKEL)
    cursor.execute(f"CREATE INDEX {q(_MELLOMLAGER + '_nokkel')} ON {q(_MELLOMLAGER)} ({nokkel})")
    if connection.vendor == "postgresql":
        cursor.execute(f"ANALYZE {q(_MELLOMLAGER)}")
    cursor.execute(
        f"SELECT {nokkel}, MIN(radnr), MAX(radnr) FROM {q(_MELLOMLAGER)} "
        f"GROUP BY {nokkel} HAVING COUNT(*) > 1 ORDER BY MIN(radnr) LIMIT {MAKS_FEIL}"
    )
    doble = cursor.fetchall()
    if doble:
        raise Filfeil(
            [
                f"{filnavn}, rad {forste} og rad {siste}: samme enhet og kvartal to ganger "
                f"({kategori} {kode} {arstall}K{kvartal})"
                for kategori, kode, arstall, kvartal, forste, siste in doble
            ]
        )


def _flett_inn(cursor: CursorWrapper, kilde: str) -> Lasteresultat:
    q = connection.ops.quote_name
    tabell = q(Kvartalsstatistikk._meta.db_table)
    lager = q(_MELLOMLAGER)
    lik_nokkel = " AND ".join(f"m.{k} = s.{k}" for k in NOKKEL)
    ulik = " OR ".join(f"m.{k} <> s.{k}" for k in DATA)
    cursor.execute(
        f"SELECT COUNT(*), "
        f"COALESCE(SUM(CASE WHEN m.id IS NULL THEN 1 ELSE 0 END), 0), "
        f"COALESCE(SUM(CASE WHEN m.id IS NOT NULL AND ({ulik}) THEN 1 ELSE 0 END), 0) "
        f"FROM {lager} s LEFT JOIN {tabell} m ON {lik_nokkel}"
    )
    rad = cursor.fetchone()
    assert rad is not None
    totalt, nye, endrede = (int(x) for x in rad)
    lastet = connection.ops.adapt_datetimefield_value(timezone.now())

    if endrede:
        sett = ", ".join(f"{k} = s.{k}" for k in DATA)
        lik_nokkel_mal = " AND ".join(f"{tabell}.{k} = s.{k}" for k in NOKKEL)
        ulik_mal = " OR ".join(f"{tabell}.{k} <> s.{k}" for k in DATA)
        cursor.execute(
            f"UPDATE {tabell} SET {sett}, kilde = %s, lastet = %s FROM {lager} s "
            f"WHERE {lik_nokkel_mal} AND ({ulik_mal})",
            [kilde, lastet],
        )
    if nye:
        kolonner = ", ".join((*NOKKEL, *DATA))
        kolonner_s = ", ".join(f"s.{k}" for k in (*NOKKEL, *DATA))
        cursor.execute(
            f"INSERT INTO {tabell} ({kolonner}, kilde, lastet) "
            f"SELECT {kolonner_s}, %s, %s FROM {lager} s "
            f"WHERE NOT EXISTS (SELECT 1 FROM {tabell} m WHERE {lik_nokkel})",
            [kilde, lastet],
        )
    return Lasteresultat(nye=nye, endrede=endrede, uendrede=totalt - nye - endrede)


# --- Reading --------------------------------------------------------------------------------------


def _desimal(verdi: float) -> Decimal:
    # repr is the shortest text that gives the same float: the number as the file wrote it, not
    # its binary expansion (Decimal(0.1) is 0.1000000000000000055…).
    return Decimal(repr(verdi))


def hent_kvartalstall(kategori: str, kode: str) -> list[Kvartalstall]:
    """Every quarter of one unit, oldest first."""
    rader = (
        Kvartalsstatistikk.objects.filter(kategori=kategori, kode=kode)
        .order_by("arstall", "kvartal")
        .values_list("arstall", "kvartal", *DATA)
    )
    return [
        Kvartalstall(
            Kvartal(arstall, kvartal),
            Fravaerstall(personer, *(_desimal(s) for s in summer)),
        )
        for arstall, kvartal, personer, *summer in rader
    ]


# The benchmarks are the same for every virksomhet and change only when statistics are loaded, so
# each process keeps them until the store's newest load time moves. A virksomhet's own rows are
# always read from the database.
FELLES_KATEGORIER = frozenset(
    {
        Kategori.LAND,
        Kategori.SEKTOR,
        Kategori.NAERING,
        Kategori.BRANSJE,
        Kategori.FYLKE,
        Kategori.STORRELSE,
    }
)


@dataclass
class _Hurtiglager:
    versjon: object = None
    rader: dict[tuple[Kategori, str], list[Kvartalstall]] = field(default_factory=dict)
    las: threading.Lock = field(default_factory=threading.Lock)


_HURTIGLAGER = _Hurtiglager()


def hent_enheter(
    enheter: Iterable[tuple[str, str]],
) -> dict[tuple[Kategori, str], list[Kvartalstall]]:
    """Every quarter of several units, oldest first; a unit without rows is absent."""
    onskede = {(Kategori(kategori), kode) for kategori, kode in enheter}
    if not onskede:
        return {}
    felles = {e for e in onskede if e[0] in FELLES_KATEGORIER}
    resultat: dict[tuple[Kategori, str], list[Kvartalstall]] = {}
    if felles:
        versjon = Kvartalsstatistikk.objects.aggregate(siste=Max("lastet"))["siste"]
        with _HURTIGLAGER.las:
            if _HURTIGLAGER.versjon != versjon:
                _HURTIGLAGER.versjon, _HURTIGLAGER.rader = versjon, {}
            mangler = {e for e in felles if e not in _HURTIGLAGER.rader}
            if mangler:
                hentet = _les_enheter(mangler)
                for enhet in mangler:
                    # A unit without rows is remembered as empty, so it is not asked for again.
                    _HURTIGLAGER.rader[enhet] = hentet.get(enhet, [])
            resultat = {e: _HURTIGLAGER.rader[e] for e in felles if _HURTIGLAGER.rader[e]}
    resultat.update(_les_enheter(onskede - felles))
    return resultat


def _les_enheter(
    onskede: set[tuple[Kategori, str]],
) -> dict[tuple[Kategori, str], list[Kvartalstall]]:
    if not onskede:
        return {}
    filter_ = Q()
    for kategori, kode in onskede:
        filter_ |= Q(kategori=kategori.value, kode=kode)
    rader = (
        Kvartalsstatistikk.objects.filter(filter_)
        .order_by("kategori", "kode", "arstall", "kvartal")
        .values_list("kategori", "kode", "arstall", "kvartal", *DATA)
    )
    resultat: dict[tuple[Kategori, str], list[Kvartalstall]] = {}
    for kategori, kode, arstall, kvartal, personer, *summer in rader:
        resultat.setdefault((Kategori(kategori), kode), []).append(
            Kvartalstall(
                Kvartal(arstall, kvartal),
                Fravaerstall(personer, *(_desimal(s) for s in summer)),
            )
        )
    return resultat
