"""A virksomhet's statistics from its own data, by month or quarter and by department.

Everything that decides what a figure is and whether it may be shown is here, free of any web
framework, so that the page and the downloads can never disagree. Masking is decided once for
the whole virksomhet (every department, every month and quarter), and a user who sees only some
departments sees a subset of the same figures: whatever that user can work out, a user who sees
everything can too, and the suppression makes sure that is no masked figure (spec §7).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from naervaer.statistikk import aggregering
from naervaer.statistikk.aggregering import Fravaerstall, Fravaerstype
from naervaer.statistikk.avdelinger import Avdelingstre, avdeling_i, direkte, er_direkte
from naervaer.statistikk.kvartal import Kvartal
from naervaer.statistikk.maned import Maned, maneder_i
from naervaer.statistikk.maskering import (
    MASKERT,
    STANDARD_TERSKEL,
    Figur,
    Maskert,
    Terskel,
    Vist,
    masker,
)
from naervaer.statistikk.oversikt import MAALNAVN, Enhet, Maal
from naervaer.statistikk.perioder import Inndeling, Periode, inndeling_for
from naervaer.statistikk.undertrykking import Likning, sekundaer_maskering_likninger

Enhetskode = str | None
"""None: the whole virksomhet; otherwise a unit of ``avdelinger`` («12» or «12:direkte»)."""
Celle = tuple[Enhetskode, Periode]

VIRKSOMHETEN = "virksomhet"
"""The choice of the whole virksomhet in a page's unit selector."""

HISTORIKK: Mapping[Inndeling, int] = {Inndeling.MANED: 24, Inndeling.KVARTAL: 12}
"""How many periods the history shows, ending with the chosen one."""

_FRAVAERSTYPE: Mapping[Maal, Fravaerstype] = {
    Maal.TOTALT: Fravaerstype.TOTALT,
    Maal.EGENMELDT: Fravaerstype.EGENMELDT,
    Maal.LEGEMELDT: Fravaerstype.LEGEMELDT,
    Maal.KORTTID: Fravaerstype.KORTTID,
    Maal.LANGTID: Fravaerstype.LANGTID,
}
HISTORIKKMAAL = (Maal.TOTALT, Maal.EGENMELDT, Maal.LEGEMELDT)
_KORTNAVN: Mapping[Maal, str] = {
    Maal.TOTALT: "Totalt",
    Maal.EGENMELDT: "Egenmeldt",
    Maal.LEGEMELDT: "Legemeldt",
}


# --- Which cells are masked ---------------------------------------------------------------------


def likninger(tre: Avdelingstre, perioder: Iterable[Periode]) -> list[Likning[Celle]]:
    """Every way the figures add up: in each period the virksomhet is the sum of its top
    departments and a parent the sum of its parts; each unit's quarter is the sum of its three
    months (when all three are computed)."""
    perioder = list(perioder)
    ut: list[Likning[Celle]] = []
    for periode in perioder:
        ut.append(Likning((None, periode), tuple((d, periode) for d in tre.deler(None))))
        for avdeling in tre.i_rekkefolge():
            deler = tre.deler(avdeling)
            if deler:
                ut.append(Likning((avdeling, periode), tuple((d, periode) for d in deler)))
    maneder = {p for p in perioder if isinstance(p, Maned)}
    enheter: tuple[Enhetskode, ...] = (None, *tre.alle_enheter())
    for kvartal in (p for p in perioder if isinstance(p, Kvartal)):
        tre_maneder = maneder_i(kvartal)
        if all(m in maneder for m in tre_maneder):
            for enhet in enheter:
                ut.append(Likning((enhet, kvartal), tuple((enhet, m) for m in tre_maneder)))
    return ut


def _celleorden(celle: Celle) -> tuple[str, int, str]:
    enhet, periode = celle
    return (inndeling_for(periode).value, periode.indeks, enhet or "")


def maskerte_celler(
    antall_personer: Mapping[Celle, int],
    tre: Avdelingstre,
    perioder: Iterable[Periode],
    terskel: Terskel = STANDARD_TERSKEL,
) -> frozenset[Celle]:
    """The cells (unit, period) whose figures must not be shown: too few persons, or a figure
    that the shown ones would give away. A cell without a row has no data."""
    ordnet = {c: antall_personer[c] for c in sorted(antall_personer, key=_celleorden)}
    return sekundaer_maskering_likninger(ordnet, likninger(tre, perioder), terskel)


