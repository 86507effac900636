"""The history chart of the own statistics as plain SVG geometry for a template to draw.

Drawn on the server, like the statistics page's chart, so it works without JavaScript and under a
strict Content Security Policy. Each line has its own colour and dash pattern, so the lines can be
told apart without colour vision; a masked period is a gap, never a zero.
"""

from __future__ import annotations

import math
from decimal import Decimal

from naervaer.statistikk.egentall import Egenoversikt
from naervaer.statistikk.maned import Maned
from naervaer.statistikk.maskering import Vist
from naervaer.statistikk.perioder import Periode, nummer
from naervaer.statistikk.tallformat import norsk_tall
from naervaer.web.egenstatistikk.tekst import kort_periode
from naervaer.web.statistikk.diagram import Diagram, Merke, Strek, rundt_steg

BREDDE = 640
HOYDE = 320
VENSTRE, HOYRE, TOPP, BUNN = 52, 40, 16, 44

# Colours with at least 3:1 contrast against white (WCAG 1.4.11), dash patterns as a second cue.
STILER: dict[str, tuple[str, str]] = {
    "totalt": ("#005b82", ""),
    "egenmeldt": ("#0f766e", "10 4 2 4"),
    "legemeldt": ("#c2410c", "2 3"),
    "bransje": ("#23262a", "6 3"),
}


def lag_diagram(oversikt: Egenoversikt) -> Diagram:
    perioder = oversikt.historikk
    verdier = [p.verdi for s in oversikt.serier for p in s.punkter if isinstance(p, Vist)]
    storst = float(max(verdier, default=Decimal(1)))
    steg = rundt_steg(storst)
    topp_verdi = max(steg, math.ceil(storst / steg) * steg)
    hoyre_kant, bunn_kant = BREDDE - HOYRE, HOYDE - BUNN
    bredde, hoyde = hoyre_kant - VENSTRE, bunn_kant - TOPP

    def x(indeks: int) -> float:
        if len(perioder) <= 1:
            return VENSTRE + bredde / 2
        return round(VENSTRE + indeks * bredde / (len(perioder) - 1), 1)

    def y(verdi: float) -> float:
        return round(bunn_kant - verdi / topp_verdi * hoyde, 1)

    streker = []
    for serie in oversikt.serier:
        farge, monster = STILER.get(serie.nokkel, ("#23262a", ""))
        segmenter: list[str] = []
        punkter: list[tuple[float, float, str]] = []
        gjeldende: list[str] = []
        for i, figur in enumerate(serie.punkter):
            if isinstance(figur, Vist):
                px, py = x(i), y(float(figur.verdi))
                gjeldende.append(f"{'L' if gjeldende else 'M'}{px},{py}")
                tekst = f"{kort_periode(perioder[i])}: {norsk_tall(figur.verdi, 1)} %"
                punkter.append((px, py, tekst))
            elif gjeldende:
                segmenter.append(" ".join(gjeldende))
                gjeldende = []
        if gjeldende:
            segmenter.append(" ".join(gjeldende))
        streker.append(
            Strek(serie.nokkel, serie.navn, farge, monster, tuple(segmenter), tuple(punkter))
        )

    antall_steg = round(topp_verdi / steg)
    y_merker = tuple(
        Merke(y(i * steg), norsk_tall(Decimal(str(i * steg)), 1 if steg < 1 else 0))
        for i in range(antall_steg + 1)
    )
    # A label for every period would overlap: each period of a short history; otherwise the
    # year at its first period, and the months that begin a quarter.
    x_merker = tuple(
        Merke(x(i), tekst)
        for i, p in enumerate(perioder)
        if (tekst := _x_tekst(p, kort=len(perioder) <= 6))
    )
    return Diagram(
        BREDDE, HOYDE, VENSTRE, hoyre_kant, TOPP, bunn_kant, tuple(streker), y_merker, x_merker
    )


def _x_tekst(periode: Periode, *, kort: bool) -> str:
    if kort:
        return kort_periode(periode)
    if nummer(periode) == 1:
        return str(periode.arstall)
    if isinstance(periode, Maned) and periode.maned % 3 == 1:
        return kort_periode(periode).split(" ")[0]
    return ""
