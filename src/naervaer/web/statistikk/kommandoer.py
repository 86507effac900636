"""What ``naervaer statistikk last`` and ``naervaer statistikk vis`` do, for the CLI to call.

Each function sets Django up itself and answers with an exit code, so the CLI stays a thin layer
and the tests can call the commands through typer.
"""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from naervaer.statistikk.enheter import Kategori
from naervaer.statistikk.kvartal import Kvartal
from naervaer.statistikk.maskering import Terskel
from naervaer.statistikk.tallformat import norsk_tall
from naervaer.web import django_setup

# Below this a load takes a moment and a progress bar would only flicker.
RADER_FOR_FREMDRIFT = 50_000


def _melding(konsoll: Console, tekst: str) -> None:
    # soft_wrap: a message with a file path must not be broken at the terminal's width.
    konsoll.print(tekst, highlight=False, markup=False, soft_wrap=True)


def _heltall(antall: int) -> str:
    return norsk_tall(antall, 0)


def last(sti: Path, ut: Console, feil: Console) -> int:
    django_setup()
    from naervaer.web.statistikk.fil import Filfeil, antall_rader
    from naervaer.web.statistikk.lager import LagerIkkeKlart, forbered_lager, last_inn

    try:
        forbered_lager()
        if not sti.is_file():
            raise Filfeil([f"{sti}: finner ikke filen"])
        totalt = antall_rader(sti)
        with Progress(
            TextColumn("Laster {task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=feil,
            transient=True,
            disable=totalt < RADER_FOR_FREMDRIFT or not feil.is_terminal,
        ) as fremdrift:
            oppgave = fremdrift.add_task(sti.name, total=totalt)
            resultat = last_inn(sti, fremdrift=lambda n: fremdrift.advance(oppgave, n))
    except Filfeil as f:
        _melding(feil, "Ingenting ble lastet, fordi filen har feil:")
        for melding in f.feil:
            _melding(feil, f"  {melding}")
        return 1
    except LagerIkkeKlart as f:
        _melding(feil, str(f))
        return 1
    _melding(
        ut,
        f"Lastet {_heltall(resultat.rader)} rader fra {sti.name}: "
        f"{_heltall(resultat.nye)} nye, {_heltall(resultat.endrede)} endret, "
        f"{_heltall(resultat.uendrede)} uendret.",
    )
    return 0


def vis(
    kategori: str, kode: str, periode: str | None, json_ut: bool, ut: Console, feil: Console
) -> int:
    kategori = kategori.strip().upper()
    if kategori not in {k.value for k in Kategori}:
        gyldige = ", ".join(k.value for k in Kategori)
        _melding(feil, f"Ukjent kategori «{kategori}». Gyldige er {gyldige}.")
        return 1
    try:
        kvartal = Kvartal.fra_tekst(periode) if periode is not None else None
    except ValueError as f:
        _melding(feil, f"Ugyldig periode: {f}.")
        return 1

    django_setup()
    from django.conf import settings

    from naervaer.web.statistikk.lager import LagerIkkeKlart, forbered_lager, hent_kvartalstall
    from naervaer.web.statistikk.visning import (
        lag_enhetsstatistikk,
        som_json,
        som_tabell,
        til_json_tekst,
    )

    try:
        forbered_lager()
    except LagerIkkeKlart as f:
        _melding(feil, str(f))
        return 1
    rader = hent_kvartalstall(kategori, kode.strip())
    if not rader:
        _melding(
            feil,
            f"Fant ingen statistikk for {kategori} {kode.strip()}. Sjekk kategori og kode, "
            "eller last data med «naervaer statistikk last».",
        )
        return 1
    statistikk = lag_enhetsstatistikk(
        kategori, kode.strip(), rader, kvartal, Terskel(settings.NAERVAER_MASKERINGSTERSKEL)
    )
    if json_ut:
        # Plain print, not rich: JSON must come out byte for byte, without wrapping or colours.
        print(til_json_tekst(som_json(statistikk)), file=ut.file)
    else:
        ut.print(som_tabell(statistikk))
    return 0
