"""Which departments' figures may be shown: enough persons, and none that a shown total minus
shown departments would give away (statistikk.md §7, secondary suppression).

Each department stands for itself with every department below it. A department with departments
below has its own people as one more part («direkte»), so the parts add up to it; the
virksomhet's total is the root, as it is shown on the statistics page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from naervaer.statistikk.maskering import STANDARD_TERSKEL, Del, Terskel, sekundaer_maskering
from naervaer.tidligvarsel.dagsverk import personer
from naervaer.tidligvarsel.grunnlag import Arbeidsforhold, Avdelingstre
from naervaer.tidligvarsel.tidsrom import Tidsrom

DIREKTE = "direkte"

Telling = Callable[[frozenset[int]], int]
"""antall personer of the employments in a set of departments."""


def telling(arbeidsforhold: Sequence[Arbeidsforhold], tidsrom: Iterable[Tidsrom]) -> Telling:
    """Persons in the span, or the largest count of several spans (a sum over quarters)."""
    spenn = tuple(tidsrom)
    return lambda enhet: max(personer(arbeidsforhold, enhet, tid) for tid in spenn)


def viste_avdelinger(
    tre: Avdelingstre, antall: Telling, terskel: Terskel = STANDARD_TERSKEL
) -> frozenset[int]:
    """The departments whose figures pass primary and secondary masking."""
    stier: dict[int, tuple[str, ...]] = {}

    def del_for(avdeling: int, sti: tuple[str, ...], besokt: frozenset[int]) -> Del:
        stier[avdeling] = sti
        under = [b for b in tre.barn(avdeling) if b not in besokt]
        if not under:
            return Del(antall(tre.med_underavdelinger(avdeling)))
        deler: dict[str, Del | int] = {
            str(b): del_for(b, (*sti, str(b)), besokt | {b}) for b in under
        }
        egne = antall(frozenset({avdeling}))
        # An empty part says nothing and would only mask its siblings for no reason.
        if egne:
            deler[DIREKTE] = egne
        return Del(antall(tre.med_underavdelinger(avdeling)), deler)

    topp = {str(a): del_for(a, (str(a),), frozenset({a})) for a in tre.barn(None)}
    maskert = sekundaer_maskering(topp, terskel)
    # A department in a loop of parents has no place in the tree: it is never shown.
    return frozenset(a for a, sti in stier.items() if sti not in maskert)
