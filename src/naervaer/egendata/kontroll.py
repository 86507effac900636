"""Checking every row of an import and building the typed rows: all or nothing.

``les_inn`` reads the files, recognises their layout, checks every row and every rule across rows,
and either returns an ``Innlesing`` or raises ``Importfeil`` with every error it found, ordered by
file, row and column. Overlapping absence periods of one person are allowed (each day counts once,
spec §3) and come back as warnings naming both rows.

How the database half uses the result: upsert ``ansatte`` on ``ansattnummer``, ``arbeidsforhold``
on (ansattnummer, fra_dato) and ``fravaer`` on (ansattnummer, fra_dato, type) — the ``noekkel`` of
each row. Importing the same files again then changes nothing. A later export corrects earlier
periods: for the persons in the import, stored absence inside ``Innlesing.tidsrom`` whose key is
not in the import is what the new export replaced. The caller passes the employee numbers it
already holds as ``kjente_ansatte``, so an absence file can come without an employee file.
An employment file may carry ``overordnet_avdeling``: each department then gets one parent ("" at
the top), checked to be the same on every row and to make no ring within the files.

The cells are read a column at a time, each distinct value once: an export of 100 000 rows holds
a few thousand distinct dates and a handful of types and grades.
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TypeVar, cast

from naervaer.egendata.feil import Advarsel, Feil, Importfeil, Kilde, Rapport
from naervaer.egendata.gjenkjenning import Del, gjenkjente_deler
from naervaer.egendata.kolonner import (
    MAKS_LENGDE,
    Tabell,
    normaliser,
    ser_ut_som_fodselsnummer,
)
from naervaer.egendata.lesing import Celle, Fil, Ugyldig, er_tom, tolk_dato, tolk_tall, tolk_tekst
from naervaer.egendata.oppsett import OPPSETT, Oppsett
from naervaer.egendata.rader import (
    HUNDRE,
    HUNDREDELER,
    LAVESTE_GRAD,
    Ansatt,
    Arbeidsforhold,
    Fravaer,
)
from naervaer.oppfolging.tilfelle import Fravaerstype
from naervaer.statistikk.publisering import datotekst
from naervaer.statistikk.tallformat import norsk_tall

FODSELSNUMMER = (
    "ansattnummeret ser ut som et fødselsnummer; bruk virksomhetens eget ansattnummer "
    "(Nærvær tar ikke imot fødselsnumre)"
)
UKJENT_ANSATT = (
    "ukjent ansatt: ansattnummeret finnes ikke i ansattfilen og er ikke lest inn fra før"
)
UKJENT_TYPE = "ukjent fraværstype; bruk egenmelding eller sykmelding"
HEL_DAG = HUNDRE.quantize(HUNDREDELER)

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Lestfil:
    """What the preview tells about one file or sheet."""

    kilde: str
    oppsett: str
    filoppsett: str
    tabeller: tuple[Tabell, ...]
    overskriftsrad: int
    rader: int
    ignorerte_kolonner: tuple[str, ...]
    koding: str | None
    skilletegn: str | None
    kolonner: tuple[str, ...] = ()
    """The header as the file has it, for choosing the columns again."""


@dataclass(frozen=True, slots=True)
class Innlesing:
    """Typed rows in file order, ready for an upsert on their natural keys."""

    ansatte: tuple[Ansatt, ...]
    arbeidsforhold: tuple[Arbeidsforhold, ...]
    fravaer: tuple[Fravaer, ...]
    advarsler: tuple[Advarsel, ...]
    filer: tuple[Lestfil, ...]

    @property
    def tidsrom(self) -> tuple[date, date] | None:
        """The days the absence files cover, from the first fra_dato to the last til_dato."""
        if not self.fravaer:
            return None
        return (
            min(f.fra_dato for f in self.fravaer),
            max(f.til_dato for f in self.fravaer),
        )


@dataclass(frozen=True, slots=True)
class _AnnetFravaer:
    """A type-column value for absence that is not sick leave, such as «Ferie»."""

    tekst: str


def _prov(tolk: Callable[[Celle], T], celle: Celle) -> T | Ugyldig:
    try:
        return tolk(celle)
    except Ugyldig as feil:
        # Kept as a value; without its traceback it holds no frames alive.
        return feil.with_traceback(None)


class _Felter:
    """The columns of one table in one part, read and checked a column at a time.

    Each distinct cell is read once, and a column without bad values costs no work per row:
    an export of 100 000 rows holds a few thousand distinct dates and a handful of types.
    """

    def __init__(self, del_: Del, tabell: Tabell, rapport: Rapport) -> None:
        self.del_ = del_
        self.tabell = tabell
        self.rapport = rapport
        self.plasser = del_.treff.kolonner[tabell]
        self.daarlige: set[int] = set()
        """Rows with an error, which give no typed row."""
        self.hopp_over: set[int] = set()
        """Rows left out without an error (absence that is not sick leave)."""

    def kilde(self, j: int) -> Kilde:
        return Kilde(self.del_.kilde, self.del_.radnumre[j])

    def kolonne(self, felt: str) -> list[Celle]:
        rader = self.del_.rader
        plasser = self.plasser.get(felt)
        if plasser is None:
            return [None] * len(rader)
        if len(plasser) == 1:
            i = plasser[0]
            return [rad[i] for rad in rader]
        return [" ".join(t for i in plasser if (t := tolk_tekst(rad[i]))) or None for rad in rader]

    def celle(self, j: int, felt: str) -> Celle:
        rad = self.del_.rader[j]
        plasser = self.plasser[felt]
        if len(plasser) == 1:
            return rad[plasser[0]]
        return " ".join(t for i in plasser if (t := tolk_tekst(rad[i]))) or None

    def tolket(
        self, felt: str, tolk: Callable[[Celle], T]
    ) -> tuple[list[object], dict[object, T | Ugyldig]]:
        """Each row's key and what ``tolk`` makes of each distinct key."""
        verdier = self.kolonne(felt)
        if self.del_.ark.er_regneark:
            # True == 1 as a dict key, so spreadsheet cells are told apart by type as well.
            noekler: list[object] = [(v.__class__, v) for v in verdier]
            return noekler, {k: _prov(tolk, cast(tuple[type, Celle], k)[1]) for k in set(noekler)}
        return cast(list[object], verdier), {v: _prov(tolk, v) for v in set(verdier)}

    def les(
        self, felt: str, tolk: Callable[[Celle], T], mangler: str | None = None
    ) -> list[T | None]:
        """The column as values, None where empty or bad; reports every bad or missing value."""
        noekler, tolket = self.tolket(felt, tolk)
        gale = {k for k, v in tolket.items() if isinstance(v, Ugyldig) or (v is None and mangler)}
        if gale:
            for j, k in enumerate(noekler):
                if k in gale and j not in self.hopp_over:
                    verdi = tolket[k]
                    if isinstance(verdi, Ugyldig):
                        self.feil(j, felt, str(verdi))
                    elif mangler is not None:
                        self.feil(j, felt, mangler, verdi=False)
        rene = {k: None if isinstance(v, Ugyldig) else v for k, v in tolket.items()}
        return [rene[k] for k in noekler]

    def tomme(self, felt: str) -> set[int]:
        return {j for j, celle in enumerate(self.kolonne(felt)) if er_tom(celle)}

    def feil(self, j: int, felt: str, melding: str, verdi: bool = True) -> None:
        plasser = self.plasser[felt]
        self.daarlige.add(j)
        self.rapport.feil(
            self.del_.nr,
            Feil(
                self.del_.kilde,
                self.del_.radnumre[j],
                self.del_.treff.kolonnenavn(self.tabell, felt),
                tolk_tekst(self.celle(j, felt)) if verdi else None,
                melding,
            ),
            plasser[0],
        )

    def sjekk_rekkefolge(self, fra: list[date | None], til: list[date | None]) -> None:
        for j, (start, slutt) in enumerate(zip(fra, til, strict=True)):
            if (
                start is not None
                and slutt is not None
                and slutt < start
                and j not in self.hopp_over
            ):
                self.feil(j, "til_dato", f"til-datoen er før fra-datoen ({datotekst(start)})")

    def sjekk_kjente(self, numre: list[str | None], kjente: Collection[str]) -> None:
        for j, nummer in enumerate(numre):
            if nummer is not None and nummer not in kjente and j not in self.hopp_over:
                self.feil(j, "ansattnummer", UKJENT_ANSATT)


