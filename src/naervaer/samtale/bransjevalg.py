"""Which of the guide's bransjer fits a virksomhet, from its næringskode.

The statistics' own bransje (the IA-avtale's bransjeprogram) decides first, so a barnehage with
næringskode 85.100 gets the barnehage questions and not those for schools (næring 85); the
two-digit næring covers the bransjer that the bransjeprogram does not have.
"""

from __future__ import annotations

from collections.abc import Mapping

from naervaer.samtale.modell import Bransje
from naervaer.statistikk.enheter import bransje_for, normaliser_naeringskode


def bransje_for_naeringskode(bransjer: Mapping[str, Bransje], naeringskode: str) -> str | None:
    """The code of the first bransje (in the content's order) that serves the næringskode."""
    statistikkbransje = bransje_for(naeringskode)
    if statistikkbransje is not None:
        for kode, bransje in bransjer.items():
            if statistikkbransje.kode in bransje.statistikkbransjer:
                return kode
    naering = normaliser_naeringskode(naeringskode)[:2]
    for kode, bransje in bransjer.items():
        if naering in bransje.naeringer:
            return kode
    return None
