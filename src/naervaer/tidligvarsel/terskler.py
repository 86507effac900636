"""When a pattern becomes a warning: the thresholds a virksomhet can set, and their limits."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from naervaer.statistikk.tallformat import norsk_tall


class Sammenligning(StrEnum):
    """What the last three months of long-term absence are compared with."""

    I_FJOR = "i_fjor"
    FORRIGE = "forrige"


SAMMENLIGNINGSNAVN = {
    Sammenligning.I_FJOR: "de samme tre månedene året før",
    Sammenligning.FORRIGE: "de tre månedene før",
}


@dataclass(frozen=True, slots=True)
class Grense:
    """The allowed values of one threshold, with the words for it."""

    navn: str
    minst: Decimal
    mest: Decimal

    def sjekk(self, verdi: Decimal | int) -> None:
        if not self.minst <= Decimal(verdi) <= self.mest:
            raise ValueError(
                f"{self.navn} må være mellom {_tekst(self.minst)} og {_tekst(self.mest)}, "
                f"ikke {_tekst(Decimal(verdi))}."
            )


def _tekst(verdi: Decimal) -> str:
    """As typed in Norway, with the decimals it has: «10 000», «0,1», «1,25»."""
    eksponent = verdi.normalize().as_tuple().exponent
    desimaler = -eksponent if isinstance(eksponent, int) and eksponent < 0 else 0
    return norsk_tall(verdi, desimaler)


# Two occurrences are too common to say anything; more than ten in a year is far past the point
# where a conversation should have happened.
KORTTID_ANTALL = Grense("Antall tilfeller", Decimal(2), Decimal(10))
KORTTID_MAANEDER = Grense("Antall måneder", Decimal(1), Decimal(12))
BRADFORD_TERSKEL = Grense("Grensen for Bradford-faktoren", Decimal(1), Decimal(10_000))
LANGTID_OKNING = Grense("Økningen i langtidsfravær", Decimal("0.1"), Decimal(50))
BRANSJE_FAKTOR = Grense("Ganger bransjens sykefravær", Decimal("1.1"), Decimal(5))


@dataclass(frozen=True, slots=True)
class Terskler:
    korttid_antall: int = 3
    """A warning at this many occurrences (cases of at most 16 days) …"""
    korttid_maaneder: int = 6
    """… that began within this many months."""
    bradford_aktiv: bool = False
    bradford_terskel: int = 125
    """Bradford factor (S² × D over 52 weeks) at which to warn, when ``bradford_aktiv``."""
    langtid_okning: Decimal = Decimal("2.0")
    """Percentage points the langtid percentage must rise by more than."""
    langtid_sammenligning: Sammenligning = Sammenligning.I_FJOR
    bransje_faktor: Decimal = Decimal("1.5")
    """A department is far above its bransje above this many times the bransje's figure."""

    def __post_init__(self) -> None:
        KORTTID_ANTALL.sjekk(self.korttid_antall)
        KORTTID_MAANEDER.sjekk(self.korttid_maaneder)
        BRADFORD_TERSKEL.sjekk(self.bradford_terskel)
        LANGTID_OKNING.sjekk(self.langtid_okning)
        BRANSJE_FAKTOR.sjekk(self.bransje_faktor)


STANDARD = Terskler()
