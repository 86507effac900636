"""The oppfølgingsplan (aml § 4-6 (3)): what it holds, what a valid one is, and its words.

The employer makes the plan together with the employee within four weeks of sick leave: the
employee's work tasks, what can be done as before, with adaptation or not at all, the measures
with who does what by when, a timeline with evaluation, and the employee's own view. The web
form, the Word file, the PDF and the comparison of two versions all take their headings from
here, so they say the same thing.

Nothing here knows Django: a version stored in the database is turned into a ``Planinnhold``
before it is checked, compared or laid out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from naervaer.statistikk.publisering import kort_datotekst

INGEN_HELSE = "Ikke skriv diagnose eller andre helseopplysninger."
INGEN_HELSE_FORKLART = (
    f"{INGEN_HELSE} Planen handler om arbeidsoppgaver og tilrettelegging. Den ansatte trenger "
    "ikke si hva sykdommen er, og planen sendes til den som sykmeldte og til NAV."
)
KILDE = "arbeidsmiljøloven § 4-6 (3)"
KILDE_URL = "https://lovdata.no/lov/2005-06-17-62/§4-6"

MAKS_TEKST = 2000
MAKS_TILTAK = 20
MAKS_HVA = 500
MAKS_HVEM = 100
MAKS_KOMMENTAR = 1000
SENESTE = timedelta(days=2 * 366)
"""How far past the first day of absence a date in the plan may lie: a typo guard («2062»)."""

HVEM_FORSLAG = (
    "Lederen",
    "Den ansatte",
    "Lederen og den ansatte",
    "HR",
    "Bedriftshelsetjenesten",
    "Verneombudet",
)


@dataclass(frozen=True, slots=True)
class Tekstfelt:
    """A free-text part of the plan: its name in the code, its heading, and what to write."""

    navn: str
    tittel: str
    hjelp: str


ARBEIDSOPPGAVER = Tekstfelt(
    "arbeidsoppgaver",
    "Arbeidsoppgavene",
    "De vanlige oppgavene i stillingen, slik den ansatte og lederen beskriver dem.",
)
SOM_FOR = Tekstfelt(
    "som_for",
    "Kan gjøres som før",
    "Oppgaver den ansatte kan gjøre som vanlig.",
)
MED_TILRETTELEGGING = Tekstfelt(
    "med_tilrettelegging",
    "Kan gjøres med tilrettelegging",
    "Oppgaver den ansatte kan gjøre hvis noe endres: tempo, arbeidstid, utstyr, hjelp fra andre.",
)
IKKE_NA = Tekstfelt(
    "ikke_na",
    "Kan ikke gjøres nå",
    "Oppgaver den ansatte ikke skal gjøre i denne perioden.",
)
OPPTRAPPING = Tekstfelt(
    "opptrapping",
    "Tidsplan",
    "Hvordan arbeidet trappes opp, for eksempel «uke 1–2: fire timer om dagen».",
)
EVALUERING = Tekstfelt(
    "evaluering",
    "Hvordan planen evalueres",
    "Hvem som møtes, og hva dere ser på.",
)
ANSATTES_INNSPILL = Tekstfelt(
    "ansattes_innspill",
    "Den ansattes innspill",
    "Det den ansatte selv vil ha med: ønsker, bekymringer, forslag.",
)

MULIGHETER = (SOM_FOR, MED_TILRETTELEGGING, IKKE_NA)
TEKSTFELT = (ARBEIDSOPPGAVER, *MULIGHETER, OPPTRAPPING, EVALUERING, ANSATTES_INNSPILL)


@dataclass(frozen=True, slots=True)
class Seksjon:
    anker: str
    tittel: str


S_ARBEIDSOPPGAVER = Seksjon("arbeidsoppgaver", "Arbeidsoppgaver")
S_MULIGHETER = Seksjon("muligheter", "Hva den ansatte kan gjøre nå")
S_TILTAK = Seksjon("tiltak", "Tiltak")
S_TIDSPLAN = Seksjon("tidsplan", "Tidsplan og evaluering")
S_INNSPILL = Seksjon("innspill", "Den ansattes innspill")
S_ENIGHET = Seksjon("enighet", "Deling og enighet")
SEKSJONER = (S_ARBEIDSOPPGAVER, S_MULIGHETER, S_TILTAK, S_TIDSPLAN, S_INNSPILL, S_ENIGHET)

TILTAKSKOLONNER = ("Tiltak", "Hvem", "Innen")


@dataclass(frozen=True, slots=True)
class Tiltak:
    """A measure: what is done, who is responsible, and the day it is done by."""

    hva: str
    hvem: str
    innen: date


@dataclass(frozen=True, slots=True)
class Planinnhold:
    """What one version of the plan says."""

    arbeidsoppgaver: str
    som_for: str
    med_tilrettelegging: str
    ikke_na: str
    tiltak: tuple[Tiltak, ...]
    gjelder_fra: date
    gjelder_til: date | None
    opptrapping: str
    evalueres: date
    evaluering: str
    ansattes_innspill: str

    def tekst(self, felt: Tekstfelt) -> str:
        verdi: str = getattr(self, felt.navn)
        return verdi


@dataclass(frozen=True, slots=True)
class Feil:
    """A problem with the plan: the field it is in (``tiltak-2-innen`` for a measure's field,
    numbered from 1 as the form shows them) and a message that names it."""

    felt: str
    melding: str


_KONTROLLTEGN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def rens(tekst: str) -> str:
    """A typed text as stored: one kind of line break, no control characters (which no Word
    file can hold), no spaces at the ends of lines or the text."""
    tekst = _KONTROLLTEGN.sub("", tekst.replace("\r\n", "\n").replace("\r", "\n"))
    return "\n".join(linje.rstrip() for linje in tekst.split("\n")).strip()


def kontroller(innhold: Planinnhold, sykefravaer_fra: date) -> tuple[Feil, ...]:
    """What is wrong with a plan for sick leave that began on ``sykefravaer_fra``; empty when
    it may be saved. The form has checked each field on its own (required, length, a date)."""
    feil: list[Feil] = []
    if not any(innhold.tekst(f) for f in MULIGHETER):
        feil.append(
            Feil(
                SOM_FOR.navn,
                "Hva den ansatte kan gjøre nå: fyll ut minst ett av feltene «Kan gjøres som før», "
                "«Kan gjøres med tilrettelegging» og «Kan ikke gjøres nå».",
            )
        )
    if not innhold.tiltak:
        feil.append(Feil("tiltak", "Tiltak: legg inn minst ett tiltak med hva, hvem og innen når."))
    if len(innhold.tiltak) > MAKS_TILTAK:
        feil.append(Feil("tiltak", f"Tiltak: planen kan ha høyst {MAKS_TILTAK} tiltak."))

    def dato(felt: str, navn: str, dag: date) -> None:
        if dag < sykefravaer_fra:
            feil.append(
                Feil(
                    felt,
                    f"{navn}: {kort_datotekst(dag)} er før sykefraværet begynte "
                    f"({kort_datotekst(sykefravaer_fra)}).",
                )
            )
        elif dag > sykefravaer_fra + SENESTE:
            feil.append(
                Feil(felt, f"{navn}: {kort_datotekst(dag)} er mer enn to år fram. Sjekk årstallet.")
            )

    dato("gjelder_fra", "Planen gjelder fra", innhold.gjelder_fra)
    if innhold.gjelder_til is not None:
        if innhold.gjelder_til < innhold.gjelder_fra:
            feil.append(
                Feil(
                    "gjelder_til",
                    f"Planen gjelder til: {kort_datotekst(innhold.gjelder_til)} er før "
                    f"planen begynner ({kort_datotekst(innhold.gjelder_fra)}).",
                )
            )
        else:
            dato("gjelder_til", "Planen gjelder til", innhold.gjelder_til)
    if innhold.evalueres < innhold.gjelder_fra:
        feil.append(
            Feil(
                "evalueres",
                f"Evalueres: {kort_datotekst(innhold.evalueres)} er før planen begynner "
                f"({kort_datotekst(innhold.gjelder_fra)}).",
            )
        )
    else:
        dato("evalueres", "Evalueres", innhold.evalueres)
    for nr, tiltak in enumerate(innhold.tiltak, 1):
        dato(f"tiltak-{nr}-innen", f"Tiltak {nr}, innen", tiltak.innen)
    return tuple(feil)


def tidspunkttekst(tidspunkt: datetime) -> str:
    """«12.03.2026 kl. 09.05», in the time zone the caller gives the time in."""
    return f"{kort_datotekst(tidspunkt.date())} kl. {tidspunkt:%H.%M}"


def filnavn(versjon: int, lagret: date) -> str:
    """The name of a downloaded plan, without its ending: no name or number of the employee,
    so a file list or a mail's attachment shows nobody's sick leave."""
    return f"oppfolgingsplan-versjon-{versjon}-{lagret:%Y-%m-%d}"
