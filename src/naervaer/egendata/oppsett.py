"""Column mapping: which column of an export holds which canonical field.

An ``Oppsett`` is an export layout, made of one or more ``Filoppsett`` (file or sheet shapes). A
file shape may feed more than one table: payroll systems export employees and their positions as
one list, one row per position. The layout of a file is recognised from its header, which may sit
below a few title lines; when no preset fits, the user maps the columns (``eget_oppsett``), helped
by ``foreslaa``.

Headers are compared after ``kolonner.normaliser``, so case, spaces, «_», «-» and «%» do not
matter. A field may take several columns, joined with a space (first and last name).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from naervaer.egendata.kolonner import FELTER, Tabell, normaliser
from naervaer.egendata.lesing import SOEKEDYBDE, Celle
from naervaer.oppfolging.tilfelle import Fravaerstype

Felter = Mapping[str, tuple[str, ...]]
"""Canonical field → the column or columns (joined with a space) that hold it."""

EGENMELDING = Fravaerstype.EGENMELDING
SYKMELDING = Fravaerstype.SYKMELDING

FELLES_TYPER: Mapping[str, Fravaerstype] = {
    "egenmelding": EGENMELDING,
    "egenmeldt": EGENMELDING,
    "egenmeldt fravær": EGENMELDING,
    "sykmelding": SYKMELDING,
    "sykemelding": SYKMELDING,
    "sykmeldt": SYKMELDING,
    "sykemeldt": SYKMELDING,
    "legemeldt": SYKMELDING,
    "legemeldt fravær": SYKMELDING,
}
"""Every layout understands these values in the type column."""


@dataclass(frozen=True, slots=True)
class Filoppsett:
    navn: str
    tabeller: Mapping[Tabell, Felter]

    def overskrifter(self) -> set[str]:
        return {
            normaliser(k) for felter in self.tabeller.values() for ks in felter.values() for k in ks
        }


@dataclass(frozen=True, slots=True)
class Oppsett:
    navn: str
    tittel: str
    beskrivelse: str
    filer: tuple[Filoppsett, ...]
    typer: Mapping[str, Fravaerstype] = field(default_factory=dict)
    """Values of the type column besides ``FELLES_TYPER``, normalised."""
    andre_typer: frozenset[str] = frozenset()
    """Absence that is not sick leave (ferie, permisjon, …): such rows are left out with a
    warning, so that a payroll system's full absence list can be imported as it is."""

    def fravaerstype(self, normalisert: str) -> Fravaerstype | None:
        return self.typer.get(normalisert) or FELLES_TYPER.get(normalisert)


def _felter(**felter: str | tuple[str, ...]) -> Felter:
    return {navn: (k,) if isinstance(k, str) else k for navn, k in felter.items()}


MAL = Oppsett(
    "mal",
    "Nærværs importmal",
    "Tre filer med kolonnenavnene i docs/importmal.md.",
    (
        Filoppsett(
            "ansatte.csv", {Tabell.ANSATTE: _felter(ansattnummer="ansattnummer", navn="navn")}
        ),
        Filoppsett(
            "arbeidsforhold.csv",
            {
                Tabell.ARBEIDSFORHOLD: _felter(
                    ansattnummer="ansattnummer",
                    avdeling="avdeling",
                    avdelingsnavn="avdelingsnavn",
                    overordnet_avdeling="overordnet_avdeling",
                    fra_dato="fra_dato",
                    til_dato="til_dato",
                    stillingsprosent="stillingsprosent",
                )
            },
        ),
        Filoppsett(
            "fravaer.csv",
            {
                Tabell.FRAVAER: _felter(
                    ansattnummer="ansattnummer",
                    fra_dato="fra_dato",
                    til_dato="til_dato",
                    type="type",
                    grad="grad",
                )
            },
        ),
    ),
)

LONN = Oppsett(
    "lonn",
    "Lønnssystem",
    "Eksport fra et norsk lønnssystem: «Ansatte og stillinger» (én rad per stilling) og "
    "«Fravær» (hele fraværslisten; ferie og permisjon hoppes over).",
    (
        Filoppsett(
            "Ansatte og stillinger",
            {
                Tabell.ANSATTE: _felter(ansattnummer="Ansattnr", navn=("Fornavn", "Etternavn")),
                Tabell.ARBEIDSFORHOLD: _felter(
                    ansattnummer="Ansattnr",
                    avdeling="Avdeling",
                    avdelingsnavn="Avdelingsnavn",
                    fra_dato="Startdato",
                    til_dato="Sluttdato",
                    stillingsprosent="Stillingsprosent",
                ),
            },
        ),
        Filoppsett(
            "Fravær",
            {
                Tabell.FRAVAER: _felter(
                    ansattnummer="Ansattnr",
                    fra_dato="Fra dato",
                    til_dato="Til dato",
                    type="Fraværstype",
                    grad="Sykmeldingsgrad %",
                )
            },
        ),
    ),
    typer={"egenmelding arbeidstaker": EGENMELDING, "sykmelding arbeidstaker": SYKMELDING},
    andre_typer=frozenset(
        {
            "ferie",
            "permisjon",
            "velferdspermisjon",
            "permisjon med lønn",
            "permisjon uten lønn",
            "foreldrepermisjon",
            "omsorgspermisjon",
            "sykt barn",
            "egenmelding sykt barn",
            "avspasering",
        }
    ),
)

