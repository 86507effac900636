"""The user's choice of layout for a file the import did not recognise: a preset or own columns.

A choice is kept as JSON with the waiting upload (``opplasting.Venter.valg``), keyed by the file
or sheet it is for, and turned into an ``Oppsett`` each time the files are read.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from naervaer.egendata.kolonner import FELTER, Tabell
from naervaer.egendata.lesing import SOEKEDYBDE, Fil, les_fil
from naervaer.egendata.oppsett import (
    OPPSETT,
    Oppsett,
    eget_oppsett,
    foreslaa,
    kjente_overskrifter,
    overskriftstekst,
)
from naervaer.oppfolging.tilfelle import Fravaerstype

OPPSETT_ETTER_NAVN = {o.navn: o for o in OPPSETT}
OPPSETT_ETTER_TITTEL = {o.tittel: o for o in OPPSETT}

INNHOLD: dict[str, tuple[Tabell, ...]] = {
    "ansatte": (Tabell.ANSATTE,),
    "arbeidsforhold": (Tabell.ARBEIDSFORHOLD,),
    "ansatte_og_arbeidsforhold": (Tabell.ANSATTE, Tabell.ARBEIDSFORHOLD),
    "fravaer": (Tabell.FRAVAER,),
}
"""What a file may hold, as the mapping step offers it; a payroll list has one row per position
and gives both employees and employments."""

INNHOLDSTEKST = {
    "ansatte": "Ansatte",
    "arbeidsforhold": "Arbeidsforhold (stillinger)",
    "ansatte_og_arbeidsforhold": "Ansatte og stillinger (én rad per stilling)",
    "fravaer": "Fravær",
}

FELTNAVN = {
    "ansattnummer": "ansattnummer",
    "navn": "navn",
    "avdeling": "avdeling",
    "avdelingsnavn": "avdelingsnavn",
    "overordnet_avdeling": "overordnet avdeling",
    "fra_dato": "fra-dato",
    "til_dato": "til-dato",
    "stillingsprosent": "stillingsprosent",
    "type": "fraværstype",
    "grad": "grad",
}


def oppsett_fra(valg: Mapping[str, Mapping[str, Any]]) -> dict[str, Oppsett]:
    """The layouts to read with, by file or sheet; a choice that no longer parses is left out."""
    ut: dict[str, Oppsett] = {}
    for kilde, ett in valg.items():
        if "oppsett" in ett and ett["oppsett"] in OPPSETT_ETTER_NAVN:
            ut[kilde] = OPPSETT_ETTER_NAVN[ett["oppsett"]]
        elif "tabeller" in ett:
            try:
                ut[kilde] = eget_oppsett(
                    {Tabell(t): felter for t, felter in ett["tabeller"].items()},
                    typer={k: Fravaerstype(v) for k, v in ett.get("typer", {}).items()},
                    andre_typer=ett.get("andre", ()),
                )
            except ValueError:
                continue
    return ut


@dataclass(frozen=True, slots=True)
class Ark:
    """A file or sheet as the mapping step shows it: its columns and a first guess."""

    kilde: str
    kolonner: tuple[str, ...]
    forslag: Mapping[Tabell, Mapping[str, str]]


def ark_fra(kilde: str, kolonner: Sequence[str]) -> Ark:
    kolonner = tuple(dict.fromkeys(kolonner))
    return Ark(kilde, kolonner, {t: foreslaa(kolonner, t) for t in Tabell})


def ark_i(filer: Sequence[Fil]) -> list[Ark]:
    """Every file or sheet with the row that looks most like a header (most text cells)."""
    kjente = kjente_overskrifter()
    ut: list[Ark] = []
    for fil in filer:
        arkene, _ = les_fil(fil, kjente)
        for ark in arkene:
            toppen = [overskriftstekst(r) for r in ark.rader[:SOEKEDYBDE]]
            if not toppen:
                continue
            rad = max(toppen, key=lambda r: sum(1 for c in r if c))
            kolonner = [c for c in rad if c]
            if kolonner:
                ut.append(ark_fra(ark.kilde, kolonner))
    return ut


class Ugyldig(ValueError):
    """The mapping form has an error; the message names the field."""


def fra_skjema(data: Mapping[str, str], ark: Ark) -> dict[str, Any]:
    """The JSON choice from the mapping form of one sheet: either a preset or own columns.

    Fields: ``oppsett`` (a preset's name, or empty), ``tabell`` (which table the file holds),
    ``felt_<navn>`` (a column for each field), ``egenmelding``/``sykmelding``/``andre``
    (comma-separated values of the type column).
    """
    navn = data.get("oppsett", "").strip()
    if navn:
        if navn not in OPPSETT_ETTER_NAVN:
            raise Ugyldig("Velg et av oppsettene i listen.")
        return {"oppsett": navn}
    tabeller = INNHOLD.get(data.get("tabell", ""))
    if tabeller is None:
        raise Ugyldig("Velg hva filen inneholder.")
    felter: dict[str, dict[str, str]] = {t.value: {} for t in tabeller}
    valgte: dict[str, str] = {}
    for tabell in tabeller:
        for felt in FELTER[tabell]:
            kolonne = data.get(f"felt_{felt.navn}", "").strip()
            if kolonne and kolonne not in ark.kolonner:
                raise Ugyldig(f"Kolonnen «{kolonne}» finnes ikke i filen.")
            if kolonne:
                felter[tabell.value][felt.navn] = kolonne
                valgte[felt.navn] = kolonne
            elif felt.paakrevd:
                raise Ugyldig(f"Velg kolonnen for {FELTNAVN[felt.navn]}.")
    brukt = list(valgte.values())
    doble = sorted({k for k in brukt if brukt.count(k) > 1})
    if doble:
        raise Ugyldig(f"Kolonnen «{doble[0]}» er valgt for to felt.")
    typer: dict[str, str] = {}
    for type_ in Fravaerstype:
        for verdi in _liste(data.get(type_.value, "")):
            typer[verdi] = type_.value
    valg: dict[str, Any] = {"tabeller": felter, "typer": typer}
    andre = _liste(data.get("andre", ""))
    if andre:
        valg["andre"] = andre
    return valg


def _liste(tekst: str) -> list[str]:
    return [d.strip() for d in tekst.split(",") if d.strip()]


@dataclass(frozen=True, slots=True)
class Skjemafelt:
    navn: str
    tekst: str
    valgt: str
    bruk: str
    """Which tables the field is for, as text: «arbeidsforhold og fravær»."""


@dataclass(frozen=True, slots=True)
class Skjema:
    """The mapping form of one file or sheet, filled in with the choice or the first guess."""

    nr: int
    kilde: str
    kolonner: tuple[str, ...]
    felter: tuple[Skjemafelt, ...]
    oppsett: str
    innhold: str
    egenmelding: str
    sykmelding: str
    andre: str
    valgt_selv: bool = False
    """The user chose this file's layout (and may undo it)."""

    @property
    def id(self) -> str:
        """The prefix of the form's element ids, unique on the page."""
        return f"valg-{self.nr}"


def skjema(nr: int, ark: Ark, valgt: Mapping[str, Any], valgt_selv: bool = False) -> Skjema:
    tabeller: Mapping[str, Mapping[str, str]] = valgt.get("tabeller", {})
    egne = {felt: kolonne for felter in tabeller.values() for felt, kolonne in felter.items()}
    innhold = next(
        (navn for navn, ts in INNHOLD.items() if [t.value for t in ts] == list(tabeller)), ""
    )
    felter = []
    for navn, tekst in FELTNAVN.items():
        forslag = next((f[navn] for f in ark.forslag.values() if navn in f), "")
        bruk = " og ".join(
            t.visningsnavn for t, fs in FELTER.items() if any(f.navn == navn for f in fs)
        )
        felter.append(Skjemafelt(navn, tekst, egne.get(navn, "" if egne else forslag), bruk))
    typer: Mapping[str, str] = valgt.get("typer", {})
    return Skjema(
        nr,
        ark.kilde,
        ark.kolonner,
        tuple(felter),
        str(valgt.get("oppsett", "")),
        innhold,
        ", ".join(k for k, v in typer.items() if v == Fravaerstype.EGENMELDING.value),
        ", ".join(k for k, v in typer.items() if v == Fravaerstype.SYKMELDING.value),
        ", ".join(valgt.get("andre", [])),
        valgt_selv,
    )
