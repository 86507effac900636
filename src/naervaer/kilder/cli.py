"""``naervaer kilder …``: fetch SSB's published figures and look up virksomheter in Brreg.

A thin layer over ``naervaer.kilder.ssb`` and ``naervaer.kilder.enhetsregisteret``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn
from rich.table import Table

from naervaer.kilder.enhetsregisteret import (
    BRREG_ROT,
    EnhetsregisterKlient,
    UgyldigOrgnr,
    Virksomhetsinfo,
    formater_orgnr,
)
from naervaer.kilder.feil import KildeFeil
from naervaer.kilder.ssb import (
    SSB_MIN_INTERVALL,
    SSB_V2_ROT,
    TABELLER,
    PublisertTall,
    SsbKlient,
    Tabell,
    les_referanse,
    skriv_csv,
)
from naervaer.statistikk.enheter import FYLKER
from naervaer.statistikk.kvartal import Kvartal

app = typer.Typer(
    help="Hent publiserte tall fra SSB og virksomhetsopplysninger fra Enhetsregisteret.",
    no_args_is_help=True,
)

# Progress and errors go to stderr so that stdout stays clean for --json and for pipes.
_feilkonsoll = Console(stderr=True)


def _kvartal(verdi: str) -> Kvartal:
    try:
        return Kvartal.fra_tekst(verdi)
    except ValueError as feil:
        raise typer.BadParameter(str(feil)) from feil


def _avbryt(feil: KildeFeil | OSError) -> typer.Exit:
    # Messages quote URLs such as valueCodes[Tid]=…, which rich would read as markup.
    _feilkonsoll.print(f"[bold red]Feil:[/] {escape(str(feil))}", highlight=False)
    return typer.Exit(code=1)


def _skriv(tall: list[PublisertTall], ut: Path) -> int:
    try:
        return skriv_csv(tall, ut)
    except OSError as feil:
        raise _avbryt(OSError(f"Kunne ikke skrive {ut}: {feil.strerror or feil}")) from feil


@app.command("ssb")
def ssb(
    ut: Annotated[
        Path, typer.Option("--ut", "-o", help="CSV-filen tallene skrives til (; og desimalkomma).")
    ] = Path("ssb_sykefravaer.csv"),
    referanse: Annotated[
        bool,
        typer.Option(
            "--referanse",
            help="Bruk kopien av publiserte SSB-tall som følger med Nærvær; trenger ikke nett.",
        ),
    ] = False,
    fra: Annotated[
        Kvartal | None,
        typer.Option(help="Første kvartal, f.eks. 2015K1.", parser=_kvartal, metavar="KVARTAL"),
    ] = None,
    til: Annotated[
        Kvartal | None,
        typer.Option(help="Siste kvartal, f.eks. 2025K4.", parser=_kvartal, metavar="KVARTAL"),
    ] = None,
    sjekk: Annotated[
        bool,
        typer.Option(
            "--sjekk",
            help="Vis hvilke SSB-tabeller tabellnumrene peker på, uten å hente tall.",
        ),
    ] = False,
    ssb_url: Annotated[str, typer.Option("--ssb-url", help="Rot-URL for SSBs PxWebApi v2.")] = (
        SSB_V2_ROT
    ),
    timeout: Annotated[float, typer.Option(help="Sekunder å vente på hvert svar.")] = 30.0,
    min_intervall: Annotated[
        float,
        typer.Option(help="Sekunder mellom to spørringer (SSB tillater 30 i minuttet)."),
    ] = SSB_MIN_INTERVALL,
) -> None:
    """Hent nasjonale sykefraværstall (land, næring, sektor, fylke; egenmeldt og legemeldt)."""
    if referanse:
        tall: list[PublisertTall] = les_referanse()
        tall = [
            t
            for t in tall
            if (fra is None or t.kvartal >= fra) and (til is None or t.kvartal <= til)
        ]
        antall = _skriv(tall, ut)
        typer.echo(f"Skrev {antall} publiserte tall fra referansekopien til {ut}.")
        return

    try:
        with SsbKlient(ssb_url, timeout=timeout, min_intervall=min_intervall) as klient:
            if sjekk:
                _vis_sjekk(klient)
                return
            with Progress(
                SpinnerColumn(),
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                console=_feilkonsoll,
                transient=True,
            ) as fremdrift:
                oppgave = fremdrift.add_task("Henter fra SSB", total=len(TABELLER))

                def ferdig(tabell: Tabell) -> None:
                    fremdrift.update(
                        oppgave,
                        advance=1,
                        description=f"Hentet tabell {tabell.id} ({tabell.kategori.value})",
                    )

                tall = klient.hent_alle(fra=fra, til=til, ved_tabell=ferdig)
    except KildeFeil as feil:
        raise _avbryt(feil) from feil

    antall = _skriv(tall, ut)
    typer.echo(f"Skrev {antall} publiserte tall fra SSB til {ut}.")


def _vis_sjekk(klient: SsbKlient) -> None:
    tabell = Table(title="SSB-tabellene Nærvær bruker")
    for kolonne in ("tabell", "kategori", "SSBs tittel", "status"):
        tabell.add_column(kolonne)
    feil = False
    for sjekk in klient.sjekk_tabeller():
        feil = feil or not sjekk.ok
        tabell.add_row(
            sjekk.tabell.id,
            sjekk.tabell.kategori.value,
            sjekk.tittel or "–",
            "ok" if sjekk.ok else f"[red]{sjekk.feil}[/]",
        )
    Console().print(tabell)
    if feil:
        raise typer.Exit(code=1)


@app.command("enhet")
def enhet(
    orgnr: Annotated[
        str,
        typer.Argument(help="Organisasjonsnummeret til virksomheten (9 sifre).", metavar="ORGNR"),
    ],
    json_ut: Annotated[
        bool, typer.Option("--json", help="Skriv JSON i stedet for tabell.")
    ] = False,
    brreg_url: Annotated[
        str, typer.Option("--brreg-url", help="Rot-URL for Enhetsregisterets åpne API.")
    ] = BRREG_ROT,
    timeout: Annotated[float, typer.Option(help="Sekunder å vente på hvert svar.")] = 30.0,
) -> None:
    """Slå opp en virksomhet (underenhet) i Enhetsregisteret."""
    try:
        with EnhetsregisterKlient(brreg_url, timeout=timeout) as klient:
            info = klient.hent_virksomhet(orgnr)
    except UgyldigOrgnr as feil:
        raise typer.BadParameter(str(feil), param_hint="ORGNR") from feil
    except KildeFeil as feil:
        raise _avbryt(feil) from feil

    if json_ut:
        typer.echo(json.dumps(info.som_dict(), ensure_ascii=False, indent=2))
    else:
        Console().print(_virksomhetstabell(info))


def _virksomhetstabell(info: Virksomhetsinfo) -> Table:
    tabell = Table(show_header=False, title=info.navn)
    tabell.add_column("felt", style="bold")
    tabell.add_column("verdi")
    kommune = info.kommunenummer or "–"
    if info.kommunenummer and info.kommunenummer[:2] in FYLKER:
        kommune = f"{info.kommunenummer} ({FYLKER[info.kommunenummer[:2]]})"
    rader = [
        ("Organisasjonsnummer", formater_orgnr(info.orgnr)),
        ("Næringskode", info.naeringskode or "–"),
        (
            "Overordnet enhet",
            formater_orgnr(info.overordnet_orgnr) if info.overordnet_orgnr else "–",
        ),
        ("Sektor", info.sektor.value),
        ("Institusjonell sektorkode", info.institusjonell_sektorkode or "–"),
        ("Kommunenummer", kommune),
        ("Slettet", "ja" if info.slettet else "nei"),
    ]
    if info.slettedato:
        rader.append(("Slettedato", f"{info.slettedato:%d.%m.%Y}"))
    for felt, verdi in rader:
        tabell.add_row(felt, verdi)
    return tabell
