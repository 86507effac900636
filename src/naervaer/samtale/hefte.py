"""The guide's content as booklets to download: the leader's whole guide, one theme, and the
employee's «Forbered deg til samtalen».

A booklet is a flat row of blocks (headings, paragraphs, lists, question boxes, checklists,
sources) made here from the content; ``wordhefte`` and ``pdfhefte`` lay the same blocks out as
DOCX and PDF, so the two files, like the web pages, say what the content says and nothing else.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from naervaer.samtale.lasting import Innhold
from naervaer.samtale.modell import Bransje, Eksempel, Kilde, Punkt, Sporsmal
from naervaer.samtale.veiviser import BRANSJESTEG
from naervaer.statistikk.publisering import datotekst


@dataclass(frozen=True, slots=True)
class Overskrift:
    nivaa: int  # the booklet's title is 1; its sections 2, and so on down
    tekst: str
    anker: str | None = None  # the headings the table of contents links to have one
    ny_side: bool = False


@dataclass(frozen=True, slots=True)
class Avsnitt:
    tekst: str
    ingress: bool = False


@dataclass(frozen=True, slots=True)
class Punktliste:
    punkter: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Sjekkliste:
    """Lines to tick off on paper, each with an empty box (☐) in front."""

    punkter: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Sporsmalsboks:
    tekst: str
    hvorfor: str | None = None


@dataclass(frozen=True, slots=True)
class Kildeliste:
    kilder: tuple[Kilde, ...]


Blokk = Overskrift | Avsnitt | Punktliste | Sjekkliste | Sporsmalsboks | Kildeliste | Eksempel

AVKRYSNING = "☐"


@dataclass(frozen=True, slots=True)
class Hefte:
    tittel: str
    undertittel: str | None
    ingress: str
    blokker: tuple[Blokk, ...]
    laget: date
    filnavn: str  # without the format's ending; ASCII, so every browser and system keeps it

    @property
    def innholdsfortegnelse(self) -> tuple[Overskrift, ...]:
        return tuple(b for b in self.blokker if isinstance(b, Overskrift) and b.anker)

    @property
    def bunntekst(self) -> str:
        return f"Lastet ned fra Nærvær {datotekst(self.laget)}"


def _punkt(punkt: Punkt, nivaa: int) -> Iterator[Blokk]:
    yield Overskrift(nivaa, punkt.tittel)
    yield Avsnitt(punkt.tekst)
    if punkt.kilder:
        yield Kildeliste(punkt.kilder)


def _bokser(sporsmal: Iterable[Sporsmal]) -> Iterator[Blokk]:
    return (Sporsmalsboks(s.tekst, s.hvorfor) for s in sporsmal)


def _bransjen(bransje: Bransje) -> Iterator[Blokk]:
    """The bransje's questions, examples and ideas, where the conversation turns to the work."""
    yield Overskrift(4, f"Spørsmål for {bransje.navn}")
    yield Avsnitt(bransje.ingress)
    yield from _bokser(bransje.sporsmal)
    yield Overskrift(4, f"Eksempler fra {bransje.navn}")
    yield from bransje.eksempler
    yield Overskrift(4, "Ideer til tilrettelegging")
    yield Punktliste(bransje.tilrettelegging)