def _tekst(felt: str) -> Callable[[Celle], str | None]:
    """Text no longer than the database keeps for ``felt``."""
    maks = MAKS_LENGDE[felt]

    def tolk(celle: Celle) -> str | None:
        tekst = tolk_tekst(celle)
        if tekst is not None and len(tekst) > maks:
            raise Ugyldig(f"er for lang: høyst {maks} tegn, ikke {len(tekst)}")
        return tekst

    return tolk


_TEKST_ANSATTNUMMER = _tekst("ansattnummer")


def _ansattnummer(celle: Celle) -> str | None:
    nummer = _TEKST_ANSATTNUMMER(celle)
    if nummer is not None and ser_ut_som_fodselsnummer(nummer):
        raise Ugyldig(FODSELSNUMMER)
    return nummer


def _prosent(
    laveste: Decimal, utenfor: str, prosent_av_en: bool
) -> Callable[[Celle], Decimal | None]:
    """Reads a stillingsprosent or grad: over 0, at least ``laveste``, at most 100, 2 decimals."""

    def tolk(celle: Celle) -> Decimal | None:
        verdi = tolk_tall(celle, prosent_av_en=prosent_av_en)
        if verdi is None:
            return None
        if verdi <= 0 or verdi < laveste or verdi > HUNDRE:
            raise Ugyldig(utenfor)
        if verdi.quantize(HUNDREDELER) != verdi:
            raise Ugyldig("kan ha høyst to desimaler")
        return verdi.quantize(HUNDREDELER)

    return tolk