@dataclass(frozen=True)
class Egne:
    """A virksomhet's computed sums, the department tree, and which cells are masked."""

    tall: Mapping[Celle, Fravaerstall]
    maskert: frozenset[Celle]
    tre: Avdelingstre
    perioder: tuple[Periode, ...]
    """Every computed period (months and quarters), oldest first."""

    @classmethod
    def med_maskering(
        cls,
        tall: Mapping[Celle, Fravaerstall],
        tre: Avdelingstre,
        perioder: Sequence[Periode],
        terskel: Terskel = STANDARD_TERSKEL,
    ) -> Egne:
        antall = {celle: t.antall_personer for celle, t in tall.items()}
        return cls(tall, maskerte_celler(antall, tre, perioder, terskel), tre, tuple(perioder))

    def perioder_i(self, inndeling: Inndeling) -> tuple[Periode, ...]:
        return tuple(p for p in self.perioder if inndeling_for(p) is inndeling)


# --- Figures ------------------------------------------------------------------------------------


def andel(maal: Maal, tall: Fravaerstall | None, maskert: bool, terskel: Terskel) -> Figur | None:
    """One measure of one cell as a percentage; None without data or without a denominator."""
    if tall is None:
        return None
    if maskert:
        return MASKERT
    if maal is Maal.GRADERT:
        return aggregering.gradert_prosent(tall, terskel)
    return aggregering.prosent(tall, _FRAVAERSTYPE[maal], terskel)


def endring(
    naa: Figur | None, da: Figur | None, minst_personer: int, terskel: Terskel
) -> Figur | None:
    """The change between two shown percentages in percentage points: the difference of the
    rounded figures, so it agrees with them; masked when either is masked."""
    if isinstance(naa, Maskert) or isinstance(da, Maskert):
        return MASKERT
    if not isinstance(naa, Vist) or not isinstance(da, Vist):
        return None
    return masker(naa.verdi - da.verdi, minst_personer, terskel)


def i_fjor(periode: Periode) -> Periode:
    """The same month or quarter a year earlier."""
    return periode - (12 if isinstance(periode, Maned) else 4)


# --- The overview a page shows ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Enhetsvalg:
    nokkel: str  # VIRKSOMHETEN or a department id
    navn: str
    niva: int  # 0 for the virksomhet, 1 for a top department


@dataclass(frozen=True, slots=True)
class Nokkeltall:
    maal: Maal
    navn: str
    naa: Figur | None
    i_fjor: Figur | None
    endring: Figur | None
    bransje: Figur | None


@dataclass(frozen=True, slots=True)
class Serie:
    nokkel: str
    navn: str
    punkter: tuple[Figur | None, ...]
    kortnavn: str = ""  # for a narrow table's heading

    @property
    def overskrift(self) -> str:
        return self.kortnavn or self.navn


@dataclass(frozen=True, slots=True)
class Avdelingsrad:
    enhet: str
    navn: str
    niva: int  # 1 for the highest level the user sees
    overordnet: str | None  # the name of the row above it in the tree, for screen readers
    er_direkte: bool
    antall_personer: Figur
    totalt: Figur | None
    egenmeldt: Figur | None
    legemeldt: Figur | None
    endring: Figur | None


@dataclass(frozen=True, slots=True)
class Egenoversikt:
    inndeling: Inndeling
    periode: Periode
    i_fjor: Periode
    perioder: tuple[Periode, ...]  # what the user can choose, newest first
    enhet: Enhetsvalg
    enheter: tuple[Enhetsvalg, ...]
    antall_personer: Figur | None
    tapte_dagsverk: Figur | None
    mulige_dagsverk: Figur | None
    nokkeltall: tuple[Nokkeltall, ...]
    bransje: Enhet | None  # quarters only: the national statistics have no months
    historikk: tuple[Periode, ...]  # oldest first
    serier: tuple[Serie, ...]
    avdelinger: tuple[Avdelingsrad, ...]
    ser_virksomheten: bool
    terskel: Terskel

    @property
    def er_kvartal(self) -> bool:
        return self.inndeling is Inndeling.KVARTAL

    def historikkrader(self) -> list[tuple[Periode, list[Figur | None]]]:
        """The history as a table, newest first: one row per period, one column per series."""
        return [
            (periode, [serie.punkter[i] for serie in self.serier])
            for i, periode in reversed(list(enumerate(self.historikk)))
        ]


