"""What an import will do to one virksomhet's stored data, worked out before anything is written.

``lag_plan`` reads the virksomhet's stored keys once and compares them with the ``Innlesing``:
each row is new, changed or unchanged, and stored absence of kilde IMPORT that a later export
no longer holds is removed. The plan is both the preview the user confirms and the list of
writes ``lagring`` carries out, so what is shown is what happens.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import connection
from django.db.models import QuerySet

from naervaer.egendata.feil import Feil, Importfeil
from naervaer.egendata.kontroll import Innlesing
from naervaer.egendata.rader import HUNDREDELER
from naervaer.egendata.rader import Arbeidsforhold as NyttArbeidsforhold
from naervaer.egendata.rader import Fravaer as NyttFravaer
from naervaer.statistikk.publisering import kort_datotekst
from naervaer.statistikk.tallformat import norsk_tall
from naervaer.web.egendata.models import Ansatt, Arbeidsforhold, Avdeling, Fravaer
from naervaer.web.virksomheter.models import Virksomhet

EKSEMPLER = 5
"""The preview shows this many examples of each kind of change in each table."""

IMPORT = Fravaer.Kilde.IMPORT.value
REGISTRERT = Fravaer.Kilde.REGISTRERT.value


@dataclass(frozen=True, slots=True)
class LagretAvdeling:
    pk: int
    navn: str
    overordnet: str
    """The parent's code, "" at the top."""


@dataclass(frozen=True, slots=True)
class NyAvdeling:
    """A department as the import leaves it: new, or stored with a new name or parent."""

    kode: str
    navn: str
    overordnet: str


@dataclass(frozen=True, slots=True)
class LagretAnsatt:
    pk: int
    navn: str


@dataclass(frozen=True, slots=True)
class LagretArbeidsforhold:
    pk: int
    ansattnummer: str
    fra_dato: date
    avdeling: str
    til_dato: date | None
    stillingsprosent: Decimal


@dataclass(frozen=True, slots=True)
class LagretFravaer:
    pk: int
    ansattnummer: str
    fra_dato: date
    til_dato: date
    type: str
    grad: Decimal
    kilde: str


@dataclass(frozen=True, slots=True)
class Tabelltall:
    """Counts and examples of one table's changes, as the preview and the answers show them."""

    tabell: str
    nye: int
    endrede: int
    uendrede: int
    fjernede: int
    eksempler_nye: tuple[str, ...] = ()
    eksempler_endrede: tuple[str, ...] = ()
    eksempler_fjernede: tuple[str, ...] = ()

    @property
    def endringer(self) -> int:
        return self.nye + self.endrede + self.fjernede

    def antall(self) -> dict[str, int]:
        return {
            "nye": self.nye,
            "endrede": self.endrede,
            "uendrede": self.uendrede,
            "fjernede": self.fjernede,
        }