def _prosentkolonne(f: _Felter, felt: str) -> bool:
    plasser = f.plasser.get(felt)
    return plasser is not None and plasser[0] in f.del_.ark.prosentkolonner


def _fravaerstype(oppsett: Oppsett) -> Callable[[Celle], Fravaerstype | _AnnetFravaer | None]:
    def tolk(celle: Celle) -> Fravaerstype | _AnnetFravaer | None:
        tekst = tolk_tekst(celle)
        if tekst is None:
            return None
        normalisert = normaliser(tekst)
        if normalisert in oppsett.andre_typer:
            return _AnnetFravaer(tekst)
        type_ = oppsett.fravaerstype(normalisert)
        if type_ is None:
            raise Ugyldig(UKJENT_TYPE)
        return type_

    return tolk


def les_inn(
    filer: Sequence[Fil],
    *,
    kjente_ansatte: Collection[str] = frozenset(),
    valg: Mapping[str, Oppsett] | None = None,
    oppsett: Sequence[Oppsett] = OPPSETT,
) -> Innlesing:
    """Read and check ``filer``; raise ``Importfeil`` naming every error, or return the rows.

    ``kjente_ansatte``: employee numbers already stored, which rows may refer to. ``valg`` maps a
    file name (or «fil.xlsx, ark «Navn»») to a layout the user chose in the mapping step.
    """
    with _uten_syklussamler():
        return _les_inn(filer, kjente_ansatte, dict(valg or {}), oppsett)


@contextmanager
def _uten_syklussamler() -> Iterator[None]:
    """Pauses Python's cycle collector while the rows are built.

    An import holds a few hundred thousand lists and rows at once and makes no reference cycles;
    the collector would walk all of them again and again as they grow, which cost a third of the
    time in the benchmark. It is switched back on afterwards only if it was on before.
    """
    var_paa = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if var_paa:
            gc.enable()


