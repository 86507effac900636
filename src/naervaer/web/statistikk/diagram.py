"""The history chart as plain SVG geometry for a template to draw.

Drawn on the server so that it works without JavaScript, under a strict Content Security Policy
(no inline style or script) and in the PDF report. Each line has its own colour and dash pattern,
so the lines can be told apart without colour vision; masked quarters are gaps, never zeros.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from naervaer.statistikk.maskering import Vist
from naervaer.statistikk.oversikt import Linje
from naervaer.statistikk.tallformat import norsk_tall

BREDDE = 720
HOYDE = 340
VENSTRE, HOYRE, TOPP, BUNN = 52, 16, 16, 44

# Colours with at least 3:1 contrast against white (WCAG 1.4.11), dash patterns as a second cue.
STILER: dict[str, tuple[str, str]] = {
    "virksomhet": ("#005b82", ""),
    "bransje": ("#c2410c", "2 3"),
    "sektor": ("#0f766e", "10 4 2 4"),
    "land": ("#23262a", "6 3"),
    "fylke": ("#a21caf", "1 4"),
    "storrelse": ("#4d7c0f", "12 6"),
}


@dataclass(frozen=True, slots=True)
class Strek:
    nokkel: str
    navn: str
    farge: str
    monster: str
    segmenter: tuple[str, ...]  # SVG path data, one per unbroken run of shown periods
    punkter: tuple[tuple[float, float, str], ...]  # x, y and the point's text


@dataclass(frozen=True, slots=True)
class Merke:
    posisjon: float
    tekst: str


@dataclass(frozen=True, slots=True)
class Diagram:
    bredde: int
    hoyde: int
    venstre: int
    hoyre_kant: int
    topp: int
    bunn_kant: int
    streker: tuple[Strek, ...]
    y_merker: tuple[Merke, ...]
    x_merker: tuple[Merke, ...]

    @property
    def viewbox(self) -> str:
        return f"0 0 {self.bredde} {self.hoyde}"


def rundt_steg(storst: float) -> float:
    """A round step that gives four to eight grid lines."""
    if storst <= 0:
        return 1.0
    grov = storst / 5
    potens = 10 ** math.floor(math.log10(grov))
    for faktor in (1, 2, 2.5, 5, 10):
        if grov <= faktor * potens:
            return faktor * potens
    return 10 * potens


def lag_diagram(linjer: Sequence[Linje]) -> Diagram:
    kvartaler = [p.kvartal for p in linjer[0].punkter] if linjer else []
    verdier = [
        p.prosent.verdi for linje in linjer for p in linje.punkter if isinstance(p.prosent, Vist)
    ]
    storst = float(max(verdier, default=Decimal(1)))
    steg = rundt_steg(storst)
    topp_verdi = max(steg, math.ceil(storst / steg) * steg)

    hoyre_kant = BREDDE - HOYRE
    bunn_kant = HOYDE - BUNN
    bredde = hoyre_kant - VENSTRE
    hoyde = bunn_kant - TOPP

    def x(indeks: int) -> float:
        if len(kvartaler) <= 1:
            return VENSTRE + bredde / 2
        return round(VENSTRE + indeks * bredde / (len(kvartaler) - 1), 1)

    def y(verdi: float) -> float:
        return round(bunn_kant - verdi / topp_verdi * hoyde, 1)

    streker = []
    for linje in linjer:
        farge, monster = STILER.get(linje.nokkel, ("#23262a", ""))
        segmenter: list[str] = []
        punkter: list[tuple[float, float, str]] = []
        gjeldende: list[str] = []
        for i, punkt in enumerate(linje.punkter):
            if isinstance(punkt.prosent, Vist):
                px, py = x(i), y(float(punkt.prosent.verdi))
                gjeldende.append(f"{'M' if not gjeldende else 'L'}{px},{py}")
                punkter.append((px, py, norsk_tall(punkt.prosent.verdi, 1)))
            elif gjeldende:
                segmenter.append(" ".join(gjeldende))
                gjeldende = []
        if gjeldende:
            segmenter.append(" ".join(gjeldende))
        streker.append(
            Strek(linje.nokkel, linje.enhet.navn, farge, monster, tuple(segmenter), tuple(punkter))
        )

    antall_steg = round(topp_verdi / steg)
    y_merker = tuple(
        Merke(y(i * steg), norsk_tall(Decimal(str(i * steg)), 1 if steg < 1 else 0))
        for i in range(antall_steg + 1)
    )
    # Every quarter on a wide axis would overlap: label the first quarter of each year.
    x_merker = tuple(
        Merke(x(i), str(k.arstall))
        for i, k in enumerate(kvartaler)
        if k.kvartal == 1 or (i == 0 and len(kvartaler) < 4)
    )
    return Diagram(
        BREDDE, HOYDE, VENSTRE, hoyre_kant, TOPP, bunn_kant, tuple(streker), y_merker, x_merker
    )
