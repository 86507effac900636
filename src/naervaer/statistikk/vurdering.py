"""The comparison rating of a virksomhet's figure against a benchmark (spec §8)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from naervaer.statistikk.maskering import Figur, Maskert, Vist

OVRE_GRENSE = Decimal("1.1")
NEDRE_GRENSE = Decimal("0.9")


class Vurdering(StrEnum):
    OVER = "OVER"
    MIDDELS = "MIDDELS"
    UNDER = "UNDER"
    MASKERT = "MASKERT"
    UFULLSTENDIG_DATA = "UFULLSTENDIG_DATA"
    INGEN_DATA = "INGEN_DATA"


@dataclass(frozen=True, slots=True)
class Sammenligning:
    vurdering: Vurdering
    hoy_er_bra: bool = False

    @property
    def er_positiv(self) -> bool | None:
        """Whether the rating is good news: None for MIDDELS and for the ratings without a
        comparison. For gradert sykmelding a high value is good, so OVER is positive there."""
        if self.vurdering is Vurdering.OVER:
            return self.hoy_er_bra
        if self.vurdering is Vurdering.UNDER:
            return not self.hoy_er_bra
        return None


def vurder(
    verdi: Figur | None,
    referanse: Figur | None,
    *,
    antall_kvartaler: int = 4,
    hoy_er_bra: bool = False,
) -> Sammenligning:
    """Rate ``verdi`` against ``referanse``; both are shown figures as the user sees them.

    The shown (rounded) values are compared, so the rating never contradicts the figures beside
    it. ``antall_kvartaler`` is how many quarters ``verdi`` covers. Masking comes first (a masked
    figure is not told to cover few quarters); without a shown benchmark there is nothing to
    compare with, which is INGEN_DATA also when ``verdi`` exists.
    """
    if isinstance(verdi, Maskert):
        vurdering = Vurdering.MASKERT if isinstance(referanse, Vist) else Vurdering.INGEN_DATA
        return Sammenligning(vurdering, hoy_er_bra)
    if verdi is None:
        return Sammenligning(Vurdering.INGEN_DATA, hoy_er_bra)
    if antall_kvartaler < 4:
        return Sammenligning(Vurdering.UFULLSTENDIG_DATA, hoy_er_bra)
    if not isinstance(referanse, Vist):
        return Sammenligning(Vurdering.INGEN_DATA, hoy_er_bra)
    if verdi.verdi > OVRE_GRENSE * referanse.verdi:
        return Sammenligning(Vurdering.OVER, hoy_er_bra)
    if verdi.verdi < NEDRE_GRENSE * referanse.verdi:
        return Sammenligning(Vurdering.UNDER, hoy_er_bra)
    return Sammenligning(Vurdering.MIDDELS, hoy_er_bra)
