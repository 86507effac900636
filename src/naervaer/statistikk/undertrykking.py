"""Secondary suppression over any set of sums: a department tree in each period, and months
that add up to their quarter (spec §7).

``maskering.sekundaer_maskering`` handles one tree, where an equation with exactly one masked
member is the only way to recover a masked figure. Once the same units also add up over time
(three months make a quarter) the equations form a grid, and a masked figure can be found by
combining several equations that each hold two or more masked members. So here the rule of thumb
runs first (it chooses the secondary masks a reader expects: the smallest neighbour), and then an
exact test in rational arithmetic finds any masked figure the shown figures still pin down, and
masks one more figure beside it, until none is left.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Generic, TypeVar

from naervaer.statistikk.maskering import STANDARD_TERSKEL, Terskel

C = TypeVar("C", bound=Hashable)


@dataclass(frozen=True, slots=True)
class Likning(Generic[C]):
    """``total`` = the sum of ``deler``, for every additive figure (dagsverk)."""

    total: C
    deler: tuple[C, ...]


def sekundaer_maskering_likninger(
    antall_personer: Mapping[C, int],
    likninger: Iterable[Likning[C]],
    terskel: Terskel = STANDARD_TERSKEL,
    *,
    maskerte: Collection[C] = (),
) -> frozenset[C]:
    """Every cell to mask so that no masked cell can be computed from the shown ones.

    ``antall_personer`` holds every cell with data; a cell not in it has no data, so its value (0)
    is known to everyone. ``maskerte`` are masked whatever their size. The answer holds the
    primary masks (fewer persons than ``terskel``), ``maskerte``, and the secondary masks.
    """
    rekkefolge = {celle: i for i, celle in enumerate(antall_personer)}
    maskert = {c for c, n in antall_personer.items() if terskel.maskerer(n)}
    maskert |= {c for c in maskerte if c in antall_personer}
    system = _med_data(likninger, antall_personer)

    def minste(kandidater: Iterable[C]) -> C:
        # Smallest first, then by position, so that the same data always masks the same cells.
        return min(kandidater, key=lambda c: (antall_personer[c], rekkefolge[c]))

    while True:
        _tommelfingerregel(system, maskert, antall_personer, terskel, minste)
        utledbare = _utledbare(system, maskert, rekkefolge)
        if not utledbare:
            return frozenset(maskert)
        celle = utledbare[0]
        naboer = [
            d
            for likning in system
            if celle == likning.total or celle in likning.deler
            for d in (likning.total, *likning.deler)
            if d not in maskert
        ]
        if not naboer:
            # Pinned down by equations whose every member is masked: only a known zero can do
            # that, and a zero is no secret. Nothing shown is left to mask beside it.
            return frozenset(maskert)
        maskert.add(minste(naboer))


def _med_data(likninger: Iterable[Likning[C]], antall: Mapping[C, int]) -> list[Likning[C]]:
    """The equations among cells with data: a cell without data is a known zero."""
    system = []
    for likning in likninger:
        deler = tuple(d for d in likning.deler if d in antall)
        if likning.total in antall and deler:
            system.append(Likning(likning.total, deler))
    return system


def _tommelfingerregel(
    system: Sequence[Likning[C]],
    maskert: set[C],
    antall: Mapping[C, int],
    terskel: Terskel,
    minste: Callable[[Iterable[C]], C],
) -> None:
    """``sekundaer_maskering``'s rule, equation by equation, until nothing changes."""
    endret = True
    while endret:
        endret = False
        for likning in system:
            maskerte_deler = [d for d in likning.deler if d in maskert]
            viste = [d for d in likning.deler if d not in maskert]
            ukjente = len(maskerte_deler) + (likning.total in maskert)
            # Masked parts of a shown total add up to the total minus the shown parts; when they
            # are still too few persons together, that sum would be personal data.
            gruppe_for_liten = (
                likning.total not in maskert
                and len(maskerte_deler) > 1
                and terskel.maskerer(sum(antall[d] for d in maskerte_deler))
            )
            if ukjente != 1 and not gruppe_for_liten:
                continue
            maskert.add(minste(viste) if viste else likning.total)
            endret = True


def _utledbare(
    system: Sequence[Likning[C]], maskert: set[C], rekkefolge: Mapping[C, int]
) -> list[C]:
    """The masked cells that the equations pin down once the shown cells are known, in order.

    A masked cell is pinned down exactly when its unit vector lies in the row space of the
    equations restricted to the masked cells: then some row of the reduced row echelon form is
    that unit vector.
    """
    trapp = _Trappeform(rekkefolge)
    for likning in system:
        rad: dict[C, Fraction] = {}
        if likning.total in maskert:
            rad[likning.total] = Fraction(1)
        for d in likning.deler:
            if d in maskert:
                rad[d] = rad.get(d, Fraction(0)) - 1
        trapp.legg_til({c: v for c, v in rad.items() if v})
    funnet = [celle for celle, rad in trapp.pivoter.items() if len(rad) == 1]
    return sorted(funnet, key=lambda c: rekkefolge[c])


class _Trappeform(Generic[C]):
    """A reduced row echelon form, kept as pivot cell → row, built one row at a time.

    Rows are sparse (a cell's few equations), and ``brukt`` says which pivot rows hold a cell, so
    adding a row touches only the rows it shares cells with.
    """

    def __init__(self, rekkefolge: Mapping[C, int]) -> None:
        self.rekkefolge = rekkefolge
        self.pivoter: dict[C, dict[C, Fraction]] = {}
        self.brukt: dict[C, set[C]] = {}

    def legg_til(self, rad: dict[C, Fraction]) -> None:
        # In reduced form a pivot row is zero in every other pivot column, so subtracting it
        # brings in no new pivot column: one pass over the row's own pivot cells is enough.
        for pivot in [c for c in rad if c in self.pivoter]:
            faktor = rad.get(pivot)
            if faktor:
                self._trekk_fra(rad, self.pivoter[pivot], faktor, None)
        if not rad:
            return
        pivot = min(rad, key=lambda c: self.rekkefolge[c])
        skala = rad[pivot]
        rad = {c: v / skala for c, v in rad.items()}
        for annen in list(self.brukt.get(pivot, ())):
            annen_rad = self.pivoter[annen]
            self._trekk_fra(annen_rad, rad, annen_rad[pivot], annen)
        self.pivoter[pivot] = rad
        for c in rad:
            self.brukt.setdefault(c, set()).add(pivot)

    def _trekk_fra(
        self, rad: dict[C, Fraction], pivotrad: dict[C, Fraction], faktor: Fraction, eier: C | None
    ) -> None:
        for c, v in pivotrad.items():
            ny = rad.get(c, Fraction(0)) - faktor * v
            if ny:
                if eier is not None and c not in rad:
                    self.brukt.setdefault(c, set()).add(eier)
                rad[c] = ny
            else:
                rad.pop(c, None)
                if eier is not None:
                    self.brukt.get(c, set()).discard(eier)
