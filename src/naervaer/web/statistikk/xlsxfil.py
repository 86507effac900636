"""The download tables as an XLSX workbook: real numbers with one decimal, «***» where masked.

Only ``Vist`` has a value, so this writer cannot put a masked figure's value in the file: it never
reaches it.
"""

from __future__ import annotations

import io
from collections.abc import Iterable

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from naervaer.statistikk.maskering import Maskert, Vist
from naervaer.web.statistikk.eksport import MASKERT_I_REGNEARK, Eksport, Innhold, Tabell

# Excel shows the decimal separator of the reader's locale, so «0.0» reads «8,1» in Norway.
TALLFORMAT = {
    Innhold.PROSENT: "0.0",
    Innhold.PROSENTPOENG: "+0.0;-0.0;0.0",
}
FET = Font(bold=True)
TITTEL = Font(bold=True, size=14)
HOYRE = Alignment(horizontal="right")
OVERSKRIFT = Alignment(wrap_text=True, vertical="bottom")
MINSTE_BREDDE, STORSTE_BREDDE = 10, 48


def _tekstcelle(
    ark: Worksheet, rad: int, kolonne: int, tekst: str, font: Font | None = None
) -> Cell:
    celle: Cell = ark.cell(row=rad, column=kolonne)
    celle.value = tekst
    # openpyxl turns a text that starts with «=» into a formula; a text cell stays text.
    celle.data_type = "s"
    if font is not None:
        celle.font = font
    return celle


def _xlsx_tabell(ark: Worksheet, tabell: Tabell, forste_rad: int) -> int:
    """Write the table from ``forste_rad``; the answer is the next free row."""
    _tekstcelle(ark, forste_rad, 1, tabell.tittel, TITTEL)
    overskriftsrad = forste_rad + 1
    for k, kolonne in enumerate(tabell.kolonner, start=1):
        _tekstcelle(ark, overskriftsrad, k, kolonne.navn, FET).alignment = OVERSKRIFT
    for r, rad in enumerate(tabell.rader, start=overskriftsrad + 1):
        for k, (kolonne, verdi) in enumerate(zip(tabell.kolonner, rad, strict=True), start=1):
            match verdi:
                case Vist(verdi=tall):
                    celle = ark.cell(row=r, column=k, value=float(tall))
                    celle.number_format = TALLFORMAT.get(kolonne.innhold, "General")
                case Maskert():
                    _tekstcelle(ark, r, k, MASKERT_I_REGNEARK).alignment = HOYRE
                case str():
                    _tekstcelle(ark, r, k, verdi)
    return overskriftsrad + len(tabell.rader) + 1


def _bredder(ark: Worksheet, tabeller: Iterable[Tabell], faktanavn: Iterable[str] = ()) -> None:
    # Wide enough for the cells; the long headings wrap instead of widening their column.
    bredde: dict[int, int] = {1: max((len(n) for n in faktanavn), default=0)}
    for tabell in tabeller:
        for rad in tabell.rader:
            for k, celle in enumerate(rad, start=1):
                lengde = len(celle) if isinstance(celle, str) else 6
                bredde[k] = max(bredde.get(k, 0), lengde)
        for k in range(1, len(tabell.kolonner) + 1):
            bredde.setdefault(k, 0)
    for k, tegn in bredde.items():
        ark.column_dimensions[get_column_letter(k)].width = min(
            max(tegn + 2, MINSTE_BREDDE), STORSTE_BREDDE
        )


def som_xlsx(eksport: Eksport) -> bytes:
    """One sheet with the heading facts and the panels, one with the history per quarter."""
    bok = Workbook()
    bok.properties.title = eksport.tittel
    bok.properties.creator = "Nærvær"
    bok.properties.language = "nb-NO"

    ark: Worksheet = bok.active
    ark.title = "Siste fire kvartaler"
    _tekstcelle(ark, 1, 1, eksport.tittel, TITTEL)
    rad = 3
    for navn, verdi in eksport.fakta:
        _tekstcelle(ark, rad, 1, navn, FET)
        _tekstcelle(ark, rad, 2, verdi)
        rad += 1
    rad = _xlsx_tabell(ark, eksport.paneler, rad + 1)
    for merknad in eksport.merknader:
        rad += 1
        _tekstcelle(ark, rad, 1, merknad)
    _bredder(ark, [eksport.paneler], (navn for navn, _ in eksport.fakta))

    historikk: Worksheet = bok.create_sheet("Utvikling per kvartal")
    _xlsx_tabell(historikk, eksport.historikk, 1)
    historikk.freeze_panes = "B3"  # the quarter and the headings stay in view
    _bredder(historikk, [eksport.historikk])

    fil = io.BytesIO()
    bok.save(fil)
    return fil.getvalue()