HR = Oppsett(
    "hr",
    "HR-system (engelske overskrifter)",
    "Eksport fra et HR-system med engelske kolonnenavn: Employees, Employments og Absences, "
    "som tre ark i én XLSX-fil eller som tre CSV-filer.",
    (
        Filoppsett(
            "Employees",
            {Tabell.ANSATTE: _felter(ansattnummer="Employee ID", navn="Full name")},
        ),
        Filoppsett(
            "Employments",
            {
                Tabell.ARBEIDSFORHOLD: _felter(
                    ansattnummer="Employee ID",
                    avdeling="Department code",
                    avdelingsnavn="Department",
                    fra_dato="Start date",
                    til_dato="End date",
                    stillingsprosent="FTE %",
                )
            },
        ),
        Filoppsett(
            "Absences",
            {
                Tabell.FRAVAER: _felter(
                    ansattnummer="Employee ID",
                    fra_dato="Start date",
                    til_dato="End date",
                    type="Absence type",
                    grad="Degree %",
                )
            },
        ),
    ),
    typer={
        "self certified": EGENMELDING,
        "self certification": EGENMELDING,
        "medical certificate": SYKMELDING,
        "doctor certified": SYKMELDING,
    },
    andre_typer=frozenset(
        {"vacation", "holiday", "parental leave", "child sick", "leave of absence", "time off"}
    ),
)

OPPSETT: tuple[Oppsett, ...] = (MAL, LONN, HR)


def kjente_overskrifter(oppsett: Iterable[Oppsett] = OPPSETT) -> frozenset[str]:
    """Every normalised header a layout knows, for finding the delimiter and the header row."""
    return frozenset(
        navn for o in oppsett for filoppsett in o.filer for navn in filoppsett.overskrifter()
    )


@dataclass(frozen=True, slots=True)
class Treff:
    """A file shape recognised in a sheet: where its header is and which columns it reads."""

    oppsett: Oppsett
    filoppsett: Filoppsett
    rad: int
    overskrift: tuple[str, ...]
    kolonner: Mapping[Tabell, Mapping[str, tuple[int, ...]]]
    doble: tuple[str, ...]
    """Headers the layout reads that occur more than once: the file is ambiguous."""

    @property
    def tabeller(self) -> tuple[Tabell, ...]:
        return tuple(self.kolonner)

    @property
    def brukte(self) -> frozenset[int]:
        return frozenset(
            i for felter in self.kolonner.values() for ks in felter.values() for i in ks
        )

    @property
    def ignorerte(self) -> tuple[str, ...]:
        """Columns the import does not read, for the preview."""
        brukte = self.brukte
        return tuple(k for i, k in enumerate(self.overskrift) if k and i not in brukte)

    def kolonnenavn(self, tabell: Tabell, felt: str) -> str:
        return " + ".join(self.overskrift[i] for i in self.kolonner[tabell][felt])


def overskriftstekst(rad: Sequence[Celle]) -> tuple[str, ...]:
    return tuple(celle.strip() if isinstance(celle, str) else "" for celle in rad)


def _finn_i_rad(
    oppsett: Oppsett, filoppsett: Filoppsett, nr: int, rad: Sequence[Celle]
) -> Treff | None:
    overskrift = overskriftstekst(rad)
    plass: dict[str, int] = {}
    flere: set[str] = set()
    for i, tekst in enumerate(overskrift):
        navn = normaliser(tekst)
        if navn in plass:
            flere.add(navn)
        elif navn:
            plass[navn] = i
    kolonner: dict[Tabell, dict[str, tuple[int, ...]]] = {}
    for tabell, felter in filoppsett.tabeller.items():
        valgt: dict[str, tuple[int, ...]] = {}
        for felt in FELTER[tabell]:
            navnene = [normaliser(k) for k in felter.get(felt.navn, ())]
            if navnene and all(n in plass for n in navnene):
                valgt[felt.navn] = tuple(plass[n] for n in navnene)
            elif felt.paakrevd:
                return None
        kolonner[tabell] = valgt
    doble = sorted(
        overskrift[plass[n]]
        for n in flere
        if any(plass[n] in ks for felter in kolonner.values() for ks in felter.values())
    )
    return Treff(oppsett, filoppsett, nr, overskrift, kolonner, tuple(doble))


