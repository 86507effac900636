"""The download tables as CSV for Excel in a Norwegian locale.

A masked figure is written «***» and a missing one as an empty cell. Only ``Vist`` has a value, so
this writer cannot put a masked figure's value in the file: it never reaches it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from decimal import Decimal

from naervaer.statistikk.maskering import Maskert, Vist
from naervaer.web.statistikk.eksport import MASKERT_I_REGNEARK, Celle, Eksport, Tabell

# Excel runs a cell that starts with one of these as a formula, also from a CSV file. Names come
# from registers Nærvær does not control, so a text cell never starts with one (CSV injection).
_FORMELTEGN = ("=", "+", "-", "@", "\t", "\r")


def trygg_tekst(tekst: str) -> str:
    return "'" + tekst if tekst.startswith(_FORMELTEGN) else tekst


def _desimaltall(verdi: Decimal) -> str:
    # Norwegian Excel reads «-0,4» as a number; a thousands space or a real minus sign (U+2212),
    # as on the pages, would make it text. The figures are rounded already by the masking step.
    return format(verdi, "f").replace(".", ",")


def _csv_celle(celle: Celle) -> str:
    match celle:
        case Vist(verdi=verdi):
            return _desimaltall(verdi)
        case Maskert():
            return MASKERT_I_REGNEARK
        case None:
            return ""
    return trygg_tekst(celle)


def _csv_tabell(tabell: Tabell) -> Iterable[list[str]]:
    yield [tabell.tittel]
    yield [trygg_tekst(kolonne.navn) for kolonne in tabell.kolonner]
    for rad in tabell.rader:
        yield [_csv_celle(celle) for celle in rad]


def som_csv(eksport: Eksport) -> bytes:
    """Semicolons, decimal commas, CRLF and a byte order mark: what Excel in a Norwegian locale
    opens with a double click, with æøå intact and the figures as numbers."""
    tekst = io.StringIO(newline="")
    skriver = csv.writer(tekst, delimiter=";", lineterminator="\r\n")
    skriver.writerow([trygg_tekst(eksport.tittel)])
    skriver.writerows([navn, trygg_tekst(verdi)] for navn, verdi in eksport.fakta)
    skriver.writerow([])
    skriver.writerows(_csv_tabell(eksport.paneler))
    skriver.writerow([])
    skriver.writerows(_csv_tabell(eksport.historikk))
    skriver.writerow([])
    skriver.writerows([merknad] for merknad in eksport.merknader)
    return tekst.getvalue().encode("utf-8-sig")