def veilederhefte(innhold: Innhold, bransje: str | None, *, laget: date) -> Hefte:
    """The leader's whole guide, every part and step, and «Dette spør du ikke om» at the end.

    KeyError for a bransje the content does not have.
    """
    valgt = innhold.bransjer[bransje] if bransje else None
    veileder = innhold.veileder
    blokker: list[Blokk] = []
    for i, del_ in enumerate(veileder.deler, 1):
        blokker += [Overskrift(2, del_.tittel, f"del-{i}", ny_side=True), Avsnitt(del_.ingress)]
        for j, steg in enumerate(del_.steg, 1):
            blokker += [
                Overskrift(3, steg.tittel, f"steg-{i}-{j}"),
                Avsnitt(steg.ingress, ingress=True),
            ]
            for punkt in steg.punkter:
                blokker += _punkt(punkt, 4)
            if steg.sporsmal:
                blokker.append(Overskrift(4, "Spørsmål du kan stille"))
                blokker += _bokser(steg.sporsmal)
            if valgt is not None and (del_.kode, steg.kode) == BRANSJESTEG:
                blokker += _bransjen(valgt)
            if steg.sjekkliste:
                blokker += [Overskrift(4, "Sjekkliste"), Sjekkliste(steg.sjekkliste)]

    grenser = innhold.grenser
    blokker += [
        Overskrift(2, f"Vedlegg: {grenser.tittel}", "vedlegg", ny_side=True),
        Avsnitt(grenser.ingress),
        Overskrift(3, "Dette kan du ikke spørre om eller kreve", "vedlegg-ikke-spor"),
    ]
    for g in grenser.ikke_spor:
        blokker += [
            Overskrift(4, g.ikke),
            Avsnitt(f"**Hvorfor:** {g.hvorfor}"),
            Avsnitt(f"**Gjør heller dette:** {g.i_stedet}"),
        ]
        if g.kilder:
            blokker.append(Kildeliste(g.kilder))
    for k, tema in enumerate(grenser.sensitive_temaer, 1):
        blokker.append(Overskrift(3, f"Sensitivt tema: {tema.navn}", f"vedlegg-sensitivt-{k}"))
        for punkt in tema.rad:
            blokker += _punkt(punkt, 4)
        blokker.append(Avsnitt(f"**Når du bør hente hjelp:** {tema.hent_hjelp}"))

    return Hefte(
        tittel=veileder.tittel,
        undertittel=f"Bransje: {valgt.navn}" if valgt else None,
        ingress=veileder.ingress,
        blokker=tuple(blokker),
        laget=laget,
        filnavn=_filnavn("samtaleveileder", bransje),
    )


def temahefte(innhold: Innhold, kode: str, *, laget: date) -> Hefte:
    """One theme: its goals, questions with room for notes, and pitfalls. KeyError if unknown."""
    tema = innhold.temaer[kode]
    blokker: list[Blokk] = [
        Overskrift(2, "Dette vil du oppnå", "maal"),
        Punktliste(tema.maal),
        Overskrift(2, "Spørsmål du kan stille", "sporsmal"),
        *_bokser(tema.sporsmal),
        Overskrift(2, "Fallgruver", "fallgruver"),
    ]
    for punkt in tema.fallgruver:
        blokker += _punkt(punkt, 3)
    if tema.kilder:
        blokker += [Overskrift(2, "Kilder", "kilder"), Kildeliste(tema.kilder)]
    return Hefte(
        tittel=tema.navn,
        undertittel="Tema i samtalestøtten for ledere",
        ingress=tema.ingress,
        blokker=tuple(blokker),
        laget=laget,
        filnavn=_filnavn("samtaletema", kode),
    )


def ansatthefte(innhold: Innhold, *, laget: date) -> Hefte:
    """«Forbered deg til samtalen», the employee's version, with room for their own notes."""
    ansatt = innhold.ansatt
    blokker: list[Blokk] = []
    for i, del_ in enumerate(ansatt.deler, 1):
        blokker += [Overskrift(2, del_.tittel, f"del-{i}"), Avsnitt(del_.ingress)]
        for punkt in del_.punkter:
            blokker += _punkt(punkt, 3)
    blokker += [
        Overskrift(2, "Spørsmål du kan stille", "sporsmal"),
        *(Sporsmalsboks(s) for s in ansatt.sporsmal_du_kan_stille),
    ]
    return Hefte(
        tittel=ansatt.tittel,
        undertittel=None,
        ingress=ansatt.ingress,
        blokker=tuple(blokker),
        laget=laget,
        filnavn="forbered-deg-til-samtalen",
    )


def _filnavn(start: str, kode: str | None) -> str:
    # The content's codes are [a-z0-9_]: ASCII already, hyphens read better in a file name.
    return f"{start}-{kode.replace('_', '-')}" if kode else start
