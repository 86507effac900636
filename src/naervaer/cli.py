"""The one command line, ``naervaer``: a thin layer over functions that tests call directly."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from naervaer.kilder.cli import app as kilder_app
from naervaer.statistikk.kvartal import Kvartal

app = typer.Typer(
    help="Nærvær: sykefraværsstatistikk, oppfølging og samtalestøtte.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
statistikk_app = typer.Typer(
    help="Beregn, last og vis sykefraværsstatistikk.", no_args_is_help=True
)
app.add_typer(statistikk_app, name="statistikk")
app.add_typer(
    kilder_app, name="kilder", help="Hent tall fra SSB og opplysninger fra Enhetsregisteret."
)


@statistikk_app.command("last")
def statistikk_last(
    sti: Annotated[Path, typer.Argument(help="kvartal.csv eller kvartal.parquet som skal lastes")],
) -> None:
    """Last kvartalsrader inn i Nærværs lager (idempotent: samme fil to ganger endrer ingenting)."""
    from rich.console import Console

    from naervaer.web.statistikk import kommandoer

    kode = kommandoer.last(sti, Console(), Console(stderr=True))
    if kode:
        raise typer.Exit(kode)


@statistikk_app.command("vis")
def statistikk_vis(
    kategori: Annotated[str, typer.Option(help="LAND, SEKTOR, NAERING, BRANSJE, VIRKSOMHET, …")],
    kode: Annotated[str, typer.Option(help="koden innen kategorien, f.eks. NO eller et orgnr")],
    periode: Annotated[str | None, typer.Option(help="kvartal på formen 2024K4")] = None,
    json_ut: Annotated[bool, typer.Option("--json", help="skriv JSON i stedet for tabell")] = False,
) -> None:
    """Vis statistikk for én enhet: siste fire kvartaler, trend og historikk."""
    from rich.console import Console

    from naervaer.web.statistikk import kommandoer

    kode_ut = kommandoer.vis(kategori, kode, periode, json_ut, Console(), Console(stderr=True))
    if kode_ut:
        raise typer.Exit(kode_ut)


@app.command("import")
def importer(
    filer: Annotated[
        list[Path], typer.Argument(help="CSV- eller XLSX-filer fra lønns- eller HR-systemet")
    ],
    orgnr: Annotated[str, typer.Option(help="virksomhetens organisasjonsnummer")],
    forhandsvis: Annotated[
        bool, typer.Option("--forhandsvis", help="vis hva som ville endres, uten å lagre")
    ] = False,
    oppsett: Annotated[
        str | None, typer.Option(help="les alle filene med dette oppsettet: mal, lonn eller hr")
    ] = None,
) -> None:
    """Importer egne ansatte, arbeidsforhold og fravær (alt eller ingenting; se docs/importmal.md).

    Samme filer to ganger endrer ingenting. En senere eksport erstatter importert fravær i
    perioden den dekker for personene i filene.
    """
    from rich.console import Console

    from naervaer.web.egendata import kommandoer

    kode = kommandoer.importer(
        orgnr,
        filer,
        forhandsvisning=forhandsvis,
        oppsett=oppsett,
        ut=Console(),
        feil=Console(stderr=True),
    )
    if kode:
        raise typer.Exit(kode)


def _feil(melding: str, kode: int = 2) -> typer.Exit:
    typer.echo(melding, err=True)
    return typer.Exit(kode)


def _kvartal(tekst: str | None, felt: str) -> Kvartal | None:
    if tekst is None:
        return None
    try:
        return Kvartal.fra_tekst(tekst)
    except ValueError as feil:
        raise _feil(f"{felt}: {feil}") from feil


@app.command("generer")
def generer(
    ut: Annotated[Path, typer.Option(help="mappen registeret skrives til")],
    skala: Annotated[float, typer.Option(help="1.0 ≈ hele Norge (3,4 mill. ansatte)")] = 0.01,
    seed: Annotated[int, typer.Option(help="samme seed gir samme register")] = 2026,
    fra: Annotated[str, typer.Option(help="første kvartal")] = "2021K3",
    til: Annotated[str, typer.Option(help="siste kvartal")] = "2026K2",
    filformat: Annotated[str, typer.Option("--format", help="parquet eller csv")] = "parquet",
) -> None:
    """Lag et syntetisk nasjonalt register (virksomheter, arbeidsforhold, fravær).

    Filer i det andre formatet (csv eller parquet) i samme mappe slettes, så motoren ikke finner
    to versjoner av registeret.
    """
    from naervaer.fremdrift import Fremdrift
    from naervaer.statistikk.oppsummering import tall
    from naervaer.syntetisk.generator import generer as lag_register

    if skala <= 0:
        raise _feil("--skala må være større enn 0")
    if filformat not in ("parquet", "csv"):
        raise _feil("--format må være parquet eller csv")
    fra_kvartal, til_kvartal = _kvartal(fra, "--fra"), _kvartal(til, "--til")
    assert fra_kvartal is not None and til_kvartal is not None
    with Fremdrift() as fremdrift:
        sammendrag = lag_register(
            skala,
            ut,
            seed=seed,
            fra=fra_kvartal,
            til=til_kvartal,
            filformat=filformat,  # type: ignore[arg-type]
            fremdrift=fremdrift.steg,
        )
    s = sammendrag
    typer.echo(
        f"Skrev registeret for {fra_kvartal}–{til_kvartal} til {ut}: "
        f"{tall(s.virksomheter)} virksomheter, {tall(s.personer)} personer, "
        f"{tall(s.arbeidsforhold)} arbeidsforhold og {tall(s.fravaer)} fravær "
        f"({tall(s.egenmeldinger)} egenmeldinger, {tall(s.sykmeldinger)} sykmeldinger)."
    )


@statistikk_app.command("beregn")
def statistikk_beregn(
    inn: Annotated[Path, typer.Option(help="mappen med virksomheter, arbeidsforhold og fravaer")],
    ut: Annotated[Path, typer.Option(help="mappen kvartal.csv og kvartal.parquet skrives til")],
    motor: Annotated[str, typer.Option(help="duckdb (standard) eller spark")] = "duckdb",
    fra: Annotated[str | None, typer.Option(help="første kvartal (standard: fra dataene)")] = None,
    til: Annotated[str | None, typer.Option(help="siste kvartal (standard: fra dataene)")] = None,
    terskel: Annotated[int, typer.Option(help="færre personer enn dette maskeres (minst 5)")] = 5,
) -> None:
    """Beregn kvartalsstatistikk for alle enheter fra et register."""
    from naervaer.fremdrift import Fremdrift
    from naervaer.statistikk.motor import beregn_til_mappe
    from naervaer.statistikk.oppsummering import skriv_oppsummering
    from naervaer.statistikk.register import RegisterFeil

    if motor not in ("duckdb", "spark"):
        raise _feil("--motor må være duckdb eller spark")
    with Fremdrift() as fremdrift:
        try:
            sammendrag = beregn_til_mappe(
                inn,
                ut,
                _kvartal(fra, "--fra"),
                _kvartal(til, "--til"),
                motor,
                terskel=terskel,
                fremdrift=fremdrift.steg,
            )
        except RegisterFeil as feil:
            raise _feil(
                f"Registeret i {inn} har feil, og ingenting ble beregnet:\n{feil}"
            ) from feil
        except ValueError as feil:
            raise _feil(f"Kan ikke beregne: {feil}") from feil
    skriv_oppsummering(sammendrag)


@app.command("frister")
def frister(
    fra: Annotated[
        str | None, typer.Option(help="første fraværsdag, ÅÅÅÅ-MM-DD (f.eks. 2026-01-05)")
    ] = None,
    til: Annotated[
        str | None, typer.Option(help="siste fraværsdag; uten --til pågår fraværet")
    ] = None,
    grad: Annotated[str, typer.Option(help="sykmeldingsgrad i prosent, 20–100")] = "100",
    fravaerstype: Annotated[
        str, typer.Option("--type", help="sykmelding eller egenmelding (for --fra/--til)")
    ] = "sykmelding",
    periode: Annotated[
        list[str] | None,
        typer.Option(
            help="en sykmelding FRA:TIL eller FRA:TIL:GRAD; gjentas for flere, og TIL kan stå "
            "tom for en som pågår (2026-02-01:)"
        ),
    ] = None,
    egenmelding: Annotated[
        list[str] | None, typer.Option(help="en egenmelding FRA:TIL; gjentas for flere")
    ] = None,
    egenmeldingsregel: Annotated[
        str,
        typer.Option(
            help="virksomhetens regel: lov (3 dager), ia (8 dager, 24 per 12 måneder) "
            "eller antall dager per tilfelle, 3–16"
        ),
    ] = "lov",
    json_ut: Annotated[bool, typer.Option("--json", help="skriv JSON i stedet for tabell")] = False,
) -> None:
    """Vis fristene i oppfølgingen av ett sykefravær, med hvem som har ansvaret og kilden.

    Fristene regnes i hele uker fra første fraværsdag i sykefraværstilfellet. Et nytt fravær
    mindre enn 16 dager etter det forrige hører til samme tilfelle (folketrygdloven § 8-19), og
    en gradert sykmelding teller som en hel. En frist som faller på en lørdag, søndag eller
    helligdag flyttes ikke; gjør det senest siste virkedag før.
    """
    from rich.console import Console

    from naervaer.oppfolging import kommando

    try:
        perioder = kommando.les_perioder(
            fra, til, grad, fravaerstype, periode or [], egenmelding or []
        )
        regel = kommando.les_egenmeldingsregel(egenmeldingsregel)
        linje = kommando.beregn(perioder, regel)
    except kommando.Inndatafeil as feil:
        raise _feil(str(feil)) from feil
    if json_ut:
        kommando.skriv_json(linje, Console(), Console(stderr=True))
    else:
        kommando.skriv_tabell(linje, Console())


@app.command("slett-utlopte")
def slett_utlopte(
    orgnr: Annotated[str | None, typer.Option(help="bare denne virksomheten")] = None,
    dato: Annotated[
        str | None, typer.Option(help="regn som om i dag er denne datoen, ÅÅÅÅ-MM-DD")
    ] = None,
    aar: Annotated[
        int | None, typer.Option(help="oppbevaringstid i år (standard NAERVAER_OPPBEVARING_AAR)")
    ] = None,
) -> None:
    """Slett fraværsopplysninger når oppbevaringstiden er ute. Trygt å kjøre hver natt.

    Et sykefraværstilfelle slettes helt når det var over for mer enn oppbevaringstiden siden
    (standard 3 år); et tilfelle som pågår, slettes aldri. Statistikken beholder tallene sine.
    """
    from datetime import date

    from django.conf import settings
    from django.utils import timezone

    from naervaer.fremdrift import Fremdrift
    from naervaer.oppfolging.oppbevaring import grense
    from naervaer.web import django_setup

    django_setup()
    from naervaer.web.personvern.oppbevaring import sammendrag
    from naervaer.web.personvern.oppbevaring import slett_utlopte as slett

    try:
        naa = date.fromisoformat(dato) if dato else timezone.localdate()
    except ValueError as feil:
        raise _feil(f"--dato: «{dato}» er ikke en dato (ÅÅÅÅ-MM-DD)") from feil
    antall_aar = aar if aar is not None else settings.NAERVAER_OPPBEVARING_AAR
    try:
        siste_dag = grense(naa, antall_aar)
        with Fremdrift() as fremdrift:
            resultat = slett(
                naa,
                antall_aar,
                orgnr,
                lambda ferdig, totalt: fremdrift.steg("Sletter per virksomhet", ferdig, totalt),
            )
    except ValueError as feil:
        raise _feil(str(feil)) from feil
    typer.echo(sammendrag(resultat, siste_dag))


@app.command("bench")
def bench(
    skala: Annotated[float, typer.Option(help="størrelsen på registeret, 1.0 ≈ hele Norge")] = 0.05,
    mappe: Annotated[
        Path | None, typer.Option(help="hvor registeret lages eller gjenbrukes")
    ] = None,
    spark: Annotated[bool, typer.Option("--spark", help="mål også Spark (lokalt)")] = False,
    pandas: Annotated[
        bool | None,
        typer.Option(
            "--pandas/--uten-pandas", help="mål pandas-referansen (standard: skala ≤ 0,05)"
        ),
    ] = None,
) -> None:
    """Mål motoren mot gulvet (lesing og sortering), pandas-referansen og Spark."""
    from rich.console import Console
    from rich.table import Table

    from naervaer.innstillinger import datamappe
    from naervaer.statistikk.oppsummering import tall
    from naervaer.ytelse import benk

    mappe = mappe or datamappe() / "bench" / f"skala-{skala}"
    resultat = benk(skala, mappe, med_pandas=pandas, med_spark=spark)
    tabell = Table(title=f"Ytelse, skala {skala}")
    tabell.add_column("Måling")
    tabell.add_column("Verdi", justify="right")
    tabell.add_row("Rader inn", tall(resultat.rader))
    tabell.add_row("Motor (DuckDB), sekunder", f"{resultat.motor_s}")
    tabell.add_row("Motor, toppminne MB", f"{resultat.topp_mb}")
    tabell.add_row("Gulv (lese og sortere), sekunder", f"{resultat.skanning_s}")
    tabell.add_row("Motor / gulv", f"{resultat.motor_s / resultat.skanning_s:.1f}×")
    if resultat.pandas_s is not None:
        tabell.add_row("pandas-referansen, sekunder", f"{resultat.pandas_s}")
        tabell.add_row("pandas / motor", f"{resultat.pandas_s / resultat.motor_s:.1f}×")
    if resultat.spark_s is not None:
        tabell.add_row("Spark (lokalt), sekunder", f"{resultat.spark_s}")
    Console(stderr=True).print(tabell)
    typer.echo(resultat.json())


@app.command("send-paminnelser")
def send_paminnelser(
    naa: Annotated[
        str | None,
        typer.Option(
            "--naa", help="tidspunktet kjøringen gjelder, f.eks. 2025-02-17T07:05 (norsk tid)"
        ),
    ] = None,
) -> None:
    """Send påminnelser om frister og planlagte aktiviteter som er forfalt.

    Trygt å kjøre med få minutters mellomrom fra cron eller et systemd-tidsur, også to samtidig:
    ingen e-post sendes to ganger, og det en kjøring ikke fikk sendt, sender den neste.
    """
    from naervaer.web import django_setup

    django_setup()
    from naervaer.web.paminnelser.utsending import kjor, les_tidspunkt

    try:
        tidspunkt = les_tidspunkt(naa) if naa else None
    except ValueError as feil:
        raise _feil(f"--naa: {feil}") from feil
    resultat = kjor(tidspunkt)
    typer.echo(resultat.tekst())
    if resultat.stoppet:
        raise _feil(f"Stoppet: {resultat.stoppet}. Resten sendes ved neste kjøring.", 1)


if __name__ == "__main__":
    app()