@dataclass(slots=True)
class Plan:
    """Every write an import makes, and what the user is told before confirming."""

    virksomhet: Virksomhet
    innlesing: Innlesing
    avdelinger_nye: list[NyAvdeling] = field(default_factory=list)
    avdelinger_endret: list[tuple[LagretAvdeling, NyAvdeling]] = field(default_factory=list)
    avdelinger_uendret: int = 0
    ansatte_nye: list[tuple[str, str]] = field(default_factory=list)
    ansatte_endret: list[tuple[LagretAnsatt, str, str]] = field(default_factory=list)
    ansatte_uendret: int = 0
    arbeidsforhold_nye: list[NyttArbeidsforhold] = field(default_factory=list)
    arbeidsforhold_endret: list[tuple[LagretArbeidsforhold, NyttArbeidsforhold]] = field(
        default_factory=list
    )
    arbeidsforhold_uendret: int = 0
    arbeidsforhold_beholdt: list[LagretArbeidsforhold] = field(default_factory=list)
    fravaer_nye: list[NyttFravaer] = field(default_factory=list)
    fravaer_endret: list[tuple[LagretFravaer, NyttFravaer]] = field(default_factory=list)
    fravaer_uendret: int = 0
    fravaer_fjernet: list[LagretFravaer] = field(default_factory=list)
    advarsler: list[str] = field(default_factory=list)
    ansatt_ids: dict[str, int] = field(default_factory=dict)
    """Stored employees by number, for the writes."""
    avdeling_ids: dict[str, int] = field(default_factory=dict)

    @property
    def har_endringer(self) -> bool:
        return any(t.endringer for t in self.tabeller())

    @property
    def registrerte_erstattet(self) -> list[tuple[LagretFravaer, NyttFravaer]]:
        return [(g, n) for g, n in self.fravaer_endret if g.kilde == REGISTRERT]

    def tabeller(self) -> tuple[Tabelltall, ...]:
        return (
            Tabelltall(
                "avdelinger",
                len(self.avdelinger_nye),
                len(self.avdelinger_endret),
                self.avdelinger_uendret,
                0,
                _forste(_ny_avdeling(a) for a in self.avdelinger_nye),
                _forste(_endret_avdeling(g, n) for g, n in self.avdelinger_endret),
            ),
            Tabelltall(
                "ansatte",
                len(self.ansatte_nye),
                len(self.ansatte_endret),
                self.ansatte_uendret,
                0,
                _forste(_ansatt(nr, navn) for nr, navn in self.ansatte_nye),
                _forste(
                    f"ansatt {nr}: navnet blir «{nytt}» (var «{a.navn}»)"
                    for a, nr, nytt in self.ansatte_endret
                ),
            ),
            Tabelltall(
                "arbeidsforhold",
                len(self.arbeidsforhold_nye),
                len(self.arbeidsforhold_endret),
                self.arbeidsforhold_uendret,
                0,
                _forste(_arbeidsforhold(a) for a in self.arbeidsforhold_nye),
                _forste(_endret_arbeidsforhold(g, n) for g, n in self.arbeidsforhold_endret),
            ),
            Tabelltall(
                "fravær",
                len(self.fravaer_nye),
                len(self.fravaer_endret),
                self.fravaer_uendret,
                len(self.fravaer_fjernet),
                _forste(_fravaer(f.ansattnummer, f) for f in self.fravaer_nye),
                _forste(_endret_fravaer(g, n) for g, n in self.fravaer_endret),
                _forste(_fravaer(f.ansattnummer, f) for f in self.fravaer_fjernet),
            ),
        )

    def viste_ansattnumre(self) -> set[str]:
        """The employees whose rows the preview's examples show (for the audit log)."""
        ut = {nr for nr, _ in self.ansatte_nye[:EKSEMPLER]}
        ut.update(nr for _, nr, _ in self.ansatte_endret[:EKSEMPLER])
        ut.update(a.ansattnummer for a in self.arbeidsforhold_nye[:EKSEMPLER])
        ut.update(n.ansattnummer for _, n in self.arbeidsforhold_endret[:EKSEMPLER])
        ut.update(f.ansattnummer for f in self.fravaer_nye[:EKSEMPLER])
        ut.update(n.ansattnummer for _, n in self.fravaer_endret[:EKSEMPLER])
        ut.update(f.ansattnummer for f in self.fravaer_fjernet[:EKSEMPLER])
        ut.update(n.ansattnummer for _, n in self.registrerte_erstattet)
        return ut

    def antall(self) -> dict[str, dict[str, int]]:
        return {t.tabell: t.antall() for t in self.tabeller()}

    @property
    def fingeravtrykk(self) -> str:
        """A digest of every write: the same files against the same stored data give the same.

        The confirm step compares it, so that data changed by someone else between preview and
        confirm is never written over unseen.
        """
        h = hashlib.sha256()
        for linje in self._skrivinger():
            h.update(linje.encode())
            h.update(b"\n")
        return h.hexdigest()

    def _skrivinger(self) -> Iterator[str]:
        yield from (f"A+{a.kode}|{a.navn}|{a.overordnet}" for a in self.avdelinger_nye)
        yield from (f"A~{g.pk}|{n.navn}|{n.overordnet}" for g, n in self.avdelinger_endret)
        yield from (f"N+{k}|{n}" for k, n in self.ansatte_nye)
        yield from (f"N~{a.pk}|{n}" for a, _, n in self.ansatte_endret)
        yield from (f"S+{_arbeidsforholdverdier(a)}" for a in self.arbeidsforhold_nye)
        yield from (f"S~{g.pk}|{_arbeidsforholdverdier(n)}" for g, n in self.arbeidsforhold_endret)
        yield from (f"F-{f.pk}" for f in self.fravaer_fjernet)
        yield from (f"F~{g.pk}|{g.kilde}|{_fravaerverdier(n)}" for g, n in self.fravaer_endret)
        yield from (f"F+{_fravaerverdier(f)}" for f in self.fravaer_nye)


