"""The choices a user makes on the statistics page, read from the query string.

The same choices drive the page, the chart, the table and the downloads, so a download holds
what the user was looking at. Unknown values fall back to the defaults instead of failing: a
bookmarked link must keep working.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from django.http import QueryDict

from naervaer.statistikk.oversikt import Grunnlag, Linje, Oversikt

STANDARD_LINJER = ("virksomhet", "bransje", "land")


class Visning(StrEnum):
    DIAGRAM = "diagram"
    TABELL = "tabell"


@dataclass(frozen=True, slots=True)
class Sidevalg:
    grunnlag: Grunnlag
    visning: Visning
    linjer: tuple[str, ...]

    def querystring(self, **endringer: str) -> str:
        verdier = {"sammenlign": self.grunnlag.value, "visning": self.visning.value, **endringer}
        deler = [f"{n}={v}" for n, v in verdier.items()]
        deler += [f"linje={linje}" for linje in self.linjer]
        return "?" + "&".join(deler)


def les_sidevalg(parametre: QueryDict) -> Sidevalg:
    try:
        grunnlag = Grunnlag(parametre.get("sammenlign", Grunnlag.BRANSJE.value))
    except ValueError:
        grunnlag = Grunnlag.BRANSJE
    try:
        visning = Visning(parametre.get("visning", Visning.DIAGRAM.value))
    except ValueError:
        visning = Visning.DIAGRAM
    linjer = tuple(dict.fromkeys(parametre.getlist("linje"))) or STANDARD_LINJER
    return Sidevalg(grunnlag, visning, linjer)


def valgte_linjer(oversikt: Oversikt, valg: Sidevalg) -> tuple[Linje, ...]:
    """The chosen lines that exist for this user (own lines only with the statistics right)."""
    valgte = [linje for linje in oversikt.linjer if linje.nokkel in valg.linjer]
    if not valgte:
        valgte = [linje for linje in oversikt.linjer if linje.nokkel in STANDARD_LINJER]
    return tuple(valgte)