def _les_inn(
    filer: Sequence[Fil],
    kjente_ansatte: Collection[str],
    valg: Mapping[str, Oppsett],
    oppsett: Sequence[Oppsett],
) -> Innlesing:
    rapport = Rapport()
    deler = gjenkjente_deler(filer, valg, oppsett, rapport)
    ansatte, ansattnumre = _ansatte(deler, rapport)
    kjente = {*kjente_ansatte, *ansattnumre}
    arbeidsforhold = _arbeidsforhold(deler, rapport, kjente)
    fravaer = _fravaer(deler, rapport, kjente)
    _overlapp(fravaer, deler, rapport)

    alle_feil = rapport.alle_feil()
    if alle_feil:
        raise Importfeil(alle_feil)
    return Innlesing(
        tuple(ansatte),
        tuple(arbeidsforhold),
        tuple(fravaer),
        rapport.alle_advarsler(),
        tuple(_lestfil(d) for d in deler),
    )


def _lestfil(del_: Del) -> Lestfil:
    return Lestfil(
        del_.kilde,
        del_.treff.oppsett.tittel,
        del_.treff.filoppsett.navn,
        del_.treff.tabeller,
        del_.treff.rad,
        len(del_.rader),
        del_.treff.ignorerte,
        del_.ark.koding,
        del_.ark.skilletegn,
        tuple(k for k in del_.treff.overskrift if k),
    )


def _deler_med(deler: Iterable[Del], tabell: Tabell) -> Iterable[Del]:
    return (d for d in deler if tabell in d.treff.kolonner)


def _ansatte(deler: Sequence[Del], rapport: Rapport) -> tuple[list[Ansatt], set[str]]:
    """The employees, and every employee number in the employee rows, read or not: a row with
    another error should not make every absence of that employee an error too."""
    ansatte: dict[str, tuple[Ansatt, bool]] = {}
    numre: set[str] = set()
    for del_ in _deler_med(deler, Tabell.ANSATTE):
        f = _Felter(del_, Tabell.ANSATTE, rapport)
        # A payroll list has one row per position, so an employee may come again with the same name.
        gjentas = len(del_.treff.kolonner) > 1
        numre.update(n for n in map(tolk_tekst, f.kolonne("ansattnummer")) if n is not None)
        kolonner = zip(
            f.les("ansattnummer", _ansattnummer, "ansattnummeret mangler"),
            f.les("navn", _tekst("navn")),
            strict=True,
        )
        for j, (nummer, navn) in enumerate(kolonner):
            if nummer is None:
                continue
            tidligere = ansatte.get(nummer)
            if tidligere is None:
                ansatte[nummer] = (Ansatt(nummer, navn, f.kilde(j)), gjentas)
                continue
            forste, forste_gjentas = tidligere
            if gjentas and forste_gjentas and forste.navn == navn:
                continue
            der = forste.kilde.sett_fra(f.kilde(j))
            if gjentas and forste_gjentas:
                melding = f"ansattnummeret står på {der} med et annet navn («{forste.navn or ''}»)"
                f.feil(j, "navn", melding)
            else:
                f.feil(j, "ansattnummer", f"ansattnummeret står også på {der}")
    return [a for a, _ in ansatte.values()], numre