def _arbeidsforholdverdier(a: NyttArbeidsforhold) -> str:
    return f"{a.ansattnummer}|{a.fra_dato}|{a.avdeling}|{a.til_dato}|{a.stillingsprosent}"


def _fravaerverdier(f: NyttFravaer) -> str:
    return f"{f.ansattnummer}|{f.fra_dato}|{f.type.value}|{f.til_dato}|{f.grad}"


def _forste(tekster: Iterable[str]) -> tuple[str, ...]:
    ut: list[str] = []
    for tekst in tekster:
        ut.append(tekst)
        if len(ut) == EKSEMPLER:
            break
    return tuple(ut)


def _avdeling(kode: str, navn: str) -> str:
    return f"avdeling {kode} «{navn}»" if navn else f"avdeling {kode}"


def _ny_avdeling(a: NyAvdeling) -> str:
    return _avdeling(a.kode, a.navn) + (f" under {a.overordnet}" if a.overordnet else "")


def _endret_avdeling(g: LagretAvdeling, n: NyAvdeling) -> str:
    deler = []
    if g.navn != n.navn:
        deler.append(f"navnet blir «{n.navn}»")
    if g.overordnet != n.overordnet:
        deler.append(f"ligger nå under {n.overordnet}" if n.overordnet else "ligger nå øverst")
    return f"{_avdeling(n.kode, g.navn)}: {', '.join(deler)}"


def _ansatt(nummer: str, navn: str) -> str:
    return f"ansatt {nummer} {navn}".rstrip()


def _prosent(verdi: Decimal) -> str:
    desimaler = 0 if verdi == verdi.to_integral_value() else 2
    tekst = norsk_tall(verdi, desimaler)
    return f"{tekst.rstrip('0').rstrip(',') if desimaler else tekst} %"


def _periode(fra: date, til: date | None) -> str:
    return f"{kort_datotekst(fra)}–{kort_datotekst(til) if til else ''}"


def _arbeidsforhold(a: NyttArbeidsforhold) -> str:
    return (
        f"ansatt {a.ansattnummer}: avdeling {a.avdeling} {_periode(a.fra_dato, a.til_dato)}, "
        f"{_prosent(a.stillingsprosent)}"
    )


def _endret_arbeidsforhold(g: LagretArbeidsforhold, n: NyttArbeidsforhold) -> str:
    deler = []
    if g.avdeling != n.avdeling:
        deler.append(f"avdeling {g.avdeling} → {n.avdeling}")
    if g.til_dato != n.til_dato:
        deler.append(f"til-dato {_dato(g.til_dato)} → {_dato(n.til_dato)}")
    if g.stillingsprosent != n.stillingsprosent:
        deler.append(
            f"stillingsprosent {_prosent(g.stillingsprosent)} → {_prosent(n.stillingsprosent)}"
        )
    return f"ansatt {n.ansattnummer}, stilling fra {kort_datotekst(n.fra_dato)}: " + ", ".join(
        deler
    )


def _dato(dag: date | None) -> str:
    return kort_datotekst(dag) if dag else "(løper)"


def _fravaer(nummer: str, f: NyttFravaer | LagretFravaer) -> str:
    type_ = f.type if isinstance(f.type, str) else f.type.value
    return f"ansatt {nummer}: {type_} {_periode(f.fra_dato, f.til_dato)}, grad {_prosent(f.grad)}"