def finn_oppsett(
    rader: Sequence[Sequence[Celle]], kandidater: Iterable[Oppsett] = OPPSETT
) -> list[Treff]:
    """The file shapes that fit best, by how many header cells they read; one when it is clear.

    The header is the first of the top rows where some shape fits. Two shapes that read equally
    many columns are both returned, and the caller asks the user to choose.
    """
    kandidater = tuple(kandidater)
    for nr, rad in enumerate(rader[:SOEKEDYBDE], start=1):
        treff = [
            t
            for o in kandidater
            for filoppsett in o.filer
            if (t := _finn_i_rad(o, filoppsett, nr, rad)) is not None
        ]
        if treff:
            flest = max(len(t.brukte) for t in treff)
            return [t for t in treff if len(t.brukte) == flest]
    return []


def naermeste(
    rader: Sequence[Sequence[Celle]], kandidater: Iterable[Oppsett] = OPPSETT
) -> tuple[Oppsett, Filoppsett, list[str]] | None:
    """The shape whose columns are most present in the top rows, and the columns it misses."""
    beste: tuple[int, Oppsett, Filoppsett, list[str]] | None = None
    for rad in rader[:SOEKEDYBDE]:
        finnes = {normaliser(t) for t in overskriftstekst(rad)} - {""}
        for o in kandidater:
            for filoppsett in o.filer:
                paakrevde = _paakrevde_kolonner(filoppsett)
                mangler = [k for k in paakrevde if normaliser(k) not in finnes]
                antall = len(paakrevde) - len(mangler)
                if antall and (beste is None or antall > beste[0]):
                    beste = (antall, o, filoppsett, mangler)
    return None if beste is None else beste[1:]


def _paakrevde_kolonner(filoppsett: Filoppsett) -> list[str]:
    kolonner: list[str] = []
    for tabell, felter in filoppsett.tabeller.items():
        for felt in FELTER[tabell]:
            if felt.paakrevd:
                kolonner.extend(k for k in felter.get(felt.navn, ()) if k not in kolonner)
    return kolonner


def eget_oppsett(
    tabeller: Mapping[Tabell, Mapping[str, str | Sequence[str]]],
    typer: Mapping[str, Fravaerstype] | None = None,
    andre_typer: Iterable[str] = (),
    navn: str = "eget",
) -> Oppsett:
    """A layout the user maps by hand in the column-mapping step."""
    filoppsett: dict[Tabell, Felter] = {}
    for tabell, felter in tabeller.items():
        kjente = {f.navn: f for f in FELTER[tabell]}
        ukjente = sorted(set(felter) - set(kjente))
        if ukjente:
            raise ValueError(f"{tabell.visningsnavn} har ikke feltene {', '.join(ukjente)}")
        mangler = [f.navn for f in kjente.values() if f.paakrevd and f.navn not in felter]
        if mangler:
            raise ValueError(f"velg en kolonne for {', '.join(mangler)} ({tabell.visningsnavn})")
        filoppsett[tabell] = {
            f: (k,) if isinstance(k, str) else tuple(k) for f, k in felter.items()
        }
    return Oppsett(
        navn,
        "Egne kolonnevalg",
        "Kolonnene er valgt for hånd.",
        (Filoppsett(navn, filoppsett),),
        typer={normaliser(k): v for k, v in (typer or {}).items()},
        andre_typer=frozenset(normaliser(t) for t in andre_typer),
    )


def foreslaa(overskrift: Sequence[str], tabell: Tabell) -> dict[str, str]:
    """A first guess for the mapping step: each field to a column some layout calls by that name."""
    navn_for: dict[str, str] = {}
    for o in OPPSETT:
        for filoppsett in o.filer:
            for felt, kolonner in filoppsett.tabeller.get(tabell, {}).items():
                if len(kolonner) == 1:
                    navn_for.setdefault(normaliser(kolonner[0]), felt)
    for kanonisk in FELTER[tabell]:
        navn_for.setdefault(normaliser(kanonisk.navn), kanonisk.navn)
    forslag: dict[str, str] = {}
    for kolonne in overskrift:
        navn = navn_for.get(normaliser(kolonne))
        if navn is not None and navn not in forslag:
            forslag[navn] = kolonne
    return forslag
