"""What a warning says: what was found, why it matters, what to do, and which conversation
themes of Samtalestøtte help (``naervaer.samtale.modell.TEMAKODER``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from naervaer.statistikk.kvartal import Kvartal
from naervaer.statistikk.maskering import Vist
from naervaer.statistikk.tallformat import norsk_tall
from naervaer.tidligvarsel.tidsrom import Tidsrom
from naervaer.tidligvarsel.tilfeller import Tilfelle


class Varseltype(StrEnum):
    GJENTATT_KORTTID = "gjentatt_korttid"
    OKENDE_LANGTID = "okende_langtid"
    OVER_BRANSJEN = "over_bransjen"


TITLER = {
    Varseltype.GJENTATT_KORTTID: "Gjentatt korttidsfravær",
    Varseltype.OKENDE_LANGTID: "Økende langtidsfravær",
    Varseltype.OVER_BRANSJEN: "Høyt sykefravær sammenlignet med bransjen",
}


@dataclass(frozen=True, slots=True)
class Rad:
    """The three things every warning tells, in plain Norwegian."""

    funn: str
    hvorfor: str
    gjor: str
    temaer: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Bradford:
    """S² × D: S spells (cases) and D days of absence in the span (working days, each once)."""

    tilfeller: int
    dager: int
    tidsrom: Tidsrom

    @property
    def faktor(self) -> int:
        return self.tilfeller**2 * self.dager


@dataclass(frozen=True, slots=True)
class Personvarsel:
    ansatt: int
    tilfeller: tuple[Tilfelle, ...]
    """The short cases the warning is about, oldest first."""
    bradford: Bradford | None
    """Only when the virksomhet uses the Bradford factor."""
    rad: Rad
    type: Varseltype = Varseltype.GJENTATT_KORTTID

    @property
    def tittel(self) -> str:
        return TITLER[self.type]


@dataclass(frozen=True, slots=True)
class Avdelingsvarsel:
    avdeling: int
    navn: str
    type: Varseltype
    naa: Vist
    """The department's figure (a percentage that passed the masking step)."""
    mot: Vist
    """What it is compared with: the same department earlier, or the bransje."""
    rad: Rad

    @property
    def tittel(self) -> str:
        return TITLER[self.type]


@dataclass(frozen=True, slots=True)
class Referanse:
    """The bransje's (or næring's) sykefraværsprosent over the four quarters ending ``periode``,
    from the national statistics."""

    navn: str
    """As inside a sentence: «bransjen barnehager», «næring 41»."""
    prosent: Vist
    periode: Kvartal

    @property
    def kvartaler(self) -> tuple[Kvartal, ...]:
        return tuple(self.periode - n for n in (3, 2, 1, 0))


def prosenttekst(figur: Vist) -> str:
    return f"{norsk_tall(figur.verdi, 1)} %"


def prosentpoengtekst(verdi: Decimal) -> str:
    return f"{norsk_tall(verdi, 1)} prosentpoeng"


def oppramsing(deler: Sequence[str]) -> str:
    """«a», «a og b», «a, b og c»."""
    if len(deler) <= 1:
        return "".join(deler)
    return ", ".join(deler[:-1]) + " og " + deler[-1]