def _endret_fravaer(g: LagretFravaer, n: NyttFravaer) -> str:
    deler = []
    if g.til_dato != n.til_dato:
        deler.append(f"til-dato {kort_datotekst(g.til_dato)} → {kort_datotekst(n.til_dato)}")
    if g.grad != n.grad:
        deler.append(f"grad {_prosent(g.grad)} → {_prosent(n.grad)}")
    if g.kilde == REGISTRERT:
        deler.append("registrert i Nærvær, erstattes av importen")
    return (
        f"ansatt {n.ansattnummer}, {n.type.value} fra {kort_datotekst(n.fra_dato)}: "
        + ", ".join(deler)
    )


def _som_dato(verdi: object) -> date | None:
    # SQLite gives the ISO text Django stored, PostgreSQL a date.
    if verdi is None or isinstance(verdi, date):
        return verdi
    return date.fromisoformat(str(verdi))


def _som_desimal(verdi: object) -> Decimal:
    tall = verdi if isinstance(verdi, Decimal) else Decimal(str(verdi))
    return tall.quantize(HUNDREDELER)


def _rader(
    sporring: QuerySet[Any], *felter: tuple[str, Callable[[object], object] | None]
) -> Iterator[tuple[Any, ...]]:
    """``values_list`` without Django's converter call for every value: each distinct date or
    number is converted once, which halves the time to read 100 000 stored absences."""
    sql, parametre = (
        sporring.order_by().values_list(*(navn for navn, _ in felter)).query.sql_with_params()
    )
    minner: list[dict[object, object]] = [{} for _ in felter]
    with connection.cursor() as cursor:
        cursor.execute(sql, parametre)
        while bolk := cursor.fetchmany(10_000):
            kolonner: list[Sequence[object]] = list(zip(*bolk, strict=True))
            for i, (_, konverter) in enumerate(felter):
                if konverter is not None:
                    minne = minner[i]
                    kolonner[i] = [
                        minne[v] if v in minne else minne.setdefault(v, konverter(v))
                        for v in kolonner[i]
                    ]
            yield from zip(*kolonner, strict=True)


def lag_plan(virksomhet: Virksomhet, innlesing: Innlesing) -> Plan:
    """Compare ``innlesing`` with what the virksomhet has stored; nothing is written.

    Raises ``Importfeil`` when the file's department tree and the stored one make a ring.
    """
    plan = Plan(virksomhet, innlesing)
    plan.advarsler.extend(str(a) for a in innlesing.advarsler)
    _planlegg_avdelinger(plan)
    _planlegg_ansatte(plan)
    _planlegg_arbeidsforhold(plan)
    _planlegg_fravaer(plan)
    return plan


def _planlegg_avdelinger(plan: Plan) -> None:
    lagret = {
        kode: LagretAvdeling(pk, navn, over or "")
        for pk, kode, navn, over in Avdeling.objects.filter(virksomhet=plan.virksomhet).values_list(
            "pk", "kode", "navn", "overordnet__kode"
        )
    }
    plan.avdeling_ids = {kode: a.pk for kode, a in lagret.items()}
    navn_for: dict[str, str | None] = {}
    over_for: dict[str, str] = {}
    rad_for: dict[str, NyttArbeidsforhold] = {}
    for a in plan.innlesing.arbeidsforhold:
        # kontroll has checked that one code has one name and one parent across the files.
        if navn_for.get(a.avdeling) is None:
            navn_for[a.avdeling] = a.avdelingsnavn
        if a.overordnet is not None:
            over_for.setdefault(a.avdeling, a.overordnet)
        rad_for.setdefault(a.avdeling, a)
    # A parent no file names as a department of its own is made without a name.
    for over in over_for.values():
        if over and over not in navn_for and over not in lagret:
            navn_for[over] = None
            plan.advarsler.append(
                f"avdeling {over} finnes ikke fra før og står bare som overordnet avdeling; "
                "den lages uten navn"
            )
    for kode, navn in navn_for.items():
        tidligere = lagret.get(kode)
        if tidligere is None:
            plan.avdelinger_nye.append(NyAvdeling(kode, navn or "", over_for.get(kode, "")))
            continue
        ny = NyAvdeling(
            kode,
            tidligere.navn if navn is None else navn,
            over_for.get(kode, tidligere.overordnet),
        )
        if (ny.navn, ny.overordnet) != (tidligere.navn, tidligere.overordnet):
            plan.avdelinger_endret.append((tidligere, ny))
        else:
            plan.avdelinger_uendret += 1
    _sjekk_ring(lagret, over_for, rad_for)


