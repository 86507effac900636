"""«Din egen samtaleguide»: the document a leader makes for one conversation, from their choices.

The leader picks a theme, a bransje, goals and questions; this module turns the choices into the
document's parts, which ``wordfil`` and ``pdffil`` lay out. Nothing here is stored: the choices
come in with one request and leave as one file.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from naervaer.samtale.frister import FRISTER, INNLEDNING, Frist
from naervaer.samtale.lasting import Innhold
from naervaer.samtale.modell import Sporsmal

# Ten question boxes with room for notes, the agenda, the way forward and the deadlines fill
# three A4 pages at most: more would make a guide nobody brings to the meeting.
MAKS_SPORSMAL = 10
MAKS_MAAL = 6
MAKS_EGET_MAAL = 300

# The parts of the leader's guide whose questions are put to the employee; the questions of
# «hvorfor» and «forbered» are for the leader's own preparation.
SAMTALEDELER = ("gjennomfor", "etterpaa")

VEIEN_VIDERE = (
    "Dette ble vi enige om",
    "Hvem gjør hva, og innen når",
    "Dette følger vi med på",
    "Neste samtale (dato og tid)",
)

FORMAAL = (
    "Bruk spørsmålene som støtte, ikke som et skjema: det viktigste er å lytte. Skriv ikke ned "
    "diagnoser eller andre helseopplysninger, og oppbevar notatene slik at bare de som trenger "
    "dem, ser dem."
)


@dataclass(frozen=True, slots=True)
class Sporsmalsgruppe:
    """Questions from one place in the content, each with the key the form ticks it by."""

    tittel: str
    sporsmal: tuple[tuple[str, Sporsmal], ...]


def sporsmalsgrupper(
    innhold: Innhold, tema: str | None, bransje: str | None
) -> tuple[Sporsmalsgruppe, ...]:
    """What the leader can pick from: the theme's questions, the bransje's, then the guide's."""
    grupper: list[Sporsmalsgruppe] = []
    if tema is not None:
        t = innhold.temaer[tema]
        grupper.append(Sporsmalsgruppe(t.navn, tuple((f"tema.{s.kode}", s) for s in t.sporsmal)))
    if bransje is not None:
        b = innhold.bransjer[bransje]
        grupper.append(
            Sporsmalsgruppe(
                f"Spørsmål for din bransje: {b.navn}",
                tuple((f"bransje.{s.kode}", s) for s in b.sporsmal),
            )
        )
    for del_ in innhold.veileder.deler:
        if del_.kode not in SAMTALEDELER:
            continue
        for steg in del_.steg:
            if steg.sporsmal:
                grupper.append(
                    Sporsmalsgruppe(
                        steg.tittel, tuple((f"veileder.{s.kode}", s) for s in steg.sporsmal)
                    )
                )
    return tuple(grupper)


@dataclass(frozen=True, slots=True)
class Valg:
    """What the leader chose on the page. Keys of questions as ``sporsmalsgrupper`` gives them."""

    tema: str | None = None
    bransje: str | None = None
    maal: tuple[str, ...] = ()
    eget_maal: str = ""
    sporsmal: tuple[str, ...] = ()


class UgyldigValg(ValueError):
    """A choice that the content does not offer: a form that was tampered with, or stale."""


@dataclass(frozen=True, slots=True)
class Seksjon:
    """A heading of the document, and the name the agenda links to it by."""

    anker: str
    tittel: str


MAAL = Seksjon("maal", "Mål for samtalen")
VIDERE = Seksjon("veien-videre", "Veien videre og avtaler")
FRISTSEKSJON = Seksjon("frister", "Frister hvis den ansatte blir sykmeldt")


@dataclass(frozen=True, slots=True)
class Sporsmalsseksjon:
    seksjon: Seksjon
    sporsmal: tuple[Sporsmal, ...]


@dataclass(frozen=True, slots=True)
class Samtaleguide:
    tittel: str
    tema: str | None  # the theme's name
    bransje: str | None  # the bransje's name
    maal: tuple[str, ...]
    sporsmal: tuple[Sporsmalsseksjon, ...]
    laget: date
    veien_videre: tuple[str, ...] = VEIEN_VIDERE
    frister: tuple[Frist, ...] = FRISTER
    om_fristene: str = INNLEDNING
    formaal: str = FORMAAL

    @property
    def undertittel(self) -> str | None:
        # The theme is in the title already.
        return f"Bransje: {self.bransje}" if self.bransje else None

    @property
    def agenda(self) -> tuple[Seksjon, ...]:
        """The document's sections in order: the agenda lists them and links to each."""
        return (
            *((MAAL,) if self.maal else ()),
            *(s.seksjon for s in self.sporsmal),
            VIDERE,
            FRISTSEKSJON,
        )


def lag_samtaleguide(innhold: Innhold, valg: Valg, *, laget: date) -> Samtaleguide:
    """The document for ``valg``; UgyldigValg for anything the content does not offer."""
    if valg.tema is not None and valg.tema not in innhold.temaer:
        raise UgyldigValg(f"ukjent tema: {valg.tema}")
    if valg.bransje is not None and valg.bransje not in innhold.bransjer:
        raise UgyldigValg(f"ukjent bransje: {valg.bransje}")
    tema = innhold.temaer[valg.tema] if valg.tema else None
    bransje = innhold.bransjer[valg.bransje] if valg.bransje else None

    tilbudte_maal = tema.maal if tema else ()
    if ukjente := [m for m in valg.maal if m not in tilbudte_maal]:
        raise UgyldigValg(f"ukjente mål: {ukjente}")
    eget_maal = " ".join(valg.eget_maal.split())
    if len(eget_maal) > MAKS_EGET_MAAL:
        raise UgyldigValg(f"eget mål er lengre enn {MAKS_EGET_MAAL} tegn")
    maal = tuple(m for m in tilbudte_maal if m in valg.maal) + ((eget_maal,) if eget_maal else ())
    if len(maal) > MAKS_MAAL:
        raise UgyldigValg(f"mer enn {MAKS_MAAL} mål")

    valgte = set(valg.sporsmal)
    if not 1 <= len(valgte) <= MAKS_SPORSMAL:
        raise UgyldigValg(f"velg mellom 1 og {MAKS_SPORSMAL} spørsmål")
    grupper = sporsmalsgrupper(innhold, valg.tema, valg.bransje)
    tilbudte = {nokkel for g in grupper for nokkel, _ in g.sporsmal}
    if ukjente := sorted(valgte - tilbudte):
        raise UgyldigValg(f"ukjente spørsmål: {ukjente}")
    # The content's order, not the order of the ticks: the conversation follows the guide.
    valgte_grupper = [
        (g.tittel, tuple(s for nokkel, s in g.sporsmal if nokkel in valgte)) for g in grupper
    ]
    seksjoner = [(tittel, sporsmal) for tittel, sporsmal in valgte_grupper if sporsmal]
    return Samtaleguide(
        tittel=f"Samtaleguide: {tema.navn}" if tema else "Samtaleguide",
        tema=tema.navn if tema else None,
        bransje=bransje.navn if bransje else None,
        maal=maal,
        sporsmal=tuple(
            Sporsmalsseksjon(Seksjon(f"sporsmal-{i}", tittel), sporsmal)
            for i, (tittel, sporsmal) in enumerate(seksjoner, 1)
        ),
        laget=laget,
    )
