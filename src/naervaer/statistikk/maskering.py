"""Masking by construction: a figure that may be shown exists only after the masking step.

A figure computed from fewer persons than the threshold is personal data (spec §7). ``Vist`` holds
a value and can only be made by the functions in this module; ``Maskert`` has no value at all, so a
serializer that only understands these two types cannot leak what a masked figure never held.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import InitVar, dataclass, field
from decimal import ROUND_HALF_UP, Decimal, localcontext

MINSTE_TERSKEL = 5

# Only this module holds the key, so ``Vist(...)`` elsewhere fails: the masking step is the one
# place where an unmasked value can become something that may be shown.
_NOKKEL = object()


@dataclass(frozen=True, slots=True)
class Terskel:
    """The smallest number of persons behind a figure that may be shown; never below 5."""

    antall_personer: int = MINSTE_TERSKEL

    def __post_init__(self) -> None:
        if isinstance(self.antall_personer, bool) or not isinstance(self.antall_personer, int):
            raise TypeError("maskeringsterskelen må være et heltall")
        if self.antall_personer < MINSTE_TERSKEL:
            raise ValueError(
                f"maskeringsterskelen kan ikke være lavere enn {MINSTE_TERSKEL} personer "
                f"(fikk {self.antall_personer})"
            )

    def maskerer(self, antall_personer: int) -> bool:
        return antall_personer < self.antall_personer


STANDARD_TERSKEL = Terskel()


@dataclass(frozen=True, slots=True)
class Vist:
    """A figure that passed the masking step, rounded to the precision it is shown with."""

    verdi: Decimal
    nokkel: InitVar[object] = None

    def __post_init__(self, nokkel: object) -> None:
        if nokkel is not _NOKKEL:
            raise TypeError("Vist lages bare av maskeringssteget (naervaer.statistikk.maskering)")


@dataclass(frozen=True, slots=True)
class Maskert:
    """A figure that must not be shown. It deliberately has no value."""


MASKERT = Maskert()

Figur = Vist | Maskert


def avrund(verdi: Decimal, desimaler: int = 1) -> Decimal:
    """Half-up to ``desimaler`` decimals; Python's ``round`` would round half to even."""
    with localcontext() as kontekst:
        # quantize fails when the result has more digits than the context's precision (28).
        kontekst.prec = max(kontekst.prec, verdi.adjusted() + desimaler + 2)
        avrundet = verdi.quantize(Decimal(1).scaleb(-desimaler), rounding=ROUND_HALF_UP)
    # -0.04 rounds to -0.0, which nobody wants to read.
    return avrundet if avrundet else avrundet.copy_abs()


def masker(
    verdi: Decimal,
    antall_personer: int,
    terskel: Terskel = STANDARD_TERSKEL,
    *,
    desimaler: int = 1,
    undertrykt: bool = False,
) -> Figur:
    """The masking step: a value from ``antall_personer`` persons, shown or masked.

    ``undertrykt`` masks a figure that secondary suppression chose (see ``sekundaer_maskering``).
    """
    if not isinstance(verdi, Decimal):
        raise TypeError("verdier maskeres som Decimal, ikke som flyttall")
    if undertrykt or terskel.maskerer(antall_personer):
        return MASKERT
    return Vist(avrund(verdi, desimaler), _NOKKEL)


def masker_andel(
    teller: Decimal,
    nevner: Decimal,
    antall_personer: int,
    terskel: Terskel = STANDARD_TERSKEL,
    *,
    desimaler: int = 1,
    undertrykt: bool = False,
) -> Figur | None:
    """teller / nevner × 100 as a masked percentage; None when the share is undefined (nevner 0).

    The check for masking comes first, so that even «undefined» is not told about a masked unit.
    """
    if undertrykt or terskel.maskerer(antall_personer):
        return MASKERT
    if nevner == 0:
        return None
    return masker(teller * 100 / nevner, antall_personer, terskel, desimaler=desimaler)


# --- Secondary (complementary) suppression -------------------------------------------------------

Sti = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Del:
    """A part of a total (a department, say), with its own parts; the parts add up to it."""

    antall_personer: int
    deler: Mapping[str, Del | int] = field(default_factory=dict)


def _som_del(verdi: Del | int) -> Del:
    return verdi if isinstance(verdi, Del) else Del(verdi)


def sekundaer_maskering(
    deler: Mapping[str, Del | int],
    terskel: Terskel = STANDARD_TERSKEL,
    *,
    total_maskert: bool = False,
) -> frozenset[Sti]:
    """Which parts of a total must be masked so that none can be recovered by subtraction.

    ``deler`` maps a part's key to its antall personer (or to a ``Del`` with parts of its own).
    The answer holds the path of every masked part, primary (too few persons) and secondary.
    The empty path ``()`` is the total itself: it appears when the total must be masked too (an
    only part that is masked equals its total).

    Every node with parts gives one equation, node = sum of its parts. A masked value can be found
    by arithmetic exactly when some chain of such equations isolates it, and that happens only if
    some equation has exactly one masked member (see the property test). So, until no equation has
    exactly one masked member: when that member is a part, mask the next smallest part (or the node
    itself when it has no other part); when it is the node, mask its smallest part.
    """
    barn: dict[Sti, list[Sti]] = {}
    antall: dict[Sti, int] = {}
    maskert: set[Sti] = set()

    def bygg(sti: Sti, del_: Del) -> None:
        antall[sti] = del_.antall_personer
        if sti and terskel.maskerer(del_.antall_personer):
            maskert.add(sti)
        if del_.deler:
            barn[sti] = [(*sti, nokkel) for nokkel in del_.deler]
            for nokkel, underdel in del_.deler.items():
                bygg((*sti, nokkel), _som_del(underdel))

    bygg((), Del(0, deler))
    if total_maskert:
        maskert.add(())

    def minste(kandidater: list[Sti]) -> Sti:
        # Smallest first, then by key, so that the same data always masks the same parts.
        return min(kandidater, key=lambda sti: (antall[sti], sti))

    endret = True
    while endret:
        endret = False
        for node, deler_av_node in barn.items():
            maskerte = [sti for sti in deler_av_node if sti in maskert]
            viste = [sti for sti in deler_av_node if sti not in maskert]
            ukjente = len(maskerte) + (node in maskert)
            # Two or more masked parts of a shown node add up to the node minus the shown parts;
            # when together they are still fewer than the threshold, that sum is itself personal
            # data, so one more part must go.
            gruppe_for_liten = (
                node not in maskert
                and len(maskerte) > 1
                and terskel.maskerer(sum(antall[sti] for sti in maskerte))
            )
            if ukjente != 1 and not gruppe_for_liten:
                continue
            # An only part that is masked equals its node, so the node goes; otherwise a part does.
            maskert.add(minste(viste) if viste else node)
            endret = True
    return frozenset(maskert)