def _sjekk_ring(
    lagret: dict[str, LagretAvdeling],
    over_for: dict[str, str],
    rad_for: dict[str, NyttArbeidsforhold],
) -> None:
    """The file's parents put together with the stored tree must not make a ring."""
    tre = {kode: a.overordnet for kode, a in lagret.items()} | over_for
    for start in over_for:
        sti = [start]
        avdeling = tre.get(start, "")
        while avdeling:
            if avdeling == start:
                rad = rad_for[start]
                raise Importfeil(
                    [
                        Feil(
                            rad.kilde.fil,
                            rad.kilde.rad,
                            "overordnet_avdeling",
                            rad.overordnet,
                            "avdelingen kommer da til å ligge under seg selv sammen med "
                            "avdelingene som er lagret fra før: " + " → ".join([*sti, start]),
                        )
                    ]
                )
            if avdeling in sti:
                break
            sti.append(avdeling)
            avdeling = tre.get(avdeling, "")


def _planlegg_ansatte(plan: Plan) -> None:
    lagret = {
        nr: LagretAnsatt(pk, navn)
        for pk, nr, navn in Ansatt.objects.filter(virksomhet=plan.virksomhet).values_list(
            "pk", "ansattnummer", "navn"
        )
    }
    plan.ansatt_ids = {nr: a.pk for nr, a in lagret.items()}
    for ny in plan.innlesing.ansatte:
        tidligere = lagret.get(ny.ansattnummer)
        if tidligere is None:
            plan.ansatte_nye.append((ny.ansattnummer, ny.navn or ""))
        elif ny.navn is not None and ny.navn != tidligere.navn:
            # An export without names keeps the names already stored.
            plan.ansatte_endret.append((tidligere, ny.ansattnummer, ny.navn))
        else:
            plan.ansatte_uendret += 1


def _planlegg_arbeidsforhold(plan: Plan) -> None:
    lagret = {
        (a.ansattnummer, a.fra_dato): a
        for a in (
            LagretArbeidsforhold(*rad)
            for rad in _rader(
                Arbeidsforhold.objects.filter(ansatt__virksomhet=plan.virksomhet),
                ("pk", None),
                ("ansatt__ansattnummer", None),
                ("fra_dato", _som_dato),
                ("avdeling__kode", None),
                ("til_dato", _som_dato),
                ("stillingsprosent", _som_desimal),
            )
        )
    }
    personer: set[str] = set()
    for ny in plan.innlesing.arbeidsforhold:
        personer.add(ny.ansattnummer)
        tidligere = lagret.pop(ny.noekkel, None)
        if tidligere is None:
            plan.arbeidsforhold_nye.append(ny)
        elif (tidligere.avdeling, tidligere.til_dato, tidligere.stillingsprosent) != (
            ny.avdeling,
            ny.til_dato,
            ny.stillingsprosent,
        ):
            plan.arbeidsforhold_endret.append((tidligere, ny))
        else:
            plan.arbeidsforhold_uendret += 1
    # Employments are not removed: an export often lists only the positions that still run.
    beholdt = sorted(
        (a for a in lagret.values() if a.ansattnummer in personer),
        key=lambda a: (a.ansattnummer, a.fra_dato),
    )
    plan.arbeidsforhold_beholdt = beholdt
    if beholdt:
        eksempler = ", ".join(
            f"ansatt {a.ansattnummer} fra {kort_datotekst(a.fra_dato)}" for a in beholdt[:3]
        )
        antall = len(beholdt)
        plan.advarsler.append(
            f"{_antall(antall, 'arbeidsforhold', 'arbeidsforhold')} som er lagret fra før for "
            f"ansatte i filene, står ikke i filene og blir beholdt ({eksempler}"
            f"{' …' if antall > 3 else ''}). Er et arbeidsforhold avsluttet, sett til-dato."
        )


