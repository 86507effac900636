"""What a report says about an import: errors that stop it and warnings that do not.

Rows are numbered as the user sees them in Excel: the first line of the file or sheet is row 1, so
the header is usually row 1 and the first data row row 2. Columns are named as in the file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from naervaer.statistikk.tallformat import norsk_tall

MAKS_FEIL_VIST = 50
"""The report shows this many errors and then how many there are in all."""


class Kilde(NamedTuple):
    """Where a row came from: a file (or «fil.xlsx, ark «Fravær»») and its row.

    A named tuple, since every imported row carries one and it is made a hundred thousand times.
    """

    fil: str
    rad: int

    def __str__(self) -> str:
        return f"{self.fil}, rad {self.rad}"

    def sett_fra(self, annen: Kilde) -> str:
        """This row as named from another row: the file is left out when it is the same."""
        return f"rad {self.rad}" if self.fil == annen.fil else str(self)


@dataclass(frozen=True, slots=True)
class Feil:
    fil: str
    rad: int | None
    kolonne: str | None
    verdi: str | None
    melding: str

    def __str__(self) -> str:
        sted = self.fil
        if self.rad is not None:
            sted += f", rad {self.rad}"
        if self.kolonne is not None:
            sted += f", kolonne «{self.kolonne}»"
        if self.verdi not in (None, ""):
            sted += f", verdi «{self.verdi}»"
        return f"{sted}: {self.melding}"


@dataclass(frozen=True, slots=True)
class Advarsel:
    """Something the user should see before confirming, which does not stop the import."""

    fil: str
    rad: int | None
    melding: str
    ogsaa: Kilde | None = None
    """The other row a warning is about, such as the period an absence overlaps."""

    def __str__(self) -> str:
        sted = self.fil if self.rad is None else f"{self.fil}, rad {self.rad}"
        return f"{sted}: {self.melding}"


class Importfeil(Exception):
    """The files cannot be imported as they are; ``feil`` holds every error, in file order."""

    def __init__(self, feil: Sequence[Feil]) -> None:
        self.feil = tuple(feil)
        super().__init__(self.rapport())

    @property
    def antall(self) -> int:
        return len(self.feil)

    def rapport(self, maks: int = MAKS_FEIL_VIST) -> str:
        hode = f"Importen er stoppet av {norsk_tall(self.antall, 0)} feil, og ingenting er lagret:"
        linjer = [hode, *(str(f) for f in self.feil[:maks])]
        if self.antall > maks:
            linjer.append(f"… og {norsk_tall(self.antall - maks, 0)} feil til")
        return "\n".join(linjer)


class Rapport:
    """Collects errors and warnings with the place they sort by: file or sheet, row, column.

    Checks run table by table, so the report is sorted afterwards into the order of the files.
    """

    def __init__(self) -> None:
        self._feil: list[tuple[tuple[int, int, int], Feil]] = []
        self._advarsler: list[tuple[tuple[int, int], Advarsel]] = []

    def feil(self, rekkefolge: int, feil: Feil, kolonneplass: int = -1) -> None:
        self._feil.append(((rekkefolge, feil.rad or 0, kolonneplass), feil))

    def advarsel(self, rekkefolge: int, advarsel: Advarsel) -> None:
        self._advarsler.append(((rekkefolge, advarsel.rad or 0), advarsel))

    def alle_feil(self) -> list[Feil]:
        # A row that feeds two tables (employee and position) reports a shared column once.
        sortert = sorted(self._feil, key=lambda par: par[0])
        return list(dict.fromkeys(f for _, f in sortert))

    def alle_advarsler(self) -> tuple[Advarsel, ...]:
        return tuple(a for _, a in sorted(self._advarsler, key=lambda par: par[0]))
