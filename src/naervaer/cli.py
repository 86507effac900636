"""The one command line, ``naervaer``: a thin layer over functions that tests call directly."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(
    help="Nærvær: sykefraværsstatistikk, oppfølging og samtalestøtte.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
statistikk_app = typer.Typer(help="Beregn, last og vis sykefraværsstatistikk.", no_args_is_help=True)
app.add_typer(statistikk_app, name="statistikk")


@statistikk_app.command("last")
def statistikk_last(
    sti: Annotated[Path, typer.Argument(help="kvartal.csv eller kvartal.parquet som skal lastes")],
) -> None:
    """Last kvartalsrader inn i Nærværs lager (idempotent: samme fil to ganger endrer ingenting)."""
    raise NotImplementedError  # filled in by the store work


@statistikk_app.command("vis")
def statistikk_vis(
    kategori: Annotated[str, typer.Option(help="LAND, SEKTOR, NAERING, BRANSJE, VIRKSOMHET, …")],
    kode: Annotated[str, typer.Option(help="koden innen kategorien, f.eks. NO eller et orgnr")],
    periode: Annotated[str | None, typer.Option(help="kvartal på formen 2024K4")] = None,
    json_ut: Annotated[bool, typer.Option("--json", help="skriv JSON i stedet for tabell")] = False,
) -> None:
    """Vis statistikk for én enhet: siste fire kvartaler, trend og historikk."""
    raise NotImplementedError  # filled in by the store work


if __name__ == "__main__":
    app()