def standardperiode(perioder: Sequence[Periode], dag: date) -> Periode | None:
    """The newest period that is over by ``dag``; the newest at all if none is."""
    ferdige = [p for p in perioder if p.slutt < dag]
    return max(ferdige, default=None) or max(perioder, default=None)


def lag_egenoversikt(
    egne: Egne,
    *,
    virksomhetsnavn: str,
    inndeling: Inndeling,
    periode: Periode | None,
    enhet: str | None,
    synlige: frozenset[str] | None,
    ser_virksomheten: bool,
    dag: date,
    bransje: Enhet | None = None,
    bransjetall: Mapping[Kvartal, Fravaerstall] | None = None,
    terskel: Terskel = STANDARD_TERSKEL,
) -> Egenoversikt | None:
    """The overview of one period for one unit, as a user who sees ``synlige`` departments (None:
    all) may see it; None when nothing is computed for ``inndeling``.

    A period or unit the user cannot choose falls back to the default, so a link from someone
    who sees more shows this user only what this user may see.
    """
    perioder = egne.perioder_i(inndeling)
    if not perioder:
        return None
    if periode not in perioder:
        periode = standardperiode(perioder, dag)
    assert periode is not None
    forrige = i_fjor(periode)
    tre = egne.tre

    def ser(avdeling: str) -> bool:
        return synlige is None or avdeling_i(avdeling) in synlige

    def figurer(kode: Enhetskode, p: Periode) -> tuple[Fravaerstall | None, bool]:
        return egne.tall.get((kode, p)), (kode, p) in egne.maskert

    enheter = _enhetsvalg(tre, virksomhetsnavn, ser, ser_virksomheten)
    if not enheter:
        return None
    valgt = next((e for e in enheter if e.nokkel == enhet), enheter[0])
    kode: Enhetskode = None if valgt.nokkel == VIRKSOMHETEN else valgt.nokkel

    naa, naa_maskert = figurer(kode, periode)
    da, da_maskert = figurer(kode, forrige)
    kvartalstall: dict[Periode, Fravaerstall] = {k: v for k, v in (bransjetall or {}).items()}
    nokkeltall = []
    for maal in Maal:
        a = andel(maal, naa, naa_maskert, terskel)
        b = andel(maal, da, da_maskert, terskel)
        minst = min(naa.antall_personer, da.antall_personer) if naa and da else 0
        nokkeltall.append(
            Nokkeltall(
                maal,
                MAALNAVN[maal],
                a,
                b,
                endring(a, b, minst, terskel),
                andel(maal, kvartalstall.get(periode), False, terskel)
                if isinstance(periode, Kvartal)
                else None,
            )
        )

    historikk = tuple(
        p for p in perioder if periode.indeks - HISTORIKK[inndeling] < p.indeks <= periode.indeks
    )
    serier = [
        Serie(
            maal.value,
            MAALNAVN[maal],
            tuple(andel(maal, *figurer(kode, p), terskel) for p in historikk),
            _KORTNAVN[maal],
        )
        for maal in HISTORIKKMAAL
    ]
    if isinstance(periode, Kvartal) and bransje is not None:
        serier.append(
            Serie(
                "bransje",
                f"{bransje.navn}, hele landet",
                tuple(andel(Maal.TOTALT, kvartalstall.get(p), False, terskel) for p in historikk),
                "Bransjen",
            )
        )

    return Egenoversikt(
        inndeling=inndeling,
        periode=periode,
        i_fjor=forrige,
        perioder=tuple(reversed(perioder)),
        enhet=valgt,
        enheter=enheter,
        antall_personer=_personer(naa, naa_maskert, terskel),
        tapte_dagsverk=_dagsverk(naa, naa_maskert, terskel, tapte=True),
        mulige_dagsverk=_dagsverk(naa, naa_maskert, terskel, tapte=False),
        nokkeltall=tuple(nokkeltall),
        bransje=bransje if isinstance(periode, Kvartal) else None,
        historikk=historikk,
        serier=tuple(serier),
        avdelinger=_avdelingsrader(egne, periode, forrige, ser, terskel),
        ser_virksomheten=ser_virksomheten,
        terskel=terskel,
    )