def _arbeidsforhold(
    deler: Sequence[Del], rapport: Rapport, kjente: Collection[str]
) -> list[Arbeidsforhold]:
    rader: list[Arbeidsforhold] = []
    sett: dict[tuple[str, date], Kilde] = {}
    avdelinger: dict[str, tuple[str, Kilde]] = {}
    tre: dict[str, tuple[str, Kilde, _Felter, int]] = {}
    """Each department's parent ("" at the top), where a file has the column, and its row."""
    for del_ in _deler_med(deler, Tabell.ARBEIDSFORHOLD):
        f = _Felter(del_, Tabell.ARBEIDSFORHOLD, rapport)
        stilling = _prosent(
            Decimal(0),
            "stillingsprosenten må være over 0 og høyst 100",
            _prosentkolonne(f, "stillingsprosent"),
        )
        numre = f.les("ansattnummer", _ansattnummer, "ansattnummeret mangler")
        fra = f.les("fra_dato", tolk_dato, "fra-datoen mangler")
        til = f.les("til_dato", tolk_dato)
        f.sjekk_rekkefolge(fra, til)
        f.sjekk_kjente(numre, kjente)
        med_tre = "overordnet_avdeling" in f.plasser
        overordnede = f.les("overordnet_avdeling", _tekst("overordnet_avdeling"))
        kolonner = zip(
            numre,
            f.les("avdeling", _tekst("avdeling"), "avdelingen mangler"),
            f.les("avdelingsnavn", _tekst("avdelingsnavn")),
            fra,
            til,
            f.les("stillingsprosent", stilling, "stillingsprosenten mangler"),
            overordnede,
            strict=True,
        )
        for j, rad in enumerate(kolonner):
            nummer, avdeling, avdelingsnavn, start, slutt, prosent, over = rad
            kilde = f.kilde(j)
            overordnet = (over or "") if med_tre else None
            if avdeling is not None and overordnet is not None:
                if overordnet == avdeling:
                    f.feil(j, "overordnet_avdeling", "en avdeling kan ikke ligge under seg selv")
                    overordnet = None
                else:
                    forste_over, forste, _, _ = tre.setdefault(avdeling, (overordnet, kilde, f, j))
                    if forste_over != overordnet:
                        der = forste.sett_fra(kilde)
                        melding = (
                            f"avdeling «{avdeling}» ligger under «{forste_over}» på {der}"
                            if forste_over
                            else f"avdeling «{avdeling}» ligger øverst på {der}"
                        )
                        f.feil(j, "overordnet_avdeling", melding)
            if avdeling is not None and avdelingsnavn is not None:
                forste_navn, forste = avdelinger.setdefault(avdeling, (avdelingsnavn, kilde))
                if forste_navn != avdelingsnavn:
                    der = forste.sett_fra(kilde)
                    f.feil(
                        j, "avdelingsnavn", f"avdeling «{avdeling}» heter «{forste_navn}» på {der}"
                    )
            if nummer is not None and start is not None:
                tidligere = sett.setdefault((nummer, start), kilde)
                if tidligere is not kilde:
                    melding = f"samme ansatt og fra-dato som {tidligere.sett_fra(kilde)}"
                    f.feil(j, "fra_dato", melding)
            if (
                j not in f.daarlige
                and nummer is not None
                and avdeling is not None
                and start is not None
                and prosent is not None
            ):
                rader.append(
                    Arbeidsforhold(
                        nummer, avdeling, avdelingsnavn, start, slutt, prosent, kilde, overordnet
                    )
                )
    _ring(tre)
    return rader


def _ring(tre: Mapping[str, tuple[str, Kilde, _Felter, int]]) -> None:
    """Departments that lie under each other in a ring: reported once, at the ring's first row."""
    sett: set[str] = set()
    for start in tre:
        sti: list[str] = []
        avdeling: str | None = start
        while avdeling is not None and avdeling in tre and avdeling not in sett:
            if avdeling in sti:
                ring = [*sti[sti.index(avdeling) :], avdeling]
                forste = min(ring[:-1], key=lambda a: (tre[a][1].fil, tre[a][1].rad))
                _, _, f, j = tre[forste]
                f.feil(
                    j,
                    "overordnet_avdeling",
                    "avdelingene ligger under hverandre i ring: " + " → ".join(ring),
                )
                break
            sti.append(avdeling)
            avdeling = tre[avdeling][0] or None
        sett.update(sti)