def _antall(antall: int, entall: str, flertall: str) -> str:
    return f"{norsk_tall(antall, 0)} {entall if antall == 1 else flertall}"


def _planlegg_fravaer(plan: Plan) -> None:
    innlesing = plan.innlesing
    lagret = {
        (f.ansattnummer, f.fra_dato, f.type): f
        for f in (
            LagretFravaer(*rad)
            for rad in _rader(
                Fravaer.objects.filter(ansatt__virksomhet=plan.virksomhet),
                ("pk", None),
                ("ansatt__ansattnummer", None),
                ("fra_dato", _som_dato),
                ("til_dato", _som_dato),
                ("type", None),
                ("grad", _som_desimal),
                ("kilde", None),
            )
        )
    }
    for ny in innlesing.fravaer:
        tidligere = lagret.pop((ny.ansattnummer, ny.fra_dato, ny.type.value), None)
        if tidligere is None:
            plan.fravaer_nye.append(ny)
        elif (
            tidligere.til_dato != ny.til_dato
            or tidligere.grad != ny.grad
            or tidligere.kilde != IMPORT
        ):
            plan.fravaer_endret.append((tidligere, ny))
        else:
            plan.fravaer_uendret += 1
    for gammel, ny in plan.registrerte_erstattet:
        plan.advarsler.append(
            f"{ny.kilde}: fraværet erstatter fravær som er registrert i Nærvær for ansatt "
            f"{ny.ansattnummer} ({gammel.type} {_periode(gammel.fra_dato, gammel.til_dato)}, "
            f"grad {_prosent(gammel.grad)}); importen gjelder"
        )
    tidsrom = innlesing.tidsrom
    if tidsrom is None:
        return
    start, slutt = tidsrom
    personer = {
        *(a.ansattnummer for a in innlesing.ansatte),
        *(a.ansattnummer for a in innlesing.arbeidsforhold),
        *(f.ansattnummer for f in innlesing.fravaer),
    }
    # What is left in ``lagret`` is stored absence the files do not hold. Inside the period the
    # files cover, for their persons, an imported row is what a later export corrected away.
    beholdt: dict[str, list[LagretFravaer]] = defaultdict(list)
    for gammel in lagret.values():
        if gammel.ansattnummer not in personer:
            continue
        if gammel.kilde == IMPORT and start <= gammel.fra_dato and gammel.til_dato <= slutt:
            plan.fravaer_fjernet.append(gammel)
        else:
            beholdt[gammel.ansattnummer].append(gammel)
    plan.fravaer_fjernet.sort(key=lambda f: (f.ansattnummer, f.fra_dato))
    _overlapp_med_lagret(plan, beholdt)


def _overlapp_med_lagret(plan: Plan, beholdt: dict[str, list[LagretFravaer]]) -> None:
    """Warn when an imported period overlaps stored absence that stays (registered in Nærvær,
    or imported before and outside the period of the files)."""
    if not beholdt:
        return
    for ny in plan.innlesing.fravaer:
        for gammel in beholdt.get(ny.ansattnummer, ()):
            if gammel.fra_dato <= ny.til_dato and ny.fra_dato <= gammel.til_dato:
                hvor = "registrert i Nærvær" if gammel.kilde == REGISTRERT else "lagret fra før"
                plan.advarsler.append(
                    f"{ny.kilde}: fraværet {_periode(ny.fra_dato, ny.til_dato)} overlapper "
                    f"fraværet {_periode(gammel.fra_dato, gammel.til_dato)} ({gammel.type}) "
                    f"som er {hvor}, for ansatt {ny.ansattnummer}; hver dag telles bare én gang"
                )
