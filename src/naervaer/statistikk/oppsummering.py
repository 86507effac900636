"""A readable Norwegian summary of a computation, for the command line."""

from __future__ import annotations

from decimal import Decimal

from rich.console import Console
from rich.table import Table

from naervaer.statistikk.motor import Sammendrag
from naervaer.statistikk.tallformat import norsk_tall


def tall(verdi: Decimal | int, desimaler: int = 0) -> str:
    return norsk_tall(verdi, desimaler)


def skriv_oppsummering(sammendrag: Sammendrag, console: Console | None = None) -> None:
    console = console or Console()
    tabell = Table(title=f"Sykefravær i hele landet, {sammendrag.fra}–{sammendrag.til}")
    for kolonne in ("Kvartal", "Personer", "Mulige dagsverk", "Tapte dagsverk", "Sykefravær"):
        tabell.add_column(kolonne, justify="right")
    for rad in sammendrag.land.to_pylist():
        prosent = "maskert" if rad["prosent"] is None else f"{tall(rad['prosent'], 1)} %"
        tabell.add_row(
            f"{rad['arstall']}K{rad['kvartal']}",
            tall(rad["antall_personer"]),
            tall(rad["mulige_dagsverk"]),
            tall(rad["tapte_dagsverk"]),
            prosent,
        )
    console.print(tabell)
    console.print(
        f"{tall(sammendrag.antall_rader)} rader for alle enheter og kvartaler er skrevet til "
        f"{sammendrag.kvartal_csv} og {sammendrag.kvartal_parquet.name}."
    )
    if sammendrag.antall_advarsler:
        console.print(
            f"[yellow]{tall(sammendrag.antall_advarsler)} advarsler[/yellow] "
            f"(alle står i {sammendrag.advarsler_csv}):"
        )
        for rad in sammendrag.forste_advarsler.to_pylist():
            console.print(f"  {rad['fil']}, rad {rad['rad']}: {rad['melding']}")
    else:
        console.print(
            "Ingen advarsler: ingen overlappende fravær og ikke noe fravær utenfor arbeidsforhold."
        )