def _fravaer(deler: Sequence[Del], rapport: Rapport, kjente: Collection[str]) -> list[Fravaer]:
    rader: list[Fravaer] = []
    sett: dict[tuple[str, date, Fravaerstype], Kilde] = {}
    for del_ in _deler_med(deler, Tabell.FRAVAER):
        f = _Felter(del_, Tabell.FRAVAER, rapport)
        typer = f.les("type", _fravaerstype(del_.treff.oppsett), "fraværstypen mangler")
        hoppet_over: dict[str, list[int]] = defaultdict(list)
        for j, type_ in enumerate(typer):
            if isinstance(type_, _AnnetFravaer):
                hoppet_over[type_.tekst].append(del_.radnumre[j])
                f.hopp_over.add(j)
        grad_fra = _prosent(
            LAVESTE_GRAD, "graden må være mellom 20 og 100", _prosentkolonne(f, "grad")
        )
        numre = f.les("ansattnummer", _ansattnummer, "ansattnummeret mangler")
        fra = f.les("fra_dato", tolk_dato, "fra-datoen mangler")
        til = f.les("til_dato", tolk_dato, "til-datoen mangler")
        f.sjekk_rekkefolge(fra, til)
        f.sjekk_kjente(numre, kjente)
        grader = f.les("grad", grad_fra)
        uten_grad = f.tomme("grad")
        kolonner = zip(numre, fra, til, typer, grader, strict=True)
        for j, (nummer, start, slutt, type_, grad) in enumerate(kolonner):
            if j in f.hopp_over or not isinstance(type_, Fravaerstype | None):
                continue
            if j in uten_grad:
                # An egenmelding is always for whole days, so payroll exports often leave it empty.
                if type_ is Fravaerstype.EGENMELDING:
                    grad = HEL_DAG
                elif type_ is not None:
                    f.feil(j, "grad", "graden mangler", verdi=False)
            elif grad is not None and type_ is Fravaerstype.EGENMELDING and grad != HUNDRE:
                f.feil(j, "grad", "en egenmelding har alltid grad 100")
            kilde = f.kilde(j)
            if nummer is not None and start is not None and type_ is not None:
                tidligere = sett.setdefault((nummer, start, type_), kilde)
                if tidligere is not kilde:
                    melding = (
                        f"samme ansatt, fra-dato og fraværstype som {tidligere.sett_fra(kilde)}"
                    )
                    f.feil(j, "fra_dato", melding)
            if (
                j not in f.daarlige
                and nummer is not None
                and start is not None
                and slutt is not None
                and type_ is not None
                and grad is not None
            ):
                rader.append(Fravaer(nummer, start, slutt, type_, grad, kilde))
        for tekst, radnumre in hoppet_over.items():
            antall = len(radnumre)
            rader_tekst = "1 rad" if antall == 1 else f"{norsk_tall(antall, 0)} rader"
            melding = (
                f"{rader_tekst} med fraværstypen «{tekst}» er ikke sykefravær og er ikke lest inn"
            )
            rapport.advarsel(del_.nr, Advarsel(del_.kilde, radnumre[0], melding))
    return rader


def _overlapp(fravaer: Sequence[Fravaer], deler: Sequence[Del], rapport: Rapport) -> None:
    """Warn once for every period that starts before an earlier period of the person has ended,
    naming the earlier period that reaches furthest."""
    rekkefolge = {d.kilde: d.nr for d in deler}
    per_ansatt: dict[str, list[Fravaer]] = defaultdict(list)
    for periode in fravaer:
        per_ansatt[periode.ansattnummer].append(periode)
    for nummer, perioder in per_ansatt.items():
        perioder.sort(key=lambda p: (p.fra_dato, p.til_dato))
        lengst = perioder[0]
        for periode in perioder[1:]:
            if periode.fra_dato <= lengst.til_dato:
                rapport.advarsel(
                    rekkefolge[periode.kilde.fil],
                    Advarsel(
                        periode.kilde.fil,
                        periode.kilde.rad,
                        f"fraværet {_periode(periode)} overlapper fraværet {_periode(lengst)} "
                        f"på {lengst.kilde.sett_fra(periode.kilde)} for ansatt {nummer}; "
                        "hver dag telles bare én gang",
                        ogsaa=lengst.kilde,
                    ),
                )
            if periode.til_dato > lengst.til_dato:
                lengst = periode


def _periode(fravaer: Fravaer) -> str:
    return f"{datotekst(fravaer.fra_dato)}–{datotekst(fravaer.til_dato)}"
