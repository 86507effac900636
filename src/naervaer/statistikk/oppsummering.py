"""A readable Norwegian summary of a computation, for the command line."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pyarrow.compute as pc
from rich.console import Console
from rich.table import Table

from naervaer.statistikk.motor import Resultat, skriv_advarsler

VIS_ADVARSLER = 10


def tall(verdi: Decimal | int, desimaler: int = 0) -> str:
    """Norwegian number format: space between thousands, comma before decimals."""
    tekst = f"{verdi:,.{desimaler}f}"
    return tekst.replace(",", "\u00a0").replace(".", ",")


def skriv_oppsummering(resultat: Resultat, csv: Path, console: Console | None = None) -> None:
    console = console or Console()
    kvartal = resultat.kvartal
    land = kvartal.filter(pc.equal(kvartal["kategori"], "LAND")).to_pylist()
    tabell = Table(title=f"Sykefravær i hele landet, {resultat.fra}–{resultat.til}")
    for kolonne in ("Kvartal", "Personer", "Mulige dagsverk", "Tapte dagsverk", "Sykefravær"):
        tabell.add_column(kolonne, justify="right")
    for rad in land:
        prosent = "maskert" if rad["prosent"] is None else f"{tall(rad['prosent'], 1)} %"
        tabell.add_row(
            f"{rad['arstall']}K{rad['kvartal']}",
            tall(rad["antall_personer"]),
            tall(rad["mulige_dagsverk"]),
            tall(rad["tapte_dagsverk"]),
            prosent,
        )
    console.print(tabell)
    console.print(f"{tall(kvartal.num_rows)} rader for alle enheter og kvartaler er skrevet til {csv}.")

    advarsler = resultat.advarsler
    if advarsler.num_rows:
        sti = skriv_advarsler(advarsler, csv.parent)
        console.print(f"[yellow]{tall(advarsler.num_rows)} advarsler[/yellow] (alle står i {sti}):")
        for rad in advarsler.slice(0, VIS_ADVARSLER).to_pylist():
            console.print(f"  {rad['fil']}, rad {rad['rad']}: {rad['melding']}")
    else:
        console.print("Ingen advarsler: ingen overlappende fravær og ikke noe fravær utenfor arbeidsforhold.")