def _enhetsvalg(
    tre: Avdelingstre, virksomhetsnavn: str, ser: Callable[[str], bool], ser_virksomheten: bool
) -> tuple[Enhetsvalg, ...]:
    valg = [Enhetsvalg(VIRKSOMHETEN, virksomhetsnavn, 0)] if ser_virksomheten else []
    for avdeling in tre.i_rekkefolge():
        if ser(avdeling):
            valg.append(Enhetsvalg(avdeling, _navn(tre, avdeling), _niva(tre, avdeling, ser)))
    return tuple(valg)


def _navn(tre: Avdelingstre, avdeling: str) -> str:
    return tre.navn.get(avdeling) or f"Avdeling {avdeling}"


def _niva(tre: Avdelingstre, avdeling: str, ser: Callable[[str], bool]) -> int:
    """1 for a department whose parent the user does not see."""
    return sum(1 for a in tre.forfedre(avdeling) if ser(a))


def _personer(tall: Fravaerstall | None, maskert: bool, terskel: Terskel) -> Figur | None:
    if tall is None:
        return None
    antall = tall.antall_personer
    return masker(Decimal(antall), antall, terskel, desimaler=0, undertrykt=maskert)


def _dagsverk(
    tall: Fravaerstall | None, maskert: bool, terskel: Terskel, *, tapte: bool
) -> Figur | None:
    if tall is None:
        return None
    verdi = tall.tapte_dagsverk if tapte else tall.mulige_dagsverk
    return masker(verdi, tall.antall_personer, terskel, undertrykt=maskert)


def _avdelingsrader(
    egne: Egne,
    periode: Periode,
    forrige: Periode,
    ser: Callable[[str], bool],
    terskel: Terskel,
) -> tuple[Avdelingsrad, ...]:
    """The departments the user sees, in tree order, a parent's own staff right under it.

    A unit without data in the period (nobody employed there) has no row.
    """
    tre = egne.tre
    rader = []
    for avdeling in tre.i_rekkefolge():
        if not ser(avdeling):
            continue
        niva = _niva(tre, avdeling, ser)
        forelder = tre.forelder(avdeling)
        over = _navn(tre, forelder) if forelder is not None and ser(forelder) else None
        enheter = [(avdeling, niva, over)]
        if tre.har_barn(avdeling):
            # «Ansatte direkte i Barnehagen» names its parent already.
            enheter.append((direkte(avdeling), niva + 1, None))
        for enhet, enhetsniva, overordnet in enheter:
            tall = egne.tall.get((enhet, periode))
            if tall is None:
                continue
            maskert = (enhet, periode) in egne.maskert
            da = egne.tall.get((enhet, forrige))
            da_maskert = (enhet, forrige) in egne.maskert
            totalt = andel(Maal.TOTALT, tall, maskert, terskel)
            minst = min(tall.antall_personer, da.antall_personer) if da else 0
            rader.append(
                Avdelingsrad(
                    enhet=enhet,
                    navn=(
                        f"Ansatte direkte i {_navn(tre, avdeling)}"
                        if er_direkte(enhet)
                        else _navn(tre, avdeling)
                    ),
                    niva=enhetsniva,
                    overordnet=overordnet,
                    er_direkte=er_direkte(enhet),
                    antall_personer=masker(
                        Decimal(tall.antall_personer),
                        tall.antall_personer,
                        terskel,
                        desimaler=0,
                        undertrykt=maskert,
                    ),
                    totalt=totalt,
                    egenmeldt=andel(Maal.EGENMELDT, tall, maskert, terskel),
                    legemeldt=andel(Maal.LEGEMELDT, tall, maskert, terskel),
                    endring=endring(
                        totalt, andel(Maal.TOTALT, da, da_maskert, terskel), minst, terskel
                    ),
                )
            )
    return tuple(rader)
